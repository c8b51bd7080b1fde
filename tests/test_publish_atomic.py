"""Publish is atomic across a partition's tables: a gate process killed (SIGKILL, a real subprocess) at any point
between validation and the end of publishing leaves nothing half-visible, the rerun completes, reruns converge.

The kill points are installed in the child process by wrapping the publish step it is about to run, so the child
dies exactly there with no chance to clean up, as it would on an OOM kill or a lost worker.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from newscorpus import pipeline
from newscorpus.catalog import catalog_path, query, refresh_catalog
from newscorpus.commits import committed_files, read_commit
from newscorpus.demo import DEMO_DATE
from newscorpus.partitions import PUBLISHED_TABLES, Partition
from newscorpus.storage import Storage

RUN = "atomic-test"
PARTITION = Partition("korankota", DEMO_DATE, RUN)

# Runs pipeline.gate in a child process that SIGKILLs itself at the named point of the publish.
CHILD = r"""
import json, os, signal, sys
from newscorpus import pipeline, publish, storage

args = json.loads(sys.argv[1])
point = args["point"]

def die(*_args, **_kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

if point == "after_validation":  # the gate passed and its validation row is written; nothing published yet
    publish._publish_tables = die
elif point == "after_first_table":  # one table's new data file written, the others not
    copy, published = storage.Storage.copy, []
    def copy_then_die(self, source, target):
        if str(target).startswith("published/"):
            if published:
                die()
            published.append(target)
        copy(self, source, target)
    storage.Storage.copy = copy_then_die
elif point == "before_commit":  # every new data file written, the commit manifest not
    publish.write_commit = die
elif point == "before_cleanup":  # committed; the previous commit's files not yet removed
    publish.collect_garbage = die
pipeline.gate(args["transformed"])
print("the kill point was never reached")
"""


@pytest.fixture(scope="module")
def staged_root(demo_site_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """korankota crawled, extracted and transformed once; each test gates a copy of it."""
    from newscorpus.demo_site import SOURCES_YAML
    from newscorpus.demo_site import demo_env as site_env

    root = tmp_path_factory.mktemp("atomic") / "data"
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {**site_env(demo_site_urls), "NEWSCORPUS_SOURCES": str(SOURCES_YAML)}.items():
            patch.setenv(name, value)
        patch.setenv("NEWSCORPUS_DATA", str(root))
        (source,) = pipeline.list_sources(["korankota"])
        pipeline.cluster([pipeline.transform(pipeline.extract(pipeline.crawl(source, DEMO_DATE, RUN)))])
    yield root


@pytest.fixture
def data(staged_root: Path, demo_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "gated"
    shutil.copytree(staged_root, root)
    monkeypatch.setenv("NEWSCORPUS_DATA", str(root))
    # the files a republish retires go at once here; the grace period has its own tests at the end
    monkeypatch.setenv("NEWSCORPUS_RETIRED_GRACE_S", "0")
    return root


def _transformed(root: Path) -> dict:
    (source,) = pipeline.list_sources(["korankota"])
    staged = {t: str(root / PARTITION.staging_key(t)) for t in (*PUBLISHED_TABLES, "crawl_runs")}
    return {"source": source, "partition": PARTITION.to_dict(), "staged": staged}


def _gate_killed_at(point: str, root: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps({"point": point, "transformed": _transformed(root)})],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == -signal.SIGKILL, (done.returncode, done.stdout, done.stderr[-3000:])


def _staged_rows(root: Path) -> dict[str, int]:
    store = Storage.at(root)
    return {t: store.read_table(PARTITION.staging_key(t)).num_rows for t in PUBLISHED_TABLES}


def _visible(root: Path) -> dict[str, int]:
    """What a reader sees of the partition through the catalog: rows (and distinct keys) per table."""
    refresh_catalog(root)
    _, views = query(root, "SELECT view_name FROM duckdb_views() WHERE NOT internal")
    if "articles" not in {v[0] for v in views}:
        return {}
    _, ((articles, distinct, pages),) = query(
        root,
        "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT article_id) FROM articles), "
        "(SELECT count(*) FROM pages)",
    )
    return {"articles": articles, "distinct_articles": distinct, "pages": pages}


def _files_on_disk(root: Path) -> dict[str, list[str]]:
    return {
        t: sorted(p.relative_to(root).as_posix() for p in (root / PARTITION.published_key(t)).glob("*.parquet"))
        for t in PUBLISHED_TABLES
    }


def _assert_whole_and_clean(root: Path, rows: dict[str, int]) -> None:
    commit = read_commit(Storage.at(root), PARTITION)
    assert commit is not None and commit.rows == rows
    assert _files_on_disk(root) == {t: commit.files[t] for t in PUBLISHED_TABLES}  # the stray files are gone
    whole = {"articles": rows["articles"], "distinct_articles": rows["articles"], "pages": rows["pages"]}
    assert _visible(root) == whole
    _, runs = query(root, "SELECT run_id, gate_passed, articles_published FROM crawl_runs")
    assert runs == [(RUN, True, rows["articles"])]  # one row per run, however often the gate ran


@pytest.mark.parametrize("point", ["after_validation", "before_commit"])
def test_a_first_publish_killed_midway_shows_nothing_and_the_rerun_completes(data: Path, point: str) -> None:
    rows = _staged_rows(data)
    assert rows["articles"] > 0 and rows["pages"] > rows["articles"]
    _gate_killed_at(point, data)

    assert read_commit(Storage.at(data), PARTITION) is None
    assert all(committed_files(Storage.at(data), t) == [] for t in PUBLISHED_TABLES)
    assert _visible(data) == {}  # no partition, not part of one
    if point == "before_commit":
        assert all(len(files) == 1 for files in _files_on_disk(data).values())  # written, never named

    assert pipeline.gate(_transformed(data))["published"] is True
    _assert_whole_and_clean(data, rows)
    first = read_commit(Storage.at(data), PARTITION)
    assert pipeline.gate(_transformed(data))["published"] is True  # idempotent: same rows, one file per table
    _assert_whole_and_clean(data, rows)
    assert read_commit(Storage.at(data), PARTITION).commit_id != first.commit_id


@pytest.mark.parametrize("point", ["after_first_table", "before_cleanup"])
def test_a_republish_killed_midway_leaves_exactly_one_version_visible(data: Path, point: str) -> None:
    rows = _staged_rows(data)
    assert pipeline.gate(_transformed(data))["published"] is True
    before = read_commit(Storage.at(data), PARTITION)
    _gate_killed_at(point, data)

    after = read_commit(Storage.at(data), PARTITION)
    if point == "before_cleanup":
        assert after.commit_id != before.commit_id  # the new version is published whole ...
        assert all(len(files) == 2 for files in _files_on_disk(data).values())  # ... the old files still there
    else:
        assert after == before  # the old version is still the published one
        assert len(_files_on_disk(data)["pages"]) == 2  # beside it, a new file no commit names
    whole = {"articles": rows["articles"], "distinct_articles": rows["articles"], "pages": rows["pages"]}
    assert _visible(data) == whole  # one version, never a mix of two

    assert pipeline.gate(_transformed(data))["published"] is True
    _assert_whole_and_clean(data, rows)


# --- retired files: a republish keeps the previous version's files for a grace period ----------------------------


def _republish_with_an_old_catalog_open(data: Path) -> tuple[Path, set[str]]:
    """Publish, keep a copy of the catalog as a reader who opened it then would hold it, publish again; return
    that old catalog and the files the first commit named."""
    pipeline.gate(_transformed(data))
    refresh_catalog(data)
    first = read_commit(Storage.at(data), PARTITION)
    old_catalog = data.parent / "catalog-before-republish.duckdb"
    shutil.copy(catalog_path(data), old_catalog)
    pipeline.gate(_transformed(data))
    return old_catalog, {key for files in first.files.values() for key in files}


def _count_articles(catalog: Path) -> int:
    with duckdb.connect(str(catalog), read_only=True) as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_a_republish_keeps_the_retired_files_for_readers_of_the_old_catalog(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSCORPUS_RETIRED_GRACE_S", "3600")
    rows = _staged_rows(data)
    old_catalog, first_files = _republish_with_an_old_catalog_open(data)

    second = read_commit(Storage.at(data), PARTITION)
    assert set(second.retired) == first_files  # named by the manifest with the time they stopped being published
    assert all((data / key).exists() for key in first_files)
    assert _count_articles(old_catalog) == rows["articles"]  # a reader of the previous version still reads it whole

    refresh_catalog(data)  # the catalog moves on; the grace has not run out
    assert all((data / key).exists() for key in first_files)
    assert _visible(data)["articles"] == rows["articles"]  # the new catalog names the new files only

    monkeypatch.setenv("NEWSCORPUS_RETIRED_GRACE_S", "0")  # as if the grace had run out
    refresh_catalog(data)
    assert not any((data / key).exists() for key in first_files)
    assert _files_on_disk(data) == {t: second.files[t] for t in PUBLISHED_TABLES}
    assert _visible(data)["articles"] == rows["articles"]


def test_without_the_grace_period_a_reader_of_the_old_catalog_loses_its_files(data: Path) -> None:
    """Why the grace exists: with none, a catalog opened before the republish names files that are gone."""
    old_catalog, first_files = _republish_with_an_old_catalog_open(data)
    assert not any((data / key).exists() for key in first_files)
    with pytest.raises(duckdb.IOException):
        _count_articles(old_catalog)


def test_a_bad_grace_setting_is_refused_with_its_name(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCORPUS_RETIRED_GRACE_S", "a day")
    with pytest.raises(ValueError, match="NEWSCORPUS_RETIRED_GRACE_S"):
        pipeline.gate(_transformed(data))
    assert read_commit(Storage.at(data), PARTITION) is None  # refused before anything was published

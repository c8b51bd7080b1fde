"""A catalog refresh costs what changed, not what was ever published: it lists the commit manifests once and reads
only the new or changed ones, and it asks the store about an expired retired file once, not on every refresh.

Requests are counted at the pyarrow filesystem boundary (every call that is a request on S3), by a pass-through
handler around the real filesystem: a local folder, and moto's S3 server for the listing that validates the cache.
Partitions are published by the real publish step (`publish._publish_tables`) from small staged tables; the gate in
front of it has its own tests.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.fs as pafs
import pytest

from newscorpus import commit_cache, publish, storage
from newscorpus.catalog import commit_cache_path, query, refresh_catalog
from newscorpus.commit_cache import CommitCache
from newscorpus.commits import Commit, expire_retired, read_commit
from newscorpus.partitions import COMMITS_DIR, PUBLISHED_TABLES, Partition
from newscorpus.storage import Storage

DAY = dt.date(2024, 3, 1)
HOUR_NS = 3600 * 10**9


class CountingHandler(pafs.FileSystemHandler):
    """Passes every call to a real filesystem and counts, per path, the reads (GET) and the lookups (HEAD)."""

    def __init__(self, fs: pafs.FileSystem) -> None:
        self.fs = fs
        self.reads: Counter[str] = Counter()
        self.lookups: Counter[str] = Counter()
        self.listings = 0

    def get_type_name(self) -> str:
        return f"counting+{self.fs.type_name}"

    def equals(self, other: object) -> bool:
        return self is other

    def normalize_path(self, path: str) -> str:
        return self.fs.normalize_path(path)

    def get_file_info(self, paths: list[str]) -> list[pafs.FileInfo]:
        self.lookups.update(paths)
        return self.fs.get_file_info(paths)

    def get_file_info_selector(self, selector: pafs.FileSelector) -> list[pafs.FileInfo]:
        self.listings += 1
        return self.fs.get_file_info(selector)

    def open_input_stream(self, path: str) -> pa.NativeFile:
        self.reads[path] += 1
        return self.fs.open_input_stream(path, compression=None)

    def open_input_file(self, path: str) -> pa.NativeFile:
        self.reads[path] += 1
        return self.fs.open_input_file(path)

    def open_output_stream(self, path: str, metadata: object) -> pa.NativeFile:
        return self.fs.open_output_stream(path, compression=None, metadata=metadata)

    def open_append_stream(self, path: str, metadata: object) -> pa.NativeFile:
        return self.fs.open_append_stream(path, compression=None, metadata=metadata)

    def create_dir(self, path: str, recursive: bool) -> None:
        self.fs.create_dir(path, recursive=recursive)

    def delete_dir(self, path: str) -> None:
        self.fs.delete_dir(path)

    def delete_dir_contents(self, path: str, missing_dir_ok: bool = False) -> None:
        self.fs.delete_dir_contents(path, missing_dir_ok=missing_dir_ok)

    def delete_root_dir_contents(self) -> None:
        raise NotImplementedError("never needed by a test")

    def delete_file(self, path: str) -> None:
        self.fs.delete_file(path)

    def move(self, src: str, dest: str) -> None:
        self.fs.move(src, dest)

    def copy_file(self, src: str, dest: str) -> None:
        self.fs.copy_file(src, dest)

    def reset(self) -> None:
        self.reads.clear()
        self.lookups.clear()
        self.listings = 0


def _counted(real: Storage) -> tuple[Storage, CountingHandler]:
    handler = CountingHandler(real.fs)
    return Storage(real.root, pafs.PyFileSystem(handler), real.base), handler


@pytest.fixture
def counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Storage, CountingHandler]:
    """A local storage root whose requests are counted; the catalog refresh is handed the same counted store."""
    monkeypatch.delenv("NEWSCORPUS_CATALOG", raising=False)
    monkeypatch.setenv("NEWSCORPUS_RETIRED_GRACE_S", "3600")
    store, handler = _counted(Storage.at(tmp_path / "data"))
    original: Callable[[object], Storage] = Storage.at
    monkeypatch.setattr(
        storage.Storage, "at", classmethod(lambda _cls, root: store if str(root) == store.root else original(root))
    )
    return store, handler


def _publish(store: Storage, source: str, title: str) -> Commit:
    """Stage one tiny version of the partition and publish it with the real publish step."""
    partition = Partition(source, DAY, f"run-{title}")
    columns = {"source": [source], "crawl_date": [DAY], "url": [f"https://{source}.example/{title}"]}
    article = {"article_id": [title], "language": ["id"], "published_at": [None], "title": [title], "body": ["b"]}
    staged = {}
    for table in PUBLISHED_TABLES:
        key = partition.staging_key(table)
        store.write_table(key, pa.table({**columns, **(article if table == "articles" else {})}))
        staged[table] = key
    return publish._publish_tables(partition, staged, store, None, {t: 1 for t in PUBLISHED_TABLES})


def _age_commits(store: Storage) -> None:
    """As if the manifests written since an hour ago had been written then: past the cache's racy window."""
    an_hour_ago = time.time_ns() - HOUR_NS
    for key in store.list_files(COMMITS_DIR):
        stat = os.stat(store.path(key))
        if stat.st_mtime_ns > an_hour_ago:
            os.utime(store.path(key), ns=(stat.st_atime_ns, an_hour_ago))


def _manifest_reads(store: Storage, handler: CountingHandler) -> int:
    return sum(n for path, n in handler.reads.items() if path.startswith(store.path(COMMITS_DIR)))


def _titles(store: Storage) -> list[str]:
    return [row[0] for row in query(Path(store.root), "SELECT title FROM articles ORDER BY title")[1]]


def test_a_refresh_reads_only_the_commit_manifests_that_are_new_or_changed(counted) -> None:
    store, handler = counted
    for source in ("alpha", "beta", "gamma"):
        _publish(store, source, f"{source}-1")
    _age_commits(store)

    handler.reset()
    refresh_catalog(store.root)
    assert _manifest_reads(store, handler) == 3  # the first refresh reads every manifest once
    assert _titles(store) == ["alpha-1", "beta-1", "gamma-1"]

    handler.reset()
    refresh_catalog(store.root)
    assert _manifest_reads(store, handler) == 0  # nothing changed: one listing, no manifest read
    assert _titles(store) == ["alpha-1", "beta-1", "gamma-1"]

    _publish(store, "beta", "beta-2")  # a republish replaces beta's manifest in place
    handler.reset()
    refresh_catalog(store.root)
    assert _manifest_reads(store, handler) == 1
    assert _titles(store) == ["alpha-1", "beta-2", "gamma-1"]

    handler.reset()
    refresh_catalog(store.root)  # a manifest replaced moments ago is read again until it has settled ...
    assert _manifest_reads(store, handler) == 1
    _age_commits(store)  # (a new modification time: read once more, now remembered) ...
    refresh_catalog(store.root)
    handler.reset()
    refresh_catalog(store.root)  # ... and then no more
    assert _manifest_reads(store, handler) == 0
    assert _titles(store) == ["alpha-1", "beta-2", "gamma-1"]
    # nor a HEAD or GET per published file for the search shards: their names come from the listing
    assert not handler.reads and not handler.lookups


def test_a_manifest_replaced_with_the_same_size_and_time_is_not_missed(counted) -> None:
    """The racy case of a size+mtime cache: a replacement within the same clock tick and of the same size."""
    store, _handler = counted
    first = _publish(store, "alpha", "old")
    refresh_catalog(store.root)
    assert _titles(store) == ["old"]

    # the same manifest naming other files under ids of the same length: same size, and the same mtime
    partition = Partition("alpha", DAY, first.run_id)
    manifest = store.path(partition.commit_key)
    before = os.stat(manifest)
    other_id = first.commit_id[:-8] + "f" * 8
    for table in PUBLISHED_TABLES:
        data = store.read_table(first.files[table][0])
        if table == "articles":
            data = data.set_column(data.schema.get_field_index("title"), "title", pa.array(["new"]))
        store.write_table(first.files[table][0].replace(first.commit_id, other_id), data)
    store.write_text(partition.commit_key, store.read_text(partition.commit_key).replace(first.commit_id, other_id))
    os.utime(manifest, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (os.stat(manifest).st_size, os.stat(manifest).st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    refresh_catalog(store.root)
    assert _titles(store) == ["new"]


def test_an_expired_retired_file_is_looked_up_once_and_forgotten_after_the_next_publish(
    counted, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, handler = counted
    first = _publish(store, "alpha", "v1")
    second = _publish(store, "alpha", "v2")
    _publish(store, "beta", "v1")
    retired = {key for files in first.files.values() for key in files}
    assert set(second.retired) == retired
    lookups = lambda: sum(handler.lookups[store.path(key)] for key in retired)  # noqa: E731

    refresh_catalog(store.root)  # within the grace: kept
    assert all(store.exists(key) for key in retired)

    monkeypatch.setenv("NEWSCORPUS_RETIRED_GRACE_S", "0")  # as if the grace had run out
    handler.reset()
    refresh_catalog(store.root)
    assert not any(store.exists(key) for key in retired)
    assert 0 < lookups() <= 2 * len(retired)  # looked up (and deleted) once each

    for _ in range(2):
        handler.reset()
        refresh_catalog(store.root)
        assert lookups() == 0  # known gone: never asked about again
    assert read_commit(store, Partition("alpha", DAY, "any")).retired.keys() == retired  # still listed in the commit
    assert CommitCache.load(commit_cache_path(store.root), store.root).gone == retired

    third = _publish(store, "alpha", "v3")  # the next publish drops expired entries from its commit's retired list
    assert set(third.retired) == {key for files in second.files.values() for key in files}
    refresh_catalog(store.root)
    assert CommitCache.load(commit_cache_path(store.root), store.root).gone == set(third.retired)
    assert _titles(store) == ["v1", "v3"]


def test_a_retired_file_that_a_commit_still_names_is_never_deleted(counted) -> None:
    store, _handler = counted
    live = _publish(store, "alpha", "v1")
    named = live.files["articles"][0]
    long_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=30)).isoformat()
    confused = Commit("beta", DAY, "r", "c", long_ago, {t: [] for t in PUBLISHED_TABLES}, retired={named: long_ago})
    gone: set[str] = set()
    assert expire_retired(store, dt.datetime.now(dt.UTC), dt.timedelta(0), [live, confused], gone=gone) == []
    assert store.exists(named) and gone == set()


def test_an_unusable_or_foreign_cache_file_is_read_as_empty(tmp_path: Path) -> None:
    file = tmp_path / "corpus.commit-cache.json"
    file.write_text("{not json")
    assert CommitCache.load(file, "/data").commits == {}
    CommitCache(file, "/other", gone={"x"}).save()
    assert CommitCache.load(file, "/data").gone == set()
    assert CommitCache.load(file, "/other").gone == {"x"}
    assert json.loads(file.read_text())["root"] == "/other"


# --- on S3: the listing's LastModified validates the cache ---------------------------------------------------------

try:
    import test_storage_s3
except pytest.skip.Exception:  # boto3/moto not installed
    test_storage_s3 = None
s3_endpoint = test_storage_s3.s3_endpoint if test_storage_s3 else None


@pytest.mark.skipif(test_storage_s3 is None, reason="needs boto3 and moto_server")
def test_on_s3_the_listing_validates_remembered_manifests(
    s3_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import boto3

    for name, value in {
        "AWS_ENDPOINT_URL": s3_endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1").create_bucket(Bucket="housekeeping")
    store, handler = _counted(Storage.at("s3://housekeeping/corpus"))
    commits = {}
    for source in ("alpha", "beta"):
        partition = Partition(source, DAY, "r")
        commits[source] = Commit(source, DAY, "r", "c1", "t", {t: [f"{source}-{t}"] for t in PUBLISHED_TABLES})
        store.write_text(partition.commit_key, json.dumps(commits[source].to_dict()))
    file = tmp_path / "cache.json"

    def refresh() -> tuple[list[Commit], int]:
        cache = CommitCache.load(file, store.root)
        handler.reset()
        current = cache.current_commits(store)
        cache.save()
        return current, len(handler.reads)

    assert refresh() == (list(commits.values()), 2)
    assert refresh()[1] == 2  # just written: within the racy window, read again
    monkeypatch.setattr(commit_cache, "RACY_WINDOW", dt.timedelta(0))  # as if a minute had passed
    assert refresh()[1] == 2
    assert refresh() == (list(commits.values()), 0)  # S3's LastModified and size from the one listing suffice
    assert handler.listings == 1

    changed = Commit("beta", DAY, "r2", "c2", "t", {t: [f"beta-{t}-2"] for t in PUBLISHED_TABLES})
    store.write_text(Partition("beta", DAY, "r").commit_key, json.dumps(changed.to_dict()))
    assert refresh() == ([commits["alpha"], changed], 1)

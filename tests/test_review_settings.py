"""Settings a reviewer following the README tripped over:

- the dataset card states the permissions of the registry the corpus was built from (recorded in crawl_runs by
  each run), not of whatever sources.yaml the export happens to see (after `make demo`: the repository's, which
  has no demo outlet); runs published before that record fall back to the current registry, and say so;
- one setting, NEWSCORPUS_CRAWL_POOL_SLOTS, read and checked by one function, sizes the crawl pool of the local
  setup and of docker-compose (whose older CRAWL_POOL_SLOTS still works);
- NEWSCORPUS_SOURCES defaults to ./sources.yaml in the current directory, as NEWSCORPUS_DATA defaults to ./data.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from newscorpus import airflow_local
from newscorpus.cli import main
from newscorpus.dag_config import CRAWL_POOL, crawl_pool_slots
from newscorpus.settings import REPO_ROOT, sources_file
from newscorpus.sources import PERMISSION_COLUMN

COMPOSE_FILE = REPO_ROOT / "docker-compose.yml"
ENV_EXAMPLE = REPO_ROOT / ".env.example"
CRAWL_TIME_PERMISSION = {
    "terms_url": "https://korankota.example/syarat",
    "robots_notes": "robots.txt allows every agent (checked for the review test)",
    "contact": "redaksi@korankota.example",
    "verified": True,
    "checked_on": "2026-11-01",
}


# --- 1. the dataset card reads the permissions the corpus recorded -------------------------------------------------


@dataclass(frozen=True)
class RecordedCorpus:
    data: Path
    env: dict[str, str]


@pytest.fixture(scope="module")
def recorded_corpus(
    demo_site_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RecordedCorpus]:
    """korankota crawled and published with a registry whose permission record is distinctive; the registry file is
    deleted afterwards, as the demo's is out of reach once `make demo` has ended (its URLs name stopped servers)."""
    from newscorpus import pipeline
    from newscorpus.demo import DEMO_DATE
    from newscorpus.demo_site import SOURCES_YAML
    from newscorpus.demo_site import demo_env as site_env

    root = tmp_path_factory.mktemp("recorded")
    registry = yaml.safe_load(SOURCES_YAML.read_text(encoding="utf-8"))
    registry["sources"] = [s for s in registry["sources"] if s["id"] == "korankota"]
    registry["sources"][0]["permission"] = CRAWL_TIME_PERMISSION
    crawl_registry = root / "crawl-time-sources.yaml"
    crawl_registry.write_text(yaml.safe_dump(registry), encoding="utf-8")
    env = {**site_env(demo_site_urls), "NEWSCORPUS_SOURCES": str(crawl_registry), "NEWSCORPUS_DATA": str(root / "data")}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        result = pipeline.run_all(DEMO_DATE, "review-permissions", ["korankota"])
    assert all(p.get("published") for p in result["partitions"].values()), result
    crawl_registry.unlink()
    yield RecordedCorpus(data=root / "data", env=env)


def _export_card(corpus: Path, output: Path) -> tuple[dict, str]:
    assert main(["export", "--format", "jsonl", "--dedup", "--output", str(output)]) == 0
    card = json.loads(output.with_name(output.stem + ".card.json").read_text(encoding="utf-8"))
    return card, output.with_name(output.stem + ".card.md").read_text(encoding="utf-8")


def test_card_states_the_permissions_the_corpus_was_crawled_under_with_the_readme_defaults(
    recorded_corpus: RecordedCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reviewer's steps: the corpus is there, the shell sets nothing but the data root, and the command runs
    in the repository, so ./sources.yaml is the shipped registry, which does not list the crawled outlet."""
    monkeypatch.chdir(REPO_ROOT)
    monkeypatch.delenv("NEWSCORPUS_SOURCES", raising=False)
    monkeypatch.setenv("NEWSCORPUS_DATA", str(recorded_corpus.data))
    shipped = yaml.safe_load((REPO_ROOT / "sources.yaml").read_text(encoding="utf-8"))
    assert "korankota" not in {s["id"] for s in shipped["sources"]}
    card, markdown = _export_card(recorded_corpus.data, tmp_path / "corpus.jsonl")
    (entry,) = card["sources"]
    permission = entry["permission"]
    assert entry["source"] == "korankota"
    assert {k: permission[k] for k in CRAWL_TIME_PERMISSION} == CRAWL_TIME_PERMISSION
    assert permission["name"] == "Koran Kota"
    assert permission["note"] == "robots.txt and terms checked on 2026-11-01"
    assert permission["according_to"] == "run review-permissions, crawl date 2026-11-20"
    assert "permission unknown" not in markdown and "not in the source registry" not in markdown
    assert "terms: https://korankota.example/syarat" in markdown
    assert "according to run review-permissions" in markdown


def test_crawl_runs_carry_the_registry_entry_each_run_used(recorded_corpus: RecordedCorpus) -> None:
    (run_file,) = (recorded_corpus.data / "published" / "crawl_runs").rglob("*.parquet")
    (row,) = pq.read_table(run_file).to_pylist()
    recorded = json.loads(row[PERMISSION_COLUMN])
    assert {k: recorded[k] for k in CRAWL_TIME_PERMISSION} == CRAWL_TIME_PERMISSION
    assert recorded["enabled"] is True and recorded["disabled_reason"] is None


def test_runs_published_before_the_record_fall_back_to_the_current_registry_and_say_so(
    recorded_corpus: RecordedCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newscorpus.catalog import refresh_catalog

    data = tmp_path / "data"
    shutil.copytree(recorded_corpus.data, data)
    for name in ("corpus.duckdb", "corpus.commit-cache.json"):
        (data / name).unlink(missing_ok=True)
    for run_file in (data / "published" / "crawl_runs").rglob("*.parquet"):  # as an older version wrote it
        pq.write_table(pq.read_table(run_file).drop_columns([PERMISSION_COLUMN]), run_file)
    registry = {"sources": [{**yaml.safe_load(_demo_registry_text())["sources"][0]}]}
    registry["sources"][0]["permission"] = {"terms_url": "https://korankota.example/terms-now"}
    current = tmp_path / "sources.yaml"
    current.write_text(yaml.safe_dump(registry), encoding="utf-8")
    for name, value in {**recorded_corpus.env, "NEWSCORPUS_DATA": str(data)}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(current))
    refresh_catalog(data)
    card, markdown = _export_card(data, tmp_path / "old.jsonl")
    (entry,) = card["sources"]
    assert entry["permission"]["terms_url"] == "https://korankota.example/terms-now"
    assert entry["permission"]["verified"] is False
    assert entry["permission"]["according_to"] == f"the current registry {current}; its runs recorded none"
    assert "permission NOT verified" in markdown


def _demo_registry_text() -> str:
    from newscorpus.demo_site import SOURCES_YAML

    return SOURCES_YAML.read_text(encoding="utf-8")


def test_demo_site_server_prints_the_registry_variable_with_the_others(tmp_path: Path) -> None:
    """`python -m newscorpus.demo_site --serve` says what to export to crawl it by hand; without NEWSCORPUS_SOURCES
    among them the pipeline reads ./sources.yaml, which has no demo outlet."""
    from newscorpus.demo_site import SOURCES_YAML

    process = subprocess.Popen(
        [sys.executable, "-m", "newscorpus.demo_site", "--date", "2026-11-20", "--out", str(tmp_path), "--serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
    )
    lines = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("serving"):
                break
    finally:
        process.terminate()
        process.wait(timeout=30)
    exports = dict(m.groups() for line in lines if (m := re.match(r"^export (\w+)=(.*)$", line)))
    assert exports.get("NEWSCORPUS_SOURCES") == str(SOURCES_YAML.resolve()), lines
    assert {"NEWSCORPUS_DEMO_KORANKOTA_URL", "NEWSCORPUS_ALLOWED_NETWORKS"} <= set(exports)


# --- 2. one name and one check for the crawl pool's size ------------------------------------------------------------


def test_crawl_pool_slots_reads_the_new_name_then_the_old_one_and_names_the_bad_one() -> None:
    assert crawl_pool_slots({}) == 4
    assert crawl_pool_slots({"NEWSCORPUS_CRAWL_POOL_SLOTS": "", "CRAWL_POOL_SLOTS": ""}) == 4
    assert crawl_pool_slots({"CRAWL_POOL_SLOTS": "6"}) == 6
    assert crawl_pool_slots({"NEWSCORPUS_CRAWL_POOL_SLOTS": "2", "CRAWL_POOL_SLOTS": "6"}) == 2
    for bad in ("0", "-1", "four", "2.5"):
        with pytest.raises(ValueError, match=r"^NEWSCORPUS_CRAWL_POOL_SLOTS must be .*got '"):
            crawl_pool_slots({"NEWSCORPUS_CRAWL_POOL_SLOTS": bad})
    with pytest.raises(ValueError, match=r"^CRAWL_POOL_SLOTS must be"):
        crawl_pool_slots({"CRAWL_POOL_SLOTS": "0"})


def test_local_setup_refuses_a_bad_pool_size_before_touching_airflow(tmp_path: Path) -> None:
    """A pool of 0 slots used to be created: every crawl then waits for ever."""
    env = airflow_local.airflow_env(tmp_path / "home", {"NEWSCORPUS_CRAWL_POOL_SLOTS": "0"})
    with pytest.raises(ValueError, match="NEWSCORPUS_CRAWL_POOL_SLOTS"):
        airflow_local.migrate(env)
    assert not (tmp_path / "home").exists()


def test_local_setup_creates_the_pool_with_the_configured_size(airflow_home: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(airflow_home, home)
    env = airflow_local.airflow_env(home, {"NEWSCORPUS_CRAWL_POOL_SLOTS": "", "CRAWL_POOL_SLOTS": "3"})
    airflow_local.migrate(env)
    pools = {p["pool"]: p for p in airflow_local._json_output(["pools", "list"], env)}
    assert int(pools[CRAWL_POOL]["slots"]) == 3


def _compose_init_script() -> str:
    compose = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    command = compose["services"]["airflow-init"]["command"]
    assert command[0] == "-c"
    return command[1].replace("$$", "$")  # compose's escape for a literal $


def _run_pool_lines(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The init script's lines from the pool size on, with /entrypoint replaced by a stub printing its arguments
    (no Docker here); `python` is this environment's, as in the image the package is installed into it."""
    script = _compose_init_script()
    start = script.index("slots=")
    stub = tmp_path / "entrypoint"
    stub.write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n')
    stub.chmod(0o755)
    lines = "set -e\n" + script[start:].replace("/entrypoint", str(stub))
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(
        ["bash", "-c", lines], env={"PATH": path, "HOME": str(tmp_path), **env}, capture_output=True, text=True
    )


def test_compose_init_creates_the_pool_sized_by_the_package(tmp_path: Path) -> None:
    done = _run_pool_lines(tmp_path, {"NEWSCORPUS_CRAWL_POOL_SLOTS": "7"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:5] == ["airflow", "pools", "set", CRAWL_POOL, "7"]
    legacy = _run_pool_lines(tmp_path, {"NEWSCORPUS_CRAWL_POOL_SLOTS": "", "CRAWL_POOL_SLOTS": "5"})
    assert legacy.returncode == 0 and legacy.stdout.splitlines()[4] == "5", legacy.stderr
    default = _run_pool_lines(tmp_path, {"NEWSCORPUS_CRAWL_POOL_SLOTS": ""})
    assert default.returncode == 0 and default.stdout.splitlines()[4] == "4", default.stderr
    bad = _run_pool_lines(tmp_path, {"NEWSCORPUS_CRAWL_POOL_SLOTS": "lots"})
    assert bad.returncode != 0 and bad.stdout == "", "airflow pools set must not run"
    assert "NEWSCORPUS_CRAWL_POOL_SLOTS must be" in bad.stderr and "'lots'" in bad.stderr


def test_compose_and_env_example_use_the_package_s_name() -> None:
    compose = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    init_env = compose["services"]["airflow-init"]["environment"]
    assert init_env["NEWSCORPUS_CRAWL_POOL_SLOTS"] == "${NEWSCORPUS_CRAWL_POOL_SLOTS:-}"
    assert "${CRAWL_POOL_SLOTS" not in COMPOSE_FILE.read_text(encoding="utf-8")
    settings = [line.split("=", 1)[0] for line in ENV_EXAMPLE.read_text().splitlines() if re.match(r"^\w+=", line)]
    assert "NEWSCORPUS_CRAWL_POOL_SLOTS" in settings and "CRAWL_POOL_SLOTS" not in settings


# --- 3. NEWSCORPUS_SOURCES is relative to the current directory, as NEWSCORPUS_DATA is ------------------------------


def test_sources_default_is_sources_yaml_in_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pip-installed package has no repository root; the registry is the user's file, found where the user is,
    like the data root."""
    monkeypatch.delenv("NEWSCORPUS_SOURCES", raising=False)
    monkeypatch.delenv("NEWSCORPUS_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    assert sources_file() == tmp_path / "sources.yaml"
    registry = yaml.safe_load(_demo_registry_text())
    own = {**registry["sources"][0], "id": "my-outlet", "home": "https://my-outlet.example/"}
    own["allowed_domains"] = ["my-outlet.example"]
    own["discovery"] = {"feeds": ["https://my-outlet.example/rss.xml"]}
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump({"sources": [own]}), encoding="utf-8")
    assert main(["sources", "--all"]) == 0
    listed = capsys.readouterr().out
    assert listed.startswith("my-outlet ") and "korankota" not in listed
    monkeypatch.setenv("NEWSCORPUS_SOURCES", "")  # set but empty: the default, not the current directory itself
    assert sources_file() == tmp_path / "sources.yaml"


def test_help_states_both_defaults_relative_to_the_current_directory(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "NEWSCORPUS_DATA (default ./data)" in text and "NEWSCORPUS_SOURCES (default ./sources.yaml)" in text
    assert "both relative to the current directory" in text

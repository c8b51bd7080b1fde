"""The DAG through Airflow itself: `airflow dags test` on a temporary SQLite AIRFLOW_HOME against the demo site."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import published_files

from newscorpus import airflow_local
from newscorpus.catalog import query
from newscorpus.demo import DEMO_DATE
from newscorpus.demo_site import OUTLETS, SOURCES_YAML, demo_env, render_site, serve_site, truth

pytestmark = pytest.mark.slow

PROVENANCE = ("run_id", "warc_file", "warc_offset")  # where the bytes came from: a new crawl lands new WARC


def _env(airflow_home: Path, urls: dict[str, str], data: Path) -> dict[str, str]:
    return airflow_local.airflow_env(
        airflow_home, {**demo_env(urls), "NEWSCORPUS_SOURCES": str(SOURCES_YAML), "NEWSCORPUS_DATA": str(data)}
    )


def _published_articles(data: Path) -> list[dict]:
    rows = []
    for path in published_files(data, "articles"):
        rows += pq.read_table(path).to_pylist()
    return sorted(rows, key=lambda r: r["article_id"])


def _asset_event_extras(airflow_home: Path) -> list[dict]:
    """The extra of every event of the published-corpus asset, oldest first, as Airflow stored them."""
    with sqlite3.connect(airflow_home / "airflow.db") as con:
        rows = con.execute(
            "select e.extra from asset_event e join asset a on a.id = e.asset_id "
            "where a.name = 'newscorpus_published' order by e.id"
        ).fetchall()
    return [json.loads(extra) if isinstance(extra, str) else extra for (extra,) in rows]


def test_dag_publishes_every_outlet_and_a_rerun_changes_nothing(
    airflow_home: Path, demo_site_urls: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    env = _env(airflow_home, demo_site_urls, data)
    events_before = len(_asset_event_extras(airflow_home))
    code, output = airflow_local.dags_test(env, DEMO_DATE.isoformat())
    assert code == 0, output[-5000:]
    states = airflow_local.latest_run_states(env)
    assert set(states.values()) == {"success"}, states
    assert sum(1 for task, _ in states if task == "crawl") == len(OUTLETS)  # one mapped crawl per source
    # one asset event for the run, naming every partition it published, for downstream DAGs
    events = _asset_event_extras(airflow_home)[events_before:]
    assert len(events) == 1
    assert sorted(p["source"] for p in events[0]["partitions"]) == sorted(OUTLETS)

    first = _published_articles(data)
    assert len(first) == len(truth(DEMO_DATE))
    assert {r["source"] for r in first} == set(OUTLETS)
    assert (data / "reports" / "data_docs" / "index.html").exists()
    _, rows = query(data, "SELECT count(*) FROM articles")
    assert rows == [(len(first),)]

    code, output = airflow_local.dags_test(env, DEMO_DATE.isoformat())
    assert code == 0, output[-5000:]
    second = _published_articles(data)
    strip = lambda rows: [{k: v for k, v in r.items() if k not in PROVENANCE} for r in rows]  # noqa: E731
    assert strip(second) == strip(first)  # same rows, first_seen_at included; no duplicates, nothing lost
    assert len({r["article_id"] for r in second}) == len(second)
    raw_crawls = list((data / "raw").glob("source=*/crawl_date=*/run_id=*/crawl=*"))
    assert len(raw_crawls) == 2 * len(OUTLETS)  # raw is append-only: the rerun added, it did not overwrite
    _, validations = query(data, "SELECT count(*) FROM validations WHERE suite = 'articles'")
    assert validations == [(2 * len(OUTLETS),)]


def test_a_partition_that_fails_its_gate_is_quarantined_while_others_publish(
    airflow_home: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    render_site(site, DEMO_DATE, broken_outlets=frozenset({"harborherald"}))
    data = tmp_path / "data"
    with serve_site(site) as urls:
        env = _env(airflow_home, urls, data)
        code, output = airflow_local.dags_test(env, DEMO_DATE.isoformat())
    assert code != 0  # the run says it failed ...
    assert "harborherald" in output and "quarantined" in output
    assert "expect_table_row_count_to_be_between observed 0" in output  # ... and why: no article text left
    states = airflow_local.latest_run_states(env)
    gates = {idx: state for (task, idx), state in states.items() if task == "gate"}
    assert sorted(gates.values()) == ["failed", "success", "success"]
    assert states[("refresh_catalog", "-1")] == "success"
    assert states[("announce", "-1")] == "success"  # the two good sources were published and announced
    assert states[("summarize", "-1")] == "failed"
    assert sorted(p["source"] for p in _asset_event_extras(airflow_home)[-1]["partitions"]) == [
        "korankota",
        "wartanusantara",
    ]

    _, rows = query(data, "SELECT DISTINCT source FROM articles ORDER BY source")
    assert rows == [("korankota",), ("wartanusantara",)]
    assert not (data / "published/articles/source=harborherald").exists()
    quarantined = list((data / "quarantine").glob("*/source=harborherald/crawl_date=2026-11-20/validation.json"))
    assert len(quarantined) == 1
    _, failed = query(data, "SELECT success FROM validations WHERE source = 'harborherald' AND suite = 'articles'")
    assert failed == [(False,)]

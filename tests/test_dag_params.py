"""The DAG's Params through Airflow itself: `airflow dags test news_corpus DATE -c '{...}'` against the demo site.

A dry run of one source with a narrower window crawls, extracts, transforms and validates that source only, and
leaves nothing a reader could see: no published/ or quarantine/ folder, no catalog, no asset event.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newscorpus import airflow_local
from newscorpus.demo import DEMO_DATE
from newscorpus.demo_site import SOURCES_YAML, demo_env, render_site, serve_site

pytestmark = pytest.mark.slow


def _env(airflow_home: Path, urls: dict[str, str], data: Path) -> dict[str, str]:
    return airflow_local.airflow_env(
        airflow_home, {**demo_env(urls), "NEWSCORPUS_SOURCES": str(SOURCES_YAML), "NEWSCORPUS_DATA": str(data)}
    )


def _asset_events(airflow_home: Path) -> int:
    with sqlite3.connect(airflow_home / "airflow.db") as con:
        return con.execute("select count(*) from asset_event").fetchone()[0]


def _dry_run_reports(data: Path) -> list[dict]:
    return [
        json.loads(p.read_text()) for p in sorted(data.glob("staging/*/dry_run/source=*/crawl_date=*/dry_run.json"))
    ]


def test_dry_run_of_one_source_with_its_own_window_publishes_nothing(
    airflow_home: Path, demo_site_urls: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    env = _env(airflow_home, demo_site_urls, data)
    events_before = _asset_events(airflow_home)
    conf = {"sources": ["korankota"], "dry_run": True, "lookback_days": 0}
    code, output = airflow_local.dags_test(env, DEMO_DATE.isoformat(), conf=conf)
    assert code == 0, output[-5000:]
    assert "DRY RUN (nothing will be published): planned 1 partition(s)" in output
    assert "would publish source=korankota/crawl_date=2026-11-20" in output

    states = airflow_local.latest_run_states(env)
    assert [idx for task, idx in states if task == "crawl"] == ["0"]  # one source: one mapped crawl
    assert states[("gate", "0")] == "success" and states[("summarize", "-1")] == "success"
    assert states[("refresh_catalog", "-1")] == "skipped"
    assert states[("announce", "-1")] == "skipped"
    assert _asset_events(airflow_home) == events_before  # downstream DAGs hear nothing

    # crawled and validated: raw WARC of that source only, a verdict beside the staged tables, a Data Docs page
    assert [p.name for p in (data / "raw").iterdir()] == ["source=korankota"]
    [report] = _dry_run_reports(data)
    assert report["dry_run"] is True and report["passed"] is True and report["articles"] >= 5
    assert Path(report["report_path"]).is_file()
    # the window param reached the gate: published_at is checked against crawl_date - 0 days, less the margin
    window_checks = [
        o["details"]["kwargs"]["min_value"]
        for o in report["validation"]["outcomes"]
        if o["expectation"] == "expect_column_values_to_be_between" and o["column"] == "published_at"
        and "min_value" in o["details"]["kwargs"]
    ]  # fmt: skip
    assert window_checks and all(str(value).startswith("2026-11-19T00:00:00") for value in window_checks)
    # and nothing a reader could see
    assert not (data / "published").exists()
    assert not (data / "quarantine").exists()
    assert not list(data.glob("*.duckdb"))


def test_dry_run_reports_what_would_be_quarantined_and_writes_no_quarantine(airflow_home: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    render_site(site, DEMO_DATE, broken_outlets=frozenset({"harborherald"}))
    data = tmp_path / "data"
    with serve_site(site) as urls:
        env = _env(airflow_home, urls, data)
        code, output = airflow_local.dags_test(
            env, DEMO_DATE.isoformat(), conf={"sources": ["harborherald"], "dry_run": True}
        )
    assert code != 0  # the dry run says the partition would not make it ...
    assert "1 of 1 partition(s) would not be published" in output
    assert "would quarantine" in output and "expect_table_row_count_to_be_between" in output  # ... and why
    states = airflow_local.latest_run_states(env)
    assert states[("gate", "0")] == "success"  # a dry gate reports; it does not fail on the verdict
    assert states[("summarize", "-1")] == "failed"
    [report] = _dry_run_reports(data)
    assert report["passed"] is False and report["verdict"] == "would quarantine"
    assert not (data / "quarantine").exists() and not (data / "published").exists()

"""`newscorpus run --dry-run`: the Airflow-free path validates like a real run and reports each verdict, while a
reader of the corpus sees nothing new: no published/ or quarantine/ files, no catalog, no corpus report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DEMO_DATE

from newscorpus.cli import EXIT_QUARANTINED, main
from newscorpus.demo_site import SOURCES_YAML, render_site, serve_site
from newscorpus.demo_site import demo_env as site_env


def _dry_run(data: Path, urls: dict[str, str], source: str, monkeypatch, capsys) -> tuple[int, dict]:
    env = {**site_env(urls), "NEWSCORPUS_SOURCES": str(SOURCES_YAML), "NEWSCORPUS_DATA": str(data)}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code = main(["-q", "run", "--date", DEMO_DATE.isoformat(), "--source", source, "--dry-run"])
    return code, json.loads(capsys.readouterr().out)


def _nothing_visible(data: Path) -> None:
    assert not (data / "published").exists()
    assert not (data / "quarantine").exists()
    assert not (data / "corpus.duckdb").exists()
    assert not (data / "reports" / "corpus").exists()


def test_a_dry_run_that_would_publish_exits_0_and_publishes_nothing(
    demo_site_urls: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    data = tmp_path / "data"
    code, result = _dry_run(data, demo_site_urls, "korankota", monkeypatch, capsys)
    assert code == 0
    outcome = result["partitions"]["korankota"]
    assert result["dry_run"] is True
    assert outcome["verdict"] == "would publish" and outcome["passed"] is True and outcome["published"] is False
    assert outcome["articles"] >= 5
    _nothing_visible(data)
    [report] = data.glob("staging/*/dry_run/source=korankota/crawl_date=*/dry_run.json")
    assert json.loads(report.read_text())["verdict"] == "would publish"


def test_a_dry_run_that_would_quarantine_exits_3_and_quarantines_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    site = tmp_path / "site"
    render_site(site, DEMO_DATE, broken_outlets=frozenset({"harborherald"}))
    data = tmp_path / "data"
    with serve_site(site) as urls:
        code, result = _dry_run(data, urls, "harborherald", monkeypatch, capsys)
    assert code == EXIT_QUARANTINED
    outcome = result["partitions"]["harborherald"]
    assert outcome["verdict"] == "would quarantine" and outcome["passed"] is False
    assert "expect_table_row_count_to_be_between observed 0" in outcome["summary"]
    _nothing_visible(data)

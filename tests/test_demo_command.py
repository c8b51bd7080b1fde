"""`newscorpus demo` (what `make demo` runs): it publishes every outlet, prints where things are and a query result,
and stops the site's servers whether it succeeds or fails."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from newscorpus.demo import run_demo
from newscorpus.demo_site import OUTLETS

pytestmark = pytest.mark.slow


def _served_urls(printed: str) -> list[str]:
    return re.findall(r"^\s+\w+\s+(http://127\.0\.0\.1:\d+)$", printed, flags=re.MULTILINE)


def _refused(url: str) -> bool:
    try:
        urllib.request.urlopen(f"{url}/robots.txt", timeout=2)
    except (urllib.error.URLError, ConnectionError):
        return True
    return False


def test_demo_publishes_every_outlet_and_prints_a_query(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSCORPUS_DATA", str(tmp_path / "data"))
    assert run_demo(airflow_home=tmp_path / "airflow") == 0
    printed = capsys.readouterr().out
    for outlet in OUTLETS:
        assert list((tmp_path / "data/published/articles").glob(f"source={outlet}/crawl_date=2026-11-20/*.parquet"))
        assert re.search(rf"^{outlet}\s+\| 12\s+\|", printed, flags=re.MULTILINE), printed[-3000:]
    assert (tmp_path / "data/reports/data_docs/index.html").exists()
    assert (tmp_path / "data/reports/corpus/index.html").exists()
    assert f"catalog (DuckDB):  {tmp_path / 'data' / 'corpus.duckdb'}" in printed
    urls = _served_urls(printed)
    assert len(urls) == len(OUTLETS) and all(_refused(url) for url in urls)


def test_demo_stops_the_site_when_a_step_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSCORPUS_DATA", str(tmp_path / "data"))
    not_a_directory = tmp_path / "airflow-home-is-a-file"
    not_a_directory.write_text("")
    with pytest.raises((RuntimeError, OSError)):
        run_demo(airflow_home=not_a_directory)
    urls = _served_urls(capsys.readouterr().out)
    assert len(urls) == len(OUTLETS) and all(_refused(url) for url in urls)

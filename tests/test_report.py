"""The corpus report: built from the published demo corpus, rendered in headless Chromium with its scripts on, and
read back from the DOM the browser ends with. The charts must carry the corpus's own figures (counted here with
DuckDB), the gate history must link to Data Docs pages that exist, and a screenshot is kept beside the report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

import lxml.html
import pytest
from browser import dump_dom, screenshot

from newscorpus.catalog import query
from newscorpus.cli import EXIT_NO_DATA, main
from newscorpus.report import NoCorpus, build_report

if TYPE_CHECKING:
    from conftest import DemoCorpus


def _chart(dom: lxml.html.HtmlElement, name: str) -> lxml.html.HtmlElement:
    (chart,) = dom.xpath(f"//div[@id='chart-{name}']")
    assert chart.xpath(".//svg[contains(@class, 'main-svg')]"), f"chart {name} was not drawn (plotly.js not loaded?)"
    return chart


def _bars_by_trace(chart: lxml.html.HtmlElement) -> dict[str, list[float]]:
    """Legend name → the number printed on each of that trace's bars, in x order (a zero-height bar prints none).
    The charts keep the legend in trace order, so the two lists line up."""
    names = [t.text_content() for t in chart.xpath(".//g[contains(@class, 'legend')]//text[@class='legendtext']")]
    traces = chart.xpath(".//g[contains(@class, 'barlayer')]/g[contains(@class, 'trace')]")
    assert len(names) == len(traces), (names, len(traces))
    values = []
    for trace in traces:
        points = trace.xpath("./g[contains(@class, 'points')]/g[contains(@class, 'point')]")
        texts = [point.xpath(".//text[contains(@class, 'bartext')]") for point in points]
        values.append([float(t[0].text_content().rstrip("%")) if t else 0.0 for t in texts])
    return dict(zip(names, values, strict=True))


@pytest.fixture(scope="module")
def rendered(demo_corpus: DemoCorpus, chromium: str, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("corpus-report")
    report = build_report(demo_corpus.data, out)
    dom = dump_dom(chromium, report.index, out / "profile", budget_ms=5000)
    shot = screenshot(chromium, report.index, out / "report.png", out / "profile-shot")
    return report, dom, shot


def test_articles_per_source_chart_equals_duckdb_counts(rendered, demo_corpus: DemoCorpus) -> None:
    report, dom, _ = rendered
    _, rows = query(demo_corpus.data, "SELECT source, crawl_date, count(*) FROM articles GROUP BY ALL")
    per_source: dict[str, int] = {}
    for source, _, n in rows:
        per_source[source] = per_source.get(source, 0) + n
    assert len(per_source) == 3 and sum(per_source.values()) > 0
    bars = _bars_by_trace(_chart(dom, "per-source-day"))
    assert {source: sum(values) for source, values in bars.items()} == per_source
    days = {r[1].isoformat() for r in rows}
    ticks = {t.text_content() for t in _chart(dom, "per-source-day").xpath(".//g[contains(@class, 'xtick')]//text")}
    assert days <= ticks
    summary = {row.get("data-source"): int(row.xpath("./td[2]")[0].text_content()) for row in
               dom.xpath("//table[@id='summary']/tbody/tr")}  # fmt: skip
    assert summary == per_source == report.data.per_source()


def test_languages_and_duplicate_charts_carry_the_corpus(rendered, demo_corpus: DemoCorpus) -> None:
    _, dom, _ = rendered
    _, rows = query(demo_corpus.data, "SELECT language, count(*) FROM articles GROUP BY language")
    bars = _bars_by_trace(_chart(dom, "languages"))
    assert {language: sum(values) for language, values in bars.items()} == dict(rows)
    _, rows = query(
        demo_corpus.data,
        "WITH c AS (SELECT near_dup_cluster, count(DISTINCT source) AS outlets FROM articles GROUP BY 1) "
        "SELECT a.source, round(100 * avg((c.outlets > 1)::int)) FROM articles a JOIN c USING (near_dup_cluster) "
        "GROUP BY a.source ORDER BY a.source",
    )
    shared = _bars_by_trace(_chart(dom, "duplicates"))["shared across outlets"]
    assert shared == [float(pct) for _, pct in rows]
    assert any(pct > 0 for _, pct in rows), "the demo carries a wire story on several outlets"
    for name in ("body-length", "field-coverage", "gate-history"):
        _chart(dom, name)


def test_gate_history_links_into_the_data_docs(rendered, demo_corpus: DemoCorpus) -> None:
    report, dom, _ = rendered
    _, rows = query(demo_corpus.data, "SELECT count(*), count(*) FILTER (WHERE NOT success) FROM validations")
    runs, failed = rows[0]
    assert failed > 0, "the demo_corpus fixture quarantines one partition"
    table_rows = dom.xpath("//table[@id='gate-runs']/tbody/tr")
    assert len(table_rows) == runs
    assert len(dom.xpath("//table[@id='gate-runs']//span[@class='fail']")) == failed
    links = dom.xpath("//table[@id='gate-runs']//a/@href")
    assert len(links) == runs
    for href in links:
        target = Path(unquote(href.removeprefix("file://")))
        if not target.is_absolute():
            target = report.index.parent / target
        assert target.resolve().is_file() and "data_docs" in target.parts, href


def test_screenshot_is_kept_and_the_page_needs_no_network(rendered) -> None:
    report, _, shot = rendered
    assert shot.stat().st_size > 20_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = report.index.read_text(encoding="utf-8")
    assert '<script src="plotly.min.js">' in page and "https://" not in page.split("<body>")[0]
    assert (report.index.parent / "plotly.min.js").stat().st_size > 1_000_000


def test_the_pipeline_reports_step_writes_the_report(demo_corpus: DemoCorpus) -> None:
    index = demo_corpus.data / "reports" / "corpus" / "index.html"
    assert index.is_file()
    figures = json.loads((index.parent / "figures.json").read_text(encoding="utf-8"))
    _, rows = query(demo_corpus.data, "SELECT source, count(*) FROM articles GROUP BY source")
    totals: dict[str, int] = {}
    for row in figures["per_source_day"]:
        totals[row["source"]] = totals.get(row["source"], 0) + row["articles"]
    assert totals == dict(rows)


def test_no_corpus_is_exit_4_with_the_next_step(tmp_path: Path, monkeypatch, capsys) -> None:
    with pytest.raises(NoCorpus):
        build_report(tmp_path)
    monkeypatch.setenv("NEWSCORPUS_DATA", str(tmp_path))
    assert main(["report"]) == EXIT_NO_DATA
    err = capsys.readouterr().err
    assert "no catalog yet" in err and "newscorpus run --date" in err
    assert not (tmp_path / "reports" / "corpus" / "index.html").exists()


PWNED = "pwned"
PAYLOAD = f"""<img src=x onerror="document.title='{PWNED}'">"""


def test_corpus_values_cannot_run_in_the_report(chromium: str, tmp_path: Path) -> None:
    """Every value that comes from the corpus (source names, languages, sampled values in failed expectations,
    run ids) is shown as text, in the tables and inside the charts' JSON."""
    from newscorpus.report import _write_plotly_js
    from newscorpus.report.data import ReportData
    from newscorpus.report.page import render_page

    source = f"src{PAYLOAD}"
    data = ReportData(
        generated_at="2026-11-20T00:00:00+00:00", data_root=str(tmp_path), articles=2, sources=[source],
        first_crawl_date="2026-11-20", last_crawl_date="2026-11-20",
        per_source_day=[{"source": source, "crawl_date": "2026-11-20", "articles": 2}],
        length_bins=[{"source": source, "words_from": 0, "articles": 2}],
        languages=[{"source": source, "language": f"</script>{PAYLOAD}", "articles": 2}],
        duplicates=[{"source": source, "articles": 2, "in_cluster": 0, "syndicated": 0, "exact_skipped": 0}],
        coverage=[{"source": source, "field": "title", "share": 1.0}],
        validations=[{"source": source, "crawl_date": "2026-11-20", "run_id": PAYLOAD, "suite": "articles",
                      "success": False, "evaluated": 1, "failed": 1, "failed_expectations": [f"observed {PAYLOAD}"],
                      "report_path": None, "validated_at": "2026-11-20T06:00:00+00:00"}],
    )  # fmt: skip
    _write_plotly_js(tmp_path)
    page = tmp_path / "index.html"
    page.write_text(render_page(data, tmp_path), encoding="utf-8")
    dom = dump_dom(chromium, page, tmp_path / "profile")
    assert dom.xpath("//title")[0].text_content() != PWNED
    assert dom.xpath("//*[@onerror]") == []
    assert PAYLOAD in dom.xpath("//table[@id='gate-runs']")[0].text_content()
    ticks = [t.text_content() for t in _chart(dom, "languages").xpath(".//g[contains(@class, 'xtick')]//text")]
    assert ticks == [source]  # drawn as text by Plotly, not parsed as markup

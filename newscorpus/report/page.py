"""The report as one static HTML page: a summary table, the charts, and the gate history with links into the
Great Expectations Data Docs. plotly.js is written beside the page (no CDN), so it opens offline, from disk.

Everything that comes from the corpus is escaped: text through html.escape, chart data through Plotly's JSON
encoder (which writes `<` as \\u003c), so a title or run id cannot become markup.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

import plotly.io as pio

from newscorpus.report.charts import CHARTS
from newscorpus.report.data import ReportData

PLOTLY_JS = "plotly.min.js"
GATE_TABLE_ROWS = 300  # the newest gate runs listed one by one; the chart above the table counts all of them

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; padding: 0 1rem; }
h1 { margin-bottom: .2rem; } .meta { color: #666; margin-top: 0; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid #ddd; padding: .3rem .6rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.fail { color: #b00020; font-weight: 600; } .pass { color: #1b7f3b; }
section { margin: 2rem 0; } .chart { min-height: 380px; } .wide { overflow-x: auto; }
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _summary_table(data: ReportData) -> str:
    per_source = data.per_source()
    dup = {r["source"]: r for r in data.duplicates}
    rows = "".join(
        f"<tr data-source='{_e(s)}'><td>{_e(s)}</td><td class='num' data-articles='{per_source.get(s, 0)}'>"
        f"{per_source.get(s, 0)}</td><td class='num'>{dup.get(s, {}).get('in_cluster', 0)}</td>"
        f"<td class='num'>{dup.get(s, {}).get('syndicated', 0)}</td>"
        f"<td class='num'>{dup.get(s, {}).get('exact_skipped', 0)}</td></tr>"
        for s in data.sources
    )
    return (
        "<table id='summary'><thead><tr><th>source</th><th>articles</th><th>near-duplicates</th>"
        f"<th>syndicated</th><th>exact copies skipped</th></tr></thead><tbody>{rows}</tbody>"
        f"<tfoot><tr><th>all</th><th class='num'>{data.articles}</th><th></th><th></th><th></th></tr></tfoot></table>"
    )


def _docs_link(report_path: str | None, output_dir: Path, fallback: Path) -> str:
    target = Path(report_path) if report_path else None
    if target is None or not target.is_file():
        if not fallback.is_file():
            return "no Data Docs page"
        target, label = fallback, "Data Docs index"
    else:
        label = "validation page"
    href = Path(os.path.relpath(target, output_dir)).as_posix()
    return f"<a href='{_e(href)}'>{label}</a>"


def _gate_table(data: ReportData, output_dir: Path) -> str:
    fallback = Path(data.data_root) / "reports" / "data_docs" / "index.html"
    rows = []
    for row in data.validations[:GATE_TABLE_ROWS]:
        status = "<span class='pass'>passed</span>" if row["success"] else "<span class='fail'>quarantined</span>"
        failed = "<br>".join(_e(f) for f in (row.get("failed_expectations") or [])[:5])
        rows.append(
            f"<tr><td>{_e(row['validated_at'])}</td><td>{_e(row['source'])}</td><td>{_e(row['crawl_date'])}</td>"
            f"<td>{_e(row['run_id'])}</td><td>{_e(row['suite'])}</td><td>{status}</td>"
            f"<td class='num'>{_e(row['evaluated'])}</td><td class='num'>{_e(row['failed'])}</td>"
            f"<td>{failed}</td><td>{_docs_link(row.get('report_path'), output_dir, fallback)}</td></tr>"
        )
    if not rows:
        return "<p>No gate runs recorded yet.</p>"
    shown = f"<p>The newest {len(rows)} of {len(data.validations)} gate runs.</p>"
    return (
        shown + "<div class='wide'><table id='gate-runs'><thead><tr><th>validated at (UTC)</th><th>source</th>"
        "<th>crawl date</th><th>run</th>"
        "<th>suite</th><th>outcome</th><th>checks</th><th>failed</th><th>failed expectations</th><th>details</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _chart(name: str, figure: Any) -> str:
    spec = pio.to_json(figure, validate=False)  # escapes <, > and & inside strings
    return (
        f"<div class='chart' id='chart-{name}'></div>\n<script>(function () {{ const f = {spec};\n"
        f"Plotly.newPlot('chart-{name}', f.data, f.layout, {{displaylogo: false, responsive: true}}); }})();</script>"
    )


def render_page(data: ReportData, output_dir: Path) -> str:
    charts = {name: _chart(name, build(data)) for name, build in CHARTS}
    span = f"{data.first_crawl_date} – {data.last_crawl_date}" if data.first_crawl_date else "no data"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newscorpus corpus report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{_STYLE}</style><script src="{PLOTLY_JS}"></script></head>
<body>
<h1>Corpus report</h1>
<p class="meta">{data.articles} published articles from {len(data.sources)} sources, crawl dates {_e(span)}.
Generated {_e(data.generated_at)} from {_e(data.data_root)}.</p>
{_summary_table(data)}
<section><h2>Articles per source per day</h2>{charts["per-source-day"]}</section>
<section><h2>Body length</h2><p>Words in the body; the gate's <code>min_words</code> is per source.</p>
{charts["body-length"]}</section>
<section><h2>Languages</h2>{charts["languages"]}</section>
<section><h2>Duplicates and syndication</h2>
<p>Near-duplicate: the article's <code>near_dup_cluster</code> holds another published article.
Syndicated: that cluster holds articles of more than one outlet (the same wire story).
Exact copies are not published twice; see <code>crawl_runs</code> for the ones skipped.</p>
{charts["duplicates"]}</section>
<section><h2>Field coverage</h2>{charts["field-coverage"]}</section>
<section><h2>Gate history</h2>{charts["gate-history"]}
{_gate_table(data, output_dir)}</section>
</body></html>
"""

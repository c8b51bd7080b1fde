"""The report's charts as Plotly figures. Bars carry their numbers as text, so a reader (or a test reading the
rendered page) sees the figure without hovering."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from newscorpus.report.data import COVERAGE_FIELDS, LENGTH_BIN_WORDS, ReportData

_LAYOUT: dict[str, Any] = {
    "template": "plotly_white",
    "margin": {"l": 60, "r": 20, "t": 50, "b": 60},
    "height": 380,
}


_DAYS = {"type": "category", "categoryorder": "category ascending"}  # ISO dates sort as text


def _layout(legend: str = "source", **changes: Any) -> dict[str, Any]:
    # traceorder "normal": stacked bars would list the legend reversed, unlike the traces
    return {**_LAYOUT, "legend": {"title": {"text": legend}, "traceorder": "normal"}, **changes}


def articles_per_source_per_day(data: ReportData) -> go.Figure:
    figure = go.Figure()
    for source in data.sources:
        rows = [r for r in data.per_source_day if r["source"] == source]
        figure.add_bar(
            name=source,
            x=[r["crawl_date"] for r in rows],
            y=[r["articles"] for r in rows],
            text=[r["articles"] for r in rows],
            textposition="auto",
        )
    figure.update_layout(
        **_layout(), title="Articles published per source and crawl date", barmode="group",
        xaxis={"title": "crawl date", **_DAYS}, yaxis={"title": "articles"},
    )  # fmt: skip
    return figure


def _bin_label(words_from: int) -> str:
    return f"{words_from}–{words_from + LENGTH_BIN_WORDS - 1}"


def body_length(data: ReportData) -> go.Figure:
    figure = go.Figure()
    bins = [_bin_label(w) for w in sorted({r["words_from"] for r in data.length_bins})]
    for source in data.sources:
        rows = [r for r in data.length_bins if r["source"] == source]
        figure.add_bar(
            name=source,
            x=[_bin_label(r["words_from"]) for r in rows],
            y=[r["articles"] for r in rows],
        )
    figure.update_layout(
        **_layout(), title=f"Body length (words, bins of {LENGTH_BIN_WORDS})", barmode="stack",
        xaxis={"title": "words in body", "type": "category", "categoryorder": "array", "categoryarray": bins},
        yaxis={"title": "articles"},
    )  # fmt: skip
    return figure


def languages(data: ReportData) -> go.Figure:
    figure = go.Figure()
    for language in sorted({r["language"] for r in data.languages}):
        rows = {r["source"]: r["articles"] for r in data.languages if r["language"] == language}
        values = [rows.get(s, 0) for s in data.sources]
        figure.add_bar(name=language, x=data.sources, y=values, text=values, textposition="auto")
    figure.update_layout(
        **_layout("language"), title="Languages detected per source",
        barmode="stack", xaxis={"title": "source"}, yaxis={"title": "articles"},
    )  # fmt: skip
    return figure


def duplicates(data: ReportData) -> go.Figure:
    figure = go.Figure()
    by_source = {r["source"]: r for r in data.duplicates}
    for key, label in (("in_cluster", "near-duplicate of another article"), ("syndicated", "shared across outlets")):
        shares = [_share(by_source[s][key], by_source[s]["articles"]) for s in data.sources]
        figure.add_bar(name=label, x=data.sources, y=shares, text=[f"{v:.0%}" for v in shares], textposition="auto")
    figure.update_layout(
        **_layout("share of articles"),
        title="Duplicate and syndication rate (near_dup_cluster)", barmode="group",
        xaxis={"title": "source"}, yaxis={"title": "share of published articles", "tickformat": ".0%", "range": [0, 1]},
    )  # fmt: skip
    return figure


def field_coverage(data: ReportData) -> go.Figure:
    share = {(r["source"], r["field"]): r["share"] or 0.0 for r in data.coverage}
    z = [[share.get((s, f), 0.0) for f in COVERAGE_FIELDS] for s in data.sources]
    figure = go.Figure(
        go.Heatmap(
            z=z, x=list(COVERAGE_FIELDS), y=data.sources, zmin=0, zmax=1, colorscale="Blues",
            text=[[f"{v:.0%}" for v in row] for row in z], texttemplate="%{text}",
            colorbar={"title": {"text": "share"}, "tickformat": ".0%"},
        )
    )  # fmt: skip
    figure.update_layout(
        **_layout(height=160 + 40 * max(1, len(data.sources))),
        title="Field coverage per source (share of articles with the field)",
    )
    return figure


def gate_history(data: ReportData) -> go.Figure:
    figure = go.Figure()
    for outcome, passed in (("passed", True), ("quarantined", False)):
        counts: dict[str, int] = {}
        for row in data.validations:
            if row["suite"] == "articles" and bool(row["success"]) is passed:
                counts[row["crawl_date"]] = counts.get(row["crawl_date"], 0) + 1
        days = sorted(counts)
        figure.add_bar(name=outcome, x=days, y=[counts[d] for d in days], text=[counts[d] for d in days])
    figure.update_layout(
        **_layout("gate"), title="Gate runs per crawl date (articles suite)",
        barmode="stack", xaxis={"title": "crawl date", **_DAYS}, yaxis={"title": "partitions"},
    )  # fmt: skip
    return figure


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


CHARTS = (
    ("per-source-day", articles_per_source_per_day),
    ("body-length", body_length),
    ("languages", languages),
    ("duplicates", duplicates),
    ("field-coverage", field_coverage),
    ("gate-history", gate_history),
)

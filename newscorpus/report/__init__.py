"""`newscorpus report`: a static HTML report of the published corpus (what is in it, how clean it is, how the gate
has been doing), with the figures beside it as JSON for scripts."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscorpus.report.data import NoCorpus, ReportData, collect
from newscorpus.report.page import PLOTLY_JS, render_page

log = logging.getLogger(__name__)

REPORT_DIR = Path("reports") / "corpus"


@dataclass(frozen=True)
class CorpusReport:
    index: Path
    figures: Path
    data: ReportData

    def summary(self) -> dict[str, Any]:
        return {
            "index": str(self.index),
            "figures": str(self.figures),
            "articles": self.data.articles,
            "per_source": self.data.per_source(),
            "first_crawl_date": self.data.first_crawl_date,
            "last_crawl_date": self.data.last_crawl_date,
            "gate_runs": len(self.data.validations),
        }


def default_output(data_root: Path) -> Path:
    return data_root / REPORT_DIR


def _write_plotly_js(output_dir: Path) -> None:
    from plotly.offline import get_plotlyjs

    target = output_dir / PLOTLY_JS
    script = get_plotlyjs()
    if target.is_file() and target.stat().st_size == len(script.encode("utf-8")):
        return
    tmp = target.with_name(f".{PLOTLY_JS}.tmp")
    tmp.write_text(script, encoding="utf-8")
    tmp.replace(target)


def build_report(data_root: Path, output_dir: Path | None = None) -> CorpusReport:
    """Write index.html, figures.json and plotly.min.js into output_dir (default: <data>/reports/corpus/)."""
    output_dir = (output_dir or default_output(data_root)).resolve()
    data = collect(data_root)
    output_dir.mkdir(parents=True, exist_ok=True)
    _write_plotly_js(output_dir)
    figures = output_dir / "figures.json"
    figures.write_text(json.dumps(data.to_dict(), indent=2, default=str), encoding="utf-8")
    index = output_dir / "index.html"
    tmp = output_dir / ".index.html.tmp"
    tmp.write_text(render_page(data, output_dir), encoding="utf-8")
    tmp.replace(index)
    log.info("corpus report: %s (%d articles, %d sources)", index, data.articles, len(data.sources))
    return CorpusReport(index=index, figures=figures, data=data)


__all__ = ["CorpusReport", "NoCorpus", "build_report", "default_output"]

"""A source's recent normal, read from what it has published: how many articles a day, and how often they carry a
date, a byline and an image. A site redesign shows up as a drop against this baseline before it poisons the
corpus; fixed thresholds in code would either miss it or fire on every outlet that never had bylines."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import duckdb

COVERED_FIELDS = ("published_at", "authors", "image_url")


@dataclass(frozen=True)
class Baseline:
    partitions: int  # published partitions the baseline was computed from (0: no history yet)
    mean_articles: float
    coverage: dict[str, float]  # field → average share of articles that carry it


def trailing_baseline(data_root: Path, source: str, before: datetime.date, days: int = 14) -> Baseline:
    """The source's published partitions in the `days` before `before` (the partition being gated is excluded)."""
    folder = data_root / "published" / "articles" / f"source={source}"
    start = before - datetime.timedelta(days=days)
    files = [
        str(path)
        for path in sorted(folder.glob("crawl_date=*/*.parquet"))
        if start.isoformat() <= path.parent.name.removeprefix("crawl_date=") < before.isoformat()
    ]
    if not files:
        return Baseline(0, 0.0, {name: 0.0 for name in COVERED_FIELDS})
    coverage_sql = ", ".join(
        f"avg(({name} is not null{' and len(' + name + ') > 0' if name == 'authors' else ''})::double) as {name}"
        for name in COVERED_FIELDS
    )
    averages = ", ".join(f"avg({name})" for name in COVERED_FIELDS)
    with duckdb.connect() as con:
        con.execute("set variable files = ?", [files])
        row = con.sql(
            f"with per_day as (select crawl_date, count(*) as articles, {coverage_sql} "
            "from read_parquet(getvariable('files'), union_by_name = true) group by crawl_date) "
            f"select count(*), avg(articles), {averages} from per_day"
        ).fetchone()
    coverage = {name: float(value or 0.0) for name, value in zip(COVERED_FIELDS, row[2:], strict=True)}
    return Baseline(int(row[0]), float(row[1]), coverage)

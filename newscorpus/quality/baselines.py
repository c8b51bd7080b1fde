"""A source's recent normal, read from what it has published: how many articles a day, how often they carry a
date, a byline and an image, how long its bodies usually are, and how often its articles are near copies of each
other or flagged short / teaser. A site redesign shows up as a change against this baseline before it poisons the
corpus; fixed thresholds in code would either miss it or fire on every outlet that never had bylines."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from newscorpus.commits import committed_files
from newscorpus.storage import Storage

COVERED_FIELDS = ("published_at", "authors", "image_url")
# Per-row facts whose daily share the gate bounds (see quality/frames.py for how each is read off a partition).
# SQL over one day of published articles: true when the row has the property.
SHARE_SQL = {
    "near_duplicate": "count(*) over (partition by crawl_date, near_dup_cluster) > 1 and near_dup_cluster is not null",
    "flag_short": "coalesce(list_contains(quality_flags, 'short'), false)",
    "flag_teaser": "coalesce(list_contains(quality_flags, 'teaser'), false)",
}


@dataclass(frozen=True)
class Baseline:
    partitions: int  # published partitions the baseline was computed from (0: no history yet)
    mean_articles: float
    coverage: dict[str, float]  # field → average share of articles that carry it
    median_words: float = 0.0  # average of the daily median word_count
    shares: dict[str, float] = field(default_factory=dict)  # SHARE_SQL name → average daily share of articles


def trailing_baseline(data_root: Path | str | Storage, source: str, before: datetime.date, days: int = 14) -> Baseline:
    """The source's published partitions in the `days` before `before` (the partition being gated is excluded);
    only committed files (newscorpus.commits), on local disk or S3."""
    store = Storage.at(data_root)
    start = before - datetime.timedelta(days=days)
    files = [store.uri(key) for key in committed_files(store, "articles", source=source, since=start, before=before)]
    if not files:
        return Baseline(0, 0.0, {name: 0.0 for name in COVERED_FIELDS})
    coverage_sql = ", ".join(
        f"avg(({name} is not null{' and len(' + name + ') > 0' if name == 'authors' else ''})::double) as {name}"
        for name in COVERED_FIELDS
    )
    averages = ", ".join(f"avg({name})" for name in COVERED_FIELDS)
    row_facts = ", ".join(f"({sql}) as {name}" for name, sql in SHARE_SQL.items())
    shares_sql = ", ".join(f"avg({name}::double) as {name}" for name in SHARE_SQL)
    share_averages = ", ".join(f"avg({name})" for name in SHARE_SQL)
    with duckdb.connect() as con:
        store.configure_duckdb(con)
        con.execute("set variable files = ?", [files])
        row = con.sql(
            f"with published as (select *, {row_facts} "
            "from read_parquet(getvariable('files'), union_by_name = true)), "
            f"per_day as (select crawl_date, count(*) as articles, {coverage_sql}, "
            f"median(word_count) as median_words, {shares_sql} from published group by crawl_date) "
            f"select count(*), avg(articles), {averages}, avg(median_words), {share_averages} from per_day"
        ).fetchone()
    covered = len(COVERED_FIELDS)
    coverage = {name: float(value or 0.0) for name, value in zip(COVERED_FIELDS, row[2 : 2 + covered], strict=True)}
    shares = {name: float(value or 0.0) for name, value in zip(SHARE_SQL, row[3 + covered :], strict=True)}
    return Baseline(int(row[0]), float(row[1]), coverage, float(row[2 + covered] or 0.0), shares)

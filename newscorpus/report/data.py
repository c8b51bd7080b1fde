"""The figures of the corpus report, read from the catalog with DuckDB: one query per chart, aggregated in SQL so a
corpus of millions of articles yields a few hundred rows to draw.

Every figure is also kept as plain data (`ReportData.to_dict()`), so `newscorpus report --json` and the tests can
compare the charts with the corpus without reading HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from newscorpus.catalog import catalog_path

# Optional article fields whose presence per source the report shows; a drop in one is how a redesign shows.
COVERAGE_FIELDS = (
    "title", "lead", "authors", "editors", "agency", "published_at", "modified_at", "section", "tags",
    "image_url", "image_caption", "dateline",
)  # fmt: skip
LIST_FIELDS = {"authors", "editors", "tags"}
LENGTH_BIN_WORDS = 100  # width of one bar of the body-length histogram, in words


class NoCorpus(FileNotFoundError):
    """Nothing to report on: no catalog, or no published articles in it."""


@dataclass
class ReportData:
    generated_at: str
    data_root: str
    articles: int
    sources: list[str]
    first_crawl_date: str | None
    last_crawl_date: str | None
    per_source_day: list[dict[str, Any]]  # {source, crawl_date, articles}
    length_bins: list[dict[str, Any]]  # {source, words_from, articles}
    languages: list[dict[str, Any]]  # {source, language, articles}
    duplicates: list[dict[str, Any]]  # {source, articles, in_cluster, syndicated, exact_skipped}
    coverage: list[dict[str, Any]]  # {source, field, share}
    validations: list[dict[str, Any]] = field(default_factory=list)  # one row per gate run and suite

    def per_source(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for row in self.per_source_day:
            totals[row["source"]] = totals.get(row["source"], 0) + row["articles"]
        return totals

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    relation = con.execute(sql)
    columns = [d[0] for d in relation.description]
    return [dict(zip(columns, (_plain(v) for v in row), strict=True)) for row in relation.fetchall()]


def _plain(value: Any) -> Any:
    """JSON-safe values: dates as ISO strings, DuckDB decimals as floats."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if hasattr(value, "is_finite"):  # Decimal
        return float(value)
    return value


def _coverage_sql() -> str:
    parts = []
    for name in COVERAGE_FIELDS:
        present = f"len(coalesce({name}, []::varchar[])) > 0" if name in LIST_FIELDS else f"{name} is not null"
        if name in ("title", "lead", "agency", "section", "image_url", "image_caption", "dateline"):
            present = f"nullif(trim({name}), '') is not null"
        parts.append(f"select source, '{name}' as field, avg(({present})::int) as share from articles group by source")
    return " union all ".join(parts) + " order by source, field"


def _views(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("select view_name from duckdb_views() where not internal").fetchall()}


def connect_catalog(data_root: Path) -> duckdb.DuckDBPyConnection:
    """The catalog opened read-only; when published/ is on S3 its views read through httpfs, so the connection
    gets the storage's credentials (as `newscorpus query` does)."""
    from newscorpus import settings, storage

    path = catalog_path(data_root)
    if not path.exists():
        raise NoCorpus(f"{path}: no catalog yet; run the pipeline first (make demo, or newscorpus run --date D)")
    con = duckdb.connect(str(path), read_only=True)
    if storage.is_remote(settings.storage_root()):
        storage.from_env().configure_duckdb(con)
    return con


def collect(data_root: Path) -> ReportData:
    """Read every figure of the report from the catalog (opened read-only)."""
    path = catalog_path(data_root)
    with connect_catalog(data_root) as con:
        views = _views(con)
        if "articles" not in views:
            raise NoCorpus(f"{path}: no published articles yet; run the pipeline (newscorpus run --date D)")
        (articles, first, last) = con.execute(
            "select count(*), min(crawl_date), max(crawl_date) from articles"
        ).fetchone()
        sources = [r[0] for r in con.execute("select distinct source from articles order by 1").fetchall()]
        per_source_day = _rows(
            con,
            "select source, crawl_date, count(*) as articles from articles group by all order by crawl_date, source",
        )
        length_bins = _rows(
            con,
            f"select source, (coalesce(word_count, 0) // {LENGTH_BIN_WORDS}) * {LENGTH_BIN_WORDS} as words_from, "
            "count(*) as articles from articles group by all order by source, words_from",
        )
        languages = _rows(
            con,
            "select source, coalesce(language, 'unknown') as language, count(*) as articles "
            "from articles group by all order by source, articles desc",
        )
        exact_skipped = "0"
        if "crawl_runs" in views:
            columns = {r[0] for r in con.execute("describe crawl_runs").fetchall()}
            if "duplicates_skipped" in columns:
                exact_skipped = (
                    "coalesce((select sum(duplicates_skipped) from crawl_runs r "
                    "where r.source = a.source and r.gate_passed), 0)"
                )
        duplicates = _rows(
            con,
            f"""
            with clusters as (
                select near_dup_cluster, count(*) as copies, count(distinct source) as outlets
                from articles where near_dup_cluster is not null group by near_dup_cluster
            )
            select a.source, count(*) as articles,
                   count(*) filter (where c.copies > 1) as in_cluster,
                   count(*) filter (where c.outlets > 1) as syndicated,
                   {exact_skipped}::bigint as exact_skipped
            from articles a left join clusters c using (near_dup_cluster)
            group by a.source order by a.source
            """,
        )
        coverage = _rows(con, _coverage_sql())
        validations = []
        if "validations" in views:
            validations = _rows(
                con,
                "select source, crawl_date, run_id, suite, success, evaluated, failed, failed_expectations, "
                "report_path, validated_at from validations order by validated_at desc, source, suite",
            )
    return ReportData(
        generated_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        data_root=str(data_root),
        articles=articles,
        sources=sources,
        first_crawl_date=_plain(first),
        last_crawl_date=_plain(last),
        per_source_day=per_source_day,
        length_bins=length_bins,
        languages=languages,
        duplicates=duplicates,
        coverage=coverage,
        validations=validations,
    )

"""The catalog `corpus.duckdb`: views over the published Parquet, so people query the corpus with plain SQL.

It is rebuilt into a temporary file and swapped in with one rename, so a reader holding the old file open is never
blocked and never sees a half-built catalog. It holds views (the data stays in `published/`) and one table,
`article_text`, with a BM25 full-text index over titles and bodies for `newscorpus search`.
"""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb

from newscorpus import duckdb_extensions

log = logging.getLogger(__name__)

CATALOG_FILE = "corpus.duckdb"
TABLES = ("articles", "pages", "crawl_runs", "validations")


def catalog_path(data_root: Path) -> Path:
    return data_root / CATALOG_FILE


def refresh_catalog(data_root: Path) -> Path:
    """(Re)create one view per published table; a table with nothing published yet gets no view."""
    target = catalog_path(data_root)
    tmp = target.with_name(f".{CATALOG_FILE}.tmp")
    tmp.unlink(missing_ok=True)
    created = []
    with duckdb.connect(str(tmp)) as con:
        for table in TABLES:
            folder = data_root / "published" / table
            if not any(folder.glob("source=*/crawl_date=*/*.parquet")):
                continue
            pattern = str(folder / "source=*" / "crawl_date=*" / "*.parquet").replace("'", "''")
            con.execute(
                f"create view {table} as select * from read_parquet('{pattern}', "
                "hive_partitioning = true, union_by_name = true)"
            )
            created.append(table)
        if "articles" in created:
            _build_search_index(con)
    tmp.replace(target)
    log.info("catalog %s: views %s", target, ", ".join(created) or "(none yet)")
    return target


def _build_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """Full-text index over every published article; no stemmer, because the corpus mixes languages."""
    duckdb_extensions.load(con, "fts")
    con.execute(
        "create table article_text as "
        "select article_id, source, crawl_date, language, published_at, url, title, body from articles"
    )
    con.execute(
        "pragma create_fts_index('article_text', 'article_id', 'title', 'body', "
        "stemmer = 'none', stopwords = 'none', strip_accents = 1, lower = 1)"
    )


def query(data_root: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run SQL against the catalog opened read-only; nothing a query says can change the corpus."""
    path = catalog_path(data_root)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no catalog yet; run the pipeline (make demo) first")
    with duckdb.connect(str(path), read_only=True, config={"autoinstall_known_extensions": False}) as con:
        relation = con.sql(sql)
        if relation is None:
            return [], []
        return list(relation.columns), relation.fetchall()

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


class QueryRefused(ValueError):
    """A statement `newscorpus query` does not run: it reads the corpus, it never writes or attaches files."""


_READ_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


def _check_read_only(sql: str) -> None:
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryRefused(f"not valid SQL: {exc}") from exc
    for statement in statements:
        if statement.type not in _READ_STATEMENTS:
            raise QueryRefused(
                f"{statement.type.name} statements are refused: query reads the corpus (SELECT, DESCRIBE, SHOW, "
                "SUMMARIZE, EXPLAIN); open the catalog with the duckdb CLI for anything else"
            )


def query(data_root: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run SQL against the catalog opened read-only and sandboxed: only statements that read, and only files under
    `published/`, so nothing a query says can change the corpus, read other files, or write any."""
    path = catalog_path(data_root)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no catalog yet; run the pipeline (make demo) first")
    _check_read_only(sql)
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    with duckdb.connect(str(path), read_only=True, config=config) as con:
        con.execute("set allowed_directories = ?", [[str(data_root / "published") + "/"]])
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
        relation = con.sql(sql)
        if relation is None:
            return [], []
        return list(relation.columns), relation.fetchall()

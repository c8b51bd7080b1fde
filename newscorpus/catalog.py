"""The catalog `corpus.duckdb`: views over the published Parquet, so people query the corpus with plain SQL.

The views name exactly the files of the partitions' commit manifests (newscorpus.commits), so a publish in flight
or one killed halfway is never visible. The catalog file is always on local disk, even when published/ is on S3.
It is rebuilt into a temporary file and swapped in with one rename, so a reader holding the old file open is never
blocked and never sees a half-built catalog. It holds views (the data stays in `published/`) and one table,
`article_text`, with a BM25 full-text index over titles and bodies for `newscorpus search`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import duckdb

from newscorpus import commits, duckdb_extensions, settings, storage
from newscorpus.partitions import PUBLISHED_TABLES

log = logging.getLogger(__name__)

CATALOG_FILE = "corpus.duckdb"
TABLES = ("articles", "pages", "crawl_runs", "validations")


def catalog_path(data_root: Path | str) -> Path:
    """Always a local file (NEWSCORPUS_CATALOG if set): beside the data for a local root, in the local data root
    (NEWSCORPUS_LOCAL_DIR) for an s3:// one, whose views then read published/ through httpfs."""
    if os.environ.get("NEWSCORPUS_CATALOG") or storage.is_remote(data_root):
        return settings.catalog_file()
    return Path(data_root) / CATALOG_FILE


def _published_files(store: storage.Storage, table: str) -> list[str]:
    """Exactly the committed files (never a glob over folders that may hold a publish in flight)."""
    if table in PUBLISHED_TABLES:
        return [store.uri(key) for key in commits.committed_files(store, table)]
    return [store.uri(key) for key in commits.log_files(store, table)]


def refresh_catalog(data_root: Path | str) -> Path:
    """(Re)create one view per published table; a table with nothing published yet gets no view."""
    store = storage.Storage.at(data_root)
    target = catalog_path(data_root)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.unlink(missing_ok=True)
    created = []
    with duckdb.connect(str(tmp)) as con:
        store.configure_duckdb(con)
        for table in TABLES:
            files = _published_files(store, table)
            if not files:
                continue
            listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
            con.execute(
                f"create view {table} as select * from read_parquet([{listed}], "
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
        published = str(data_root / "published") + "/"
        if storage.is_remote(settings.storage_root()):  # the views read s3://…/published/ through httpfs
            store = storage.from_env()
            store.configure_duckdb(con)
            published = store.uri("published") + "/"
        con.execute("set allowed_directories = ?", [[published]])
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
        relation = con.sql(sql)
        if relation is None:
            return [], []
        return list(relation.columns), relation.fetchall()

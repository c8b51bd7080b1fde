"""The catalog `corpus.duckdb`: views over the published Parquet, so people query the corpus with plain SQL.

The views name exactly the files of the partitions' commit manifests (newscorpus.commits), so a publish in flight
or one killed halfway is never visible. The catalog file is always on local disk, even when published/ is on S3.
It is rebuilt into a temporary file and swapped in with one rename, so a reader holding the old file open is never
blocked and never sees a half-built catalog. It holds views (the data stays in `published/`) and one table,
`search_shards`, listing the full-text index of each published articles file for `newscorpus search`. A refresh
lists the commit manifests once and reads only those new or changed since the last refresh (the memory beside the
catalog, newscorpus.commit_cache), so its requests to the store grow with what changed, not with history.

Refreshes of one catalog take turns (an exclusive lock on a file beside it): two at once (the DAG's task and a
`quarantine release`, say) would each list the store at a different moment and the one that finishes last would
swap in its view even when it is the older one, and would delete the search shards the other just listed. Their
temporaries have names of their own anyway (newscorpus.atomic_file), and a refresh removes the ones that killed
refreshes left behind.

Full-text search is incremental: each published articles file gets its own small DuckDB file under
`search_index/` with the fts extension's BM25 index over titles and bodies, built once, when that file is first
seen; a refresh indexes only what was published since the last one (building an fts index costs about as much as
everything else the pipeline does per article, so rebuilding it over the whole corpus on every publish would make
it the slowest step by far). Index files are never written after their rename, so searches only ever read them.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from newscorpus import atomic_file, commits, duckdb_extensions, settings, storage
from newscorpus.commit_cache import CommitCache
from newscorpus.partitions import PUBLISHED_TABLES

log = logging.getLogger(__name__)

CATALOG_FILE = "corpus.duckdb"
SEARCH_INDEX_DIR = "search_index"
TABLES = ("articles", "pages", "crawl_runs", "validations")


def catalog_path(data_root: Path | str) -> Path:
    """Always a local file (NEWSCORPUS_CATALOG if set): beside the data for a local root, in the local data root
    (NEWSCORPUS_LOCAL_DIR) for an s3:// one, whose views then read published/ through httpfs."""
    if os.environ.get("NEWSCORPUS_CATALOG") or storage.is_remote(data_root):
        return settings.catalog_file()
    return Path(data_root) / CATALOG_FILE


def commit_cache_path(data_root: Path | str) -> Path:
    """The refresh's memory of the commit manifests it read (newscorpus.commit_cache), beside the catalog."""
    catalog = catalog_path(data_root)
    return catalog.with_name(f"{catalog.stem}.commit-cache.json")


def _published_files(store: storage.Storage, table: str, current: list[commits.Commit]) -> list[str]:
    """Exactly the committed files (never a glob over folders that may hold a publish in flight)."""
    if table in PUBLISHED_TABLES:
        return [store.uri(key) for key in commits.committed_files(store, table, commits=current)]
    return [store.uri(key) for key in commits.log_files(store, table)]


def refresh_catalog(data_root: Path | str) -> Path:
    """(Re)create one view per published table; a table with nothing published yet gets no view."""
    store = storage.Storage.at(data_root)
    target = catalog_path(data_root)
    target.parent.mkdir(parents=True, exist_ok=True)
    shard_folder = search_index_dir(data_root)
    with _exclusive_refresh(target):
        _remove_stale_temporaries(target, commit_cache_path(data_root), shard_folder)
        created = []
        cache = CommitCache.load(commit_cache_path(data_root), store.root)
        current = cache.current_commits(store)  # one listing; a GET (on S3) only for manifests new or changed since
        with atomic_file.replacing(target) as tmp, duckdb.connect(str(tmp)) as con:
            store.configure_duckdb(con)
            files_of = {table: _published_files(store, table, current) for table in TABLES}
            for table, files in files_of.items():
                if not files:
                    continue
                listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
                con.execute(
                    f"create view {table} as select * from read_parquet([{listed}], "
                    "hive_partitioning = true, union_by_name = true)"
                )
                created.append(table)
            shards = _index_new_articles(store, shard_folder, files_of["articles"])
            con.execute(
                "create table search_shards (shard varchar, source varchar, crawl_date date, articles bigint, "
                "articles_file varchar)"
            )
            if shards:
                con.executemany("insert into search_shards values (?, ?, ?, ?, ?)", shards)
        _remove_unlisted_shards(shard_folder, {row[0] for row in shards})
        commits.expire_retired(store, dt.datetime.now(dt.UTC), settings.retired_file_grace(), current, gone=cache.gone)
        cache.keep_gone(current)
        cache.save()
    log.info("catalog %s: views %s; %d search shard(s)", target, ", ".join(created) or "(none yet)", len(shards))
    return target


@contextmanager
def _exclusive_refresh(target: Path) -> Iterator[None]:
    """Held for a whole refresh of the catalog at `target` (see the module docstring). A lock dies with its
    process, so a killed refresh never blocks the next one; the lock file itself stays (removing it would let two
    processes lock two different files)."""
    with open(target.with_name(f".{target.name}.lock"), "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info("catalog %s: waiting for another refresh of it to finish", target)
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _remove_stale_temporaries(target: Path, cache_file: Path, shard_folder: Path) -> None:
    """What refreshes killed mid-write left: catalog and commit-cache temporaries beside the catalog, shard
    temporaries in the search index (each with DuckDB's write-ahead log, if any)."""
    stale = atomic_file.remove_stale(target.parent, target.name)
    stale += atomic_file.remove_stale(cache_file.parent, cache_file.name)
    stale += atomic_file.remove_stale(shard_folder, "*.duckdb")
    if stale:
        log.info("removed %d temporary file(s) left by killed refreshes: %s", len(stale), ", ".join(map(str, stale)))


def search_index_dir(data_root: Path | str) -> Path:
    """Beside the catalog and named for it: `search_index/` for the default corpus.duckdb, `<name>.search_index/`
    for any other catalog name, so two catalogs configured into one folder (NEWSCORPUS_CATALOG) keep their own
    shards; a refresh deletes the shards its catalog does not list, which would otherwise be the other's."""
    catalog = catalog_path(data_root)
    folder = SEARCH_INDEX_DIR if catalog.name == CATALOG_FILE else f"{catalog.stem}.{SEARCH_INDEX_DIR}"
    return catalog.parent / folder


def _shard_name(store: storage.Storage, uri: str, listed: storage.ListedFile | None) -> str:
    """Names the content of a published file: its commit-id'd key, size and (locally) modification time, so a
    file replaced in place (partitions published before commit manifests) gets a new index. Size and time come from
    the listing of published/articles when it has the file (one LIST per thousand files instead of a HEAD each)."""
    if listed is not None:
        size, mtime_ns = listed.size, listed.mtime_ns
    else:
        with store.open_input(store.key(uri)) as f:
            size = f.size()
        mtime_ns = None if store.is_remote else os.stat(uri).st_mtime_ns
    stamp = "" if store.is_remote else str(mtime_ns)
    return hashlib.sha256(f"{uri}|{size}|{stamp}".encode()).hexdigest()[:24] + ".duckdb"


def _index_new_articles(store: storage.Storage, folder: Path, files: list[str]) -> list[tuple]:
    """One search shard per published articles file, building only the shards that do not exist yet; returns the
    rows of `search_shards`."""
    folder.mkdir(parents=True, exist_ok=True)
    listed = {entry.key: entry for entry in store.list_entries("published/articles")} if files else {}
    rows = []
    for uri in files:
        shard = folder / _shard_name(store, uri, listed.get(store.key(uri)))
        if not shard.exists():
            _build_shard(store, uri, shard)
        with duckdb.connect(str(shard), read_only=True) as con:
            source, crawl_date, count = con.sql(
                "select any_value(source), any_value(crawl_date), count(*) from article_text"
            ).fetchone()
        rows.append((shard.name, source, crawl_date, count, uri))
    return rows


def _build_shard(store: storage.Storage, uri: str, shard: Path) -> None:
    """The fts extension's BM25 index over one file's titles and bodies; no stemmer, the corpus mixes
    languages. Built in a temporary file of its own and renamed, so a search never opens a half-built shard; should
    two builds of one shard ever race, the later rename replaces an identical file, and a reader of the earlier one
    keeps reading it."""
    config = {"autoinstall_known_extensions": False}
    with atomic_file.replacing(shard) as tmp, duckdb.connect(str(tmp), config=config) as con:
        store.configure_duckdb(con)
        duckdb_extensions.load(con, "fts")
        con.execute(
            "create table article_text as select article_id, source, crawl_date, language, published_at, url, "
            "title, body from read_parquet(?)",
            [uri],
        )
        if con.sql("select count(*) from article_text").fetchone()[0]:
            con.execute(
                "pragma create_fts_index('article_text', 'article_id', 'title', 'body', "
                "stemmer = 'none', stopwords = 'none', strip_accents = 1, lower = 1)"
            )


def _remove_unlisted_shards(folder: Path, listed: set[str]) -> None:
    """Shards of files no longer published. A search that listed one a moment ago skips it (see search.py)."""
    for shard in folder.glob("*.duckdb"):
        if shard.name not in listed:
            shard.unlink(missing_ok=True)


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

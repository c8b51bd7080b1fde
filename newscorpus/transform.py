"""Runs the SQL models of `transforms/` for one partition, in dependency order, in an in-memory DuckDB.

Models are plain SELECTs, one file per table, named for the table; a model depends on another by naming it.
Macros (`transforms/macros/`) load first. The runner binds the run's parameters as DuckDB variables
(`getvariable('source')` …), registers the inputs (`extracted`, `published_articles`) as relations, materialises
each model, logs rows in and out, and writes the marts (`transforms/marts/`) as the partition's staging Parquet.
"""

from __future__ import annotations

import graphlib
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from newscorpus import fingerprints, progress
from newscorpus.commits import committed_files
from newscorpus.partitions import Partition
from newscorpus.settings import TRANSFORMS_DIR
from newscorpus.storage import Storage

log = logging.getLogger(__name__)

LAYERS = ("staging", "intermediate", "marts")
CROSS_PARTITION = "cross_partition"  # models run once per run, over every partition the run staged
INPUT_RELATIONS = ("extracted", "published_articles", "published_signatures")
_COMMENT = re.compile(r"--[^\n]*")

# The published inputs the models read, with their columns; before anything was published they are empty
# relations of the same shape, so models need no special case.
_PUBLISHED_INPUTS = {
    "published_articles": (
        "articles",
        {
            "article_id": "varchar",
            "content_hash": "varchar",
            "first_seen_at": "timestamptz",
            "source": "varchar",
            "crawl_date": "date",
        },
    ),
    "published_signatures": (
        "article_signatures",
        {
            "article_id": "varchar",
            "near_dup_cluster": "varchar",
            "signature": "ubigint[]",
            "band_hashes": "ubigint[]",
            "source": "varchar",
            "crawl_date": "date",
        },
    ),
}


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    path: Path
    sql: str
    depends_on: frozenset[str]


@dataclass(frozen=True)
class TransformResult:
    partition: Partition
    tables: dict[str, str]  # mart name → staged Parquet path
    rows: dict[str, int]  # model name → rows out

    def to_dict(self) -> dict[str, Any]:
        return {**self.partition.to_dict(), "tables": self.tables, "rows": self.rows}


def discover_models(transforms_dir: Path = TRANSFORMS_DIR, layers: tuple[str, ...] = LAYERS) -> list[Model]:
    """All models of the given layers, ordered so that each comes after the models it reads."""
    found: dict[str, tuple[str, Path, str]] = {}
    for layer in layers:
        for path in sorted((transforms_dir / layer).glob("*.sql")):
            if path.stem in found:
                raise ValueError(f"model name {path.stem!r} is defined twice ({found[path.stem][1]} and {path})")
            found[path.stem] = (layer, path, path.read_text(encoding="utf-8"))
    if not found:  # an install without its SQL would otherwise "succeed" and leave the gate to find nothing staged
        raise FileNotFoundError(f"{transforms_dir}: no SQL models in {', '.join(f'{layer}/' for layer in layers)}")
    names = set(found)
    models: dict[str, Model] = {}
    for name, (layer, path, sql) in found.items():
        code = _COMMENT.sub("", sql).lower()
        words = set(re.findall(r"\b[a-z_][a-z0-9_]*\b", code))
        ctes = set(re.findall(r"\b([a-z_][a-z0-9_]*)\s+as\s*\(", code))  # a CTE may share a model's name
        models[name] = Model(name, layer, path, sql, frozenset((words & names) - ctes - {name}))
    order = graphlib.TopologicalSorter({m.name: m.depends_on for m in models.values()}).static_order()
    return [models[name] for name in order]


def _load_macros(con: duckdb.DuckDBPyConnection, transforms_dir: Path) -> None:
    """The SQL macros of `transforms/macros/` and the vectorised functions the models call (fingerprints)."""
    fingerprints.register(con)
    for path in sorted((transforms_dir / "macros").glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))


def _register_published(
    con: duckdb.DuckDBPyConnection, data_root: Path | str, rebuilt: frozenset[str] = frozenset()
) -> None:
    """The published inputs (exactly the committed files, see newscorpus.commits), leaving out the partitions
    (hive paths) that this run is rebuilding."""
    store = Storage.at(data_root)
    for relation, (table, columns) in _PUBLISHED_INPUTS.items():
        files = [store.uri(key) for key in committed_files(store, table, exclude=rebuilt)]
        if files:
            select = ", ".join(f"cast({name} as {kind}) as {name}" for name, kind in columns.items())
            con.execute(f"set variable {relation}_files = ?", [files])
            source = f"read_parquet(getvariable('{relation}_files'), union_by_name = true)"
            con.execute(f"create view {relation} as select {select} from {source}")
        else:
            empty = ", ".join(f"cast(null as {kind}) as {name}" for name, kind in columns.items())
            con.execute(f"create view {relation} as select {empty} where false")


def _register_crawl_stats(con: duckdb.DuckDBPyConnection, store: Storage, partition: Partition) -> None:
    """`crawl_stats`: one row of what the spider skipped or refused (written by the extract stage); zeros when a
    partition was staged by hand without it."""
    from newscorpus.stage import CRAWL_STAT_COLUMNS

    key = partition.staging_key("crawl_stats")
    if store.exists(key):
        con.execute("set variable crawl_stats_path = ?", [store.uri(key)])
        con.execute("create view crawl_stats as select * from read_parquet(getvariable('crawl_stats_path'))")
    else:
        zeros = ", ".join(f"0::bigint as {name}" for name in CRAWL_STAT_COLUMNS)
        con.execute(f"create view crawl_stats as select {zeros}")


def run_models(
    partition: Partition,
    data_root: Path | str,
    *,
    extracted_path: Path | str | None = None,
    transforms_dir: Path = TRANSFORMS_DIR,
) -> TransformResult:
    """Build the partition's candidate tables under `staging/<run_id>/<table>/source=…/crawl_date=…/` of the
    storage root (a local folder or s3://, see newscorpus.storage)."""
    store = Storage.at(data_root)
    extracted_path = store.uri(extracted_path or partition.staging_key("extracted"))
    if not store.exists(extracted_path):
        raise FileNotFoundError(f"{extracted_path}: no extracted pages for {partition.hive_path}; run extract first")
    models = discover_models(transforms_dir)
    tables: dict[str, str] = {}
    rows: dict[str, int] = {}
    with duckdb.connect(config={"autoinstall_known_extensions": False}) as con:
        store.configure_duckdb(con)
        con.execute("set variable source = ?", [partition.source])
        con.execute("set variable crawl_date = ?", [partition.crawl_date.isoformat()])
        con.execute("set variable run_id = ?", [partition.run_id])
        con.execute("set variable extracted_path = ?", [extracted_path])
        _load_macros(con, transforms_dir)
        # extracted_row: the row's number in the file, so models carry it instead of the body and join the body
        # back where they need it
        con.execute(
            "create view extracted as select * rename (file_row_number as extracted_row) "
            "from read_parquet(getvariable('extracted_path'), file_row_number = true)"
        )
        check_extracted_columns(con, extracted_path)
        _register_crawl_stats(con, store, partition)
        _register_published(con, data_root)
        rows_in = con.sql("select count(*) from extracted").fetchone()[0]
        log.info("transform %s: %d extracted rows in", partition.hive_path, rows_in)
        for model in progress.track(models, f"transform {partition.source}", unit="models"):
            rows[model.name] = _run_model(con, model, rows)
        for model in models:  # only once every model has succeeded: a failure never leaves some tables staged
            if model.layer == "marts":
                key = partition.staging_key(model.name)
                tmp = store.scratch(key)
                con.execute(
                    f"copy \"{model.name}\" to '{_sql_path(tmp)}' "
                    "(format parquet, compression zstd, row_group_size 100000)"
                )
                tables[model.name] = store.commit_scratch(tmp, key)
    return TransformResult(partition, tables, rows)


class ExtractedSchemaError(ValueError):
    """The extracted pages do not have the columns (or types) of newscorpus.schemas.EXTRACTED_SCHEMA."""


def check_extracted_columns(con: duckdb.DuckDBPyConnection, extracted_path: str) -> None:
    """Refuse an extracted file whose columns are missing or of another type, naming each, before any model runs:
    a model failing halfway on a retyped column says less and wastes the work before it."""
    from newscorpus.schemas import EXTRACTED_SCHEMA

    expected = con.sql(
        "select * from (select "
        + ", ".join(
            f'cast(null as {_DUCK_TYPES.get(str(field.type), "varchar[]")}) as "{field.name}"'
            for field in EXTRACTED_SCHEMA
        )
        + ")"
    ).types
    actual = dict(con.sql("select column_name, column_type from (describe extracted)").fetchall())
    problems = []
    for field, kind in zip(EXTRACTED_SCHEMA, expected, strict=True):
        if field.name not in actual:
            problems.append(f"column {field.name} is missing")
        elif actual[field.name] != str(kind):
            problems.append(f"column {field.name} is {actual[field.name]}, expected {kind}")
    if problems:
        raise ExtractedSchemaError(f"{extracted_path}: not the extracted schema: " + "; ".join(problems))


_DUCK_TYPES = {
    "string": "varchar", "date32[day]": "date", "int32": "integer", "int64": "bigint", "bool": "boolean",
    "timestamp[us, tz=UTC]": "timestamptz",
}  # fmt: skip


def _run_model(con: duckdb.DuckDBPyConnection, model: Model, upstream_rows: dict[str, int] | None = None) -> int:
    """Materialise one model; logs the rows of the models it reads, its rows, and its wall and CPU seconds (CPU
    time is what to compare when others share the machine)."""
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        con.execute(f'create table "{model.name}" as {model.sql}')
    except duckdb.Error as exc:
        raise RuntimeError(f"model {model.name} ({model.path}) failed: {exc}") from exc
    rows = con.sql(f'select count(*) from "{model.name}"').fetchone()[0]
    rows_in = sum((upstream_rows or {}).get(name, 0) for name in model.depends_on)
    log.info(
        "  %-28s %9s rows in %9s rows out %7.2f s (cpu %.2f s)",
        model.name, rows_in, rows, time.perf_counter() - started, time.process_time() - cpu_started,
    )  # fmt: skip
    return rows


def cluster_near_duplicates(
    partitions: list[Partition], data_root: Path, *, transforms_dir: Path = TRANSFORMS_DIR
) -> dict[str, int]:
    """Assign near_dup_cluster across every partition this run staged, then write it into their staged tables.

    Per-partition transforms cannot see each other (they run in parallel), so clustering waits for all of them:
    outlets that carried the same story on the same day end up in one cluster, and a rerun gives the same ids.
    """
    store = Storage.at(data_root)
    staged = [p.staging_key("article_signatures") for p in partitions]
    staged = [store.uri(key) for key in staged if store.exists(key)]
    rows: dict[str, int] = {}
    if not staged:
        return rows
    with duckdb.connect(config={"autoinstall_known_extensions": False}) as con:
        store.configure_duckdb(con)
        _load_macros(con, transforms_dir)
        con.execute("set variable run_signature_files = ?", [staged])
        con.execute("create view run_signatures as select * from read_parquet(getvariable('run_signature_files'))")
        _register_published(con, data_root, frozenset(p.hive_path for p in partitions))
        log.info("near-duplicate clustering over %d staged partition(s)", len(staged))
        for model in discover_models(transforms_dir, (CROSS_PARTITION,)):
            rows[model.name] = _run_model(con, model, rows)
        for partition in partitions:
            for table in ("articles", "article_signatures"):
                key = partition.staging_key(table)
                if not store.exists(key):
                    continue
                path, tmp = store.uri(key), store.scratch(key)
                con.execute(
                    f"copy (select t.* replace (coalesce(c.near_dup_cluster, t.near_dup_cluster) as near_dup_cluster) "
                    f"from read_parquet('{_sql_path(path)}') as t left join near_dup_clusters as c using (article_id)) "
                    f"to '{_sql_path(tmp)}' (format parquet, compression zstd, row_group_size 100000)"
                )
                store.commit_scratch(tmp, key)
    return rows


def _sql_path(path: Path) -> str:
    """A path as a SQL string literal body; partition paths are validated, this guards the quote anyway."""
    return str(path).replace("'", "''")

"""Write-audit-publish for one partition: the staged tables pass the GX gate and replace the published partition
in one atomic step for all its tables (a commit manifest, see newscorpus.commits), or they go to quarantine with
their validation result and readers never see them. Local folder and S3 work the same (newscorpus.storage).

Every gate run leaves a row in `validations`, and the run's row in `crawl_runs` records what was published or
quarantined, so the history of a partition can be read back from the corpus itself.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from newscorpus.commits import (
    Commit,
    collect_garbage,
    data_file_key,
    new_commit_id,
    read_commit,
    retire_previous,
    write_commit,
)
from newscorpus.partitions import PUBLISHED_TABLES, Partition
from newscorpus.quality import GateResult, gate_parameters, validate_partition
from newscorpus.quality.baselines import trailing_baseline
from newscorpus.settings import data_root as local_data_root
from newscorpus.settings import retired_file_grace
from newscorpus.sources import PERMISSION_COLUMN, Source, permission_record
from newscorpus.storage import Storage

log = logging.getLogger(__name__)


class GateFailed(RuntimeError):
    """A partition failed blocking expectations and was quarantined; the message says which and what was seen."""


@dataclass(frozen=True)
class PublishOutcome:
    partition: Partition
    published: bool
    articles: int
    location: str  # the partition's commit manifest or the quarantine folder
    summary: str
    report_path: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.partition.to_dict(),
            "published": self.published,
            "articles": self.articles,
            "location": self.location,
            "summary": self.summary,
            "report_path": self.report_path,
        }


def _file_key(run_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", run_id)


def _publish_tables(
    partition: Partition, staged: dict[str, str], store: Storage, validation: str | None, rows: dict[str, int]
) -> Commit:
    """Write-beside, then commit: copy each staged table to a data file no reader knows yet, then replace the
    partition's commit manifest (the one atomic step), then delete what the previous commit named."""
    previous = read_commit(store, partition)
    commit_id = new_commit_id()
    files: dict[str, list[str]] = {}
    for table in PUBLISHED_TABLES:
        key = data_file_key(partition, table, commit_id)
        store.copy(staged[table], key)
        files[table] = [key]
    now = dt.datetime.now(dt.UTC)
    grace = retired_file_grace()
    commit = Commit(
        partition.source,
        partition.crawl_date,
        partition.run_id,
        commit_id,
        now.isoformat(),
        files,
        rows,
        validation,
        retire_previous(store, partition, previous, now, grace),
    )
    write_commit(store, partition, commit)
    collect_garbage(store, partition, commit, at=now, grace=grace)
    return commit


def _quarantine_tables(partition: Partition, staged: dict[str, str], store: Storage, result: GateResult) -> str:
    folder = partition.quarantine_key
    for table, location in staged.items():
        target = f"{folder}/{table}.parquet"
        if store.path(location) != store.path(target):
            store.copy(location, target)
    document = {**result.to_dict(), "summary": result.summary()}
    # written last: list_quarantined finds a quarantined partition by this file, so its tables are all there
    store.write_text(f"{folder}/validation.json", json.dumps(document, indent=2, default=str))
    return store.uri(folder)


def _record_validation(partition: Partition, result: GateResult, store: Storage) -> str:
    validated_at = dt.datetime.now(dt.UTC)
    rows = []
    for table in sorted({o.table for o in result.outcomes}):
        outcomes = [o for o in result.outcomes if o.table == table]
        rows.append(
            {
                "source": partition.source,
                "crawl_date": partition.crawl_date,
                "run_id": partition.run_id,
                "suite": table,
                "success": not any(not o.success and o.severity == "blocking" for o in outcomes),
                "evaluated": len(outcomes),
                "failed": sum(1 for o in outcomes if not o.success),
                "failed_expectations": [
                    f"{o.severity}: {o.expectation}({o.column or ''}) observed {o.observed}"
                    for o in outcomes
                    if not o.success
                ],
                "report_path": result.report_path,
                "validated_at": validated_at,
            }
        )
    key = (
        f"published/validations/{partition.hive_path}/"
        f"{validated_at:%Y%m%dT%H%M%S%f}-{_file_key(partition.run_id)}.parquet"
    )
    store.write_table(key, pa.Table.from_pylist(rows))
    return key


def _record_crawl_run(
    partition: Partition, staged_crawl_runs: str, passed: bool, articles: int, store: Storage, source: Source
) -> None:
    """The run's crawl_runs row: what the gate decided, and the registry entry the run used (so the dataset card
    states the permissions the corpus was collected under, whatever registry is at hand when it is exported)."""
    table = store.read_table(staged_crawl_runs)
    table = table.append_column("articles_published", pa.array([articles if passed else 0] * len(table), pa.int64()))
    table = table.append_column("articles_quarantined", pa.array([0 if passed else articles] * len(table), pa.int64()))
    table = table.append_column("gate_passed", pa.array([passed] * len(table), pa.bool_()))
    record = json.dumps(permission_record(source), ensure_ascii=False, sort_keys=True)
    table = table.append_column(PERMISSION_COLUMN, pa.array([record] * len(table), pa.string()))
    store.write_table(f"published/crawl_runs/{partition.hive_path}/run-{_file_key(partition.run_id)}.parquet", table)


def reports_dir(store: Storage) -> Path:
    """Data Docs stay on local disk: beside the data for a local root, in the local data root for an S3 one."""
    return Path(store.root) / "reports" if not store.is_remote else local_data_root() / "reports"


def gate_and_publish(
    source: Source, partition: Partition, staged_tables: dict[str, str], data_root: Path | str | Storage
) -> PublishOutcome:
    """Validate the staged partition; publish it whole, or quarantine it whole. Never half of either.

    Order matters for a crash at any point: the validation row is written first (it records a gate run, which
    happened), then the commit (publish or quarantine), then the crawl_runs row (which claims what was published);
    a rerun rewrites the crawl_runs row under the same name and republishes, so it converges."""
    store = Storage.at(data_root)
    staged = {name: str(path) for name, path in staged_tables.items()}
    missing = [t for t in PUBLISHED_TABLES if t not in staged or not store.exists(staged[t])]
    if missing:
        raise FileNotFoundError(f"{partition.hive_path}: staged table(s) missing: {', '.join(missing)}; run transform")
    tables = {name: store.read_table(staged[name]) for name in PUBLISHED_TABLES}
    result = validate_partition(
        tables,
        source=partition.source,
        crawl_date=partition.crawl_date,
        run_id=partition.run_id,
        parameters=gate_parameters(
            source, partition.crawl_date, trailing_baseline(store, source.id, partition.crawl_date)
        ),
        reports_dir=reports_dir(store),
    )
    articles = tables["articles"].num_rows
    validation = _record_validation(partition, result, store)
    if result.passed:
        rows = {name: table.num_rows for name, table in tables.items()}
        commit = _publish_tables(partition, staged, store, validation, rows)
        location = store.uri(partition.commit_key)
        log.info(
            "published %s (commit %s): %d articles (%d warnings)",
            partition.hive_path,
            commit.commit_id,
            articles,
            len(result.warnings),
        )
    else:
        location = _quarantine_tables(partition, staged, store, result)
        log.error("quarantined %s in %s:\n%s", partition.hive_path, location, result.summary())
    if "crawl_runs" in staged:
        _record_crawl_run(partition, staged["crawl_runs"], result.passed, articles, store, source)
    return PublishOutcome(partition, result.passed, articles, location, result.summary(), result.report_path)

"""Write-audit-publish for one partition: the staged tables pass the GX gate and replace the published partition
in one atomic step each, or they go to quarantine with their validation result and readers never see them.

Every gate run leaves a row in `validations`, and the run's row in `crawl_runs` records what was published or
quarantined, so the history of a partition can be read back from the corpus itself.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newscorpus.partitions import DATA_FILE, PUBLISHED_TABLES, Partition
from newscorpus.quality import GateResult, gate_parameters, validate_partition
from newscorpus.quality.baselines import trailing_baseline
from newscorpus.sources import Source

log = logging.getLogger(__name__)


class GateFailed(RuntimeError):
    """A partition failed blocking expectations and was quarantined; the message says which and what was seen."""


@dataclass(frozen=True)
class PublishOutcome:
    partition: Partition
    published: bool
    articles: int
    location: str  # the published partition or the quarantine folder
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


def _write_parquet_atomically(table: pa.Table, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    tmp.replace(target)


def _publish_tables(partition: Partition, staged: dict[str, Path], data_root: Path) -> None:
    """Replace each published table's partition file by the staged one; os.replace makes each swap atomic."""
    for table in PUBLISHED_TABLES:
        target = partition.published_dir(data_root, table) / DATA_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{DATA_FILE}.{_file_key(partition.run_id)}.tmp")
        shutil.copyfile(staged[table], tmp)
        tmp.replace(target)


def _quarantine_tables(partition: Partition, staged: dict[str, Path], data_root: Path, result: GateResult) -> Path:
    folder = partition.quarantine_dir(data_root)
    folder.mkdir(parents=True, exist_ok=True)
    for table, path in staged.items():
        if Path(path).resolve() != (folder / f"{table}.parquet").resolve():
            shutil.copyfile(path, folder / f"{table}.parquet")
    document = {**result.to_dict(), "summary": result.summary()}
    (folder / "validation.json").write_text(json.dumps(document, indent=2, default=str), encoding="utf-8")
    return folder


def _record_validation(partition: Partition, result: GateResult, data_root: Path) -> None:
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
    target = (
        data_root
        / "published"
        / "validations"
        / partition.hive_path
        / f"{validated_at:%Y%m%dT%H%M%S%f}-{_file_key(partition.run_id)}.parquet"
    )
    _write_parquet_atomically(pa.Table.from_pylist(rows), target)


def _record_crawl_run(
    partition: Partition, staged_crawl_runs: Path, passed: bool, articles: int, data_root: Path
) -> None:
    table = pq.read_table(staged_crawl_runs)
    table = table.append_column("articles_published", pa.array([articles if passed else 0] * len(table), pa.int64()))
    table = table.append_column("articles_quarantined", pa.array([0 if passed else articles] * len(table), pa.int64()))
    table = table.append_column("gate_passed", pa.array([passed] * len(table), pa.bool_()))
    target = data_root / "published" / "crawl_runs" / partition.hive_path / f"run-{_file_key(partition.run_id)}.parquet"
    _write_parquet_atomically(table, target)


def gate_and_publish(
    source: Source, partition: Partition, staged_tables: dict[str, str], data_root: Path
) -> PublishOutcome:
    """Validate the staged partition; publish it whole, or quarantine it whole. Never half of either."""
    staged = {name: Path(path) for name, path in staged_tables.items()}
    missing = [t for t in PUBLISHED_TABLES if t not in staged or not staged[t].exists()]
    if missing:
        raise FileNotFoundError(f"{partition.hive_path}: staged table(s) missing: {', '.join(missing)}; run transform")
    tables = {name: pq.read_table(staged[name]) for name in PUBLISHED_TABLES}
    result = validate_partition(
        tables,
        source=partition.source,
        crawl_date=partition.crawl_date,
        run_id=partition.run_id,
        parameters=gate_parameters(
            source, partition.crawl_date, trailing_baseline(data_root, source.id, partition.crawl_date)
        ),
        reports_dir=data_root / "reports",
    )
    articles = tables["articles"].num_rows
    if result.passed:
        _publish_tables(partition, staged, data_root)
        location = str(partition.published_dir(data_root, "articles"))
        log.info("published %s: %d articles (%d warnings)", partition.hive_path, articles, len(result.warnings))
    else:
        location = str(_quarantine_tables(partition, staged, data_root, result))
        log.error("quarantined %s in %s:\n%s", partition.hive_path, location, result.summary())
    _record_validation(partition, result, data_root)
    if "crawl_runs" in staged:
        _record_crawl_run(partition, staged["crawl_runs"], result.passed, articles, data_root)
    return PublishOutcome(partition, result.passed, articles, location, result.summary(), result.report_path)

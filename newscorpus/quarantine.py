"""What an operator does with a quarantined partition: list them, read why, and publish one deliberately after a
fix. A release re-runs the gate on the quarantined tables: a fix of the suite, the source's thresholds or the
data is what lets it through, never the release itself. Works the same on a local root and on S3."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from newscorpus.partitions import Partition, parse_date
from newscorpus.publish import PublishOutcome, gate_and_publish
from newscorpus.sources import Source
from newscorpus.storage import Storage


@dataclass(frozen=True)
class QuarantinedPartition:
    partition: Partition
    folder: str  # location of the quarantine folder (a local path or an s3:// URI)
    validation: dict[str, Any]
    store: Storage = field(compare=False, repr=False)

    @property
    def summary(self) -> str:
        return str(self.validation.get("summary", ""))

    def table_keys(self) -> dict[str, str]:
        keys = self.store.list_files(self.partition.quarantine_key, "*.parquet")
        return {key.rsplit("/", 1)[1].removesuffix(".parquet"): key for key in keys}

    def rows(self) -> dict[str, int]:
        rows = {}
        for table, key in sorted(self.table_keys().items()):
            with self.store.open_input(key) as stream:
                rows[table] = pq.ParquetFile(stream).metadata.num_rows
        return rows


def list_quarantined(data_root: Path | str | Storage, source: str | None = None) -> list[QuarantinedPartition]:
    store = Storage.at(data_root)
    found = []
    for key in store.list_files("quarantine", "*/source=*/crawl_date=*/validation.json"):
        _, run_id, source_part, date_part, _ = key.split("/")
        partition = Partition(
            source_part.removeprefix("source="), parse_date(date_part.removeprefix("crawl_date=")), run_id
        )
        if source is None or partition.source == source:
            validation = json.loads(store.read_text(key))
            found.append(QuarantinedPartition(partition, store.uri(partition.quarantine_key), validation, store))
    return found


def find_quarantined(data_root: Path | str | Storage, partition: Partition) -> QuarantinedPartition:
    for item in list_quarantined(data_root, partition.source):
        if item.partition == partition:
            return item
    raise FileNotFoundError(f"no quarantined partition {partition.hive_path} from run {partition.run_id}")


def release(source: Source, item: QuarantinedPartition, data_root: Path | str | Storage) -> PublishOutcome:
    """Re-run the gate on the quarantined tables; publish and clear the quarantine entry only if it passes now."""
    store = Storage.at(data_root)
    staged: dict[str, str] = {}
    for table, key in item.table_keys().items():
        target = item.partition.staging_key(table)
        store.copy(key, target)
        staged[table] = store.uri(target)
    outcome = gate_and_publish(source, item.partition, staged, store)
    if outcome.published:
        store.delete_prefix(item.partition.quarantine_key)
    return outcome

"""What an operator does with a quarantined partition: list them, read why, and publish one deliberately after a
fix. A release re-runs the gate on the quarantined tables: a fix of the suite, the source's thresholds or the
data is what lets it through, never the release itself."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from newscorpus.partitions import DATA_FILE, Partition, parse_date
from newscorpus.publish import PublishOutcome, gate_and_publish
from newscorpus.sources import Source


@dataclass(frozen=True)
class QuarantinedPartition:
    partition: Partition
    folder: Path
    validation: dict[str, Any]

    @property
    def summary(self) -> str:
        return str(self.validation.get("summary", ""))

    def rows(self) -> dict[str, int]:
        return {path.stem: pq.ParquetFile(path).metadata.num_rows for path in sorted(self.folder.glob("*.parquet"))}


def list_quarantined(data_root: Path, source: str | None = None) -> list[QuarantinedPartition]:
    found = []
    for report in sorted((data_root / "quarantine").glob("*/source=*/crawl_date=*/validation.json")):
        folder = report.parent
        partition = Partition(
            folder.parent.name.removeprefix("source="),
            parse_date(folder.name.removeprefix("crawl_date=")),
            folder.parent.parent.name,
        )
        if source is None or partition.source == source:
            found.append(QuarantinedPartition(partition, folder, json.loads(report.read_text(encoding="utf-8"))))
    return found


def find_quarantined(data_root: Path, partition: Partition) -> QuarantinedPartition:
    for item in list_quarantined(data_root, partition.source):
        if item.partition == partition:
            return item
    raise FileNotFoundError(f"no quarantined partition {partition.hive_path} from run {partition.run_id}")


def release(source: Source, item: QuarantinedPartition, data_root: Path) -> PublishOutcome:
    """Re-run the gate on the quarantined tables; publish and clear the quarantine entry only if it passes now."""
    staged: dict[str, str] = {}
    for path in item.folder.glob("*.parquet"):
        target = item.partition.staging_dir(data_root, path.stem) / DATA_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        staged[path.stem] = str(target)
    outcome = gate_and_publish(source, item.partition, staged, data_root)
    if outcome.published:
        shutil.rmtree(item.folder)
    return outcome

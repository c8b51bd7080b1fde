"""A partition is (source, crawl_date); a run_id tells one attempt at it apart from another.

Every path in the storage root is derived here and nowhere else, so the zone layout of design.md has one owner.
Names that become path segments are validated first: a source id, run id or date that could escape its folder
is refused before any path is built.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from newscorpus.sources import SOURCE_ID

RUN_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.:+-]{0,199}$")
# Published together per partition when the gate passes: one commit manifest names a file of each
# (newscorpus.commits), so a reader sees all three tables of a partition's version or none of them.
PUBLISHED_TABLES = ("pages", "article_signatures", "articles")
DATA_FILE = "data.parquet"
COMMITS_DIR = "published/_commits"


class PartitionError(ValueError):
    """A partition key that cannot safely name a folder."""


def check_run_id(run_id: str) -> str:
    if not isinstance(run_id, str) or not RUN_ID.match(run_id) or ".." in run_id:
        raise PartitionError(f"run_id {run_id!r} is not a safe name (letters, digits and _ . : + - only)")
    return run_id


def parse_date(value: str | dt.date | dt.datetime) -> dt.date:
    """A crawl date from a CLI argument, an XCom string or an Airflow logical date; anything else is refused."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PartitionError(f"date {value!r} is not a calendar date in the form YYYY-MM-DD")


@dataclass(frozen=True)
class Partition:
    source: str
    crawl_date: dt.date
    run_id: str

    def __post_init__(self) -> None:
        if not isinstance(self.source, str) or not SOURCE_ID.match(self.source):
            raise PartitionError(f"source id {self.source!r} is not a safe name")
        if not isinstance(self.crawl_date, dt.date):
            raise PartitionError(f"crawl_date {self.crawl_date!r} is not a date")
        check_run_id(self.run_id)

    @property
    def hive_path(self) -> str:
        return f"source={self.source}/crawl_date={self.crawl_date.isoformat()}"

    # Keys relative to the storage root (newscorpus.storage), the same locally and on S3.
    @property
    def raw_key(self) -> str:
        return f"raw/{self.hive_path}/run_id={self.run_id}"

    def staging_key(self, table: str) -> str:
        """The staged Parquet file of one table."""
        return f"staging/{self.run_id}/{table}/{self.hive_path}/{DATA_FILE}"

    def published_key(self, table: str) -> str:
        """The folder of one published table's partition; it holds the data files commits name (and, while a
        publish is in flight or after a crash, files no commit names: readers never list it, they read commits)."""
        return f"published/{table}/{self.hive_path}"

    @property
    def commit_key(self) -> str:
        """The partition's commit manifest: the one object whose replacement publishes the partition."""
        return f"{COMMITS_DIR}/{self.hive_path}.json"

    @property
    def quarantine_key(self) -> str:
        return f"quarantine/{self.run_id}/{self.hive_path}"

    def raw_dir(self, root: Path) -> Path:
        return root / self.raw_key

    def staging_dir(self, root: Path, table: str) -> Path:
        return root / "staging" / self.run_id / table / self.hive_path

    def published_dir(self, root: Path, table: str) -> Path:
        return root / self.published_key(table)

    def quarantine_dir(self, root: Path) -> Path:
        return root / self.quarantine_key

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "crawl_date": self.crawl_date.isoformat(), "run_id": self.run_id}

    @classmethod
    def from_dict(cls, raw: dict[str, str]) -> Partition:
        return cls(raw["source"], parse_date(raw["crawl_date"]), raw["run_id"])

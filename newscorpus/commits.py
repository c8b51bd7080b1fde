"""Commit manifests: what is published is exactly what a partition's manifest names, nothing a folder happens to hold.

Publishing a (source, crawl_date) partition writes each table's new data file beside the old one under a name no
other attempt uses (`part-<commit_id>.parquet`), then replaces one small JSON object,

    published/_commits/source=<id>/crawl_date=<YYYY-MM-DD>.json

that names the files of every table (pages, article_signatures, articles), the run and its validation record.
Replacing that object is atomic on a local disk (temporary name + os.replace) and on S3 (one PUT), so the partition
flips from the old version to the new one for all its tables at once. A publish killed before that step leaves only
unnamed files, which readers never see and the next publish of the partition deletes; one killed after it has
published. Readers (catalog views, the transforms' published history, baselines) go through `committed_files`.

The files a new commit stops naming are not deleted at once: the commit lists them under `retired` with the time,
and they stay for a grace period (settings.retired_file_grace, default a day), so a query or a catalog built on
the previous version keeps reading whole files until the catalog has moved on. Expired files go at the partition's
next publish (which also leaves them out of its commit's `retired`) or at the next catalog refresh
(`expire_retired`, which remembers what it found deleted, newscorpus.commit_cache), whichever comes first.

Partitions published before commit manifests existed hold a single `data.parquet` per table, written whole by an
atomic rename; a partition without a manifest is read that way, and its first commit replaces it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newscorpus.partitions import COMMITS_DIR, DATA_FILE, PUBLISHED_TABLES, Partition, parse_date
from newscorpus.storage import Storage

log = logging.getLogger(__name__)

FORMAT = 1


@dataclass(frozen=True)
class Commit:
    source: str
    crawl_date: dt.date
    run_id: str
    commit_id: str
    committed_at: str
    files: dict[str, list[str]]  # table → keys of its data files, relative to the storage root
    rows: dict[str, int] = field(default_factory=dict)
    validation: str | None = None  # key of the gate run's row in published/validations/
    retired: dict[str, str] = field(default_factory=dict)  # file an earlier commit named → when it stopped (ISO)

    @property
    def hive_path(self) -> str:
        return f"source={self.source}/crawl_date={self.crawl_date.isoformat()}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "source": self.source,
            "crawl_date": self.crawl_date.isoformat(),
            "run_id": self.run_id,
            "commit_id": self.commit_id,
            "committed_at": self.committed_at,
            "tables": {table: {"files": files, "rows": self.rows.get(table)} for table, files in self.files.items()},
            "validation": self.validation,
            "retired": self.retired,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Commit:
        if raw.get("format") != FORMAT:
            raise ValueError(f"commit manifest format {raw.get('format')!r} is not {FORMAT}")
        tables = raw["tables"]
        return cls(
            raw["source"],
            parse_date(raw["crawl_date"]),
            raw["run_id"],
            raw["commit_id"],
            raw["committed_at"],
            {t: list(v["files"]) for t, v in tables.items()},
            {t: v["rows"] for t, v in tables.items() if v.get("rows") is not None},
            raw.get("validation"),
            dict(raw.get("retired") or {}),
        )


def new_commit_id() -> str:
    """Sorts by time; the random tail keeps two attempts in the same microsecond apart."""
    return f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}"


def data_file_key(partition: Partition, table: str, commit_id: str) -> str:
    return f"{partition.published_key(table)}/part-{commit_id}.parquet"


def read_commit(store: Storage, partition: Partition) -> Commit | None:
    """The partition's current commit (run_id of `partition` is ignored: a partition has one published version)."""
    if not store.exists(partition.commit_key):
        return None
    return Commit.from_dict(json.loads(store.read_text(partition.commit_key)))


def write_commit(store: Storage, partition: Partition, commit: Commit) -> None:
    """The publish itself: one atomic object replacement."""
    store.write_text(partition.commit_key, json.dumps(commit.to_dict(), indent=2, sort_keys=True))


def list_commits(store: Storage, source: str | None = None) -> list[Commit]:
    prefix = f"{COMMITS_DIR}/source={source}" if source else COMMITS_DIR
    commits = []
    for key in store.list_files(prefix, None):
        if key.endswith(".json"):
            commits.append(Commit.from_dict(json.loads(store.read_text(key))))
    return commits


def _legacy_files(store: Storage, table: str, source: str | None, committed: set[str]) -> list[tuple[str, str]]:
    """(hive path, key) of partitions published before manifests: one data.parquet and no commit."""
    prefix = f"published/{table}/source={source}" if source else f"published/{table}"
    found = []
    for key in store.list_files(prefix, None):
        parts = key.split("/")
        if (
            len(parts) == 5
            and parts[4] == DATA_FILE
            and parts[2].startswith("source=")
            and parts[3].startswith("crawl_date=")
        ):
            hive = f"{parts[2]}/{parts[3]}"
            if hive not in committed:
                found.append((hive, key))
    return found


def committed_files(
    store: Storage,
    table: str,
    *,
    source: str | None = None,
    exclude: Iterable[str] = (),
    since: dt.date | None = None,
    before: dt.date | None = None,
    commits: list[Commit] | None = None,
) -> list[str]:
    """Keys of the data files of `table` that are published now, sorted; partitions whose hive path is in
    `exclude` and crawl dates outside [since, before) are left out. `commits`: list_commits(store, source) read
    once by a caller that needs several tables (each commit file is one GET on S3)."""
    if table not in PUBLISHED_TABLES:
        raise ValueError(f"{table} is not a committed table ({', '.join(PUBLISHED_TABLES)})")
    excluded = set(exclude)
    if commits is None:
        commits = list_commits(store, source)
    files: list[str] = []
    for commit in commits:
        if commit.hive_path in excluded or not _in_window(commit.crawl_date, since, before):
            continue
        files += commit.files.get(table, [])
    for hive, key in _legacy_files(store, table, source, {c.hive_path for c in commits}):
        day = parse_date(hive.split("crawl_date=", 1)[1])
        if hive not in excluded and _in_window(day, since, before):
            files.append(key)
    return sorted(files)


def _in_window(day: dt.date, since: dt.date | None, before: dt.date | None) -> bool:
    return (since is None or day >= since) and (before is None or day < before)


def log_files(store: Storage, table: str, *, source: str | None = None) -> list[str]:
    """Keys of an append-only table's files (crawl_runs, validations): each file is written whole under its own
    name and never replaced by another run, so every visible file is a committed record."""
    prefix = f"published/{table}/source={source}" if source else f"published/{table}"
    return store.list_files(prefix, "*.parquet" if source else "source=*/crawl_date=*/*.parquet")


def retire_previous(
    store: Storage, partition: Partition, previous: Commit | None, at: dt.datetime, grace: dt.timedelta
) -> dict[str, str]:
    """The `retired` list of the commit that replaces `previous`: its files (or a legacy partition's data.parquet)
    from `at`, plus the files it had retired itself whose grace has not run out."""
    retired = {
        key: when for key, when in (previous.retired if previous else {}).items() if not _expired(when, at, grace)
    }
    if previous is not None:
        named = [key for files in previous.files.values() for key in files]
    else:
        named = [f"{partition.published_key(table)}/{DATA_FILE}" for table in PUBLISHED_TABLES]
        named = [key for key in named if store.exists(key)]
    retired.update({key: at.isoformat() for key in named})
    return retired


def _expired(when: str, at: dt.datetime, grace: dt.timedelta) -> bool:
    return dt.datetime.fromisoformat(when) + grace <= at


def expire_retired(
    store: Storage,
    at: dt.datetime,
    grace: dt.timedelta,
    commits: list[Commit] | None = None,
    *,
    gone: set[str] | None = None,
) -> list[str]:
    """Delete every retired file whose grace has run out, in every partition (run after the catalog has moved to
    the current commits, so no new query starts on them); returns the files deleted.

    `gone`: retired files known to be deleted already (a catalog refresh's memory, newscorpus.commit_cache). They
    are skipped without asking the store, and the expired files this call deletes or finds missing are added, so
    each costs one look, not one per refresh for as long as its commit lists it. That is safe because a data file's
    key is never used again (`part-<commit id>.parquet`). A file some commit still names is never deleted, whatever
    another commit's retired list says."""
    current = list_commits(store) if commits is None else commits
    named = {key for commit in current for files in commit.files.values() for key in files}
    removed = []
    for commit in current:
        for key, when in commit.retired.items():
            if (gone is not None and key in gone) or key in named or not _expired(when, at, grace):
                continue
            if store.exists(key):
                store.delete(key)
                removed.append(key)
            if gone is not None:
                gone.add(key)
    if removed:
        log.info("removed %d retired file(s) past their grace period of %s", len(removed), grace)
    return removed


def collect_garbage(
    store: Storage, partition: Partition, keep: Commit, *, at: dt.datetime, grace: dt.timedelta
) -> list[str]:
    """Delete the partition's data files `keep` neither names nor keeps retired: retired files past their grace,
    and whatever a killed publish left behind (temporary files included). Run only after `keep` is written, by the
    partition's only publisher (one gate task per partition)."""
    named = {key for files in keep.files.values() for key in files}
    named |= {key for key, when in keep.retired.items() if not _expired(when, at, grace)}
    removed = []
    for table in PUBLISHED_TABLES:
        prefix = partition.published_key(table)
        for key in store.list_files(prefix, "*", hidden=True):
            if "/" not in key[len(prefix) + 1 :] and key not in named:
                store.delete(key)
                removed.append(key)
    if removed:
        log.info("%s: removed %d file(s) no commit names", partition.hive_path, len(removed))
    return removed

"""A catalog refresh's memory of the store, so the cost of a refresh does not grow with the corpus's history.

Two things are remembered between refreshes, in one JSON file beside the catalog (local disk, per machine):

- the commit manifests read last time, so a refresh lists `published/_commits/` once and reads (one GET each on
  S3) only the manifests that are new or changed since. A manifest's key is its partition's
  (`published/_commits/source=S/crawl_date=D.json`) and each publish replaces it in place, so the key does not name a
  version: the listing's size and modification time validate a remembered manifest. A replacement within the same
  clock tick (a second on S3) and of the same size would look unchanged, so, as git does for its index, a manifest
  is remembered only once its modification time is RACY_WINDOW older than the listing that found it: any later
  replacement then carries a later time. What was just published is read again until it has settled, a few GETs.
- the retired files already found deleted (newscorpus.commits.expire_retired): a data file's key is never used
  again (`part-<commit id>.parquet`), so a file once gone stays gone, and asking the store about it on every
  refresh (one HEAD each on S3, for every partition ever republished) would buy nothing.

The file is only a cache: it is written whole by a rename, and losing it, or reading the version another process
wrote, costs reads, never correctness, because every remembered manifest is checked against the current listing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus import atomic_file
from newscorpus.commits import Commit
from newscorpus.partitions import COMMITS_DIR
from newscorpus.storage import ListedFile, Storage

log = logging.getLogger(__name__)

FORMAT = 1
# How much older than the listing a manifest's modification time must be before it is trusted by size and time:
# a second of S3 timestamp resolution plus generous room for the skew between this machine's clock and the store's.
RACY_WINDOW = dt.timedelta(seconds=60)


@dataclass(frozen=True)
class _Remembered:
    size: int
    mtime_ns: int
    commit: Commit


@dataclass
class CommitCache:
    """What the last refresh of the catalog at `file` read of the store at `root` (see the module docstring)."""

    file: Path
    root: str
    commits: dict[str, _Remembered] = field(default_factory=dict)  # manifest key → the version read
    gone: set[str] = field(default_factory=set)  # retired data files known to be deleted
    reads: int = 0  # manifests read from the store by this instance (what the cache saves shows here)

    @classmethod
    def load(cls, file: Path, root: str) -> CommitCache:
        """The memory at `file`; an empty one when there is none, it is unreadable, or it describes another store
        (a catalog pointed at a different NEWSCORPUS_DATA)."""
        cache = cls(file, root)
        try:
            raw = json.loads(file.read_text(encoding="utf-8"))
            if raw.get("format") != FORMAT or raw.get("root") != root:
                return cache
            cache.commits = {
                key: _Remembered(entry["size"], entry["mtime_ns"], Commit.from_dict(entry["commit"]))
                for key, entry in raw["commits"].items()
            }
            cache.gone = set(raw["gone"])
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("%s: not a usable commit cache (%s); reading every commit manifest once", file, exc)
            cache.commits, cache.gone = {}, set()
        return cache

    def current_commits(self, store: Storage) -> list[Commit]:
        """Every partition's current commit, by manifest key: one listing, and a read only of the manifests that
        are new, changed, or too recent to trust by size and time. Forgets manifests no longer listed."""
        listed_at_ns = time.time_ns()  # taken before the listing: a lower bound of when anything was read
        settled_before_ns = listed_at_ns - RACY_WINDOW // dt.timedelta(microseconds=1) * 1000
        current: list[Commit] = []
        remembered: dict[str, _Remembered] = {}
        for entry in store.list_entries(COMMITS_DIR):
            if not entry.key.endswith(".json"):
                continue
            known = self.commits.get(entry.key)
            if known is not None and (known.size, known.mtime_ns) == (entry.size, entry.mtime_ns):
                commit = known.commit
            else:
                commit = Commit.from_dict(json.loads(store.read_text(entry.key)))
                self.reads += 1
            current.append(commit)
            if _settled(entry, settled_before_ns):
                remembered[entry.key] = _Remembered(entry.size, entry.mtime_ns, commit)
        self.commits = remembered
        return current

    def keep_gone(self, current: list[Commit]) -> None:
        """Forget deleted files no current commit lists as retired any more (their partition was republished and
        dropped them), so the memory stays as small as the retired lists themselves."""
        retired = {key for commit in current for key in commit.retired}
        self.gone &= retired

    def save(self) -> None:
        """Write the memory whole (temporary name + rename): a concurrent refresh reads this one or its own."""
        document: dict[str, Any] = {
            "format": FORMAT,
            "root": self.root,
            "commits": {
                key: {"size": known.size, "mtime_ns": known.mtime_ns, "commit": known.commit.to_dict()}
                for key, known in sorted(self.commits.items())
            },
            "gone": sorted(self.gone),
        }
        self.file.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file.replacing(self.file) as temporary:
            temporary.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")


def _settled(entry: ListedFile, settled_before_ns: int) -> bool:
    """Whether a later replacement of this manifest must show a different modification time (see RACY_WINDOW)."""
    return entry.mtime_ns is not None and entry.mtime_ns < settled_before_ns

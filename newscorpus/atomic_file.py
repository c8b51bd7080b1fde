"""Local files written whole under a temporary name and renamed into place, and the sweep of the temporaries that
killed writers leave behind.

A temporary is a hidden sibling named after its target and unique to one write (`.<name>.<pid>-<random>.tmp`).
With one fixed name per target, two processes writing the same target at once (two catalog refreshes on one
machine) share the temporary: one unlinks the other's half-written file, or renames it into place while it is
still being written. The rename (os.replace) is atomic on a local disk, and a reader holding the replaced file
open keeps reading the old one. A write that fails removes its temporary; a writer that is killed cannot, so
`remove_stale` removes the temporaries too old for any live writer to still own them.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# A temporary untouched for this long belongs to a writer that was killed: a live one writes to it all the time,
# and none of the files written this way takes more than minutes.
STALE_AFTER = dt.timedelta(hours=1)
# DuckDB keeps a write-ahead log beside a database it writes; a killed writer leaves that behind too.
_SIDE_FILES = ("", ".wal")
# `.<target>[.<pid>-<8 hex>].tmp[.wal]`; the bare `.<target>.tmp` and `.<target>.<8 hex>.tmp` are the names
# earlier versions used, swept the same way.
_TEMPORARY = re.compile(r"\.(?P<target>.+?)(?:\.(?:\d+-)?[0-9a-f]{8})?\.tmp(?:\.wal)?")


def temporary_for(target: Path) -> Path:
    """A fresh temporary name beside `target`, owned by this process and this call only."""
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yields a temporary to write `target`'s new content to (closed by the end of the block). When the block
    succeeds the temporary is renamed over `target`; when it raises, the temporary (and a DuckDB log beside it) is
    removed, so a failed write leaves nothing."""
    temporary = temporary_for(target)
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        for suffix in _SIDE_FILES:
            temporary.with_name(temporary.name + suffix).unlink(missing_ok=True)
        raise


def remove_stale(folder: Path, targets: str, older_than: dt.timedelta = STALE_AFTER) -> list[Path]:
    """Remove the temporaries in `folder` of the targets whose names match the glob `targets` that were last
    modified more than `older_than` ago; returns what was removed. Younger ones may belong to a write in progress."""
    cutoff_ns = time.time_ns() - older_than // dt.timedelta(microseconds=1) * 1000
    removed = []
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    for entry in entries:
        match = _TEMPORARY.fullmatch(entry.name)
        if match is None or not fnmatch.fnmatchcase(match["target"], targets):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime_ns < cutoff_ns:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except FileNotFoundError:  # removed by another sweep meanwhile
            continue
    return removed

"""Catalog refreshes running at once on one machine (separate processes on one NEWSCORPUS_DATA) all succeed and
leave a whole catalog; a failed refresh leaves no temporary behind, and the next refresh removes what a killed one
left.

The interleaving is forced, not left to timing: every child refresh stops at its first search-shard build (inside
its catalog's temporary, which it has open for writing) until the test lets them all go, and the test lets them go
only once each child is either stopped there or waiting for the refresh lock. Without the lock every child is then
building the same shard at the same moment; with the fixed temporary names of earlier versions, that made one
child unlink or rename another's half-built file and crash.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from test_commit_housekeeping import _publish

from newscorpus import catalog
from newscorpus.catalog import catalog_path, query, refresh_catalog, search_index_dir
from newscorpus.search import search
from newscorpus.storage import Storage

SOURCES = ("alpha", "beta", "gamma")
CHILDREN = 3
TWO_HOURS_S = 2 * 3600

# One refresh in a child process. It marks `<name>.waiting` just before it asks for the refresh lock (when the
# version under test has one), `<name>.building` when it reaches its first shard build, where it stops until the
# file `go` appears; `lock: false` runs the refresh without the lock, to put the temporaries' names to the test.
CHILD = r"""
import json, pathlib, sys, time
from contextlib import contextmanager, nullcontext
from newscorpus import catalog

args = json.loads(sys.argv[1])
signals, name = pathlib.Path(args["signals"]), args["name"]

def mark(what):
    (signals / f"{name}.{what}").touch()

build = catalog._build_shard
def held_build(store, uri, shard):
    mark("building")
    deadline = time.monotonic() + 120
    while not (signals / "go").exists():
        if time.monotonic() > deadline:
            sys.exit("never let go")
        time.sleep(0.02)
    build(store, uri, shard)
catalog._build_shard = held_build

lock = getattr(catalog, "_exclusive_refresh", None)
if not args["lock"]:
    catalog._exclusive_refresh = lambda target: nullcontext()
elif lock is not None:
    @contextmanager
    def marked_lock(target):
        mark("waiting")
        with lock(target):
            yield
    catalog._exclusive_refresh = marked_lock

catalog.refresh_catalog(args["root"])
"""


@pytest.fixture
def published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data root with one partition of each source published by the real publish step, and no catalog yet."""
    monkeypatch.delenv("NEWSCORPUS_CATALOG", raising=False)
    root = tmp_path / "data"
    store = Storage.at(root)
    for source in SOURCES:
        _publish(store, source, f"{source}-1")
    return root


def _all_stopped(signals: Path, names: list[str]) -> bool:
    """Every child has stopped: at its first shard build, or waiting for a lock another child holds there."""
    building = {n for n in names if (signals / f"{n}.building").exists()}
    waiting = {n for n in names if (signals / f"{n}.waiting").exists()}
    return building == set(names) or (len(building) == 1 and waiting == set(names))


def _refresh_at_once(root: Path, signals: Path, *, lock: bool) -> list[int | None]:
    """Runs CHILDREN refreshes at once, held as the module docstring says; returns their exit codes."""
    signals.mkdir()
    names = [f"child{i}" for i in range(CHILDREN)]
    env = {k: v for k, v in os.environ.items() if k != "NEWSCORPUS_CATALOG"}
    children = []
    for name in names:
        args = {"root": str(root), "signals": str(signals), "name": name, "lock": lock}
        with open(signals / f"{name}.log", "w") as log:  # a file, not a pipe: a child never blocks on its output
            children.append(subprocess.Popen([sys.executable, "-c", CHILD, json.dumps(args)], env=env, stderr=log))
    try:
        deadline = time.monotonic() + 120
        while not _all_stopped(signals, names):
            assert time.monotonic() < deadline, "the children never all stopped"
            assert all(c.poll() is None for c in children), _logs(signals, names)
            time.sleep(0.02)
        (signals / "go").touch()
        for child in children:
            child.wait(timeout=300)
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    return [c.returncode for c in children]


def _logs(signals: Path, names: list[str]) -> str:
    return "\n".join(f"--- {n}:\n" + (signals / f"{n}.log").read_text()[-3000:] for n in names)


def _assert_whole_catalog(root: Path) -> None:
    """Every published partition in the views, one readable search shard per articles file, no temporary left."""
    assert [row[0] for row in query(root, "SELECT title FROM articles ORDER BY title")[1]] == [
        f"{s}-1" for s in SOURCES
    ]
    _, shards = query(root, "SELECT shard, articles FROM search_shards ORDER BY shard")
    assert len(shards) == len(SOURCES) and all(count == 1 for _, count in shards)
    for shard, _ in shards:
        with duckdb.connect(str(search_index_dir(root) / shard), read_only=True) as con:
            assert con.sql("select count(*) from article_text").fetchone()[0] == 1
    assert sorted(p.name for p in search_index_dir(root).iterdir()) == sorted(s for s, _ in shards)
    assert [h.title for h in search(root, "beta")] == ["beta-1"]
    assert not [p.name for p in catalog_path(root).parent.iterdir() if ".tmp" in p.name]


@pytest.mark.parametrize("lock", [True, False], ids=["taking-turns", "without-the-lock"])
def test_refreshes_running_at_once_all_succeed_and_leave_a_whole_catalog(
    published: Path, tmp_path: Path, lock: bool
) -> None:
    signals = tmp_path / "signals"
    exit_codes = _refresh_at_once(published, signals, lock=lock)
    assert exit_codes == [0] * CHILDREN, _logs(signals, [f"child{i}" for i in range(CHILDREN)])
    _assert_whole_catalog(published)
    # taking turns, the first refresh builds the shards and the others find them built
    assert len(list(signals.glob("*.building"))) == (1 if lock else CHILDREN)


def test_a_failed_refresh_leaves_no_temporary_and_the_catalog_it_would_have_replaced(
    published: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refresh_catalog(published)
    for shard in search_index_dir(published).iterdir():
        shard.unlink()  # so the next refresh builds shards again

    def failing_load(con: duckdb.DuckDBPyConnection, name: str) -> None:
        raise RuntimeError("simulated failure inside a shard build")

    monkeypatch.setattr(catalog.duckdb_extensions, "load", failing_load)
    with pytest.raises(RuntimeError, match="simulated"):
        refresh_catalog(published)
    assert list(search_index_dir(published).iterdir()) == []
    assert not [p.name for p in catalog_path(published).parent.iterdir() if ".tmp" in p.name]
    assert len(query(published, "SELECT * FROM articles")[1]) == len(SOURCES)  # the previous catalog, untouched

    monkeypatch.undo()
    refresh_catalog(published)
    _assert_whole_catalog(published)


def test_a_refresh_removes_the_temporaries_killed_refreshes_left_an_hour_ago(published: Path) -> None:
    refresh_catalog(published)
    folder, shards = catalog_path(published).parent, search_index_dir(published)
    stale = [
        folder / ".corpus.duckdb.tmp",  # the fixed name of earlier versions
        folder / ".corpus.duckdb.4242-0badf00d.tmp",
        folder / ".corpus.duckdb.4242-0badf00d.tmp.wal",
        folder / ".corpus.commit-cache.json.4242-0badf00d.tmp",
        shards / ".0123456789abcdef01234567.duckdb.tmp",
        shards / ".0123456789abcdef01234567.duckdb.4242-0badf00d.tmp",
        shards / ".0123456789abcdef01234567.duckdb.4242-0badf00d.tmp.wal",
    ]
    kept = [
        folder / ".corpus.duckdb.4343-cafebabe.tmp",  # a refresh in progress elsewhere: written to just now
        folder / ".other.duckdb.4242-0badf00d.tmp",  # not this catalog's
        folder / "notes.tmp",
    ]
    long_ago = time.time() - TWO_HOURS_S
    for path in stale + kept:
        path.write_bytes(b"half written")
        if path != kept[0]:
            os.utime(path, (long_ago, long_ago))

    refresh_catalog(published)
    assert [p for p in stale if p.exists()] == []
    assert [p for p in kept if p.exists()] == kept
    for path in kept:
        path.unlink()
    _assert_whole_catalog(published)

"""Progress bars for the long steps (crawl, extract, transform) when a person is watching.

The pipeline's code marks its loops with `track(...)` or `poll(...)`; these do nothing unless a command turned
progress on with `shown(...)`, which happens only when stderr is a terminal and --quiet was not given. So Airflow
task logs, pipes, cron mails and the tests see no bars, and the pipeline never depends on rich.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import IO, Any, TypeVar

T = TypeVar("T")

_active: ContextVar[Any | None] = ContextVar("newscorpus_progress", default=None)  # a rich Progress, or None


def wanted(quiet: bool, stream: IO[str] | None = None) -> bool:
    stream = stream or sys.stderr
    return not quiet and hasattr(stream, "isatty") and stream.isatty()


@contextlib.contextmanager
def shown(enabled: bool = True, stream: IO[str] | None = None) -> Iterator[None]:
    """Turn the bars on for the calls made inside this block (on stderr)."""
    if not enabled:
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(file=stream or sys.stderr)
    columns = (SpinnerColumn(), TextColumn("{task.description:<28}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[unit]}"), TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=console, transient=False) as bars:
        token = _active.set(bars)
        try:
            yield
        finally:
            _active.reset(token)


def active() -> bool:
    return _active.get() is not None


def track(
    items: Iterable[T], description: str, *, total: int | Callable[[], int] | None = None, unit: str = ""
) -> Iterator[T]:
    """Yield the items, advancing a bar per item when progress is shown; `total` may be a callable, asked only then."""
    bars = _active.get()
    if bars is None:
        yield from items
        return
    if callable(total):
        total = total()
    elif total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    task = bars.add_task(description, total=total, unit=unit)
    try:
        for item in items:
            yield item
            bars.advance(task)
    finally:
        bars.update(task, total=bars.tasks[task].completed)


@contextlib.contextmanager
def poll(
    description: str, count: Callable[[], int], *, total: int | None = None, unit: str = "", every_s: float = 0.5
) -> Iterator[None]:
    """A bar for work done in another process: `count()` is read every `every_s` seconds while the block runs."""
    bars = _active.get()
    if bars is None:
        yield
        return
    task = bars.add_task(description, total=total, unit=unit)
    stop = threading.Event()

    def refresh() -> None:
        while not stop.wait(every_s):
            with contextlib.suppress(OSError):
                bars.update(task, completed=count())

    watcher = threading.Thread(target=refresh, daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join()
        with contextlib.suppress(OSError):
            done = count()
            bars.update(task, completed=done, total=max(done, 1))


def count_lines(path: Path) -> int:
    """Lines in a file (0 when it does not exist yet): how far a crawl log has grown."""
    try:
        with path.open("rb") as stream:
            return sum(block.count(b"\n") for block in iter(lambda: stream.read(1 << 16), b""))
    except FileNotFoundError:
        return 0


def new_crawl_log(partition_dir: Path) -> Callable[[], int]:
    """count() for a crawl about to start: lines of the crawl log that appears under the run folder after now."""
    before = set(partition_dir.glob("crawl=*/crawl-log.jsonl"))

    def count() -> int:
        logs = sorted(set(partition_dir.glob("crawl=*/crawl-log.jsonl")) - before)
        return count_lines(logs[-1]) if logs else 0

    return count

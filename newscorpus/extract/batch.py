"""The batch door to extraction: JSON lines of pages in, JSON lines of articles out, same order, on every core.

`newscorpus extract --input/--output` and the extraction benchmark drive this; the pipeline's extract stage calls
the same `extract_article` one page at a time. The shape follows what a crawl dump demands:

- streaming: input is read a line at a time and only a bounded number of pages is in flight or waiting for an
  earlier page to finish, so memory does not grow with the input;
- order kept: results are written in input order, whatever order the workers finish in;
- a page cannot stop the batch: each worker arms a SIGALRM timer per page (page_job.py); a page stuck where the
  signal cannot reach (C code, blocked signal) is caught by the parent's own deadline, the worker is killed and
  replaced, and the page's line says "timeout after Ns". A worker that dies any other way is replaced too;
- memory stays flat: each worker is replaced after `max_pages_per_worker` pages (lxml and trafilatura caches grow).

Workers are forked after the parent has imported the extractor and loaded the language model, so a fresh worker
starts at once and shares those pages of memory.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, TextIO

from newscorpus.extract.language import warm_up
from newscorpus.extract.page_job import error_line, install_timeout_handler, process_line

MAX_PAGES_PER_WORKER = 500
IN_FLIGHT_PER_WORKER = 8  # pages running, queued or finished-but-waiting-for-an-earlier-page, per worker
PAGES_QUEUED_PER_WORKER = 2  # the page a worker runs and the one waiting in its pipe
_KILL_GRACE_S = 2.0  # the parent kills a worker this long after the page's own timer should have fired
_JOIN_TIMEOUT_S = 5.0


@dataclass
class BatchStats:
    """What one batch did; `errors` excludes timeouts, which are counted on their own."""

    pages: int = 0
    articles: int = 0
    errors: int = 0
    timeouts: int = 0
    seconds: float = 0.0

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "pages_per_second": self.pages_per_second}


def extract_jsonl(
    input: TextIO,  # noqa: A002 - the name the CLI contract uses
    output: TextIO,
    *,
    workers: int | None = None,
    time_limit_s: float = 10.0,
    default_timezone: str = "UTC",
    progress_every: int = 0,
    max_pages_per_worker: int = MAX_PAGES_PER_WORKER,
) -> BatchStats:
    """Extract every page line of `input` into one line of `output`, in order; `progress_every` > 0 prints a
    progress line to stderr every that many pages. Undecodable input bytes become U+FFFD (see open_jsonl)."""
    _tolerate_bad_bytes(input)
    warm_up()
    pool = _WorkerPool(
        size=max(1, workers or os.cpu_count() or 1),
        time_limit_s=time_limit_s,
        default_timezone=default_timezone,
        max_pages_per_worker=max(1, max_pages_per_worker),
    )
    stats = BatchStats()
    started = time.monotonic()
    try:
        for line, status in pool.run(_page_lines(input)):
            output.write(line + "\n")
            stats.pages += 1
            stats.articles += status == "article"
            stats.errors += status == "error"
            stats.timeouts += status == "timeout"
            if progress_every > 0 and stats.pages % progress_every == 0:
                elapsed = time.monotonic() - started
                print(f"extract: {stats.pages} pages, {stats.pages / elapsed:.1f} pages/s", file=sys.stderr)
    finally:
        pool.close()
        output.flush()
    stats.seconds = time.monotonic() - started
    return stats


def open_jsonl(path: str, mode: str) -> TextIO:
    """A text stream for `path` ("-" is stdin or stdout, which the caller must not close) that never fails on
    undecodable bytes and ends lines only at "\n"."""
    if path == "-":
        stream = sys.stdin if "r" in mode else sys.stdout
        _tolerate_bad_bytes(stream)
        return stream
    return open(path, mode, encoding="utf-8", errors="replace", newline="\n")  # noqa: SIM115 - the caller closes it


def _tolerate_bad_bytes(stream: TextIO) -> None:
    """A latin-1 page in a UTF-8 dump must cost a few characters, not the batch; a raw carriage return inside a
    page's line (a lenient JSON writer) must not split it into two broken lines, one input line one output line."""
    if not isinstance(stream, io.TextIOWrapper):
        return
    if stream.errors == "strict":
        stream.reconfigure(errors="replace")
    try:
        stream.reconfigure(newline="\n")
    except io.UnsupportedOperation:  # the caller already read from it: its own line splitting stays
        pass


def _page_lines(stream: TextIO) -> Iterator[str]:
    for line in stream:
        if line.strip():
            yield line


@dataclass
class _Task:
    seq: int
    line: str
    deadline: float = float("inf")  # set when the worker starts the page, as near as the parent can tell


class _Worker:
    """One worker process with its own pipe. The parent keeps up to `PAGES_QUEUED_PER_WORKER` pages in it, so a
    worker that finishes a page starts the next without waiting for the parent to wake, read and send; the parent
    knows the order, so the oldest page is the one running and the only one whose deadline runs."""

    def __init__(self, context: Any, time_limit_s: float, default_timezone: str) -> None:
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child_conn, time_limit_s, default_timezone), daemon=True
        )
        self.process.start()
        child_conn.close()
        self.tasks: deque[_Task] = deque()
        self.pages_sent = 0
        self._page_budget_s = time_limit_s + _KILL_GRACE_S

    def send(self, task: _Task) -> None:
        if not self.tasks:
            task.deadline = time.monotonic() + self._page_budget_s
        self.tasks.append(task)
        self.pages_sent += 1
        self.conn.send((task.seq, task.line))

    def finish_running(self) -> _Task:
        """The running page answered; the next queued page is running from now."""
        done = self.tasks.popleft()
        if self.tasks:
            self.tasks[0].deadline = time.monotonic() + self._page_budget_s
        return done

    def stop(self) -> None:
        """Ask the worker to exit; kill it if it does not."""
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.process.join(_JOIN_TIMEOUT_S)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
            self.process.join(_JOIN_TIMEOUT_S)
        self.conn.close()


class _WorkerPool:
    def __init__(self, *, size: int, time_limit_s: float, default_timezone: str, max_pages_per_worker: int) -> None:
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._time_limit_s = time_limit_s
        self._default_timezone = default_timezone
        self._max_pages = max_pages_per_worker
        self._max_in_flight = size * IN_FLIGHT_PER_WORKER
        self._workers = [self._start() for _ in range(size)]
        self._requeued: deque[_Task] = deque()  # sent to a worker that died before starting them

    def _start(self) -> _Worker:
        return _Worker(self._context, self._time_limit_s, self._default_timezone)

    def run(self, lines: Iterator[str]) -> Iterator[tuple[str, str]]:
        """(output line, status) for every input line, in input order."""
        finished: dict[int, tuple[str, str]] = {}
        next_out = 0
        next_seq = 0
        exhausted = False
        while True:
            in_flight = len(self._requeued) + sum(len(w.tasks) for w in self._workers)
            for depth in range(PAGES_QUEUED_PER_WORKER):  # first a page for every idle worker, then one queued
                for worker in self._workers:
                    if len(worker.tasks) > depth or worker.pages_sent >= self._max_pages:
                        continue
                    if self._requeued:
                        worker.send(self._requeued.popleft())
                        continue
                    if exhausted or len(finished) + in_flight >= self._max_in_flight:
                        continue
                    line = next(lines, None)
                    if line is None:
                        exhausted = True
                        continue
                    worker.send(_Task(next_seq, line))
                    in_flight += 1
                    next_seq += 1
            busy = [w for w in self._workers if w.tasks]
            if not busy:
                if exhausted and not self._requeued:
                    return
                # nothing running but the window is full: only possible while `finished` drains below
            else:
                self._collect(busy, finished)
            while next_out in finished:
                yield finished.pop(next_out)
                next_out += 1

    def _collect(self, busy: list[_Worker], finished: dict[int, tuple[str, str]]) -> None:
        """Wait for at least one busy worker to answer or pass its deadline; replace dead and stuck workers."""
        now = time.monotonic()
        timeout = max(0.0, min(w.tasks[0].deadline for w in busy) - now)
        ready = multiprocessing.connection.wait([w.conn for w in busy], timeout=timeout)
        for worker in busy:
            if worker.conn in ready:
                self._receive(worker, finished)
            elif time.monotonic() >= worker.tasks[0].deadline:
                message = f"timeout after {self._time_limit_s:g}s"
                self._replace(worker, finished, message, "timeout")

    def _receive(self, worker: _Worker, finished: dict[int, tuple[str, str]]) -> None:
        """Every answer waiting in the worker's pipe, oldest page first."""
        while worker.tasks:
            try:
                _seq, line, status = worker.conn.recv()  # a worker answers in the order it was sent pages
            except (EOFError, OSError):
                self._replace(worker, finished, "worker process died", "extract_error")
                return
            finished[worker.finish_running().seq] = (line, status)
            if not worker.conn.poll():
                break
        if not worker.tasks and worker.pages_sent >= self._max_pages:
            self._recycle(worker)

    def _replace(self, worker: _Worker, finished: dict[int, tuple[str, str]], message: str, flag: str) -> None:
        """The running page gets an error line; the pages queued behind it go to the next free worker."""
        worker.kill()
        self._workers[self._workers.index(worker)] = self._start()
        running = worker.tasks.popleft()
        self._requeued.extend(worker.tasks)
        status = "timeout" if flag == "timeout" else "error"
        finished[running.seq] = error_line(_page_id(running.line), message, flag), status  # type: ignore[arg-type]

    def _recycle(self, worker: _Worker) -> None:
        worker.stop()
        self._workers[self._workers.index(worker)] = self._start()

    def close(self) -> None:
        for worker in self._workers:
            if worker.tasks:
                worker.kill()
            else:
                worker.stop()


def _page_id(line: str) -> Any:
    try:
        page = json.loads(line, strict=False)
    except (ValueError, RecursionError):
        return None
    return page.get("id") if isinstance(page, dict) else None


def _worker_main(conn: multiprocessing.connection.Connection, time_limit_s: float, default_timezone: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it then stops the workers
    install_timeout_handler()
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        seq, line = task
        output, status = process_line(line, time_limit_s=time_limit_s, default_timezone=default_timezone)
        conn.send((seq, output, status))

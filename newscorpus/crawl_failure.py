"""A failed crawl told in one line. CrawlError carries the tail of Scrapy's log (dozens of lines of tracebacks and
stats): fine in an Airflow task log, unreadable in `newscorpus run`'s JSON summary or as the CLI's error line. The
tail goes to a file beside the crawl's stats.json and crawl-log.jsonl, and the error keeps what says why: its first
line (what failed: no response, finish reason, timeout), the last exception line of the log and where the rest is.
"""

from __future__ import annotations

import re
from pathlib import Path

from newscorpus.crawl import SUCCESS_MARKER

ERROR_LOG_NAME = "crawl-error.log"
MAX_MESSAGE_CHARS = 480  # with the "CrawlError: " of `run`'s summary, under 500
MIN_CAUSE_CHARS = 240  # what failed and why keeps this much of the line before the pointer to the log is cut
# "scrapy.exceptions.DownloadConnectionRefusedError: Connection was refused ..." or "TimeoutError"
_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Failure|Timeout\w*)(: .+)?$")
_LOGGED_ERROR = re.compile(r"\] (ERROR|CRITICAL): (?P<message>.+)$")


def failed_crawl_dir(partition_dir: Path) -> Path | None:
    """The crawl directory the failed attempt wrote to: the newest `crawl=*` without a _SUCCESS marker."""
    if not partition_dir.is_dir():
        return None
    unfinished = [d for d in partition_dir.glob("crawl=*") if d.is_dir() and not (d / SUCCESS_MARKER).exists()]
    return max(unfinished, default=None)


def meaningful_line(log_text: str) -> str | None:
    """The last line of a Scrapy log that names the cause: an exception line, else an ERROR log line."""
    lines = [line.strip() for line in log_text.splitlines() if line.strip()]
    for line in reversed(lines):
        if _EXCEPTION_LINE.match(line):
            return line
    for line in reversed(lines):
        logged = _LOGGED_ERROR.search(line)
        if logged:
            return logged.group("message")
    return None


def short_crawl_error(message: str, partition_dir: Path) -> str:
    """One line of at most MAX_MESSAGE_CHARS for a CrawlError message; the whole message is written to
    crawl-error.log in the failed crawl's directory (or the partition's, when the crawl never made one)."""
    headline, _, log_text = message.partition("\n")
    cause = meaningful_line(log_text)
    saved = _save(message, failed_crawl_dir(partition_dir) or partition_dir)
    text = headline.strip() + (f": {cause}" if cause and cause not in headline else "")
    pointer = _pointer(saved, room=MAX_MESSAGE_CHARS - min(len(text), MIN_CAUSE_CHARS))
    room = MAX_MESSAGE_CHARS - len(pointer)
    if len(text) > room:
        text = text[: max(room - 1, 0)] + "…"
    return text + pointer


def _pointer(saved: Path | None, room: int) -> str:
    """Where the whole log is, in at most `room` characters: the cause comes first, so a deep data directory
    shortens the pointer (first its remark, then the middle of the path, never the file name) rather than the cause."""
    if saved is None:
        return " (rerun with -v for Scrapy's log)"
    full = f" (Scrapy's last log lines: {saved}; its whole log scrapy.log, stats.json and crawl-log.jsonl beside it)"
    if len(full) <= room:
        return full
    frame = " (Scrapy's last log lines: {})"
    path = str(saved)
    if len(frame.format(path)) <= room:
        return frame.format(path)
    keep = max(room - len(frame.format("")), len(saved.name) + 1)  # the path is longer than this here
    head = max(keep - len(saved.name) - 1, 0) // 2
    return frame.format(path[:head] + "…" + path[-(keep - head - 1) :])


def _save(message: str, folder: Path) -> Path | None:
    """Write the whole message to folder/crawl-error.log; None when that is impossible (the message says -v)."""
    target = folder / ERROR_LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(message + "\n", encoding="utf-8")
    except OSError:
        return None
    return target

"""One input line of the batch door in, one output line out: what a batch worker process does for each page.

Input lines are `{"id", "url", "html"}` (optionally "crawl_date": "YYYY-MM-DD"). Whatever the line holds, an
output line comes back: the article fields, or the same fields left empty with "error" set and a quality flag
saying why (`extract_error`, or `timeout` when the page ran past its time limit). Nothing here raises.

The time limit is a SIGALRM timer that raises `PageTimeout` inside the extraction. `PageTimeout` derives from
BaseException on purpose: the extractor catches `Exception` around third-party calls, and a timeout must not be
swallowed there. A page stuck in C code the signal cannot interrupt is the parent's job (batch.py kills the worker).

Test hook: when the environment variable NEWSCORPUS_EXTRACT_TEST_HANG is set to a marker and a page's url contains
that marker, the page sleeps instead of being extracted (an interruptible hang); if the url contains the marker
followed by "-hard", SIGALRM is blocked first (a hang only killing the worker ends); followed by "-crash", the
worker process exits at once, as one that segfaults or is OOM-killed does. Production never sets it.
"""

from __future__ import annotations

import json
import os
import signal
import time
from datetime import date
from typing import Any

from newscorpus.extract.article import extract_article
from newscorpus.extract.fields import ArticleFields, QualityFlag

TEST_HANG_ENV = "NEWSCORPUS_EXTRACT_TEST_HANG"
_TEST_HANG_SECONDS = 3600


class PageTimeout(BaseException):  # noqa: N818 - reads as what happened: the page timed out
    """Raised by the SIGALRM handler when a page runs past its time limit."""


def install_timeout_handler() -> None:
    """Call once in the worker process, before its first page."""
    signal.signal(signal.SIGALRM, _raise_timeout)


def process_line(line: str, *, time_limit_s: float, default_timezone: str) -> tuple[str, str]:
    """(output JSON line without newline, status): status is "article", "page", "error" or "timeout"."""
    page_id: Any = None
    try:
        signal.setitimer(signal.ITIMER_REAL, time_limit_s)
        try:
            page = json.loads(line, strict=False)  # raw tabs or line breaks inside a string: still the page
            if not isinstance(page, dict):
                raise ValueError("input line is not a JSON object")
            page_id = page.get("id")
            fields = _extract_page(page, default_timezone)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except PageTimeout:
        return error_line(page_id, f"timeout after {time_limit_s:g}s", "timeout"), "timeout"
    except Exception as exc:  # one bad line is a recorded error, never a stopped batch
        return error_line(page_id, f"{type(exc).__name__}: {exc}"[:500], "extract_error"), "error"
    record = {"id": page_id, **fields.to_dict(json_safe=True), "error": None}
    return dump_line(record), "article" if fields.is_article else "page"


def error_line(page_id: Any, message: str, flag: QualityFlag) -> str:
    """The line of a page that could not be extracted: every field present and empty, so readers see one shape."""
    record = {"id": page_id, **ArticleFields(quality_flags=[flag]).to_dict(json_safe=True), "error": message}
    return dump_line(record)


def dump_line(record: dict[str, Any]) -> str:
    """JSON text; lone surrogates (from broken input) cannot be written as UTF-8, so such a line is escaped."""
    text = json.dumps(record, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(record, ensure_ascii=True)
    return text


def _extract_page(page: dict[str, Any], default_timezone: str) -> ArticleFields:
    html = page.get("html")
    if not isinstance(html, str):
        raise ValueError("input line has no html string")
    url = page.get("url") if isinstance(page.get("url"), str) else ""
    _maybe_misbehave_for_tests(url)
    crawl_date = _crawl_date(page.get("crawl_date"))
    # a batch of pages from many sites: each line may name the zone its site prints naive times in
    timezone = page.get("timezone") if isinstance(page.get("timezone"), str) and page.get("timezone") else None
    return extract_article(html, url, timezone=timezone or default_timezone, crawl_date=crawl_date)


def _crawl_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _maybe_misbehave_for_tests(url: str) -> None:
    marker = os.environ.get(TEST_HANG_ENV)
    if not marker or marker not in url:
        return
    if f"{marker}-crash" in url:
        os._exit(70)
    if f"{marker}-hard" in url:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(_TEST_HANG_SECONDS)


def _raise_timeout(signum: int, frame: object) -> None:
    raise PageTimeout

"""Retries with backoff: a 5xx waits longer each time, and a 429 or 503 waits as long as its Retry-After asks.

Scrapy's RetryMiddleware retries at once, which is the wrong answer to a site that says "slow down". This one
waits before handing the retry back: Retry-After (seconds or an HTTP date) when the response has it, otherwise
NEWSCORPUS_RETRY_BACKOFF_S * 2 ** (retries so far), never more than NEWSCORPUS_RETRY_MAX_WAIT_S. A Retry-After
longer than that cap is not waited for: the request gives up at once and the answer (archived like every
response) is what lands. The wait does not hold the reactor: other requests go on meanwhile.
Statistics: newscorpus/retry/waits, newscorpus/retry/wait_seconds, newscorpus/retry/retry_after_too_long.
"""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.python import to_unicode
from scrapy.utils.response import response_status_message
from twisted.internet import reactor
from twisted.internet.task import deferLater

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

RETRY_AFTER_STATUSES = frozenset({429, 503})


def retry_after_seconds(value: bytes | str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if absent or unreadable."""
    if not value:
        return None
    text = to_unicode(value, encoding="latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        middleware = super().from_crawler(crawler)
        middleware.backoff_s = crawler.settings.getfloat("NEWSCORPUS_RETRY_BACKOFF_S", 1.0)
        middleware.max_wait_s = crawler.settings.getfloat("NEWSCORPUS_RETRY_MAX_WAIT_S", 120.0)
        return middleware

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        stats = self.crawler.stats
        wait = self._wait_s(request, response)
        if wait is None:
            stats.inc_value("newscorpus/retry/retry_after_too_long")
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if wait > 0:
            stats.inc_value("newscorpus/retry/waits")
            stats.inc_value("newscorpus/retry/wait_seconds", wait)
            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        return retry

    def _wait_s(self, request: Request, response: Response) -> float | None:
        """How long to wait before retrying, or None when the site asks for longer than we are willing to wait."""
        if response.status in RETRY_AFTER_STATUSES:
            asked = retry_after_seconds(response.headers.get(b"Retry-After"))
            if asked is not None:
                return asked if asked <= self.max_wait_s else None
        retries = int(request.meta.get("retry_times", 0))
        return min(self.backoff_s * 2**retries, self.max_wait_s)

"""Downloader middlewares: archive every response as WARC, keep the crawl on the source's site, report failures.

Priorities (settings.DOWNLOADER_MIDDLEWARES) carry meaning here:
- WarcArchiveMiddleware sits at 950, on the downloader side of HttpCompressionMiddleware (590) and
  RedirectMiddleware (600), so it sees every response exactly as received: still content-encoded, 3xx before the
  redirect is followed, 4xx/5xx before anything drops them, robots.txt fetches too. The landing process
  (spiders.landing) writes them.
- FetchFailureMiddleware sits at 540, on the engine side of RetryMiddleware (550), so it only hears about failures
  that retrying gave up on, plus refusals raised by earlier process_request hooks (robots.txt).
- HostPortOffsiteMiddleware replaces Scrapy's OffsiteMiddleware at 50; RequestGuardMiddleware (spiders.request_guard)
  sits at 40 so that it is built, and hears request_scheduled, before the offsite filter.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import CannotResolveHostError, IgnoreRequest
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.error import DNSLookupError

from spiders.crawl_log import discovered_via, first_url
from spiders.guarded_resolver import refusal_for
from spiders.landing import Landing, LandingFailed
from spiders.refusals import BlockedRequest, LimitReached
from spiders.request_guard import BLOCKED_META_KEY
from spiders.signals import fetch_failed

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

_MAX_OFFSITE_VERDICTS = 10_000


class WarcArchiveMiddleware:
    """Hands each response (and the request that got it) to the landing process: WARC records + a crawl-log line."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcArchiveMiddleware:
        return cls(crawler)

    @functools.cached_property
    def _landing(self) -> Landing:
        return Landing.of(self.crawler)  # not in __init__: the extensions are not all built yet then

    def process_response(self, request: Request, response: Response) -> Request | Response:
        try:
            via, is_article = discovered_via(request), self._is_article(response)
            self._landing.land(request, response, first_url(request), via, is_article)
        except LandingFailed:
            # The Landing extension has stopped the crawl: it must fail, not finish "successfully" with holes.
            raise
        self.crawler.stats.inc_value("newscorpus/warc_responses")
        return response

    def _is_article(self, response: Response) -> bool:
        spider = self.crawler.spider
        return bool(spider is not None and spider.is_article_url(response.url))


class HostPortOffsiteMiddleware(OffsiteMiddleware):
    """Scrapy's offsite filter with the source's port rules (see spiders.site_scope), reporting what it refuses.

    Scrapy drops offsite requests when they are scheduled, silently; this sends fetch_failed first, once per URL,
    so the crawl log shows every link the crawl declined to follow.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._reported: set[str] = set()
        # (scheme, netloc) -> on site: the verdict depends on nothing else, and every request asks twice
        # (when scheduled, before download).
        self._verdicts: dict[tuple[str, str], bool] = {}

    def should_follow(self, request: Request, spider: Spider) -> bool:
        scope = getattr(spider, "site_scope", None)
        if scope is None:
            return super().should_follow(request, spider)
        try:
            parsed = urlparse_cached(request)
        except ValueError:
            return scope.allows(request.url)
        key = (parsed.scheme, parsed.netloc)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = scope.allows(request.url)
            if len(self._verdicts) < _MAX_OFFSITE_VERDICTS:
                self._verdicts[key] = verdict
        return verdict

    def request_scheduled(self, request: Request, spider: Spider) -> None:
        try:
            super().request_scheduled(request, spider)
        except IgnoreRequest:
            # The request guard ran first and has already recorded why this request is refused.
            if request.url not in self._reported and BLOCKED_META_KEY not in request.meta:
                self._reported.add(request.url)
                self.crawler.signals.send_catch_log(
                    signal=fetch_failed, request=request, error="offsite: host or port not in allowed_domains"
                )
            raise


class FetchFailureMiddleware:
    """Turns the exceptions that end a request (after retries) into fetch_failed signals for the crawl recorder."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FetchFailureMiddleware:
        return cls(crawler)

    def process_exception(self, request: Request, exception: Exception) -> None:
        error = failure_text(exception)
        if isinstance(exception, CannotResolveHostError | DNSLookupError):
            # The GuardedResolver refused the name at connection time; Twisted only says "no results".
            refusal = refusal_for(urlparse_cached(request).hostname or "")
            if refusal:
                error = str(BlockedRequest(refusal))
        self.crawler.signals.send_catch_log(signal=fetch_failed, request=request, error=error)
        return None


def failure_text(exception: BaseException) -> str:
    """The error text "<kind>: <detail>": kind first, so readers can group failures without parsing messages."""
    message = str(exception) or type(exception).__name__
    if isinstance(exception, BlockedRequest | LimitReached):
        return message  # already "<kind>: <detail>"
    if isinstance(exception, IgnoreRequest):
        lowered = message.lower()
        if "robots.txt" in lowered:
            return "robots: forbidden by robots.txt"
        if "offsite" in lowered:
            return f"offsite: {message}"
        return f"ignored: {message}"
    return f"download: {type(exception).__name__}: {message}"

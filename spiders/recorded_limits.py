"""Scrapy's redirect and decompression middlewares, made to record where their caps cut a request off.

Both caps already exist in Scrapy 2.19: RedirectMiddleware stops after REDIRECT_MAX_TIMES hops, and
HttpCompressionMiddleware decompresses gzip, deflate, br and zstd in 64 KiB chunks and gives up once the
*decompressed* body passes DOWNLOAD_MAXSIZE (or the request's download_maxsize meta), so a gzip or brotli bomb
never fills memory. But both raise IgnoreRequest from process_response, which no other middleware hears (Scrapy
sends only process_request errors through process_exception) and which Scrapy logs at DEBUG level only; the crawl
log would show the bomb as a plain 200. These subclasses send the refusal to the crawl recorder first, as
"limit: ..." lines (newscorpus/failures/limit in the statistics), then let Scrapy drop the request as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy import Request
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from spiders.refusals import LimitReached
from spiders.signals import fetch_failed

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class RecordedRedirectMiddleware(RedirectMiddleware):
    """Also stops a redirect loop at its first repeat: Scrapy's duplicate filter would drop the repeated URL
    without a word, leaving only the 3xx answers in the log and no sign that the page never came."""

    def process_response(self, request: Request, response: Response) -> Request | Response:
        try:
            result = super().process_response(request, response)
        except IgnoreRequest as exc:
            limit = LimitReached(f"{exc} (REDIRECT_MAX_TIMES={self.max_redirect_times})")
            self.crawler.signals.send_catch_log(signal=fetch_failed, request=request, error=str(limit))
            raise limit from exc
        if isinstance(result, Request) and result is not request:
            visited = [*request.meta.get("redirect_urls", []), request.url]
            if result.url in visited:
                limit = LimitReached(f"redirect loop: {request.url} redirects back to {result.url}")
                self.crawler.stats.inc_value("newscorpus/limits/redirect_loop")
                self.crawler.signals.send_catch_log(signal=fetch_failed, request=request, error=str(limit))
                raise limit
        return result


class RecordedHttpCompressionMiddleware(HttpCompressionMiddleware):
    crawler: Crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RecordedHttpCompressionMiddleware:
        middleware = super().from_crawler(crawler)
        middleware.crawler = crawler  # the parent keeps only the stats
        return middleware

    def process_response(self, request: Request, response: Response) -> Request | Response:
        try:
            return super().process_response(request, response)
        except IgnoreRequest as exc:
            max_size = request.meta.get("download_maxsize", self._max_size)
            cause = exc.__cause__
            so_far = getattr(cause, "decompressed_size", None)
            limit = LimitReached(
                f"body larger than {max_size} bytes once decompressed "
                f"({len(response.body)} bytes on the wire, {so_far} decompressed before giving up)"
            )
            self.crawler.signals.send_catch_log(signal=fetch_failed, request=request, error=str(limit))
            raise limit from exc

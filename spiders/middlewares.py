"""Downloader middlewares: archive every response as WARC, keep the crawl on the source's site, report failures.

Priorities (settings.DOWNLOADER_MIDDLEWARES) carry meaning here:
- WarcArchiveMiddleware sits at 950, on the downloader side of HttpCompressionMiddleware (590) and
  RedirectMiddleware (600), so it sees every response exactly as received: still content-encoded, 3xx before the
  redirect is followed, 4xx/5xx before anything drops them, robots.txt fetches too.
- FetchFailureMiddleware sits at 540, on the engine side of RetryMiddleware (550), so it only hears about failures
  that retrying gave up on, plus refusals raised by earlier process_request hooks (robots.txt).
- HostPortOffsiteMiddleware replaces Scrapy's OffsiteMiddleware at 50; RequestGuardMiddleware (spiders.request_guard)
  sits at 40 so that it is built, and hears request_scheduled, before the offsite filter.
"""

from __future__ import annotations

import functools
import hashlib
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import scrapy
from scrapy import Request, Spider, signals
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import CannotResolveHostError, IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.python import to_unicode
from twisted.internet.error import DNSLookupError

from newscorpus.crawl import CRAWL_LOG_NAME
from spiders.crawl_log import CrawlLogLine, CrawlLogWriter, discovered_via, first_url, utc_timestamp
from spiders.guarded_resolver import refusal_for
from spiders.refusals import BlockedRequest, LimitReached
from spiders.request_guard import BLOCKED_META_KEY
from spiders.signals import fetch_failed
from spiders.warc_files import DEFAULT_MAX_BYTES, HttpExchange, RotatingWarcWriter

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

_ARCHIVABLE_PROTOCOLS = {"HTTP/1.0", "HTTP/1.1"}
SECRET_REQUEST_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})
REDACTED = "[redacted]"
WARC_WRITE_FAILED = "warc_write_failed"  # finish reason of a crawl that could not write its WARC file
_MAX_OFFSITE_VERDICTS = 10_000


class WarcArchiveMiddleware:
    """Writes each response (and the request that got it) to the crawl's WARC files and logs one crawl-log line."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self._max_bytes = crawler.settings.getint("NEWSCORPUS_WARC_MAX_BYTES", DEFAULT_MAX_BYTES)
        self._data_root = crawler.settings.get("NEWSCORPUS_DATA_ROOT")
        self._warc: RotatingWarcWriter | None = None
        self._log: CrawlLogWriter | None = None
        self._data_root_path = Path(".")
        self._relative_names: dict[Path, str] = {}
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcArchiveMiddleware:
        return cls(crawler)

    def spider_opened(self, spider: Spider) -> None:
        output_dir = Path(spider.output_dir)
        source = spider.source
        self._warc = RotatingWarcWriter(
            output_dir,
            max_bytes=self._max_bytes,
            warcinfo={
                "software": f"newscorpus (Scrapy {scrapy.__version__})",
                "format": "WARC File Format 1.1",
                "http-header-user-agent": self.crawler.settings.get("USER_AGENT"),
                "robots": "obey" if self.crawler.settings.getbool("ROBOTSTXT_OBEY") else "ignore",
                "source": source.id,
                "description": f"{source.name} ({source.home})",
            },
        )
        self._log = CrawlLogWriter(output_dir / CRAWL_LOG_NAME)
        self._data_root_path = Path(self._data_root) if self._data_root else output_dir

    def spider_closed(self, spider: Spider) -> None:
        if self._warc is not None:
            self._warc.close()
        if self._log is not None:
            self._log.close()

    def process_response(self, request: Request, response: Response) -> Request | Response:
        assert self._warc is not None and self._log is not None, "spider_opened has not run"
        exchange = _exchange(request, response)
        try:
            location = self._warc.write_exchange(exchange)
        except OSError:
            # A crawl that cannot land what it fetches must stop and fail, not finish "successfully" with holes.
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=WARC_WRITE_FAILED))
            raise
        media_type, charset = _content_type(response)
        self._log.append(
            CrawlLogLine(
                url=first_url(request),
                final_url=response.url,
                status=response.status,
                fetched_at=utc_timestamp(exchange.fetched_at),
                content_type=media_type,
                charset=charset,
                bytes=len(response.body),
                body_sha256=hashlib.sha256(response.body).hexdigest(),
                warc_file=self._relative_name(location.path),
                warc_offset=location.offset,
                warc_length=location.length,
                discovered_via=discovered_via(request),
                is_article_candidate=self._is_article_url(response.url),
            )
        )
        self.crawler.stats.inc_value("newscorpus/warc_responses")
        return response

    def _relative_name(self, path: Path) -> str:
        """warc_file for the crawl log, computed once per file (resolving paths costs system calls)."""
        if path not in self._relative_names:
            self._relative_names[path] = _relative_to(path, self._data_root_path)
        return self._relative_names[path]

    def _is_article_url(self, url: str) -> bool:
        spider = self.crawler.spider
        return bool(spider is not None and spider.is_article_url(url))


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


def _exchange(request: Request, response: Response) -> HttpExchange:
    protocol = response.protocol if response.protocol in _ARCHIVABLE_PROTOCOLS else "HTTP/1.1"
    split = urlsplit(request.url)
    target = (split.path or "/") + (f"?{split.query}" if split.query else "")
    request_headers = [(name, _redacted(name, value)) for name, value in _header_pairs(request.headers)]
    if b"Host" not in request.headers:  # Headers normalises names, so this covers every spelling of "host"
        request_headers.insert(0, ("Host", split.netloc))
    return HttpExchange(
        url=response.url,
        fetched_at=datetime.now(UTC),
        request_line=f"{request.method} {target} HTTP/1.1",  # Scrapy's HTTP handler always asks in HTTP/1.1
        request_headers=request_headers,
        protocol=protocol,
        status=response.status,
        reason=_reason(response.status),
        response_headers=_archived_response_headers(response),
        body=response.body,
        ip_address=_address_text(response.ip_address) if response.ip_address else None,
    )


@functools.lru_cache(maxsize=1024)
def _address_text(address: object) -> str:
    """str() of an ipaddress object is Python code; a crawl talks to few addresses, so each is spelled once."""
    return str(address)


def _redacted(name: str, value: str) -> str:
    """Credentials the crawler sent (cookies a site set, auth from settings) must not land in the raw zone."""
    return REDACTED if name.lower() in SECRET_REQUEST_HEADERS else value


def _archived_response_headers(response: Response) -> list[tuple[str, str]]:
    """Response headers as received, except Transfer-Encoding: Scrapy has already de-chunked the body, and a
    reader that saw "chunked" would try to de-chunk it again."""
    headers = []
    for name, value in _header_pairs(response.headers):
        if name.lower() == "transfer-encoding":
            name = "X-Archive-Orig-Transfer-Encoding"
        headers.append((name, value))
    return headers


def _header_pairs(headers: Any) -> list[tuple[str, str]]:
    # Scrapy's Headers is a dict of normalised name -> list of values; its items() looks every name up again.
    items = dict.items(headers) if isinstance(headers, dict) else headers.items()
    return [(_latin1(name), _latin1(value)) for name, values in items for value in values]


def _latin1(value: bytes | str) -> str:
    """Header bytes as text, one character per byte (Scrapy keeps headers as bytes)."""
    return value.decode("latin-1") if isinstance(value, bytes) else value


@functools.lru_cache(maxsize=256)
def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _content_type(response: Response) -> tuple[str | None, str | None]:
    raw = response.headers.get(b"Content-Type")
    if not raw:
        return None, None
    header = to_unicode(raw, encoding="latin-1")
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip().strip("\"'")
    return media_type.strip().lower() or None, charset


def _relative_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()

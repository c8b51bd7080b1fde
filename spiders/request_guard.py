"""Refuses requests the crawler must never make: other schemes than http(s), overlong URLs, non-public addresses.

Two moments, so that no request escapes and each refusal is recorded once, with the reason:
- When a request is scheduled (feeds, sitemaps, links, redirect hops): the checks that need no DNS (scheme, URL
  length, an address written literally in the URL). This guard is built before the offsite middleware (lower
  priority number), so its handler runs first and a private address is logged as "blocked", not as "offsite".
- Before a request is downloaded (robots.txt fetches too, which are never scheduled): the same checks, then a
  lookup of a host name through the installed GuardedResolver, which refuses names that resolve to non-public
  addresses; Twisted then connects through that same resolver, which checks again (see spiders.guarded_resolver).
Refusals become "blocked: <reason>" lines in the crawl log and newscorpus/failures/blocked in the statistics.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy import Request, Spider, signals
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached

from spiders.guarded_resolver import GuardedResolver
from spiders.network_policy import SETTING, NetworkPolicy, parse_address
from spiders.refusals import BlockedRequest
from spiders.signals import fetch_failed

if TYPE_CHECKING:
    from collections.abc import Coroutine
    from typing import Any

    from scrapy.crawler import Crawler

ALLOWED_SCHEMES = frozenset({"http", "https"})
BLOCKED_META_KEY = "newscorpus_blocked"  # set on a request refused at scheduling, so the offsite filter stays quiet
UNGUARDED_RESOLVER = "unguarded_dns_resolver"  # finish reason when the DNS check is not installed
_MAX_JUDGED_HOSTS = 10_000  # hosts whose verdict is remembered (links to many hosts must not grow memory unbounded)


class RequestGuardMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.policy = NetworkPolicy.from_entries(crawler.settings.getlist(SETTING))
        self.max_url_length = crawler.settings.getint("NEWSCORPUS_MAX_URL_LENGTH")
        self._reported: set[str] = set()
        # host -> (names an IP address literally, refusal): the policy is fixed for the crawl, and judging an
        # address (ipaddress parsing, a dozen range checks) on every request of a site would repeat the same answer.
        self._hosts: dict[str, tuple[bool, str | None]] = {}
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.request_scheduled, signal=signals.request_scheduled)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RequestGuardMiddleware:
        return cls(crawler)

    def spider_opened(self, spider: Spider) -> None:
        from twisted.internet import reactor

        if not isinstance(getattr(reactor, "resolver", None), GuardedResolver):
            # Without it, host names would reach private addresses unchecked: refuse to crawl at all.
            spider.logger.error("TWISTED_DNS_RESOLVER must be spiders.guarded_resolver.GuardedResolver")
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=UNGUARDED_RESOLVER))

    def request_scheduled(self, request: Request, spider: Spider) -> None:
        refusal = self.static_refusal(request)
        if refusal is None:
            return
        request.meta[BLOCKED_META_KEY] = refusal
        if request.url not in self._reported:
            self._reported.add(request.url)
            self.crawler.signals.send_catch_log(signal=fetch_failed, request=request, error=f"blocked: {refusal}")
        raise BlockedRequest(refusal)

    def process_request(self, request: Request) -> Coroutine[Any, Any, None] | None:
        """None at once for an address written in the URL (judged already); a host name is looked up first.

        Not a coroutine throughout: Scrapy would then create and await one per request, the DNS check needed or not.
        """
        refusal = self.static_refusal(request)
        if refusal is not None:
            raise BlockedRequest(refusal)
        host = urlparse_cached(request).hostname or ""
        if self._judge_host(host)[0]:
            return None
        return self._resolve(host)

    async def _resolve(self, host: str) -> None:
        from twisted.internet import reactor

        # Raises BlockedRequest (from the GuardedResolver) for a name with a non-public address.
        await maybe_deferred_to_future(reactor.resolve(host))

    def static_refusal(self, request: Request) -> str | None:
        """Why the request must not be made, judged from its URL alone; None when the URL itself is fine."""
        if len(request.url) > self.max_url_length:
            return f"URL longer than {self.max_url_length} characters ({len(request.url)})"
        parsed = urlparse_cached(request)
        scheme = parsed.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            return f"scheme {scheme or '(none)'!r} is not http or https"
        host = parsed.hostname or ""
        if not host:
            return "URL has no host"
        return self._judge_host(host)[1]

    def _judge_host(self, host: str) -> tuple[bool, str | None]:
        """(host is an IP address written literally, why it must not be reached); remembered per host."""
        judged = self._hosts.get(host)
        if judged is None:
            address = parse_address(host)
            judged = (address is not None, self.policy.literal_refusal(address) if address is not None else None)
            if len(self._hosts) < _MAX_JUDGED_HOSTS:
                self._hosts[host] = judged
        return judged

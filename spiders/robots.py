"""robots.txt as a polite crawler reads it: the group naming us, and the group naming Scrapy, both apply.

Scrapy's Protego parser picks the one group that best matches the User-Agent string. A site that writes
`User-agent: Scrapy / Disallow: /` means every Scrapy-based crawler, ours included, even though our User-Agent
says "newscorpus". So a URL is allowed only if every group that names our product token (NEWSCORPUS_ROBOTS_TOKEN)
or "Scrapy" allows it; when neither is named, the `*` group decides, as usual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from protego import Protego
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.robotstxt import RobotParser, decode_robotstxt
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.python import to_unicode
from twisted.internet.defer import Deferred

if TYPE_CHECKING:
    from collections.abc import Coroutine
    from typing import Any

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

_USER_AGENT_LINE = re.compile(r"^\s*user-agent\s*:\s*([^#\s]+)", re.IGNORECASE | re.MULTILINE)
SCRAPY_TOKEN = "scrapy"


class OurGroupsRobotParser(RobotParser):
    def __init__(self, robotstxt_body: bytes, spider: Spider | None, token: str) -> None:
        text = decode_robotstxt(robotstxt_body, spider)
        self.rp = Protego.parse(text)
        named = {agent.lower() for agent in _USER_AGENT_LINE.findall(text)}
        self.tokens = [t for t in (token.lower(), SCRAPY_TOKEN) if t in named] or [token.lower()]
        self.allows_everything = _disallows_nothing(self.rp)

    @classmethod
    def from_crawler(cls, crawler: Crawler, robotstxt_body: bytes) -> OurGroupsRobotParser:
        token = crawler.settings.get("NEWSCORPUS_ROBOTS_TOKEN") or "newscorpus"
        return cls(robotstxt_body, crawler.spider if crawler else None, token)

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        if self.allows_everything:
            return True
        url = to_unicode(url)
        return all(self.rp.can_fetch(url, token) for token in self.tokens)

    def crawl_delay(self, user_agent: str | bytes) -> float | None:
        delays = [d for d in (self.rp.crawl_delay(token) for token in self.tokens) if d is not None]
        return float(max(delays)) if delays else None


def _disallows_nothing(parser: Protego) -> bool:
    """True when no group has a single Disallow rule: then every URL is allowed, and matching each one against the
    rules (tens of microseconds per URL) can be skipped. Reads Protego's parsed groups; with a Protego that keeps
    them differently the answer is False and every URL is matched as usual."""
    try:
        groups = parser._user_agents.values()  # noqa: SLF001 (no public view of the rules)
        return not any(rule.field == "disallow" for group in groups for rule in group._rules)  # noqa: SLF001
    except AttributeError:
        return False


_NOT_ASKED = object()


class CachedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, answering at once for a host whose robots.txt is already parsed.

    Scrapy's process_request is a coroutine that awaits a second coroutine for every request, even long after the
    host's parser is cached; on a fast site that costs more than the check itself. Same decisions, same stats,
    same robots.txt fetch: only a host whose robots.txt is not parsed yet takes Scrapy's asynchronous path.
    """

    def process_request(self, request: Request) -> Coroutine[Any, Any, None] | None:
        if request.meta.get("dont_obey_robotstxt") or request.url.startswith(("data:", "file:")):
            return None
        parser = self._parsers.get(urlparse_cached(request).netloc, _NOT_ASKED)
        if parser is _NOT_ASKED or isinstance(parser, Deferred):
            return super().process_request(request)
        self.process_request_2(parser, request)  # raises IgnoreRequest when robots.txt forbids the URL
        return None

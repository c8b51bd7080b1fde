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
from scrapy.robotstxt import RobotParser, decode_robotstxt
from scrapy.utils.python import to_unicode

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

_USER_AGENT_LINE = re.compile(r"^\s*user-agent\s*:\s*([^#\s]+)", re.IGNORECASE | re.MULTILINE)
SCRAPY_TOKEN = "scrapy"


class OurGroupsRobotParser(RobotParser):
    def __init__(self, robotstxt_body: bytes, spider: Spider | None, token: str) -> None:
        text = decode_robotstxt(robotstxt_body, spider)
        self.rp = Protego.parse(text)
        named = {agent.lower() for agent in _USER_AGENT_LINE.findall(text)}
        self.tokens = [t for t in (token.lower(), SCRAPY_TOKEN) if t in named] or [token.lower()]

    @classmethod
    def from_crawler(cls, crawler: Crawler, robotstxt_body: bytes) -> OurGroupsRobotParser:
        token = crawler.settings.get("NEWSCORPUS_ROBOTS_TOKEN") or "newscorpus"
        return cls(robotstxt_body, crawler.spider if crawler else None, token)

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        url = to_unicode(url)
        return all(self.rp.can_fetch(url, token) for token in self.tokens)

    def crawl_delay(self, user_agent: str | bytes) -> float | None:
        delays = [d for d in (self.rp.crawl_delay(token) for token in self.tokens) if d is not None]
        return float(max(delays)) if delays else None

"""The two ways the crawler declines a request on purpose, as exceptions whose text is the crawl-log error.

Both subclass IgnoreRequest, so Scrapy neither retries them nor logs them as errors; their message already has the
crawl log's "<kind>: <detail>" form, so every component that reports them writes the same words.
- BlockedRequest ("blocked: ..."): the request must never be made (non-public address, scheme, URL length).
- LimitReached ("limit: ..."): a size, depth or count cap cut the crawl short here (gzip bomb, redirect loop).
"""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest


class BlockedRequest(IgnoreRequest):
    def __init__(self, reason: str) -> None:
        super().__init__(f"blocked: {reason}")


class LimitReached(IgnoreRequest):
    def __init__(self, reason: str) -> None:
        super().__init__(f"limit: {reason}")

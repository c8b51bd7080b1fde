"""The crawl log: one JSON line per response landed and per request that failed, next to the WARC files.

It is the index of a crawl. Readers use it to find a page's record (warc_file + warc_offset + warc_length seek straight
to it) and to see what was attempted but never fetched (error set, no status). Every line carries every field, so
a reader never has to guess whether a missing key means "unknown" or "not applicable".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:  # the landing process writes crawl logs and has no need to import Scrapy
    from scrapy import Request


@dataclass(frozen=True)
class CrawlLogLine:
    url: str  # the URL the crawl asked for (the first of a redirect chain)
    final_url: str | None = None  # the URL this response came from (differs from url after a redirect)
    status: int | None = None  # None when no response arrived
    fetched_at: str | None = None  # when the response (or the failure) came, UTC, ISO 8601
    content_type: str | None = None  # media type from the Content-Type header, lower-case, no parameters
    charset: str | None = None  # charset parameter of the Content-Type header, as sent
    bytes: int | None = None  # body length as received (before content decoding)
    body_sha256: str | None = None  # of the body as received
    warc_file: str | None = None  # relative to the data root
    warc_offset: int | None = None  # byte offset of the response record in warc_file
    warc_length: int | None = None  # byte length of the (gzip member of the) response record
    discovered_via: str = "unknown"  # feed | sitemap | section | robots | unknown
    is_article_candidate: bool = False  # the URL matches the source's article_pattern
    error: str | None = None  # "<kind>: <detail>", e.g. "robots: forbidden by robots.txt"

    def to_json(self) -> str:
        # Field by field rather than dataclasses.asdict, which deep-copies every value: one line per response.
        record = {name: getattr(self, name) for name in _FIELD_NAMES}
        for key in ("url", "final_url"):
            record[key] = without_credentials(record[key])
        if record["error"]:
            record["error"] = _USERINFO.sub(r"\1[redacted]@", record["error"])
        return _ENCODER.encode(record)


_FIELD_NAMES = tuple(f.name for f in fields(CrawlLogLine))
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_USERINFO = re.compile(r"(\w+://)[^/@\s]+@")


def without_credentials(url: str | None) -> str | None:
    """A URL with any user:password@ replaced: the crawl log, and the corpus built from it, never hold secrets."""
    return _USERINFO.sub(r"\1[redacted]@", url) if url and "@" in url else url


class CrawlLogWriter:
    """Appends lines and flushes each one, so a crashed crawl still leaves a readable log up to the crash.

    One writer per crawl log: the landing process (spiders.landing_writer) appends every line, in the order the
    crawler sent them.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file: IO[str] = path.open("a", encoding="utf-8")

    def append(self, line: CrawlLogLine) -> None:
        self.append_text(line.to_json())

    def append_text(self, json_line: str) -> None:
        """A line serialised by CrawlLogLine.to_json elsewhere (the crawler's process, see spiders.landing)."""
        self._file.write(json_line + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


def utc_timestamp(moment: datetime | None = None) -> str:
    """ISO 8601 in UTC with a Z, the one time format of the raw zone."""
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def discovered_via(request: Request) -> str:
    """How the crawl came to ask for this URL; robots.txt fetches are made by Scrapy itself and carry no tag."""
    via = request.meta.get("discovered_via")
    if via:
        return str(via)
    if request.meta.get("dont_obey_robotstxt") and request.url.endswith("/robots.txt"):
        return "robots"
    return "unknown"


def first_url(request: Request) -> str:
    """The URL originally asked for: RedirectMiddleware keeps the chain in meta["redirect_urls"]."""
    chain = request.meta.get("redirect_urls")
    return str(chain[0]) if chain else request.url

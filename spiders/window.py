"""The crawl window: which entries of a sitemap or feed belong to a run for logical date D.

A run for D takes what was published or changed on D - lookback_days .. D, as calendar days in the source's own
time zone (an Indonesian outlet's day ends at 17:00 UTC). Sitemaps give `lastmod` and Google News
`news:publication_date` (W3C date/time), feeds give `pubDate` (RFC 822) or Atom `published`/`updated` (RFC 3339).
An entry without a readable date is kept: not knowing is no reason to lose an article.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class CrawlWindow:
    first: dt.date
    last: dt.date
    zone: ZoneInfo

    @classmethod
    def ending(cls, crawl_date: dt.date, lookback_days: int, timezone: str) -> CrawlWindow:
        return cls(crawl_date - dt.timedelta(days=max(lookback_days, 0)), crawl_date, ZoneInfo(timezone))

    @property
    def days(self) -> list[dt.date]:
        """Every calendar day of the window, newest first (the order dated index pages are read in)."""
        count = (self.last - self.first).days + 1
        return [self.last - dt.timedelta(days=n) for n in range(count)]

    def local_day(self, text: str | None) -> dt.date | None:
        """The source-local calendar day of a sitemap or feed date, or None if it cannot be read."""
        moment = parse_entry_date(text)
        if moment is None:
            return None
        if isinstance(moment, dt.datetime):
            aware = moment if moment.tzinfo else moment.replace(tzinfo=self.zone)
            return aware.astimezone(self.zone).date()
        return moment

    def admits(self, text: str | None) -> bool:
        """True unless the date is readable and outside the window."""
        day = self.local_day(text)
        return day is None or self.first <= day <= self.last

    def is_older(self, text: str | None) -> bool:
        """True only for a readable date before the window (a child sitemap unchanged since then)."""
        day = self.local_day(text)
        return day is not None and day < self.first


def parse_entry_date(text: str | None) -> dt.date | dt.datetime | None:
    """W3C/ISO 8601 (date or date-time, 'Z' or offset) or RFC 822; a bare date stays a date."""
    if not text or not text.strip():
        return None
    value = text.strip()
    if len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None

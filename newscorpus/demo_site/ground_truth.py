"""What a perfect crawl + extraction of the demo site yields: one record per published article page.

Tests and benchmarks compare pipeline output against this. Built from the same content the renderer uses, so it
is right by construction for any crawl date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from newscorpus.demo_site.content import OUTLETS, Article, load_outlet


def _offset(moment: dt.datetime) -> str:
    offset = moment.utcoffset() or dt.timedelta(0)
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _record(article: Article, language: str) -> dict[str, Any]:
    return {
        "outlet": article.outlet,
        "path": article.path,
        "title": article.title,
        "paragraphs": list(article.paragraphs),
        "dateline": article.dateline,
        "authors": list(article.authors),
        "editors": list(article.editors),
        "agency": article.agency,
        "published_at": article.published.astimezone(dt.UTC),
        "tz_offset": _offset(article.published),
        "section": article.section.name,
        "tags": [tag.name for tag in article.tags],
        "image_url": article.image.path,
        "image_caption": article.image.caption,
        "language": language,
        "wire": article.wire,
    }


def truth(crawl_date: dt.date, first_date: dt.date | None = None) -> list[dict[str, Any]]:
    """Ground truth for every article page of the site rendered for `crawl_date` (all outlets, newest first each).

    `paragraphs` is the clean body exactly as shown, dateline prefix included ("MOSKOW - ..."); `dateline` names
    the place on its own. `published_at` is aware UTC, `tz_offset` the outlet's offset on that day. `wire` is a
    shared key for a syndicated story that appears on several outlets (None otherwise). first_date: the site
    rendered with older days (render_site(..., first_date=...)); each record's day is published_at in the outlet's
    time zone (`tz_offset`).
    """
    records = []
    for outlet_id in OUTLETS:
        outlet = load_outlet(outlet_id, crawl_date, first_date)
        records.extend(_record(article, outlet.language) for article in outlet.articles)
    return records

"""Last-resort heuristics from trafilatura and htmldate, asked only for fields that declared metadata and the text
left empty.

They are the slow part of extraction (htmldate alone costs as much as body extraction), so they run lazily, one
field at a time, instead of trafilatura's all-fields `with_metadata=True` pass.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

import lxml.html
from htmldate import find_date
from trafilatura.metadata import extract_author, extract_catstags

log = logging.getLogger(__name__)


def guess_date(tree: lxml.html.HtmlElement, url: str, crawl_date: date | None) -> str | None:
    """htmldate's original-publication date ("YYYY-MM-DD"), bounded by the crawl date when known."""
    options: dict = {"url": url or None, "original_date": True, "extensive_search": False}
    if crawl_date is not None:
        options["max_date"] = (crawl_date + timedelta(days=1)).isoformat()
    try:
        return find_date(tree, **options)
    except Exception as exc:  # a third-party failure on one hostile page must not stop a run
        log.debug("htmldate failed on %s: %s", url, exc)
        return None


def guess_author(tree: lxml.html.HtmlElement) -> str | None:
    """trafilatura's byline search over author-like classes and rel=author links ("A; B" for several)."""
    try:
        return extract_author(tree)
    except Exception as exc:  # a third-party failure on one hostile page must not stop a run
        log.debug("trafilatura author search failed: %s", exc)
        return None


def guess_tags(tree: lxml.html.HtmlElement) -> list[str]:
    """Tag links (/tag/...) in the page."""
    try:
        return extract_catstags("tag", tree)
    except Exception as exc:  # a third-party failure on one hostile page must not stop a run
        log.debug("trafilatura tag search failed: %s", exc)
        return []


def guess_section(tree: lxml.html.HtmlElement) -> str | None:
    """First category link (/category/...) in the page."""
    try:
        found = extract_catstags("category", tree)
    except Exception as exc:  # a third-party failure on one hostile page must not stop a run
        log.debug("trafilatura category search failed: %s", exc)
        return None
    return found[0] if found else None

"""Last-resort heuristics from trafilatura and htmldate, asked only for fields that declared metadata and the text
left empty.

They are the slow part of extraction (htmldate alone costs as much as body extraction), so they run lazily, one
field at a time, instead of trafilatura's all-fields `with_metadata=True` pass. trafilatura's own author search
deep-copies and prunes the whole tree first (about 100 ms a page); here its XPaths run on the tree as it is and a
hit inside comments or teasers is skipped by looking at the hit's ancestors instead.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

import lxml.html
from htmldate import find_date
from trafilatura.metadata import normalize_authors
from trafilatura.xpaths import AUTHOR_XPATHS

from newscorpus.extract.text_lines import normalize_space

log = logging.getLogger(__name__)

_NOT_THE_ARTICLE = re.compile(
    r"comment|related|sidebar|footer|recommend",
    re.IGNORECASE,
)
_MAX_AUTHOR_CHARS = 120
_MAX_TAGS = 30
_TAG_LINK = re.compile(r"/tags?/|/topics?/|/tag-|[?&]tag=")
_CATEGORY_LINK = re.compile(r"/categor(?:y|ies)/")


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
    """trafilatura's byline XPaths (author-like classes, rel=author) over the article part of the page ("A; B")."""
    try:
        for expression in AUTHOR_XPATHS:
            for element in expression(tree):
                if _in_page_furniture(element):
                    continue
                text = normalize_space(" ".join(element.itertext()))
                if 2 < len(text) <= _MAX_AUTHOR_CHARS:
                    return normalize_authors(None, text)
    except Exception as exc:  # a third-party failure on one hostile page must not stop a run
        log.debug("author search failed: %s", exc)
    return None


def _in_page_furniture(element: lxml.html.HtmlElement) -> bool:
    """Inside a sidebar, comments or related-stories box; the search stops at the article (or body) element,
    whose classes describe the whole layout ("has-sidebar")."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("article", "main", "body", "html"):
            return False
        marks = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if ancestor.tag in ("aside", "nav") or (marks.strip() and _NOT_THE_ARTICLE.search(marks)):
            return True
    return False


def guess_tags(tree: lxml.html.HtmlElement) -> list[str]:
    """Texts of tag links (/tag/..., /topics/...) outside page furniture."""
    return _link_texts(tree, _TAG_LINK)[:_MAX_TAGS]


def guess_section(tree: lxml.html.HtmlElement) -> str | None:
    """First category link (/category/...) outside page furniture."""
    found = _link_texts(tree, _CATEGORY_LINK)
    return found[0] if found else None


def _link_texts(tree: lxml.html.HtmlElement, href: re.Pattern[str]) -> list[str]:
    texts: list[str] = []
    for anchor in tree.iter("a"):
        target = anchor.get("href")
        if not target or not href.search(target):
            continue
        text = normalize_space(anchor.text_content()).lstrip("#")
        if text and len(text) <= 60 and text not in texts and not _in_page_furniture(anchor):
            texts.append(text)
    return texts

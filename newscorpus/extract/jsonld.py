"""Finds the article object in a page's JSON-LD, however the CMS nested it.

Publishers wrap it in lists, in "@graph", in a WebPage's "mainEntity", or type it as a list
(["NewsArticle", "Article"]); some emit broken JSON (raw newlines in strings, trailing commas, HTML comments).
This module only finds and normalises; which value wins over OpenGraph is decided in metadata.py.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "scholarlyarticle",
        "techarticle",
        "report",
        "posting",
        "claimreview",  # a fact check's own node: its datePublished is the check's, itemReviewed holds the claim's
    }
)
# pages that are not typed as articles but are one author's writing: a health publisher's MedicalWebPage carries the
# article's author, dates and headline; read only when the page declares no article
AUTHORED_PAGE_TYPES = frozenset({"medicalwebpage", "recipe", "howto"})
LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "website", "sitenavigationelement"})
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_MAX_NODES = 5000


_PAGE_TYPES = frozenset({"webpage", "itempage", "medicalwebpage", "aboutpage", "faqpage", "qapage", "profilepage"})


def jsonld_objects(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON object in the page's ld+json scripts, flattened out of lists, @graph and mainEntity."""
    objects: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        document = _load_lenient(script.text or "")
        if document is not None:
            objects.extend(_flatten(document, depth=0))
        if len(objects) > _MAX_NODES:
            break
    return objects


def types_of(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


def find_article(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The article object; when several are present (related stories), the one with the most content wins. A page
    that declares no article but is typed as one author's page (MedicalWebPage, with an author) stands for it."""
    articles = [obj for obj in objects if types_of(obj) & ARTICLE_TYPES] or [
        obj for obj in objects if types_of(obj) & AUTHORED_PAGE_TYPES and obj.get("author")
    ]
    if not articles:
        return None
    return max(articles, key=lambda obj: (bool(obj.get("datePublished")), bool(obj.get("headline")), len(obj)))


def names_of(value: Any) -> list[str]:
    """Names from a person/organisation field: a string, an object with "name", or a list of either."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
    return [html.unescape(n).strip() for n in names if n and n.strip()]


def reviewed_creators(objects: list[dict[str, Any]]) -> list[str]:
    """The people who made the works the page reviews: a book review's `itemReviewed` names the novelist, and the
    novelist printed in the review's info box ("Author: Marit Solheim") is not the review's writer."""
    names: list[str] = []
    for obj in objects:
        reviewed = obj.get("itemReviewed")
        for work in reviewed if isinstance(reviewed, list) else [reviewed]:
            if isinstance(work, dict):
                for key in ("author", "creator", "director", "byArtist"):
                    names += names_of(resolve_references(work.get(key), objects))
    return names


def resolve_references(value: Any, objects: list[dict[str, Any]]) -> Any:
    """A field whose entries are bare {"@id": ...} references (Yoast-style @graph) with the referenced nodes put in:
    `"author": {"@id": ".../#/schema/person/1"}` names nobody until the Person node of that @id is looked up."""
    items = value if isinstance(value, list) else [value]
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str) and len(obj) > 1}
    resolved = [
        by_id.get(item["@id"], item) if isinstance(item, dict) and set(item) == {"@id"} else item for item in items
    ]
    return resolved if isinstance(value, list) else resolved[0]


def page_published(objects: list[dict[str, Any]], page_url: str) -> list[str]:
    """datePublished of the page's own WebPage node: Yoast often dates only that node, not the article. Dates of
    other articles (related stories, list items) are never taken, nor those of a node that names the site's home
    page while this page is not it: a CMS that stamps every page with the site's launch day."""
    return [
        text
        for obj in objects
        if types_of(obj) & _PAGE_TYPES
        and not _names_home_page_of_other(obj, page_url)
        and (text := first_text(obj.get("datePublished"))) is not None
    ]


def _names_home_page_of_other(node: dict[str, Any], page_url: str) -> bool:
    address = first_text(node.get("url")) or first_text(node.get("@id")) or ""
    if not address.startswith(("http://", "https://", "/")):
        return False
    return _is_home(urljoin(page_url, address)) and not _is_home(page_url)


def _is_home(url: str) -> bool:
    return urlsplit(url).path.strip("/") == ""


def person_and_org_names(value: Any) -> tuple[list[str], list[str]]:
    """(persons, organisations) from an author field; untyped entries count as persons."""
    items = value if isinstance(value, list) else [value]
    persons: list[str] = []
    organisations: list[str] = []
    for item in items:
        target = organisations if isinstance(item, dict) and "organization" in types_of(item) else persons
        target.extend(names_of(item))
    return persons, organisations


def first_text(value: Any) -> str | None:
    """A string field that some CMSs emit as a list or as {"@value": ...}."""
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, str) and value.strip():
        return html.unescape(value).strip()  # CMSs often HTML-escape JSON-LD strings ("&#038;")
    return None


def image_of(value: Any) -> tuple[str | None, str | None]:
    """(url, caption) of an image field: a URL, an ImageObject, or a list of either."""
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, str):
        return value.strip() or None, None
    if isinstance(value, dict):
        url = first_text(value.get("url")) or first_text(value.get("contentUrl"))
        caption = first_text(value.get("caption")) or first_text(value.get("description"))
        return url, caption
    return None, None


def _load_lenient(text: str) -> Any:
    text = text.strip()
    text = re.sub(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$", "", text).strip()
    if not text:
        return None
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(candidate, strict=False)
        except (json.JSONDecodeError, RecursionError):
            continue
    return None


def _flatten(node: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(node, list):
        for item in node:
            yield from _flatten(item, depth + 1)
    elif isinstance(node, dict):
        if "@graph" in node:
            yield from _flatten(node["@graph"], depth + 1)
        if "@type" in node:
            yield node
        main = node.get("mainEntity") or node.get("mainEntityOfPage")
        if isinstance(main, (dict, list)):
            yield from _flatten(main, depth + 1)

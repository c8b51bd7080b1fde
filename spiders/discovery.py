"""Reading article links out of feeds and sitemaps, as pure functions of the document bytes.

lxml is used directly (not Scrapy's Sitemap class, whose API "is subject to change" and which drops namespaced
children), with a parser that never resolves entities or touches the network: feeds and sitemaps come from the
open web.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

_ATOM_ALTERNATE = {None, "", "alternate"}
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class SitemapLinks:
    is_index: bool  # True: `locs` are further sitemaps; False: `locs` are pages
    locs: list[str]
    # loc -> news:publication_date if given, else lastmod (as written; spiders.window reads it), else None
    dates: dict[str, str | None] = field(default_factory=dict)


def _parse_xml(body: bytes) -> etree._Element | None:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, remove_comments=True)
    try:
        return etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return None


def _local(tag: object) -> str:
    """The local name of "{namespace}name" or "name"; empty for comments and processing instructions."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def feed_item_links(body: bytes, base_url: str) -> list[str]:
    """Item links of an RSS 0.9x/1.0/2.0 or Atom feed, absolute, in document order, without duplicates."""
    return list(feed_items(body, base_url))


def feed_items(body: bytes, base_url: str) -> dict[str, str | None]:
    """Item link -> its date as written (RSS pubDate / dc:date, Atom published / updated), in document order."""
    root = _parse_xml(body)
    if root is None:
        return {}
    items: dict[str, str | None] = {}
    for element in root.iter():
        name = _local(element.tag)
        if name == "item":
            link = _rss_item_link(element)
        elif name == "entry":
            link = _atom_entry_link(element)
        else:
            continue
        if link:
            items.setdefault(urljoin(base_url, link.strip()), _child_text(element, _FEED_DATE_TAGS))
    return items


_FEED_DATE_TAGS = ("pubDate", "published", "date", "updated")  # first found wins, in this order
_SITEMAP_DATE_TAGS = ("publication_date", "lastmod")


def _child_text(element: etree._Element, names: tuple[str, ...]) -> str | None:
    """Text of the first descendant named names[0], else names[1], ... (namespaces ignored)."""
    found: dict[str, str] = {}
    for child in element.iter():
        name = _local(child.tag)
        if name in names and name not in found and (child.text or "").strip():
            found[name] = child.text.strip()
    return next((found[name] for name in names if name in found), None)


def _rss_item_link(item: etree._Element) -> str | None:
    guid = None
    for child in item:
        name = _local(child.tag)
        if name == "link" and (child.text or "").strip():
            return child.text
        if name == "guid" and child.get("isPermaLink", "true").lower() != "false":
            guid = child.text
    return guid


def _atom_entry_link(entry: etree._Element) -> str | None:
    for child in entry:
        if _local(child.tag) == "link" and child.get("rel") in _ATOM_ALTERNATE and child.get("href"):
            return child.get("href")
    return None


def sitemap_links(body: bytes, base_url: str, *, max_size: int) -> SitemapLinks:
    """The <loc>s of a sitemap index or urlset; gzip-compressed sitemaps (.xml.gz) are opened first.

    Raises ValueError for a gzip body that is broken or larger than max_size once decompressed.
    """
    if body.startswith(_GZIP_MAGIC):
        body = _gunzip(body, max_size=max_size)
    root = _parse_xml(body)
    if root is None:
        return SitemapLinks(False, [])
    is_index = _local(root.tag) == "sitemapindex"
    entry_tag = "sitemap" if is_index else "url"
    dates: dict[str, str | None] = {}
    for entry in root:
        if _local(entry.tag) != entry_tag:
            continue
        for child in entry:
            if _local(child.tag) == "loc" and (child.text or "").strip():
                dates.setdefault(urljoin(base_url, child.text.strip()), _child_text(entry, _SITEMAP_DATE_TAGS))
                break
    return SitemapLinks(is_index, list(dates), dates)


def _gunzip(data: bytes, *, max_size: int) -> bytes:
    """Decompress at most max_size bytes, so a small gzip bomb cannot exhaust memory."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, max_size)
    except zlib.error as exc:
        raise ValueError(f"sitemap is not valid gzip: {exc}") from exc
    if decompressor.unconsumed_tail:
        raise ValueError(f"sitemap larger than {max_size} bytes once decompressed")
    return out

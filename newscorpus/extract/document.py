"""Turns whatever bytes a crawl fetched into an lxml tree, or None when there is no HTML to read.

Crawled responses are hostile input: wrong or missing charsets, binary files served as text/html, NUL bytes, XML
declarations lxml refuses in str input, multi-megabyte pages. Every one of those ends here as None or as a tree, so
the rest of the extractor only ever deals with a parsed document.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from charset_normalizer import from_bytes

# Longer pages are inline data or junk; the article, if any, sits in the first megabytes.
MAX_HTML_CHARS = 4_000_000

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML_MARKER = re.compile(r"<\s*(?:!doctype|html|head|body|div|p|article|title|meta)\b", re.IGNORECASE)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])  # _CONTROL_CHARS as bytes


# lxml.html's element classes, looked up in C: lxml.html's own lookup runs a Python method for every element the
# extractor touches (a large share of the time of a page's tree walks). Every element is an HtmlElement; only
# lxml.html's form-widget subclasses (FormElement, InputElement ...), which nothing here uses, are not made.
_ELEMENT_CLASSES = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def _html_parser() -> lxml.etree.HTMLParser:
    """lxml.html's parser settings with the C class lookup; a new one per page (parsers are not thread-safe)."""
    parser = lxml.etree.HTMLParser(remove_comments=True, remove_pis=True, recover=True)
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    return parser


def decode_html(raw: str | bytes) -> str:
    """Text of the page: declared charset first, then UTF-8, then a detector's guess; never raises."""
    if isinstance(raw, str):
        return raw
    raw = raw[: MAX_HTML_CHARS * 2]
    declared = _META_CHARSET.search(raw[:4096])
    candidates = [declared.group(1).decode("ascii", "ignore")] if declared else []
    candidates.append("utf-8")
    for encoding in candidates:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(raw[:200_000]).best()
    if best is not None and best.encoding:
        return raw.decode(best.encoding, errors="replace")
    return raw.decode("utf-8", errors="replace")


def looks_like_html(text: str) -> bool:
    """False for binary payloads and plain junk, which must not be mistaken for a page with no article text."""
    sample = text[:20_000]
    if not sample.strip():
        return False
    unreadable = len(_CONTROL_CHARS.findall(sample)) + sample.count("\ufffd")
    if unreadable > 0.05 * len(sample):
        return False
    return _HTML_MARKER.search(sample) is not None


def parse_html(raw: str | bytes) -> lxml.html.HtmlElement | None:
    """The page as a tree (comments dropped), or None when it is empty, binary or unparseable."""
    text = decode_html(raw)
    if not looks_like_html(text):
        return None
    text = _XML_DECLARATION.sub("", text[:MAX_HTML_CHARS], count=1)
    if _has_control_chars(text):
        text = _CONTROL_CHARS.sub("", text)
    try:
        tree = lxml.html.document_fromstring(text, parser=_html_parser())
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None
    if tree is None or not isinstance(tree, lxml.html.HtmlElement):
        return None
    return tree


def _has_control_chars(text: str) -> bool:
    """Whether `_CONTROL_CHARS` occurs in the text; a C-speed byte scan instead of a regex over the whole page (in
    UTF-8 these characters are single bytes, and no byte of a multi-byte sequence is below 0x80)."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw.translate(None, _CONTROL_BYTES)) != len(raw)

"""Turns whatever bytes a crawl fetched into an lxml tree, or None when there is no HTML to read.

Crawled responses are hostile input: wrong or missing charsets, binary files served as text/html, NUL bytes, XML
declarations lxml refuses in str input, lone surrogates, multi-megabyte pages, nesting deeper than libxml2 parses,
stray "</html>" tags mid-page. Every one of those ends here as None or as a tree holding the text a browser would
show, so the rest of the extractor only ever deals with a parsed document.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from charset_normalizer import from_bytes

from newscorpus.extract.markup_depth import RAW_TEXT_ENDS, cap_nesting

# Longer pages are inline data or junk; the article, if any, sits in the first megabytes (once inline scripts and
# styles are emptied: a few megabytes of them in the head must not push the article past the cut).
MAX_HTML_CHARS = 4_000_000
_MAX_JSON_LD_CHARS = 500_000  # a bigger JSON-LD block on an oversized page is inline data, not the article's card
# Nesting kept when a page nests deeper than libxml2's limit (256): far above real pages (the dev set's deepest is
# 44) and far below Python's recursion limit, which the extractor's tree walkers recurse towards once per level.
MAX_NESTING = 200

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML_MARKER = re.compile(r"<\s*(?:!doctype|html|head|body|div|p|article|title|meta)\b", re.IGNORECASE)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])  # _CONTROL_CHARS as bytes
# libxml2 drops everything after a "</html>" and puts what follows a "</body>" outside the body; a browser reads on
# and shows it in the body (stray end tags come with embedded snippets and templates), and implies both at the end
_DOCUMENT_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b([^>]*)>", re.IGNORECASE)


# lxml.html's element classes, looked up in C: lxml.html's own lookup runs a Python method for every element the
# extractor touches (a large share of the time of a page's tree walks). Every element is an HtmlElement; only
# lxml.html's form-widget subclasses (FormElement, InputElement ...), which nothing here uses, are not made.
_ELEMENT_CLASSES = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def _html_parser(*, huge: bool = False) -> lxml.etree.HTMLParser:
    """lxml.html's parser settings with the C class lookup; a new one per page (parsers are not thread-safe).
    `huge` lifts libxml2's nesting limit from 256 to 2048, the margin for a page whose nesting was capped."""
    parser = lxml.etree.HTMLParser(remove_comments=True, remove_pis=True, recover=True, huge_tree=huge)
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
    if len(text) > MAX_HTML_CHARS:
        text = _without_bulk_code(text[: 4 * MAX_HTML_CHARS])
    text = _parseable_text(_XML_DECLARATION.sub("", text[:MAX_HTML_CHARS], count=1))
    text = _DOCUMENT_END_TAGS.sub("", text)
    parser = _html_parser()
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
        if _stopped_too_deep(parser):
            # libxml2 gave up at depth 256 and dropped the rest of the page: parse it again with the nesting capped
            tree = lxml.html.document_fromstring(cap_nesting(text, MAX_NESTING), parser=_html_parser(huge=True))
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None
    if tree is None or not isinstance(tree, lxml.html.HtmlElement):
        return None
    return tree


def _without_bulk_code(text: str) -> str:
    """An oversized page with its scripts and styles emptied (invisible, and the usual bulk: inline app state,
    fonts, images as data URLs); JSON-LD blocks of a normal size are kept, they carry the article's metadata."""
    kept: list[str] = []
    copied_to = 0
    position = 0
    while (opening := _SCRIPT_OR_STYLE.search(text, position)) is not None:
        closing = RAW_TEXT_ENDS[opening.group(1).lower()].search(text, opening.end())
        position = closing.start() if closing else len(text)  # a "<script" inside the code is no element
        if "ld+json" in opening.group(2).lower() and position - opening.end() <= _MAX_JSON_LD_CHARS:
            continue
        kept.append(text[copied_to : opening.end()])
        copied_to = position
    kept.append(text[copied_to:])
    return "".join(kept)


def _parseable_text(text: str) -> str:
    """The text without what lxml cannot take: control characters (refused) and lone surrogates (a str from
    broken input can hold them; libxml2 stops parsing at the first one and drops the rest of the page). A lone
    surrogate becomes U+FFFD, as in a browser."""
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATES.sub("\ufffd", text)
        raw = text.encode("utf-8")
    # a C-speed byte scan before the regex: in UTF-8 the control characters are single bytes, and no byte of a
    # multi-byte sequence is below 0x80
    if len(raw.translate(None, _CONTROL_BYTES)) != len(raw):
        text = _CONTROL_CHARS.sub("", text)
    return text


def _stopped_too_deep(parser: lxml.etree.HTMLParser) -> bool:
    """Whether the parse ended at libxml2's nesting limit (a fatal error: the tree holds only the page above it)."""
    return any(
        error.type == lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT for error in parser.error_log.filter_from_fatals()
    )

"""Finds the article text: the source's own CSS rules when it has them, else our one-pass main-content extractor,
and trafilatura only when that one is unsure.

A configured selector is exact and cheap, but layouts change; when it matches nothing (or only a stub), the page
still gets the generic extractor instead of an empty body. main_content.py reads the tree without copying it and
costs a fraction of trafilatura; it reports how much of the page's prose it kept, and below `_MIN_CONFIDENCE` (a
layout it does not understand) trafilatura decides in its balanced mode: on those odd layouts favor_precision
throws away whole sections of the article, which costs more than the odd teaser line it keeps out.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from typing import Literal

import lxml.html
import trafilatura
from cssselect import SelectorError
from trafilatura.settings import Document

from newscorpus.extract.boilerplate import is_related_label
from newscorpus.extract.main_content import extract_main_content, related_link_lists
from newscorpus.extract.text_lines import element_lines
from newscorpus.extract.words import count_tokens
from newscorpus.sources import ExtractionRules

log = logging.getLogger(__name__)

BodyMethod = Literal["rules", "main_content", "generic", "none"]
# A rules match shorter than this is a stub (a changed layout, a teaser box), not the article
_MIN_RULES_WORDS = 15
# Below this share of the page's prose kept, or this many words, main_content.py's pick is not trusted (words as
# words.py counts them: a Chinese or Japanese story has no spaces to count)
_MIN_CONFIDENCE = 0.3
_MIN_MAIN_CONTENT_WORDS = 30


@dataclass
class BodyResult:
    lines: list[str]
    method: BodyMethod


def extract_body(tree: lxml.html.HtmlElement, url: str, rules: ExtractionRules | None) -> BodyResult:
    """Body lines, one per paragraph (a `<br>` starts a new line), before any text-level cleanup."""
    if rules is not None and rules.body:
        lines = body_by_rules(tree, rules)
        if sum(count_tokens(line) for line in lines) >= _MIN_RULES_WORDS:
            return BodyResult(lines=lines, method="rules")
    main = extract_main_content(tree)
    if main.confidence >= _MIN_CONFIDENCE and sum(count_tokens(line) for line in main.lines) >= _MIN_MAIN_CONTENT_WORDS:
        return BodyResult(lines=main.lines, method="main_content")
    # balanced, not favor_precision: the pages that reach this point are the odd layouts, where precision mode
    # drops whole sections of the article (measured on the extraction dev set: recall 0.16 -> 0.98 on such a page)
    lines = _text_lines(run_trafilatura(tree, url, favor_precision=False))
    return BodyResult(lines=lines, method="generic" if lines else "none")


def _text_lines(document: Document | None) -> list[str]:
    if document is None or not document.text:
        return []
    return [line for line in document.text.split("\n") if line.strip()]


def body_by_rules(tree: lxml.html.HtmlElement, rules: ExtractionRules) -> list[str]:
    """Lines of every element matching `rules.body`, after removing the `rules.drop` elements."""
    if not rules.body:
        return []
    work = copy.deepcopy(tree) if rules.drop else tree  # only removing elements needs a copy of the page
    for selector in rules.drop:
        for element in select(work, selector):
            remove_keeping_tail(element)
    containers = select(work, rules.body)
    matched = set(containers)
    outermost = [c for c in containers if not any(a in matched for a in c.iterancestors())]
    lines = [line for container in outermost for line in element_lines(container)]
    if not any(is_related_label(line) for line in lines):
        return lines
    # a "Baca Juga" label over a list of links to other stories goes with its links, as in main_content.py
    related = {block for container in outermost for block in related_link_lists(container)}
    return [line for container in outermost for line in element_lines(container, leave_out=related)]


def select(tree: lxml.html.HtmlElement, selector: str) -> list[lxml.html.HtmlElement]:
    """CSS matches; a selector cssselect cannot read matches nothing (logged), so one bad rule loses one field."""
    try:
        return list(tree.cssselect(selector))
    except (SelectorError, ValueError) as exc:
        log.warning("extraction rule %r is not a usable CSS selector: %s", selector, exc)
        return []


def remove_keeping_tail(element: lxml.html.HtmlElement) -> None:
    """Removes an element but not the text that follows it inside the parent."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def run_trafilatura(tree: lxml.html.HtmlElement, url: str, *, favor_precision: bool) -> Document | None:
    """trafilatura's extraction of a copy of the tree (it edits what it reads), without the "Baca Juga" /
    "Related articles" boxes main_content.py leaves out; None when it finds nothing."""
    work = copy.deepcopy(tree)
    # trafilatura's text keeps no links: a "Baca Juga" label and the links it heads go before it reads the page
    body = work.find("body")
    for block in related_link_lists(body if body is not None else work):
        remove_keeping_tail(block)
    try:
        result = trafilatura.bare_extraction(
            work,
            url=url or None,
            favor_precision=favor_precision,
            include_comments=False,
            include_tables=True,
            with_metadata=False,
        )
    except Exception as exc:  # a third-party failure on one hostile page must not stop a run
        log.warning("trafilatura failed on %s: %s", url, exc)
        return None
    return result if isinstance(result, Document) else None

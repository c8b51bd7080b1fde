"""Reads an element's text the way a reader sees it: one line per block, `<br>` as a line break, inline tags joined.

`text_content()` glues "Redaktur : Lili Lestari<br>Penulis : Antara" into one string and runs headings into the
paragraph that follows; byline and boilerplate rules work line by line, so they need the lines as rendered.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import lxml.html

BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "head", "title"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b\u2009\u202f\u2060\ufeff]+")
# What _SPACES would change: a space character other than " ", or " " followed by any space character. A line
# without one (most lines) has only single plain spaces, which the substitution would copy as they are.
_SPACES_TO_COLLAPSE = re.compile(
    r"[\t\r\f\v\u00a0\u200b\u2009\u202f\u2060\ufeff]| [ \t\r\f\v\u00a0\u200b\u2009\u202f\u2060\ufeff]"
)
_INDEX_TAGS = frozenset({"sub", "sup"})  # "H2O", "10th": glued to what comes before them
_LINE_BREAKS = BLOCK_TAGS | {"br"}
_NOT_RUN_ON = _LINE_BREAKS | _INDEX_TAGS


def normalize_space(text: str) -> str:
    """Collapses runs of spaces (incl. no-break and zero-width ones) and trims."""
    if _SPACES_TO_COLLAPSE.search(text) is None:  # a search builds no new string: cheaper than the substitution
        return text.strip()
    return _SPACES.sub(" ", text).strip()


def normalize_block(text: str) -> str:
    """normalize_space, but a block that keeps its own lines (a <pre>'s code) keeps them and their indentation."""
    if "\n" not in text:
        return normalize_space(text)
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n") if line.strip())


def lines_below_story(page_lines: list[str], body_lines: list[str], count: int) -> list[str]:
    """The `count` page lines printed just under the story's last line (its credits, the writer's bio), or [] when
    that line is not found among the page's."""
    if not body_lines:
        return []
    last = body_lines[-1]
    end = next((i for i in range(len(page_lines) - 1, -1, -1) if page_lines[i] == last), None)
    return [] if end is None else page_lines[end + 1 : end + 1 + count]


def element_lines(element: lxml.html.HtmlElement, *, leave_out: Collection[lxml.html.HtmlElement] = ()) -> list[str]:
    """Non-empty visible lines of the element, in document order; the `leave_out` subtrees are not read (their
    tails are)."""
    parts: list[str] = []
    _collect(element, parts, leave_out)
    # most pieces between block boundaries are empty: skip them before the regex
    lines = (normalize_space(line) for line in "".join(parts).split("\n") if line and not line.isspace())
    return [line for line in lines if line]


def _collect(element: lxml.html.HtmlElement, parts: list[str], leave_out: Collection[lxml.html.HtmlElement]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in INVISIBLE_TAGS or not tag or (leave_out and element in leave_out):
        # comments and processing instructions have a callable tag; their tail is still page text
        if element.tail:
            parts.append(element.tail.replace("\n", " "))
        return
    is_block = tag in BLOCK_TAGS
    if is_block:
        parts.append("\n")
    if tag == "br":
        parts.append("\n")
    if element.text:
        parts.append(element.text.replace("\n", " "))
    runs_on = False  # the previous child is inline and has no tail: the next one's text starts where its ends
    for child in element:
        child_tag = child.tag
        if runs_on and parts and child_tag not in _NOT_RUN_ON and isinstance(child_tag, str):
            start = len(parts)
            _collect(child, parts, leave_out)
            if len(parts) > start and _apart(parts[start - 1][-1], parts[start][0]):
                parts[start] = " " + parts[start]
        else:
            _collect(child, parts, leave_out)
        runs_on = not child.tail and child_tag not in _LINE_BREAKS
    if is_block:
        parts.append("\n")
    if element.tail:
        parts.append(element.tail.replace("\n", " "))


def _apart(before: str, after: str) -> bool:
    """Whether a space goes between two sibling elements' texts that meet with none between them, `before` the last
    character of the one and `after` the first of the next: where the join would run two words together
    ("…Specialist" + "Feb. 1, 2023", "…2021" + "Updated:", "Read time" + "5" + "min" are apart as a reader sees
    them). A letter and a lower-case letter stay glued, so a word split by its markup across siblings
    ("<b>W</b><i>ord</i>") stays whole; a child's text after its parent's ("e<i>x</i>ample"), a tail after its
    element ("<b>W</b>ord") and a sub- or superscript ("10<sup>th</sup>") are never set apart."""
    if not before.isalnum() or not after.isalnum():
        return False
    return after.isupper() or before.isdigit() != after.isdigit()

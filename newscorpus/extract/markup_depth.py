"""Caps how deeply a page's markup nests, before lxml parses it, the way browsers flatten absurd nesting.

libxml2 stops parsing at nesting depth 256 (2048 with huge_tree) and drops everything after that point: a page
opening 300 `<font>` or `<div>` tags it never closes loses its whole article, while a browser still shows it
(Blink attaches elements past depth 512 to the element at that depth). The extractor's tree walkers also recurse
once per level, so a tree thousands of levels deep would end a page in RecursionError.

`cap_nesting` rewrites the markup so that no start tag opens deeper than `max_depth` by a naive count of open
elements: at the cap, the innermost open element is closed just before the new one opens, so the new element
becomes its sibling. Every element stays an element (hidden ones stay hidden) and all text keeps its order; only
the nesting past the cap changes. The count is naive (no HTML tree-building rules), so it can only overestimate
how deep libxml2 nests the result, plus the few elements the parser implies (html, body).
"""

from __future__ import annotations

import re

# A tag's start: "<div", "</div"; the attributes and ">" are left as they are.
_TAG_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]*)")
# Elements whose content is text, not markup (a "<div" inside a script is not a tag), with their end tag
# (document.py finds the end of scripts and styles with them too).
RAW_TEXT_ENDS = {
    name: re.compile(rf"</{name}", re.IGNORECASE)
    for name in ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
}
_VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)


def cap_nesting(text: str, max_depth: int) -> str:
    """The markup with start tags past `max_depth` open elements turned into siblings of the innermost one."""
    stack: list[str] = []
    force_closed: dict[str, int] = {}  # elements closed early whose own end tag is still to come: drop it then
    out: list[str] = []
    copied_to = 0
    position = 0
    while True:
        match = _TAG_START.search(text, position)
        if match is None:
            break
        is_end, name = match.group(1) == "/", match.group(2).lower()
        position = match.end()
        if is_end:
            if stack and stack[-1] == name:
                stack.pop()
            elif force_closed.get(name):
                force_closed[name] -= 1
                tag_end = text.find(">", position)
                out.append(text[copied_to : match.start()])
                copied_to = position = len(text) if tag_end == -1 else tag_end + 1
            elif name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name) :]
            continue
        if name in _VOID_TAGS:
            continue
        if len(stack) >= max_depth:
            closed = stack.pop()
            force_closed[closed] = force_closed.get(closed, 0) + 1
            out.append(text[copied_to : match.start()])
            out.append(f"</{closed}>")
            copied_to = match.start()
        stack.append(name)
        raw_text_end = RAW_TEXT_ENDS.get(name)
        if raw_text_end is not None:
            # skip the content; an unclosed script runs to the end of the page, as it does in a browser
            close = raw_text_end.search(text, position)
            position = len(text) if close is None else close.start()
    out.append(text[copied_to:])
    return "".join(out)

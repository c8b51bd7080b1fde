"""The writers of a piece another site republishes under The Conversation's Creative Commons licence.

The republishing site's own byline names whoever posted the piece ("by Clemson News", "Staff"), while the
Conversation's republish snippet, pasted as it comes, credits the academics who wrote it: a line "Name, Institution"
over the text and "Name, Title, Institution" over "This article is republished from The Conversation", each name
linked to the writer's profile. Thousands of news and university sites run these pieces, so the profile links are a
credit worth reading before the page's own byline.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html

from newscorpus.extract.titles import folded_key

_CONVERSATION_HOST = re.compile(r"(?:^|\.)theconversation\.com$", re.IGNORECASE)
_PROFILE_PATH = re.compile(r"^/profiles/(?P<slug>[^/?#]+?)(?:-\d+)?/?$")
_MAX_NAME_CHARS = 80


def conversation_authors(tree: lxml.html.HtmlElement) -> list[str]:
    """The names linked to their Conversation profiles, in page order; [] on any other page. A link counts only
    when its profile's address spells its text, as the snippet's links do ("/profiles/shelia-r-cotten-309429")."""
    names: list[str] = []
    for anchor in tree.xpath("//a[contains(@href, 'theconversation.com/profiles/')]"):
        href = urlsplit(anchor.get("href") or "")
        match = _PROFILE_PATH.match(href.path)
        if match is None or not _CONVERSATION_HOST.search(href.hostname or ""):
            continue
        name = " ".join((anchor.text_content() or "").split())
        if name and len(name) <= _MAX_NAME_CHARS and folded_key(name) == folded_key(match.group("slug")):
            if name not in names:
                names.append(name)
    return names

"""The writer named by the bio printed right after the story: "Julia Gralberg is a freelance travel writer, editor
of Hotel & Resort Guide …", the contributor's note guest posts and magazines close with when the page has no byline.
Only the lines just below the story's last line count: a sentence inside the story ("Ann Lee is a reporter who …")
is about someone, not by them.
"""

from __future__ import annotations

import re

from newscorpus.extract.credit_names import looks_like_name
from newscorpus.extract.text_lines import lines_below_story

_BELOW_STORY_LINES = 8  # the bio box sits under the story, before comments, related posts and the footer
_BIO = re.compile(
    r"^(?P<name>[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){1,3})\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:writer|journalist|author|editor|blogger|reporter|contributor|correspondent|columnist|freelancer)s?\b"
)

_BIO_HEADING = re.compile(r"^(?:about\s+the\s+(?:author|writer)s?|meet\s+the\s+author)\s*:?$", re.IGNORECASE)
_ANY_BIO = re.compile(r"^(?P<name>[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){1,3})\s+(?:is|was|has\s+been)\s")


def author_from_closing_bio(page_lines: list[str], body_lines: list[str]) -> str | None:
    """The name a writer's bio just below the story opens with, or None. Under an "About the Author" heading any
    "Name is …" sentence is the writer's bio ("Marisol Vega is the founding attorney of …")."""
    previous = ""
    for line in lines_below_story(page_lines, body_lines, _BELOW_STORY_LINES):
        match = _BIO.match(line) or (_BIO_HEADING.match(previous) and _ANY_BIO.match(line))
        if match and looks_like_name(match.group("name"), strict=True):
            return match.group("name")
        previous = line
    return None

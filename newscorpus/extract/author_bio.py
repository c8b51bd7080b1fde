"""A writer's bio around the story. Below it, the bio names the writer when the page has no byline: "Julia Gralberg is
a freelance travel writer, editor of Hotel & Resort Guide …", the contributor's note guest posts and magazines close
with. Only the lines just below the story's last line count: a sentence inside the story ("Ann Lee is a reporter who
…") is about someone, not by them. Closing the story, the credited writer's bio is no part of the text.
"""

from __future__ import annotations

import re

from newscorpus.extract.credit_names import ABOUT_THE_AUTHOR, looks_like_name
from newscorpus.extract.text_lines import lines_below_story

_BELOW_STORY_LINES = 8  # the bio box sits under the story, before comments, related posts and the footer
_BIO = re.compile(
    r"^(?P<name>[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){1,3})\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:writer|journalist|author|editor|blogger|reporter|contributor|correspondent|columnist|freelancer)s?\b"
)

# the credited writer's name, then her bio: "Theodore Grant is a retired …", "…, writes about housing"
_BIO_VERB = re.compile(
    r",?\s+(?:is|was|has\s+been|writes|covers|adalah|merupakan|ialah)\s|"
    # detik's and Kompas' column bios name the writer's role straight after her name: "Rahmat Hidayatullah peneliti
    # kebijakan transportasi di …", "Ani Lestari, dosen Fakultas Hukum …"
    r",?\s+(?:peneliti|dosen|pengamat|mahasiswa|penulis|guru|alumnus|alumni|pegiat|aktivis|praktisi|analis|"
    r"jurnalis|wartawan|pemerhati|ketua|direktur|kepala|anggota|pendiri|staf|konsultan)\b",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor|Rev|Sir|Dame)\.?\s+")
_BIO_MIN_STORY_LINES = 3
_BIO_MAX_WORDS = 70
_ANY_BIO = re.compile(r"^(?P<name>[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){1,3})\s+(?:is|was|has\s+been)\s")


def author_from_closing_bio(page_lines: list[str], body_lines: list[str]) -> str | None:
    """The name a writer's bio just below the story opens with, or None. Under an "About the Author" heading any
    "Name is …" sentence is the writer's bio ("Marisol Vega is the founding attorney of …")."""
    previous = ""
    for line in lines_below_story(page_lines, body_lines, _BELOW_STORY_LINES):
        match = _BIO.match(line) or (ABOUT_THE_AUTHOR.match(previous) and _ANY_BIO.match(line))
        if match and looks_like_name(match.group("name"), strict=True):
            return match.group("name")
        previous = line
    return None


def without_closing_bio(lines: list[str], authors: list[str]) -> list[str]:
    """The story without the credited writer's bio closing it: "Theodore Grant is a retired civics teacher … The
    views expressed in this column are his own." Only a short last paragraph opening with her full name and "is"."""
    if len(lines) < _BIO_MIN_STORY_LINES or len(lines[-1].split()) > _BIO_MAX_WORDS:
        return lines
    last = _HONORIFIC.sub("", lines[-1])  # "Dr. Priya Raman is a family physician …" under Priya Raman's op-ed
    for author in authors:
        if len(author.split()) >= 2 and last.startswith(author) and _BIO_VERB.match(last, len(author)):
            return lines[:-1]
    return lines


def without_name_lines(lines: list[str], authors: list[str]) -> list[str]:
    """The story without lines that are only a credited writer's full name: a live blog's contributor over each of
    its entries, a sign-off under the text. The byline has them; as text they are noise."""
    names = {author.casefold() for author in authors if len(author.split()) >= 2}
    if not names:
        return lines
    return [line for line in lines if line.casefold() not in names]

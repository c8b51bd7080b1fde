"""The owner of a personal site as the writer of its posts. A personal blog rarely prints a byline: the site itself
is the byline (its name in the header, the share cards and the <title>; its owner in the copyright line). When no
byline, declaration or author widget names anyone, the owner is the author, but only when the site is a person's:
the post is written as "I", not "we"; two kinds of evidence give the same name ("© 2025 Toby Hede" under a header
linking home as "toby/hede"; og:site_name "Owain Brennan" and the header's <h1>); it reads as a name; and none of
its words is one the page writes in lower case. An outlet or a business passes the naming tests ("Koran Jakarta",
"Brightwater Credit Union" in header, title and copyright line alike), not the first person or the last test:
"Top Gear", "Bread Dad" are words the page uses ("the best bread machines"); "Toby", "Hede" are not.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from newscorpus.extract.credit_names import ORGANISATION_WORD, looks_like_name
from newscorpus.extract.text_lines import normalize_space
from newscorpus.extract.titles import TITLE_SEPARATOR, folded_key

# "© 2025 Toby Hede. All rights reserved.", "Copyright © 2019–2025 Jane Doe", "(c) 2024 by Ann Lee |"
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–—]\s*(?:\d{4}|present))?\s*)?(?:by\s+)?"
    r"(?P<name>[^\W\d_][^.,;|©\n]{1,58}?)\s*(?:[.,;|]|all rights|$)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")
# the writer speaking of themself (English, Indonesian, Malay, German, Dutch, French) and of their company
_FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]y|[Ss]aya|[Aa]ku|[Ii]ch|[Ii]k|[Jj]e|[Jj]['’])\b")
_FIRST_PERSON_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Kk]ami|[Ww]ir|[Ww]ij|[Nn]ous)\b")
_MIN_FIRST_PERSON = 3
# "gear", "bread" in the page's text: no capital anywhere, not part of an address or a handle ("toby/hede")
_LOWER_WORD = re.compile(r"(?<![\w./@-])[^\W\d_A-Z]+(?![\w/@-])(?!\.\w)")
_VISIBLE_TEXT = lxml.etree.XPath("//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")
_NAME_WORDS = (2, 3)  # "Toby Hede", "Sergio Martínez Beltrán": a first name and one or two more
_HOME_PATHS = frozenset({"", "/", "/index.html"})
# what names a site or a business but not a person, besides the words of an organisation: "Engora Data Blog",
# "Ovolo Hotels", "Bread Dad Reviews"
_SITE_WORD = re.compile(
    r"\b(?:blog|club|company|studio|labs?|network|reviews?|weekly|shop|store|guides?|kitchen|hotels?|resorts?|travel"
    r"|foods?|farms?|homes?|health|clinic|design|digital|consulting|solutions|services|systems|partners|capital"
    r"|ventures|marketing|academy|photography|collective|works|insights|tech|software|games|films|records|books"
    r"|publishing|bakery|cafe|coffee|co|hq|online|world|life|living|official)\b",
    re.IGNORECASE,
)


def author_from_site_owner(
    tree: lxml.html.HtmlElement, site_names: list[str | None], body_lines: list[str]
) -> str | None:
    """The person whose name is the site's (see the module's docstring), or None. `site_names` are the declared
    ones (og:site_name, the <title>, whose parts after the headline may name the site)."""
    if not _written_in_first_person(body_lines):
        return None
    header_names = _header_names(tree)
    holders = _copyright_holders(tree)
    declared = [part for text in site_names if text for part in TITLE_SEPARATOR.split(normalize_space(text))]
    kinds = [{folded_key(name) for name in found} for found in (header_names, holders, declared)]
    named = [
        name
        for name in [*declared, *header_names, *holders]
        if _is_person_name(name) and sum(folded_key(name) in keys for keys in kinds) >= 2
    ]
    if not named:
        return None
    # "Top Gear", "Bread Dad": words the page also writes in lower case are words, not a name
    lower_words = set(_LOWER_WORD.findall(" ".join(_VISIBLE_TEXT(tree))))
    return next((name for name in named if not any(w.casefold() in lower_words for w in _WORD.findall(name))), None)


def _written_in_first_person(lines: list[str]) -> bool:
    """An owner writes as "I"; a company's or an outlet's site writes as "we", about others, or to "you"."""
    text = "\n".join(lines)
    singular = len(_FIRST_PERSON_SINGULAR.findall(text))
    return singular >= _MIN_FIRST_PERSON and singular > len(_FIRST_PERSON_PLURAL.findall(text))


def _is_person_name(text: str) -> bool:
    words = text.split()
    return (
        _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1]
        and all(word[0].isupper() and word.replace("-", "").replace("'", "").isalpha() for word in words)
        and not any(len(word) > 1 and word.isupper() for word in words)  # "UVA SCPS": initials of an institution
        and words[0].casefold() not in {"the", "a", "an", "my", "our"}
        and not ORGANISATION_WORD.search(text)
        and not _SITE_WORD.search(text)
        and looks_like_name(text, strict=True)
    )


def _header_names(tree: lxml.html.HtmlElement) -> list[str]:
    """The site's name as its header prints it: the heading or the home link of the page's <header> (outside the
    article), where a personal site puts its owner's name."""
    names: list[str] = []
    for header in tree.iter("header"):
        if any(ancestor.tag in ("article", "main") for ancestor in header.iterancestors()):
            continue
        for element in header.iter("h1", "h2", "a"):
            if element.tag == "a" and urlsplit(element.get("href") or "").path not in _HOME_PATHS:
                continue
            text = normalize_space(element.text_content())
            if text:
                names.append(text)
    return names


def _copyright_holders(tree: lxml.html.HtmlElement) -> list[str]:
    """The holders the copyright lines of the page's footers name ("© 2025 Toby Hede. All rights reserved.")."""
    holders: list[str] = []
    for footer in tree.iter("footer"):
        for match in _COPYRIGHT.finditer(normalize_space(footer.text_content())):
            holders.append(match.group("name").strip())
    return holders

"""Decides who is credited: authors, editors and the wire agency, from the text's credit lines and the metadata.

Credit lines in the text name roles ("Rep:", "Red:", "Pewarta:"), metadata does not (Republika's feed puts the
editor in dc:creator), so labelled lines decide first and metadata fills in what they leave open. A wire service
is never a person: wherever it appears it becomes the agency.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newscorpus.extract.agencies import desk_credit, wire_service
from newscorpus.extract.credit_names import (
    CREDENTIAL,
    JOB_TITLE,
    ORGANISATION_WORD,
    Byline,
    looks_like_name,
    without_filing_place,
    without_outlet_suffix,
    without_trailing_role,
)
from newscorpus.extract.reporter_credits import without_role_word
from newscorpus.extract.stamp_labels import STAMP_LABEL_WORDS

# "by" in the languages of bylines._LEADING_BY ("Door Anne de Vries", "Von Peter Müller"), before a capital; Italian
# "di" only in lower case ("Di Maio" is a surname)
_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted)\s+by|by|oleh|penulis|authors?|reporter|(?:von|par|por|door|av|(?-i:di))(?=\s+(?-i:[A-ZÀ-Þ])))"
    r"\s*:?\s+",
    re.IGNORECASE,
)
# Byline widgets run the name into the next label: "Luke Kim December 3, 2025", "Craig McCarthy Last updated",
# "Agnès Leclair Publié le".
_TRAILING_LABEL = re.compile(rf"\s+{STAMP_LABEL_WORDS}\b.*$", re.IGNORECASE)
# "Luke Kim December 3": a month after a full name is the date label ("May" is also a surname, so it stays).
_TRAILING_MONTH = re.compile(
    r"^(\S+\s+\S+.*?)\s+(?:january|february|march|april|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?(?:\s+\d.*)?$",
    re.IGNORECASE,
)
_NOT_AUTHOR = re.compile(r"^(?:updated|reviewed|fact[- ]checked|medically\s+reviewed)\s+by\b", re.IGNORECASE)
# health publishers run several labelled credits into one line: "Medically reviewed by X — Written by Y"
_PART_SEPARATOR = re.compile(r"\s+[—–|·•]\s+|\s*[|·•]\s*")
_PLACEHOLDERS = frozenset(
    {"author", "the author", "authors", "admin", "administrator", "unknown", "user", "guest", "anonymous", "by"}
    | {"super user", "superuser", "webmaster", "webadmin", "site admin"}  # Joomla's and old CMSs' default accounts
)
# "View All Articles by This Author", "More from our team": a role named with a determiner is nobody's name
_ROLE_PHRASE = re.compile(
    r"^(?:this|that|the|our|your|my|his|her|their|its)\s+(?:author|writer|contributor|editor|team|staff)s?$",
    re.IGNORECASE,
)
# "View All Articles by This Author", "More posts from Jane Doe": an author box's link, not a credit
_MORE_BY_LINK = re.compile(r"^(?:view|see|read|browse|more|all)\b.*\b(?:by|from)\b", re.IGNORECASE)
# "Lizzie Streit, MS, RDN, LD": degrees and post-nominals split off a byline are not further authors
_SPLIT = re.compile(r"\s*(?:;|\||&|\band\b|\bdan\b)\s*", re.IGNORECASE)
# An organisation's name holding "and": "Kementerian Komunikasi dan Informatika", "Department of Health and Human
# Services", "Halvorsen & Partners". It is one credit, not two
_ORGANISATION_WITH_AND = re.compile(
    r"^(?:(?:the\s+)?(?:ministry|kementerian|kementrian|department|dinas|badan|council|commission|committee|bureau|"
    r"office)\b.*\s(?:and|dan|&)\s.+|.+\s(?:&|and)\s+(?:partners|associates|sons|co\.?|company)\b.*"
    r"|.+\s&\s.+\s(?:staff|team|editors|desk|newsroom))$",  # "Summit & Trail Staff": the shop's own desk
    re.IGNORECASE,
)
_DECLARED_JOB_MIN_WORDS = 2


@dataclass
class Credits:
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    agency: str | None = None


def decide_credits(
    byline: Byline,
    *,
    metadata_authors: list[str],
    metadata_organisations: list[str],
    metadata_editors: list[str],
    dateline_agency: str | None,
    fallback_authors: Callable[[], str | None] | None = None,
    reviewed_creators: list[str] | None = None,
) -> Credits:
    """Authors from labelled lines, else declared persons, else the (lazily asked) heuristic guess from the page's
    byline markup, else the name signing the story's last paragraph, else declared organisations. A wire service
    always becomes the agency instead. The makers of a reviewed work are never the review's authors."""
    agencies = list(byline.agencies)
    if dateline_agency:
        agencies.append(dateline_agency)
    editors = _unique(byline.editors + [n for raw in metadata_editors for n in split_names(raw)])
    # only a labelled "Red:"/"Editor:" line proves a declared author is really the desk editor (Republika's feed);
    # a JSON-LD editor who is also the declared author stays an author
    editor_keys = {_key(e) for e in byline.editors}
    # a photographer who is also credited as a writer ("Words by A and B · Photographs by B") stays an author
    credited_otherwise = {_key(n) for n in byline.others} - {_key(n) for n in byline.authors}
    not_author_keys = editor_keys | credited_otherwise | {_key(n) for n in reviewed_creators or []}

    def credited(raws: list[str]) -> list[str]:
        found = []
        for raw in raws:
            for name in (
                without_role_word(_without_declared_job(n)) for part in _credit_parts(raw) for n in split_names(part)
            ):
                agency = wire_service(name)
                if agency is not None:
                    agencies.append(agency)
                elif _key(name) not in not_author_keys and not desk_credit(name):
                    found.append(name)
        return _unique(found)

    credited_by_line = [
        a
        for a in byline.authors
        if _key(a) not in not_author_keys
        and not CREDENTIAL.match(a)
        and not desk_credit(a)
        and a.casefold() not in _PLACEHOLDERS  # "Ditulis oleh: Super User", Joomla's account
    ]
    authors = _unique([clean_name(a) for a in credited_by_line])
    authors = _confirmed_by_metadata(authors, [name for name in metadata_authors if _key(name) not in not_author_keys])
    if not authors:
        authors = credited(metadata_authors)
        signed = credited(byline.signed)
        if authors and {_key(a) for a in authors} < {_key(s) for s in signed}:
            authors = signed  # the story is signed by the declared author and more ("A và B", JSON-LD names only A)
        elif signed and authors and all(ORGANISATION_WORD.search(a) for a in authors):
            authors = signed  # a letter signed "— Margaret Olsen, Hadley" on a page declaring "Beacon Staff"
    if not authors and not (byline.authors or byline.agencies) and fallback_authors is not None:
        # before a declared organisation: sites declare the publisher as author and print the person's byline. A
        # printed "Editor : Heryadi" line names the desk editor, not who wrote it: it does not end the search, and
        # credited() keeps the editor out of what the guess finds
        guess = fallback_authors()
        authors = credited([guess]) if guess else []
        if {_key(a) for a in authors} <= {_key(o) for o in metadata_organisations}:
            authors = []  # the guess found the outlet's own account ("Bali Post" in the author box): no person yet
    if not authors and not (byline.authors or byline.agencies):
        # the bare name that signs the story's last paragraph, when nothing else names a person
        authors = credited(byline.signed)
    if not authors:
        authors = credited(metadata_organisations)
    return Credits(authors=authors, editors=editors, agency=agencies[0] if agencies else None)


def _credit_parts(raw: str) -> list[str]:
    """The parts of a credit line that may name authors: "Medically reviewed by X — Written by Y — Updated on …"
    is three labelled parts, and only the reviewer's is not an author's."""
    return [part for part in _PART_SEPARATOR.split(raw.strip()) if part.strip() and not _NOT_AUTHOR.match(part.strip())]


def _without_declared_job(name: str) -> str:
    """ "Jenna Paulsen Staff Writer" -> "Jenna Paulsen": TownNews BLOX declares the byline's job title as part of
    the name. Only a job of two words or more goes: a one-word "Teacher" may be the name ("Your Native Teacher").
    A Japanese display name's tagline after a full-width bar goes too: note.com's "はるか｜デザイナー"."""
    name = name.split("｜", 1)[0].strip() or name
    person = without_trailing_role(name)
    return person if len(name.split()) - len(person.split()) >= _DECLARED_JOB_MIN_WORDS else name


def _confirmed_by_metadata(authors: list[str], metadata_authors: list[str]) -> list[str]:
    """When the declared authors are all among the byline's names, the byline's other pieces must look like full
    names to stay: "Shannon Williams, Journalist" is one author and her job title, not two authors. A byline piece
    that runs a declared name into a bio ("Shivkumar M Head Product Launches") is cut back to the name."""
    declared_names = [
        _without_declared_job(name)
        for raw in metadata_authors
        for part in _credit_parts(raw)
        for name in split_names(part)
    ]
    declared = {_key(name) for name in declared_names}
    authors = _unique([_declared_prefix(a, declared_names) or a for a in authors])
    printed = {_key(a) for a in authors}
    if printed and printed < declared:
        # the byline printed some of the declared persons ("By Priya Raman, Energy Editor, and Ben Schultz" read
        # only as far as the job title): the declaration lists them all
        return _unique(declared_names)
    if not declared or not declared <= printed:
        return authors
    return [a for a in authors if _key(a) in declared or (len(a.split()) >= 2 and looks_like_name(a, strict=True))]


def _declared_prefix(author: str, declared_names: list[str]) -> str | None:
    words = author.split()
    for name in declared_names:
        size = len(name.split())
        if size < len(words) and _key(" ".join(words[:size])) == _key(name):
            return name
    return None


_ROLE_AND_PLACE = re.compile(r"(?:Kontributor|Koresponden|Contributor|Correspondent)\s+[A-Z]\w+(?:\s+[A-Z]\w+)?$")


def split_names(raw: str) -> list[str]:
    """ "By Jane Doe and John Roe" -> ["Jane Doe", "John Roe"]; "Doe, Jane" stays one name."""
    raw = without_filing_place(_BY_PREFIX.sub("", raw.strip()))
    if _ORGANISATION_WITH_AND.match(raw):
        return [clean_name(raw)]  # credited whole, as an organisation without "and" in its name is
    pieces = [p.strip(" ,.") for p in _SPLIT.split(raw) if p.strip(" ,.")]
    names: list[str] = []
    for piece in pieces:
        commas = [c.strip() for c in piece.split(",") if c.strip()]
        if len(commas) > 1 and all(len(c.split()) >= 2 for c in commas):
            # "Walt Prendergast, Club Secretary": a job title after the name is no further author
            # "Kontributor Semarang, Titis Anis Fauziyah": Kompas' regional credit, the role and place come first
            names.extend(
                c
                for index, c in enumerate(commas)
                if (index == 0 and not _ROLE_AND_PLACE.match(c)) or (index > 0 and not JOB_TITLE.search(c))
            )
        else:
            names.append(piece)
    names = [clean_name(n) for n in names]
    return [
        n
        for n in names
        if n.casefold() not in _PLACEHOLDERS
        and not _ROLE_PHRASE.match(n)
        and not _MORE_BY_LINK.match(n)
        and not CREDENTIAL.match(n)
        and (looks_like_name(n, strict=False) or wire_service(n))
    ]


def clean_name(name: str) -> str:
    """A credited name without the byline widget's leftovers: label prefix, avatar initials, trailing date label,
    the name printed twice."""
    name = _BY_PREFIX.sub("", name.strip())
    name = without_role_word(_TRAILING_MONTH.sub(r"\1", _TRAILING_LABEL.sub("", name)))
    words = name.split()
    if len(words) >= 3 and words[0].isupper() and words[0] == "".join(w[0] for w in words[1:]):
        name = " ".join(words[1:])  # "CM Craig McCarthy": the avatar's initials
    return _undouble(without_outlet_suffix(name))


def _undouble(name: str) -> str:
    """ "Colin Gray Colin Gray" (a name rendered twice, e.g. avatar alt + link) -> "Colin Gray"."""
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for name in names:
        if _key(name) not in seen:
            seen.add(_key(name))
            result.append(name)
    return result


def _key(text: str) -> str:
    return "".join(re.findall(r"\w+", text.casefold()))

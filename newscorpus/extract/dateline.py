"""Cuts the dateline ("MOSKOW - ", "Jakarta (ANTARA) - ", "REPUBLIKA.CO.ID, JAKARTA -- ", "JAKARTA, KOMPAS.com - ",
"KONTAN.CO.ID - JAKARTA. ")
off the first paragraph so the body starts with the story, and keeps the place (and a credited wire) as fields.

A place is accepted in capitals ("NEW YORK"), or in any case when a wire credit follows it ("Jakarta (ANTARA)"),
so an ordinary sentence with a dash ("Menurut dia - ...") is never cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newscorpus.extract.agencies import wire_service

_DASH = r"\s*(?:-{1,2}|–|—)\s+"
_CAPS_PLACE = r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}(?:,\s*[A-Z][A-Z.]+)?"
_ANY_PLACE = r"[A-Z][\w.'’]+(?:[ -][A-Z][\w.'’]+){0,3}"
_OUTLET = r"[A-Za-z][\w-]*(?:\.[A-Za-z]+){1,2}"  # KOMPAS.com, REPUBLIKA.CO.ID, Bisnis.com
_US_DAY = r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # "LONDON, May 19 (Reuters) -"

_PATTERNS = (
    re.compile(rf"^(?P<outlet>{_OUTLET}){_DASH}(?P<place>{_CAPS_PLACE})\.\s+"),  # Kontan's "KONTAN.CO.ID - JAKARTA."
    re.compile(rf"^(?P<outlet>{_OUTLET})\s*,\s*(?P<place>{_CAPS_PLACE}){_DASH}"),
    re.compile(rf"^(?P<place>{_CAPS_PLACE})\s*,\s*(?P<outlet>{_OUTLET}){_DASH}"),
    re.compile(rf"^(?P<place>{_ANY_PLACE}){_US_DAY}\s*\((?P<agency>[^()]{{2,40}})\){_DASH}"),
    re.compile(rf"^(?P<place>{_CAPS_PLACE}){_US_DAY}{_DASH}"),
)
_MIN_REST_WORDS = 5
# Capitalised kickers that precede a dash like a place does
_KICKERS = frozenset(
    {
        "UPDATE",
        "UPDATED",
        "EXCLUSIVE",
        "BREAKING",
        "VIDEO",
        "FOTO",
        "PHOTO",
        "PHOTOS",
        "OPINION",
        "OPINI",
        "ANALYSIS",
        "ANALISIS",
        "EDITORIAL",
        "LIVE",
        "WATCH",
        "INFOGRAFIS",
        "ADVERTORIAL",
        "EKSKLUSIF",
        "TERKINI",
        "BREAKING NEWS",
        "HOAKS",
        "CEK FAKTA",
    }
)


@dataclass(frozen=True)
class Dateline:
    place: str
    agency: str | None  # canonical wire name when the dateline credits one


def cut_dateline(paragraph: str) -> tuple[str, Dateline | None]:
    """(paragraph without its dateline, the dateline) or (paragraph, None) when it has none."""
    for pattern in _PATTERNS:
        match = pattern.match(paragraph)
        if match is None:
            continue
        rest = paragraph[match.end() :].strip()
        if len(rest.split()) < _MIN_REST_WORDS:
            continue
        groups = match.groupdict()
        agency = None
        if groups.get("agency"):
            agency = wire_service(groups["agency"])
            if agency is None:
                continue  # "Jakarta (foto) - " is not a credit
        place = groups["place"].strip().rstrip(",")
        if place.isupper() and len(place.replace(".", "")) < 3:
            continue
        if wire_service(place) is not None or place.upper() in _KICKERS:
            continue  # "REUTERS - ..." credits, it does not place
        return rest[0].upper() + rest[1:], Dateline(place=place, agency=agency)
    return paragraph, None

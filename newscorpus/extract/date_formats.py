"""Reads a date with the formats a source declares (`extraction.date_format` in the registry, strptime codes).

The generic reader guesses: "03/08/2026" is 3 August on an Indonesian page and March 8 on a US one, and it decides
by the page's language. A source whose pages are known can say instead: `date_format: "%d/%m/%Y, %H:%M"`. Dates
are printed inside other words ("Kompas.com, 03/08/2026, 17:53 WIB"), so the format is tried on every run of a
few words of the text, longest first, and month names in any language the generic reader knows are put into
English first, so `%B` reads "Agustus" and `%b` reads "Agu".
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime, timedelta

from newscorpus.extract.dates import MONTHS, PageDate, to_page_date
from newscorpus.extract.zones import ZONE_ABBREVIATIONS

# A date with its time and zone is rarely more than this many words ("Senin, 03 Agustus 2026 | 17:53 WIB").
_MAX_WORDS = 8
_EDGE_PUNCTUATION = " ,.;|()[]"
_TIME_CODES = ("%H", "%I", "%M", "%X", "%c", "%T", "%R")
_WORD = re.compile(r"[^\W\d_]+")
_ZONE_WORD = re.compile(r"\s+(?P<zone>[A-Z]{2,5})$")


def parse_with_formats(text: str, formats: tuple[str, ...], *, timezone_name: str) -> PageDate | None:
    """The first date in `text` that one of `formats` reads (formats in order of preference), in the source's zone
    unless the format states an offset (`%z`) or the text ends in a zone abbreviation the reader knows ("WIB")."""
    words = text.split()
    for start in range(len(words)):
        for end in range(min(len(words), start + _MAX_WORDS), start, -1):
            candidate = " ".join(words[start:end]).strip(_EDGE_PUNCTUATION)
            if not candidate:
                continue
            for date_format in formats:
                found = _parse(candidate, date_format, timezone_name)
                if found is not None:
                    return found
    return None


def _parse(candidate: str, date_format: str, timezone_name: str) -> PageDate | None:
    stated: timedelta | None = None
    zone = _ZONE_WORD.search(candidate)
    if zone is not None and zone.group("zone") in ZONE_ABBREVIATIONS and "%Z" not in date_format:
        stated = ZONE_ABBREVIATIONS[zone.group("zone")]
        candidate = candidate[: zone.start()]
    try:
        parsed = datetime.strptime(_english_months(candidate, date_format), date_format)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        stated = parsed.utcoffset()
        parsed = parsed.replace(tzinfo=None)
    has_time = any(code in date_format for code in _TIME_CODES)
    return to_page_date(parsed, stated, timezone_name, has_time)


def _english_months(text: str, date_format: str) -> str:
    """The text with every month name the generic reader knows written as strptime's %B (or %b) expects."""
    if "%B" not in date_format and "%b" not in date_format:
        return text
    names = calendar.month_name if "%B" in date_format else calendar.month_abbr

    def english(match: re.Match[str]) -> str:
        month = MONTHS.get(match.group(0).lower())
        return names[month] if month else match.group(0)

    return _WORD.sub(english, text)

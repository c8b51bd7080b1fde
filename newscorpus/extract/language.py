"""The article's language, as an ISO 639-1 code.

For now the page's own declarations decide (<html lang>, then meta tags, then the source's configured language).
`text` is already passed in so that an offline identifier can later check the declaration against the words
(Indonesian sites with a template's lang="en" are the known failure) without changing any caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_LEGACY_CODES = {"in": "id", "iw": "he", "ji": "yi", "jw": "jv"}
_NOT_A_LANGUAGE = frozenset({"x", "und", "mul", "zxx", "mis", "xx"})
_PRIMARY = re.compile(r"^[a-z]{2,3}$")


def detect_language(text: str, hints: Iterable[str | None] = ()) -> str | None:
    """First usable hint, normalised: "id-ID" -> "id", "en_US" -> "en", legacy "in" -> "id"."""
    del text  # reserved for a language identifier (see module docstring)
    for hint in hints:
        code = normalize_language(hint)
        if code is not None:
            return code
    return None


def normalize_language(value: str | None) -> str | None:
    """The primary subtag of a language tag, or None for an empty or placeholder value."""
    if not value:
        return None
    primary = re.split(r"[-_\s,;]", value.strip().lower(), maxsplit=1)[0]
    primary = _LEGACY_CODES.get(primary, primary)
    if primary in _NOT_A_LANGUAGE or not _PRIMARY.match(primary):
        return None
    return primary

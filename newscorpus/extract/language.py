"""The article's language, as an ISO 639-1 code.

A page's declarations are often wrong (Indonesian sites on a template with lang="en"), so when the body is long
enough an offline identifier (py3langid, whose model ships inside the wheel: nothing is downloaded) reads the words.
The declarations still count as a prior: Indonesian and Malay are close enough that a short Indonesian text can
score a little higher as Malay, and a page that says "id" should then stay "id". Short texts, or a text the
identifier cannot read, fall back to the first usable declaration.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from newscorpus.extract.language_model import load_identifier

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

_LEGACY_CODES = {"in": "id", "iw": "he", "ji": "yi", "jw": "jv"}
_NOT_A_LANGUAGE = frozenset({"x", "und", "mul", "zxx", "mis", "xx"})
_PRIMARY = re.compile(r"^[a-z]{2,3}$")

# Below this many letters the identifier's guess is noise next to what the page declares.
MIN_IDENTIFY_LETTERS = 120
# The identifier reads at most this much: a few paragraphs settle the language, and long texts cost time.
MAX_IDENTIFY_CHARS = 600
# How much more a declared language is believed than an undeclared one (a factor on its probability).
DECLARED_PRIOR = 4.0
# Below this probability after the prior, the identifier is not sure enough to overrule the declaration.
MIN_CONFIDENCE = 0.5
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def detect_language(text: str, hints: Iterable[str | None] = ()) -> str | None:
    """The language of `text`, weighing the page's declared languages (`hints`, best first) as a prior."""
    declared = [code for code in (normalize_language(hint) for hint in hints) if code is not None]
    fallback = declared[0] if declared else None
    sample = text[:MAX_IDENTIFY_CHARS]
    if len(_LETTER.findall(sample)) < MIN_IDENTIFY_LETTERS:
        return fallback
    ranked = _identifier().rank(sample)
    weighted = {lang: p * (DECLARED_PRIOR if lang == fallback else 1.0) for lang, p in ranked[:5]}
    total = sum(weighted.values())
    if total <= 0:
        return fallback
    best = max(weighted, key=lambda lang: weighted[lang])
    if best != fallback and fallback is not None and weighted[best] / total < MIN_CONFIDENCE:
        return fallback
    return best


def warm_up() -> None:
    """Load the model now (under a second; a tenth of that once it is cached), e.g. in a parent process before it
    forks workers that share it."""
    _identifier()


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return load_identifier()


def normalize_language(value: str | None) -> str | None:
    """The primary subtag of a language tag, or None for an empty or placeholder value."""
    if not value:
        return None
    primary = re.split(r"[-_\s,;]", value.strip().lower(), maxsplit=1)[0]
    primary = _LEGACY_CODES.get(primary, primary)
    if primary in _NOT_A_LANGUAGE or not _PRIMARY.match(primary):
        return None
    return primary

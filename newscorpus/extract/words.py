"""Word counts for text in any script: the one count behind the body's length tests, the article's word_count, the
"short" flag and the boilerplate rules that judge a line by its length.

Chinese, Japanese and Thai put no spaces between words, so splitting on spaces counts a whole paragraph as one or
two words and every such article looks like a stub. Their runs are counted by their characters instead:

- Han, Hiragana and Katakana at 2 characters a word. Chinese news text, segmented, averages 1.6 to 1.7 characters
  a word, and an English translation has about as many words; Japanese spells out its endings and particles in
  kana and needs more characters for the same words (about 2.5 an English word). 2 keeps our thresholds, which were
  set on English and Indonesian ("short" under 80 words, a paragraph of 30 words), at about the same amount of
  story in all three.
- Thai at 4 characters a word: a Thai word counted in code points, vowel and tone marks included, has 2 to 3
  (the common function words: ที่, และ, ของ, ใน) up to 5 or 6 (content words: ประเทศ, รัฐบาล). Thai sets spaces
  between phrases and sentences, not words: those spaces only end a run.

Their punctuation (、。「」, the full-width forms) separates words and is not one. Korean (Hangul) puts spaces
between words and is counted like Latin text. Text with none of these scripts gets exactly the count it always
had: `count_words` counts `\\w+` runs, `count_tokens` counts what `str.split` gives. In Devanagari and the other
Indic scripts the vowel signs and viramas are combining marks, which `\\w` does not match: `count_words` takes
them as part of their word, so "हिन्दी" is one word, not three.
"""

from __future__ import annotations

import re

# characters a word in text written without spaces (see the module docstring)
HAN_KANA_CHARS_PER_WORD = 2
THAI_CHARS_PER_WORD = 4

_HAN_KANA = (
    r"\u3005-\u3007"  # 々 〆 〇
    r"\u3040-\u30ff"  # Hiragana, Katakana (with the ー mark)
    r"\u31f0-\u31ff"  # Katakana extensions
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han, extension A, compatibility ideographs
    r"\uff66-\uff9f"  # half-width Katakana
    r"\U00020000-\U0003134f"  # Han extensions B to G
)
_THAI = r"\u0e01-\u0e4e"  # letters, vowel signs, tone marks, ๆ and ฯ (not the Thai digits)
# their punctuation (、。「」（）：！？): between runs it is no word, where str.split would count it as one
_CJK_PUNCTUATION = r"\u3000-\u3004\u3008-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_UNSPACED = re.compile(rf"(?P<han>[{_HAN_KANA}]+)|(?P<thai>[{_THAI}]+)|[{_CJK_PUNCTUATION}]+")
# one character class: the fast test of whether a line has any of them (the alternation above is 8 times slower)
_ANY_UNSPACED = re.compile(rf"[{_HAN_KANA}{_THAI}{_CJK_PUNCTUATION}]")
# a word: \w runs, with the combining vowel signs and viramas of the Indic scripts (Devanagari to Sinhala) inside it
# the marks a sentence ends with, in Latin and in Chinese and Japanese text
SENTENCE_ENDS = ".!?。！？"
WORD = re.compile(r"[\w\u0900-\u0dff]+")


def count_words(text: str) -> int:
    """Words of the text: letter and digit runs, with Chinese, Japanese and Thai counted by their characters."""
    rest, unspaced = _split_unspaced(text)
    return WORD.subn("", rest)[1] + unspaced  # subn counts the matches without building a list of them


def count_tokens(text: str) -> int:
    """`len(text.split())` for text with spaces between its words; Chinese, Japanese and Thai counted by their
    characters. The length test of a single line ("a label of at most 6 words")."""
    if text.isascii():  # the common case, on every line of every page
        return len(text.split())
    rest, unspaced = _split_unspaced(text)
    return len(rest.split()) + unspaced


def _split_unspaced(text: str) -> tuple[str, int]:
    """The text with its Chinese, Japanese and Thai runs replaced by a space, and the words those runs hold."""
    if text.isascii() or _ANY_UNSPACED.search(text) is None:
        return text, 0
    han = thai = 0
    for match in _UNSPACED.finditer(text):
        if match.lastgroup == "han":
            han += len(match.group())
        elif match.lastgroup == "thai":
            thai += len(match.group())
    words = -(-han // HAN_KANA_CHARS_PER_WORD) + -(-thai // THAI_CHARS_PER_WORD)  # rounded up: one character is a word
    return _UNSPACED.sub(" ", text), words

"""Pulls credit lines ("Rep: X / Red: Y", "Pewarta: X", "Editor : Y", "Penulis : Antara", "Oleh X",
"Laporan wartawan X", "By X and Y") out of the article text and into authors / editors / agency.

Indonesian outlets print credits as text at the top or bottom of the body rather than in metadata, and they
name roles: the reporter (Rep, Pewarta, Penulis, Wartawan) is an author, the desk editor (Red, Redaktur, Editor)
is not. Only the first and last few lines are searched, and a line counts only if all of it reads as credits, so a
sentence that happens to start with "By" stays in the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from newscorpus.extract.agencies import wire_service
from newscorpus.extract.stamp_labels import ENGLISH, HOST_NAME, STAMP_LABEL_WORDS

Role = Literal["author", "editor", "source", "ignored"]

_LABEL_ROLES: dict[str, Role] = {
    "rep": "author",
    "reporter": "author",
    "penulis": "author",
    "pewarta": "author",
    "wartawan": "author",
    "kontributor": "author",
    "koresponden": "author",
    "author": "author",
    "authors": "author",
    "writer": "author",
    "written by": "author",
    "reporting by": "author",
    "reporting": "author",
    "teks": "author",
    "autor": "author",  # de, es, pt, pl
    "autorin": "author",
    "autores": "author",
    "auteur": "author",  # fr, nl
    "autore": "author",  # it
    "red": "editor",
    "redaktur": "editor",
    "editor": "editor",
    "penyunting": "editor",
    "editing by": "editor",
    "edited by": "editor",
    "redaktur pelaksana": "editor",
    "sumber": "source",
    "source": "source",
    "foto": "ignored",
    "photo": "ignored",
    "fotografer": "ignored",
    "ilustrasi": "ignored",
    "grafis": "ignored",
    "videografer": "ignored",
    "penerjemah": "ignored",
    "translator": "ignored",
    # health publishers credit a reviewer beside the writer: "Medically reviewed by X — Written by Y"
    "reviewed by": "ignored",
    "medically reviewed by": "ignored",
    "fact checked by": "ignored",
    "fact-checked by": "ignored",
}
# "Posted by" as blog platforms print it in their post footers, in English and localised: Drupal's "Submitted by X
# on Tue, 12/09/2025 - 10:32", Blogger's "Diposting oleh X di 20.15", WordPress themes' "Publié par", "Gepostet von",
# "Publicado por", "Pubblicato da", "Geplaatst door"
POSTED_BY_LABEL = (
    r"(?:posted|written|published|submitted)\s+by|(?:diposting|ditulis)\s+oleh|(?:publié|écrit|posté)\s+par"
    r"|(?:gepostet|geschrieben|veröffentlicht)\s+von|(?:publicado|escrito)\s+por|(?:pubblicato|scritto)\s+da"
    r"|(?:geplaatst|geschreven)\s+door"
)
# labels of credits for someone other than the writer: the desk editor, the photographer, a medical reviewer
NOT_AUTHOR_LABELS = frozenset(label for label, role in _LABEL_ROLES.items() if role in ("editor", "ignored"))
_LABEL_WORDS = "|".join(sorted((re.escape(k) for k in _LABEL_ROLES), key=len, reverse=True))
# "Red:" needs its colon; "Editing by" reads as a label without one
_LABEL = re.compile(rf"(?:^|(?<=[\s/|;,(]))(?P<label>{_LABEL_WORDS})(?:\s*:\s*|(?<=\bby)\s+)", re.IGNORECASE)
# "by" in Indonesian, English, German, French, Spanish/Portuguese, Dutch, the Scandinavian languages and Italian;
# Italian "di" only in lower case: "Di notte …" opens a sentence and "Di Maio" is a surname
_LEADING_BY = re.compile(r"^(?P<by>oleh|by|von|par|por|door|av|(?-i:di))\s*:?\s+(?P<names>.+)$", re.IGNORECASE)
# these also open headings and sentences ("Von Berlin nach Paris", "Par la Rédaction", "Por favor", "di buona
# lena") and German capitalises its nouns: after them only full names count, a first and a last name, not starting
# with a particle
_AMBIGUOUS_BY = frozenset({"von", "par", "por", "door", "av", "di"})
# the date of a stamp beside a byline: "Dec. 19, 2025", "3 March 2024", "2024-03-02", "12/19/2025"
_STAMP_DATE = (
    r"(?:[^\W\d_]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,9}\.?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})"
)
# "Guest post by Jane Roe, a property manager based in Columbus.": a blog's credit for an outside writer, the name
# up to the comma that opens her description (a lower-case word)
_GUEST_BY = re.compile(
    r"^(?:this\s+is\s+a\s+)?(?:guest\s+(?:post|article|column|blog\s+post)\s+(?:written\s+)?by"
    r"|(?:ein\s+)?gastbeitrag\s+von)\s*:?\s+(?P<names>.+?)(?:,\s+(?-i:[a-z]).*)?[.!]?$",
    re.IGNORECASE,
)
# "Published August 7, 2023 by Nicole Burke": blog headers print the date stamp ahead of the byline
_LEADING_STAMP = re.compile(
    r"^(?:(?:published|posted|updated)(?:\s+on)?\s+)?(?:[^\W\d_]{3,9}'?[^\W\d_]*,?\s+)?"  # weekday
    rf"{_STAMP_DATE}\s*[|•·,–—-]?\s*(?=(?:by|oleh)\s)",
    re.IGNORECASE,
)
# "By Lisa Jennings on Dec. 19, 2025 · 6 min read", "By Jeff Cobb. Last Updated on December 11, 2025": a stamp
# after the byline, with its label and what follows it
_TRAILING_STAMP = re.compile(
    rf"\.?(?:\s*{ENGLISH}\b:?)?"  # its label, even glued: "SanSonePublished"
    rf"(?:(?:\s+on\s+|\s*[|•·,–—-]\s*)(?:[^\W\d_]{{3,9}},?\s+)?|\s+){_STAMP_DATE}\b.*$",
    re.IGNORECASE,
)
_REPORT_OF = re.compile(
    r"^laporan\s+(?:wartawan|reporter|koresponden|kontributor|jurnalis)\s+"
    # "Laporan Wartawan Tribunnews.com, Nama" / "Laporan wartawan Tribun Jabar, Nama": the outlet precedes the comma
    r"(?:(?P<outlet>[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org))\s*,?\s*|(?P<outlet_name>[^,]{2,60}),\s*)?"
    r"(?P<names>.+)$",
    re.IGNORECASE,
)
# "and" in the same languages, lower case only ("Ortega y Gasset" is rare, "E. Smith" is an initial)
_NAME_SPLIT = re.compile(
    r"\s*(?:,|;|&|/|\band\b|\bdan\b|\bwith\b|(?-i:\b(?:und|et|y|e|en|och|og)\b))\s*", re.IGNORECASE
)
# the same separators, kept: after a job title or an affiliation only "and Name" brings in a further author
_NAME_SEPARATOR = re.compile(rf"({_NAME_SPLIT.pattern})", re.IGNORECASE)
_CONJUNCTION = re.compile(r"&|\band\b|\bdan\b|(?-i:\b(?:und|et|y|e|en|och|og)\b)", re.IGNORECASE)
# "g1 SP", "The Jakarta Post", "University of Michigan": what follows a name in a byline when it is not a name; a
# lower-case word longer than a preposition makes it prose ("By Tuesday, the council had voted")
_AFFILIATION_MAX_WORDS = 5
_PROSE_WORD = re.compile(r"^[^\W\d_A-Z]{4,}$")
# "By X ⋅ Review Editor ⋅ Updated ...", "by Jacob Trussell—10 min read"
_TRAILING_NOISE = re.compile(r"\s*(?:[|•·⋅∙]|\s[-–—]\s|[-–—]?\s*\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\.?(?:\s+read)?\b).*$")
_PARTICLES = frozenset(
    {
        "bin",
        "binti",
        "van",
        "der",
        "den",
        "de",
        "da",
        "di",
        "al",
        "el",
        "la",
        "le",
        "von",
        "dos",
        "del",
        "du",
        "ibn",
        "y",
    }
)
# "By Karen Liu Staff Writer": the job title printed in its own element right after the name, read as one line; the
# words that may open such a title before its job word ("Senior Health Reporter", "Contributing Editor")
_ROLE_MODIFIER = re.compile(
    r"^(?:staff|senior|junior|contributing|managing|executive|associate|assistant|deputy|chief|special|guest"
    r"|freelance|political|sports|business|science|health|features?|digital|web|online|copy|city|metro|news"
    r"|investigative|data|legal|travel|food|arts|culture|opinion|education|environment|climate|entertainment"
    r"|lifestyle|national|foreign|general|assignment|extension)$",
    re.IGNORECASE,
)
# words that make a byline piece a job title, not a further author: "Jane Doe, Senior Director, Content"
JOB_TITLE = re.compile(
    r"\b(?:director|editor|manager|president|officer|founder|co-founder|ceo|cto|cfo|coo|head|chief|senior|lead"
    r"|writer|reporter|correspondent|columnist|contributor|consultant|analyst|professor|researcher|strategist"
    r"|specialist|engineer|executive|representative|coordinator|associate|fellow|partner|owner|journalist|producer"
    r"|photographer|illustrator|intern|staff|blogger|author|expert|scientist|dietitian|nutritionist|physician"
    r"|attorney|lawyer|developer|marketer|advisor|adviser|secretary|treasurer|chairman|chairwoman|chairperson"
    r"|commissioner|spokesperson|spokesman|spokeswoman|librarian|lecturer|instructor|superintendent|administrator"
    r"|assistant|volunteer|moderator|curator|historian|designer|educator|economist|therapist|counselor|counsellor"
    r"|pharmacist|veterinarian)\b",
    re.IGNORECASE,
)
# "Updated: Dec 17, 2025", "Publié le …", "Aktualisiert am …" after the names: the stamp, and nothing after it is a name
_STAMP_LABEL_START = re.compile(rf"^{STAMP_LABEL_WORDS}\b", re.IGNORECASE)
# the same label run on after a name in one line: "Par Claire Bommelaer et Agnès Leclair Publié le 04/05/2024"
_STAMP_TAIL = re.compile(rf"(?<=\S)\s*[,|·•–—-]?\s+{STAMP_LABEL_WORDS}\b.*$", re.IGNORECASE)
# a reporter's job printed after the name instead of a "by" before it: "Pedro Vilela - Repórter da Agência Brasil",
# "Arief Setyadi , Jurnalis-Jum'at, 03 Mei 2024", "김영훈 기자" (Korean), "山田太郎記者" (Japanese)
_REPORTER_WORDS = (
    r"(?:reporter|repórter|reportera?o?|correspondent|correspondente|corresponsal|korrespondent(?:in)?|journalist(?:e|in)?"
    r"|jornalista|periodista|giornalista|jurnalis|wartawan|redakteur(?:in)?)"
)
_CJK_REPORTER = r"(?:기자|특파원|記者|记者|特派員|特派员)"
_ROLE_CREDIT = re.compile(
    rf"^(?P<names>[^,;|=]+?)\s*(?:,|\s[–—-])\s*{_REPORTER_WORDS}\b(?P<rest>.*)$"
    rf"|^(?P<cjk>[^\W\d_][^,;|=\d]{{0,30}}?)\s*{_CJK_REPORTER}$",
    re.IGNORECASE,
)
# what may follow the job: the outlet ("da Agência Brasil", "of The Jakarta Post") or the stamp ("-Jum'at, 03 Mei")
_ROLE_AFFILIATION = re.compile(r"^\s*(?:da|do|de|del|di|of|at|for|bei|der|des|du|van)\s+(?P<outlet>.+)$", re.IGNORECASE)
_ROLE_STAMP = re.compile(r"^\s*[-–—|,·]\s*\S.*\d")
# Chinese prints the job first: "记者 王静", "本报记者 李明"
_REPORTER_FIRST = re.compile(
    r"^(?:本报|本報)?(?:记者|記者)\s*(?P<names>[\u4e00-\u9fff]{2,4}(?:[\s、，]+[\u4e00-\u9fff]{2,4})*)$"
)
# Korean wire copy opens its first paragraph with the credit: "(서울=연합뉴스) 김영훈 기자 = 정부가 …"
_INLINE_CREDIT = re.compile(
    r"^\((?P<place>[^=()]{1,15})=(?P<agency>[^=()]{1,20})\)\s*(?P<names>[^=()]{2,40}?)\s*(?:기자|특파원)\s*="
)
_NAME_LIST = re.compile(r"\s*[·,、]\s*")
_ROLE_SUFFIX = re.compile(rf"^(?P<name>.+?)\s*(?:{_CJK_REPORTER}|\s[-–—]\s+{_REPORTER_WORDS}\b.*)$", re.IGNORECASE)
_ROLE_PREFIX = re.compile(r"^(?:本报|本報)?(?:记者|記者)\s*(?=\S)")
_DOMAIN = re.compile(rf"^{HOST_NAME}$", re.IGNORECASE)
# "Reporting: which KPIs must be visible in-CRM": lower case first, capitals later, is a phrase; an all-lower-case
# name ("budi santoso") or one opening with a particle ("van der Berg") is not caught
_LOWERCASE_FRAGMENT = re.compile(r"^(?!(?:" + "|".join(sorted(_PARTICLES)) + r")\b)[a-z]\S*\s.*\b[A-Z]")
_HEAD_LINES = 2
_TAIL_LINES = 6
_MAX_BYLINE_WORDS = 24


@dataclass
class Byline:
    """Credits read from the text."""

    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)

    def merge(self, other: Byline) -> None:
        for mine, theirs in (
            (self.authors, other.authors),
            (self.editors, other.editors),
            (self.agencies, other.agencies),
        ):
            mine.extend(name for name in theirs if name not in mine)

    @property
    def found(self) -> bool:
        return bool(self.authors or self.editors or self.agencies)


def extract_bylines(paragraphs: list[str]) -> tuple[list[str], Byline]:
    """(paragraphs without credit lines, the credits) from the first and last lines of the body."""
    byline = Byline()
    kept = list(paragraphs)
    head = min(_HEAD_LINES, len(kept))
    for index in range(head):
        parsed = read_byline(kept[index], at_start=True)
        if parsed is not None:
            byline.merge(parsed)
            kept[index] = ""
        elif (inline := _inline_credit(kept[index])) is not None:
            byline.merge(inline)  # the credit opens the story's first sentence: the line stays
    for index in range(max(head, len(kept) - _TAIL_LINES), len(kept)):
        parsed = read_byline(kept[index], at_start=False)
        if parsed is not None:
            byline.merge(parsed)
            kept[index] = ""
    return [p for p in kept if p], byline


def read_byline(line: str, *, at_start: bool) -> Byline | None:
    """The credits in one line, or None when the line is not made of credits only."""
    text = line.strip().strip("()[]").strip()
    if not text or len(text.split()) > _MAX_BYLINE_WORDS:
        return None
    text = _STAMP_TAIL.sub("", text)
    labelled = _read_labelled(text)
    if labelled is not None:
        return labelled
    agency = wire_service(text)
    if agency is not None and not at_start:
        return Byline(agencies=[agency])  # a lone "(Antara)" closing the story
    if not at_start:
        return None
    unstamped = _TRAILING_STAMP.sub("", _LEADING_STAMP.sub("", text))
    match = _REPORT_OF.match(unstamped) or _GUEST_BY.match(unstamped) or _LEADING_BY.match(unstamped)
    if match is None:
        return _role_credit(text)
    text = unstamped
    if len((match["names"] if match.re is _GUEST_BY else text).split()) > 12:
        return None
    if match.re is _LEADING_BY and match.group("by").lower() in _AMBIGUOUS_BY and not _full_names(match["names"]):
        return None
    # "Von Peter Müller, Frankfurt", "By Jane Doe, London": after a full name, a one-word piece is the place she
    # writes from; Indonesian credits ("Oleh X, Y") name people known by one name
    places = match.re is not _REPORT_OF and (match.re is _GUEST_BY or match.group("by").lower() != "oleh")
    return _credit(match.group("names"), "author", strict=True, places=places)


def _role_credit(text: str) -> Byline | None:
    """ "Pedro Rafael Vilela - Repórter da Agência Brasil", "김영훈 기자", "记者 王静": a name with the reporter's job
    printed after it (or, in Chinese, before it) and nothing else but the outlet or the stamp."""
    if (first := _REPORTER_FIRST.match(text)) is not None:
        return Byline(authors=[n for n in _NAME_LIST.split(first["names"].strip()) if n])
    match = _ROLE_CREDIT.match(text)
    if match is None:
        return None
    if match["cjk"] is not None:
        names = [n for n in _NAME_LIST.split(match["cjk"].strip()) if n]
        return Byline(authors=names) if names and all(_cjk_name(n) for n in names) else None
    name, rest = match["names"].strip(" .,"), match["rest"]
    words = name.split()
    if len(words) < 2 or not looks_like_name(name, strict=True) or any(_ROLE_MODIFIER.match(w) for w in words):
        return None  # "Senior Political Reporter" is a job title alone
    byline = Byline(authors=[name])
    affiliation = _ROLE_AFFILIATION.match(rest)
    if affiliation is not None and len(affiliation["outlet"].split()) <= _AFFILIATION_MAX_WORDS:
        agency = wire_service(affiliation["outlet"])
        if agency is not None:
            byline.agencies.append(agency)
        return byline if _is_affiliation(affiliation["outlet"]) else None
    return byline if not rest.strip() or _ROLE_STAMP.match(rest) else None


def _cjk_name(name: str) -> bool:
    """A Korean, Chinese or Japanese personal name: two to five Hangul or Han characters, no spaces."""
    return bool(re.fullmatch(r"[\uac00-\ud7a3\u4e00-\u9fff\u3400-\u4dbf]{2,5}", name))


def _inline_credit(line: str) -> Byline | None:
    """ "(서울=연합뉴스) 김영훈 기자 = 정부가 …": the reporters named where the first sentence starts."""
    match = _INLINE_CREDIT.match(line.strip())
    if match is None:
        return None
    names = [n for n in _NAME_LIST.split(match["names"].strip()) if n]
    if not names or not all(_cjk_name(n) or looks_like_name(n, strict=True) for n in names):
        return None
    agency = wire_service(match["agency"])
    return Byline(authors=names, agencies=[agency] if agency else [])


def without_role_word(name: str) -> str:
    """ "박지영 기자" -> "박지영", "记者 王静" -> "王静", "Pedro Vilela - Repórter da Agência Brasil" -> "Pedro Vilela":
    the reporter's job printed with the name."""
    name = _ROLE_PREFIX.sub("", name)
    match = _ROLE_SUFFIX.match(name)
    return match["name"] if match is not None else name


def _full_names(names: str) -> bool:
    """After an ambiguous "by" word the credit must open with a full name, a first and a last name not starting
    with a particle, and every further name must be full too; a piece that is no name (an outlet's desk, "g1 SP")
    is left to _credit."""
    pieces = [piece.strip(" .,:;") for piece in _NAME_SPLIT.split(_TRAILING_NOISE.sub("", names))]
    pieces = [piece for piece in pieces if piece]
    if not pieces:
        return False
    return all(
        len(piece.split()) >= 2 and piece.split()[0].lower() not in _PARTICLES
        for index, piece in enumerate(pieces)
        # a one-word piece after the first name is the place ("Von Peter Müller, Frankfurt"), which _credit drops
        if index == 0 or (looks_like_name(piece, strict=True) and len(piece.split()) >= 2)
    )


def _read_labelled(text: str) -> Byline | None:
    matches = list(_LABEL.finditer(text))
    if not matches or text[: matches[0].start()].strip(" /|;,-–—"):
        return None
    byline = Byline()
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        value = text[match.end() : end].strip(" /|;,-–—")
        role = _LABEL_ROLES[match.group("label").lower()]
        if role == "ignored":
            continue
        credit = _credit(value, role, strict=False)
        if credit is None:
            return None
        byline.merge(credit)
    return byline


def _credit(value: str, role: Role, *, strict: bool, places: bool = False) -> Byline | None:
    """The names of one credit's value; None when the value is not made of names. After the first full name, a
    piece that is no name ends the list instead of voiding it: a job title ("By Jane Doe, Senior Director,
    Content & Marketing") or the outlet's desk ("Por Fernanda Lima, g1 SP"); only "and Name" adds a further name
    after that ("By Priya Raman, Energy Editor, and Ben Schultz"). With `places`, a one-word piece after a comma
    that follows a full name is the place the writer files from ("Von Peter Müller, Frankfurt") and ends the names
    the same way."""
    value = _TRAILING_NOISE.sub("", value).strip(" .,:;")
    if not value:
        return None
    byline = Byline()
    names = byline.editors if role == "editor" else byline.authors
    ended = False  # a job title or an affiliation ended the names
    ender_before = False  # ... and it is the piece right before this one
    joined_by = ""  # the separators since the previous piece
    for position, token in enumerate(_NAME_SEPARATOR.split(value)):
        if position % 2:
            joined_by += token
            continue
        piece = _without_trailing_role(token.strip(" .,:;()[]\"'"))
        if not piece:
            continue
        # "…, Energy Editor, and Ben Schultz": a name joined by "and" to the job title; "…, Content & Marketing,
        # MarketingSherpa and MECLABS Institute" goes on describing the job
        reintroduced = ender_before and bool(_CONJUNCTION.search(joined_by))
        joined_before, joined_by, ender_before = joined_by, "", False
        if names and _STAMP_LABEL_START.match(piece):
            break  # "By Jane Doe, Updated: Dec 17, 2025": the stamp, and nothing after it is a name
        if names and JOB_TITLE.search(piece):
            ended = ender_before = True  # her job, not more authors
            continue
        if (
            places
            and not ended
            and len(piece.split()) == 1
            and "," in joined_before
            and any(len(name.split()) >= 2 for name in names)
            and wire_service(piece) is None  # "By Jane Doe, Reuters": the wire she writes for
        ):
            ended = ender_before = True  # the place she writes from
            continue
        if _DOMAIN.match(piece):
            continue  # "TOI Lifestyle Desk / etimes.in": the outlet's address, not a writer
        agency = wire_service(piece)
        is_name = looks_like_name(piece, strict=strict) and not _LOWERCASE_FRAGMENT.match(piece)
        if agency is not None:
            if agency not in byline.agencies:
                byline.agencies.append(agency)
        elif role == "source":
            continue  # "Sumber: Kemenkes" credits a source of facts, not a writer
        elif ended:
            if is_name and reintroduced and len(piece.split()) >= 2:
                names.append(piece)
                ended = False
        elif is_name:
            names.append(piece)
        elif any(len(name.split()) >= 2 for name in names) and _is_affiliation(piece):
            ended = ender_before = True
        else:
            return None
    return byline if byline.found or role == "source" else None


def _without_trailing_role(piece: str) -> str:
    """ "Karen Liu Staff Writer" -> "Karen Liu": a job title run on after a name of at least two words, made of
    job words and the words that qualify them, ending with a job word. A name opening with an acronym is an
    organisation's desk, job word included ("AAA Travel Editor")."""
    words = piece.split()
    if words and len(words[0]) > 1 and words[0].isupper():
        return piece
    start = len(words)
    while start > 2 and (
        JOB_TITLE.fullmatch(words[start - 1]) or (start < len(words) and _ROLE_MODIFIER.match(words[start - 1]))
    ):
        start -= 1
    if start < len(words) and JOB_TITLE.fullmatch(words[-1]):
        return " ".join(words[:start])
    return piece


def _is_affiliation(piece: str) -> bool:
    """ "g1 SP", "The Jakarta Post": a short piece without prose words, printed after a name."""
    words = piece.split()
    return len(words) <= _AFFILIATION_MAX_WORDS and not any(_PROSE_WORD.match(word) for word in words)


def looks_like_name(text: str, *, strict: bool = True) -> bool:
    """1-6 words, no digits or URLs; when strict, capitalised like a name ("Nama Orang", "J. R. Smith")."""
    words = text.split()
    if not 1 <= len(words) <= 6 or len(text) > 60:
        return False
    if re.search(r"\d|@|https?:|www\.|\.com\b", text):
        return False
    if not strict:
        return True
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words)

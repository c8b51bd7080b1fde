"""What a credited name looks like, and the Byline record credits are read into.

Shared by the readers of credit lines (bylines.py for labelled and "By" lines, reporter_credits.py for a reporter's
job printed beside the name) and by the decision on who is credited (credits.py), so all of them agree on when a
piece of a byline is a person, a job title or the outlet the person writes for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Role = Literal["author", "editor", "source", "ignored"]

# a word of a script that has no capitals but puts spaces between words: Arabic (and Persian, Urdu), Hebrew, the
# Indic scripts, Georgian, Ethiopic. A name in one of them cannot be told by its capitals; Chinese, Japanese and Thai
# run their words together, so a whole sentence would pass for one word and they are left out
_THAI_NAME_WORD = re.compile(r"[\u0e01-\u0e4e]{2,16}")
_CASELESS_WORD = re.compile(
    r"[\u0620-\u065f\u066e-\u06d3\u06d5-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"  # Arabic
    r"\u0591-\u05bd\u05d0-\u05f2"  # Hebrew, without its punctuation
    r"\u0900-\u0963\u0966-\u0dff\u10d0-\u10ff\u1200-\u135a]{2,20}"  # Indic (no danda), Georgian, Ethiopic
)
# words that make a byline's part an organisation, not a person: "Hartwell University News", "Metro Desk"
# the heading of an author box, in the languages of the bylines: "About the author", "Über den Autor", "Sobre a
# autora", "Tentang Penulis". A label over the writer's name and bio, never a name itself
ABOUT_THE_AUTHOR = re.compile(
    r"^(?:about\s+the\s+(?:author|writer)s?|meet\s+the\s+(?:author|writer)s?|(?:über|zum|zur)\s+(?:den\s+|die\s+)?"
    r"autor(?:in|en|innen)?|à\s+propos\s+de\s+l['’](?:auteur|autrice)e?|(?:sobre|acerca\s+de)\s+(?:el|la|o|a|los|las|os|as|del)"
    r"\s+autor(?:a|es|as)?|(?:acerca|sobre)\s+del\s+autor|(?:informazioni\s+)?sull['’]autore|over\s+de\s+(?:auteur|schrijver)"
    r"|tentang\s+(?:penulis|pengarang)|o\s+autorze|o\s+autorce)\s*:?$",
    re.IGNORECASE,
)
ORGANISATION_WORD = re.compile(
    r"\b(?:news|newsroom|university|college|school|institute|office|staff|desk|team|press|media|communications"
    r"|department|magazine|journal|daily|times|tribune|herald|gazette|group|inc|llc|ltd|foundation|association"
    r"|society|agency|network|courier|chronicle|observer|dispatch|bulletin|broadcasting|television|radio|newswire"
    r"|portal|hospital|clinic"
    # the same in other languages: "Dra. Lucía Ferrer, Servicio de Traumatología", "Universidade de São Paulo"
    r"|servicio|serviço|departamento|universidad|universidade|université|università|universität|instituto|institut"
    r"|istituto|clínica|clinica|klinik|hôpital|hospitale?)\b",
    re.IGNORECASE,
)
# "g1 SP", "The Jakarta Post", "University of Michigan": what follows a name in a byline when it is not a name; a
# lower-case word longer than a preposition makes it prose ("By Tuesday, the council had voted")
AFFILIATION_MAX_WORDS = 5
_PROSE_WORD = re.compile(r"^[^\W\d_A-Z]{4,}$")
PARTICLES = frozenset(
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
ROLE_MODIFIER = re.compile(
    r"^(?:staff|senior|junior|contributing|managing|executive|associate|assistant|deputy|chief|special|guest"
    r"|freelance|political|sports|business|science|health|features?|digital|web|online|copy|city|metro|news"
    r"|investigative|data|legal|travel|food|arts|culture|opinion|education|environment|climate|entertainment"
    r"|lifestyle|national|foreign|general|assignment|extension)$",
    re.IGNORECASE,
)
# A degree or licence printed after a name ("Aisha Rahman, MD", "Maria Chen, CFP®"), Indonesian academic degrees
# included ("Dr. Hendrawan Saputra, S.H., M.Si.", "Rina Wulandari, S.Pd"): no more authors
CREDENTIAL = re.compile(
    r"^(?:MD|DO|MS|MSc|MA|MBA|MPH|BSN|RN|RD|RDN|LD|LDN|CDN|CDE|CDCES|CPT|CSCS|PhD|Ph\.D\.?|M\.D\.?|DDS|DVM|PharmD"
    r"|Esq|CPA|CFA|CFP|FACP|FACLM|FAND|NP|PA-C|DNP|DPT|LCSW|LPC|Jr|Sr"
    r"|(?:[SMD]|Sp)\.\s?[A-Z][A-Za-z]{0,4}(?:\.\s?[A-Z][A-Za-z]{0,3})?|Lc|MM|MT|MH|MSi"
    # a certifying body and its title joined by a hyphen: "NASM-CPT", "ACE-CPT", "E-RYT 200"
    r"|[A-Z]{1,6}-[A-Z]{2,6}(?:\s\d{2,3})?)[.®]?$"
)
# words that make a byline piece a job title, not a further author: "Jane Doe, Senior Director, Content"
JOB_TITLE = re.compile(
    r"\b(?:director|editor|manager|president|officer|founder|co-founder|ceo|cto|cfo|coo|head|chief|senior|lead"
    r"|writer|reporter|correspondent|columnist|contributor|consultant|analyst|professor|researcher|strategist"
    r"|specialist|engineer|executive|representative|coordinator|associate|fellow|partner|owner|journalist|producer"
    r"|photographer|illustrator|intern|staff|blogger|author|expert|scientist|dietitian|nutritionist|physician"
    r"|attorney|lawyer|developer|marketer|advisor|adviser|secretary|treasurer|chairman|chairwoman|chairperson"
    r"|commissioner|spokesperson|spokesman|spokeswoman|librarian|lecturer|instructor|superintendent|administrator"
    r"|pegawai|dosen|guru|pensyarah|peneliti|penyelidik"  # id, ms: officer, lecturer, teacher, researcher
    r"|assistant|volunteer|moderator|curator|historian|designer|educator|economist|therapist|counselor|counsellor"
    r"|pharmacist|veterinarian|teacher|principal|dean|provost|chancellor|nurse|coach|chef|pastor|archivist"
    r"|conservator|ranger|planner|organi[sz]er|trainer|student|chair|broker|realtor"
    r"|writers|reporters|editors|correspondents|contributors|columnists"  # "and Jenna Okafor Staff writers"
    # the same jobs in German, French, Spanish, Italian and Portuguese: "Katrin Vogel, Redakteurin Vorsorge"
    r"|redakteur(?:in)?|journalistin|korrespondentin|rédact(?:eur|rice)|journaliste|periodista|redactora?"
    r"|redattor[ei]|redattrice|giornalista|jornalista)\b",
    re.IGNORECASE,
)


@dataclass
class Byline:
    """Credits read from the text."""

    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    # a bare name closing the story ("Quỳnh Trang", VnExpress' signature): weaker than a credit line, it names the
    # author only when neither a credit line nor the metadata nor the byline markup does
    signed: list[str] = field(default_factory=list)
    # people credited for something else ("Photography by Sam Okoro", "Reviewed by …"): never authors, even when the
    # page's declaration lists them with the writer
    others: list[str] = field(default_factory=list)

    def merge(self, other: Byline) -> None:
        for mine, theirs in (
            (self.authors, other.authors),
            (self.editors, other.editors),
            (self.agencies, other.agencies),
            (self.signed, other.signed),
            (self.others, other.others),
        ):
            mine.extend(name for name in theirs if name not in mine)

    @property
    def found(self) -> bool:
        return bool(self.authors or self.editors or self.agencies)


_FOR_OUTLET = re.compile(
    r"^(?!The\s)(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}?)\s+(?:for|For|FOR)\s+(?:the\s+|The\s+|THE\s+)?"
    r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}$"
)


def without_trailing_role(piece: str) -> str:
    """ "Karen Liu Staff Writer" -> "Karen Liu": a job title run on after a name of at least two words, made of
    job words and the words that qualify them, ending with a job word. A name opening with an acronym is an
    organisation's desk, job word included ("AAA Travel Editor")."""
    words = piece.split()
    if words and len(words[0]) > 1 and words[0].isupper():
        return piece
    start = len(words)
    while start > 2 and (
        JOB_TITLE.fullmatch(words[start - 1]) or (start < len(words) and ROLE_MODIFIER.match(words[start - 1]))
    ):
        start -= 1
    if start < len(words) and JOB_TITLE.fullmatch(words[-1]):
        return " ".join(words[:start])
    return piece


_FILED_FROM = re.compile(
    r"\s+in\s+[A-Z][\w'’.-]*(?:[\s-][A-Z][\w'’.-]*){0,3}(?:,\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3})?\s*$"
)


def without_outlet_suffix(piece: str) -> str:
    """ "Megan Hollis For The Daily Sentinel" -> "Megan Hollis": a contributor's byline names the paper she writes
    for after her name (TownNews BLOX declares it as part of the name too)."""
    match = _FOR_OUTLET.match(piece.strip())
    return match["name"] if match else piece


def without_filing_place(names: str) -> str:
    """ "Amara Diallo in Aboutengué, Chad" -> "Amara Diallo": UNHCR's and the wires' place the writers filed from,
    after their names."""
    return _FILED_FROM.sub("", names)


def is_affiliation(piece: str) -> bool:
    """ "g1 SP", "The Jakarta Post": a short piece without prose words, printed after a name."""
    words = piece.split()
    return len(words) <= AFFILIATION_MAX_WORDS and not any(_PROSE_WORD.match(word) for word in words)


def looks_like_name(text: str, *, strict: bool = True) -> bool:
    """1-6 words, no digits or URLs; when strict, capitalised like a name ("Nama Orang", "J. R. Smith"), or written
    in a script without capitals that separates its words by spaces ("محمد عبده حسنين")."""
    words = text.split()
    if not 1 <= len(words) <= 6 or len(text) > 60:
        return False
    if re.search(r"\d|@|https?:|www\.|\.com\b", text):
        return False
    if not strict:
        return True
    if all(_CASELESS_WORD.fullmatch(w) for w in words):
        return True
    if 2 <= len(words) <= 3 and all(_THAI_NAME_WORD.fullmatch(w) for w in words):
        return True  # a Thai given name and surname: two short runs of Thai letters ("พิมพ์ชนก ศรีสุข")
    return all(w[0].isupper() or w.lower() in PARTICLES for w in words)

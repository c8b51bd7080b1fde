"""Wire services: a credit naming one of these is an agency, never a person (Penulis : Antara -> agency "Antara").

Keys are lower-cased spellings seen in credits; values are the canonical names stored in `agency`.
"""

from __future__ import annotations

import re

WIRE_SERVICES: dict[str, str] = {
    "antara": "Antara",
    "antaranews": "Antara",
    "antara news": "Antara",
    "antaranews.com": "Antara",
    "lkbn antara": "Antara",
    "perum lkbn antara": "Antara",
    "kantor berita antara": "Antara",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "xinhua": "Xinhua",
    "xinhua news agency": "Xinhua",
    "bernama": "Bernama",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "yonhap": "Yonhap",
    "yonhap news agency": "Yonhap",
    "dpa": "dpa",
    "deutsche presse-agentur": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "upi": "UPI",
    "united press international": "UPI",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ians": "IANS",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "aa": "Anadolu",
    "pna": "PNA",
    "philippine news agency": "PNA",
    "vna": "VNA",
    "vietnam news agency": "VNA",
    "jiji": "Jiji",
    "jiji press": "Jiji",
    "aap": "AAP",
    "australian associated press": "AAP",
    "cna": "CNA",
    "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg",
    "pa": "PA Media",
    "pa media": "PA Media",
    "press association": "PA Media",
    # European, Latin American, Russian, Turkish and East Asian wires, in their own spellings too
    "pap": "PAP",
    "polska agencja prasowa": "PAP",
    "lusa": "Lusa",
    "agência lusa": "Lusa",
    "anp": "ANP",
    "belga": "Belga",
    "apa": "APA",
    "austria presse agentur": "APA",
    "europa press": "Europa Press",
    "agência brasil": "Agência Brasil",
    "agencia brasil": "Agência Brasil",
    "ansa.it": "ANSA",
    "agenzia ansa": "ANSA",
    "agencia efe": "EFE",
    "тасс": "TASS",
    "итар-тасс": "TASS",
    "риа новости": "RIA Novosti",
    "интерфакс": "Interfax",
    "新华社": "Xinhua",
    "新華社": "Xinhua",
    "中央社": "CNA",  # Taiwan's Central News Agency
    "中新社": "China News Service",
    "연합뉴스": "Yonhap",
    "共同通信": "Kyodo",
    "共同通信社": "Kyodo",
    "時事通信": "Jiji",
    "anadolu ajansı": "Anadolu",
    # Commonwealth, African and more European wires; their short forms only where no first name spells them
    # ("Ani", "Hina" and "Nan" are people)
    "the canadian press": "The Canadian Press",
    "canadian press": "The Canadian Press",
    "la presse canadienne": "The Canadian Press",
    "asian news international": "ANI",
    "united news of india": "UNI",
    "associated press of pakistan": "APP",
    "news agency of nigeria": "NAN",
    "kenya news agency": "KNA",
    "african news agency": "ANA",
    "ritzau": "Ritzau",
    "čtk": "ČTK",
    "ctk": "ČTK",
    "agerpres": "Agerpres",
    "ukrinform": "Ukrinform",
    "prensa latina": "Prensa Latina",
    "notimex": "Notimex",
    "télam": "Télam",
    "telam": "Télam",
}
_NOISE = re.compile(r"[()\[\]\"'“”]|\b(?:foto|photo|sumber|source)\s*:", re.IGNORECASE)


# a newsroom credited instead of a person ("Redacción Clarín", "Redazione ANSA", "Haber Merkezi", "Newsroom", "编辑部"):
# the outlet's own staff, not an author and not a wire. An English desk with a beat ("TOI Lifestyle Desk") stays an
# author, as the dev set's truth has it
_DESK = re.compile(
    r"(?:^|\b)(?:redaktion|rédaction|redacción|redaccion|redazione|redação|redacao|redaksi|redactie|redakcja|redakce"
    r"|redakcia|ufficio\s+stampa|редакция|пресс-служба|прес-служба|γραφείο\s+τύπου|basın\s+(?:bürosu|ofisi)"
    r"|haber\s+merkezi|newsroom|guest\s+(?:contributor|author|writer|blogger))(?:\b|$)|编辑部|編集部|편집국",
    re.IGNORECASE,
)


# an editor's initials that a portal declares as the author: CNN Indonesia's `<meta name="content_author"
# content="pta">`, the code it prints as "(pta/bac)" after the story
_DESK_CODE = re.compile(r"[a-z]{2,3}(?:/[a-z]{2,3})*")


def desk_credit(name: str) -> bool:
    """True when `name` credits a newsroom desk ("Redaktion", "Redazione ANSA", "Staff") or a shared account
    ("Guest Contributor", whose post names its writer in a note) rather than a person."""
    return (bool(_DESK.search(name)) and len(name.split()) <= 5) or _DESK_CODE.fullmatch(name.strip()) is not None


def wire_service(name: str) -> str | None:
    """Canonical agency name when `name` is (only) a wire service, e.g. "ANTARA" -> "Antara"; else None."""
    key = " ".join(_NOISE.sub(" ", name).lower().split()).strip(" .,-–—/")
    return WIRE_SERVICES.get(key)

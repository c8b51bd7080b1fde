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
}
_NOISE = re.compile(r"[()\[\]\"'“”]|\b(?:foto|photo|sumber|source)\s*:", re.IGNORECASE)


def wire_service(name: str) -> str | None:
    """Canonical agency name when `name` is (only) a wire service, e.g. "ANTARA" -> "Antara"; else None."""
    key = " ".join(_NOISE.sub(" ", name).lower().split()).strip(" .,-–—/")
    return WIRE_SERVICES.get(key)

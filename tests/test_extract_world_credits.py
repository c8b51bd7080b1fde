"""Credits and headlines of non-English news pages found by probing hand-written pages: "by" in other languages
before a name with particles, a place or desk after the name, a stamp label run on after the names, the reporter's
job printed after the name (Portuguese, Indonesian, Korean, Japanese, Chinese), newsroom desks and wire services
credited instead of a person, a credits block after the story, and a kicker inside the <h1>.

Where a rule could over-match, a test pins what must stay as it was.
"""

from __future__ import annotations

import lxml.html
import pytest

from newscorpus.extract import extract_article
from newscorpus.extract.agencies import desk_credit, wire_service
from newscorpus.extract.bylines import extract_bylines, read_byline
from newscorpus.extract.credits import split_names
from newscorpus.extract.metadata import _heading_text

URL = "https://news.example.org/2024/05/03/story"
STORY = [
    "Die Bundesregierung will den Ausbau der Stromnetze deutlich beschleunigen, und nach einem Treffen im "
    "Kanzleramt kündigten die Länder an, ihre Verfahren zu vereinheitlichen und Fristen zu verkürzen.",
    "Wirtschaftsminister und Länderchefs betonten, man habe sich auf gemeinsame Standards für Umweltgutachten "
    "geeinigt, die künftig bundesweit gelten und Doppelprüfungen vermeiden sollen.",
    "Der Bundestag soll sich noch vor der Sommerpause mit dem Gesetzespaket befassen; ob die Länderkammer "
    "zustimmt, gilt als offen, weil einige Länder mehr Mitsprache bei der Trassenplanung verlangen.",
]


def page(*, header: str = "", after: str = "", h1: str = "Netzausbau soll schneller gehen", title: str = "") -> str:
    story = "".join(f"<p>{text}</p>" for text in STORY)
    title = title or "Netzausbau soll schneller gehen"
    return (
        f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>{title} | Beispiel</title></head>"
        "<body><header class='site-header'><nav><a href='/politik'>Politik</a>"
        f"</nav></header><main><article><h1>{h1}</h1>{header}<div class='content'>{story}</div>{after}</article>"
        "</main><footer class='site-footer'><p>Impressum</p></footer></body></html>"
    )


def authors_of(html: str) -> list[str]:
    return extract_article(html, URL).authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Von Peter Müller, Frankfurt", ["Peter Müller"]),
        ("By Jane Doe, London", ["Jane Doe"]),
        ("Par Claire Bommelaer et Agnès Leclair Publié le 04/05/2024 à 18:42", ["Claire Bommelaer", "Agnès Leclair"]),
        ("Pedro Rafael Vilela - Repórter da Agência Brasil", ["Pedro Rafael Vilela"]),
        ("Arief Setyadi , Jurnalis-Jum'at, 03 Mei 2024 |15:18 WIB", ["Arief Setyadi"]),
        ("김영훈 기자", ["김영훈"]),
        ("记者 王静", ["王静"]),
        ("山田太郎記者", ["山田太郎"]),
    ],
)
def test_bylines_of_other_languages(line: str, authors: list[str]) -> None:
    parsed = read_byline(line, at_start=True)
    assert parsed is not None and parsed.authors == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Ann Lee, Bob Stone", ["Ann Lee", "Bob Stone"]),  # two full names: two authors
        ("Oleh Budi Santoso, Sriyono", ["Budi Santoso", "Sriyono"]),  # Indonesians known by one name
        ("Door Anne de Vries", ["Anne de Vries"]),
    ],
)
def test_names_that_stay(line: str, authors: list[str]) -> None:
    parsed = read_byline(line, at_start=True)
    assert parsed is not None and parsed.authors == authors


def test_labelled_indonesian_credits_hold() -> None:
    parsed = read_byline("Rep: Budi Santoso / Red: Sriyono", at_start=True)
    assert parsed is not None and (parsed.authors, parsed.editors) == (["Budi Santoso"], ["Sriyono"])
    antara = read_byline("Penulis : Antara", at_start=False)
    assert antara is not None and (antara.authors, antara.agencies) == ([], ["Antara"])


@pytest.mark.parametrize(
    "line", ["National Biotech Reporter", "Senior Political Reporter", "John Smith, a reporter who"]
)
def test_job_title_alone_is_no_byline(line: str) -> None:
    assert read_byline(line, at_start=True) is None


def test_korean_credit_opening_the_story_stays_in_the_text() -> None:
    lines, byline = extract_bylines(["(서울=연합뉴스) 김영훈 기자 = 정부가 간담회를 열었다.", "둘째 문단."])
    assert lines[0].startswith("(서울=연합뉴스)")
    assert (byline.authors, byline.agencies) == (["김영훈"], ["Yonhap"])


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Door Anne de Vries", ["Anne de Vries"]),
        ("박지영 기자", ["박지영"]),
        ("Agnès Leclair Publié le", ["Agnès Leclair"]),
        ("Di Maio Luigi", ["Di Maio Luigi"]),  # Italian "Di" capitalised is a surname
    ],
)
def test_declared_names(raw: str, names: list[str]) -> None:
    assert split_names(raw) == names


def test_wires_and_desks() -> None:
    assert [wire_service(n) for n in ("PAP", "Lusa", "ТАСС", "新华社", "연합뉴스", "Europa Press")] == [
        "PAP",
        "Lusa",
        "TASS",
        "Xinhua",
        "Yonhap",
        "Europa Press",
    ]
    assert all(desk_credit(n) for n in ("Redacción Clarín", "Redazione ANSA", "Haber Merkezi", "Redaktion"))
    assert not desk_credit("TOI Lifestyle Desk")  # an English desk with a beat stays an author
    assert not desk_credit("Anne de Vries")


def test_desk_widget_is_no_author() -> None:
    html = page(header="<div class='author'>Redazione ANSA</div>")
    assert authors_of(html) == []


def test_place_and_outlet_after_the_name_in_a_widget() -> None:
    located = page(
        header="<div class='article__byline'><div class='byline-name'><a href='/e/jp.html'>Juan Pérez</a></div>"
        "<div class='byline-location'>Madrid</div></div>"
    )
    assert authors_of(located) == ["Juan Pérez"]
    desk = page(header="<div class='authorline__author'>Jan Koch, ARD-Hauptstadtstudio, tagesschau</div>")
    assert authors_of(desk) == ["Jan Koch"]


def test_dutch_by_label_in_a_widget() -> None:
    html = page(header="<span class='author'>Door <a href='/auteur/anne'>Anne de Vries</a></span>")
    assert authors_of(html) == ["Anne de Vries"]


def test_credit_block_after_the_story() -> None:
    html = page(after="<div class='article-credit'><p>Redaktur : Sriyono</p><p>Penulis : Muhamad Ma'rup</p></div>")
    assert authors_of(html) == ["Muhamad Ma'rup"]


def heading(html: str, declared: list[str]) -> str:
    return _heading_text(
        lxml.html.fromstring(html), ["".join(c for c in t.casefold() if c.isalnum()) for t in declared]
    )


def test_heading_elements_printed_without_a_space() -> None:
    html = "<h1><span class='a'>Hochwasser in Bayern</span><span class='b'>Lage weiter angespannt</span></h1>"
    assert heading(html, []) == "Hochwasser in Bayern Lage weiter angespannt"
    assert heading("<h1><b>W</b>ord of the day</h1>", []) == "Word of the day"


def test_kicker_in_the_heading() -> None:
    html = "<h1><span class='seitenkopf__topline'>Bund-Länder-Treffen</span><span>Netzausbau geht schneller</span></h1>"
    assert heading(html, ["Netzausbau geht schneller | tagesschau.de"]) == "Netzausbau geht schneller"
    # the declared title prints the kicker too: it is part of the headline
    assert heading(html, ["Bund-Länder-Treffen: Netzausbau geht schneller"]) == (
        "Bund-Länder-Treffen Netzausbau geht schneller"
    )


def test_kicker_dropped_from_the_title() -> None:
    h1 = "<span class='seitenkopf__topline'>Bund-Länder-Treffen</span><span>Netzausbau soll schneller gehen</span>"
    assert extract_article(page(h1=h1), URL).title == "Netzausbau soll schneller gehen"

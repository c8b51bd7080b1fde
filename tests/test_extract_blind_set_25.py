"""Rules found by the twenty-fifth blind page set (bench/blind-pages-25): credits and stamps of the content web in
European languages (lower-case degrees, Dutch, Czech and Polish labels, desks), of Indonesian and Malay sites
(an organisation's team or a job after the name, CMS accounts) and of East and Southeast Asian sites (jobs and
departments printed around a name, titles glued before it).
"""

from __future__ import annotations

import pytest
from extraction_checks import authors_of, story_page
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.agencies import desk_credit
from newscorpus.extract.dates import is_stamp_only
from newscorpus.extract.reporter_credits import without_role_word


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Autor: mgr Katarzyna Nowak, dietetyczka kliniczna", ["Katarzyna Nowak"]),  # a degree in lower case
        ("Autor: dr hab. inż. Jan Kowalski", ["Jan Kowalski"]),
        ("Geplaatst door Sanne Bakker, Joris Mulder", ["Sanne Bakker", "Joris Mulder"]),
        ("Autorka článku: Petra Dvořáková", ["Petra Dvořáková"]),
        ("Ditulis oleh: Muhammad Rizal (Tim Media Masjid)", ["Muhammad Rizal"]),
        ("Ditulis oleh: Farah Izzati Kamarudin, Pegawai Pendidikan Kesihatan", ["Farah Izzati Kamarudin"]),
        ("Konsultacja merytoryczna: lek. med. Piotr Zieliński, specjalista", []),  # a consultant, no writer
        ("By Tim Green", ["Tim Green"]),  # "Tim" is Indonesian for "team" only in brackets after a name
    ],
)
def test_credit_labels_found_by_the_twenty_fifth_set(line: str, authors: list[str]) -> None:
    assert authors_of(line) == authors


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("料理研究家 村井千夏", "村井千夏"),  # a cook and recipe developer
        ("영양팀 임상영양사 최은정", "최은정"),  # the nutrition team's clinical dietitian
        ("정유나 학생", "정유나"),  # a student
        ("營養室 吳佩珊 營養師", "吳佩珊"),
        ("นพ.ธนากร วงศ์สวัสดิ์", "ธนากร วงศ์สวัสดิ์"),  # a Thai doctor
        ("BS.CKI Nguyễn Thị Lan", "Nguyễn Thị Lan"),  # a Vietnamese specialist doctor
        ("山田 花子", "山田 花子"),  # a Japanese name with its space stays whole
        ("TS Eliot", "TS Eliot"),
    ],
)
def test_jobs_and_titles_around_asian_names_are_no_part_of_them(name: str, person: str) -> None:
    assert without_role_word(name) == person


def test_a_cms_default_account_credited_in_the_byline_is_no_writer() -> None:
    header = (
        "<dl><dd class='createdby' itemprop='author' itemscope itemtype='https://schema.org/Person'>Ditulis"
        " oleh: <span itemprop='name'>Super User</span></dd></dl>"
    )
    page = story_page("id", "Inflasi dan Daya Beli", header, paragraphs=STORY)
    assert extract_article(page, "https://feb.unhas.ac.id/artikel/inflasi").authors == []


def test_a_czech_or_italian_desk_credit_is_no_writer() -> None:
    assert desk_credit("Redakce") and desk_credit("Ufficio Stampa")


def test_polish_publication_and_update_labels_make_a_stamp_row() -> None:
    assert is_stamp_only("Opublikowano: 4 lutego 2025 | Aktualizacja: 20 marca 2025")


def test_a_blogs_name_in_a_heading_inside_its_home_link_is_no_headline() -> None:
    page = (
        "<html lang='ms'><head><title>Pengalaman Anak Masuk Tadika - Dapur &amp; Cerita Kak Ina</title></head><body>"
        "<div id='header-inner'><a href='https://dapurkakina.blogspot.com/'><h1 class='title'>Dapur &amp; Cerita Kak"
        " Ina</h1></a></div><div class='post hentry'><h3 class='post-title entry-title'>Pengalaman Anak Masuk Tadika"
        "</h3>" + "".join(f"<p>{paragraph}</p>" for paragraph in STORY) + "</div></body></html>"
    )
    article = extract_article(page, "https://dapurkakina.blogspot.com/2024/10/pengalaman-anak-masuk-tadika.html")
    assert article.title == "Pengalaman Anak Masuk Tadika"

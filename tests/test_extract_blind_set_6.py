"""Rules found by a sixth blind page set (the long tail of CMSs, and world news in its own languages and calendars,
written without sight of the extractor; see bench/blind-pages-6): credit labels and stamp labels in more languages,
a European numeric stamp after a byline, the French "23 h 48", the months of Greek, Hebrew, Urdu, Bengali and
Swahili pages, Japanese era and Taiwanese Minguo years, the Solar Hijri calendar of Persian pages in Persian digits,
a two-digit-year stamp line, and photo credits of captions in more languages.
"""

from __future__ import annotations

import pytest
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.dates import is_stamp_only, parse_date

PARAGRAPHS = "".join(f"<p>{text}</p>" for text in STORY)


@pytest.mark.parametrize(
    ("line", "authors", "editors"),
    [
        # a numeric European stamp run into the byline used to cut off the second name
        ("Von Katrin Vogel und Jonas Becker 04.03.2025, 17:45 Uhr", ["Katrin Vogel", "Jonas Becker"], []),
        ("Text: Elin Sjöberg Foto: Johan Ek", ["Elin Sjöberg"], []),
        ("Text: Reto Zbinden, Bilder: Nadja Frei", ["Reto Zbinden"], []),
        ("Γράφει: Ελένη Καραγιάννη", ["Ελένη Καραγιάννη"], []),
        ("نویسنده: مریم حسین\u200cزاده", ["مریم حسین\u200cزاده"], []),
        ("रिपोर्ट: अंकित शर्मा | एडिटेड बाय: पूजा त्रिपाठी", ["अंकित शर्मा"], ["पूजा त्रिपाठी"]),
        ("作者：王心怡", ["王心怡"], []),
        # a wiki page's credits: who created it, not who last changed it
        ("Created by Jess Nguyen, last modified by Tom Ashby on 11 Mar 2025", ["Jess Nguyen"], []),
    ],
)
def test_credit_labels_of_more_languages(line: str, authors: list[str], editors: list[str]) -> None:
    byline = read_byline(line, at_start=True)
    assert byline is not None
    assert byline.authors == authors and byline.editors == editors


def test_a_stamp_label_of_another_language_ends_the_name() -> None:
    """ "Γράφει: Ελένη Καραγιάννη Δημοσίευση: 09.04.2025": the Greek "Published" label is no part of her name."""
    page = (
        "<html lang='el'><head><title>Δρόμος</title></head><body><article><h1>Κλειστός ο δρόμος</h1>"
        "<div class='meta'><span>Γράφει: Ελένη Καραγιάννη</span> <span>Δημοσίευση: 09.04.2025 | 21:47</span></div>"
        f"{PARAGRAPHS}</article></body></html>"
    )
    article = extract_article(page, "https://www.example.gr/news/dromos")
    assert article.authors == ["Ελένη Καραγιάννη"]
    assert article.published_at is not None and article.published_at.date().isoformat() == "2025-04-09"


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("Publié le 14 novembre 2025 à 23 h 48", "2025-11-14", "23:48"),  # Quebec's spaced "h"
        ("شائع 14 ستمبر 2025 09:12pm", "2025-09-14", "21:12"),  # Urdu
        ("Imechapishwa: Jumatano, Machi 4, 2026", "2026-03-04", None),  # Swahili
        ("Δημοσίευση: 9 Απριλίου 2025", "2025-04-09", None),  # Greek genitive
        ("5 במרץ 2025", "2025-03-05", None),  # Hebrew, "in March"
        ("১২ মার্চ ২০২৫", "2025-03-12", None),  # Bengali digits and month
        ("令和7年10月3日 21:15", "2025-10-03", "21:15"),  # Japanese era year
        ("令和元年5月1日", "2019-05-01", None),  # the era's first year
        ("發布時間：114年6月27日 下午11:48", "2025-06-27", "23:48"),  # Taiwan's Minguo year
        ("۱ دی ۱۴۰۴ - ۰۱:۱۵", "2025-12-22", "01:15"),  # Solar Hijri in Persian digits
        ("۱۵ مهر‌ماه ۱۴۰۳", "2024-10-06", None),
    ],
)
def test_dates_of_more_languages_and_calendars(text: str, day: str, time: str | None) -> None:
    found = parse_date(text)
    assert found is not None
    assert found.utc.date().isoformat() == day
    assert found.has_time == (time is not None)
    if time is not None:
        assert found.utc.strftime("%H:%M") == time


def test_an_impossible_solar_hijri_day_is_no_date() -> None:
    """1404 is no leap year: its Esfand has 29 days."""
    assert parse_date("30 اسفند 1404") is None
    assert parse_date("30 اسفند 1403") is not None


def test_a_two_digit_year_stamp_line_belongs_to_the_header() -> None:
    """ "פורסם: 05.11.25, 00:35" (Ynet's stamp) over the text is a stamp, not the story's first line."""
    assert is_stamp_only("פורסם: 05.11.25, 00:35")
    assert is_stamp_only("עודכן: 05.11.25, 08:10")
    assert not is_stamp_only("Die Sitzung vom 05.11.25 war kurz.")


def test_the_printed_local_stamp_dates_a_page_declaring_utc() -> None:
    """ "Publié le 14 novembre 2025 à 23 h 48" under the headline, 2025-11-15T04:48Z declared: the same instant five
    hours behind UTC, and the reader's day is the 14th."""
    page = (
        "<html lang='fr'><head><title>Verglas</title><meta property='article:published_time' "
        "content='2025-11-15T04:48:00Z'></head><body><article><h1>Près de 48 000 clients privés de courant</h1>"
        "<p class='byline'>Marie-Ève Gauthier</p><p class='date'>Publié le 14 novembre 2025 à 23 h 48</p>"
        f"{PARAGRAPHS}</article></body></html>"
    )
    article = extract_article(page, "https://www.example.ca/actualites/verglas")
    assert article.tz_offset == "-05:00"
    assert article.published_at is not None and article.published_at.isoformat() == "2025-11-15T04:48:00+00:00"


@pytest.mark.parametrize(
    "caption",
    [
        "קרון הרכבת הקלה במרכז הבקרה בנשר (צילום: אורן כהן)",
        "Kereta api di stasiun pusat (Fotoğraf: Ali Kaya)",
        "عمال في الورشة (تصوير: أحمد علي)",
        "사진: 김민지",
        "写真：佐藤美咲",
    ],
)
def test_captions_crediting_their_photo_in_more_languages_are_not_text(caption: str) -> None:
    assert remove_boilerplate([STORY[0], caption, STORY[1]], title=None, captions=[]) == [STORY[0], STORY[1]]

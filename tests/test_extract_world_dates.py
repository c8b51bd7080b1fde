"""Dates and times printed by news pages outside the Latin-script languages dates.py first knew, found unread by a
probe of hand-written pages: the times "21h35" (French, Portuguese), "0時30分" / "14时05分" / "14시 05분" / "오후 2:05"
(Japanese, Chinese, Korean) that show a page's local offset; Arabic month names (Levantine and Egyptian) with
Arabic-Indic digits, Thai dates in the Buddhist era, Hindi and Vietnamese month names, Russian abbreviations,
"8.mai.2024" and an ISO date glued to a Korean label. Each is pinned with a small text or page written here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from newscorpus.extract.article import extract_article
from newscorpus.extract.dates import find_written_dates, is_stamp_only


def _only(text: str) -> tuple[datetime, str, bool]:
    found = find_written_dates(text)
    assert len(found) == 1, found
    stamp = found[0][1]
    return stamp.utc, stamp.offset, stamp.has_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08/05/2024 21h35", datetime(2024, 5, 8, 21, 35, tzinfo=UTC)),
        ("8 mai 2024 à 21h", datetime(2024, 5, 8, 21, 0, tzinfo=UTC)),
        ("Publié le 3 mai 2024 à 14h05", datetime(2024, 5, 3, 14, 5, tzinfo=UTC)),
        ("2024年5月3日 0時30分", datetime(2024, 5, 3, 0, 30, tzinfo=UTC)),
        ("2024年05月03日 14时05分", datetime(2024, 5, 3, 14, 5, tzinfo=UTC)),
        ("2024年5月3日 午後2時5分", datetime(2024, 5, 3, 14, 5, tzinfo=UTC)),
        ("2024년 5월 3일 14시 05분", datetime(2024, 5, 3, 14, 5, tzinfo=UTC)),
        ("2024년 5월 3일 오후 2:05", datetime(2024, 5, 3, 14, 5, tzinfo=UTC)),
        ("2024년 5월 3일 오전 12:10", datetime(2024, 5, 3, 0, 10, tzinfo=UTC)),
    ],
)
def test_local_time_forms_after_a_date_are_read(text: str, expected: datetime) -> None:
    assert _only(text) == (expected, "+00:00", True)


@pytest.mark.parametrize(
    "text", ["2024年5月3日 3時間前", "3 mai 2024 24h sur 24", "3 mai 2024 14hrs", "3 May 2024 | 2h ago"]
)
def test_hour_counts_and_other_words_are_not_times(text: str) -> None:
    utc, _, has_time = _only(text)
    assert utc.date() == date(2024, 5, 3) and not has_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نُشر: 14:05-3 مايو 2024 م ـ 24 شوّال 1445 هـ", date(2024, 5, 3)),  # Egyptian / Gulf names
        ("3 أيار 2024", date(2024, 5, 3)),  # Levantine / Iraqi names
        ("15 كانون الثاني 2024", date(2024, 1, 15)),
        ("1 تشرين الأول، 2023", date(2023, 10, 1)),
        ("٣ مايو ٢٠٢٤", date(2024, 5, 3)),  # Arabic-Indic digits
        ("3 พ.ค. 2567 14:05 น.", date(2024, 5, 3)),  # Thai abbreviation, Buddhist era
        ("3 พฤษภาคม พ.ศ. 2567", date(2024, 5, 3)),
        ("28 ธ.ค. 2566", date(2023, 12, 28)),
        ("3 मई 2024", date(2024, 5, 3)),  # Hindi
        ("12 सितंबर 2023", date(2023, 9, 12)),
        ("ngày 3 tháng 5 năm 2024", date(2024, 5, 3)),  # Vietnamese
        ("Thứ sáu, 3 tháng 12, 2024", date(2024, 12, 3)),
        ("26 апр. 2024", date(2024, 4, 26)),  # Russian abbreviation
        ("8.mai.2024 às 21h35", date(2024, 5, 8)),  # Folha
        ("송고2024-05-03 14:05", date(2024, 5, 3)),  # Yonhap's "sent" glued to the date
    ],
)
def test_local_dates_are_read(text: str, expected: date) -> None:
    assert find_written_dates(text)[0][1].utc.date() == expected


def test_a_vietnamese_stamp_is_day_first_with_its_gmt_offset() -> None:
    assert _only("Thứ sáu, 3/5/2024, 14:05 (GMT+7)") == (datetime(2024, 5, 3, 7, 5, tzinfo=UTC), "+07:00", True)


@pytest.mark.parametrize("text", ["8.mai.2024 às 21h35", "2024年5月3日 0時30分", "3 مايو 2024", "08/05/2024 21h35"])
def test_such_stamps_are_stamp_only_lines(text: str) -> None:
    assert is_stamp_only(text)


STORY = (
    "<p>O Comitê de Política Monetária manteve a taxa básica de juros em 10,5% ao ano nesta quarta-feira, em uma "
    "decisão dividida que surpreendeu parte dos analistas do mercado financeiro.</p>"
    "<p>Quatro diretores votaram por um corte de meio ponto, enquanto a maioria preferiu interromper o ciclo de "
    "reduções diante das incertezas sobre a inflação e as contas públicas.</p>"
    "<p>Em comunicado, o colegiado afirmou que o cenário externo segue adverso e que a política monetária deve "
    "continuar contracionista por tempo suficiente para consolidar a desinflação.</p>"
)


def _page(lang: str, head: str, header: str, story: str = STORY) -> str:
    return (
        f"<html lang='{lang}'><head><title>Copom mantém Selic</title>{head}</head><body>"
        "<nav><a href='/'>Início</a> <a href='/economia'>Economia</a></nav>"
        f"<main><article><h1>Copom mantém Selic</h1>{header}<div class='body'>{story}</div></article></main>"
        "<footer><p>&copy; 2024</p></footer></body></html>"
    )


def _local_day(html: str, url: str) -> tuple[date | None, str | None]:
    fields = extract_article(html, url)
    if fields.published_at is None:
        return None, fields.tz_offset
    sign = -1 if (fields.tz_offset or "+").startswith("-") else 1
    hours, minutes = (int(part) for part in (fields.tz_offset or "+00:00")[1:].split(":"))
    local = fields.published_at + sign * timedelta(hours=hours, minutes=minutes)
    return local.date(), fields.tz_offset


def test_a_brazilian_evening_stamp_keeps_the_local_day_of_a_utc_declaration() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-09T00:35:22Z"}</script>'
    )
    header = (
        '<p class="date"><time itemprop="datePublished" datetime="2024-05-09T00:35:22Z">08/05/2024 21h35</time></p>'
    )
    html = _page("pt-BR", head, header)
    assert _local_day(html, "https://g1.example/economia/copom.ghtml") == (date(2024, 5, 8), "-03:00")


def test_a_japanese_early_morning_time_element_keeps_the_local_day() -> None:
    # the stamp sits where the body reader may take it into the story; its <time> gives the wall-clock time
    head = '<meta property="article:published_time" content="2024-05-02T15:30:00Z">'
    header = '<p class="date"><time datetime="2024-05-03T00:30">2024年5月3日 0時30分</time></p>'
    html = _page("ja", head, header)
    assert _local_day(html, "https://nhk.example/news/k1001.html") == (date(2024, 5, 3), "+09:00")


def test_a_utc_time_element_does_not_shift_the_offset() -> None:
    head = '<meta property="article:published_time" content="2024-05-02T15:30:00Z">'
    header = '<p class="date"><time datetime="2024-05-03 00:30:00 UTC">May 3, 2024</time></p>'
    html = _page("en", head, header)
    assert _local_day(html, "https://news.example/story.html") == (date(2024, 5, 2), "+00:00")


@pytest.mark.parametrize(
    ("lang", "stamp"),
    [
        ("ar", "نُشر: 14:05-3 مايو 2024 م ـ 24 شوّال 1445 هـ"),
        ("ar", "الجمعة 3 أيار 2024"),
        ("th", "ไทยรัฐออนไลน์ 3 พ.ค. 2567 14:05 น."),
        ("hi", "प्रकाशित: 3 मई 2024"),
    ],
)
def test_a_page_printing_only_a_local_date_is_dated(lang: str, stamp: str) -> None:
    html = _page(lang, "", f'<div class="date"><span>{stamp}</span></div>')
    day, _ = _local_day(html, "https://news.example/world/4999999")
    assert day == date(2024, 5, 3)

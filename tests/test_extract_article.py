"""Article extraction on hand-written pages modelled on Indonesian and English news sites (tests/fixtures/html)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newscorpus.extract import ArticleFields, detect_language, extract_article
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.credits import clean_name
from newscorpus.extract.dates import parse_date, resolve_day_month
from newscorpus.sources import ExtractionRules

FIXTURES = Path(__file__).parent / "fixtures" / "html"
KORANKOTA_URL = "https://korankota.example/2023-05-19/rusia-tengahi-konflik-militer-azerbaijan-armenia"
KORANKOTA_RULES = ExtractionRules(
    body="div.article-description",
    drop=(".font-widget", ".photo-credit", ".komentar", "nav.menu"),
    image_caption="figcaption.caption",
    date="div.date",
)
SEED_FIRST = (
    "Armenia dan Azerbaijan siap untuk mengakhiri blokade jaringan transportasi, tetapi masih banyak yang harus "
    "dilakukan untuk benar-benar memastikan perdamaian antara dua negara tetangga yang bertikai tersebut, kata "
    "Menlu Rusia Sergei Lavrov, Jumat (19/5)."
)
SEED_LAST = (
    "Armenia yang mempunyai perjanjian kerja sama pertahanan dengan Rusia, sudah berulang kali mengimbau Moskow "
    'agar menggunakan pasukan penjaga perdamaian mereka untuk menghentikan apa yang mereka sebut "pelanggaran '
    'berat" oleh Azerbaijan terhadap kesepakatan damai 2020.'
)
SEED_CHROME = (
    "Pengaturan Font",
    "Foto :",
    "ANTARA/Reuters",
    "Tentara Azerbaijan ambil bagian",
    "Komentar",
    "Redaktur",
    "Penulis",
    "Lili Lestari",
    "Mondial",
    "Infografis",
    "MOSKOW",
    "Top",
    "()",
)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def paragraphs(article: ArticleFields) -> list[str]:
    return article.body.split("\n\n")


def assert_seed_body(article: ArticleFields) -> None:
    body = paragraphs(article)
    assert body[0] == SEED_FIRST
    assert body[-1] == SEED_LAST
    assert len(body) == 10
    for chrome in SEED_CHROME:
        assert chrome not in article.body, chrome


# --- the seed-like Koran Kota page -------------------------------------------------------------------------------


def test_korankota_with_source_rules() -> None:
    article = extract_article(
        fixture("korankota_article.html"),
        KORANKOTA_URL,
        rules=KORANKOTA_RULES,
        timezone="Asia/Jakarta",
        crawl_date=date(2023, 5, 20),
    )
    assert_seed_body(article)
    assert article.title == "Rusia Tengahi Konflik Militer Azerbaijan-Armenia"
    assert article.lead == SEED_FIRST
    assert article.dateline == "MOSKOW"
    assert article.editors == ["Lili Lestari"]
    assert article.authors == []  # "Penulis : Antara" credits a wire service, not a person
    assert article.agency == "Antara"
    # "Jumat 19/5/2023 | 10:15" in div.date, no zone printed: the source's WIB applies
    assert article.published_at == datetime(2023, 5, 19, 3, 15, tzinfo=UTC)
    assert article.tz_offset == "+07:00"
    assert article.language == "id"
    assert article.image_url == "https://korankota.example/images/article/rusia-tengahi-konflik-230519101500.jpeg"
    assert article.image_caption.startswith("Tentara Azerbaijan ambil bagian dalam prosesi")
    assert article.word_count == 253
    assert article.quality_flags == []
    assert article.is_article is True


def test_korankota_without_rules_gives_the_same_article() -> None:
    article = extract_article(
        fixture("korankota_article.html"), KORANKOTA_URL, timezone="Asia/Jakarta", crawl_date=date(2023, 5, 20)
    )
    assert_seed_body(article)
    assert article.title == "Rusia Tengahi Konflik Militer Azerbaijan-Armenia"
    assert (article.dateline, article.editors, article.authors, article.agency) == (
        "MOSKOW",
        ["Lili Lestari"],
        [],
        "Antara",
    )
    assert article.published_at == datetime(2023, 5, 19, 3, 15, tzinfo=UTC)
    assert article.tz_offset == "+07:00"
    assert article.tags == ["Armenia", "Azerbaijan"]
    assert article.is_article is True


def test_flat_page_chrome_inside_the_content_is_cleaned_line_by_line() -> None:
    """Menu, photo credit, caption, font widget and comment block all sit in the same container as the story."""
    article = extract_article(
        fixture("korankota_flat.html"),
        "https://korankota.example/rusia",
        timezone="Asia/Jakarta",
        crawl_date=date(2023, 5, 20),
    )
    assert_seed_body(article)
    assert article.authors == ["Nama Orang"]  # "Penulis : Nama Orang" is a person
    assert article.editors == ["Lili Lestari"]
    assert article.agency is None
    assert article.dateline == "MOSKOW"
    assert article.published_at == datetime(2023, 5, 19, 3, 15, tzinfo=UTC)
    assert article.title == "Rusia Tengahi Konflik Militer Azerbaijan-Armenia"


def test_bad_selector_in_rules_falls_back_to_generic_extraction() -> None:
    rules = ExtractionRules(body="div.no-such-container", drop=("[[[not css",))
    article = extract_article(fixture("korankota_article.html"), KORANKOTA_URL, rules=rules, timezone="Asia/Jakarta")
    assert_seed_body(article)


# --- other outlets' conventions ----------------------------------------------------------------------------------


def test_republika_rep_red_byline_outside_body_and_json_ld_graph() -> None:
    article = extract_article(
        fixture("republika_article.html"),
        "https://republika.example/berita/rx1/pemerintah-siapkan-aturan",
        timezone="Asia/Jakarta",
        crawl_date=date(2026, 7, 25),
    )
    # JSON-LD names the editor as author (as Republika's feed does); the labelled line says who reported
    assert article.authors == ["Fauziah Mursid"]
    assert article.editors == ["Ratna Puspita"]
    assert article.agency is None
    assert article.title == "Pemerintah Siapkan Aturan Baru Transportasi Daring"
    assert article.dateline == "JAKARTA"
    body = paragraphs(article)
    assert body[0].startswith("Pemerintah tengah menyiapkan aturan baru untuk transportasi daring")
    assert body[-1].startswith("Pemerintah juga akan mewajibkan perusahaan aplikasi")
    assert "Baca Juga" not in article.body and "REPUBLIKA.CO.ID" not in article.body
    assert article.published_at == datetime(2026, 7, 24, 3, 47, tzinfo=UTC)
    assert article.modified_at == datetime(2026, 7, 24, 5, 5, tzinfo=UTC)
    assert article.tz_offset == "+07:00"
    assert article.section == "Ekonomi"
    assert article.tags == ["transportasi daring", "ojol", "regulasi"]
    assert article.image_url == "https://republika.example/images/2026/07/ojol.jpg"
    assert article.image_caption == "Pengemudi ojek daring menunggu penumpang di Jakarta."
    assert article.language == "id"


def test_antara_pewarta_editor_footer_and_indonesian_text_date() -> None:
    article = extract_article(
        fixture("antara_article.html"),
        "https://antara.example/berita/4711/harga-beras",
        timezone="Asia/Jakarta",
        crawl_date=date(2025, 3, 15),
    )
    assert article.dateline == "Jakarta"
    assert article.agency == "Antara"  # from "Jakarta (ANTARA) -"
    assert article.authors == ["Nama Pewarta"]
    assert article.editors == ["Nama Editor"]
    body = paragraphs(article)
    assert body[0].startswith("Harga beras medium di Pasar Induk Beras Cipinang")
    assert body[-1].startswith("Pedagang memperkirakan harga akan terus turun")
    for chrome in ("Pewarta", "Editor", "Copyright", "Dilarang keras", "Baca juga", "(ANTARA)"):
        assert chrome not in article.body
    # "Jumat, 14 Maret 2025 15:51 WIB" printed above the story; no metadata dates on the page
    assert article.published_at == datetime(2025, 3, 14, 8, 51, tzinfo=UTC)
    assert article.tz_offset == "+07:00"


@pytest.mark.parametrize(
    ("zone", "expected_utc", "offset"),
    [
        ("Asia/Jakarta", datetime(2026, 7, 20, 16, 40, tzinfo=UTC), "+07:00"),
        ("UTC", datetime(2026, 7, 20, 23, 40, tzinfo=UTC), "+00:00"),
    ],
)
def test_english_page_by_line_and_naive_time_element(zone: str, expected_utc: datetime, offset: str) -> None:
    article = extract_article(
        fixture("english_article.html"), "https://jakartadaily.example/city/mrt-line-two", timezone=zone
    )
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.dateline == "JAKARTA"
    assert paragraphs(article)[0].startswith("The city opened the first section of its second mass rapid transit")
    assert paragraphs(article)[-1] == (
        "Fares will be the same as on the existing line for the first three months, the operator said."
    )
    assert "By Jane Doe" not in article.body and "Most read" not in article.body
    assert article.published_at == expected_utc  # <time datetime> has no offset: the source's zone applies
    assert article.tz_offset == offset
    assert (article.section, article.tags, article.language) == ("City", ["Transport", "MRT"], "en")
    assert article.image_url == "https://img.jakartadaily.example/mrt-line-2.jpg"
    assert article.image_caption == "Commuters board a train at Bundaran HI station."


# --- quality flags -----------------------------------------------------------------------------------------------


def test_paywall_teaser_is_flagged_and_the_prompt_kept_out_of_the_body() -> None:
    article = extract_article(fixture("paywall_teaser.html"), "https://jakartadaily.example/nickel")
    assert "teaser" in article.quality_flags and "short" in article.quality_flags
    assert "Subscribe" not in article.body
    assert article.authors == ["Sari Wulandari"]
    assert article.is_article is True


def test_listing_page_is_not_an_article() -> None:
    article = extract_article(
        fixture("listing_page.html"), "https://korankota.example/terbaru", timezone="Asia/Jakarta"
    )
    assert "non_article" in article.quality_flags
    assert article.is_article is False


def test_article_pages_carry_no_listing_or_teaser_flags() -> None:
    for name in ("korankota_article.html", "republika_article.html", "antara_article.html", "english_article.html"):
        article = extract_article(fixture(name), "https://example.test/a", timezone="Asia/Jakarta")
        assert article.quality_flags == [], name


def test_missing_title_and_date_are_flagged() -> None:
    html = "<html><body><div>" + "<p>Kalimat berita yang cukup panjang untuk dibaca.</p>" * 30 + "</div></body></html>"
    article = extract_article(html, "https://example.test/tanpa-judul")
    assert "no_title" in article.quality_flags and "no_date" in article.quality_flags
    assert article.title is None and article.published_at is None


# --- hostile input never raises ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        "",
        "   \n  ",
        b"\x00\x01\x02\x03" * 500,
        "<html></html>",
        "<html><head><title>Judul saja</title></head></html>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Teks pendek.</p></body></html>',
        b"<html><body><p>\xff\xfe bytes that are not UTF-8 \xc3\x28</p></body></html>",
        "<html><body>" + "<div>" * 5000 + "dalam" + "</div>" * 5000 + "</body></html>",
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", broken</script></head></html>',
    ],
    ids=[
        "empty-bytes",
        "empty-str",
        "blank",
        "binary",
        "no-body",
        "title-only",
        "xml-declaration",
        "bad-utf8",
        "deep-nesting",
        "broken-json-ld",
    ],
)
def test_bad_input_gives_flags_not_exceptions(raw: str | bytes) -> None:
    article = extract_article(raw, "https://example.test/x", default_language="id")
    assert isinstance(article, ArticleFields)
    assert "short" in article.quality_flags
    assert "non_article" in article.quality_flags or article.word_count > 0
    assert article.language == "id"  # none of these pages declares one


def test_garbage_bytes_fixture() -> None:
    article = extract_article(fixture("garbage.bin"), "https://example.test/garbage", default_language="id")
    assert article.quality_flags == ["short", "non_article", "no_date", "no_title"]
    assert article.is_article is False
    assert article.body == "" and article.language == "id"


def test_huge_page_is_read_without_error() -> None:
    page = fixture("korankota_article.html").decode()
    padding = "<div class='ad'>" + "iklan " * 200 + "</div>"
    huge = page.replace("<footer>", padding * 1500 + "<footer>")  # about 2 MB of filler after the story
    article = extract_article(huge, KORANKOTA_URL, rules=KORANKOTA_RULES, timezone="Asia/Jakarta")
    assert paragraphs(article)[0] == SEED_FIRST
    assert "boilerplate_heavy" in article.quality_flags


def test_unknown_time_zone_is_a_caller_error() -> None:
    with pytest.raises(Exception, match="Nowhere/City"):
        extract_article("<html></html>", "https://example.test/", timezone="Nowhere/City")


# --- dates -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "utc", "offset"),
    [
        ("19 Mei 2023 14:05 WIB", datetime(2023, 5, 19, 7, 5, tzinfo=UTC), "+07:00"),
        ("Jumat, 19 Mei 2023 | 14:05 WIB", datetime(2023, 5, 19, 7, 5, tzinfo=UTC), "+07:00"),
        ("Jum'at, 24 Juli 2026 | 07:08 WIB", datetime(2026, 7, 24, 0, 8, tzinfo=UTC), "+07:00"),
        ("Kamis, 23 Agustus 2026 14:35 WITA", datetime(2026, 8, 23, 6, 35, tzinfo=UTC), "+08:00"),
        ("Senin, 5 Oktober 2026 09:00 WIT", datetime(2026, 10, 5, 0, 0, tzinfo=UTC), "+09:00"),
        ("Rabu, 2 Desember 2026 21:10", datetime(2026, 12, 2, 14, 10, tzinfo=UTC), "+07:00"),
        ("Jumat 19/5/2023 | 10:15", datetime(2023, 5, 19, 3, 15, tzinfo=UTC), "+07:00"),
        ("20 July 2026, 23:40", datetime(2026, 7, 20, 16, 40, tzinfo=UTC), "+07:00"),
        ("2023-05-19T14:05:00", datetime(2023, 5, 19, 7, 5, tzinfo=UTC), "+07:00"),
        ("2023-05-19T14:05:00+08:00", datetime(2023, 5, 19, 6, 5, tzinfo=UTC), "+08:00"),
        ("2023-05-19T14:05:00Z", datetime(2023, 5, 19, 14, 5, tzinfo=UTC), "+00:00"),
        ("2023-05-19 14:05:00 +0700", datetime(2023, 5, 19, 7, 5, tzinfo=UTC), "+07:00"),
        ("Sun, 15 Mar 2020 15:51:04 +0700", datetime(2020, 3, 15, 8, 51, 4, tzinfo=UTC), "+07:00"),
        ("Published on 2026-02-13T18:41:12+07:00", datetime(2026, 2, 13, 11, 41, 12, tzinfo=UTC), "+07:00"),
        ("May 19, 2023 10:15 PM", datetime(2023, 5, 19, 15, 15, tzinfo=UTC), "+07:00"),
        # a bare date is placed at local noon, so its UTC calendar day is the day the page printed
        ("2023-05-19", datetime(2023, 5, 19, 5, 0, tzinfo=UTC), "+07:00"),
    ],
)
def test_parse_date(text: str, utc: datetime, offset: str) -> None:
    parsed = parse_date(text, timezone_name="Asia/Jakarta")
    assert parsed is not None
    assert (parsed.utc, parsed.offset) == (utc, offset)


@pytest.mark.parametrize("text", ["", "besok pagi", "31 Februari 2023", "Pukul 10:15 WIB", "1/1/1800"])
def test_parse_date_rejects_non_dates(text: str) -> None:
    assert parse_date(text, timezone_name="Asia/Jakarta") is None


@pytest.mark.parametrize(
    ("day", "month", "weekday", "crawl", "expected"),
    [
        (19, 5, 4, date(2023, 5, 19), date(2023, 5, 19)),  # "Jumat (19/5)" crawled the same day
        (19, 5, 4, date(2023, 6, 30), date(2023, 5, 19)),
        (19, 5, 4, date(2024, 1, 10), date(2023, 5, 19)),  # crawled in the next year
        (19, 5, 4, date(2024, 5, 25), date(2023, 5, 19)),  # 19/5/2024 is a Sunday: the Friday one is 2023
        (29, 12, 4, date(2024, 1, 2), date(2023, 12, 29)),  # "Jumat (29/12)" across the year boundary
        (1, 1, 0, date(2024, 1, 2), date(2024, 1, 1)),  # "Senin (1/1)"
        (19, 5, 0, date(2023, 5, 25), date(2023, 5, 19)),  # "Senin (19/5)" fits no recent year: latest 19/5
        (29, 2, 3, date(2025, 3, 1), date(2024, 2, 29)),  # "Kamis (29/2)": only leap years have it
    ],
)
def test_resolve_day_month(day: int, month: int, weekday: int, crawl: date, expected: date) -> None:
    assert resolve_day_month(day, month, weekday, crawl) == expected


@pytest.mark.parametrize(
    ("crawl", "expected_day"),
    [
        (date(2023, 5, 19), date(2023, 5, 19)),
        (date(2023, 5, 22), date(2023, 5, 19)),
        (date(2024, 1, 3), date(2023, 5, 19)),
        (date(2024, 5, 20), date(2023, 5, 19)),
    ],
)
def test_lead_weekday_date_resolved_against_the_crawl_date(crawl: date, expected_day: date) -> None:
    """With no stamp or metadata, "kata Lavrov, Jumat (19/5)" in the lead is the only date on the page."""
    page = fixture("korankota_article.html").decode().replace('<div class="date">Jumat 19/5/2023 | 10:15</div>', "")
    article = extract_article(page, "https://korankota.example/rusia", timezone="Asia/Jakarta", crawl_date=crawl)
    assert article.published_at is not None
    assert article.published_at.date() == expected_day
    assert article.tz_offset == "+07:00"
    assert "no_date" not in article.quality_flags


# --- bylines -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "at_start", "authors", "editors", "agencies"),
    [
        ("Rep: Fauziah Mursid / Red: Ratna Puspita", True, ["Fauziah Mursid"], ["Ratna Puspita"], []),
        ("Pewarta: Nama Pewarta", False, ["Nama Pewarta"], [], []),
        ("Editor : Nama Editor", False, [], ["Nama Editor"], []),
        ("Redaktur : Lili Lestari", False, [], ["Lili Lestari"], []),
        ("Penulis : Antara", False, [], [], ["Antara"]),
        ("Penulis : Nama Orang", False, ["Nama Orang"], [], []),
        ("Penulis : Nama Orang/ANTARA", False, ["Nama Orang"], [], ["Antara"]),
        ("Oleh Ahmad Syafii", True, ["Ahmad Syafii"], [], []),
        ("Laporan wartawan Tribunnews.com, Fransiskus Adhiyuda", True, ["Fransiskus Adhiyuda"], [], []),
        ("By Jane Doe and John Roe", True, ["Jane Doe", "John Roe"], [], []),
        ("Published August 7, 2023 by Nicole Burke", True, ["Nicole Burke"], [], []),
        ("Selasa, 3 Oktober 2026 | Oleh Ahmad Syafii", True, ["Ahmad Syafii"], [], []),
        ("By Jane Doe, Reuters", True, ["Jane Doe"], [], ["Reuters"]),
        ("Reporter: Ani Rahma | Editor: Budi Santoso", True, ["Ani Rahma"], ["Budi Santoso"], []),
        ("(Antara)", False, [], [], ["Antara"]),
    ],
)
def test_read_byline(line: str, at_start: bool, authors: list, editors: list, agencies: list) -> None:
    byline = read_byline(line, at_start=at_start)
    assert byline is not None
    assert (byline.authors, byline.editors, byline.agencies) == (authors, editors, agencies)


@pytest.mark.parametrize(
    "line",
    [
        "By 2030, the country will need twice as many engineers.",
        "Oleh karena itu pemerintah menunda rencana",
        "kata Editor: tidak ada masalah",
        "Menurut Penulis : buku ini sangat penting bagi generasi muda kita",
    ],
)
def test_sentences_are_not_bylines(line: str) -> None:
    assert read_byline(line, at_start=True) is None


# --- language and output shape -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hints", "expected"),
    [(["id-ID"], "id"), (["en_US"], "en"), (["in"], "id"), ([None, "", "und", "id"], "id"), ([None], None)],
)
def test_detect_language_from_hints(hints: list, expected: str | None) -> None:
    assert detect_language("", hints) == expected


def test_language_falls_back_to_the_source_default() -> None:
    html = "<html><body><article><h1>Judul</h1><p>" + "kata " * 100 + "</p></article></body></html>"
    assert extract_article(html, "https://example.test/", default_language="id").language == "id"


def test_to_dict_is_json_ready_and_keeps_the_stated_offset() -> None:
    article = extract_article(
        fixture("korankota_article.html"), KORANKOTA_URL, rules=KORANKOTA_RULES, timezone="Asia/Jakarta"
    )
    data = json.loads(json.dumps(article.to_dict(json_safe=True)))
    assert data["published_at"] == "2023-05-19T10:15:00+07:00"  # the same instant as 03:15 UTC
    assert data["editors"] == ["Lili Lestari"] and data["quality_flags"] == []
    assert article.to_dict()["published_at"] == datetime(2023, 5, 19, 3, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Luke Kim December 3, 2025", "Luke Kim"),
        ("CM Craig McCarthy Last updated", "Craig McCarthy"),
        ("Authors Aniruddha Roy", "Aniruddha Roy"),
        ("Colin Gray Colin Gray", "Colin Gray"),
        ("Theresa May", "Theresa May"),  # a month-like surname after one word is a name
        ("Marcus Decker", "Marcus Decker"),
    ],
)
def test_credited_names_lose_byline_widget_leftovers(raw: str, expected: str) -> None:
    assert clean_name(raw) == expected


def test_rel_canonical_is_read_as_an_absolute_url() -> None:
    page = (
        "<html><head><link rel='canonical' href='/2026-11-20/banjir'></head><body><article><h1>Banjir</h1>"
        "<p>Banjir merendam Jakarta Utara sejak Kamis pagi setelah hujan deras semalaman di kawasan itu.</p>"
        "</article></body></html>"
    )
    fields = extract_article(page, "https://news.example/amp/banjir?utm_source=x")
    assert fields.canonical_link == "https://news.example/2026-11-20/banjir"
    assert extract_article("<html><body><p>x</p></body></html>", "https://news.example/a").canonical_link is None


def test_control_characters_inside_a_page_are_dropped_before_parsing() -> None:
    """A stray form feed or NUL in a real page costs nothing: it is removed, the article is read."""
    story = "The ferry is running again on summer weekends after twenty years, the council said on Monday. " * 3
    html = f"<html><head><title>Ferry back</title></head><body><article><h1>Ferry back</h1><p>{story}\x0c\x00</p>"
    fields = extract_article(html + f"<p>{story}</p></article></body></html>", "https://example.com/ferry")
    assert fields.body and "\x0c" not in fields.body and "\x00" not in fields.body
    assert fields.title == "Ferry back"


def test_the_parsed_tree_is_lxml_html_elements_throughout() -> None:
    """The parser's C-level class lookup still gives lxml.html elements (text_content, cssselect ...)."""
    import lxml.html

    from newscorpus.extract.document import parse_html

    tree = parse_html(
        "<html><body><form><input name='q'><label>Find</label></form><p>Hello <b>world</b></p></body></html>"
    )
    assert tree is not None
    assert all(isinstance(element, lxml.html.HtmlElement) for element in tree.iter(lxml.html.etree.Element))
    assert tree.cssselect("p")[0].text_content() == "Hello world"

"""The Indonesian byline and date conventions of ../shared/reference/indonesian-sources.md, one page each.

Pages are built here from one template (a header, a story of several paragraphs, a footer with sidebar links), so
each test changes only the convention it pins: Media Indonesia's "Editor : <a>" line, a byline printed as the first
paragraph ("Oleh ...", "Laporan wartawan ..."), Kompas' meta times in UTC beside JSON-LD in +07:00, and meta times
without a zone (Okezone, Tempo), which are read in the source's zone.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from newscorpus.extract import extract_article

STORY = [
    "Pemerintah menyiapkan paket kebijakan baru untuk menjaga harga pangan tetap stabil menjelang akhir tahun, "
    "kata Menteri Koordinator Bidang Perekonomian dalam konferensi pers di Jakarta.",
    "Paket itu mencakup operasi pasar di tiga ratus titik, penambahan cadangan beras pemerintah, dan pengawasan "
    "distribusi bersama pemerintah daerah serta aparat penegak hukum.",
    "Menurut dia, inflasi pangan bergejolak pada bulan lalu masih berada dalam kisaran sasaran yang ditetapkan "
    "bersama Bank Indonesia, meskipun harga cabai dan bawang merah sempat naik tajam.",
    "Pemerintah juga meminta pedagang besar melaporkan stok secara berkala agar penimbunan dapat dicegah sejak "
    "awal dan pasokan ke pasar tradisional tetap lancar hingga awal tahun depan.",
]
URL = "https://berita.example/ekonomi/2026/10/03/paket-kebijakan-pangan"


def page(*, head: str = "", before_story: str = "", first_paragraph: str = "", after_story: str = "") -> str:
    story = "".join(f"<p>{text}</p>" for text in STORY)
    lead = f"<p>{first_paragraph}</p>" if first_paragraph else ""
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Pemerintah Siapkan Paket Kebijakan Pangan - Berita Contoh</title>{head}</head>
<body><header class="site-header"><nav><a href="/">Beranda</a> <a href="/ekonomi">Ekonomi</a>
<a href="/politik">Politik</a></nav></header>
<main><article><h1>Pemerintah Siapkan Paket Kebijakan Pangan</h1>{before_story}
<div class="article-body">{lead}{story}{after_story}</div></article>
<aside class="sidebar"><h3>Terpopuler</h3><ul>
<li><a href="/a">Harga emas hari ini naik tipis setelah pekan lalu turun tajam</a></li>
<li><a href="/b">Jadwal kereta tambahan untuk libur panjang akhir pekan ini</a></li></ul></aside></main>
<footer class="site-footer"><p>Copyright 2026 Berita Contoh. All rights reserved.</p></footer></body></html>"""


def test_media_indonesia_editor_line_with_linked_name() -> None:
    html = page(
        before_story='<div class="info-author">Editor : '
        '<a href="https://berita.example/author/112/heryadi" class="author">Heryadi</a></div>',
        after_story="<p>Pilihan Editor: Harga Beras Turun di Pasar Induk</p>",
    )
    article = extract_article(html, URL, timezone="Asia/Jakarta")
    assert article.editors == ["Heryadi"]
    assert "Heryadi" not in article.authors
    assert article.body.split("\n\n")[0] == STORY[0]
    assert article.body.split("\n\n")[-1] == STORY[-1]  # the trailing "Pilihan Editor:" teaser is not story
    assert "Editor" not in article.body


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Oleh Ahmad Syafii", "Ahmad Syafii"),
        ("Laporan wartawan Berita Contoh, Fransiskus Adhiyuda", "Fransiskus Adhiyuda"),
    ],
)
def test_byline_printed_as_the_first_paragraph(byline: str, author: str) -> None:
    article = extract_article(page(first_paragraph=byline), URL, timezone="Asia/Jakarta")
    assert article.authors == [author]
    assert article.body.split("\n\n")[0] == STORY[0]
    assert article.lead == STORY[0]
    assert byline not in article.body


def _json_ld(published: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": published}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_meta_time_in_utc_beside_json_ld_in_wib_is_one_instant_with_the_local_offset_kept() -> None:
    html = page(
        head='<meta property="article:published_time" content="2026-10-03T06:30:00+00:00">'
        + _json_ld("2026-10-03T13:30:00+07:00")
    )
    article = extract_article(html, URL, timezone="Asia/Jakarta", crawl_date=date(2026, 10, 3))
    assert article.published_at == datetime(2026, 10, 3, 6, 30, tzinfo=UTC)
    assert article.tz_offset == "+07:00"
    assert article.to_dict(json_safe=True)["published_at"] == "2026-10-03T13:30:00+07:00"


def test_meta_time_in_utc_alone_keeps_its_stated_offset() -> None:
    html = page(head='<meta property="article:published_time" content="2026-10-02T20:30:00Z">')
    article = extract_article(html, URL, timezone="Asia/Jakarta", crawl_date=date(2026, 10, 3))
    assert article.published_at == datetime(2026, 10, 2, 20, 30, tzinfo=UTC)
    assert article.tz_offset == "+00:00"  # what the page stated; 03:30 WIB on the 3rd is the same instant


@pytest.mark.parametrize(
    ("zone", "utc", "offset"),
    [
        ("Asia/Jakarta", datetime(2026, 10, 3, 6, 30, tzinfo=UTC), "+07:00"),
        ("Asia/Makassar", datetime(2026, 10, 3, 5, 30, tzinfo=UTC), "+08:00"),
        ("UTC", datetime(2026, 10, 3, 13, 30, tzinfo=UTC), "+00:00"),
    ],
)
def test_meta_time_without_a_zone_is_read_in_the_source_zone(zone: str, utc: datetime, offset: str) -> None:
    html = page(
        head='<meta property="article:published_time" content="2026-10-03 13:30:00">'
        '<meta itemprop="dateModified" content="2026-10-03T15:00:00">'
    )
    article = extract_article(html, URL, timezone=zone, crawl_date=date(2026, 10, 3))
    assert article.published_at == utc
    assert article.tz_offset == offset
    assert article.modified_at is not None
    assert article.modified_at - article.published_at == timedelta(hours=1, minutes=30)  # both read in one zone

"""Page furniture inside the article body that a probe of hand-written platform pages found leaking: related-stories
boxes headed by a label ("Baca Juga", "Related articles"), "follow us on WhatsApp / Google News" lines, syndication
notes ("Artikel ini telah tayang di …"), embed placeholders ("[Gambas:Video 20detik]") and boxes named by CSS-module
classes ("InlineNewsletter_root__b3Kq1"). Each rule is pinned with a small page or a few lines written here, beside
text that uses the same words and must stay.
"""

from __future__ import annotations

import pytest

from newscorpus.extract.article import extract_article
from newscorpus.extract.boilerplate import is_related_label, remove_boilerplate
from newscorpus.extract.document import parse_html
from newscorpus.extract.main_content import extract_main_content

CERITA = [
    "Pemerintah provinsi memberlakukan uji emisi wajib bagi seluruh kendaraan bermotor mulai bulan depan, kata "
    "kepala dinas lingkungan hidup dalam konferensi pers di balai kota pada Senin pagi.",
    "Kendaraan yang tidak lulus uji emisi akan dikenai tarif parkir tertinggi di seluruh lokasi parkir milik "
    "pemerintah daerah, termasuk gedung parkir dan parkir di tepi jalan utama.",
    "Dinas mencatat baru sekitar dua puluh persen kendaraan yang sudah menjalani uji emisi tahun ini, sehingga "
    "bengkel uji emisi diminta menambah jam layanan hingga malam hari.",
    "Warga dapat mengecek lokasi bengkel uji emisi terdekat melalui aplikasi resmi pemerintah daerah, yang juga "
    "menampilkan hasil uji kendaraan mereka dalam beberapa menit.",
]
STORY = [
    "The city council voted on Tuesday to expand the tram line to the eastern districts, ending a debate that had "
    "gone on for almost ten years and divided the governing coalition.",
    "Construction is due to start next spring and will close two of the main roads into the centre for several "
    "months, the transport department said in a statement after the vote.",
    "Shop owners along the route said they welcomed the line but feared losing customers during the works, and "
    "asked the council for help with rents while the streets are closed.",
    "The council promised a fund for affected businesses and said it would publish a timetable of the closures "
    "before the end of the year, so that shops can plan ahead.",
]


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def _main_lines(body: str) -> list[str]:
    html = f"""<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><h1>Headline of the story</h1><div class="article-content">{body}</div></main>
<footer><p>Copyright 2026 Example Media</p></footer></body></html>"""
    return extract_main_content(parse_html(html)).lines


# --- 1. a related-stories label over a list of links ----------------------------------------------------------------

LINKS = (
    '<li><a href="/a">Harga Emas Dunia Melemah Jelang Rilis Data</a></li><li><a href="/b">Cara Investasi Emas</a></li>'
)


@pytest.mark.parametrize(
    "box",
    [
        f'<div class="article-read"><p>Baca Juga:</p><ul>{LINKS}</ul></div>',  # Suara
        f'<div class="picked-article"><span>Baca Juga</span><ul>{LINKS}</ul></div>',  # Republika
        f'<div class="baca-juga-collections"><div class="title">Baca Juga</div><ul>{LINKS}</ul></div>',  # Liputan6
        f"<h3>Related articles:</h3><ul>{LINKS}</ul>",  # a label block, then the list, with no wrapper of their own
        f'<p><strong>Lesen Sie auch</strong></p><div class="slot"></div><ul>{LINKS}</ul>',  # an empty ad slot between
        f"<div><h4>À lire aussi</h4></div><ol>{LINKS}</ol>",
        f'<div class="box"><p>Artikel Terkait</p><p><a href="/a">Satu</a></p><ul>{LINKS}</ul></div>',
    ],
)
def test_a_related_stories_label_with_its_list_of_links_is_dropped_wherever_it_sits(box: str) -> None:
    lines = _main_lines(_paragraphs(CERITA[:2]) + box + _paragraphs(CERITA[2:]))
    assert lines == CERITA


def test_a_related_box_at_the_end_of_the_text_is_dropped_too() -> None:
    box = f'<div class="picked-article"><span>Baca Juga</span><ul>{LINKS}</ul></div>'
    assert _main_lines(_paragraphs(CERITA) + box + "<p>sumber : Antara</p>") == [*CERITA, "sumber : Antara"]


@pytest.mark.parametrize(
    "kept",
    [
        # a list of links with no label is the story's own (its sources, products)
        f"<ul>{LINKS}</ul>",
        # under a heading that names no other stories
        f"<h3>Sumber data</h3><ul>{LINKS}</ul>",
    ],
)
def test_a_list_of_links_without_a_related_label_stays(kept: str) -> None:
    lines = _main_lines(_paragraphs(CERITA[:2]) + kept + _paragraphs(CERITA[2:]))
    assert "Cara Investasi Emas" in lines
    assert "Harga Emas Dunia Melemah Jelang Rilis Data" in lines


def test_a_related_label_over_items_with_text_of_their_own_keeps_the_text() -> None:
    # an item with a sentence of its own is not a bare link: the box is not dropped whole
    box = (
        "<div><p>Baca juga</p><ul><li><a href='/a'>Cara Investasi Emas</a></li>"
        "<li>Harga emas Antam ukuran satu gram dijual Rp 1.065.000 pada perdagangan hari ini.</li></ul></div>"
    )
    lines = _main_lines(_paragraphs(CERITA[:2]) + box + _paragraphs(CERITA[2:]))
    assert "Harga emas Antam ukuran satu gram dijual Rp 1.065.000 pada perdagangan hari ini." in lines


@pytest.mark.parametrize(
    "label",
    ["Baca Juga", "Baca juga:", "BACA JUGA :", "Related", "Related stories", "Read also:", "Artikel Terkait",
     "Lesen Sie auch:", "À lire aussi", "Leia também", "Leggi anche", "Читайте также"],
)  # fmt: skip
def test_related_labels_in_several_languages(label: str) -> None:
    assert is_related_label(label)


@pytest.mark.parametrize(
    "line", ["Baca juga penjelasan lengkap menteri", "Related party transactions", "See also", "Read also the notes"]
)
def test_lines_that_only_start_like_a_label_are_not_labels(line: str) -> None:
    assert not is_related_label(line)


# --- 2. "follow us" lines at the end ------------------------------------------------------------------------------

FOLLOW_LINES = [
    # Kompas
    "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita "
    "Contoh.com WhatsApp Channel : https://www.whatsapp.com/channel/0029Va. Pastikan kamu sudah install aplikasi "
    "WhatsApp ya.",
    # Okezone
    "Follow WhatsApp Channel Contoh untuk update berita terbaru setiap hari",
    "Follow Berita Contoh di Google News",
    # Media Indonesia
    "Cek berita dan artikel yg lain di Google News dan dan ikuti WhatsApp channel contoh.com",
    # Kompas' Telegram group
    "Dapatkan update berita pilihan dan breaking news setiap hari dari Contoh.com. Mari bergabung di Grup Telegram "
    '"Contoh News Update", caranya klik link https://t.me/contoh, kemudian join.',
    "Join our WhatsApp channel for the day's top stories.",
    "Subscribe to our Telegram channel to get breaking news first.",
    "Folgen Sie uns auf WhatsApp und Google News.",
    "Suivez-nous sur notre chaîne WhatsApp.",
]


@pytest.mark.parametrize("line", FOLLOW_LINES)
def test_a_follow_us_line_among_the_last_lines_is_dropped(line: str) -> None:
    assert remove_boilerplate([*CERITA, line]) == CERITA
    assert remove_boilerplate([*CERITA, line, "(E-2)"]) == [*CERITA, "(E-2)"]


def test_two_follow_lines_closing_the_story_are_both_dropped() -> None:
    assert remove_boilerplate([*CERITA, FOLLOW_LINES[2], FOLLOW_LINES[1]]) == CERITA


@pytest.mark.parametrize(
    "sentence",
    [
        "Pengguna WhatsApp di Indonesia mencapai 112 juta orang pada tahun ini, menurut data asosiasi penyelenggara.",
        "Pemerintah meluncurkan saluran WhatsApp resmi untuk informasi bencana pekan lalu.",
        "WhatsApp channels now have more than 500 million monthly users, the company said.",
        "Ia mengikuti perkembangan kasus itu melalui Google News setiap pagi.",
    ],
)
def test_a_story_sentence_about_whatsapp_at_the_end_stays(sentence: str) -> None:
    assert remove_boilerplate([*CERITA, sentence]) == [*CERITA, sentence]


def test_a_follow_prompt_far_from_the_end_is_left_to_other_rules() -> None:
    # only the body's last lines are searched: up there an imperative line may be the story's own advice
    lines = [CERITA[0], FOLLOW_LINES[3], *CERITA[1:], *STORY]
    assert remove_boilerplate(lines) == lines


# --- 3. syndication notes -------------------------------------------------------------------------------------------

TAYANG = (
    "Artikel ini telah tayang di TribunContoh.com dengan judul Uji Emisi Wajib Berlaku Bulan Depan, "
    "https://contoh.tribunnews.com/2024/03/04/uji-emisi-wajib"
)


@pytest.mark.parametrize(
    "note",
    [
        TAYANG,
        TAYANG.replace("telah", "sudah"),
        "Berita ini telah tayang di Contoh.com dengan judul Uji Emisi Wajib.",
        "This article originally appeared in The Example Review.",
        "This story was originally published by Example Health News.",
        "A version of this article first appeared in the Example Gazette.",
        "Dieser Artikel erschien zuerst bei Beispiel Online.",
        "Este artículo fue publicado originalmente en El Ejemplo.",
    ],
)
def test_a_syndication_note_closing_the_story_is_dropped(note: str) -> None:
    assert remove_boilerplate([*STORY, note]) == STORY


def test_a_date_note_that_says_originally_published_stays() -> None:
    # not a syndication note: it dates the post (the date rules read it)
    note = "This post was originally published on June 12, 2020 and has been updated for accuracy."
    assert remove_boilerplate([*STORY, note]) == [*STORY, note]


def test_a_syndication_note_in_the_middle_of_the_text_stays() -> None:
    # only the body's last lines are searched: up there the words are the story's own
    sentence = "This article first appeared in the town's newsletter, the mayor recalled, and nobody read it."
    lines = [STORY[0], sentence, *STORY[1:], *CERITA]
    assert remove_boilerplate(lines) == lines


def _tribun_page(tail: str) -> str:
    return f"""<html lang="id"><head><title>Uji Emisi Wajib Berlaku Bulan Depan</title></head><body>
<div id="header"><a href="/">Tribun Contoh</a></div><div id="article"><h1>Uji Emisi Wajib Berlaku Bulan Depan</h1>
<div class="grey"><time>Senin, 4 Maret 2024 09:12 WIB</time></div>
<div class="side-article txt-article">{_paragraphs(CERITA)}{tail}</div></div>
<div id="footer">Copyright 2024 Contoh</div></body></html>"""


@pytest.mark.parametrize(
    "tail",
    [
        f"<p>{TAYANG}.<br>Penulis: Eka Yulianti Fajlin | Editor: M Nur Huda</p>",
        f"<p>{TAYANG}. Penulis: Eka Yulianti Fajlin | Editor: M Nur Huda</p>",  # the credits on the note's line
    ],
)
def test_the_tribun_syndication_footer_leaves_the_body_but_its_credits_are_read(tail: str) -> None:
    article = extract_article(_tribun_page(tail), "https://contoh.tribunnews.com/2024/03/04/uji-emisi-wajib")
    assert article.body.split("\n\n") == CERITA
    assert article.authors == ["Eka Yulianti Fajlin"]
    assert article.editors == ["M Nur Huda"]


# --- 4. embed placeholders -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token", ["[Gambas:Video 20detik]", "[Gambas:Instagram]", "[Gambas:Video CNN]", "[embed]", "[Gambas:Twitter]"]
)
def test_an_embed_placeholder_line_is_dropped(token: str) -> None:
    # the editors' initials closing the story ("(wnv/idn)") go too, see test_extract_world_text.py
    assert remove_boilerplate([*CERITA[:2], token, *CERITA[2:], "(wnv/idn)"]) == CERITA


@pytest.mark.parametrize("line", ["[1] Badan Pusat Statistik, Statistik Indonesia 2024.", "[Video] Banjir di Jakarta"])
def test_other_bracketed_lines_stay(line: str) -> None:
    assert remove_boilerplate([*CERITA, line]) == [*CERITA, line]


# --- 5. CSS-module class names --------------------------------------------------------------------------------------


def _next_page(inside: str, paragraph_class: str = "Paragraph_p__8uTzq") -> str:
    paragraphs = "".join(f'<p class="{paragraph_class}">{text}</p>' for text in STORY)
    return f"""<html><body><div id="__next"><header class="Header_header__2kLrU"><a href="/">The Wire</a></header>
<main class="ArticlePage_main__Kp2aD"><h1 class="ArticleHeader_headline__r5TQe">Tram line to be expanded</h1>
<div class="ArticleBody_body__3xY7a">{paragraphs}{inside}</div></main>
<footer class="Footer_footer__Xc8Rq"><p>© 2026 The Wire</p></footer></div></body></html>"""


@pytest.mark.parametrize(
    "box",
    [
        '<div class="InlineNewsletter_root__b3Kq1"><p class="InlineNewsletter_title__1">The Morning Wire</p>'
        "<p>The five stories moving the city, before breakfast. Free, every weekday.</p></div>",
        '<div class="RelatedArticles_list__x1"><p>Council budget: where the money goes</p>'
        "<p>Buses to run every ten minutes on the busiest routes</p></div>",
        '<div class="signupBackground___27LhS"><p>Let our news meet your inbox every weekday morning.</p></div>',
    ],
)
def test_a_box_named_by_a_css_module_class_is_chrome(box: str) -> None:
    assert extract_main_content(parse_html(_next_page(box))).lines == STORY


def test_a_css_module_hash_that_spells_a_chrome_word_does_not_hide_the_text() -> None:
    # split at its capitals, the hash "kAds-" would read "k-ads-": an ad slot
    assert extract_main_content(parse_html(_next_page("", paragraph_class="Paragraph_p__kAds-"))).lines == STORY


def test_a_hand_named_camel_case_class_keeps_its_old_reading() -> None:
    # "leadMediaCaption" is no CSS-module class: its words are not split (the dev set's truth keeps such text)
    caption = "A video shows the moment the first tram of the new line left the depot on Tuesday morning."
    html = _next_page(f'<div class="leadMediaCaption"><p>{caption}</p></div>', paragraph_class="p")
    assert extract_main_content(parse_html(html)).lines == [*STORY, caption]

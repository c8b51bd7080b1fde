"""Rules found by a thirteenth blind page set (Indonesian national and regional portals and their special
renderings, listicles and comparison pages, organisations' information pages and company blogs, written without
sight of the extractor; see bench/blind-pages-13): Okezone's app pitch and bracketed editor, investment and reader-
column disclaimers, a column writer's bio that names her role straight after her name, Kontan's dateline, the Tribun
network's and Bali Post's closing credits, a live report's refresh switch, an accordion's collapsed answers and
the buttons that open them, a canvas site's sections side by side under <body>, a podcast player's lines, a
footer line of labelled stamp sentences, a product card's pros and cons under its specifications.
"""

from __future__ import annotations

import pytest
from extraction_checks import published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.author_bio import without_closing_bio
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.dateline import cut_dateline


def test_okezones_app_pitch_and_its_editors_name_in_brackets_close_no_story() -> None:
    closing = [
        "Dapatkan berita up to date dengan semua berita terkini dari Okezone hanya dengan satu akun di ORION, "
        "daftar sekarang dengan klik disini dan nantikan kejutan menarik lainnya",
        "(Rani Hardjanti)",
    ]
    assert remove_boilerplate([*STORY, *closing]) == STORY


def test_a_bracketed_name_inside_the_story_stays() -> None:
    lines = [STORY[0], "(Rani Hardjanti)", *STORY[1:]]
    assert remove_boilerplate(lines) == lines


@pytest.mark.parametrize(
    "disclaimer",
    [
        "Disclaimer: berita ini tidak bertujuan mengajak membeli atau menjual saham. Keputusan investasi sepenuhnya "
        "ada di tangan pembaca. Bisnis.com tidak bertanggung jawab terhadap segala kerugian maupun keuntungan.",
        "Tulisan ini merupakan kiriman pembaca detikcom. Seluruh isi tulisan menjadi tanggung jawab penulis. "
        "(Terima kasih - Redaksi)",
    ],
)
def test_indonesian_closing_disclaimers_are_no_text(disclaimer: str) -> None:
    assert remove_boilerplate([*STORY, disclaimer]) == STORY


@pytest.mark.parametrize(
    "bio",
    [
        "Rahmat Hidayatullah peneliti kebijakan transportasi di Pusat Studi Transportasi dan Logistik",
        "Rahmat Hidayatullah, dosen Fakultas Teknik Universitas Gadjah Mada",
        "Rahmat Hidayatullah adalah pengamat transportasi",
    ],
)
def test_a_column_writers_bio_naming_her_role_after_her_name_is_no_text(bio: str) -> None:
    assert without_closing_bio([*STORY, bio], ["Rahmat Hidayatullah"]) == STORY


def test_kontans_outlet_then_place_dateline_is_cut_whole() -> None:
    paragraph = "Rupiah di pasar spot dibuka menguat pada perdagangan Kamis (6/3) pagi."
    rest, dateline = cut_dateline(f"KONTAN.CO.ID - JAKARTA. {paragraph}")
    assert rest == paragraph
    assert dateline is not None and dateline.place == "JAKARTA"


@pytest.mark.parametrize(
    "closing",
    ["(cr24/tribun-medan.com)", "(kmb/balipost)", "(Serambinews.com/Rizwan Fahmi)", "BACA BERITA LAINNYA DI SINI"],
)
def test_regional_credits_and_prompts_closing_the_story_are_no_text(closing: str) -> None:
    assert remove_boilerplate([*STORY, closing]) == STORY


def test_a_live_reports_refresh_switch_is_no_text() -> None:
    assert remove_boilerplate(["Perbarui otomatis", *STORY]) == STORY


ANSWERS = [
    "Reputable password managers encrypt your vault on your device before it is synced, so the company cannot "
    "read it, and an independent audit checks that the claim holds.",
    "Most providers cannot reset a forgotten master password for you; set up the recovery code or emergency "
    "contact your password manager offers before you need it.",
]


def _accordion(questions: list[str], answers: list[str]) -> str:
    return "".join(
        f"<div class='faq-item'><button class='faq-item__q' aria-expanded='false'><span>{q}</span></button>"
        f"<div class='faq-item__a' hidden><p>{a}</p></div></div>"
        for q, a in zip(questions, answers, strict=True)
    )


def test_an_accordions_collapsed_answers_are_read_where_the_text_is() -> None:
    """A buying guide's FAQ and a card's collapsed "Read more" text are hidden until a reader opens them in place:
    they are the article's words (the dev set's truth keeps a collapsed section's text)."""
    questions = ["Are password managers safe?", "What if I forget my master password?"]
    more = f"<div class='collapse card__more' aria-hidden='true' style='display:none'><p>{ANSWERS[1]}</p></div>"
    menu = "<ul class='submenu' hidden><li><a href='/vpn'>Best VPNs</a></li><li><a href='/av'>Antivirus</a></li></ul>"
    body = (
        f"<nav><button aria-expanded='false'>Menu</button>{menu}</nav><article><h1>Best password managers</h1>"
        f"<p>{STORY[0]}</p>{more}<p>{STORY[1]}</p><h2>Frequently asked questions</h2>"
        f"{_accordion(questions, ANSWERS)}<p>{STORY[2]}</p></article>"
    )
    html = f"<html><head><title>Best password managers</title></head><body>{body}</body></html>"
    lines = extract_article(html, "https://reviews.example/best-password-managers/").body.split("\n\n")
    assert lines == [
        STORY[0],
        ANSWERS[1],
        STORY[1],
        "Frequently asked questions",
        questions[0],
        ANSWERS[0],
        questions[1],
        ANSWERS[1],
        STORY[2],
    ]


def test_collapsed_answers_outside_the_article_do_not_draw_the_text_to_them() -> None:
    """A site's FAQ box after the article, its answers collapsed: they take no part in finding the text."""
    questions = [f"Question number {n} about the company?" for n in range(1, 3)]
    body = (
        f"<article><h1>Crypto rules</h1>{''.join(f'<p>{t}</p>' for t in STORY)}</article>"
        f"<section class='site-faq'>{_accordion(questions, ANSWERS)}{_accordion(questions, ANSWERS)}</section>"
    )
    html = f"<html><head><title>Crypto rules</title></head><body>{body}</body></html>"
    assert extract_article(html, "https://company.example/blog/crypto-rules/").body.split("\n\n") == STORY


def _canvas_section(name: str, heading: str, text: str) -> str:
    return (
        f"<div class='sb sib-{name}' id='{name}'><div class='ss-s ss-bg'><div class='sc'>"
        f"<div class='sie-{name}_1 se-t'><h2>{heading}</h2></div><div class='sie-{name}_2 se-t'>"
        f"<div class='sie-{name}_2-text se-t'>{text}</div></div></div></div></div>"
    )


def test_a_canvas_sites_sections_side_by_side_under_the_body_are_one_text() -> None:
    """Showit lays a page out as blocks straight under <body>, each section of the text in its own block with no
    wrapper around them; the text is all of them, not the best one."""
    more = [
        "Our goal was simple to say and harder to do: make the kitchen look as if it had always been there, only "
        "better, with a window over the sink again and room for the whole family at the island.",
        "We borrowed six feet from an underused back hall for a mudroom with cubbies and a bench, so backpacks and "
        "boots finally have somewhere to go that is not the kitchen floor.",
        "White oak, unlacquered brass and a plaster hood will all change with use, and that was the point: the "
        "room should look better in ten years than on the day the photographs were taken.",
    ]
    texts = [f"{story}<br><br>{extra}" for story, extra in zip(STORY, more, strict=True)]
    sections = "".join(
        _canvas_section(name, heading, text)
        for name, heading, text in zip(
            ["intro", "plan", "materials"], ["The brief", "Rethinking the plan", "Materials"], texts, strict=True
        )
    )
    body = (
        "<div class='sb sib-nav'><div class='sc'><a href='/'>Hollis Grey</a><a href='/portfolio'>Portfolio</a></div>"
        f"</div><div class='sb sib-title'><h1>The Larchmont Kitchen</h1></div>{sections}"
        "<div class='sb sib-footer'><div class='sc'><a href='/contact'>Start your project</a></div></div>"
    )
    html = f"<html><head><title>The Larchmont Kitchen</title></head><body>{body}</body></html>"
    lines = extract_article(html, "https://www.hollisgrey.example/portfolio/larchmont").body.split("\n\n")
    assert lines == [
        "The brief",
        STORY[0],
        more[0],
        "Rethinking the plan",
        STORY[1],
        more[1],
        "Materials",
        STORY[2],
        more[2],
    ]


@pytest.mark.parametrize(
    "player",
    ["Podcast: Play in new window | Download (Duration: 54:37 — 50.1MB)", "Subscribe: Apple Podcasts | Spotify | RSS"],
)
def test_a_podcast_players_lines_are_no_text(player: str) -> None:
    assert remove_boilerplate([player, *STORY]) == STORY


def test_a_footer_line_of_labelled_sentences_dates_the_page_by_its_first_publication() -> None:
    """W3C's resource pages declare nothing and close with "Date: Updated 14 May 2024. First published 2 March
    2019.": the page appeared when it was first published."""
    footer = "<footer><p><strong>Date:</strong> Updated 14 May 2024. First published 2 March 2019.</p></footer>"
    body = f"<main><h1>Forms tutorial</h1>{''.join(f'<p>{t}</p>' for t in STORY)}</main>{footer}"
    html = f"<html><head><title>Forms tutorial</title></head><body>{body}</body></html>"
    article = extract_article(html, "https://www.w3.example/WAI/tutorials/forms/")
    assert published_day(article) == "2019-03-02"


def test_a_product_cards_specifications_go_but_the_reasons_to_buy_under_them_stay() -> None:
    specs = ["Specifications", "Servers: 7,100+", "Locations: 118 countries", "Connections: 10", "Refund: 30 days"]
    verdict = ["Reasons to buy", "Excellent speeds on every server", "Reasons to avoid", "Renewal prices are steep"]
    assert remove_boilerplate([STORY[0], *specs, *verdict, *STORY[1:]]) == [STORY[0], *verdict, *STORY[1:]]


def test_a_spec_tables_joined_rows_count_as_label_and_value_lines() -> None:
    specs = ["Key Specs", "Weight | 7.9 oz. (M), 6.6 oz. (W)", "Drop | 7mm (M), 6mm (W)", "Stack Height | 39mm"]
    assert remove_boilerplate([STORY[0], *specs, *STORY[1:]]) == STORY

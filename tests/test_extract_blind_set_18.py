"""Rules found by an eighteenth blind page set and by the misses the seventeenth left (see bench/blind-pages-17 and
bench/blind-pages-18): a namespaced BEM block named in camelCase, and a piece republished from The Conversation.
"""

from __future__ import annotations

import lxml.html
import pytest
from extraction_checks import authors_of, published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.credits import split_names
from newscorpus.extract.dates import is_stamp_only
from newscorpus.extract.main_content import _is_shop_grid


def _story_page(body: str) -> str:
    return (
        "<html><head><title>Garden plots</title></head><body><header><nav><a href='/'>Home</a></nav></header>"
        f"<article><h1>Garden plots</h1><div class='l-article__text'>{body}</div></article></body></html>"
    )


def _lines(html: str) -> list[str]:
    return [line for line in extract_article(html, "https://www.example.com/news/plots").body.splitlines() if line]


def test_a_camel_case_bem_block_is_read_by_its_words() -> None:
    """Global News names its boxes "c-trendingNow" and "c-relatedStories": read at the camelCase boundary, the box
    inside the text is the trending list it is."""
    trending = (
        "<div class='c-trendingNow'><h3 class='c-trendingNow__title'>Trending Now</h3><ul>"
        "<li class='c-trendingNow__item'><a href='/news/1/'>Canada Post strike: what you need to know</a></li>"
        "<li class='c-trendingNow__item'><a href='/news/2/'>Man charged after police chase ends in crash</a></li>"
        "</ul></div>"
    )
    paragraphs = [f"<p>{text}</p>" for text in STORY]
    assert _lines(_story_page(paragraphs[0] + paragraphs[1] + trending + paragraphs[2])) == STORY


def _republished_page(snippet_top: str, snippet_bottom: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    return (
        "<html><head><title>Garden plots | Clemson News</title>"
        '<meta name="author" content="Clemson News"></head><body><header><nav><a href="/">Home</a></nav></header>'
        "<article><h1>Garden plots</h1><div class='byline'>by <a href='/author/clemson-news/'>Clemson News</a> "
        f"<time datetime='2024-09-23'>September 23, 2024</time></div><div class='entry-content'>{snippet_top}"
        f"{paragraphs}{snippet_bottom}<p>This article is republished from <a href='https://theconversation.com'>"
        "The Conversation</a> under a Creative Commons license.</p></div></article></body></html>"
    )


def test_a_conversation_republication_credits_the_academic_who_wrote_it() -> None:
    profile = "https://theconversation.com/profiles/shelia-r-cotten-309429"
    top = f"<p><a href='{profile}'>Shelia R. Cotten</a>, <em>Clemson University</em></p>"
    bottom = f"<p><a href='{profile}'>Shelia R. Cotten</a>, Professor of Sociology, <em>Clemson University</em></p>"
    article = extract_article(_republished_page(top, bottom), "https://news.clemson.edu/garden-plots/")
    assert article.authors == ["Shelia R. Cotten"]


def test_a_conversation_link_that_names_no_writer_leaves_the_byline() -> None:
    top = "<p>Read <a href='https://theconversation.com/profiles/shelia-r-cotten-309429'>her other pieces</a>.</p>"
    article = extract_article(_republished_page(top, ""), "https://news.clemson.edu/garden-plots/")
    assert "Shelia R. Cotten" not in article.authors
    assert article.authors == ["Clemson News"]


def _page_with(head: str, header: str, footer: str = "") -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    return (
        f"<html><head><title>Garden plots</title>{head}</head><body><header><nav><a href='/'>Home</a></nav></header>"
        f"<article><h1>Garden plots</h1>{header}<div class='entry-content'>{paragraphs}</div>{footer}</article>"
        "<footer><p>© 2024</p></footer></body></html>"
    )


_CARD = (
    "<div class='news-author-card'><div class='news-author-card__text'><p class='news-author-card__label'>Über den "
    "Autor</p><p class='news-author-card__name'>Jonas Keller</p><p>Jonas Keller ist Senior Consultant bei DokuFlow "
    "und begleitet seit über zehn Jahren DMS-Projekte im Mittelstand.</p></div></div>"
)


@pytest.mark.parametrize(
    ("head", "header", "footer", "url", "authors"),
    [
        pytest.param(
            "", "", _CARD, "https://www.dokuflow.de/news/garden-plots", ["Jonas Keller"], id="author-box-heading"
        ),
        pytest.param(
            "",
            "<p class='post-meta'>07/11/2021 · por Inês Carvalho · 5 min de leitura</p>",
            "",
            "https://passoapasso.pt/2021/hortas",
            ["Inês Carvalho"],
            id="byline-after-a-stamp",
        ),
        pytest.param(
            "<meta property='og:site_name' content='PortalNotícia'>",
            "<p class='content-publication-data__from'>Por Mariana Costa, PortalNotícia SP</p>",
            "",
            "https://portalnoticia.com.br/sp/noticia/2024/05/10/frio",
            ["Mariana Costa"],
            id="outlet-after-the-name",
        ),
        pytest.param(
            "<meta name='author' content='Marcus Ellery and Jenna Okafor Staff writers'>",
            "<span class='tnt-byline'>By <a href='/users/profile/mellery'>Marcus Ellery</a> and "
            "<a href='/users/profile/jokafor'>Jenna Okafor</a> Staff writers</span>",
            "",
            "https://www.example.com/news/garden-plots",
            ["Marcus Ellery", "Jenna Okafor"],
            id="declared-job-shared",
        ),
        pytest.param(
            "",
            "<p class='writer'>글쓴이 <em>김지원 에디터</em> 2024.03.05 조회 12,408</p>",
            "",
            "https://blog.hanbitcard.co.kr/post/1",
            ["김지원"],
            id="korean-staff-writer",
        ),
        pytest.param(
            "",
            "<div class='author'><div class='author__label'>Autorin</div>"
            "<div class='author__name'>Lena Vogt</div></div>",
            "",
            "https://www.example.de/ratgeber/beete",
            ["Lena Vogt"],
            id="lone-label-over-the-name",
        ),
        pytest.param(
            "<meta name='author' content='はるか｜デザイナー'>",
            "",
            "",
            "https://note.com/haruka/n/n1a2b3c",
            ["はるか"],
            id="display-name-tagline",
        ),
        pytest.param(  # Ghost declares a post's primary author only; the header prints both writers by name
            "<meta name='author' content='Hannah Lee'>",
            "<div class='post-authors'><a href='/author/hannah/'>Hannah Lee</a>, "
            "<a href='/author/omar/'>Omar Farouk</a></div>",
            "",
            "https://blog.crumbapp.com/bakery-pricing/",
            ["Hannah Lee", "Omar Farouk"],
            id="names-line-completes-a-declaration",
        ),
        pytest.param(
            "<meta name='author' content='Zefanya Aprilia'>",
            "<div class='author'>Zefanya Aprilia, CNBC Indonesia</div>",
            "",
            "https://www.cnbcindonesia.com/market/2024/x",
            ["Zefanya Aprilia"],
            id="outlet-beside-the-declared-writer",
        ),
    ],
)
def test_credits_read_from_the_page(head: str, header: str, footer: str, url: str, authors: list[str]) -> None:
    assert extract_article(_page_with(head, header, footer), url).authors == authors


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("เขียนโดย ณัฐพล ศรีสุข", "ณัฐพล ศรีสุข"),  # Thai "written by", no colon
        ("作者 林一舟 · 2024年3月5日", "林一舟"),
        ("作者林一舟·2024年3月5日·阅读 3.2 万", "林一舟"),  # label, name and stamp glued from inline elements
        ("글쓴이 김지원 에디터 2024.03.05 조회 12,408", "김지원 에디터"),  # the job goes when the name is cleaned
        ("Автор: Дмитрий Соколов, технический директор", "Дмитрий Соколов"),  # her job, in lower case
    ],
)
def test_credit_labels_of_scripts_that_do_not_capitalise(line: str, author: str) -> None:
    assert authors_of(line) == [author]


@pytest.mark.parametrize("line", ["作者简介", "作者认为这个问题很重要。", "作者林一舟"])
def test_a_sentence_or_heading_about_the_author_is_no_credit(line: str) -> None:
    assert read_byline(line, at_start=True) is None


def test_an_arabic_publication_label_with_arabic_indic_digits() -> None:
    header = (
        "<div class='article__meta'><span class='article__author'>بقلم: <a href='/authors/laila'>د. ليلى الحسيني</a>"
        "</span> <span class='article__reviewer'>مراجعة طبية: د. خالد المنصوري، استشاري الغدد الصماء</span> "
        "<span class='article__date'>تاريخ النشر: ١٢ مارس ٢٠٢٤</span></div>"
    )
    article = extract_article(_page_with("", header), "https://www.sihhatuk.com/articles/vitamin-d")
    assert published_day(article) == "2024-03-12"


def _tile(name: str, price: str) -> str:
    return (
        f"<li class='pc__tile'><a class='pc__link' href='/product/{len(name)}'><img src='/p.jpg' alt='{name}'>"
        f"<span class='pc__name'>{name}</span></a><span class='pc__count'>(2,271)</span>"
        f"<span class='pc__price'>{price}</span><button class='pc__btn'>Add to cart</button></li>"
    )


def test_a_shops_product_grid_inside_a_guide_is_no_text() -> None:
    grid = (
        "<section class='product-carousel'><h2 class='product-carousel__title'>Shop Trekking Poles</h2><ul>"
        + _tile("Alpine Carbon Cork Trekking Poles", "$126.49")
        + _tile("Trailhead Aluminum Poles - Pair", "160,95 €")
        + _tile("Zephyr Z-Fold Distance Poles", "Rp800.000")
        + "</ul></section>"
    )
    paragraphs = [f"<p>{text}</p>" for text in STORY]
    assert _lines(_story_page(paragraphs[0] + paragraphs[1] + grid + paragraphs[2])) == STORY


def test_a_guides_own_product_picks_told_in_sentences_stay() -> None:
    picks = "".join(
        f"<li class='product-pick'><a href='/p/{n}'>{name}</a> ({price}) {why}</li>"
        for n, (name, price, why) in enumerate(
            [
                (
                    "Alpine Carbon Cork Poles",
                    "$126.49",
                    "are the poles we took on every long walk this year: light, "
                    "stiff and with cork grips that stayed dry in the rain for hours on end.",
                ),
                (
                    "Trailhead Aluminum Poles",
                    "$19.99",
                    "cost a sixth of the price and weigh a little more, but their "
                    "flick locks held firm through three months of muddy forest trails.",
                ),
                (
                    "Zephyr Z-Fold Poles",
                    "$184.99",
                    "fold into three short sections that fit inside a daypack, which "
                    "matters most to runners who only want them on the steepest climbs.",
                ),
            ]
        )
    )
    paragraphs = [f"<p>{text}</p>" for text in STORY]
    lines = _lines(
        _story_page(paragraphs[0] + paragraphs[1] + f"<div class='product-list'><ul>{picks}</ul></div>" + paragraphs[2])
    )
    assert (
        sum(any(word in line for word in ("took on every", "sixth of the price", "fold into three")) for line in lines)
        == 3
    )


def test_a_price_widget_between_product_picks_is_no_text() -> None:
    """Future plc's "hawk" widget (TechRadar, Tom's Guide, …): the shops' prices for the pick above it."""
    widget = (
        "<div class='hawk-wrapper' data-widget-type='price'><div class='hawk-nest'><div class='hawk-widget-title'>"
        "Today's best Sweeply S3 deals</div><div class='hawk-display-price'><a href='https://clk.example.com/1'>"
        "<span class='hawk-merchant'>Amazon</span><span class='hawk-price'>$196</span><span>View</span></a></div>"
        "<p class='hawk-footer'>We check over 250 million products every day for the best prices</p></div></div>"
    )
    paragraphs = [f"<p>{text}</p>" for text in STORY]
    assert _lines(_story_page(paragraphs[0] + widget + paragraphs[1] + paragraphs[2])) == STORY


@pytest.mark.parametrize("line", ["Page last reviewed: 14 August 2023", "Next review due: 14 August 2026"])
def test_a_health_pages_review_stamps_are_no_text(line: str) -> None:
    assert remove_boilerplate([*STORY, line]) == STORY


def test_a_gov_uk_pages_update_history_is_no_text() -> None:
    history = (
        "<div class='gem-c-published-dates' id='full-publication-update-history'>"
        "<h2 class='gem-c-published-dates__heading'>Updates to this page</h2><p>Published 16 September 2024<br>"
        "Last updated 5 November 2024</p><ol><li>5 November 2024 Added information about how long councils take to "
        "pay the grant.</li><li>16 September 2024 First published.</li></ol></div>"
    )
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    assert _lines(_story_page(paragraphs + history)) == STORY


def test_a_desk_named_with_an_ampersand_is_one_credit() -> None:
    assert split_names("Summit & Trail Staff") == ["Summit & Trail Staff"]
    assert split_names("Jane Doe & John Roe") == ["Jane Doe", "John Roe"]


def test_a_headlines_source_after_a_dash_stays() -> None:
    """Philippine and Indian papers end a headline with its source: "… before rainy season — MMDA"."""
    title = "Marikina floodgate upgrade to finish before rainy season — MMDA"
    html = (
        f"<html><head><title>{title} | Inquirer News</title><meta property='og:title' content='{title}'></head>"
        f"<body><article><h1>{title}</h1><div class='entry-content'>"
        + "".join(f"<p>{text}</p>" for text in STORY)
        + "</div></article></body></html>"
    )
    assert extract_article(html, "https://newsinfo.inquirer.net/2051733/marikina").title == title


def test_a_stamp_after_the_outlets_name_and_a_slash_keeps_its_local_time() -> None:
    declared = '{"@type": "NewsArticle", "datePublished": "2025-03-04T17:30:00Z"}'
    head = f"<script type='application/ld+json'>{declared}</script>"
    header = (
        "<div class='byline'>By: <a href='/byline/ma-teresa-villanueva'>Ma. Teresa Villanueva</a> - Reporter / "
        "<span>@MTVillanuevaINQ</span> <span>Philippine Daily Inquirer</span> / <span>01:30 AM March 05, 2025</span>"
        "</div>"
    )
    article = extract_article(_page_with(head, header), "https://newsinfo.inquirer.net/2051733/marikina")
    assert article.published_at is not None and article.published_at.isoformat() == "2025-03-04T17:30:00+00:00"
    assert article.tz_offset == "+08:00"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Anna Kessler reports from Kyiv", "Anna Kessler"),  # a correspondent's credit with no "By"
        ("Lyse Doucet, reporting from Gaza", "Lyse Doucet"),
        ("Oleh: Rizky Pratama Nugroho, pegawai Direktorat Jenderal Pajak", "Rizky Pratama Nugroho"),  # job at office
        ("Autorin: Katrin Vogel, Redakteurin Vorsorge", "Katrin Vogel"),  # a German job title
    ],
)
def test_correspondents_and_jobs_in_other_languages(line: str, author: str) -> None:
    assert authors_of(line) == [author]


@pytest.mark.parametrize(
    ("line", "author", "reviewer"),
    [
        (
            "Escrito por Marta Gil · Revisado por Javier Ortega, asesor financiero certificado",
            "Marta Gil",
            "Javier Ortega",
        ),
        ("Geschrieben von Katrin Weiß · Medizinisch geprüft von Stefan Brandt", "Katrin Weiß", "Stefan Brandt"),
    ],
)
def test_written_by_and_reviewed_by_in_other_languages(line: str, author: str, reviewer: str) -> None:
    byline = read_byline(line, at_start=True)
    assert byline is not None and byline.authors == [author] and byline.others == [reviewer]


def test_a_reading_time_in_another_language_is_part_of_a_stamp() -> None:
    assert is_stamp_only("15 de enero de 2024 · 4 min de lectura")
    assert not is_stamp_only("15 de enero de 2024 · la casa de Marta")


def test_a_comment_between_a_grids_tiles_is_no_tile() -> None:
    grid = lxml.html.fromstring(
        "<section class='product-carousel'><h2>Shop Trekking Poles</h2><ul>"
        + _tile("Alpine Carbon Cork Trekking Poles", "$126.49")
        + "<!-- rendered by the shop's widget -->"
        + _tile("Trailhead Aluminum Poles - Pair", "$19.99")
        + _tile("Zephyr Z-Fold Distance Poles", "$184.99")
        + "</ul></section>"
    )
    assert _is_shop_grid(grid)

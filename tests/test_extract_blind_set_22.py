"""Rules found by the twenty-second blind page set (bench/blind-pages-22): where the publication date hides on the
general web (a stamp with a two-digit year in a row with the byline, a press release's dateline, a Unix time behind a
"2 days ago", an undeclared page of an American institution, a non-English stamp among teasers' <time>s), who is
credited (a job line run into the name, "Compiled by", a wire story's closing credits, a writer declared with her
paper's name, an editor's initials declared as the author), and Indonesian and Malay credits and dates.
"""

from __future__ import annotations

import pytest
from extraction_checks import authors_of, published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.bylines import extract_bylines
from newscorpus.extract.dates import is_stamp_only, parse_date

HEADLINE = "Library to extend weekend hours starting in April"


def _page(
    header: str = "",
    *,
    first: str | None = None,
    after: str = "",
    below: str = "",
    rail: str = "",
    head: str = "",
    lang: str | None = "en",
) -> str:
    """A news page: navigation, the article (headline, `header`, the story, `after`), `below` under the article's
    text container, and a `rail` of other stories."""
    paragraphs = [first, *STORY] if first is not None else STORY
    story = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    language = f" lang='{lang}'" if lang else ""
    return (
        f"<html{language}><head><meta charset='utf-8'>{head}<title>{HEADLINE} | Cedar Falls Courier</title></head>"
        "<body><nav><a href='/'>Home</a> <a href='/news/'>News</a> <a href='/sports/'>Sports</a></nav><main>"
        f"<article><h1>{HEADLINE}</h1>{header}<div class='entry-content'>{story}{after}</div>{below}</article>"
        f"</main><aside class='rail'>{rail}</aside><footer>Contact us</footer></body></html>"
    )


def _day(html: str, url: str = "https://www.cedarfallscourier.com/news/library-hours/") -> str | None:
    return published_day(extract_article(html, url))


def test_a_two_digit_year_stamp_in_a_row_with_the_byline_reads_in_the_pages_order() -> None:
    header = "<div class='cf-post__meta'><span>By Trevor Haas</span> | <span>Posted: 3/5/24</span></div>"
    rail = "<ul><li>Council OKs parking changes (3/4/24)</li><li>Obituary: Dolores Meyer (2/29/24)</li></ul>"
    assert _day(_page(header, rail=rail, lang="en-US")) == "2024-03-05"


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        (
            "CHICAGO (March 3, 2024) – Halvorsen Foods today announced plans to build a distribution center.",
            "2024-03-03",
        ),
        (
            "WORCESTER, Mass., March 5, 2024 /PRNewswire/ -- Corvane Labs today announced a new research site.",
            "2024-03-05",
        ),
        # a date later in the first sentence is the story's, not a dateline's
        ("CHICAGO – Halvorsen Foods said the center would open on March 3, 2026, with 350 jobs.", None),
    ],
)
def test_a_press_release_dated_only_in_its_dateline(dateline: str, day: str | None) -> None:
    assert _day(_page(first=dateline), "https://www.halvorsenfoods.com/newsroom/joliet-center") == day


def test_a_unix_time_behind_a_rendered_relative_stamp_dates_the_article() -> None:
    header = (
        "<div class='byline'><a href='/authors/tom-ashworth'>Tom Ashworth</a>"
        "<span class='np-article__time' data-timestamp='1718716800000'>Published 2 days ago</span></div>"
    )
    rail = "<ul><li data-timestamp='1718457600000'>Barnard Castle bypass plan back on the table</li></ul>"
    assert _day(_page(header, rail=rail, lang="en-GB")) == "2024-06-18"
    # a list of other stories carries them too: alone, they date nothing
    assert _day(_page("<div class='byline'>Tom Ashworth</div>", rail=rail, lang="en-GB")) is None


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("http://www.cs.millbrook.edu/~kpeterson/notes/backup.html", "2006-12-03"),  # an American college: month first
        ("http://www.cs.millbrook.ac.uk/~kpeterson/notes/backup.html", "2006-03-12"),
    ],
)
def test_numeric_dates_of_a_page_that_declares_no_language(url: str, day: str) -> None:
    page = _page(after="<p><font size='1'>Last modified: 12/03/2006</font></p>", lang=None)
    assert _day(page, url) == day


def test_a_non_english_numeric_stamp_beats_the_teasers_time_elements() -> None:
    header = (
        "<div class='fv-autor'>Por Mariana Teixeira</div><div class='fv-data'>Publicado em 03/04/2024 às 14h20</div>"
    )
    teasers = "".join(
        f"<li><a href='/c/{n}'>Outra notícia</a><time datetime='2024-04-0{n}T18:40-03:00'>0{n}/04/2024</time></li>"
        for n in (5, 4, 2, 6)
    )
    page = _page(header, below=f"<section class='fv-relacionadas'><h2>Leia também</h2><ul>{teasers}</ul></section>")
    assert (
        _day(page.replace("lang='en'", "lang='pt-BR'"), "https://www.folhadovale.com.br/cidades/onibus") == "2024-04-03"
    )


@pytest.mark.parametrize(
    "widget",
    [
        # the job run into the name with no break
        "<div class='np-article__byline'><a href='/authors/tom-ashworth'>Tom Ashworth</a>"
        "<span class='np-article__role'>Local Democracy Reporter</span></div>",
        # an author card: the job on its own line, then a "Follow" button
        "<div class='author-card'><div class='author-card__info'><a class='author-card__name'"
        " href='/author/tom-ashworth/'>Tom Ashworth</a><span class='author-card__role'>Senior reporter, Europe</span>"
        "</div><div class='author-card__follow'><a href='https://bsky.app/profile/tom'>Follow</a></div></div>",
    ],
)
def test_an_author_widgets_job_line_ends_the_name(widget: str) -> None:
    article = extract_article(_page(widget, lang="en-GB"), "https://www.northpennine.news/news/teesdale/reservoir")
    assert article.authors == ["Tom Ashworth"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Compiled by Hannah Okafor-Lindqvist", ["Hannah Okafor-Lindqvist"]),
        ("Jurnalis: Yosina Wanimbo", ["Yosina Wanimbo"]),  # Indonesian "journalist"
        ("Reporter: Nur Hidayah | Kontributor Kutai Barat: Yohanes Lahang", ["Nur Hidayah", "Yohanes Lahang"]),
        (
            "Reporting by Farid bin Osman in Kuala Lumpur; Additional reporting by Joost van der Berg in Amsterdam;"
            " Editing by Clara Mendes",
            ["Farid bin Osman"],
        ),
        ("Submitted by the family", None),  # people described, not named
    ],
)
def test_credit_labels_found_by_the_twenty_second_set(line: str, authors: list[str] | None) -> None:
    assert authors_of(line) == authors


def test_a_wire_storys_closing_credits_name_its_reporters_under_the_wire_credit() -> None:
    header = "<div class='vs-post__source'>Reuters</div>"
    below = (
        "<p class='vs-post__credit'>(Reporting by Howard Schneider and Ann Saphir; Editing by Andrea Ricci)</p>"
        "<p class='vs-post__disclaimer'>Wire stories are published unedited from Reuters.</p>"
    )
    article = extract_article(_page(header, below=below), "https://www.valleysentinel.com/business/2025/10/08/fed/")
    assert article.authors == ["Howard Schneider", "Ann Saphir"]
    assert article.editors == ["Andrea Ricci"] and article.agency == "Reuters"


def test_a_writer_declared_with_her_papers_name_after_her_own() -> None:
    head = (
        "<meta name='author' content='Priya Raman | The Lakeshore Times'>"
        "<meta property='og:site_name' content='The Lakeshore Times'>"
    )
    article = extract_article(_page(head=head), "https://www.lakeshoretimes.com/news/local/pier-restoration")
    assert article.authors == ["Priya Raman"]


def test_an_editors_initials_declared_as_the_author_are_no_writer() -> None:
    head = "<meta name='content_author' content='pta'><meta name='author' content='pta'>"
    page = _page(
        head=head, after="<p>Negara kepulauan tersebut dilanda 20 badai setiap tahun. <strong>(pta/bac)</strong></p>"
    )
    article = extract_article(page.replace("lang='en'", "lang='id'"), "https://www.cnnindonesia.com/internasional/x")
    assert "pta" not in article.authors


def test_a_regional_papers_sign_off_names_the_writer_over_the_outlets_account() -> None:
    head = "<meta name='author' content='Bali Post'><meta property='og:site_name' content='Bali Post'>"
    closing = (
        "Pemkot Denpasar mengimbau masyarakat tidak menyalakan petasan, Sabtu (9/3) mendatang. (Citta Maya/balipost)"
    )
    author_box = (
        "<div class='author-box-wrap'><div class='td-author-name vcard author'><span class='fn'>"
        "<a href='/author/bali-post'>Bali Post</a></span></div></div>"
    )
    page = _page(head=head, after=f"<p>{closing}</p>", below=author_box)
    article = extract_article(page.replace("lang='en'", "lang='id'"), "https://www.balipost.com/news/2024/03/04/ogoh")
    assert article.authors == ["Citta Maya"]
    assert article.body.splitlines()[-1] == closing  # the sign-off stays in the story's last sentence


def test_an_obituarys_guest_book_names_no_writer() -> None:
    guest_book = (
        "<div class='obituary__guestbook'><h2>Guest Book</h2><ol><li class='gb-entry'><div class='gb-entry__author'>"
        "Janet Pike</div><div class='gb-entry__text'><p>Sending love to the family.</p></div></li></ol></div>"
    )
    article = extract_article(_page(below=guest_book), "https://www.valleygazette.com/obituaries/haskell/")
    assert article.authors == []


def test_a_release_label_beside_the_stamp_is_no_name() -> None:
    header = "<div class='field--name-field-release-date'>FOR IMMEDIATE RELEASE · October 8, 2025</div>"
    article = extract_article(_page(header), "https://www.westbrook.edu/news/2025/10/grant")
    assert article.authors == [] and published_day(article) == "2025-10-08"


@pytest.mark.parametrize(
    ("stamp", "moment"),
    [
        ("Isnin, 4 Mac 2024 @ 12:45am", "2024-03-04T00:45"),  # Malay: "Mac" is March
        ("4 Mac 2024 10:15 PG", "2024-03-04T10:15"),  # "PG", pagi: the morning
        ("Khamis, 7 Mac 2024 3:20 PTG", "2024-03-07T15:20"),  # "PTG", petang: the afternoon
    ],
)
def test_malay_dates_and_halves_of_the_day(stamp: str, moment: str) -> None:
    found = parse_date(stamp)
    assert found is not None and found.utc.strftime("%Y-%m-%dT%H:%M") == moment
    assert is_stamp_only(stamp)


def test_a_blog_titled_after_its_name_in_a_logo_heading_keeps_the_posts_title() -> None:
    page = (
        "<html><head><title>Notes from the Garden Shed: Seed starting under shop lights, year three</title></head>"
        "<body><div id='header'><h1 class='title'><a href='http://gardenshednotes.blogspot.com/'>Notes from the Garden"
        " Shed</a></h1></div><div class='post hentry'><h3 class='post-title entry-title'><a href='/2009/03/seed.html'>"
        "Seed starting under shop lights, year three</a></h3>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
        + "</div></body></html>"
    )
    article = extract_article(page, "http://gardenshednotes.blogspot.com/2009/03/seed.html")
    assert article.title == "Seed starting under shop lights, year three"


def test_an_agls_corporate_creator_is_an_organisation_not_three_names() -> None:
    creator = "corporateName=Department for Environment and Water; jurisdiction=South Australia"
    article = extract_article(
        _page(head=f"<meta name='DC.creator' content='{creator}'>", lang="en-AU"),
        "https://www.environment.sa.gov.au/news-hub/news/articles/2024/02/wetlands",
    )
    assert article.authors == ["Department for Environment and Water"]


def test_a_tribun_reporter_line_under_the_storys_summary_box_is_a_credit() -> None:
    summary = ["Ringkasan Berita:", "Dishub Badung uji coba jalur satu arah.", "Uji coba dua pekan.", "Warga diminta."]
    credit = "Laporan Wartawan Tribun Bali, Ni Luh Putu Wahyuni Sari"
    kept, byline = extract_bylines([*summary, credit, *STORY])
    assert byline.authors == ["Ni Luh Putu Wahyuni Sari"]
    assert kept == [*summary, *STORY]

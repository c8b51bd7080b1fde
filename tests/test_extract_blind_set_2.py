"""Credits, a date and a title as bench/blind-pages-2 (pages written without sight of the extractor) showed them:
"Story by", a magazine's "Words: / Photos:" list, a school site's "Posted <date> Submitted by X, Fifth Grade
Teacher", Drupal's "Posted by X, Teen Services Librarian", a job title declared as part of the author's name, a
reporter's TV station after her name, a "Guest Contributor" account and its guest-post note, avatar links and a
name beside its own picture; an exhibition's date span under the headline, which is no publication stamp; and a
city site's headline in an <h2> under its logo <h1>; a book review's info box naming the novelist the review
declares it reviews. The header furniture the set showed is in test_extract_header_furniture.py.
"""

from __future__ import annotations

import pytest
from extraction_checks import published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article

URL = "https://news.example.edu/2024/03/garden-plots"


def story_page(header: str, *, head: str = "", lang: str = "en") -> str:
    """A story with `header` printed between its headline and its text."""
    story = "".join(f"<p>{text}</p>" for text in STORY)
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>Garden plots</title>{head}</head>"
        "<body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        f"<main><article><h1>Garden plots</h1><div class='meta'>{header}</div><div class='body'>{story}</div>"
        "</article></main><footer><p>© 2024 Example</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("header", "authors"),
    [
        ("<div class='byline'>Story by Amelia Ortiz</div>", ["Amelia Ortiz"]),
        (
            "<ul class='credits'><li>Words: <span>Felix Arendt</span></li><li>Photos: <span>Sasha Grin</span></li>"
            "<li>March 4, 2024</li></ul>",
            ["Felix Arendt"],
        ),
        (
            "<span class='posted'>Posted 10/03/2023</span> <span class='submitted'>Submitted by Carla Dunn, Fifth "
            "Grade Teacher</span>",
            ["Carla Dunn"],
        ),
        (
            "<span>Posted by <span>Nadia Rahman, Teen Services Librarian</span></span> <span>Thu, 01/18/2024 - "
            "14:05</span>",
            ["Nadia Rahman"],
        ),
        ("<div>By Carla Dunn, Fifth Grade Teacher</div>", ["Carla Dunn"]),
        ("<p>Submitted by Karen Liu on Tue, 12/09/2025 - 10:32</p>", ["Karen Liu"]),
        ("<p>Por <a href='/autor/rafael-tavares'>Rafael Tavares</a>, TV Serra Alta</p>", ["Rafael Tavares"]),
    ],
)
def test_a_credit_label_under_the_headline_names_the_author(header: str, authors: list[str]) -> None:
    assert extract_article(story_page(header), URL).authors == authors


def test_a_stamp_then_a_label_is_read_but_prose_then_a_label_is_not() -> None:
    assert extract_article(story_page("<p>Hello world Written by: Ann Lee</p>"), URL).authors == []


def test_a_job_title_declared_as_part_of_the_name_is_cut() -> None:
    html = story_page("<p>March 4, 2024</p>", head="<meta name='author' content='Jenna Paulsen Staff Writer'>")
    assert extract_article(html, URL).authors == ["Jenna Paulsen"]


def test_a_declared_name_ending_in_one_job_word_is_kept_whole() -> None:
    # a brand-like pen name ("Your Native Teacher"): one job word may be part of the name
    html = story_page("<p>March 4, 2024</p>", head="<meta name='author' content='Your Native Teacher'>")
    assert extract_article(html, URL).authors == ["Your Native Teacher"]


def test_an_exhibition_span_under_the_headline_is_no_publication_date() -> None:
    head = (
        '<script type=\'application/ld+json\'>{"@type": "NewsArticle", "datePublished": '
        '"2024-04-10T09:00:00-04:00", "dateModified": "2024-04-10T09:00:00-04:00"}</script>'
    )
    html = story_page("<p class='dates'>On view May 4 – September 1, 2024 · Harbor Galleries</p>", head=head)
    article = extract_article(html, URL)
    assert published_day(article) == "2024-04-10"


def test_a_time_before_its_date_is_no_span() -> None:
    article = extract_article(story_page("<p>Diperbarui 14:05 - 3 Mei 2024</p>", lang="id"), URL)
    assert published_day(article) == "2024-05-03"


def test_a_guest_account_byline_gives_way_to_the_guest_note_naming_the_writer() -> None:
    header = "<p class='byline'>By <a href='/author/guest/' rel='author'>Guest Contributor</a></p>"
    note = (
        "<div class='guest-post-note'><p><em>This is a guest post by Lotte Verbeek, a Dutch illustrator and "
        "long-distance cyclist who writes about slow travel in northern Europe. Want to write for us? Here's how to "
        "pitch.</em></p></div>"
    )
    html = story_page(header, head="<meta name='author' content='Guest Contributor'>").replace(
        "<div class='body'>", f"<div class='body'>{note}"
    )
    article = extract_article(html, URL)
    assert article.authors == ["Lotte Verbeek"]
    assert "guest post" not in article.body


def test_a_guest_account_alone_names_no_author() -> None:
    header = "<p class='byline'>By <a href='/author/guest/' rel='author'>Guest Contributor</a></p>"
    assert extract_article(story_page(header), URL).authors == []


def test_an_avatar_link_without_text_names_the_author_by_its_title() -> None:
    header = (
        "<a class='avatar' href='/author/henrik-solberg/' rel='author' title='Henrik Solberg'>"
        "<img src='/avatars/hs.jpg' alt=''></a> <span class='date'>March 4, 2024</span>"
    )
    assert extract_article(story_page(header), URL).authors == ["Henrik Solberg"]


def test_a_name_beside_its_own_picture_under_the_headline_names_the_author() -> None:
    header = (
        "<a href='/about'><img alt='Kwame Asante-Boateng' src='/avatars/kwame.jpg'>"
        "<span>Kwame Asante-Boateng</span></a> · <time datetime='2023-06-02T14:05:00Z'>9 months ago</time>"
    )
    assert extract_article(story_page(header), URL).authors == ["Kwame Asante-Boateng"]


def test_a_commenters_picture_below_the_story_names_no_author() -> None:
    comment = (
        "<div class='comment-body'><img alt='Ruth Okafor' src='/a/ruth.jpg'><span>Ruth Okafor</span>"
        "<p>Great news for the neighbourhood.</p></div>"
    )
    html = story_page("<p>March 4, 2024</p>").replace("</article>", f"</article>{comment}")
    assert extract_article(html, URL).authors == []


def test_under_a_logo_h1_the_h2_continuing_the_shortened_title_is_the_headline() -> None:
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Council Adopts 2024 Budget | City of Brannock Falls</title></head><body>"
        "<header><h1 class='masthead'><a href='/'><img src='/seal.png' alt=''> City of Brannock Falls</a></h1></header>"
        "<main><article><h2 class='news-title'>Council Adopts 2024 Budget, Approves Library Roof Repairs</h2>"
        + "".join(f"<p>{text}</p>" for text in STORY)
        + "<h2>Related news</h2></article></main></body></html>"
    )
    url = "https://www.brannockfalls.gov/news/council-budget"
    assert extract_article(html, url).title == "Council Adopts 2024 Budget, Approves Library Roof Repairs"
    # an <h2> that does not continue the <title> is a section of the text, and the <title> stays the headline
    other = html.replace("Council Adopts 2024 Budget, Approves Library Roof Repairs", "What the budget pays for")
    assert extract_article(other, url).title == "Council Adopts 2024 Budget"


def test_the_maker_of_a_reviewed_work_is_not_the_reviews_author() -> None:
    review = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Review", "itemReviewed": '
        '{"@type": "Book", "name": "The Salt Archive", "author": {"@type": "Person", "name": "Marit Solheim"}}, '
        '"author": {"@type": "Person", "name": "Mina Castellanos"}}</script>'
    )
    header = (
        "<span class='byline'>by <a rel='author' href='/author/mina'>Mina Castellanos</a></span>"
        "<div class='book-info'><table><tr><th>Title</th><td>The Salt Archive</td></tr>"
        "<tr><th>Author</th><td>Marit Solheim</td></tr><tr><th>Publisher</th><td>Northlight</td></tr></table></div>"
    )
    assert extract_article(story_page(header, head=review), URL).authors == ["Mina Castellanos"]
    # the same info box with no review declared: the page gives no way to tell the novelist from a co-author
    assert extract_article(story_page(header), URL).authors == ["Mina Castellanos", "Marit Solheim"]

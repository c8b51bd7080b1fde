"""Metadata rules for dates, authors and titles that read evidence beyond the declared fields, each pinned on a
small hand-written page: other languages' month names, conflicting declared dates settled by the printed stamp,
listing widgets' <time>s, author-page links, author boxes, personal sites, job titles in bylines, headline tags.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import lxml.html

from newscorpus.extract import extract_article
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.dates import parse_date
from newscorpus.extract.metadata import read_metadata
from newscorpus.extract.titles import choose_title

URL = "https://www.harbourpost.net/stories/ferry-returns"
STORY = [
    "The ferry that stopped running across the bay twenty years ago made its first trip again on Saturday, "
    "carrying commuters, cyclists and a brass band from the old harbour to the new quay on the far shore.",
    "The service will run every hour on weekdays and every half hour at weekends, the operator said, and "
    "tickets cost the same as the bus ride around the bay, which takes almost three times as long.",
    "Residents on both shores had campaigned for the crossing for a decade, collecting signatures at markets "
    "and school gates until the regional council agreed to fund a boat and repair the landing stages.",
]


def page(*, head: str = "", header: str = "<h1>The bay ferry is back</h1>", before: str = "", after: str = "") -> str:
    """A news page: nav, optional widgets `before` the article, the article (header + story), `after` it."""
    body = "".join(f"<p>{p}</p>" for p in STORY)
    return (
        f"<html lang='en'><head><title>The bay ferry is back | Harbour Post</title>{head}</head><body>"
        "<nav><a href='/'>Home</a><a href='/local'>Local</a></nav>"
        f"{before}<main><article><header>{header}</header><div class='story'>{body}</div></article>{after}</main>"
        "<footer><p>Harbour Post</p></footer></body></html>"
    )


def ld_json(data: dict) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def published_day(html: str) -> str | None:
    value = extract_article(html, URL).to_dict(json_safe=True)["published_at"]
    return value[:10] if value else None


def authors(html: str) -> list[str]:
    return extract_article(html, URL).authors


# --- dates -------------------------------------------------------------------------------------------------------


def test_month_names_of_other_languages_are_read() -> None:
    """Spanish/Portuguese/French/German pages print "04-ago-2021", "4 de agosto de 2021", "19. März 2024"."""
    expected = {
        "Por FlowGuard el 04-ago-2021 5:11:10": "2021-08-04",
        "Publicado el 4 de agosto de 2021": "2021-08-04",
        "Publié le 3 juin 2025": "2025-06-03",
        "Veröffentlicht am 19. März 2024": "2024-03-19",
        "Pubblicato il 7 settembre 2023": "2023-09-07",
        "Last updated 16th December 2025": "2025-12-16",
    }
    for text, day in expected.items():
        found = parse_date(text)
        assert found is not None, text
        assert found.utc.date().isoformat() == day, text


def test_conflicting_declared_dates_are_settled_by_the_printed_stamp() -> None:
    """JSON-LD says 2018 (the first version), a meta tag says 2025-12-19 and the stamp under the headline prints
    Dec 19, 2025: the page presents the 2025 date. Without a printed stamp the first declared date stands."""
    head = (
        ld_json({"@type": "NewsArticle", "headline": "The bay ferry is back", "datePublished": "2018-04-03T16:50:31Z"})
        + "<meta property='article:published_time' content='2025-12-19T18:06:00Z'>"
    )
    stamped = "<h1>The bay ferry is back</h1><p>By Ann Lee · Updated: Dec 19, 2025 1:06 PM</p>"
    assert published_day(page(head=head, header=stamped)) == "2025-12-19"
    assert published_day(page(head=head)) == "2018-04-03"


def test_a_lone_declared_date_is_not_replaced_by_a_printed_update() -> None:
    """One declared publication date and a printed "Last updated" stamp: the publication date stands."""
    head = "<meta property='article:published_time' content='2024-02-21T11:54:45Z'>"
    header = "<h1>The bay ferry is back</h1><p>Last updated: October 26, 2025</p>"
    assert published_day(page(head=head, header=header)) == "2024-02-21"


def test_microdata_publication_meta_is_not_a_share_card_tag() -> None:
    """<meta itemprop="datePublished"> belongs to the structured-data record; <meta name="date"> or Open Graph's
    article:published_time is the tag share cards and feeds read (the update-only stamp rule keys on it)."""
    header = "<h1>The bay ferry is back</h1><p>Updated October 26, 2025</p>"
    microdata = (
        "<meta itemprop='datePublished' content='2024-02-21T11:54:45Z'>"
        "<meta itemprop='dateModified' content='2025-10-26T09:00:00Z'>"
    )
    named = microdata + "<meta name='date' content='2024-02-21'>"
    assert read_metadata(lxml.html.fromstring(page(head=microdata)), URL).published_tag is False
    assert read_metadata(lxml.html.fromstring(page(head=named)), URL).published_tag is True
    assert published_day(page(head=microdata, header=header)) == "2025-10-26"
    assert published_day(page(head=named, header=header)) == "2024-02-21"


def test_listing_widget_times_above_the_headline_lose_to_the_articles_stamp() -> None:
    """A "latest news" box above the article carries its own <time>s; the article's <time>, printed under the
    headline, is the page's date."""
    widget = "".join(
        f"<div class='row'><time datetime='{d}T12:00:00Z'>{d[5:7]}/{d[8:]}/{d[:4]}</time>"
        f"<a href='/n{i}'>Council news item number {i} for readers</a></div>"
        for i, d in enumerate(["2025-01-31", "2025-12-16", "2025-12-04"])
    )
    story = "".join(f"<p>{p}</p>" for p in STORY)
    html = (  # a layout of plain <div>s: no <article>/<main> tells the article's <time> from the widget's
        "<html lang='en'><head><title>The bay ferry is back</title></head><body>"
        f"<div class='col-4'>{widget}</div><div class='col-8'><h1>The bay ferry is back</h1>"
        "<div class='node'><time datetime='2017-03-01T12:00:00Z'>03/01/2017</time> by Agatha Caleo</div>"
        f"<div class='text'>{story}</div></div></body></html>"
    )
    assert published_day(html) == "2017-03-01"


def test_a_labelled_stamp_anywhere_is_the_last_resort() -> None:
    """Nothing declared, nothing under the headline: a "Last updated: ..." line elsewhere on the page dates it."""
    after = "<div class='col-12'><p style='text-align:right'>Last updated: November 13, 2025</p></div>"
    assert published_day(page(after=after)) == "2025-11-13"


def test_the_day_is_the_one_the_page_states_and_the_instant_stays_utc() -> None:
    """ "2025-05-14T19:30:03-07:00" is May 14 on the page and 02:30 UTC on May 15: published_at keeps the UTC
    instant with the stated offset, and the JSON line shows the page's own day."""
    head = "<meta property='article:published_time' content='2025-05-14T19:30:03-07:00'>"
    article = extract_article(page(head=head), URL)
    assert article.published_at == datetime(2025, 5, 15, 2, 30, 3, tzinfo=UTC)
    assert article.tz_offset == "-07:00"
    assert article.to_dict(json_safe=True)["published_at"].startswith("2025-05-14T19:30:03")


# --- authors -----------------------------------------------------------------------------------------------------


def test_an_author_page_link_that_spells_its_own_text_is_a_byline() -> None:
    """<a href="/author/moses-kim-and-kate-shokurova">Moses Kim and Kate Shokurova</a>, whatever its classes."""
    header = (
        "<h1>The bay ferry is back</h1><p class='x1'>Written by<!-- --> "
        "<a class='t9' href='/blog/author/moses-kim-and-kate-shokurova'>Moses Kim and Kate Shokurova</a></p>"
    )
    assert authors(page(header=header)) == ["Moses Kim", "Kate Shokurova"]
    profile = "<h1>The bay ferry is back</h1><div><a href='/contributor/a._j._neal'>A. J. Neal</a></div>"
    assert authors(page(header=profile)) == ["A. J. Neal"]


def test_an_author_link_whose_text_is_not_the_slug_is_not_a_byline() -> None:
    """ "View all posts" pointing at /author/jdoe names nobody."""
    after = "<div><a href='/author/jdoe/'>View all posts</a></div>"
    assert authors(page(after=after)) == []


def test_a_name_under_a_lone_author_label_in_an_author_box() -> None:
    """<h3>Author</h3><p>Lisa D. Ellis</p> (or "Article by" / "Written by") below the story."""
    for label in ("Author", "Article by", "Written by"):
        after = f"<section><h3>{label}</h3><p>Lisa D. Ellis</p><p>Related programs</p></section>"
        assert authors(page(after=after)) == ["Lisa D. Ellis"], label


def test_a_personal_sites_name_names_its_author() -> None:
    """og:site_name "Colin Watson's blog" credits Colin Watson when nothing else names anyone."""
    head = "<meta property='og:site_name' content=\"Colin Watson's blog\">"
    assert authors(page(head=head)) == ["Colin Watson"]
    company = "<meta property='og:site_name' content='Harbour Post'>"
    assert authors(page(head=company)) == []


def test_a_post_footer_or_author_box_link_names_the_author() -> None:
    """ "Posted by David at December 16, 2025 11:15 AM" under the post (commenters' "Posted by" lines come later),
    "Posted By: Kiersten · In: Sides", "All articles by Elliot Raba"."""
    comments = "<div class='c'><p>Nice post.</p><p>Posted by: Gabriel at December 19, 2025 12:15 PM</p></div>"
    footer = f"<p class='f'>Posted by David at December 16, 2025 11:15 AM</p>{comments}"
    assert authors(page(after=footer)) == ["David"]
    assert authors(page(after="<p class='m'>Posted By: Kiersten · In: Sides, Sourdough</p>")) == ["Kiersten"]
    assert authors(page(after="<div><a href='/people'>All articles by Elliot Raba</a></div>")) == ["Elliot Raba"]


def test_the_data_layer_post_author_is_read_when_nothing_else_names_one() -> None:
    """WordPress analytics plugins push `"pagePostAuthor":"Krystyna"` into the page's data layer."""
    head = '<script>var dataLayer_content = {"pagePostType":"post","pagePostAuthor":"Krystyna"};</script>'
    assert authors(page(head=head)) == ["Krystyna"]


def test_a_job_title_ends_the_names_of_a_byline() -> None:
    """ "By Daniel Burstein, Senior Director, Content & Marketing, MarketingSherpa": one author and his job."""
    byline = read_byline("By Daniel Burstein, Senior Director, Content & Marketing", at_start=True)
    assert byline is not None and byline.authors == ["Daniel Burstein"]
    both = read_byline("By Jane Doe and John Roe", at_start=True)
    assert both is not None and both.authors == ["Jane Doe", "John Roe"]


def test_an_author_widget_gives_its_name_not_the_job_or_date_under_it() -> None:
    """trafilatura's author-class hits: a box stacking name over job title, a byline running into its date."""
    box = (
        "<div class='author-box'><div class='author-box__text'><h4 class='author-box__name'>Liz Kenny</h4>"
        "<p>Former Harbour Consultant</p></div></div>"
    )
    assert authors(page(after=box)) == ["Liz Kenny"]
    stamp = "<h1>The bay ferry is back</h1><div class='author-name'>Harbourline November 26th, 2024</div>"
    assert authors(page(header=stamp)) == ["Harbourline"]


def test_microdata_authors_of_related_stories_are_not_the_articles() -> None:
    """The first item with an itemprop=author is the article; the related stories' items carry their own."""

    def item(name: str, title: str) -> str:
        return (
            f"<article itemscope itemtype='http://schema.org/Article'><h4>{title}</h4><span itemprop='author' "
            f"itemscope itemtype='http://schema.org/Person'><span itemprop='name'>{name}</span></span></article>"
        )

    html = (
        "<html lang='en'><head><title>The bay ferry is back</title></head><body><main>"
        + item("Jeffrey Zeldman", "The bay ferry is back").replace(
            "</article>", "".join(f"<p>{p}</p>" for p in STORY) + "</article>"
        )
        + "<aside class='related'>"
        + item("Mark Bernstein", "Lessons from the harbour")
        + item("Michel Ferreira", "Bending the rules")
        + "</aside></main></body></html>"
    )
    assert authors(html) == ["Jeffrey Zeldman"]


def test_citation_author_tags_list_every_author() -> None:
    """Scholarly pages declare each author in its own citation_author meta tag, often in library order."""
    head = "".join(f"<meta name='citation_author' content='{n}'>" for n in ("Md Najmul Hossain", "Lee, Jaeeun"))
    assert authors(page(head=head)) == ["Md Najmul Hossain", "Jaeeun Lee"]


# --- titles ------------------------------------------------------------------------------------------------------


def title_of(
    h1: str, *, declared: list[str] | None = None, html_title: str | None = None, url: str = URL
) -> str | None:
    return choose_title(
        declared=declared or [], headings=[h1] if h1 else [], html_title=html_title, site_names=[], url=url
    )


def test_a_short_tag_after_a_dash_is_not_part_of_the_headline() -> None:
    assert title_of("Wedding Planning Tools – Caterer Comparison Spreadsheet") == "Wedding Planning Tools"
    assert title_of("Financial Planning for the Future You - Tips for Millennials & Gen Z") == (
        "Financial Planning for the Future You"
    )
    # a tail that continues the sentence, or that outweighs the head, is the headline's own
    kept = "I Tried Amp, the AI Strength Training System — and It May Replace My Gym Membership"
    assert title_of(kept) == kept
    long_tail = "The Language Death Spiral - How Small Languages Die in the Age of AI"
    assert title_of(long_tail) == long_tail


def test_a_cut_off_declared_title_gives_way_to_the_full_one() -> None:
    """og:title cut at a length limit; the <title> carries the whole headline (and then the site name)."""
    declared = ["Fix It Friday: How To Arrange Your Living Room? We Help 4 Readers Find Solutions (Including"]
    full = "Fix It Friday: How To Arrange Your Living Room? We Help 4 Readers Find Solutions (Including One Trick)"
    assert title_of("", declared=declared, html_title=f"{full} - Harbour Post") == full
    # a <title> that only adds the site name and a tagline does not count as the rest of the headline
    short = ["Rankings: Full & Part Time Programs"]
    assert title_of("", declared=short, html_title="Rankings: Full & Part Time Programs - Blackman - MBA Help") == (
        "Rankings: Full & Part Time Programs"
    )


def test_an_aggregators_source_and_count_after_the_headline_are_dropped() -> None:
    h1 = "Computer Science Grads Find Their Degrees No Longer Guarantee Jobs (latimes.com) 87"
    declared = ["Computer Science Grads Find Their Degrees No Longer Guarantee Jobs - Newsdot"]
    assert title_of(h1, declared=declared, url="https://tech.newsdot.org/story/1") == (
        "Computer Science Grads Find Their Degrees No Longer Guarantee Jobs"
    )


def test_a_heading_that_ends_in_a_colon_introduces_a_box_and_is_not_the_headline() -> None:
    """A promo box's "<h1>A message from our founder:</h1>" as the page's only <h1>: a headline does not end in a
    colon, the declared title names the story."""
    declared = ["How the harbour ferry came back - Harbour Post"]
    assert title_of("A message from Jane Roe, co-founder of Harbour Post:", declared=declared) == (
        "How the harbour ferry came back"
    )
    assert title_of("Harbour ferry: the comeback", declared=declared) == "Harbour ferry: the comeback"


def test_a_host_name_logo_is_not_the_headline() -> None:
    """<h1>davidbau.com</h1> is the logo; "<title>davidbau.com Vibe Coding" starts with the host."""
    assert title_of("davidbau.com", html_title="davidbau.com Vibe Coding", url="https://davidbau.com/a/vibe.html") == (
        "Vibe Coding"
    )


def test_the_date_zone_ends_at_the_body_under_the_headline_not_at_a_contents_entry() -> None:
    """The story's first line ("What is a ferry?") is also a table-of-contents entry above the headline; the
    stamp and byline between the headline and the story are still found."""
    from newscorpus.extract.article import _date_zone, _header_lines

    page_lines = [
        "Contents",
        "What is a ferry?",
        "The bay ferry is back",
        "Posted on",
        "Nov 21, 2018",
        "Written by",
        "Eliz",
        "What is a ferry?",
        STORY[0],
    ]
    body = ["What is a ferry?", STORY[0]]
    assert _date_zone(page_lines, "The bay ferry is back", body)[-5:] == page_lines[2:7]
    assert _header_lines(page_lines, "The bay ferry is back", body) == page_lines[3:7]


def test_author_elements_are_the_ones_trafilaturas_author_xpaths_select() -> None:
    """guess_author's one-walk replacement for trafilatura's AUTHOR_XPATHS selects exactly their elements, in
    their order, for every kind of marker the XPaths test (classes, ids, rel, itemprop, data attributes ...)."""
    from trafilatura.xpaths import AUTHOR_XPATHS

    from newscorpus.extract.document import parse_html
    from newscorpus.extract.guesses import author_elements

    html = (
        "<html><body><div class='site-author-name'>Ann</div><span rel='author'>Bo</span><p id='author'>Cy</p>"
        "<strong class='author'>Di</strong><a itemprop='author name'>Ed</a><div data-testid='AuthorCard'>Fay</div>"
        "<span class='post-AuthorName'>Gus</span><span class='authorName x'>Hal</span><author>Ida</author>"
        "<p class='byline'>Jo</p><h3 class='username'>Kim</h3><h4 class='BBL'>Lu</h4><span itemprop='authorx'>Mo</span>"
        "<div id='zuozhe-1'>Ned</div><a class='channel-name'>Oz</a><p class='journalist-name'>Pat</p>"
        "<li class='Author-box'>Quin</li><section data-component='BylineBlock'>Ray</section>"
        "<em id='theAuthor'>Sal</em><i class='screenname'>Tim</i><b class='writer'>Una</b>"
        "<td class='Byline'>Val</td><span class='bylines'>Wes</span><div><rel>me</rel>Xan</div>"
        "<h2 class='title'>Not an author</h2><p class='authored'>Yul</p></body></html>"
    )
    tree = parse_html(html)
    assert tree is not None
    ours = author_elements(tree)
    for expression, found in zip(AUTHOR_XPATHS, ours, strict=True):
        assert [e.text_content() for e in expression(tree)] == [e.text_content() for e in found]
    assert all(ours)


def test_a_webpage_node_that_names_the_site_home_does_not_date_an_article() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "name": "Harbor Home Lending", "url": "https://harborhomelending.com"},
            {"@type": "WebPage", "url": "https://harborhomelending.com", "datePublished": "2018-06-01T00:00:00+00:00"},
        ],
    }
    own = {
        "@type": "WebPage",
        "@id": "https://harborhomelending.com/learning/refinance/#webpage",
        "datePublished": "2025-12-10T09:00:00+00:00",
    }
    site_wide = (
        f'<html><head><script type="application/ld+json">{json.dumps(graph)}</script></head><body></body></html>'
    )
    url = "https://harborhomelending.com/learning/refinance/"
    assert read_metadata(lxml.html.fromstring(site_wide), url).published == []
    graph["@graph"].append(own)
    page = f'<html><head><script type="application/ld+json">{json.dumps(graph)}</script></head><body></body></html>'
    assert read_metadata(lxml.html.fromstring(page), url).published == ["2025-12-10T09:00:00+00:00"]
    # on the home page itself, the node is the page's own
    assert read_metadata(lxml.html.fromstring(site_wide), "https://harborhomelending.com/").published == [
        "2018-06-01T00:00:00+00:00"
    ]


def test_a_readers_comment_stamped_datepublished_does_not_date_the_story() -> None:
    """GeneratePress prints only "Last updated" on the post and gives each comment its own microdata
    `itemprop="datePublished"`: the comment's date is no evidence of the story's."""
    header = (
        "<h1>The bay ferry is back</h1><span class='posted-on'>Last updated: <time class='updated' "
        "datetime='2024-04-02T20:11:37+01:00' itemprop='dateModified'>April 2, 2024</time></span>"
    )
    comment = (
        "<ol class='comment-list'><li><article itemscope itemtype='https://schema.org/Comment'>"
        "<cite itemprop='author'>Sam</cite><time datetime='2024-04-05T09:14:22+01:00' itemprop='datePublished'>"
        "April 5, 2024 at 9:14 am</time><p itemprop='text'>Great trip, we took it on Sunday.</p></article></li></ol>"
    )
    assert published_day(page(header=header, after=comment)) == "2024-04-02"
    elsewhere = f"<div class='discussion'>{comment.replace('comment-list', 'replies')}</div>"
    assert published_day(page(header=header, after=elsewhere)) == "2024-04-02"  # marked by its item type alone

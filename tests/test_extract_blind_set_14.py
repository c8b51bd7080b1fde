"""Rules found by a fourteenth blind page set (personal and technical blogs and newsletters, explainers on
education, health and money sites, and news and magazine pages from outlets' own CMSs, written without sight of the
extractor; see bench/blind-pages-14): a double surname before the byline's stamp, a clinical reviewer credited on
the writer's line, a columnist's name set inside the headline.
"""

from __future__ import annotations

import pytest
from extraction_checks import authors_of, published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.bylines import read_byline


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Elena Vasquez-Moreau Oct. 8, 2024", "Elena Vasquez-Moreau"),
        ("By Anna Smith-Jones 8 October 2024", "Anna Smith-Jones"),
        ("By Jane Doe - Oct. 8, 2024", "Jane Doe"),  # a spaced hyphen still separates the stamp
        ("By Jane Doe- Tuesday, Oct. 8, 2024", "Jane Doe"),
    ],
)
def test_a_double_surname_before_the_bylines_stamp_is_kept_whole(line: str, author: str) -> None:
    assert authors_of(line) == [author]


def test_a_clinical_reviewer_on_the_writers_line_is_no_author() -> None:
    """HubSpot health blogs print "Written by Lauren Mitchell, LCSW" and "Clinically reviewed by Dr. Omar Haddad,
    PsyD" side by side: one line once the page's text is read."""
    line = "Written by Lauren Mitchell, LCSW Clinically reviewed by Dr. Omar Haddad, PsyD Feb 7, 2024 10:30:00 AM"
    byline = read_byline(line, at_start=True)
    assert byline is not None and byline.authors == ["Lauren Mitchell"]
    assert byline.others == ["Dr. Omar Haddad"]


def test_a_columnists_name_set_inside_the_headline_is_no_part_of_the_title() -> None:
    """The Guardian's opinion pages put the columnist's name, linked rel="author", inside the <h1>."""
    heading = (
        "<h1><span class='dcr-1y2ruac'><a href='/profile/marnie-achterberg' rel='author'>Marnie Achterberg</a>"
        "</span> Closing a library shuts people out of public life</h1>"
    )
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        "<html><head><title>Closing a library shuts people out of public life | Marnie Achterberg | The Guardian"
        f"</title></head><body><main><article>{heading}{body}</article></main></body></html>"
    )
    article = extract_article(html, "https://www.theguardian.example/commentisfree/2024/mar/16/libraries")
    assert article.title == "Closing a library shuts people out of public life"
    assert article.authors == ["Marnie Achterberg"]


def _condition_page(after_story: str) -> str:
    body = "".join(f"<p>{t}</p>" for t in STORY)
    return (
        "<html><head><title>Iron deficiency anemia - Symptoms and causes - St. Luke's Clinic</title></head><body>"
        "<nav><a href='/'>Home</a><a href='/conditions'>Diseases &amp; Conditions</a></nav>"
        f"<main><h1>Iron deficiency anemia</h1><div class='content'>{body}</div>{after_story}</main>"
        "<footer><p>© 1998-2025 St. Luke's Clinic. All rights reserved.</p></footer></body></html>"
    )


def test_a_date_printed_alone_under_the_text_dates_a_page_that_declares_none() -> None:
    """Clinic condition pages (Mayo-style) declare no date and print the last revision under the text."""
    meta = "<div class='meta'><p class='date'>Jan. 16, 2024</p><button class='print'>Print</button></div>"
    article = extract_article(_condition_page(meta), "https://www.stlukes.example/conditions/anemia/symptoms")
    assert published_day(article) == "2024-01-16"


def test_a_copyright_year_alone_dates_no_page() -> None:
    article = extract_article(_condition_page(""), "https://www.stlukes.example/conditions/anemia/symptoms")
    assert article.published_at is None


def test_a_banks_run_of_closing_disclosures_is_no_text() -> None:
    from newscorpus.extract.boilerplate import remove_boilerplate

    disclosures = [
        "Important disclosures",
        "Northwind Bank does not provide tax, legal or accounting advice. This material has been prepared for "
        "informational purposes only.",
        "FICO is a registered trademark of Fair Isaac Corporation in the United States and other countries.",
        "Links to third-party websites are provided for your convenience. Northwind Bank is not responsible for "
        "the content of those sites.",
        "Deposit products offered by Northwind Bank, N.A. Member FDIC. Equal Housing Lender.",
        "Investment and insurance products are: NOT FDIC INSURED • NOT A BANK DEPOSIT • MAY LOSE VALUE",
        "(1124-7QXP)",
    ]
    assert remove_boilerplate([*STORY, *disclosures]) == STORY
    health = "This information is not intended to replace the advice of a doctor. The clinic disclaims any liability."
    assert remove_boilerplate([*STORY, health]) == STORY
    # the same words inside the story are its text
    quoted = "The leaflet says it is not intended to replace the advice of a doctor, the nurse said."
    more = [f"Plot {n} of the new allotments goes to a family from the waiting list, the council said." for n in "ABC"]
    story = [STORY[0], quoted, *STORY[1:], *more]
    assert remove_boilerplate(story) == story


def _aem_page(sections: str) -> str:
    return (
        "<html><head><title>What is a credit score? | Northwind Bank</title></head><body>"
        "<nav><a href='/'>Personal</a><a href='/business'>Business</a></nav><main><h1>What is a credit score?</h1>"
        f"<div class='nw-article-body'>{sections}</div></main><footer><p>Northwind Bank</p></footer></body></html>"
    )


def test_a_heading_whose_id_spells_its_words_is_read_like_any_heading() -> None:
    """AEM's title component gives its <h2> an id made of the heading's words; "credit" there is no photo credit."""
    heading = "Where do credit scores come from?"
    sections = (
        f"<div class='cmp-text'><p>{STORY[0]}</p></div>"
        f"<div class='title'><div class='cmp-title'><h2 class='cmp-title__text' id='where-do-credit-scores-come-from'>"
        f"{heading}</h2></div></div><div class='cmp-text'><p>{STORY[1]}</p><p>{STORY[2]}</p></div>"
    )
    article = extract_article(_aem_page(sections), "https://www.northwindbank.example/learn/credit-score")
    assert article.body.split("\n\n") == [STORY[0], heading, *STORY[1:]]


def test_a_toggles_hidden_content_is_read_where_it_is() -> None:
    """Sitecore SXA accordions: a "toggle-header" label, then the "toggle-content" panel hidden until clicked."""
    panel = (
        "<div class='component accordion'><ul class='items'><li class='item'><div class='toggle-header'>"
        "<div class='field-heading'>Rest and home care</div></div><div class='toggle-content' style='display:none'>"
        f"<p>{STORY[2]}</p></div></li></ul></div>"
    )
    sections = f"<p>{STORY[0]}</p><p>{STORY[1]}</p>{panel}"
    article = extract_article(_aem_page(sections), "https://www.northshore.example/conditions/plantar-fasciitis")
    assert STORY[2] in article.body.split("\n\n")


@pytest.mark.parametrize(
    "furniture",
    [
        "If you buy something using links in our stories, we may earn a commission. This helps support our journalism.",
        "Do you have a story to share? Email us at newsdesk@men-news.co.uk",
        "Have a story you want Denver7 Investigates to look into? Email investigate@denver7.com.",
        "Got a news tip? Contact the newsroom on 0161 555 0100.",
        "Video Loading",
        "The video will start in 8 Cancel",
    ],
)
def test_a_newsrooms_tip_line_affiliate_note_and_video_player_words_are_no_text(furniture: str) -> None:
    from newscorpus.extract.boilerplate import remove_boilerplate

    more = [f"Plot {n} of the new allotments goes to a family from the waiting list, the council said." for n in "ABC"]
    assert remove_boilerplate([STORY[0], furniture, *STORY[1:], *more]) == [*STORY, *more]


def test_a_story_about_a_tip_line_keeps_its_sentences() -> None:
    from newscorpus.extract.boilerplate import remove_boilerplate

    lines = [*STORY, "Do you have a story like hers? Many readers wrote in after the first report, the editor said."]
    assert remove_boilerplate(lines) == lines


def test_a_blogger_timestamp_in_a_byline_class_names_no_author() -> None:
    """Blogger's templates mark the post's date "byline post-timestamp" and its labels "byline post-labels"; with no
    author on the page, "May 14, 2016" is no writer called May and "Labels:" none called Labels."""
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        "<html><head><title>Spring passage at Titchwell</title></head><body><div class='post'>"
        "<h3 class='post-title'>Spring passage at Titchwell</h3>"
        "<div class='post-header'><span class='byline post-timestamp'><a href='#'>May 14, 2016</a></span></div>"
        f"<div class='post-body'>{body}</div><div class='post-footer'><span class='byline post-labels'>"
        "<span class='byline-label'>Labels:</span><a href='#'>Titchwell</a><a href='#'>marsh harrier</a></span>"
        "</div></div></body></html>"
    )
    assert extract_article(html, "https://marshnotes.blogspot.example/2016/05/spring-passage.html").authors == []


def test_the_name_beside_an_author_picture_whose_alt_names_no_one_is_the_author() -> None:
    """beehiiv's post header: `<img alt="Author" src="…/profile_picture/…">`, then the name and the date."""
    header = (
        "<h1>Issue #47: Five tools I actually use</h1><div class='flex'><div><img class='rounded-full' alt='Author' "
        "src='https://media.beehiiv.example/uploads/user/profile_picture/sofia.png'></div><div class='flex-col'>"
        "<div class='flex space-x-1'><span class='text-sm font-medium'>Sofia Brandt</span></div>"
        "<div class='flex text-xs'><span>January 9, 2025</span></div></div></div>"
    )
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = f"<html><head><title>Issue #47</title></head><body><main>{header}{body}</main></body></html>"
    assert extract_article(html, "https://cleandata.beehiiv.example/p/issue-47").authors == ["Sofia Brandt"]
    # a picture called "Author" over a line that names no one gives no author
    anonymous = html.replace("Sofia Brandt", "Five minutes")
    assert extract_article(anonymous, "https://cleandata.beehiiv.example/p/issue-47").authors == []


def test_a_libguides_creation_date_declared_in_dublin_core_dates_the_guide() -> None:
    """LibGuides declares `DC.Date.Created` and `DC.Date.Modified` and prints only "Last Updated: Mar 4, 2025"."""
    head = "<meta name='DC.Date.Created' content='Sep 14, 2017'><meta name='DC.Date.Modified' content='Mar 4, 2025'>"
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        f"<html><head><title>Research Guides: Evaluating Sources</title>{head}</head><body><main>"
        f"<h1>Evaluating Sources</h1><div class='s-lib-box'>{body}</div>"
        "<div id='s-lib-footer-public'>Last Updated: Mar 4, 2025 11:32 AM</div></main></body></html>"
    )
    article = extract_article(html, "https://guides.lib.example.edu/evaluatingsources")
    assert published_day(article) == "2017-09-14"


def test_a_table_whose_every_cell_is_a_link_is_no_text_but_a_table_with_linked_names_is() -> None:
    """LegalZoom closes its state guides with "Start an LLC in Any State" over a table of 50 linked state names."""
    states = ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware"]
    cells = [f"<td><a href='/articles/how-to-start-an-llc-in-{s.lower()}'>{s} LLC</a></td>" for s in states]
    grid = "<table class='state-table'>" + "".join(f"<tr>{''.join(cells[i : i + 4])}</tr>" for i in (0, 4)) + "</table>"
    fees = (
        "<table><tr><th>State</th><th>Filing fee</th></tr>"
        + "".join(
            f"<tr><td><a href='/{s.lower()}'>{s}</a></td><td>${100 + n} to file</td></tr>"
            for n, s in enumerate(states[:3])
        )
        + "</table>"
    )
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        "<html><head><title>How to start an LLC</title></head><body><main><h1>How to start an LLC</h1>"
        f"{body}{fees}<p>{STORY[0]}</p><h2>Start an LLC in Any State</h2>{grid}<p>{STORY[1]}</p></main></body></html>"
    )
    lines = extract_article(html, "https://www.legal.example/articles/how-to-start-an-llc").body.split("\n\n")
    assert "Alabama | $100 to file" in lines
    assert not any("Alaska LLC" in line for line in lines)


@pytest.mark.parametrize("label", ["More great bread recipes", "More Sourdough Recipes", "More posts", "More guides:"])
def test_a_more_recipes_or_posts_label_heads_a_related_list(label: str) -> None:
    from newscorpus.extract.boilerplate import is_related_label

    assert is_related_label(label)


@pytest.mark.parametrize("line", ["More than 40 recipes", "More people cook at home", "More of the same stories"])
def test_a_sentence_opening_with_more_is_no_related_label(line: str) -> None:
    from newscorpus.extract.boilerplate import is_related_label

    assert not is_related_label(line)

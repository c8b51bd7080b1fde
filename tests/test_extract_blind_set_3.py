"""Rules found by a third blind page set (world news and the non-news web, written without sight of the extractor;
see bench/blind-pages-3): a dek printed over the byline and date block; a stamp run into its update on one line
("Sun 21 May 2023 00.20 BST Last modified on …") or with its time first ("first published at 6.02am Jul 10, 2023");
a live blog's dotted entry stamps ("12.41am"); a photographer or fact checker the declaration lists as an author;
Swahili's "Na A na B"; a story signed "A và B" whose declaration names only A; a Dutch byline run into its stamp
("Door: Kees van Dijk zo 10 mrt 2024"); "Match report by"; a lower-case aside after a name; plain "en" on a
day-first country's domain.
"""

from __future__ import annotations

import pytest
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article

URL = "https://www.ledger.example.co.uk/uk-news/2023/may/21/garden-plots"
DEK = "Families on the waiting list face another season without land as the council admits the depot site is not ready"
DECLARED = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
    '"headline": "Garden plots", "datePublished": "2023-05-20T23:20:00.000Z"}</script>'
)


def dek_page(meta: str) -> str:
    """A news page that prints its dek, then `meta`, then a lead photo, then the story, each in its own block."""
    story = "".join(f"<p class='para'>{text}</p>" for text in STORY)
    return (
        f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'><title>Garden plots</title>{DECLARED}</head>"
        "<body><header><nav><a href='/'>Home</a> <a href='/uk-news'>UK news</a></nav></header><main><article>"
        f"<div class='kicker'>Cities</div><h1>Garden plots</h1><p class='standfirst'>{DEK}</p>"
        f"<div class='meta'>{meta}</div>"
        "<figure><img src='/depot.jpg' alt=''><figcaption>The old bus depot. Photograph: Ann Lee</figcaption></figure>"
        f"<div class='body'>{story}</div></article></main><footer><p>© 2023 The Ledger</p></footer></body></html>"
    )


GUARDIAN_META = (
    "<address>By <a rel='author' href='/profile/ann'>Harriet Coles</a> and <a rel='author' href='/profile/tom'>Tom "
    "Ashby</a></address><div class='dateline'><span>Sun 21 May 2023 00.20 BST</span><details><summary>Last modified "
    "on Sun 21 May 2023 09.02 BST</summary></details></div>"
)


def test_a_dek_over_the_byline_and_date_block_is_no_part_of_the_body() -> None:
    article = extract_article(dek_page(GUARDIAN_META), URL)
    assert article.body.split("\n\n")[0] == STORY[0]
    assert DEK not in article.body
    assert article.authors == ["Harriet Coles", "Tom Ashby"]


def test_a_first_paragraph_with_no_meta_block_under_it_stays() -> None:
    article = extract_article(dek_page(""), URL)
    assert article.body.split("\n\n")[0] == DEK


def test_the_stamp_under_a_dek_gives_the_declared_instant_its_printed_offset() -> None:
    # declared 23:20Z on the 20th; printed 00.20 BST on the 21st: the same instant, on the day the reader saw
    article = extract_article(dek_page(GUARDIAN_META), URL)
    assert article.to_dict(json_safe=True)["published_at"] == "2023-05-21T00:20:00+01:00"


def test_a_stamp_run_into_its_update_on_one_line_is_read_as_two_stamps() -> None:
    meta = "<p>Sun 21 May 2023 00.20 BST Last modified on Sun 21 May 2023 09.02 BST</p>"
    page = dek_page(meta).replace(DECLARED, "")
    article = extract_article(page, URL)
    assert article.to_dict(json_safe=True)["published_at"] == "2023-05-21T00:20:00+01:00"


def story_page(header: str, *, head: str = "", lang: str = "en", closing: str = "") -> str:
    """A story with `header` printed between its headline and its text, and `closing` as its last paragraph."""
    story = "".join(f"<p>{text}</p>" for text in STORY) + (f"<p>{closing}</p>" if closing else "")
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>Garden plots</title>{head}</head>"
        "<body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        f"<main><article><h1>Garden plots</h1><div class='meta'>{header}</div><div class='body'>{story}</div>"
        "</article></main><footer><p>© 2023 Example</p></footer></body></html>"
    )


def declared_authors(*names: str) -> str:
    persons = ", ".join(f'{{"@type": "Person", "name": "{name}"}}' for name in names)
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", '
        f'"headline": "Garden plots", "datePublished": "2023-04-15", "author": [{persons}]}}</script>'
    )


def test_a_photographer_the_declaration_lists_as_author_is_not_one() -> None:
    header = (
        "<p>Words by <a href='/c/eleanor'>Eleanor Vance</a></p><p>Photography by <a href='/c/sam'>Sam Okoro</a></p>"
    )
    page = story_page(header, head=declared_authors("Eleanor Vance", "Sam Okoro"))
    assert extract_article(page, URL).authors == ["Eleanor Vance"]


def test_a_writer_who_also_took_the_photographs_stays_an_author() -> None:
    header = "<p>Words by Edda Lunn and Kofi Mensah · Photographs by Kofi Mensah · 14 min read</p>"
    page = story_page(header, head=declared_authors("Edda Lunn", "Kofi Mensah"))
    assert extract_article(page, URL).authors == ["Edda Lunn", "Kofi Mensah"]


def test_a_swahili_byline_na_and_na() -> None:
    header = "<div>Na <a href='/author/amina'>Amina Mwakyusa</a> na <a href='/author/juma'>Juma Kombo</a>, Mtwara</div>"
    assert extract_article(story_page(header, lang="sw"), URL).authors == ["Amina Mwakyusa", "Juma Kombo"]
    # a sentence opening with "Na" is no byline
    assert extract_article(story_page("<p>Na wakati huo huo mvua</p>", lang="sw"), URL).authors == []


def test_a_story_signed_by_the_declared_author_and_another_names_both() -> None:
    page = story_page("", head=declared_authors("Nguyễn Thu Hà"), lang="vi", closing="Nguyễn Thu Hà và Trần Minh Đức")
    article = extract_article(page, URL)
    assert article.authors == ["Nguyễn Thu Hà", "Trần Minh Đức"]
    assert "Trần Minh Đức" not in article.body


LIVE_HEADER = (
    "<div class='authors'>By Liam Kerrigan and Grace Oduya</div> <div class='dates'><span>Updated 12.41am Jul 11, "
    "2023</span> — <span>first published at 6.02am Jul 10, 2023</span></div>"
)


LIVE_DECLARED = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "LiveBlogPosting", '
    '"headline": "Garden plots", "datePublished": "2023-07-09T20:02:00Z"}</script>'
)


def test_live_entry_stamps_with_a_dotted_clock_leave_the_body() -> None:
    entries = "".join(
        f"<div class='entry'><time>{clock}</time><h2>{heading}</h2><p>{text}</p></div>"
        for clock, heading, text in zip(
            ("12.41am", "11.58pm", "9.20pm"), ("Pause", "Evacuation", "Rain"), STORY, strict=True
        )
    )
    page = story_page(LIVE_HEADER, head=LIVE_DECLARED, lang="en-AU")
    article = extract_article(page.replace("<div class='body'>", f"<div class='body'>{entries}"), URL)
    assert "12.41am" not in article.body and "9.20pm" not in article.body
    assert STORY[0] in article.body
    # with the entry stamps gone the date zone reaches the stamp row, its time printed before the date: the
    # declared 20:02Z is 6.02am on the 10th where the page is
    assert article.to_dict(json_safe=True)["published_at"] == "2023-07-10T06:02:00+10:00"


@pytest.mark.parametrize(
    ("header", "lang", "authors"),
    [
        # a Dutch club site's byline and its stamp in one line, the weekday abbreviated
        ("<span>Door: Kees van Dijk</span> <span>zo 10 mrt 2024 om 18:42</span>", "nl", ["Kees van Dijk"]),
        ("<p>Match report by Owen Price</p><p>Posted 4th March 2024</p>", "en-GB", ["Owen Price"]),
        # a fact checker the declaration lists beside the writers
        (
            "<p>By Carla Jenkins and Owen Tull · Fact checked by Ruth Abernathy · Updated Mar 4, 2024</p>",
            "en-US",
            ["Carla Jenkins", "Owen Tull"],
        ),
        # a lower-case aside after a name, and a photographer in the same row
        (
            "<p>Words: Jake Moss (podiatrist) &amp; Lena Ortiz, fitting team lead · Photography: Tom Reyes</p>",
            "en-GB",
            ["Jake Moss", "Lena Ortiz"],
        ),
    ],
)
def test_credit_rows_of_club_shop_and_affiliate_sites(header: str, lang: str, authors: list[str]) -> None:
    # the declaration lists everyone the row credits, as affiliate and shop themes do
    credited = [name for name in ("Ruth Abernathy", "Tom Reyes") if name in header]
    head = declared_authors(*authors, *credited) if credited else ""
    assert extract_article(story_page(header, head=head, lang=lang), URL).authors == authors


def test_a_two_letter_word_after_a_name_is_no_weekday() -> None:
    assert extract_article(story_page("<p>By Ann Do 9 April 2024</p>"), URL).authors == ["Ann Do"]


def test_a_spanish_dek_over_the_signature_and_its_office() -> None:
    dek = "El dispositivo, del tamaño de una memoria USB, cuesta menos de tres euros"
    header = (
        f"<p class='entradilla'>{dek}</p><div class='firma'>Por Lucía Fernández Ortega | Gabinete de Comunicación</div>"
    )
    page = story_page("", lang="es-ES").replace("<div class='body'>", f"<div class='body'>{header}")
    article = extract_article(page, URL)
    assert article.authors == ["Lucía Fernández Ortega"]
    assert dek not in article.body


def test_plain_en_on_a_day_first_countrys_domain_reads_numeric_dates_day_first() -> None:
    page = story_page("<p>Posted 05/03/2024</p>")
    assert extract_article(
        page, "https://www.breckshire.gov.uk/news/sunday-opening"
    ).published_at.date().isoformat() == ("2024-03-05")
    assert extract_article(page, "https://www.breckshire.gov/news/sunday-opening").published_at.date().isoformat() == (
        "2024-05-03"
    )


def test_every_writer_of_an_avatar_stack_is_an_author() -> None:
    stack = "".join(
        f"<div class='AuthorStack_author'><img alt='' src='/team/{n}.jpg'><div><div class='AuthorStack_name'>{name}"
        f"</div><div class='AuthorStack_role'>{role}</div></div></div>"
        for n, (name, role) in enumerate((("Priyanka Rao", "Staff Engineer"), ("Ben Okafor", "Developer Advocate")))
    )
    page = story_page(f"<div class='AuthorStack_root'>{stack}</div><time datetime='2024-03-04'>3 days ago</time>")
    assert extract_article(page, URL).authors == ["Priyanka Rao", "Ben Okafor"]


def test_the_authors_of_related_stories_beside_the_byline_are_not_stacked_in() -> None:
    related = "".join(
        f"<li><a href='/s/{n}'>{title}</a><span class='byline-name'>{name}</span></li>"
        for n, (title, name) in enumerate(
            (
                ("A long headline about the bus depot and the plans the council drew for it", "Ben Okafor"),
                ("Another long headline about the allotment waiting list in the northern wards", "Ann Lee"),
            )
        )
    )
    header = f"<span class='byline-name'>Priyanka Rao</span><ul class='more'>{related}</ul>"
    assert extract_article(story_page(header), URL).authors == ["Priyanka Rao"]


def test_a_stamp_without_its_year_takes_the_year_of_the_address_of_the_same_month() -> None:
    page = story_page("<span class='entry-date'>October 9</span>")
    assert extract_article(page, "https://shop.example.com/2023/10/oil-a-board/").published_at.date().isoformat() == (
        "2023-10-09"
    )
    # the address of another month says nothing about the printed day
    assert extract_article(page, "https://shop.example.com/2023/11/oil-a-board/").published_at is None


def profile_card_page(user_href: str, name: str) -> str:
    card = (
        f"<aside class='side'><div class='ProfileCard'><img src='/u/k.png' alt='{name}'>"
        f"<a href='{user_href}'>{name}</a><p>Backend engineer at a SaaS company</p></div></aside>"
    )
    return story_page("<time datetime='2024-05-20'>2024/05/20に公開</time>", lang="ja").replace(
        "</main>", card + "</main>"
    )


def test_the_profile_card_linking_the_user_part_of_the_address_names_the_writer() -> None:
    url = "https://techlog.example.jp/kenta_y/articles/rust-cli"
    assert extract_article(profile_card_page("/kenta_y", "山田健太"), url).authors == ["山田健太"]
    # a link to another user's page is someone else's card
    assert extract_article(profile_card_page("/hanako", "佐藤花子"), url).authors == []


def test_a_sites_own_section_link_is_no_writer() -> None:
    nav = "<p class='crumbs'><a href='/guides'>Care Guides</a></p>"
    page = story_page(nav)
    assert extract_article(page, "https://shop.example.com/guides/oil-a-board").authors == []


def test_a_ministers_words_in_a_call_to_action_box_are_text_and_a_box_with_a_button_is_not() -> None:
    quote = (
        "Nobody should have to choose between taking a job and getting home safely at night, and this money means "
        "they will not have to."
    )
    boxes = (
        f"<div class='call-to-action'><blockquote><p>{quote}</p></blockquote></div>"
        "<div class='call-to-action'><blockquote><p>Sign up for the weekly digest of every decision the council "
        "takes, sent each Friday morning.</p></blockquote><a class='button' href='/signup'>Sign up</a></div>"
    )
    page = story_page("").replace(f"<p>{STORY[1]}</p>", f"<p>{STORY[1]}</p>{boxes}")
    body = extract_article(page, URL).body
    assert quote in body
    assert "weekly digest" not in body


def test_a_press_releases_contact_block_at_its_end_leaves_the_body() -> None:
    contacts = (
        "<h3>Scientific contact</h3><p>Dr. Katrin Vogelsang</p><p>Head of Urban Heat Group</p><p>+49 221 000 4411</p>"
        "<h3>Press contact</h3><p>Thomas Grün</p><p>presse@ifu.example.de</p><h3>Original publication</h3>"
        "<p>Vogelsang K, Ortmann L (2024): Street-level nocturnal heat in a dense low-cost sensor network. Urban "
        "Climate 55, 101921.</p>"
    )
    body = extract_article(
        story_page("", closing="").replace("</div></article>", contacts + "</div></article>"), URL
    ).body
    assert body.endswith(STORY[-1])
    # a section headed like one, with prose and no address or number under it, is text
    section = "<h3>Media relations</h3><p>" + STORY[0].replace("city", "town") + "</p>"
    kept = extract_article(story_page("").replace("</div></article>", section + "</div></article>"), URL).body
    assert kept.endswith(STORY[0].replace("city", "town"))


def module_page(h1: str, headline: str, *, html_title: str, og_title: str = "") -> str:
    og = f"<meta property='og:title' content='{og_title}'>" if og_title else ""
    story = "".join(f"<p>{text}</p>" for text in STORY)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html_title}</title>{og}</head><body>"
        f"<main><h1>{h1}</h1><h2>Press Releases</h2><div class='item'><h3>{headline}</h3>{story}</div></main>"
        "</body></html>"
    )


def test_under_a_modules_short_h1_the_heading_printing_the_declared_headline_is_the_headline() -> None:
    headline = "Deputies Arrest Suspect in String of Catalytic Converter Thefts"
    page = module_page("News Flash", headline, html_title="News Flash • Harlan County", og_title=headline)
    assert extract_article(page, "https://www.harlan.example.gov/CivicAlerts.aspx?AID=1187").title == headline


def test_under_a_forums_name_the_heading_the_title_opens_with_is_the_headline() -> None:
    headline = "AGM 2024 – minutes, accounts and the new committee"
    page = module_page("Millbrook Camera Club Forum", headline, html_title=f"{headline} - Millbrook Camera Club Forum")
    assert extract_article(page, "https://forum.example.org/viewtopic.php?t=1843").title == headline


def test_a_short_headline_over_a_section_heading_stays_the_headline() -> None:
    page = module_page("Budget 2024 approved", "What the budget pays for", html_title="Budget 2024 approved | City")
    assert extract_article(page, "https://city.example.gov/news/budget").title == "Budget 2024 approved"


@pytest.mark.parametrize(
    ("credit", "agency"),
    [("The Canadian Press", "The Canadian Press"), ("Kenya News Agency", "KNA"), ("ČTK", "ČTK")],
)
def test_more_wire_services_are_agencies_not_authors(credit: str, agency: str) -> None:
    article = extract_article(story_page(f"<p>By {credit}</p>"), URL)
    assert (article.authors, article.agency) == ([], agency)

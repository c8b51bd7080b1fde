"""Author and editor rules found by probing hand-written platform pages: a name in a script without capitals, a story
signed with the writer's bare name, a broadcaster's closing author line, Agência Brasil's "Edição:" line, the byline
part of a Substack/Medium <title>, Forem's (dev.to) and Wix Blog's author markup, and a theme's microformats h-card.

Pages are built here from small templates; where a rule could over-match, a guard test pins what must stay as it was.
"""

from __future__ import annotations

import lxml.html

from newscorpus.extract import extract_article
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.credit_names import looks_like_name
from newscorpus.extract.guesses import author_from_site_name, guess_author

URL = "https://www.example.com/2025/03/04/harbour-plan"
STORY = [
    "The city council approved the harbour plan on Tuesday after a three-hour debate, clearing the way for the "
    "first dredging work to start in the spring and for the ferry terminal to move to the eastern pier.",
    "Supporters said the project would bring hundreds of jobs to the waterfront, while residents of the old "
    "fishing quarter asked for guarantees that the market hall and the boatyards would be kept in place.",
    "The mayor promised a public hearing on the details before the summer and said the first contracts would "
    "be awarded only after the environmental review had been published in full.",
]


def page(
    *,
    header: str = "",
    closing: str = "",
    title: str = "Council approves harbour plan",
    head: str = "",
    footer: str = "<p>Copyright 2025</p>",
    article_attrs: str = "",
    story: list[str] | None = None,
    lang: str = "en",
) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in (story or STORY))
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
        "<header class='site-header'><a href='/'>Harbour Gazette</a><nav><a href='/news'>News</a></nav></header>"
        f"<main><article{article_attrs}><h1>Council approves harbour plan</h1>{header}<div class='content'>"
        f"{paragraphs}{closing}</div></article></main><footer class='site-footer'>{footer}</footer></body></html>"
    )


def extracted(html: str):
    return extract_article(html, URL)


# a name in a script without capitals


def test_a_name_in_arabic_script_reads_as_a_name() -> None:
    assert looks_like_name("سارة أحمد الخطيب", strict=True)
    assert looks_like_name("דוד לוי", strict=True)
    html = page(header="<div class='author-info'><a class='author-name' href='/author/7'>سارة أحمد الخطيب</a></div>")
    assert extracted(html).authors == ["سارة أحمد الخطيب"]


def test_caseless_script_words_with_punctuation_or_run_together_are_no_name() -> None:
    assert not looks_like_name("القاهرة، اليوم", strict=True)  # the Arabic comma: a phrase, not a name
    assert not looks_like_name("今天上午市政府召开了会议", strict=True)  # Chinese runs its words together
    assert not looks_like_name("jane doe", strict=True)


# a story signed with the writer's bare name


def test_bare_name_closing_the_story_is_its_signature() -> None:
    closing = "<p style='text-align:right;'><strong>Minh Châu</strong></p>"
    result = extracted(page(closing=closing, lang="vi"))
    assert result.authors == ["Minh Châu"]
    assert "Minh Châu" not in result.body


def test_signature_does_not_override_a_declared_author() -> None:
    head = "<meta name='author' content='Laura Brenner'>"
    result = extracted(page(closing="<p><strong>Minh Châu</strong></p>", head=head))
    assert result.authors == ["Laura Brenner"]


def test_short_closing_sentences_are_no_signature() -> None:
    for closing in ("Theo Reuters", "Theo Tuổi Trẻ", "Chúc mừng năm mới!", "Hide All", "Thank You", "Staff Writer"):
        result = extracted(page(closing=f"<p>{closing}</p>", lang="vi"))
        assert result.authors == [], closing
        assert closing in result.body, closing


def test_signature_reader_wants_a_person_name() -> None:
    from newscorpus.extract.bylines import signature

    assert signature("Quang Huy") == "Quang Huy"
    assert signature("Anne-Marie O'Neill") == "Anne-Marie O'Neill"
    assert signature("Pamela Wilsonbigbrandsystem") is None  # a name glued to a brand
    assert signature("VnExpress Kinh Doanh") is None
    assert signature("Cảm ơn bạn đã đọc") is None


# the closing author line of German public broadcasters


def test_closing_line_with_name_studio_and_stamp_is_the_author_credit() -> None:
    line = "Petra Lindner, ARD-Studio Brüssel, 04.03.2025 18:20 Uhr"
    byline = read_byline(line, at_start=False)
    assert byline is not None and byline.authors == ["Petra Lindner"]
    result = extracted(page(closing=f"<div class='authorline'>{line}</div>", lang="de"))
    assert result.authors == ["Petra Lindner"]
    assert "ARD-Studio" not in result.body


def test_closing_sentence_ending_in_a_date_is_no_credit() -> None:
    assert read_byline("Der Rat tagt wieder, so hieß es, am 04.03.2025", at_start=False) is None
    assert read_byline("Berlin, Hamburg, 04.03.2025", at_start=False) is None
    assert read_byline("Die Anhörung, die Abstimmung und die Vergabe, 04.03.2025", at_start=False) is None


# Agência Brasil's closing editor line


def test_edicao_line_names_the_desk_editor() -> None:
    from newscorpus.extract.bylines import closing_editors

    byline = read_byline("Edição: Marina Couto", at_start=False)
    assert byline is not None and byline.editors == ["Marina Couto"] and byline.authors == []
    assert closing_editors([*STORY, "Edição: Marina Couto"]) == ["Marina Couto"]
    assert closing_editors([*STORY, "A edição especial sai no sábado."]) == []


def test_edicao_without_a_name_is_no_credit() -> None:
    assert read_byline("Edição: 1.245", at_start=False) is None
    assert read_byline("Edição especial: Copa do Mundo", at_start=False) is None


# the byline part of a page title


def test_title_byline_part_names_the_author() -> None:
    assert author_from_site_name(["Why ferries matter - by Jane Roe - The Long View"]) == "Jane Roe"
    assert author_from_site_name(["Why ferries matter | by Tom Okafor | Medium"]) == "Tom Okafor"
    html = page(title="Council approves harbour plan - by Jane Roe - Harbour Notes")
    assert extracted(html).authors == ["Jane Roe"]


def test_title_parts_that_only_start_with_by_are_no_byline() -> None:
    assert author_from_site_name(["By Popular Demand | Records"]) is None  # the headline itself
    assert author_from_site_name(["Stand by Me - Song Review"]) is None
    assert author_from_site_name(["Rethinking layout - by Design - Studio Nine"]) is None  # one word
    assert author_from_site_name(["Ferries - By The Numbers - Port Blog"]) is None  # capital "By": a heading


# platforms' author markup


def test_forem_article_header_link_is_the_author() -> None:
    header = (
        "<header class='crayons-article__header'><div class='crayons-article__header__meta'><a href='/someone' "
        "class='crayons-link fw-bold'>Lena Okoro</a><p>Posted on <time datetime='2025-03-04'>Mar 4</time></p>"
        "</div></header>"
    )
    assert guess_author(lxml.html.fromstring(page(header=header))) == "Lena Okoro"
    assert extracted(page(header=header)).authors == ["Lena Okoro"]


def test_forem_link_outside_the_article_header_is_no_author() -> None:
    header = "<div class='crayons-card'><a href='/tag/rust' class='crayons-link fw-bold'>Rust Weekly</a></div>"
    assert guess_author(lxml.html.fromstring(page(header=header))) is None


def test_wix_user_name_hook_is_the_author() -> None:
    header = (
        "<div data-hook='post-header'><span data-hook='profile-link'><span class='x1 user-name' "
        "data-hook='user-name'>Dana Whitfield</span></span><span data-hook='time-ago'>Mar 4, 2025</span></div>"
    )
    assert extracted(page(header=header)).authors == ["Dana Whitfield"]


def test_h_card_speaks_for_an_h_entry_without_author() -> None:
    header = "<p class='post-meta'><time>Mar 4, 2025</time> • Robin Hale</p>"
    footer = "<div class='h-card'><ul><li class='p-name'>Robin Hale</li><li>robin@example.org</li></ul></div>"
    html = page(header=header, footer=footer, article_attrs=" class='post h-entry'")
    assert extracted(html).authors == ["Robin Hale"]


def test_h_card_without_an_h_entry_or_beside_several_cards_is_no_author() -> None:
    footer = "<div class='h-card'><span class='p-name'>Robin Hale</span></div>"
    assert guess_author(lxml.html.fromstring(page(footer=footer))) is None  # no h-entry: a contact card
    footer += "<div class='h-card'><span class='p-name'>Sam Ortiz</span></div>"
    html = page(footer=footer, article_attrs=" class='h-entry'")
    assert guess_author(lxml.html.fromstring(html)) is None  # whose card speaks for the page is unclear

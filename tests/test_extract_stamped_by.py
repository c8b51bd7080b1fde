"""A stamp line that ends in its writer ("Last updated March 3, 2025 by Erik Demaine.", WordPress's "This entry was
posted on … by X and is filed under News.") names the author when the page has no better evidence, and WordPress's
post footer sentence is no part of the body.

The fixture is the blog post of test_extract_posted_by_and_related: the story, then a post footer outside it.
"""

from __future__ import annotations

import pytest
from test_extract_posted_by_and_related import URL, blog_post

from newscorpus.extract import extract_article

WORDPRESS_FOOTER = (
    "This entry was posted on Monday, March 3rd, 2025 at 4:12 pm by Erik Demaine and is filed under News. "
    "You can follow any responses to this entry through the RSS 2.0 feed."
)


@pytest.mark.parametrize(
    "footer",
    [
        "<i>Last updated March  3, 2025 by <a href='https://erikdemaine.org/'>Erik Demaine</a>.</i>",
        "Last updated March 3, 2025 by Erik Demaine. — <a href='https://accessibility.example.edu'>Accessibility</a>",
        "Posted on March 3, 2025 by <a href='/author/erik'>Erik Demaine</a> in <a href='/c/news'>News</a>",
        "Last modified on 2025-03-03 by Erik Demaine",
        WORDPRESS_FOOTER,
    ],
)
def test_a_stamp_line_ending_in_a_name_names_the_author(footer: str) -> None:
    assert extract_article(blog_post(footer), URL).authors == ["Erik Demaine"]


def test_wordpress_post_footer_is_no_part_of_the_body() -> None:
    for footer in (
        WORDPRESS_FOOTER,
        "This entry was posted in <a>News</a> and tagged <a>gardens</a>. Bookmark the <a href='/p/1'>permalink</a>.",
    ):
        html = blog_post("").replace(
            "</div><div class='post-footer'>", f"<p>{footer}</p></div><div class='post-footer'>"
        )
        body = extract_article(html, URL).body
        assert "This entry was posted" not in body
        assert body.startswith("The city")


@pytest.mark.parametrize(
    "footer",
    [
        "Updated March 3, 2025 by the editors",  # no name
        "Last updated in 2019 by a team of volunteers, the map now covers every plot in the city.",
    ],
)
def test_a_stamp_line_without_a_name_names_no_author(footer: str) -> None:
    assert extract_article(blog_post(footer), URL).authors == []


def test_a_declared_author_wins_over_the_stamp_line() -> None:
    html = blog_post("Last updated March 3, 2025 by Erik Demaine.").replace(
        "<title>", "<meta name='author' content='Martin Demaine'><title>"
    )
    assert extract_article(html, URL).authors == ["Martin Demaine"]

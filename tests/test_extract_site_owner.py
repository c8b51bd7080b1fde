"""A personal site's owner is the author of a post that prints no byline (the site's name is the byline), but an
outlet or a business named in the same places never is."""

from __future__ import annotations

import pytest

from newscorpus.extract import extract_article

URL = "https://janemarlow.example/posts/slow-bread"
OWNER_STORY = (
    "I started baking sourdough during a long winter, and I kept a notebook of every loaf that failed.",
    "My first starter died in a week. I fed it too often and kept it in a cold kitchen by the window.",
    "The notebook taught me more than any recipe: patience, a warm shelf and a scale that reads to the gram.",
)
COMPANY_STORY = (
    "We started baking sourdough in our first shop, and our bakers keep a notebook of every loaf that fails.",
    "Our starters live on a warm shelf. We feed them twice a day and weigh every ingredient to the gram.",
    "Visit our shop on Harbour Street to taste the results, or order online for delivery across the city.",
)


def site_page(site_name: str, story: tuple[str, ...], *, byline: str = "", copyright_holder: str | None = None) -> str:
    """A post on a site whose header links home under `site_name`, the <title> ending in it, the footer's copyright
    naming `copyright_holder` (the site's name unless told)."""
    holder = site_name if copyright_holder is None else copyright_holder
    paragraphs = "".join(f"<p>{text}</p>" for text in story)
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Slow bread | {site_name}</title></head><body>"
        f"<header><a class='title' href='/'><h1>{site_name}</h1></a><nav><a href='/'>Home</a> "
        "<a href='/posts/'>Posts</a> <a href='/about/'>About</a></nav></header>"
        f"<main><article><h2>Slow bread</h2>{byline}<time datetime='2025-03-02'>2 March 2025</time>{paragraphs}"
        f"</article></main><footer><p>© 2025 {holder}. All rights reserved.</p></footer></body></html>"
    )


def test_the_owner_of_a_personal_site_is_the_author_of_an_unsigned_post() -> None:
    assert extract_article(site_page("Jane Marlow", OWNER_STORY), URL).authors == ["Jane Marlow"]


def test_the_owner_named_only_in_the_copyright_line_and_a_handle_in_the_header_is_the_author() -> None:
    page = site_page("Jane Marlow", OWNER_STORY).replace("<h1>Jane Marlow</h1>", "<h1>jane/marlow</h1>")
    page = page.replace("<title>Slow bread | Jane Marlow</title>", "<title>Slow bread</title>")
    assert extract_article(page, URL).authors == ["Jane Marlow"]


def test_a_byline_outranks_the_site_owner() -> None:
    page = site_page("Jane Marlow", OWNER_STORY, byline="<p class='byline'>By Tom Ashby</p>")
    assert extract_article(page, URL).authors == ["Tom Ashby"]


@pytest.mark.parametrize(
    ("site_name", "story", "holder"),
    [
        pytest.param("Marlow Studio", OWNER_STORY, None, id="a business word in the name"),
        pytest.param("Harbour Loaves", COMPANY_STORY, None, id="a company writing as we"),
        pytest.param("Slow Bread", OWNER_STORY, None, id="words the page writes in lower case"),
        pytest.param("Jane Marlow", OWNER_STORY, "Ovenlight Media", id="one kind of evidence only"),
    ],
)
def test_a_site_name_that_is_not_its_writer_names_nobody(site_name: str, story: tuple[str, ...], holder) -> None:
    page = site_page(site_name, story, copyright_holder=holder)
    if holder is not None:  # the header alone names Jane Marlow: no share card, no title suffix, no copyright line
        page = page.replace(f"<title>Slow bread | {site_name}</title>", "<title>Slow bread</title>")
    assert extract_article(page, URL).authors == []

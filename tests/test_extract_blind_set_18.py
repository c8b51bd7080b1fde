"""Rules found by an eighteenth blind page set and by the misses the seventeenth left (see bench/blind-pages-17 and
bench/blind-pages-18): a namespaced BEM block named in camelCase.
"""

from __future__ import annotations

from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article


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

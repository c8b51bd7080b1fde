"""Rules found by an eighteenth blind page set and by the misses the seventeenth left (see bench/blind-pages-17 and
bench/blind-pages-18): a namespaced BEM block named in camelCase, and a piece republished from The Conversation.
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

"""The one-pass main-content extractor (newscorpus/extract/main_content.py) and when body.py trusts it."""

from __future__ import annotations

from newscorpus.extract.body import extract_body
from newscorpus.extract.document import parse_html
from newscorpus.extract.main_content import extract_main_content

PROSE = [
    f"Paragraph {n} of the story explains, in a full sentence with several clauses, what happened in the city "
    f"council on Tuesday and why residents of district {n} are worried about the new parking rules."
    for n in range(1, 9)
]


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_article_split_into_sections_is_read_whole_and_chrome_is_left_out() -> None:
    html = f"""<html><body class="single has-sidebar">
<nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="layout"><div class="story">
  <section class="part">{_paragraphs(PROSE[:3])}</section>
  <section class="part"><h2>What the council decided</h2>{_paragraphs(PROSE[3:6])}</section>
  <section class="part">{_paragraphs(PROSE[6:])}</section>
  <div class="share-buttons"><p>Share this story with your friends on every network you use today</p></div>
  <ul class="inline-links"><li><a href="/x">Another headline that is only a link to somewhere else</a></li></ul>
</div>
<div class="sidebar"><p>Most read: a completely different story about the weather and the traffic jams.</p></div>
<div id="comments" class="comments"><p>Great article, I agree with everything the council did this week!</p></div>
</div><footer><p>Copyright 2026 The Example Gazette, all rights reserved in every country.</p></footer>
</body></html>"""
    result = extract_main_content(parse_html(html))
    assert result.lines == [*PROSE[:3], "What the council decided", *PROSE[3:]]
    assert result.confidence > 0.9


def test_a_chrome_word_in_the_article_containers_class_does_not_hide_the_article() -> None:
    # page builders name the article's own wrapper "...-widget-container" or "newsletter-post"
    html = f"""<html><body>
<div class="widget-container"><article class="newsletter post">{_paragraphs(PROSE)}</article></div>
<div class="widget related"><p>Related: a teaser for yet another story that is not this one at all.</p></div>
</body></html>"""
    result = extract_main_content(parse_html(html))
    assert result.lines == PROSE


def test_hidden_elements_are_not_body_text() -> None:
    html = f"""<html><body><article>{_paragraphs(PROSE[:4])}
<div style="display: none"><p>Hidden text that a reader never sees on the page, not even after scrolling.</p></div>
<p hidden>Another hidden paragraph which must not end up in the extracted article body text.</p>
{_paragraphs(PROSE[4:])}</article></body></html>"""
    result = extract_main_content(parse_html(html))
    assert result.lines == PROSE


def test_body_uses_main_content_when_sure_and_the_fallback_when_not() -> None:
    sure = f"<html><body><article>{_paragraphs(PROSE)}</article></body></html>"
    body = extract_body(parse_html(sure), "https://example.test/a", None)
    assert (body.method, body.lines) == ("main_content", PROSE)

    # no paragraph-like block at all: nothing for the scorer to weigh, so trafilatura decides
    unsure = "<html><body><div><span>Short note.</span> <span>Another fragment here.</span></div></body></html>"
    assert extract_main_content(parse_html(unsure)).confidence == 0.0
    assert extract_body(parse_html(unsure), "https://example.test/b", None).method != "main_content"

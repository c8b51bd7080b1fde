"""Rules of the main-content extractor that decide which container is the article and which of its lines are kept.

Every page here is hand-written for one rule, so a test fails when that rule breaks (and passes only through it).
"""

from __future__ import annotations

import lxml.html
import pytest

from newscorpus.extract import body as body_module
from newscorpus.extract import extract_article
from newscorpus.extract.body import _text_lines, extract_body, run_trafilatura
from newscorpus.extract.document import parse_html
from newscorpus.extract.main_content import extract_main_content
from newscorpus.sources import ExtractionRules

PROSE = [
    f"Paragraph {n} of the story explains, in a full sentence with several clauses, what happened in the city "
    f"council on Tuesday and why residents of district {n} are worried about the new parking rules."
    for n in range(1, 9)
]
COMMENTS = [
    f"Reader {n} writes a long reply, with opinions, anecdotes and several clauses, about parking in the city, "
    f"about the council and about everything else that has annoyed them since the elections of year {n}."
    for n in range(1, 13)
]


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _lines(html: str) -> list[str]:
    return extract_main_content(parse_html(html)).lines


def test_a_comment_section_is_never_the_article_even_when_it_holds_most_of_the_text() -> None:
    # a forum-style story: a short summary and many long comments, in wrappers named "...-content"; the comments
    # hold prose, so neither the chrome-word test (rescued by "content") nor the prose test would drop them
    comments = "".join(f'<div class="comment-content"><p>{c}</p><p>{c}</p></div>' for c in COMMENTS)
    html = f"""<html><body><div class="main-content">
<article class="story"><h1>Council changes the parking rules</h1><div class="body">{_paragraphs(PROSE[:3])}</div>
</article>
<div id="comments" class="comments-area column-content"><div class="comment-list">{comments}</div></div>
</div></body></html>"""
    lines = _lines(html)
    assert lines == PROSE[:3]


def test_a_chrome_word_on_an_inline_element_does_not_hide_its_text() -> None:
    # syntax highlighters mark code comments as <span class="hljs-comment">; they are part of the code sample
    html = f"""<html><body><article>{_paragraphs(PROSE[:4])}
<pre><code class="language-bash"><span class="hljs-comment"># initialise the repository</span>
git init</code></pre>{_paragraphs(PROSE[4:])}</article></body></html>"""
    text = "\n".join(_lines(html))
    assert "# initialise the repository" in text
    assert "git init" in text


def test_widening_stops_at_a_list_of_other_stories() -> None:
    # the story's parent also holds "read next" cards: a headline link and a long unlinked teaser each; little
    # link text overall, but three linked headlines adding less prose than the story has are other stories
    teaser = (
        "A teaser paragraph for this other story, long enough to count as prose on its own, with a comma or two, "
        "a quote from somebody and a few more words, so that it is well over the length of a short line of chrome."
    )
    cards = "".join(
        f'<div class="card"><h3><a href="/story-{n}">Another headline number {n} on a topic</a></h3>'
        f"<p>{teaser}</p></div>"
        for n in range(1, 4)
    )
    html = f"""<html><body><div id="content"><div class="single">
<div class="entry">{_paragraphs(PROSE[:6])}</div></div>
<div class="more">{cards}</div></div></body></html>"""
    assert _lines(html) == PROSE[:6]


def test_widening_stops_when_the_parent_adds_mostly_link_text() -> None:
    # prose-like paragraphs, each a third link text: a block of recommendations, not more of the story
    links = "".join(
        f'<p><a href="/x{n}">A linked recommendation number {n} for readers</a> with a sentence of text after '
        f"it that describes, at some length, why the linked page is worth a visit.</p>"
        for n in range(1, 7)
    )
    html = f"""<html><body><div class="page"><div class="text">{_paragraphs(PROSE[:5])}</div>
<div class="box">{links}</div></div></body></html>"""
    assert _lines(html) == PROSE[:5]


def test_an_article_in_sibling_chunks_is_read_whole_past_a_wrapper_that_adds_a_line() -> None:
    # the best-scored chunk sits in a column wrapper whose only addition is a short caption-like line
    html = f"""<html><body><article><section>
<div class="intro">{_paragraphs(PROSE[:2])}</div>
<div class="columns"><div class="column">{_paragraphs(PROSE[2:7])}</div>
<div class="note"><p>Updated with new figures from the council on Wednesday.</p></div></div>
<div class="outro">{_paragraphs(PROSE[7:])}</div>
</section></article></body></html>"""
    lines = _lines(html)
    assert lines[:2] == PROSE[:2]
    assert lines[-1] == PROSE[7]
    assert all(p in lines for p in PROSE)


def test_a_big_data_table_does_not_replace_the_article_around_it() -> None:
    rows = "".join(
        f"<tr><td>{n}</td><td>School of Business number {n}, a long name of an institution</td>"
        f"<td>Acceptance rate of {n}0 percent, yield and enrolment, with comments</td></tr>"
        for n in range(1, 25)
    )
    html = f"""<html><body><div class="post"><p>{PROSE[0]}</p>
<table><thead><tr><th>Rank</th><th>School</th><th>Notes</th></tr></thead><tbody>{rows}</tbody></table>
<p>{PROSE[1]}</p></div></body></html>"""
    lines = _lines(html)
    assert lines[0] == PROSE[0]
    assert lines[-1] == PROSE[1]
    row = "24 | School of Business number 24, a long name of an institution | Acceptance rate of 240 percent, yield and"
    assert f"{row} enrolment, with comments" in lines


def test_link_lines_inside_the_text_are_kept_as_list_items_and_dropped_as_paragraphs() -> None:
    html = f"""<html><body><article>
<p><a href="/">Home</a> / <a href="/news">News</a></p>
{_paragraphs(PROSE[:3])}
<ul><li><a href="https://example.org/report.pdf">The council's full report (pdf)</a></li>
<li><a href="https://example.org/map">Map of the new parking zones</a></li></ul>
<p><a href="/other">READ MORE: An unrelated story about the weather</a></p>
{_paragraphs(PROSE[3:])}
<p><a href="/tag/council">council</a>, <a href="/tag/parking">parking</a></p>
</article></body></html>"""
    lines = _lines(html)
    assert "The council's full report (pdf)" in lines
    assert "Map of the new parking zones" in lines
    assert not any("READ MORE" in line for line in lines)
    assert lines[0] == PROSE[0]
    assert lines[-1] == PROSE[-1]


def test_figure_captions_are_not_body_text() -> None:
    html = f"""<html><body><article>{_paragraphs(PROSE[:4])}
<figure><img src="a.jpg"><figcaption>Residents queue at the council office on Tuesday morning.</figcaption></figure>
{_paragraphs(PROSE[4:])}</article></body></html>"""
    assert _lines(html) == PROSE


def test_captions_marked_by_class_are_not_body_text() -> None:
    # captions outside <figcaption>: a gallery's caption block, a credit line under the photo
    html = f"""<html><body><article>{_paragraphs(PROSE[:3])}
<div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">The mayor visits the flooded school in the north
of the town on Tuesday, with the head teacher and two council members.</p></div>
{_paragraphs(PROSE[3:6])}<div class="photo-credit">Jane Doe for the Example Gazette</div>
{_paragraphs(PROSE[6:])}</article></body></html>"""
    assert _lines(html) == PROSE


def test_an_unsure_page_gets_trafilaturas_balanced_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    # no block long enough for the scorer: main_content is unsure and trafilatura decides, in its balanced mode
    # (favor_precision drops whole sections of such odd layouts); the real trafilatura runs, the spy only listens
    modes: list[bool] = []

    def spy(tree: object, url: str, *, favor_precision: bool) -> object:
        modes.append(favor_precision)
        return run_trafilatura(tree, url, favor_precision=favor_precision)

    monkeypatch.setattr(body_module, "run_trafilatura", spy)
    html = """<html><body><div class="x"><span>Short note on the council.</span><br>
<span>It met on Tuesday and changed the rules for parking in district four.</span><br>
<span>Residents were not asked, and many of them are now worried about the fees.</span></div></body></html>"""
    body = extract_body(parse_html(html), "https://example.test/n", None)
    assert body.method != "main_content"
    assert modes == [False]
    assert body.lines == _text_lines(run_trafilatura(parse_html(html), "https://example.test/n", favor_precision=False))


def test_words_in_adjacent_elements_are_not_glued_together() -> None:
    # block-styled spans with no space between them: a reader sees "Jane Doe" and "Shipwreck" apart
    html = f"""<html><body><article>{_paragraphs(PROSE[:4])}
<div class="album"><span class="by">Jane Doe</span><span class="t">Shipwreck</span><span>Rack Records</span></div>
<p>The <b>council</b>'s vote, <em>McDonald</em>'s reply.</p>{_paragraphs(PROSE[4:])}</article></body></html>"""
    lines = _lines(html)
    assert "Jane Doe Shipwreck Rack Records" in lines
    assert "The council's vote, McDonald's reply." in lines


def test_an_author_box_inside_the_article_is_not_body_text() -> None:
    bio = (
        "Jane Doe is a senior reporter who has covered city hall, the courts and local politics for twelve years, "
        "after starting out at a regional weekly."
    )
    html = f"""<html><body><article>{_paragraphs(PROSE)}
<div class="author-info"><img src="jane.jpg"><p>{bio}</p></div></article></body></html>"""
    assert _lines(html) == PROSE


def test_ordered_list_items_carry_the_number_the_reader_sees() -> None:
    # the browser prints "1.", "2." in front of <ol> items; start, reversed and value are honoured, and an item
    # that prints its own number is not numbered twice
    html = f"""<html><body><article>{_paragraphs(PROSE[:4])}
<ol><li>Kaiser Permanente</li><li><p>Centene Corporation</p></li></ol>
<ol start="5"><li>Humana</li><li>Cigna Healthcare</li></ol>
<ol reversed><li>Third place</li><li>Second place</li><li value="1">The winner</li></ol>
<ol><li>7. An item with its own number</li></ol>
<ul><li>An unordered item</li></ul>{_paragraphs(PROSE[4:])}</article></body></html>"""
    lines = _lines(html)
    assert ["1. Kaiser Permanente", "2. Centene Corporation"] == lines[4:6]
    assert ["5. Humana", "6. Cigna Healthcare"] == lines[6:8]
    assert ["3. Third place", "2. Second place", "1. The winner"] == lines[8:11]
    assert "7. An item with its own number" in lines
    assert "An unordered item" in lines


def test_intro_paragraphs_between_the_headline_and_the_text_container_are_read() -> None:
    # a hero block holds the headline and two intro paragraphs; the text sits in a sibling block of the layout
    intro = [
        "Online learning has become a standard way for organisations, schools and trainers to share what they "
        "know, and courses make that learning available to anyone.",
        "But what exactly is an online course, and how does it differ from other kinds of digital learning, such "
        "as short modules or recorded webinars?",
    ]
    # the intro adds too little to the long text for widening to take the hero block in
    text = [*PROSE, *(p.replace("Paragraph", "Section") for p in PROSE)]
    html = f"""<html><body><main><div class="hero"><h1>What is an online course?</h1>
<p class="byline">By Jane Doe, 3 March 2025</p>{_paragraphs(intro)}</div>
<div class="layout"><div class="text">{_paragraphs(text)}</div></div></main></body></html>"""
    assert _lines(html) == [*intro, *text]
    # a byline and a date printed under the intro: the header zone article.py reads them from ends at the body's
    # first line, so the intro stays out rather than push them out of that zone
    meta = '<div class="meta"><span>Posted on</span> <span>Nov 21, 2018</span> <span>Written by Jane Doe</span></div>'
    dated = html.replace('</div>\n<div class="layout">', f'{meta}</div>\n<div class="layout">')
    assert meta in dated
    assert _lines(dated) == text


def test_a_lone_standfirst_or_repeated_cards_above_the_text_are_not_read() -> None:
    # one paragraph under the headline is the standfirst; a paragraph printed twice is a card and its tooltip
    dek = "The council changed the parking rules on Tuesday, and residents of four districts are now worried."
    single = f"""<html><body><header><h1>Council changes the rules</h1><p>{dek}</p></header>
<div class="layout"><div class="text">{_paragraphs(PROSE)}</div></div></body></html>"""
    assert _lines(single) == PROSE
    card = "Document that outlines the basic details about your company; once it is filed, the company is official."
    cards = f'<div class="plans"><p>{card}</p><p>{PROSE[0]}</p><p>{card}</p></div>'
    repeated = f"""<html><body><header><h1>Council changes the rules</h1>{cards}</header>
<div class="layout"><div class="text">{_paragraphs(PROSE[1:])}</div></div></body></html>"""
    assert _lines(repeated) == PROSE[1:]


def test_a_code_block_made_of_links_stays_inside_the_text() -> None:
    # documentation links on every identifier make a code sample link-dominated; it is the article's own
    code = '<pre><a href="/docs/os">import os</a>\n<a href="/docs/path">os.path</a>.join(a, b)</pre>'
    html = f"""<html><body><article>{_paragraphs(PROSE[:4])}{code}{_paragraphs(PROSE[4:])}</article></body></html>"""
    assert any("import os" in line for line in _lines(html))


def test_a_streamed_hidden_boundary_is_read_but_other_hidden_blocks_are_not() -> None:
    # React's streamed rendering sends the article as <div hidden id="S:0"> and moves it into place with a script
    html = f"""<html><body><header><h1>Council changes the rules</h1></header><main><template id="B:0"></template>
</main><div hidden id="S:0"><article>{_paragraphs(PROSE)}</article></div>
<div hidden id="cookie-text">{_paragraphs(COMMENTS[:2])}</div></body></html>"""
    assert _lines(html) == PROSE


def test_an_unclosed_button_that_swallows_the_page_does_not_hide_the_article() -> None:
    # a header's <button> left open: the parser nests the rest of the page, article included, inside it
    html = f"""<html><body><header><button class="menu-button"><span>Menu</span>
<main><article>{_paragraphs(PROSE)}</article></main></body></html>"""
    tree = parse_html(html)
    assert next(tree.iter("article")).getparent().getparent().tag == "button"
    assert extract_main_content(tree).lines == PROSE
    # a real button stays out of the text
    button = "<button>Show the full list of council members and their votes on the new rules</button>"
    assert _lines(f"<html><body><article>{_paragraphs(PROSE)}{button}</article></body></html>") == PROSE


def test_a_related_articles_box_is_chrome_although_its_class_says_articles() -> None:
    # "article" in "two-related-articles" names the other stories, not this one: the box stays out of the text
    box = (
        '<div class="box two-related-articles"><header><h3>Related articles</h3></header><ul>'
        '<li><a href="/a">Hong Kong protests: students under siege in the university</a></li>'
        '<li><a href="/b">Council rules: what the new parking fees mean for you</a></li></ul></div>'
    )
    html = f"""<html><body><article>{_paragraphs(PROSE[:2])}{box}{_paragraphs(PROSE[2:])}</article></body></html>"""
    assert _lines(html) == PROSE
    # a wrapper named after the article's own content keeps its text even with a chrome word in its class
    own = f'<div class="related-block article-content">{_paragraphs(PROSE)}</div>'
    assert _lines(f"<html><body>{own}</body></html>") == PROSE


def test_a_label_and_a_number_in_adjacent_elements_are_read_apart() -> None:
    # a recipe card's "Prep Time" and "2 hrs" sit in two spans with nothing between them; a subscript stays glued
    html = f"""<html><body><article>{_paragraphs(PROSE[:4])}
<div class="times"><span class="label">Prep Time</span><span class="value">2 hrs</span></div>
<p>The water (H<sub>2</sub>O) was tested on Monday by the council's laboratory in the town hall.</p>
{_paragraphs(PROSE[4:])}</article></body></html>"""
    lines = _lines(html)
    assert "Prep Time 2 hrs" in lines
    assert "The water (H2O) was tested on Monday by the council's laboratory in the town hall." in lines


def test_a_small_data_nosnippet_block_is_not_read_but_a_marked_story_is() -> None:
    # the publisher marks an expandable code sample with data-nosnippet; a paywalled story marked whole stays
    sample = (
        "<section data-nosnippet><pre>#!/usr/bin/env python3<br>import subprocess<br>run_the_tool()</pre></section>"
    )
    html = f"<html><body><article>{_paragraphs(PROSE[:4])}{sample}{_paragraphs(PROSE[4:])}</article></body></html>"
    lines = _lines(html)
    assert lines == PROSE
    marked = f"<html><body><article><div data-nosnippet>{_paragraphs(PROSE)}</div></article></body></html>"
    assert _lines(marked) == PROSE


def test_a_data_nosnippet_span_inside_a_sentence_is_read() -> None:
    sentence = 'The council met on <span data-nosnippet="">Tuesday evening</span> to vote on the parking rules again.'
    paragraphs = f"{_paragraphs(PROSE[:4])}<p>{sentence}</p>{_paragraphs(PROSE[4:])}"
    html = f"<html><body><article>{paragraphs}</article></body></html>"
    assert "The council met on Tuesday evening to vote on the parking rules again." in _lines(html)


def test_a_long_author_bio_box_is_not_body_text_although_it_holds_prose() -> None:
    # a bio of several long paragraphs passes the "holds prose" test that keeps chrome-named article wrappers, so
    # the author box is recognised by its own class ("about_author", "author-wrapper", "saboxplugin-wrap")
    bio = [
        f"Jane Doe has written about city politics, courts and schools for {n} years, for three regional papers, "
        f"and before that she taught history at a secondary school in the valley for a decade."
        for n in (10, 12, 14)
    ]
    for marks in ('class="about_author"', 'class="post-author-wrapper"', 'class="saboxplugin-wrap"'):
        html = f"""<html><body><article>{_paragraphs(PROSE)}
<div {marks}><img src="jane.jpg"><div class="desc">{_paragraphs(bio)}</div></div></article></body></html>"""
        assert _lines(html) == PROSE, marks


def test_a_sentence_whose_second_half_is_a_link_is_kept() -> None:
    # a link-dominated paragraph is a pointer ("READ MORE: ...") unless it reads as a sentence of the text: words
    # of its own before the link and a full stop at the end
    sentence = (
        'The investigation had been shelved in 2017 but was <a href="/story">re-opened earlier this year following '
        "his eviction from the embassy</a>."
    )
    html = f"""<html><body><article>{_paragraphs(PROSE[:4])}
<p>{sentence}</p>
<p><a href="/other">READ MORE: Another story about the embassy and its famous guest</a></p>
{_paragraphs(PROSE[4:])}
<p>Companies using it are <a href="/a">Acme Corporation</a>, <a href="/b">Globex International</a>,
<a href="/c">Initech</a>.</p>
</article></body></html>"""
    lines = _lines(html)
    assert lines == [
        *PROSE[:4],
        "The investigation had been shelved in 2017 but was re-opened earlier this year following his eviction "
        "from the embassy.",
        *PROSE[4:],
        "Companies using it are Acme Corporation, Globex International, Initech.",
    ]


def test_a_class_that_negates_a_chrome_word_does_not_hide_the_text() -> None:
    # "no_toc_section" says the block is not in the table of contents; it is not a table of contents
    extra = (
        "However, the new rules are not a perfect solution: they have drawbacks that residents of every district "
        "need to know about, and the council listed them in a second report."
    )
    html = f"""<html><body><article>{_paragraphs(PROSE[:4])}
<div class="blog-paragraph no_toc_section"><p>{extra}</p></div>
{_paragraphs(PROSE[4:])}</article></body></html>"""
    assert _lines(html) == [*PROSE[:4], extra, *PROSE[4:]]


def test_a_tooltip_inside_a_sentence_is_not_read_but_an_icon_label_is() -> None:
    tooltip = (
        '<span class="term-tooltip" id="t1"><strong>Keyword</strong><br>A keyword is what users write into a '
        'search engine when they want to find something specific.<br><a href="/glossary/keyword">Learn more</a></span>'
    )
    html = f"""<html><body><article>{_paragraphs(PROSE[:4])}
<p>Organic traffic numbers and <dfn aria-labelledby="t1">keyword</dfn>{tooltip} rankings were the metrics
experts used for years, and the council's web team still reports them every month.</p>
<div class="icon-tooltip"><span class="icon-tooltip-text">Fair trade</span></div>
{_paragraphs(PROSE[4:])}</article></body></html>"""
    lines = _lines(html)
    assert (
        "Organic traffic numbers and keyword rankings were the metrics experts used for years, and the council's "
        "web team still reports them every month." in lines
    )
    assert not any("what users write" in line for line in lines)
    assert "Fair trade" in lines


def test_a_linked_paragraph_that_names_its_list_item_is_kept() -> None:
    # <li><p><a>...</a></p></li>: a list of sources or products written with paragraphs inside the items; the
    # linked line is the item's own name (the first line of the item), not a pointer to another page
    html = f"""<html><body><article>{_paragraphs(PROSE[:4])}
<ol><li><p><a href="https://example.org/book1"><strong>The Parking Handbook by Ann Smith</strong></a></p>
<p>A practical guide to parking policy, with examples from twenty cities and a chapter on residents' permits.</p></li>
<li><p><a href="https://example.org/book2"><strong>Streets for People by Bo Lee</strong></a></p>
<p>An essay on how streets changed when cities stopped building car parks in their centres.</p></li></ol>
<ul><li><p><a href="https://example.org/tool">Amazon (Craftsman)</a></p></li></ul>
{_paragraphs(PROSE[4:])}</article></body></html>"""
    lines = _lines(html)
    assert "1. The Parking Handbook by Ann Smith" in lines
    assert "2. Streets for People by Bo Lee" in lines
    assert "Amazon (Craftsman)" in lines


def test_rules_without_drop_selectors_read_the_page_as_it_is_and_a_nested_match_once() -> None:
    html = f'<html><body><div class="story"><div class="story">{_paragraphs(PROSE[:3])}</div></div></body></html>'
    tree = parse_html(html)
    before = lxml.html.tostring(tree)
    lines = body_module.body_by_rules(tree, ExtractionRules(body="div.story"))
    assert lines == PROSE[:3]
    assert lxml.html.tostring(tree) == before
    dropped = body_module.body_by_rules(tree, ExtractionRules(body="div.story", drop=("p:first-child",)))
    assert dropped == PROSE[1:3]
    assert lxml.html.tostring(tree) == before  # the drop rules edit a copy


def test_an_arxiv_abstract_page_is_its_abstract_without_field_labels_and_metadata_table() -> None:
    """arXiv's abstract page: the abstract is a <blockquote> of <br>-separated paragraphs after a "descriptor"
    label; the subjects / "Cite as" table and the submission history below it are the archive's record, not text."""
    abstract = "<br>\n".join(PROSE[:3])
    html = (
        "<html><head><title>[2512.16245] Parking rules</title><meta property='og:title' content='Parking rules'>"
        "<meta name='citation_title' content='Parking rules'>"
        "</head><body><div id='abs-outer'><div class='leftcolumn'><div class='subheader'><h1>Computer Science &gt; "
        "Artificial Intelligence</h1></div><div id='content-inner'><div id='abs'><div class='dateline'>[Submitted on "
        "18 Dec 2025]</div><h1 class='title mathjax'><span class='descriptor'>Title:</span>Parking rules</h1><div "
        "class='authors'><span class='descriptor'>Authors:</span><a href='/a/1'>Ana Roy</a>, <a href='/a/2'>Jo Patel"
        f"</a></div><blockquote class='abstract mathjax'><span class='descriptor'>Abstract:</span>{abstract}"
        "</blockquote><div class='metatable'><table summary='Additional metadata'><tr><td class='tablecell label'>"
        "Subjects:</td><td class='tablecell subjects'><span class='primary-subject'>Artificial Intelligence (cs.AI)"
        "</span></td></tr><tr><td class='tablecell label'>Cite as:</td><td class='tablecell arxivid'><span "
        "class='arxivid'><a href='/abs/2512.16245'>arXiv:2512.16245</a> [cs.AI]</span></td></tr></table></div></div>"
        "</div><div class='submission-history'><h2>Submission history</h2> From: Ana Roy [<a href='/show-email/1'>"
        "view email</a>]<br><strong>[v1]</strong> Thu, 18 Dec 2025 06:55:17 UTC (9,890 KB)<br></div></div></div>"
        "</body></html>"
    )
    article = extract_article(html, "https://arxiv.org/abs/2512.16245")
    assert article.body.split("\n\n") == PROSE[:3]


def test_a_code_block_keeps_its_lines_and_indentation_and_its_repeated_lines() -> None:
    """A <pre> is printed as written: each line of code a line of one block (its "}" lines are code, not a widget
    printed twice), with its indentation; Hugo's highlighter wraps each line in spans and ends it inside them."""
    chroma = "".join(
        f"<span class='line'><span class='cl'>{line}\n</span></span>"
        for line in ("func tokenize(s string) []string {", "\tif s == &quot;&quot; {", "\t\treturn nil", "\t}", "}")
    )
    plain = "<pre><code>services:\n  web:\n    build: ./app\n  db:\n    build: ./db\n</code></pre>"
    html = (
        "<html><head><title>Tokenizing</title></head><body><article><h1>Tokenizing</h1>"
        f"{_paragraphs(PROSE[:2])}<div class='highlight'><pre class='chroma'><code>{chroma}</code></pre></div>"
        f"{_paragraphs(PROSE[2:4])}{plain}{_paragraphs(PROSE[4:5])}</article></body></html>"
    )
    blocks = extract_article(html, "https://dev.example/posts/tokenizing").body.split("\n\n")
    assert blocks == [
        *PROSE[:2],
        'func tokenize(s string) []string {\n\tif s == "" {\n\t\treturn nil\n\t}\n}',
        *PROSE[2:4],
        "services:\n  web:\n    build: ./app\n  db:\n    build: ./db",
        PROSE[4],
    ]


def test_a_data_tables_row_is_one_line_of_cells_but_a_layout_tables_column_is_not_joined() -> None:
    """A reader scans a data table by rows ("Asana | Structure plus flexibility | From $10.99"); a layout table's
    cells are columns of paragraphs and stay as they are."""
    rows = [("Plan", "Best for", "Price"), ("Asana", "Structure plus flexibility", "From $10.99 a month")]
    table = (
        "<table>" + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows) + "</table>"
    )
    layout = f"<table><tr><td>{_paragraphs(PROSE[4:6])}</td><td>{_paragraphs(PROSE[6:8])}</td></tr></table>"
    html = (
        "<html><head><title>Plans</title></head><body><article><h1>Plans</h1>"
        f"{_paragraphs(PROSE[:3])}{table}{_paragraphs(PROSE[3:4])}{layout}</article></body></html>"
    )
    lines = _lines(html)
    assert "Plan | Best for | Price" in lines
    assert "Asana | Structure plus flexibility | From $10.99 a month" in lines
    assert all(p in lines for p in PROSE[4:8])

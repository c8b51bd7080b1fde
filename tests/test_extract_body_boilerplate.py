"""Line rules of boilerplate.py that clean the body after the container is chosen: trailing sections, captions and
media widgets, header labels, repeated lines and paywall pitches. Each test pins one rule with hand-written lines."""

from __future__ import annotations

from newscorpus.extract.article import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate

STORY = [
    f"Sentence block {n} of the report tells, with names, places and numbers, how the flood reached the town "
    f"on Monday night and what the mayor promised the {n} families who lost their homes."
    for n in range(1, 10)
]


def test_a_trailing_author_bio_and_related_list_are_cut_at_their_heading() -> None:
    bio = ["About the Author", "Jane Doe has covered the region for twenty years and lives by the river."]
    related = ["You might also like", "Storm season: what to expect", "How insurers handle flood claims"]
    assert remove_boilerplate([*STORY, *bio]) == STORY
    assert remove_boilerplate([*STORY, *related]) == STORY
    assert remove_boilerplate([*STORY, "More Great WIRED Stories", "A headline", "Another headline"]) == STORY


def test_a_long_bio_after_a_short_story_is_cut_when_the_heading_is_in_the_second_half() -> None:
    # more than a third of the lines follow "About the author", but less than precedes it: still the page's tail
    bio = [
        "About the author",
        *(f"Jane Doe wrote for {n} papers in the valley, edited two books and teaches journalism." for n in range(5)),
    ]
    assert remove_boilerplate([*STORY[:4], *bio]) == STORY[:4]


def test_an_end_heading_in_the_middle_of_a_long_story_cuts_nothing() -> None:
    # more than a third of the story follows the heading: it is a section of the story, not the page's tail
    lines = [*STORY[:3], "You may also like", *STORY[3:]]
    assert remove_boilerplate(lines) == lines


def test_a_paywall_pitch_ends_the_free_text() -> None:
    pitch = [
        "Become a paid subscriber to the Weekly Planner to unlock this piece and learn about:",
        "Why the best plans start with a voice memo",
        "What happens when you let an assistant probe your strategy",
    ]
    assert remove_boilerplate([*STORY, *pitch]) == STORY
    prompts = ["This article is exclusive to STAT+ subscribers", "Already have an account? Log in"]
    assert remove_boilerplate([*STORY[:4], *prompts, *STORY[4:]]) == STORY


def test_captions_credited_at_the_end_and_media_widget_words_are_dropped() -> None:
    furniture = [
        "Protesters gathered outside the town hall on Monday (Image: GETTY)",
        "The river burst its banks after three days of rain (Photo by Jane Doe/Getty Images)",
        "Residents wade through the main street (AP Photo/John Roe)",
        "Image copyright EPA",
        "Media playback is unsupported on your device",
        "Caption",
        "Close",
    ]
    lines = [STORY[0], *furniture, *STORY[1:]]
    assert remove_boilerplate(lines) == STORY


def test_a_caption_with_its_credit_after_a_bar_or_a_full_stop_is_dropped() -> None:
    captions = [
        "Guests pick their pastries from the glass cabinets. | Photo by Jane Doe",
        "The new kitchen of the bakery on Main Street. Photo: John Roe",
    ]
    assert remove_boilerplate([STORY[0], *captions, *STORY[1:]]) == STORY


def test_a_table_of_contents_is_dropped_but_the_headings_it_lists_stay() -> None:
    headings = ["When is the best time to go?", "How to get a visa", "Where to stay in Tokyo"]
    text = [headings[0], STORY[0], STORY[1], headings[1], STORY[2], headings[2], STORY[3]]
    toc = ["In this post:", *(f"{n}. {h}" for n, h in enumerate(headings, 1))]
    assert remove_boilerplate([STORY[4], *toc, *text]) == [STORY[4], *text]
    # without the "In this post" line, short lines repeated later (a table's cells, a plan's rows) stay
    assert remove_boilerplate([STORY[4], *toc[1:], *text]) == [STORY[4], *toc[1:], *text]


def test_header_labels_stamps_and_reviewer_lines_in_the_body_are_dropped() -> None:
    labels = [
        "Posted On",
        "5 min read",
        "Updated on October 21, 2025",
        "Last updated: November 13, 2025",
        "Reviewed by: Dr. Jane Doe, MD",
        "Fact checked by John Roe",
        "Category: Local news",
        "Reuters' Jane Doe contributed to this report.",
    ]
    lines = [*STORY[:2], *labels[:4], *STORY[2:6], *labels[4:], *STORY[6:]]
    assert remove_boilerplate(lines) == STORY
    # a sentence of the story that starts like a label stays
    sentence = "Updated flood maps, published by the agency on Monday, show the new risk zones in the valley."
    assert sentence in remove_boilerplate([*STORY[:2], sentence, *STORY[2:]])


def test_a_line_printed_again_right_after_itself_is_kept_once() -> None:
    caption = "The mayor visits the flooded school in the north of the town"
    cards = ["The Picture of Good Health", "A collaborative approach brought the team into the process."]
    lines = [STORY[0], caption, caption, "Caption", caption, *STORY[1:3], *cards, *cards, *STORY[3:]]
    assert remove_boilerplate(lines) == [STORY[0], caption, *STORY[1:3], *cards, *STORY[3:]]


def test_a_second_copy_of_the_whole_story_is_dropped_but_repeated_rows_stay() -> None:
    # responsive layouts print the article twice; a training plan repeats its rows on purpose
    assert remove_boilerplate([*STORY, *STORY]) == STORY
    plan = ["Week 1", "Easy run 30 min", "Rest day", "Week 2", "Easy run 30 min", "Rest day"]
    assert remove_boilerplate([*STORY, *plan]) == [*STORY, *plan]
    question = "What kind of food do you cook at home, and is there anything you never eat?"
    interview = [question, STORY[0], STORY[1], question, STORY[2], STORY[3], question, STORY[4]]
    assert remove_boilerplate(interview) == interview


def test_the_rules_apply_to_a_whole_page() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY)
    html = f"""<html><head><title>Flood reaches the town</title></head><body><article>
<h1>Flood reaches the town</h1><p>5 min read</p>{paragraphs}
<p>Residents wade through the main street (Image: GETTY)</p>
<h3>About the author</h3><p>Jane Doe has covered the region for twenty years and lives by the river.</p>
</article></body></html>"""
    body = extract_article(html, "https://example.test/flood").body
    assert body.split("\n\n") == STORY


def test_newsletter_prompts_are_dropped() -> None:
    prompts = [
        "Was this newsletter forwarded to you? Sign up to get it in your inbox.",
        "Click here to subscribe to The Weekly Paradigm newsletter",
    ]
    assert remove_boilerplate([*STORY[:3], prompts[0], *STORY[3:], prompts[1]]) == STORY
    # a sentence of the story about a newsletter is longer than a prompt and stays
    sentence = (
        "The council said it would join the regional mailing list next year, after residents complained that flood "
        "warnings reached them by newsletter only days later, when the water had already come into their gardens."
    )
    assert sentence in remove_boilerplate([*STORY[:3], sentence, *STORY[3:]])


def test_affiliate_disclosures_counters_ad_markers_and_feed_footers_are_dropped() -> None:
    furniture = [
        "This article contains affiliate links that may earn us a commission at no extra cost to you.",
        "If you find this helpful and buy through my links, I may receive a small commission.",
        "1,693 views",
        "(Visited 1,902 times, 364 visits today)",
        "Article Continues Below",
        "The post How the flood reached the town appeared first on The Valley Gazette.",
    ]
    lines = [furniture[0], *STORY[:3], *furniture[1:5], *STORY[3:], furniture[5]]
    assert remove_boilerplate(lines) == STORY
    # a sentence of the story about affiliate programmes is not the site's own disclosure
    sentence = "Affiliate programs: streamers earn a commission when viewers buy games or gear via affiliate links."
    assert sentence in remove_boilerplate([*STORY[:3], sentence, *STORY[3:]])


def test_reader_tool_lines_are_dropped() -> None:
    tools = ["Enjoy the post? Pin it for later!", "Share this on:", "Read Later", "Text size", "Listen to this article"]
    assert remove_boilerplate([STORY[0], *tools[:3], *STORY[1:], *tools[3:]]) == STORY
    # a sentence of the story that starts like one stays
    sentence = "Share this on a map with your neighbours, the mayor said, so that everyone knows where to park."
    assert sentence in remove_boilerplate([*STORY[:2], sentence, *STORY[2:]])


def test_a_table_of_contents_heading_left_alone_is_dropped() -> None:
    # the entries were page furniture (skipped), the "Contents hide" toggle line was not
    assert remove_boilerplate([STORY[0], "Contents hide", *STORY[1:]]) == STORY
    assert remove_boilerplate([STORY[0], "Table of Contents", *STORY[1:]]) == STORY


def test_a_heading_that_starts_with_copyright_is_not_a_notice() -> None:
    heading = "Copyright Office Weighs In on AI Training and Fair Use"
    assert heading in remove_boilerplate([*STORY[:3], heading, *STORY[3:]])
    notice = "Copyright © 2011, Harvard University. All rights reserved."
    assert remove_boilerplate([*STORY, notice]) == STORY
    # a wire agency's terms of use are a notice too: kept, they would repeat under every wire copy in the corpus
    terms = (
        "© 2019 Associated Press. All Rights Reserved. This material may not be published, broadcast, rewritten, "
        "or redistributed."
    )
    assert remove_boilerplate([*STORY, terms]) == STORY


def test_the_authors_bio_at_the_end_is_cut_with_its_name_and_role_lines() -> None:
    bio = [
        "Written by",
        "Julia Gralberg",
        "Julia Gralberg is a freelance travel writer and founder of a small communications agency in Lisbon.",
    ]
    assert remove_boilerplate([*STORY, *bio]) == STORY
    assert remove_boilerplate([*STORY, "Lauren has written for the events blog since 2018 and edits its guides."]) == (
        STORY
    )
    # the story's last paragraph about a person it quotes stays
    ending = "Niculescu is optimistic about the new flood maps and encourages residents to read them carefully."
    assert remove_boilerplate([*STORY, ending]) == [*STORY, ending]


def test_call_to_action_button_labels_are_dropped() -> None:
    buttons = ["Get Price", "Read Reviews", "Request a Demo", "Learn more →", "SUBSCRIBE"]
    assert remove_boilerplate([STORY[0], *buttons, *STORY[1:]]) == STORY
    # a sentence that starts with the same words is text
    sentence = "Learn more about the flood defences at the town hall meeting on Friday."
    assert remove_boilerplate([*STORY, sentence]) == [*STORY, sentence]


def test_stock_photo_credits_joined_by_slashes_are_dropped() -> None:
    credits = ["Getty Images / Jane Doe", "Sam Roe/Hindustan Times/Getty Images"]
    assert remove_boilerplate([STORY[0], credits[0], STORY[1], credits[1], *STORY[2:]]) == STORY
    headline = "Shutterstock expands deal with OpenAI | TechCrunch"
    assert remove_boilerplate([*STORY[:2], headline, *STORY[2:]]) == [*STORY[:2], headline, *STORY[2:]]


def test_a_caption_ending_in_a_slash_joined_credit_is_dropped() -> None:
    caption = "The first global geologic map of the moon. (NASA/JPL-Caltech/ASU)"
    assert remove_boilerplate([STORY[0], caption, *STORY[1:]]) == STORY
    text = "The protocol runs over both transports (TCP/IP and UDP)."
    assert remove_boilerplate([*STORY, text]) == [*STORY, text]


def test_the_publishers_sign_up_coverage_and_enjoyed_pitches_are_dropped() -> None:
    pitches = [
        "Subscribe to WIRED and stay smart with more of your favorite writers.",
        "Sign up now to get the freshest updates delivered straight to you!",
        "Follow the agency's full coverage of the elections at https://example.org/elections",
        "If you enjoyed this article, we have a proposition for you: join our members' club.",
    ]
    for pitch in pitches:
        assert remove_boilerplate([*STORY[:3], pitch, *STORY[3:]]) == STORY, pitch
    instruction = "Sign up for the bundle using the same email as your existing account, then restart the app."
    assert remove_boilerplate([*STORY, instruction]) == [*STORY, instruction]


def test_a_product_cards_specification_block_is_dropped() -> None:
    card = ["SPECIFICATIONS", "Weight", "7.9 oz.", "Drop", "7mm", "Stack Height", "39mm"]
    assert remove_boilerplate([*STORY[:3], *card, *STORY[3:]]) == STORY
    # a "Key specs" heading over a paragraph is a section of the text
    section = ["Key Specs", STORY[3]]
    assert remove_boilerplate([*STORY[:3], *section, *STORY[4:]]) == [*STORY[:3], *section, *STORY[4:]]


def test_tag_lists_year_stamps_and_gallery_links_are_dropped() -> None:
    furniture = [
        "Tags: Employment, Health & Fitness, Mid-sized Businesses",
        "This post was last updated July 2021.",
        "Last reviewed January 2023",
        "Photos: The icy moons of Jupiter",
    ]
    for line in furniture:
        assert remove_boilerplate([*STORY[:2], line, *STORY[2:]]) == STORY, line
    keywords = "Keywords: inflammation, depression, endorphins, social interaction"
    assert remove_boilerplate([*STORY[:2], keywords, *STORY[2:]]) == [*STORY[:2], keywords, *STORY[2:]]


def test_a_long_run_of_lines_printed_from_one_template_is_dropped() -> None:
    cities = ["Tulsa Oklahoma", "Fresno California", "El Paso Texas", "Aurora Colorado", "Irvine California"]
    cities += ["Henderson Nevada", "Anaheim California", "Arlington Texas"]
    directory = [f"Average Costs for Cleaning Services in {city}" for city in cities]
    assert remove_boilerplate([*STORY, *directory]) == STORY
    # a short run is the story's own list
    routes = [f"New York to {state} movers" for state in ("Texas", "Ohio", "Utah", "Iowa", "Maine")]
    assert remove_boilerplate([*STORY[:4], *routes, *STORY[4:]]) == [*STORY[:4], *routes, *STORY[4:]]


def test_a_was_this_article_helpful_widget_ends_the_story() -> None:
    tail = ["Was this article helpful?", "More about flood insurance", "Read more Related article", "Storm season"]
    assert remove_boilerplate([*STORY, *tail]) == STORY
    tail_id = ["Apakah artikel ini bermanfaat?", "Berita banjir lainnya", "Cuaca esok hari"]
    assert remove_boilerplate([*STORY, *tail_id]) == STORY


def test_placeholder_copy_and_photo_credits_in_other_languages_are_dropped() -> None:
    furniture = [
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.",
        "Lorem Ipsum",
        "личный архив Анны Ивановой",
        "Фото: Иван Петров",
        "Bild: Max Mustermann",
    ]
    for line in furniture:
        assert remove_boilerplate([*STORY[:2], line, *STORY[2:]]) == STORY, line
    # a sentence about an archive is text
    sentence = "Личный архив писателя передали городскому музею в прошлом году, сообщили в администрации."
    assert remove_boilerplate([*STORY, sentence]) == [*STORY, sentence]


def test_the_publishers_about_box_after_the_story_is_cut() -> None:
    box = ["About Valley Media", "Valley Media is a recognized leader in local news, founded by two reporters."]
    assert remove_boilerplate([*STORY, *box]) == STORY
    # a story's own "About the Company" section, followed by most of the text, stays
    lines = [*STORY[:2], "About Acme Corp", *STORY[2:]]
    assert remove_boilerplate(lines) == lines


def test_shop_widget_lines_are_dropped_but_a_shopping_sentence_stays() -> None:
    widget = [
        "Shop our best rain boots",
        "(add Storm Boot 3 to cart)",
        "Buy now from one of our trusted retail partners:",
    ]
    assert remove_boilerplate([*STORY[:2], *widget, *STORY[2:]]) == STORY
    sentence = "Shop the range in sizes S-XL."
    assert remove_boilerplate([*STORY, sentence]) == [*STORY, sentence]


def test_the_sites_own_section_headings_after_the_story_cut_the_tail() -> None:
    for heading in ("Top Picks", "New articles", "More Resources...", "Our Services", "Stay connected with me!"):
        tail = [heading, "Flood insurance explained", "Storm season guide", "Contact the newsroom"]
        assert remove_boilerplate([*STORY, *tail]) == STORY, heading


def test_a_legal_disclaimer_among_the_last_lines_is_dropped_but_not_inside_the_story() -> None:
    disclaimer = "Valley Wealth, LLC does not provide tax, legal or accounting advice. Consult your own advisers."
    assert remove_boilerplate([*STORY, disclaimer]) == STORY
    # the same words early in the story are a quote, not the page's fine print
    lines = [STORY[0], disclaimer, *STORY[1:]]
    assert remove_boilerplate(lines) == lines


def test_the_footer_after_the_pages_only_divider_is_cut_but_section_breaks_stay() -> None:
    footer = ["**********", "Tell me your story! Send me an email and I may feature your renovation on the show."]
    assert remove_boilerplate([*STORY, *footer]) == STORY
    # several dividers are the story's own section breaks: the last section stays
    sections = [*STORY[:3], "----------", *STORY[3:6], "----------", *STORY[6:]]
    assert remove_boilerplate(sections) == sections


def test_sign_in_prompts_are_dropped_but_a_sentence_about_signing_in_stays() -> None:
    prompts = [
        "Join or sign in",
        "Sign in to save your progress and earn a certificate",
        "You need to login to comment.",
    ]
    assert remove_boilerplate([*STORY[:2], *prompts, *STORY[2:]]) == STORY
    sentence = "Sign in problems hit thousands of bank customers on Monday, the regulator said in a statement."
    assert remove_boilerplate([*STORY, sentence]) == [*STORY, sentence]


def test_a_date_stamp_under_the_byline_at_the_top_is_dropped() -> None:
    # the header's short lines (a section label, the byline) do not end it: the date under them goes too, while
    # the byline stays for the byline reader
    lines = ["Research we're watching", "By Carrie Arnold", "November 15, 2019", *STORY]
    assert remove_boilerplate(lines) == ["Research we're watching", "By Carrie Arnold", *STORY]
    # a heading in capitals that repeats the headline's words under a label is the text's own and stays
    lines = ["Safety Alert", "FLOOD IN THE VALLEY", *STORY]
    assert remove_boilerplate(lines, title="Flood in the valley") == lines
    # the headline itself under a kicker ("Markets | Stock Market Today") goes, and the kicker with it
    lines = ["Markets | Stock Market Today", "Flood in the valley", *STORY]
    assert remove_boilerplate(lines, title="Flood in the valley") == STORY
    # a date after the first sentence is the story's
    lines = [STORY[0], "November 15, 2019", *STORY[1:]]
    assert remove_boilerplate(lines) == lines


def test_a_second_copy_of_a_section_is_dropped_in_a_long_story() -> None:
    # an FAQ printed twice (a visible copy and an accordion's copy) is a small part of a long article
    long_story = [
        f"Part {n} of the long guide explains, with figures and examples, how a household in district {n} can "
        f"prepare for the spring floods and which council grants it can apply for."
        for n in range(1, 31)
    ]
    faq = [
        f"Question {n}: who pays for the sandbags, the pumps and the clean-up work in the district after a flood "
        f"of level {n}, and how long does it take?"
        for n in range(1, 6)
    ]
    assert remove_boilerplate([*long_story, *faq, *faq]) == [*long_story, *faq]


def test_a_teaser_boxs_label_left_alone_is_dropped() -> None:
    # the links under "DON'T MISS" were skipped as page furniture; the label is left on a line of its own
    lines = [*STORY[:3], "DON'T MISS", *STORY[3:6], "Jangan lewatkan:", *STORY[6:]]
    assert remove_boilerplate(lines) == STORY
    sentence = "Don't miss the chance to see the flood barriers before they are taken down in the spring."
    assert sentence in remove_boilerplate([*STORY[:3], sentence, *STORY[3:]])


def test_case_insensitive_line_rules_hold_for_letters_that_only_the_regex_folds() -> None:
    # the rules test the lowered line for a needed word before running a pattern; "ſ" (long s) and "ı" (dotless i)
    # are "s" and "i" to a case-insensitive pattern but not to str.lower(), so such a line must still reach it
    assert remove_boilerplate([*STORY, "Subscribe to our weekly newſletter"]) == STORY
    assert remove_boilerplate([*STORY, "SIGN UP FOR OUR DAILY NEWSLETTER"]) == STORY
    assert remove_boilerplate([*STORY, "The harbour at dawn (Image: GETTY)"]) == STORY
    assert remove_boilerplate([*STORY, "The harbour at dawn | Photo: Jane Doe"]) == STORY
    assert remove_boilerplate([*STORY, "Alex Kim contributed to thıs report."]) == STORY


def test_lines_come_back_with_their_spaces_collapsed() -> None:
    lines = ["  Two\u00a0 spaces  and\ta tab\u200b ", "A line with single spaces only", "Nbsp\u00a0alone"]
    assert remove_boilerplate(lines) == ["Two spaces and a tab", "A line with single spaces only", "Nbsp alone"]


def test_the_repeated_run_search_stops_on_a_body_of_thousands_of_equal_lines() -> None:
    # the search compares runs line by line, quadratic on a spam or data page of equal lines: it has a budget, so
    # a short page still loses its second copy while a huge one keeps its lines instead of timing out
    assert remove_boilerplate(["a b c"] * 1_000) == ["a b c"] * 100
    assert remove_boilerplate(["a b c"] * 100_000) == ["a b c"] * 100_000


def test_a_read_also_label_is_dropped_but_a_sentence_opening_with_its_words_stays() -> None:
    for label in ("Also read: Storm season, what to expect", "Also Read | Storm season", "READ ALSO"):
        assert remove_boilerplate([*STORY[:3], label, *STORY[3:]]) == STORY
    sentence = "Also read the small print, the mayor told residents on Monday."
    assert sentence in remove_boilerplate([*STORY[:3], sentence, *STORY[3:]])


def test_an_arrowed_pointer_to_another_page_is_no_text_but_an_arrowed_label_is() -> None:
    pointers = [
        "👉 Learn more about AI in dentistry from Overjet.",
        "👉 See more on how 3D printing is shaping the dental industry via Exploding Topics.",
        "➡️ Read more about Modular Monoliths:",
        "→ Read about the rise of teledentistry on Exploding Topics.",
    ]
    own_text = [
        "➡️ Tip: Read my Day 3 itinerary for a more detailed plan of this day and where to eat.",
        "→ The bottom line: HR is now expected to co-strategize the transformation with IT.",
        "👉 For example, a shop might use predictive analysis to forecast sales in the holidays.",
        "Read more about the plan in the council's own summary, which the mayor published on Monday.",
    ]
    lines = [STORY[0], pointers[0], STORY[1], pointers[1], STORY[2], *pointers[2:], *own_text, *STORY[3:]]
    assert remove_boilerplate(lines) == [*STORY[:3], *own_text, *STORY[3:]]

"""Rules found by a twelfth blind page set (the rest of a newspaper in English, press releases and institutional
news, European and Latin American news and other renderings of news pages, written without sight of the
extractor; see bench/blind-pages-12): advertisement labels and related-story labels in more languages, a photo
gallery's counters over each photo's text.
"""

from __future__ import annotations

import pytest
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract.boilerplate import remove_boilerplate


@pytest.mark.parametrize("label", ["Reklama", "Reklam", "Annons", "Mainos", "Hirdetés", "Διαφήμιση", "Publicitate"])
def test_an_advertisement_label_in_its_own_language_is_no_text(label: str) -> None:
    assert remove_boilerplate([STORY[0], label, *STORY[1:]]) == STORY


@pytest.mark.parametrize("label", ["Souvisí", "Související články", "Ştiri similare", "Știri similare", "Zobacz też"])
def test_a_related_stories_label_in_its_own_language_is_no_text(label: str) -> None:
    assert remove_boilerplate([*STORY, label]) == STORY


def test_a_galleries_counter_over_each_photos_text_is_no_text() -> None:
    lines = ["1 / 3", STORY[0], "2 / 3", STORY[1], "3 / 3", STORY[2]]
    assert remove_boilerplate(lines) == STORY


def test_counters_that_do_not_count_up_from_one_stay() -> None:
    """A score line or a fraction on its own ("3/4") is no gallery counter; neither are two that skip a number."""
    lines = [STORY[0], "2 / 3", STORY[1], "3 / 3", STORY[2]]
    assert remove_boilerplate(lines) == lines
    lines = [STORY[0], "1/4", STORY[1], "3/4", STORY[2], "4/4"]
    assert remove_boilerplate(lines) == lines

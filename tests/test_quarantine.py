"""An operator's way with a quarantined partition: list it, read why, and publish it only when the gate passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscorpus import pipeline
from newscorpus.catalog import query
from newscorpus.cli import EXIT_QUARANTINED, main
from newscorpus.demo import DEMO_DATE
from newscorpus.demo_site import SOURCES_YAML, demo_env, render_site, serve_site

RUN = "quarantine-test"


MARKER = "  - id: harborherald\n"


@pytest.fixture
def quarantined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """harborherald gated with a wrong registry entry (min_words 2000, a typo for 200): every article is "too
    short", so the partition is crawled, gated and quarantined."""
    site = tmp_path / "site"
    render_site(site, DEMO_DATE)
    data = tmp_path / "data"
    typo = tmp_path / "sources-typo.yaml"
    typo.write_text(SOURCES_YAML.read_text(encoding="utf-8").replace(MARKER, MARKER + "    min_words: 2000\n"))
    with serve_site(site) as urls:
        for name, value in {
            **demo_env(urls),
            "NEWSCORPUS_SOURCES": str(typo),
            "NEWSCORPUS_DATA": str(data),
        }.items():
            monkeypatch.setenv(name, value)
        result = pipeline.run_all(DEMO_DATE, RUN, ["harborherald", "korankota"])
    assert result["partitions"]["harborherald"]["published"] is False
    assert result["partitions"]["korankota"]["published"] is True
    return data


def test_list_show_and_a_release_that_is_refused_then_granted(
    quarantined: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quarantine", "list"]) == 0
    listed = capsys.readouterr().out
    assert f"harborherald         {DEMO_DATE}  run {RUN}" in listed
    assert "expect_column_values_to_be_between(word_count)" in listed

    args = ["--source", "harborherald", "--date", str(DEMO_DATE), "--run-id", RUN]
    assert main(["quarantine", "show", *args]) == 0
    shown = capsys.readouterr().out
    assert "observed 12 of 12 rows unexpected" in shown and '"articles": 12' in shown

    # releasing without a fix re-runs the gate, which still fails: nothing becomes visible
    assert main(["quarantine", "release", *args]) == EXIT_QUARANTINED
    _, rows = query(quarantined, "SELECT DISTINCT source FROM articles")
    assert rows == [("korankota",)]

    # the fix: the operator corrects the registry entry
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(SOURCES_YAML))
    assert main(["quarantine", "release", *args]) == 0
    assert "released and published" in capsys.readouterr().out
    _, rows = query(quarantined, "SELECT source, count(*) FROM articles GROUP BY source ORDER BY source")
    assert rows == [("harborherald", 12), ("korankota", 12)]
    assert main(["quarantine", "list"]) == 0
    assert "nothing is quarantined" in capsys.readouterr().out
    _, validations = query(quarantined, "SELECT success FROM validations WHERE source = 'harborherald' "
                                        "AND suite = 'articles' ORDER BY validated_at")  # fmt: skip
    assert validations == [(False,), (False,), (True,)]  # every gate run is on record

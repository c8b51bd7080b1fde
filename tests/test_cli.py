"""The `newscorpus` command: exit codes a scheduler can act on, and the batch extractor's door."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newscorpus.cli import EXIT_FAILED, EXIT_NO_DATA, EXIT_USAGE, main

PAGE = (
    "<html lang='id'><body><article><h1>Judul {n}</h1><div class='isi'>"
    "<p>MOSKOW - Paragraf pembuka berita nomor {n} yang cukup panjang untuk dibaca sebagai berita, Jumat (19/5).</p>"
    "<p>Paragraf kedua berisi keterangan tambahan dari para pejabat yang terlibat dalam perundingan itu.</p>"
    "<p>Redaktur : Lili Lestari<br>Penulis : Antara</p></div></article></body></html>"
)


def test_batch_extract_keeps_order_and_records_bad_lines(tmp_path: Path) -> None:
    pages = tmp_path / "pages.jsonl"
    lines = [json.dumps({"id": str(n), "url": f"https://x.example/{n}", "html": PAGE.format(n=n)}) for n in range(6)]
    lines.insert(3, "{not json")
    pages.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "articles.jsonl"
    assert main(["extract", "--input", str(pages), "--output", str(out), "--workers", "2"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 7
    assert [r["id"] for r in rows if r["id"] is not None] == [str(n) for n in range(6)]
    assert rows[3]["error"] and "extract_error" in rows[3]["quality_flags"]
    first = rows[0]
    assert first["title"] == "Judul 0" and first["editors"] == ["Lili Lestari"] and first["agency"] == "Antara"
    assert first["dateline"] == "MOSKOW" and not first["body"].startswith("MOSKOW")


@pytest.mark.parametrize(
    "argv",
    [
        ["crawl", "--source", "../etc", "--date", "2026-11-20"],
        ["crawl", "--source", "x", "--date", "2026-13-40"],
        ["publish", "--source", "x", "--date", "2026-11-20", "--run-id", "../../tmp"],
        ["extract", "--input", "-", "--output", "-", "--timezone", "Asia/Jakart"],
        ["extract", "--input", "-", "--output", "-", "--timezone", "../etc/passwd"],
    ],
)
def test_bad_names_and_dates_are_refused_before_anything_runs(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:  # argparse refuses them: nothing was read or written
        main(argv)
    assert exit_info.value.code == EXIT_USAGE
    assert "error: argument" in capsys.readouterr().err


def test_unknown_source_is_a_usage_error(tmp_path: Path, monkeypatch, capsys) -> None:
    registry = tmp_path / "sources.yaml"
    registry.write_text(
        "sources:\n  - {id: one, name: One, language: en, timezone: UTC, home: 'https://one.example/',"
        " allowed_domains: [one.example]}\n"
    )
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(registry))
    monkeypatch.setenv("NEWSCORPUS_DATA", str(tmp_path / "data"))
    assert main(["crawl", "--source", "two", "--date", "2026-11-20"]) == EXIT_USAGE
    assert "unknown or disabled source(s): two" in capsys.readouterr().err


# --- help, exit codes and --json for scripts ----------------------------------------------------------------------

COMMANDS = ("demo", "run", "extract", "crawl", "transform", "validate", "publish", "query", "quarantine", "search",
            "report", "export", "sources")  # fmt: skip


def test_help_explains_every_command_with_examples_and_exit_codes(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    top = capsys.readouterr().out
    for command in COMMANDS:
        assert f"    {command} " in top, command
    for code in ("0  done", "1  failed", "2  bad input", "3  quarantined", "4  nothing to work on"):
        assert code in top
    for command in COMMANDS:
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = capsys.readouterr().out
        assert "examples:" in text and f"newscorpus {command}" in text and "exit codes" in text, command


def _registry(tmp_path: Path) -> Path:
    registry = tmp_path / "sources.yaml"
    registry.write_text(
        "sources:\n"
        "  - id: one\n    name: One\n    language: en\n    timezone: UTC\n    home: 'https://one.example/'\n"
        "    allowed_domains: [one.example]\n"
        "    permission: {verified: true, checked_on: '2026-11-20', terms_url: 'https://one.example/terms'}\n"
        "    extraction: {title: h1.headline, body: div.story, drop: ['.share']}\n"
        "  - id: two\n    name: Two\n    language: id\n    timezone: Asia/Jakarta\n    home: 'https://two.example/'\n"
        "    allowed_domains: [two.example]\n    enabled: false\n    disabled_reason: terms forbid crawling\n",
        encoding="utf-8",
    )
    return registry


def test_sources_json_lists_the_registry(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(_registry(tmp_path)))
    assert main(["sources", "--json"]) == 0
    enabled = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in enabled] == ["one"]
    assert enabled[0]["permission"]["terms_url"] == "https://one.example/terms"
    assert enabled[0]["extraction"]["drop"] == [".share"]
    assert main(["sources", "--all", "--json"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert [(s["id"], s["enabled"], s["disabled_reason"]) for s in every] == [
        ("one", True, None),
        ("two", False, "terms forbid crawling"),
    ]


def test_a_broken_registry_is_exit_2_naming_the_field(tmp_path: Path, monkeypatch, capsys) -> None:
    registry = tmp_path / "sources.yaml"
    registry.write_text(
        "sources:\n  - {id: one, name: One, language: en, timezone: Mars/Olympus, home: 'https://one.example/',"
        " allowed_domains: [one.example]}\n"
    )
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(registry))
    assert main(["sources", "--json"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "id=one" in err and "timezone" in err and "newscorpus sources" in err


def test_read_commands_without_a_corpus_are_exit_4(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEWSCORPUS_DATA", str(tmp_path / "data"))
    assert main(["query", "SELECT 1"]) == EXIT_NO_DATA
    assert main(["report", "--json"]) == EXIT_NO_DATA
    assert main(["export", "--format", "jsonl", "--output", str(tmp_path / "x.jsonl")]) == EXIT_NO_DATA
    assert capsys.readouterr().err.count("run the pipeline") >= 2


# --- the selector test: a source's rules on one saved page ---------------------------------------------------------

SAVED = """<html lang="en"><head><title>One | Harbour wall</title></head><body>
<nav class="menu">Home News Sport</nav>
<article><h1 class="headline">Harbour wall to be rebuilt after storm</h1>
<div class="story"><p>The council will rebuild the harbour wall that the storm breached last winter, its leader said
on Thursday, after engineers found the old stones had shifted by almost a metre.</p>
<div class="share">Share this on Facebook Twitter Email</div>
<p>Work starts in March and should take eighteen months; the fishing fleet will move to the east quay meanwhile.</p>
<p>Residents asked for a public meeting before the plans are fixed, and the council agreed to hold one next month.</p>
</div></article></body></html>"""


def test_extract_html_tries_a_sources_selectors_offline(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(_registry(tmp_path)))
    page = tmp_path / "saved.html"
    page.write_text(SAVED, encoding="utf-8")
    assert main(["extract", "--source", "one", "--html", str(page), "--url", "https://one.example/a", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["selectors"]["title"] == {"selector": "h1.headline", "matches": 1}
    assert result["selectors"]["drop[0]"]["matches"] == 1
    assert result["fields"]["title"] == "Harbour wall to be rebuilt after storm"
    assert result["paragraphs"] == 3 and "Facebook" not in result["body"]
    assert main(["extract", "--source", "one", "--html", str(page)]) == 0
    assert "h1.headline" in capsys.readouterr().out


def test_extract_html_says_which_selector_misses(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(_registry(tmp_path)))
    page = tmp_path / "saved.html"
    page.write_text(SAVED.replace("headline", "title-main").replace('"story"', '"content"'), encoding="utf-8")
    assert main(["extract", "--source", "one", "--html", str(page)]) == EXIT_FAILED
    out = capsys.readouterr().out
    assert "title: selector 'h1.headline' matches nothing" in out and "body: selector 'div.story'" in out
    assert main(["extract", "--source", "nope", "--html", str(page)]) == EXIT_USAGE
    assert "not in" in capsys.readouterr().err
    assert main(["extract", "--source", "one", "--html", str(tmp_path / "missing.html")]) == EXIT_USAGE


# --- on the published demo corpus --------------------------------------------------------------------------------


def test_quarantine_list_json_matches_the_failed_gate_runs(corpus_env, capsys) -> None:
    from newscorpus.catalog import query

    _, rows = query(corpus_env.data, "SELECT DISTINCT source, crawl_date, run_id FROM validations WHERE NOT success")
    assert rows, "the demo_corpus fixture quarantines one partition"
    assert main(["quarantine", "list", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert {(i["source"], i["crawl_date"], i["run_id"]) for i in items} == {(s, d.isoformat(), r) for s, d, r in rows}
    assert all(i["failed_expectations"] and "[blocking]" in " ".join(i["failed_expectations"]) for i in items)
    first = items[0]
    args = ["--source", first["source"], "--date", first["crawl_date"], "--run-id", first["run_id"], "--json"]
    assert main(["quarantine", "show", *args]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["folder"] == first["folder"] and "articles" in shown["rows"]


def test_query_search_and_report_json(corpus_env, capsys, tmp_path: Path) -> None:
    assert main(["query", "--json", "SELECT source, count(*) AS n FROM articles GROUP BY source ORDER BY source"]) == 0
    counts = {r["source"]: r["n"] for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert len(counts) == 3
    assert main(["search", "harbour", "--json", "--limit", "3"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert hits and {"source", "title", "url", "score", "snippet"} <= set(hits[0])
    assert main(["report", "--output", str(tmp_path / "r"), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["per_source"] == counts and summary["articles"] == sum(counts.values())
    assert Path(summary["index"]) == tmp_path / "r" / "index.html" and Path(summary["index"]).is_file()
    assert main(["query", "DELETE FROM articles"]) == EXIT_USAGE
    assert "refused" in capsys.readouterr().err


# --- progress bars -----------------------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bars_only_on_a_terminal_and_not_with_quiet() -> None:
    from newscorpus import progress

    assert not progress.wanted(False, io.StringIO())
    assert not progress.wanted(True, _Terminal())
    assert progress.wanted(False, _Terminal())
    assert list(progress.track(range(3), "silent")) == [0, 1, 2]  # no bar outside shown(): a plain pass-through
    screen = _Terminal()
    with progress.shown(True, screen):
        assert list(progress.track(range(5), "transform demo", unit="models")) == list(range(5))
    assert "transform demo" in screen.getvalue() and "5/5" in screen.getvalue()


def test_crawl_poll_counts_the_new_crawl_log_lines(tmp_path: Path) -> None:
    from newscorpus import progress

    old = tmp_path / "crawl=1" / "crawl-log.jsonl"
    old.parent.mkdir()
    old.write_text("{}\n" * 7)
    count = progress.new_crawl_log(tmp_path)
    assert count() == 0  # an earlier crawl of the same run is not this one
    new = tmp_path / "crawl=2" / "crawl-log.jsonl"
    new.parent.mkdir()
    new.write_text("{}\n" * 3)
    assert count() == 3
    screen = _Terminal()
    with progress.shown(True, screen), progress.poll("crawl demo", count, total=10, unit="fetches", every_s=0.01):
        new.write_text("{}\n" * 4)
    assert "crawl demo" in screen.getvalue() and "4/" in screen.getvalue()

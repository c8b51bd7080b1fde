"""What a reviewer following the README hit on the command line: stage-by-stage publishing that the catalog never
saw, a failed crawl reported as a quarantine with a Scrapy log as its error, exit codes that said "retry" for a
typo, disabled sources nobody could find, a misaligned table and `--source a b` refused."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEMO_DATE

from newscorpus.catalog import query
from newscorpus.cli import EXIT_FAILED, EXIT_QUARANTINED, EXIT_USAGE, build_parser, main
from newscorpus.demo_site import SOURCES_YAML, url_variable
from newscorpus.tables import format_table

DAY = DEMO_DATE.isoformat()
REPO = Path(__file__).resolve().parent.parent


def _registry(tmp_path: Path) -> Path:
    """One enabled fixture outlet and two disabled ones, one of them saying why."""
    registry = tmp_path / "sources.yaml"
    registry.write_text(
        "sources:\n"
        "  - {id: one, name: One, language: en, timezone: UTC, home: 'https://one.example/',"
        " allowed_domains: [one.example]}\n"
        "  - {id: kompas, name: Kompas, language: id, timezone: Asia/Jakarta, home: 'https://kompas.example/',"
        " allowed_domains: [kompas.example], enabled: false, disabled_reason: 'terms forbid text mining'}\n"
        "  - {id: three, name: Three, language: id, timezone: UTC, home: 'https://three.example/',"
        " allowed_domains: [three.example], enabled: false}\n",
        encoding="utf-8",
    )
    return registry


def _closed_port() -> int:
    """A loopback port nothing listens on (connection refused), like the reviewer's http://127.0.0.1:9."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- 5. the query table ----------------------------------------------------------------------------------------


def test_the_table_rule_lines_up_with_the_column_bars() -> None:
    table = format_table(["source", "n"], [("korankota", 12), ("x", None)])
    assert table.splitlines() == [
        "source    | n",
        "----------+-----",
        "korankota | 12",
        "x         | NULL",
        "(2 rows)",
    ]
    header, rule = table.splitlines()[:2]
    assert [i for i, c in enumerate(rule) if c == "+"] == [i for i, c in enumerate(header) if c == "|"]


# --- 6. --source a b ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["run", "--date", DAY], ["export", "--format", "jsonl", "--output", "x.jsonl"]])
def test_source_takes_several_values_after_one_flag_or_the_flag_repeated(command: list[str]) -> None:
    parser = build_parser()
    assert parser.parse_args([*command, "--source", "a", "b"]).source == ["a", "b"]
    assert parser.parse_args([*command, "--source", "a", "--source", "b", "c"]).source == ["a", "b", "c"]
    assert parser.parse_args(command).source is None


# --- 4. disabled sources --------------------------------------------------------------------------------------


def test_sources_says_how_many_disabled_ones_it_hides(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(_registry(tmp_path)))
    assert main(["sources"]) == 0
    shown = capsys.readouterr()
    assert [line.split()[0] for line in shown.out.splitlines()] == ["one"]
    assert "2 disabled source(s) not shown; use --all" in shown.err
    assert main(["sources", "--json"]) == 0
    shown = capsys.readouterr()
    assert [s["id"] for s in json.loads(shown.out)] == ["one"] and "use --all" in shown.err
    assert main(["sources", "--all"]) == 0
    shown = capsys.readouterr()
    assert len(shown.out.splitlines()) == 3 and shown.err == ""


def test_running_a_disabled_source_says_it_is_disabled_and_why(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(_registry(tmp_path)))
    monkeypatch.setenv("NEWSCORPUS_DATA", str(tmp_path / "data"))
    assert main(["run", "--date", DAY, "--source", "kompas", "three", "nope"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "kompas is disabled: terms forbid text mining" in err
    assert "three is disabled: enabled: false" in err
    assert f"nope is not in {tmp_path / 'sources.yaml'}" in err
    assert "enabled: one (2 disabled: newscorpus sources --all)" in err


# --- 3. exit codes and messages that name the setting ----------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "x", "--limit", "-1"],
        ["search", "x", "--limit", "0"],
        ["extract", "--input", "-", "--output", "-", "--workers", "0"],
        ["extract", "--input", "-", "--output", "-", "--time-limit", "-2"],
    ],
)
def test_counts_must_be_positive(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as refused:
        main(argv)
    assert refused.value.code == EXIT_USAGE
    assert "error: argument" in capsys.readouterr().err


def test_usage_errors_are_exit_2_with_one_line_naming_the_flag_or_setting(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEWSCORPUS_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(_registry(tmp_path)))
    missing = tmp_path / "missing.jsonl"
    assert main(["extract", "--input", str(missing), "--output", str(tmp_path / "x.jsonl")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err == f"error: --input {missing}: No such file or directory (JSON lines, or - for stdin)\n"

    for action in ("show", "release"):
        assert main(["quarantine", action, "--source", "one", "--date", DAY, "--run-id", "nope"]) == EXIT_USAGE
        err = capsys.readouterr().err
        assert err.startswith("error: no quarantined partition source=one/crawl_date=") and err.count("\n") == 1

    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(tmp_path))
    assert main(["sources"]) == EXIT_USAGE
    assert f"NEWSCORPUS_SOURCES={tmp_path}: is a directory, expected a YAML file" in capsys.readouterr().err

    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(_registry(tmp_path)))
    monkeypatch.setenv("NEWSCORPUS_DATA", "/proc/nc")
    assert main(["run", "--date", DAY]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("error: NEWSCORPUS_DATA=/proc/nc: No such file or directory") and err.count("\n") == 1
    # NEWSCORPUS_LOCAL_DIR only matters for an s3:// root: set beside a local root, it is not what failed
    monkeypatch.setenv("NEWSCORPUS_LOCAL_DIR", "/proc/nc-local")
    assert main(["run", "--date", DAY]) == EXIT_USAGE
    assert capsys.readouterr().err.startswith("error: NEWSCORPUS_DATA=/proc/nc: No such file or directory")


# --- on the published demo corpus (shared with test_cli.py: read only) ------------------------------------------


def test_a_query_without_rows_is_exit_0_and_report_names_its_output_flag(corpus_env, capsys) -> None:
    assert main(["query", "SELECT 1 AS one WHERE false"]) == 0
    assert capsys.readouterr().out.splitlines() == ["one", "---", "(0 rows)"]
    assert main(["report", "--output", "/proc/x"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("error: --output /proc/x: ") and err.count("\n") == 1


# --- 1. stage by stage: the catalog follows every publish and every gate verdict --------------------------------


def _validations(data: Path, source: str) -> list[bool]:
    _, rows = query(data, f"SELECT success FROM validations WHERE source = '{source}' AND suite = 'articles' "
                          "ORDER BY validated_at")  # fmt: skip
    return [row[0] for row in rows]


def test_stage_by_stage_publishing_and_quarantine_release_refresh_the_catalog(
    demo_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    data = Path(demo_env["NEWSCORPUS_DATA"])
    marker = "  - id: harborherald\n"  # a typo in the registry (min_words 2000 for 200): the gate quarantines it
    typo = tmp_path / "sources-typo.yaml"
    typo.write_text(SOURCES_YAML.read_text(encoding="utf-8").replace(marker, marker + "    min_words: 2000\n"))
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(typo))
    for source in ("korankota", "harborherald"):
        for stage in ("crawl", "extract", "transform"):
            assert main(["-q", stage, "--source", source, "--date", DAY]) == 0, (source, stage)
    capsys.readouterr()
    assert main(["-q", "validate", "--source", "korankota", "--date", DAY]) == 0
    assert json.loads(capsys.readouterr().out)["catalog"] == str(data / "corpus.duckdb")
    assert main(["query", "--json", "SELECT source, count(*) AS n FROM articles GROUP BY source"]) == 0
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == [{"source": "korankota", "n": 12}]

    assert main(["-q", "publish", "--source", "harborherald", "--date", DAY]) == EXIT_QUARANTINED
    assert _validations(data, "harborherald") == [False]  # the verdict is in the catalog at once

    release = ["quarantine", "release", "--source", "harborherald", "--date", DAY, "--run-id", f"cli__{DAY}"]
    assert main(release) == EXIT_QUARANTINED  # no fix yet: refused, and that gate run is on record too
    assert _validations(data, "harborherald") == [False, False]
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(SOURCES_YAML))  # the fix
    assert main(release) == 0
    assert _validations(data, "harborherald") == [False, False, True]
    _, rows = query(data, "SELECT source, count(*) FROM articles GROUP BY source ORDER BY source")
    assert rows == [("harborherald", 12), ("korankota", 12)]

    (data / "corpus.duckdb").unlink()  # published some other way, or the catalog lost: `catalog` rebuilds it
    capsys.readouterr()
    assert main(["catalog"]) == 0
    assert capsys.readouterr().out == f"catalog refreshed: {data / 'corpus.duckdb'}\n"
    _, rows = query(data, "SELECT count(*) FROM articles")
    assert rows == [(24,)]


def test_catalog_has_help_with_an_example(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["catalog", "--help"])
    text = capsys.readouterr().out
    assert "examples:" in text and "newscorpus catalog" in text and "exit codes" in text
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "    catalog " in capsys.readouterr().out


# --- 2. a failed crawl: exit 1, one short line, the log where the crawl's stats are ------------------------------


def test_run_with_an_unreachable_source_is_a_failure_not_a_quarantine(
    demo_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv(url_variable("harborherald"), f"http://127.0.0.1:{_closed_port()}")
    assert main(["-q", "run", "--date", DAY, "--source", "harborherald"]) == EXIT_FAILED
    outcome = json.loads(capsys.readouterr().out)["partitions"]["harborherald"]
    error = outcome["error"]
    assert outcome["published"] is False and "quarantined" not in outcome
    assert len(error) <= 500 and "\n" not in error, error
    assert error.startswith("CrawlError: crawl of harborherald landed no response at all: ")
    assert "ConnectionRefused" in error
    log_file = Path(re.search(r"Scrapy's last log lines: (\S+crawl-error\.log)", error).group(1))
    assert log_file.name == "crawl-error.log" and (log_file.parent / "stats.json").is_file()
    assert "Dumping Scrapy stats" in log_file.read_text(encoding="utf-8")


def test_a_failed_crawl_stage_prints_one_error_line_and_no_scrapy_log(demo_env: dict[str, str], tmp_path: Path) -> None:
    env = {**os.environ, **demo_env, url_variable("harborherald"): f"http://127.0.0.1:{_closed_port()}"}
    done = subprocess.run(
        [str(Path(sys.executable).parent / "newscorpus"), "crawl", "--source", "harborherald", "--date", DAY],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == EXIT_FAILED, done.stderr[-2000:]
    lines = done.stderr.splitlines()
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1 and "landed no response at all" in errors[0] and "crawl-error.log" in errors[0]
    assert not [line for line in lines if "[scrapy" in line or line.startswith((" ", "{", "Traceback"))], lines
    assert len(lines) <= 3, lines  # the error, and at most two INFO lines saying where the crawl went


def test_a_crawl_error_keeps_its_cause_and_stays_short_whatever_the_log(tmp_path: Path) -> None:
    from newscorpus.crawl_failure import MAX_MESSAGE_CHARS, meaningful_line, short_crawl_error

    logged = "2026-11-20 10:00:00 [scrapy.core.scraper] ERROR: Error downloading <GET http://x.test/>\nINFO: done\n"
    assert meaningful_line(logged) == "Error downloading <GET http://x.test/>"
    traceback = '  File "a.py", line 1\n    raise X\nbuiltins.TimeoutError: took too long\nINFO: Spider closed\n'
    assert meaningful_line(traceback) == "builtins.TimeoutError: took too long"
    log = "noise line\n" * 500 + traceback
    for depth in (1, 4, 12):  # the cause survives however deep the data directory (and pytest's temp dir) is
        folder = tmp_path.joinpath(*[f"deep{level}" * 10 for level in range(depth)]) / "run_id=r"
        short = short_crawl_error("crawl of x did not finish normally\n" + log, folder)
        assert len(short) <= MAX_MESSAGE_CHARS and "\n" not in short
        assert short.startswith("crawl of x did not finish normally: builtins.TimeoutError: took too long (")
        assert short.endswith("run_id=r/crawl-error.log)") or "crawl-error.log; its whole log" in short, short
    assert (folder / "crawl-error.log").read_text(encoding="utf-8").count("noise line") == 500

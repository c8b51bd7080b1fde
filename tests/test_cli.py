"""The `newscorpus` command: exit codes a scheduler can act on, and the batch extractor's door."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscorpus.cli import EXIT_USAGE, main

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

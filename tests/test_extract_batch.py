"""The batch door (newscorpus.extract.batch) on hand-written pages, and offline language identification.

The hanging page uses the worker's documented test hook (page_job.TEST_HANG_ENV): with the variable set to a
marker, a page whose url contains the marker sleeps for an hour instead of being extracted, so only the time limit
can end it; "<marker>-hard" also blocks SIGALRM, so only the parent killing the worker can end it; "<marker>-crash"
makes the worker process exit at once.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newscorpus.extract import detect_language
from newscorpus.extract.batch import extract_jsonl, open_jsonl
from newscorpus.extract.page_job import TEST_HANG_ENV

HANG_MARKER = "hang-here-please"


def article_html(n: int) -> str:
    sentences = " ".join(
        f"Paragraph {n}.{k} of the story tells readers about the harbour project number {n} and its many delays."
        for k in range(6)
    )
    return (
        f"<html lang='en'><head><title>Story number {n}</title>"
        f"<meta property='article:published_time' content='2024-03-{n % 27 + 1:02d}T08:00:00+07:00'></head>"
        f"<body><article><h1>Story number {n}</h1><p>{sentences}</p><p>Second paragraph of story {n}: {sentences}</p>"
        "</article></body></html>"
    )


def page_line(n: int, url: str | None = None) -> str:
    return json.dumps({"id": f"p{n}", "url": url or f"https://news.example/{n}", "html": article_html(n)}) + "\n"


def run(lines: list[str], **kwargs) -> tuple[list[dict], object]:
    out = io.StringIO()
    stats = extract_jsonl(io.StringIO("".join(lines)), out, **kwargs)
    return [json.loads(line) for line in out.getvalue().splitlines()], stats


def test_two_workers_keep_input_order_and_fill_the_article_fields() -> None:
    records, stats = run([page_line(n) for n in range(12)], workers=2, max_pages_per_worker=3)
    assert [r["id"] for r in records] == [f"p{n}" for n in range(12)]
    assert stats.pages == 12 and stats.errors == 0 and stats.timeouts == 0
    for n, record in enumerate(records):
        assert record["title"] == f"Story number {n}"
        assert record["body"].startswith(f"Paragraph {n}.0 of the story")
        assert record["published_at"] == f"2024-03-{n % 27 + 1:02d}T08:00:00+07:00"
        assert record["error"] is None and record["language"] == "en"
        for field in (
            "lead",
            "authors",
            "editors",
            "agency",
            "modified_at",
            "section",
            "tags",
            "image_url",
            "image_caption",
            "dateline",
            "quality_flags",
        ):
            assert field in record


def test_dash_paths_are_stdin_and_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_bytes = "".join(page_line(n) for n in range(3)).encode("utf-8")
    stdout = io.BytesIO()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin_bytes), encoding="utf-8"))
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(stdout, encoding="utf-8"))
    source, sink = open_jsonl("-", "r"), open_jsonl("-", "w")
    stats = extract_jsonl(source, sink, workers=2)
    records = [json.loads(line) for line in stdout.getvalue().decode("utf-8").splitlines()]
    assert stats.pages == 3 and [r["id"] for r in records] == ["p0", "p1", "p2"]


@pytest.mark.parametrize("hang", [HANG_MARKER, f"{HANG_MARKER}-hard"], ids=["timer", "killed-worker"])
def test_a_hanging_page_is_cut_off_recorded_and_the_batch_goes_on(hang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TEST_HANG_ENV, HANG_MARKER)
    lines = [page_line(0), page_line(1, url=f"https://news.example/{hang}"), page_line(2), page_line(3)]
    records, stats = run(lines, workers=2, time_limit_s=0.5)
    assert [r["id"] for r in records] == ["p0", "p1", "p2", "p3"]
    assert records[1]["error"] == "timeout after 0.5s"
    assert records[1]["quality_flags"] == ["timeout"] and records[1]["body"] == ""
    assert stats.timeouts == 1 and stats.pages == 4
    assert all(records[n]["title"] == f"Story number {n}" for n in (0, 2, 3))


def test_a_worker_that_dies_costs_its_page_only_and_the_page_queued_behind_it_is_extracted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One worker holds its running page and the next in its pipe; when it dies, the next one is sent again."""
    monkeypatch.setenv(TEST_HANG_ENV, HANG_MARKER)
    lines = [page_line(n, url=f"https://news.example/{HANG_MARKER}-crash" if n == 1 else None) for n in range(6)]
    records, stats = run(lines, workers=1)
    assert [r["id"] for r in records] == [f"p{n}" for n in range(6)]
    assert records[1]["error"] == "worker process died" and records[1]["quality_flags"] == ["extract_error"]
    assert stats.errors == 1 and stats.timeouts == 0
    assert all(records[n]["title"] == f"Story number {n}" and records[n]["error"] is None for n in (0, 2, 3, 4, 5))


def naive_stamp_line(page_id: str, **extra: str) -> str:
    html = article_html(1).replace("2024-03-02T08:00:00+07:00", "2024-03-02T21:30:00")  # a naive declared time
    return json.dumps({"id": page_id, "url": f"https://news.example/{page_id}", "html": html, **extra}) + "\n"


def test_each_line_may_name_the_zone_its_site_prints_naive_times_in() -> None:
    lines = [
        naive_stamp_line("jakarta", timezone="Asia/Jakarta"),
        naive_stamp_line("default"),
        naive_stamp_line("typo", timezone="Asia/Jakart"),
        naive_stamp_line("empty", timezone=""),
    ]
    records, stats = run(lines, workers=1, default_timezone="Asia/Tokyo")
    by_id = {record["id"]: record for record in records}
    assert by_id["jakarta"]["published_at"] == "2024-03-02T21:30:00+07:00"
    assert by_id["default"]["published_at"] == "2024-03-02T21:30:00+09:00"  # the batch's --timezone
    assert by_id["empty"]["published_at"] == "2024-03-02T21:30:00+09:00"
    # a zone that does not exist is that line's recorded error, not a page read in a wrong zone or a stopped batch
    assert "Asia/Jakart" in by_id["typo"]["error"] and by_id["typo"]["quality_flags"] == ["extract_error"]
    assert stats.errors == 1 and [record["id"] for record in records] == ["jakarta", "default", "typo", "empty"]


def test_garbage_lines_become_error_lines() -> None:
    lines = [
        "this is not json\n",
        json.dumps({"id": "no-html", "url": "https://news.example/x"}) + "\n",
        json.dumps(["a", "list"]) + "\n",
        json.dumps({"id": "binary", "url": "", "html": "\x00\x01\x02" * 50}) + "\n",
        page_line(7),
    ]
    records, stats = run(lines, workers=2)
    assert len(records) == 5 and stats.errors == 3
    assert records[0]["id"] is None and records[0]["error"].startswith("JSONDecodeError")
    assert records[1]["id"] == "no-html" and "no html" in records[1]["error"]
    assert records[1]["quality_flags"] == ["extract_error"]
    assert records[2]["error"] and records[3]["error"] is None and "non_article" in records[3]["quality_flags"]
    assert records[4]["title"] == "Story number 7"


def test_latin1_bytes_in_a_utf8_dump_do_not_crash(tmp_path: Path) -> None:
    html = (
        "<html><head><meta charset='utf-8'><title>Caf\xe9 r\xe9ouvert</title></head><body><p>"
        + ("Le caf\xe9 du port a rouvert ses portes apr\xe8s des mois de travaux. " * 12)
        + "</p></body></html>"
    )
    raw = json.dumps({"id": "latin", "url": "https://news.example/cafe", "html": "HTML"}).encode("utf-8")
    raw = raw.replace(b"HTML", html.encode("latin-1")) + b"\n" + page_line(1).encode("utf-8")
    path = tmp_path / "pages.jsonl"
    path.write_bytes(raw)
    out = io.StringIO()
    with path.open(encoding="utf-8") as strict_stream:  # not open_jsonl: a caller's strict stream must work too
        stats = extract_jsonl(strict_stream, out, workers=1)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert stats.pages == 2 and [r["id"] for r in records] == ["latin", "p1"]
    assert records[0]["error"] is None and "rouvert ses portes" in records[0]["body"]


INDONESIAN = (
    "Pemerintah Indonesia akan meningkatkan anggaran pendidikan tahun depan, kata Menteri Keuangan kepada "
    "wartawan di Jakarta pada hari Senin. Menurut dia, kebijakan ini penting untuk memastikan anak-anak "
    "mendapatkan sekolah yang layak dan guru yang cukup di seluruh provinsi."
)
MALAY = (
    "Kerajaan Malaysia akan meningkatkan peruntukan pendidikan tahun hadapan, kata Menteri Kewangan kepada "
    "pemberita di Kuala Lumpur pada hari Isnin. Menurut beliau, dasar ini penting bagi memastikan kanak-kanak "
    "mendapat persekolahan yang sewajarnya dan bilangan guru yang mencukupi di setiap negeri."
)
ENGLISH = (
    "The government will raise the education budget next year, the finance minister told reporters in the "
    "capital on Monday. He said the policy was needed to make sure every child gets a decent school and enough "
    "teachers in each province."
)


@pytest.mark.parametrize(
    ("text", "hints", "expected"),
    [
        (INDONESIAN, [], "id"),
        (MALAY, [], "ms"),
        (ENGLISH, [], "en"),
        (INDONESIAN, ["en-US"], "id"),  # a template's lang="en" on an Indonesian site
        (MALAY, ["id"], "ms"),
        (ENGLISH, ["id-ID", "id"], "en"),
        ("Berita singkat hari ini.", ["ms-MY"], "ms"),  # too short to identify: the declaration decides
    ],
)
def test_language_identification(text: str, hints: list[str], expected: str) -> None:
    assert detect_language(text, hints) == expected


def test_an_indonesian_page_declared_english_is_indonesian() -> None:
    html = f"<html lang='en'><head><title>Anggaran</title></head><body><article><p>{INDONESIAN}</p><p>{INDONESIAN}</p>"
    record_lines, _ = run([json.dumps({"id": "x", "url": "https://berita.example/a", "html": html}) + "\n"], workers=1)
    assert record_lines[0]["language"] == "id"

"""Extraction benchmark: our batch extractor against trafilatura on a labelled page set, scored the same way.

    .venv/bin/python bench/extraction.py ../shared/extraction-dev [--workers 2] [--limit N] [--strip-metadata]
    .venv/bin/python bench/extraction.py bench/platform-pages --scorer ../shared/extraction-dev/score.py

DATASET_DIR holds `pages/<id>.html.gz`, `truth.jsonl` and `score.py` (the set's own scorer, imported from there so
both extractors are judged by exactly its metric definitions; `--scorer` names it for a set that ships none, such as
bench/platform-pages, so its figures are scored like the dev set's). Ours runs through `extract_jsonl`, the same door
`newscorpus extract` uses, with `--workers` processes; trafilatura runs `bare_extraction` with metadata in this one
process. The pages are only read from DATASET_DIR; nothing of them is copied into the repository.
The last line printed is one JSON object: {"ours": {...}, "trafilatura": {...}, "speed_ratio": ...}.

`--strip-metadata` removes the JSON-LD blocks and the <meta> tags that declare a title, date or author before both
extractors see the pages: what is left is what the page prints. Many sites declare little or nothing, and on a set
whose pages mostly do, this is how to see whether the rules that read bylines and date stamps hold up on their own.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import trafilatura

from newscorpus.extract.batch import extract_jsonl
from newscorpus.extract.document import decode_html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset_dir", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of truth.jsonl")
    parser.add_argument("--strip-metadata", action="store_true", help="drop JSON-LD and metadata <meta> tags first")
    parser.add_argument(
        "--scorer", type=Path, default=None, help="the scorer to judge by (default: DATASET_DIR/score.py)"
    )
    args = parser.parse_args(argv)

    scorer = load_scorer(args.scorer or args.dataset_dir / "score.py")
    truth = [json.loads(line) for line in (args.dataset_dir / "truth.jsonl").open(encoding="utf-8") if line.strip()]
    truth = truth[: args.limit] if args.limit else truth
    with tempfile.TemporaryDirectory(prefix="extraction-bench-") as tmp:
        work = Path(tmp)
        truth_dir = work / "set"
        truth_dir.mkdir()
        with (truth_dir / "truth.jsonl").open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in truth)
        pages_file = work / "pages.jsonl"
        with pages_file.open("w", encoding="utf-8") as out:
            for page in read_pages(args.dataset_dir, truth):
                if args.strip_metadata:
                    page["html"] = strip_metadata(page["html"])
                out.write(json.dumps(page, ensure_ascii=False) + "\n")

        ours_file = work / "ours.jsonl"
        with pages_file.open(encoding="utf-8") as pages, ours_file.open("w", encoding="utf-8") as out:
            stats = extract_jsonl(pages, out, workers=args.workers)
        ours_speed = stats.pages / stats.seconds

        trafilatura_file = work / "trafilatura.jsonl"
        trafilatura_speed = run_trafilatura(pages_file, trafilatura_file)

        results = {
            "ours": summarize(scorer.score(truth_dir, ours_file), ours_speed),
            "trafilatura": summarize(scorer.score(truth_dir, trafilatura_file), trafilatura_speed),
        }
    results["ours"]["workers"] = args.workers
    results["ours"].update(errors=stats.errors, timeouts=stats.timeouts)
    results["trafilatura"]["workers"] = 1
    results["speed_ratio"] = round(ours_speed / trafilatura_speed, 3)
    print_table(results)
    print(json.dumps(results))
    return 0


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("extraction_set_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_pages(dataset_dir: Path, truth: list[dict[str, Any]]) -> Iterator[dict[str, str]]:
    for row in truth:
        with gzip.open(dataset_dir / "pages" / f"{row['id']}.html.gz", "rb") as f:
            yield {"id": row["id"], "url": row.get("url") or "", "html": page_text(f.read())}


def page_text(raw: bytes) -> str:
    """The page as both extractors get it. The sets are stored in UTF-8, and a page re-encoded to UTF-8 may still
    declare its old charset, so bytes that are valid UTF-8 are read as such; a page stored in its own legacy charset
    (windows-1252, ISO-8859-2) is decoded by its declaration as a browser would, not garbled into U+FFFD."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_html(raw)


_JSON_LD = re.compile(r"<script[^>]*application/ld\+json[^>]*>.*?</script>", re.IGNORECASE | re.DOTALL)
_METADATA_TAG = re.compile(
    r"<meta[^>]*(?:property|name|itemprop)\s*=\s*[\"']?(?:article:|og:|twitter:|dc\.|dcterms\.|parsely|sailthru|"
    r"citation_|author|date|pubdate|publish|title|datePublished|dateModified)[^>]*>",
    re.IGNORECASE,
)


def strip_metadata(html: str) -> str:
    """The page without its declarations (JSON-LD, og:/article:/twitter:/Dublin Core/author/date <meta> tags); the
    markup is otherwise left byte for byte as it was."""
    return _METADATA_TAG.sub("", _JSON_LD.sub("", html))


def run_trafilatura(pages_file: Path, predictions_file: Path) -> float:
    """trafilatura 2.x bare_extraction with metadata, one process; pages per second."""
    pages = [json.loads(line) for line in pages_file.open(encoding="utf-8")]
    started = time.monotonic()
    with predictions_file.open("w", encoding="utf-8") as out:
        for page in pages:
            try:
                doc = trafilatura.bare_extraction(page["html"], url=page["url"] or None, with_metadata=True)
            except Exception:  # a failure is an empty prediction, as it would be for a user
                doc = None
            record = {
                "id": page["id"],
                "title": getattr(doc, "title", None),
                "authors": getattr(doc, "author", None),
                "published_at": getattr(doc, "date", None),
                "body": getattr(doc, "text", None) or "",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(pages) / (time.monotonic() - started)


def summarize(rows: dict[str, dict[str, Any]], pages_per_s: float) -> dict[str, Any]:
    overall = rows["all"]
    summary: dict[str, Any] = {
        "body_f1": round(overall["body_f1"], 4),
        "body_precision": round(overall["body_p"], 4),
        "body_recall": round(overall["body_r"], 4),
        "title": _accuracy(overall, "title"),
        "date": _accuracy(overall, "date"),
        "authors": _accuracy(overall, "authors"),
        "pages_per_s": round(pages_per_s, 2),
        "missing": overall["missing"],
    }
    summary["by_set"] = {
        name: {
            "n": row["n"],
            "body_f1": round(row["body_f1"], 4),
            "body_precision": round(row["body_p"], 4),
            "body_recall": round(row["body_r"], 4),
            "title": _accuracy(row, "title"),
            "date": _accuracy(row, "date"),
            "authors": _accuracy(row, "authors"),
        }
        for name, row in rows.items()
        if name != "all"
    }
    return summary


def _accuracy(row: dict[str, Any], field: str) -> float | None:
    """The scorer's accuracy for a field, or None (JSON null, "n/a" in the table) when no page of the group has
    that field in its truth: the scorer reports 0 there, which would read as a total failure."""
    if row.get(f"n_{field}", 1) == 0:
        return None
    return round(row[field], 4)


def _cell(value: float | None, width: int) -> str:
    return f"{'n/a':>{width}}" if value is None else f"{value:>{width}.3f}"


def print_table(results: dict[str, Any]) -> None:
    header = f"{'extractor':<12}{'set':<8}{'n':>5}{'bodyF1':>8}{'P':>7}{'R':>7}{'title':>7}{'date':>7}{'auth':>7}"
    print(header)
    for name in ("ours", "trafilatura"):
        summary = results[name]
        rows = [*summary["by_set"].items(), ("all", {**summary, "n": sum(r["n"] for r in summary["by_set"].values())})]
        for group, row in rows:
            print(
                f"{name:<12}{group:<8}{row['n']:>5}{row['body_f1']:>8.3f}{row['body_precision']:>7.3f}"
                f"{row['body_recall']:>7.3f}{_cell(row['title'], 7)}{_cell(row['date'], 7)}{_cell(row['authors'], 7)}"
            )
        print(f"{name:<12}pages/s {summary['pages_per_s']:.1f}")
    print(f"speed ratio (ours / trafilatura): {results['speed_ratio']:.2f}")


if __name__ == "__main__":
    sys.exit(main())

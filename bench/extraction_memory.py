"""Memory over a long extraction batch: feeds many pages through `extract_jsonl` (the `newscorpus extract` door) and
prints the resident memory of the parent and of its worker processes at intervals.

    .venv/bin/python bench/extraction_memory.py ../shared/extraction-dev [--pages 5000] [--every 500] [--workers 2]

The pages of DATASET_DIR (`pages/<id>.html.gz`) are replayed in a loop until --pages lines have gone through, each
with a fresh id, so a run of any length needs no corpus of that size; the output is counted, not kept. "Memory
stays flat" means the worker total stops growing after the first worker recycle (MAX_PAGES_PER_WORKER) and the
parent stays where it started. The last line is one JSON object with the samples.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newscorpus.extract.batch import extract_jsonl


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset_dir", type=Path)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--every", type=int, default=500, help="print memory every this many pages")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)

    pages = load_pages(args.dataset_dir)
    if not pages:
        raise SystemExit(f"no pages under {args.dataset_dir / 'pages'}")
    sink = _MemorySink(args.every)
    stats = extract_jsonl(_replay(pages, args.pages), sink, workers=args.workers)  # type: ignore[arg-type]
    sink.sample()
    result = {
        "pages": stats.pages,
        "errors": stats.errors,
        "timeouts": stats.timeouts,
        "pages_per_s": round(stats.pages_per_second, 2),
        "samples": sink.samples,
    }
    print(json.dumps(result))
    return 0


def load_pages(dataset_dir: Path) -> list[dict[str, str]]:
    pages = []
    for path in sorted((dataset_dir / "pages").glob("*.html.gz")):
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            pages.append({"id": path.name.removesuffix(".html.gz"), "url": "", "html": f.read()})
    return pages


def _replay(pages: list[dict[str, str]], count: int) -> Iterator[str]:
    for n in range(count):
        page = pages[n % len(pages)]
        yield json.dumps({**page, "id": f"{page['id']}#{n}"}, ensure_ascii=False) + "\n"


class _MemorySink:
    """An output stream that counts lines and samples RSS every `every` lines."""

    def __init__(self, every: int) -> None:
        self.every = max(1, every)
        self.lines = 0
        self.samples: list[dict[str, Any]] = []
        self.started = time.monotonic()

    def write(self, text: str) -> int:
        before = self.lines
        self.lines += text.count("\n")
        if self.lines // self.every > before // self.every:
            self.sample()
        return len(text)

    def flush(self) -> None:
        pass

    def sample(self) -> None:
        workers = [_rss_mib(pid) for pid in _children(os.getpid())]
        row = {
            "pages": self.lines,
            "seconds": round(time.monotonic() - self.started, 1),
            "parent_mib": _rss_mib(os.getpid()),
            "workers_mib": [w for w in workers if w is not None],
        }
        self.samples.append(row)
        print(
            f"{row['pages']:>8} pages {row['seconds']:>8.1f}s  parent {row['parent_mib']:.1f} MiB  "
            + (
                f"workers {' '.join(f'{w:.1f}' for w in row['workers_mib'])} MiB"
                if row["workers_mib"]
                else "workers done"
            ),
            file=sys.stderr,
            flush=True,
        )


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


if __name__ == "__main__":
    sys.exit(main())

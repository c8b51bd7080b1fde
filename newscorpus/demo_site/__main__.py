"""python -m newscorpus.demo_site --date 2026-11-20 --out DIR [--serve]: render the demo site, optionally serve it."""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
import threading
from pathlib import Path

from newscorpus.demo_site.content import OUTLETS
from newscorpus.demo_site.registry import SOURCES_YAML, demo_env
from newscorpus.demo_site.render import render_site
from newscorpus.demo_site.server import serve_site


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m newscorpus.demo_site",
        description="Render the local demo news site for a crawl date and optionally serve it on 127.0.0.1.",
    )
    parser.add_argument("--date", required=True, type=dt.date.fromisoformat, help="crawl date, YYYY-MM-DD")
    parser.add_argument("--out", required=True, type=Path, help="directory to write the site into")
    parser.add_argument(
        "--first-date",
        type=dt.date.fromisoformat,
        default=None,
        help="also publish older days back to this date (YYYY-MM-DD), for backfills",
    )
    parser.add_argument("--serve", action="store_true", help="serve the site until Ctrl-C")
    parser.add_argument(
        "--broken",
        action="append",
        default=[],
        choices=OUTLETS,
        metavar="OUTLET",
        help="render this outlet's articles without body text (as after a bad redesign); repeatable",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    render_site(args.out, args.date, broken_outlets=frozenset(args.broken), first_date=args.first_date)
    print(f"rendered the demo site for {args.date} into {args.out}", flush=True)
    if not args.serve:
        return 0
    stop = threading.Event()
    # Ctrl-C and a service manager's SIGTERM both stop the servers. SIGINT gets its handler here: Python keeps it
    # ignored when it starts with it ignored, as a script's background job (`nohup … &`) does
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with serve_site(args.out) as urls:
        for outlet_id, url in urls.items():
            print(f"{outlet_id}: {url}/", flush=True)
        print(f"\nsource registry: {SOURCES_YAML}\nexport these to use it:", flush=True)
        # NEWSCORPUS_SOURCES too: without it the pipeline reads ./sources.yaml, which has no demo outlet.
        for name, value in {"NEWSCORPUS_SOURCES": str(SOURCES_YAML.resolve()), **demo_env(urls)}.items():
            print(f"export {name}={value}", flush=True)
        print("serving; press Ctrl-C to stop", flush=True)
        while not stop.wait(timeout=1.0):
            pass
    print("stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

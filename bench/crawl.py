"""Benchmark: our crawler (WARC landing, crawl log, guards, manifest) against a bare Scrapy spider that only fetches.

    .venv/bin/python bench/crawl.py [--pages 2000] [--concurrency 16] [--rounds 1]

Serves N generated article pages (about 6 KB each, listed in one sitemap) on 127.0.0.1 and crawls them, in the same
run, with (1) newscorpus.crawl.crawl_source (the `news` spider: robots.txt, request guard, offsite filter, retry
middleware, WARC gzip per record, crawl log, stats.json, then manifest.json + _SUCCESS) and (2) a bare
scrapy.Spider run with `scrapy runspider` that reads the same sitemap and fetches every page, doing nothing with
it. Politeness is off for both (DOWNLOAD_DELAY 0, AutoThrottle off, the same concurrency). Both run as a Scrapy
subprocess, and both are timed by Scrapy's own start_time/finish_time (so interpreter start-up is left out of
both); ours also pays finalize_landed_crawl (the manifest re-reads every WARC file), which is added to its time.
With --rounds > 1 the two alternate and each reports its best round. CPU seconds per page (the Scrapy process,
interpreter start-up included, plus our manifest) are reported too: on a shared, loaded machine wall-clock rates
swing with the neighbours, CPU per page much less.
Last line: one JSON object {"ours_pages_per_s", "bare_pages_per_s", "overhead", "overhead_cpu", ...};
overhead = 1 - ours / bare pages per second, overhead_cpu = 1 - bare / ours CPU seconds per page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import scrapy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DAY = dt.date(2026, 11, 20)
PARAGRAPH = (
    "The harbour authority said on Friday that repairs to the eastern wall would start in the spring and take "
    "about eighteen months, with the basin kept open to fishing boats throughout the work. "
)


class BareSpider(scrapy.Spider):
    """Fetches every <loc> of one sitemap and nothing else: what Scrapy costs with no work on the responses."""

    name = "bare"

    def __init__(self, sitemap: str = "", stats_out: str = "", **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.sitemap = sitemap
        self.stats_out = stats_out

    async def start(self):  # noqa: ANN201 (Scrapy's async start)
        yield scrapy.Request(self.sitemap, callback=self.parse_sitemap)

    def parse_sitemap(self, response):  # noqa: ANN001, ANN201
        for url in response.xpath("//*[local-name()='loc']/text()").getall():
            yield scrapy.Request(url, callback=self.parse_page)

    def parse_page(self, response) -> None:  # noqa: ANN001
        return None

    def closed(self, reason: str) -> None:
        stats = dict(self.crawler.stats.get_stats())
        stats.setdefault("finish_time", dt.datetime.now(dt.UTC))  # CoreStats sets it after this hook
        Path(self.stats_out).write_text(json.dumps(stats, default=_iso), encoding="utf-8")


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.datetime) else str(value)


def _site(pages: int) -> dict[str, bytes]:
    body = "".join(f"<p>{PARAGRAPH * 3}</p>" for _ in range(6))
    site = {
        f"/news/{n:06d}.html": (
            f"<!doctype html><html><head><meta charset='utf-8'><title>Story {n}</title></head>"
            f"<body><h1>Story {n}</h1>{body}<p>Story number {n}.</p></body></html>"
        ).encode()
        for n in range(pages)
    }
    site["/robots.txt"] = b"User-agent: *\nAllow: /\n"
    return site


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    site: dict[str, bytes] = {}
    base = ""

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/sitemap.xml":
            locs = "".join(
                f"<url><loc>{self.base}{p}</loc><lastmod>{DAY}</lastmod></url>"
                for p in self.site
                if p.startswith("/news/")
            )
            body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()
        else:
            body = self.site.get(self.path, b"")
        self.send_response(200 if body else 404)
        self.send_header(
            "Content-Type", "application/xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
        )
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _elapsed(stats: dict) -> float:
    start = dt.datetime.fromisoformat(str(stats["start_time"]).replace("Z", "+00:00"))
    finish = dt.datetime.fromisoformat(str(stats["finish_time"]).replace("Z", "+00:00"))
    return (finish - start).total_seconds()


def run_ours(base: str, pages: int, concurrency: int, data_root: Path, round_no: int, jobdir: bool = True) -> dict:
    import logging

    from newscorpus.crawl import crawl_source
    from newscorpus.sources import Politeness, Source

    logging.getLogger("newscorpus.crawl").setLevel(logging.WARNING)
    source = Source(
        id="bench",
        name="Bench",
        language="en",
        timezone="UTC",
        home=base + "/",
        allowed_domains=("127.0.0.1",),
        sitemaps=(base + "/sitemap.xml",),
        article_pattern=r"/news/\d+\.html$",
        max_pages=0,
        politeness=Politeness(download_delay=0.0, concurrency=concurrency, autothrottle=False),
    )
    cpu_before = _children_cpu_s()
    result = crawl_source(
        source,
        crawl_date=DAY,
        run_id=f"bench-{round_no}",
        data_root=data_root,
        allowed_networks=["127.0.0.1/32"],
        extra_settings={
            "CONCURRENT_REQUESTS": str(concurrency),
            "LOG_LEVEL": "WARNING",
            **({} if jobdir else {"JOBDIR": ""}),  # "": Scrapy keeps its queue in memory, no resume
        },
        skip_published=False,
    )
    crawl_cpu_s = _children_cpu_s() - cpu_before
    # finalize_landed_crawl ran after Scrapy's finish_time: time it again on the landed files for the record.
    from newscorpus.crawl import build_manifest

    started, started_cpu = time.perf_counter(), time.process_time()
    build_manifest(Path(result.crawl_dir))
    finalize_s, finalize_cpu_s = time.perf_counter() - started, time.process_time() - started_cpu
    crawl_s = _elapsed(result.stats)
    fetched = result.stats.get("newscorpus/article_responses", 0)
    return {
        "pages": fetched,
        "crawl_s": crawl_s,
        "finalize_s": finalize_s,
        "seconds": crawl_s + finalize_s,
        "cpu_s": crawl_cpu_s + finalize_cpu_s,
    }


def run_bare(base: str, concurrency: int, scratch: Path) -> dict:
    stats_out = scratch / f"bare-stats-{time.monotonic_ns()}.json"
    command = [
        sys.executable, "-m", "scrapy", "runspider", str(Path(__file__).resolve()),
        "-a", f"sitemap={base}/sitemap.xml", "-a", f"stats_out={stats_out}",
        "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "ROBOTSTXT_OBEY=False",
        "-s", f"CONCURRENT_REQUESTS={concurrency}", "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}",
        "-s", "TELNETCONSOLE_ENABLED=False", "-s", "REMOTE_CONTROL_ENABLED=False", "-s", "LOG_LEVEL=WARNING",
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    cpu_before = _children_cpu_s()
    subprocess.run(command, check=True, cwd=scratch, env=env, stdin=subprocess.DEVNULL)
    cpu_s = _children_cpu_s() - cpu_before
    stats = json.loads(stats_out.read_text())
    fetched = stats.get("downloader/response_status_count/200", 0) - 1  # minus the sitemap
    seconds = _elapsed(stats)
    return {"pages": fetched, "crawl_s": seconds, "finalize_s": 0.0, "seconds": seconds, "cpu_s": cpu_s}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--no-jobdir",
        action="store_true",
        help="run ours without Scrapy's JOBDIR (its disk queue pickles every request; resume then rests on the "
        "crawl log alone)",
    )
    args = parser.parse_args()

    _Handler.site = _site(args.pages)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _Handler.base = base
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving {args.pages} pages at {base}; concurrency {args.concurrency}, delays off", flush=True)
    ours: list[dict] = []
    bare: list[dict] = []
    try:
        with tempfile.TemporaryDirectory(prefix="bench-crawl-") as scratch:
            for round_no in range(1, args.rounds + 1):
                print(f"round {round_no}: bare Scrapy spider ...", flush=True)
                bare.append(run_bare(base, args.concurrency, Path(scratch)))
                b = bare[-1]
                print(f"  bare: {b['pages']} pages in {b['seconds']:.2f} s ({b['cpu_s']:.2f} s CPU)", flush=True)
                print(f"round {round_no}: newscorpus spider (WARC landing) ...", flush=True)
                ours.append(
                    run_ours(base, args.pages, args.concurrency, Path(scratch) / "data", round_no, not args.no_jobdir)
                )
                o = ours[-1]
                print(
                    f"  ours: {o['pages']} pages in {o['crawl_s']:.2f} s crawl + {o['finalize_s']:.2f} s manifest "
                    f"({o['cpu_s']:.2f} s CPU, interpreter start-up included)",
                    flush=True,
                )
    finally:
        server.shutdown()
        server.server_close()
    best_ours = max(ours, key=lambda r: r["pages"] / r["seconds"])
    best_bare = max(bare, key=lambda r: r["pages"] / r["seconds"])
    for name, best in (("ours", best_ours), ("bare", best_bare)):
        if best["pages"] != args.pages:
            print(f"warning: {name} fetched {best['pages']} of {args.pages} pages", flush=True)
    ours_rate = best_ours["pages"] / best_ours["seconds"]
    bare_rate = best_bare["pages"] / best_bare["seconds"]
    overhead = 1 - ours_rate / bare_rate
    ours_cpu = min(r["cpu_s"] / r["pages"] for r in ours)
    bare_cpu = min(r["cpu_s"] / r["pages"] for r in bare)
    overhead_cpu = 1 - bare_cpu / ours_cpu
    load = os.getloadavg()[0]
    print(f"ours {ours_rate:.1f} pages/s, bare {bare_rate:.1f} pages/s, overhead {overhead:.1%} (goal <= 15%)")
    print(
        f"CPU per page: ours {ours_cpu * 1000:.2f} ms, bare {bare_cpu * 1000:.2f} ms, overhead {overhead_cpu:.1%}; "
        f"load average {load:.1f} on {os.cpu_count()} cores (wall-clock rates are only comparable on an idle machine)"
    )
    print(
        json.dumps(
            {
                "ours_pages_per_s": round(ours_rate, 1),
                "bare_pages_per_s": round(bare_rate, 1),
                "overhead": round(overhead, 3),
                "pages": args.pages,
                "concurrency": args.concurrency,
                "rounds": args.rounds,
                "jobdir": not args.no_jobdir,
                "ours_manifest_s": round(best_ours["finalize_s"], 3),
                "ours_cpu_ms_per_page": round(ours_cpu * 1000, 3),
                "bare_cpu_ms_per_page": round(bare_cpu * 1000, 3),
                "overhead_cpu": round(overhead_cpu, 3),
                "load_average": round(load, 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

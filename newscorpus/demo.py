"""`make demo`: the whole pipeline on a local news site, through Airflow, in one command.

It renders the shipped demo site, serves each outlet on 127.0.0.1, runs the real DAG with `airflow dags test` on a
project-local AIRFLOW_HOME, then prints where the corpus, the quality report and the catalog are, with a sample
query. The site's servers stop when the demo ends, whether it succeeded or not.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from newscorpus import airflow_local
from newscorpus.catalog import catalog_path, query
from newscorpus.demo_site import SOURCES_YAML, demo_env, render_site, serve_site
from newscorpus.settings import data_root
from newscorpus.tables import format_table

DEMO_DATE = dt.date(2026, 11, 20)
DEMO_SOURCES = SOURCES_YAML
SAMPLE_QUERY = """
SELECT source, count(*) AS articles, round(avg(word_count)) AS avg_words,
       count(*) FILTER (WHERE agency IS NOT NULL) AS wire_copies,
       min(published_at) AS first_published, max(published_at) AS last_published
FROM articles GROUP BY source ORDER BY source
""".strip()
SAMPLE_ARTICLES = """
SELECT source, title, authors, editors, agency, dateline, published_at
FROM articles WHERE source = 'korankota' ORDER BY published_at DESC LIMIT 3
""".strip()

_OUR_LOG = re.compile(r"\[(?:info|warning|error)\s*\] (?P<message>.*?)\s*\[newscorpus\.")
_TASK_DONE = re.compile(r"Pushing xcom .*task_id='(?P<task>[a-z_]+)'.*?map_index=(?P<index>-?\d+)")


def _progress(line: str) -> None:
    """Airflow's own output is long; show what each stage did and each task that finished."""
    if match := _OUR_LOG.search(line):
        message = match["message"]
        if not message.startswith("[scrapy ") or re.search(r"Spider closed|ERROR", message):
            print(f"      {message}", flush=True)
    elif match := _TASK_DONE.search(line):
        index = "" if match["index"] == "-1" else f"[{match['index']}]"
        print(f"    ✓ {match['task']}{index}", flush=True)
    elif "Task failed with exception" in line:
        print("    ✗ a task failed (the log follows at the end)", flush=True)


def run_demo(crawl_date: dt.date = DEMO_DATE, *, airflow_home: Path | None = None, verbose: bool = False) -> int:
    """Run the demo; 0 when the DAG run succeeded, else its exit code.

    AIRFLOW_HOME defaults to .airflow/ in the current directory, beside the default ./data: run from the repository
    that is where `make demo` and `make clean` expect it, and an installed package has no repository to write into
    (site-packages is no place for run-time state)."""
    root = data_root()
    airflow_home = airflow_home or Path(".airflow").resolve()
    site_root = root / "demo-site"
    print(f"[1/4] rendering the demo news site for {crawl_date} into {site_root}", flush=True)
    render_site(site_root, crawl_date)
    with serve_site(site_root) as urls:
        for outlet, url in urls.items():
            print(f"      {outlet:<16} {url}", flush=True)
        env = airflow_local.airflow_env(
            airflow_home,
            {**demo_env(urls), "NEWSCORPUS_SOURCES": str(DEMO_SOURCES), "NEWSCORPUS_DATA": str(root)},
        )
        print(f"[2/4] preparing Airflow (AIRFLOW_HOME={airflow_home}, SQLite)", flush=True)
        airflow_local.migrate(env)
        print(f"[3/4] airflow dags test {airflow_local.DAG_ID} {crawl_date}", flush=True)
        code, output = airflow_local.dags_test(
            env, crawl_date.isoformat(), on_line=(lambda line: print(line, flush=True)) if verbose else _progress
        )
    if code != 0:
        print(output[-6000:], file=sys.stderr)
        print(f"the DAG run failed (exit {code}); the log above says which task and why", file=sys.stderr)
        return code
    print("[4/4] done", flush=True)
    print(f"\ncorpus (Parquet):  {root / 'published'}")
    print(f"quality report:    {root / 'reports' / 'data_docs' / 'index.html'}")
    print(f"corpus report:     {root / 'reports' / 'corpus' / 'index.html'}")
    print(f"catalog (DuckDB):  {catalog_path(root)}")
    print(f"raw WARC:          {root / 'raw'}")
    for sql in (SAMPLE_QUERY, SAMPLE_ARTICLES):
        print(f'\n$ newscorpus query "{" ".join(sql.split())}"')
        columns, rows = query(root, sql)
        print(format_table(columns, rows))
    return 0

"""How the news_corpus DAG is scheduled and bounded: read by the DAG file at parse time and by the local Airflow
setup, so the pool the DAG names and the pool `airflow_local.migrate` creates can never disagree.

Everything here is cheap to import (the DAG processor parses the DAG file often) and comes from the environment,
so an operator changes the schedule or the crawl concurrency without editing code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from datetime import timedelta

DAG_ID = "news_corpus"

# NEWSCORPUS_SCHEDULE: a cron expression or an Airflow preset (@daily, @hourly ...); "none" or "manual" means the
# DAG only runs when triggered (or backfilled). The default is daily, after outlets in UTC+7..UTC+9 have
# published their evening editions.
DEFAULT_SCHEDULE = "0 6 * * *"
_MANUAL = {"", "none", "manual", "off"}

# The pool that bounds how many crawls run at once across all workers (each crawl is a Scrapy subprocess holding
# sockets and memory); docker-compose.yml's init service creates it with the same name.
CRAWL_POOL = "crawl"
DEFAULT_CRAWL_POOL_SLOTS = 4
CRAWL_POOL_SLOTS_VARIABLE = "NEWSCORPUS_CRAWL_POOL_SLOTS"
# The name docker-compose's .env used before it took the package's name; still read when the new one is unset, so
# an existing .env keeps its pool size.
LEGACY_CRAWL_POOL_SLOTS_VARIABLE = "CRAWL_POOL_SLOTS"

# Network-bound work (the crawl) is retried with exponential backoff: 5 min, 10 min, capped at 30 min.
CRAWL_RETRIES = 2
CRAWL_RETRY_DELAY = timedelta(minutes=5)
CRAWL_RETRY_BACKOFF = 2.0
CRAWL_MAX_RETRY_DELAY = timedelta(minutes=30)

# execution_timeout of each task. The crawl's Scrapy subprocess gets CRAWL_SUBPROCESS_TIMEOUT and the Airflow
# timeout leaves it room to write its WARC and stats before Airflow kills the task.
CRAWL_SUBPROCESS_TIMEOUT = timedelta(hours=1)
TASK_TIMEOUTS = {
    "plan": timedelta(minutes=5),
    "crawl": CRAWL_SUBPROCESS_TIMEOUT + timedelta(minutes=15),
    "extract": timedelta(hours=1),
    "transform": timedelta(minutes=30),
    "cluster": timedelta(minutes=30),
    "gate": timedelta(minutes=30),
    "refresh_catalog": timedelta(minutes=15),
    "announce": timedelta(minutes=5),
    "build_reports": timedelta(minutes=30),
    "summarize": timedelta(minutes=5),
}


def schedule() -> str | None:
    """The DAG's schedule from NEWSCORPUS_SCHEDULE; None (manual/backfill only) for "none"."""
    value = os.environ.get("NEWSCORPUS_SCHEDULE", DEFAULT_SCHEDULE).strip()
    return None if value.lower() in _MANUAL else value


def crawl_pool_slots(env: Mapping[str, str] | None = None) -> int:
    """Slots of the crawl pool (NEWSCORPUS_CRAWL_POOL_SLOTS, else the older CRAWL_POOL_SLOTS, default 4): crawls
    that may run at once. The one reading of the setting, for the local setup (airflow_local.migrate) and for
    docker-compose's airflow-init (`python -m newscorpus.dag_config crawl-pool-slots`), so a typo fails both the
    same way, naming the variable, instead of reaching `airflow pools set`. An empty value counts as unset (compose
    passes an unset variable as "")."""
    env = os.environ if env is None else env
    for name in (CRAWL_POOL_SLOTS_VARIABLE, LEGACY_CRAWL_POOL_SLOTS_VARIABLE):
        raw = (env.get(name) or "").strip()
        if raw:
            break
    else:
        return DEFAULT_CRAWL_POOL_SLOTS
    try:
        slots = int(raw)
    except ValueError:
        slots = 0
    if slots < 1:
        raise ValueError(f"{name} must be a whole number of crawl slots >= 1, got {raw!r}")
    return slots


def main(argv: list[str] | None = None) -> int:
    """`python -m newscorpus.dag_config crawl-pool-slots`: print the validated slot count (docker-compose's
    airflow-init reads it before `airflow pools set`); exit 2 with the reason when the setting is wrong."""
    args = sys.argv[1:] if argv is None else argv
    if args != ["crawl-pool-slots"]:
        print("usage: python -m newscorpus.dag_config crawl-pool-slots", file=sys.stderr)
        return 2
    try:
        print(crawl_pool_slots())
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

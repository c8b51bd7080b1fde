"""The distributed engine for real: Airflow on its own PostgreSQL database, CeleryExecutor on Redis, two Celery
workers (concurrency 1 each) on 127.0.0.1, one DAG run spread across them, and a worker lost in the middle of a task.

Needs PostgreSQL and Redis (the AIRFLOW__DATABASE__SQL_ALCHEMY_CONN / AIRFLOW__CELERY__BROKER_URL /
AIRFLOW__CELERY__RESULT_BACKEND variables docker-compose.yml sets, defaulting to 127.0.0.1). Without them the module
skips and says how to run it; with NEWSCORPUS_REQUIRE_CLUSTER=1 (CI) it fails instead.

The tests share one cluster and run in file order: two workers, then one of them killed, then the survivor alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import published_files

from newscorpus import airflow_local
from newscorpus.airflow_services import (
    AirflowServices,
    ClusterDatabase,
    celery_env,
    cluster_connections,
    missing_cluster_services,
    services_env,
    wait_for_run,
)
from newscorpus.demo import DEMO_DATE
from newscorpus.demo_site import OUTLETS, SOURCES_YAML, demo_env, render_site, serve_site, truth
from newscorpus.demo_site import server as demo_server

pytestmark = [pytest.mark.cluster, pytest.mark.slow]

RUN_TIMEOUT_S = 600
# Columns that record when and from which bytes a row was built; two independent crawls of the same site differ
# there and nowhere else.
PER_CRAWL_COLUMNS = ("run_id", "warc_file", "warc_offset", "first_seen_at")
WALL_TIMES: dict[str, float] = {}
# Airflow keeps one run per logical date; each test's run is another hour of the demo date (crawl_date stays
# the date of the logical date).
LOGICAL_DATES = {name: f"{DEMO_DATE}T{hour:02d}:00:00Z" for hour, name in enumerate(("spread", "kill", "one"))}
# Per-response delay of the demo site during the timed runs: a crawl then lasts several seconds, so the three
# mapped crawls are all waiting at once and each free worker takes one (without it a crawl of the small demo site
# can end before the scheduler queues the next, and one worker may take them all).
CRAWL_RESPONSE_DELAY_S = 0.3


@dataclass
class Cluster:
    services: AirflowServices
    data: Path
    site_urls: dict[str, str]
    hostnames: dict[str, str] = field(default_factory=dict)  # worker service name -> hostname on its task instances
    site_delay_s: list[float] = field(default_factory=lambda: [0.0])

    @property
    def client(self):  # noqa: ANN201
        return self.services.client()

    def live_workers(self) -> dict[str, str]:
        return {name: host for name, host in self.hostnames.items() if self.services.processes[name].poll() is None}

    def start_worker(self, name: str) -> None:
        self.hostnames[name] = self.services.start_celery_worker(name, concurrency=1)
        log = self.services.log_dir / f"{name}.log"
        self.services.wait_for(lambda: " ready." in log.read_text(errors="replace"), 120, f"celery {name} ready")

    def run(self, logical_date: str) -> tuple[str, dict, list[dict]]:
        """Trigger, wait, and return (run_id, run, task instances); the wall time goes into WALL_TIMES by caller."""
        run_id = self.client.trigger(logical_date)
        run = wait_for_run(self.services, run_id, RUN_TIMEOUT_S)
        return run_id, run, self.client.task_instances(run_id)


@contextlib.contextmanager
def _adjustable_delay(delay: list[float]) -> Iterator[None]:
    """Every demo-site response waits delay[0] seconds first: a crawl then lasts long enough to lose a worker in."""
    respond = demo_server._StaticSiteHandler._respond

    def slow_respond(self, *, send_body: bool) -> None:  # noqa: ANN001
        time.sleep(delay[0])
        respond(self, send_body=send_body)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(demo_server._StaticSiteHandler, "_respond", slow_respond)
        yield


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    connections = cluster_connections()
    missing = missing_cluster_services(connections)
    if missing:
        message = (
            "the Celery cluster test needs PostgreSQL and Redis: "
            + "; ".join(missing)
            + ". Start them (or set AIRFLOW__DATABASE__SQL_ALCHEMY_CONN / AIRFLOW__CELERY__BROKER_URL /"
            " AIRFLOW__CELERY__RESULT_BACKEND) and run `make test-cluster`."
        )
        if os.environ.get("NEWSCORPUS_REQUIRE_CLUSTER") == "1":
            pytest.fail(message + " (NEWSCORPUS_REQUIRE_CLUSTER=1 makes this a failure)")
        pytest.skip(message)

    root = tmp_path_factory.mktemp("cluster")
    render_site(root / "site", DEMO_DATE)
    delay = [0.0]
    with (
        _adjustable_delay(delay),
        serve_site(root / "site") as urls,
        ClusterDatabase(connections) as database,
    ):
        data = root / "data"
        env = services_env(
            root / "airflow-home",
            {
                **demo_env(urls),
                "NEWSCORPUS_SOURCES": str(SOURCES_YAML),
                "NEWSCORPUS_DATA": str(data),
                **celery_env(database, queue=f"newscorpus-{secrets.token_hex(4)}"),
                # The crawl retries with exponential backoff from 5 minutes; a test cannot wait that long.
                "AIRFLOW__CORE__MAX_TASK_RETRY_DELAY": "5",
            },
        )
        airflow_local.migrate(env)
        with AirflowServices(env) as services:
            try:
                services.start_core(triggerer=False)
                cluster = Cluster(services, data, urls, site_delay_s=delay)
                cluster.start_worker("worker1")
                cluster.start_worker("worker2")
                services.wait_for(cluster.client.dag_is_parsed, 300, "the dag-processor to parse news_corpus")
                cluster.client.unpause()
                yield cluster
            finally:
                services.stop_all()
    if WALL_TIMES:
        print("\nnews_corpus wall time on the demo site:", {k: f"{v:.1f} s" for k, v in WALL_TIMES.items()})


def _published(data: Path, table: str = "articles") -> list[dict]:
    rows = []
    for path in published_files(data, table, DEMO_DATE):
        rows += pq.read_table(path).to_pylist()
    return sorted(rows, key=lambda row: (row["source"], row.get("article_id") or row.get("url") or ""))


def _without_per_crawl_columns(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if k not in PER_CRAWL_COLUMNS} for row in rows]


def _wall_time(run: dict) -> float:
    start, end = (dt.datetime.fromisoformat(run[key].replace("Z", "+00:00")) for key in ("start_date", "end_date"))
    return (end - start).total_seconds()


@pytest.mark.timeout(1500)
def test_one_run_spreads_over_both_workers_and_publishes_what_dags_test_does(cluster: Cluster, tmp_path: Path) -> None:
    assert len(cluster.live_workers()) == 2
    cluster.site_delay_s[0] = CRAWL_RESPONSE_DELAY_S
    try:
        run_id, run, instances = cluster.run(LOGICAL_DATES["spread"])
    finally:
        cluster.site_delay_s[0] = 0.0
    assert run["state"] == "success", f"{instances}\n{cluster.services.logs()}"
    WALL_TIMES["two workers"] = _wall_time(run)

    workers = set(cluster.hostnames.values())
    assert {ti["state"] for ti in instances} == {"success"}
    assert {ti["hostname"] for ti in instances} <= workers  # every task ran on one of our Celery workers
    crawls = [ti for ti in instances if ti["task_id"] == "crawl"]
    assert len(crawls) == len(OUTLETS)
    assert {ti["hostname"] for ti in crawls} == workers, crawls  # the mapped crawls were spread over both

    published = _published(cluster.data)
    assert len(published) == len(truth(DEMO_DATE))
    assert {row["run_id"] for row in published} == {run_id}

    # The same date through `airflow dags test` (one process, SQLite) on the same site: the same corpus.
    reference = tmp_path / "reference"
    env = airflow_local.airflow_env(
        tmp_path / "airflow-home",
        {**demo_env(cluster.site_urls), "NEWSCORPUS_SOURCES": str(SOURCES_YAML), "NEWSCORPUS_DATA": str(reference)},
    )
    airflow_local.migrate(env)
    code, output = airflow_local.dags_test(env, DEMO_DATE.isoformat())
    assert code == 0, output[-5000:]
    assert _without_per_crawl_columns(published) == _without_per_crawl_columns(_published(reference))


@pytest.mark.timeout(1200)
def test_a_worker_killed_mid_task_is_retried_on_the_other_and_nothing_is_duplicated(cluster: Cluster) -> None:
    for name in ("worker1", "worker2"):
        if name not in cluster.live_workers():
            cluster.start_worker(name)
    before = _published(cluster.data)
    client = cluster.client
    cluster.site_delay_s[0] = 0.5  # each page now takes half a second: a crawl lasts several seconds
    run_id = client.trigger(LOGICAL_DATES["kill"])

    def a_running_crawl() -> dict | None:
        running = [
            ti
            for ti in client.task_instances(run_id)
            if ti["task_id"] == "crawl" and ti["state"] == "running" and ti["hostname"]
        ]
        return running[0] if running else None

    victim_ti = cluster.services.wait_for(a_running_crawl, 300, "a crawl to be running on a worker", interval=0.3)
    victim = next(name for name, host in cluster.hostnames.items() if host == victim_ti["hostname"])
    time.sleep(1.0)  # well inside the crawl
    assert client.task_instances(run_id) and a_running_crawl() is not None, "the crawl ended before the kill"
    cluster.services.kill(victim)  # SIGKILL: the worker, its task supervisor, the task and its Scrapy process
    cluster.site_delay_s[0] = 0.0

    run = wait_for_run(cluster.services, run_id, RUN_TIMEOUT_S)
    instances = client.task_instances(run_id)
    assert run["state"] == "success", f"{instances}\n{cluster.services.logs()}"
    survivor = next(host for name, host in cluster.hostnames.items() if name != victim)

    tries = client.tries(run_id, "crawl", victim_ti["map_index"])
    assert len(tries) >= 2, tries
    assert tries[0]["hostname"] == victim_ti["hostname"] and tries[0]["state"] != "success", tries
    assert tries[-1]["state"] == "success" and tries[-1]["hostname"] == survivor, tries

    after = _published(cluster.data)
    assert len({row["article_id"] for row in after}) == len(after) == len(truth(DEMO_DATE))  # no duplicate rows
    assert {row["run_id"] for row in after} == {run_id}
    if before:  # the first test published this date already: the rerun rebuilt the same rows
        assert _without_per_crawl_columns(after) == _without_per_crawl_columns(before)
    pages = _published(cluster.data, "pages")
    assert len({(row["source"], row["url"]) for row in pages}) == len(pages)


@pytest.mark.timeout(1200)
def test_the_same_run_on_one_worker(cluster: Cluster) -> None:
    """The survivor alone runs the whole DAG; its wall time against the two-worker run is in README Scaling out."""
    live = cluster.live_workers()
    for name in sorted(live)[1:]:
        cluster.services.stop(name)
    if not live:
        cluster.start_worker("worker1")
    (only,) = cluster.live_workers().values()

    cluster.site_delay_s[0] = CRAWL_RESPONSE_DELAY_S  # as in the two-worker run, so the wall times compare
    try:
        _, run, instances = cluster.run(LOGICAL_DATES["one"])
    finally:
        cluster.site_delay_s[0] = 0.0
    assert run["state"] == "success", f"{instances}\n{cluster.services.logs()}"
    assert {ti["hostname"] for ti in instances} == {only}
    WALL_TIMES["one worker"] = _wall_time(run)
    assert len(_published(cluster.data)) == len(truth(DEMO_DATE))


def test_databases_left_by_killed_runs_are_dropped_and_fresh_ones_kept(cluster: Cluster) -> None:
    """A SIGKILLed run cannot drop its database; the next ClusterDatabase drops the stale, unused ones only."""
    from newscorpus.airflow_services import CLUSTER_DATABASE_PREFIX, STALE_CLUSTER_DATABASE_S

    connections = cluster_connections()
    now = time.time()
    stale = ClusterDatabase(connections, f"{CLUSTER_DATABASE_PREFIX}{int(now - STALE_CLUSTER_DATABASE_S - 60)}_dead")
    fresh = ClusterDatabase(connections, f"{CLUSTER_DATABASE_PREFIX}{int(now - 60)}_alive")
    for database in (stale, fresh):
        database._run_admin(f'CREATE DATABASE "{database.name}"')
    try:
        dropped = fresh.drop_stale(now)
        assert stale.name in dropped and fresh.name not in dropped
    finally:
        for database in (stale, fresh):
            database._run_admin(f'DROP DATABASE IF EXISTS "{database.name}"')

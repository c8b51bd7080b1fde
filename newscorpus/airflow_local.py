"""Airflow on this machine: a project-local AIRFLOW_HOME with SQLite, and `airflow dags test` for one date.

The demo and the end-to-end tests run the real DAG through Airflow's own CLI in a child process, exactly as an
operator would; this module only prepares the environment and reads back what Airflow recorded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from newscorpus.settings import DAGS_DIR

DAG_ID = "news_corpus"


def airflow_env(airflow_home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for Airflow commands: our dags folder, no example DAGs, SQLite under airflow_home.

    Airflow runs in the caller's current directory, as the CLI does: a relative NEWSCORPUS_DATA or
    NEWSCORPUS_SOURCES means the same to the DAG's tasks as to the caller (not something under site-packages)."""
    env = dict(os.environ)
    env.update(
        {
            "AIRFLOW_HOME": str(airflow_home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS_DIR),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{airflow_home / 'airflow.db'}",
            "AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT": "120",
            "AIRFLOW__LOGGING__COLORED_CONSOLE_LOG": "False",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra or {})
    if env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("sqlite"):
        for key in ("AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS", "AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS_ASYNC"):
            env.setdefault(key, f"{__name__}.SQLITE_CONNECT_ARGS")
    return env


# How long an SQLite connection waits for another's write lock before failing with "database is locked" (Python's
# default is 5 s). The scheduler, the dag-processor, the api-server and a CLI command such as `airflow backfill
# create` all write to the one file; on a busy machine a scheduler loop can hold the lock longer than 5 s.
SQLITE_CONNECT_ARGS: dict[str, object] = {"timeout": 60}


def _airflow(args: list[str]) -> list[str]:
    return [str(Path(sys.executable).with_name("airflow")), *args]


def migrate(env: Mapping[str, str]) -> None:
    """Create or upgrade the metadata DB (fast when it is already current) and create the crawl pool the DAG
    names: a task in a pool that does not exist is never scheduled."""
    from newscorpus.dag_config import CRAWL_POOL, crawl_pool_slots

    slots = crawl_pool_slots(env)  # a bad NEWSCORPUS_CRAWL_POOL_SLOTS fails here, before anything is created
    Path(env["AIRFLOW_HOME"]).mkdir(parents=True, exist_ok=True)
    for args in (
        ["db", "migrate"],
        ["pools", "set", CRAWL_POOL, str(slots), "Scrapy crawls running at once, all workers"],
    ):
        done = subprocess.run(_airflow(args), env=dict(env), capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"airflow {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def dags_test(
    env: Mapping[str, str],
    logical_date: str,
    *,
    conf: dict | None = None,
    on_line: Callable[[str], None] | None = None,
) -> tuple[int, str]:
    """Run `airflow dags test news_corpus DATE`; returns the exit code and the whole output.

    Each output line goes to `on_line` as it arrives, so a long run shows its progress.
    """
    args = ["dags", "test", DAG_ID, logical_date]
    if conf:
        args += ["--conf", json.dumps(conf)]
    process = subprocess.Popen(
        _airflow(args), env=dict(env), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines = []
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        if on_line:
            on_line(line.rstrip("\n"))
    return process.wait(), "".join(lines)


def _json_output(args: list[str], env: Mapping[str, str]) -> list[dict]:
    """An Airflow CLI listing as JSON; Airflow may print warnings before it, the JSON is the last line."""
    done = subprocess.run(_airflow([*args, "--output", "json"]), env=dict(env), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"airflow {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    lines = [line for line in done.stdout.splitlines() if line.startswith("[")]
    return json.loads(lines[-1]) if lines else []


def latest_run_id(env: Mapping[str, str]) -> str:
    """The run_id of the newest run of the DAG (dags test names runs after the wall clock, not the date)."""
    runs = _json_output(["dags", "list-runs", DAG_ID], env)
    if not runs:
        raise RuntimeError(f"no run of {DAG_ID} recorded in {env['AIRFLOW_HOME']}")
    return max(runs, key=lambda run: run["run_after"])["run_id"]


def task_states(env: Mapping[str, str], run_id: str) -> list[dict]:
    """Task instance states of one DAG run, as Airflow recorded them."""
    return _json_output(["tasks", "states-for-dag-run", DAG_ID, run_id], env)


def latest_run_states(env: Mapping[str, str]) -> dict[tuple[str, str], str]:
    """{(task_id, map_index): state} of the newest run; map_index "-1" for a task that is not mapped."""
    states = {}
    for ti in task_states(env, latest_run_id(env)):
        index = ti.get("map_index")
        states[(ti["task_id"], "-1" if index in (None, "", -1, "-1") else str(index))] = ti["state"]
    return states

"""The local Airflow environment: SQLite connections wait for each other's locks long enough."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newscorpus import airflow_local


def test_sqlite_connections_wait_a_minute_for_a_lock_and_airflow_reads_the_setting(tmp_path: Path):
    """Scheduler, dag-processor and `airflow backfill create` write the same SQLite file; with Python's 5 s busy
    timeout a long scheduler loop made the backfill command fail with "database is locked"."""
    env = airflow_local.airflow_env(tmp_path / "home")
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS"] == "newscorpus.airflow_local.SQLITE_CONNECT_ARGS"
    assert airflow_local.SQLITE_CONNECT_ARGS["timeout"] >= 30
    probe = (
        "from airflow.configuration import conf; "
        "print(conf.getimport('database', 'sql_alchemy_connect_args')['timeout'], "
        "conf.getimport('database', 'sql_alchemy_connect_args_async')['timeout'])"
    )
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["60", "60"]


def test_a_server_database_gets_no_sqlite_arguments(tmp_path: Path):
    env = airflow_local.airflow_env(
        tmp_path / "home", {"AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": "postgresql+psycopg2://u@127.0.0.1/db"}
    )
    assert env.get("AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS") != "newscorpus.airflow_local.SQLITE_CONNECT_ARGS"

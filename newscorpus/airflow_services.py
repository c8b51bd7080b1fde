"""Airflow's own long-running services on this machine, and a small client for their REST API v2.

`airflow dags test` (airflow_local.py) runs a DAG in one process; this module runs it the way a deployment does:
api-server, scheduler, dag-processor, triggerer and, for CeleryExecutor, `airflow celery worker` processes, each a
child process in its own process group on 127.0.0.1, all sharing one AIRFLOW_HOME and one configuration given as
environment variables. The tests use it to prove the real scheduler, backfill and a two-worker Celery cluster; an
operator can read it as the exact recipe for running the same thing by hand.

Only the standard library is imported at module level: `worker_hostname` is also Airflow's `hostname_callable`
inside every task process of the Celery workers started here.
"""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus.airflow_local import DAG_ID, airflow_env

WORKER_HOSTNAME_VARIABLE = "NEWSCORPUS_WORKER_HOSTNAME"
FINISHED_RUN_STATES = {"success", "failed"}
_SQLITE_LOCKED = "database is locked"
_LOCKED_ATTEMPTS = 4
_LOCKED_RETRY_S = 2.0


def worker_hostname() -> str:
    """Airflow's `[core] hostname_callable` for workers started here.

    Several Celery workers on one machine would all record the machine's name on their task instances; each worker
    started by `AirflowServices.start_celery_worker` sets its own name in NEWSCORPUS_WORKER_HOSTNAME, so the task
    instances say which worker ran them, as they would with one worker per host.
    """
    return os.environ.get(WORKER_HOSTNAME_VARIABLE) or socket.getfqdn()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def services_env(airflow_home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment shared by every service: airflow_local's (dags folder, SQLite unless overridden) plus the
    api-server on a free port of 127.0.0.1 that the workers' Execution API calls go to, one JWT secret for all
    components, auth off (all users are admins: local and test use only), and short scheduler intervals.

    `extra` overrides anything, e.g. the database, executor and Celery URLs of a cluster.
    """
    api_port = free_port()
    api_url = f"http://127.0.0.1:{api_port}"
    services = {
        "AIRFLOW__API__HOST": "127.0.0.1",
        "AIRFLOW__API__PORT": str(api_port),
        "AIRFLOW__API__BASE_URL": api_url,
        "AIRFLOW__API__WORKERS": "1",
        # Without this every task fails with "Connection refused": workers report to the Execution API on 8080.
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{api_url}/execution/",
        "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(32),
        "AIRFLOW__CORE__AUTH_MANAGER": "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
        # Runs come from the REST API or `airflow backfill`, never from the cron schedule racing the test's run.
        "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
        # A task's calls to the Execution API wait while SQLite is locked by the scheduler; on a busy 2-core
        # machine the default 5 s timeout fails tasks that would have succeeded a moment later.
        "AIRFLOW__WORKERS__EXECUTION_API_TIMEOUT": "30",
        "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port()),
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port()),
        "AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT": str(free_port()),
    }
    return airflow_env(airflow_home, {**services, **(extra or {})})


@dataclass
class AirflowServices:
    """Airflow's services for one AIRFLOW_HOME and one environment; a context manager that stops all it started.

    Each service runs in its own process group (so stopping it stops everything it forked) and logs to
    <AIRFLOW_HOME>/service-logs/<name>.log; `logs()` returns their tails for a failure message.
    """

    env: dict[str, str]
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    _client: ApiClient | None = field(default=None, repr=False)
    _previous_sigterm: Any = field(default=None, repr=False)

    @property
    def home(self) -> Path:
        return Path(self.env["AIRFLOW_HOME"])

    @property
    def api_url(self) -> str:
        return self.env["AIRFLOW__API__BASE_URL"]

    @property
    def log_dir(self) -> Path:
        return self.home / "service-logs"

    def __enter__(self) -> AirflowServices:
        if threading.current_thread() is threading.main_thread():
            self._previous_sigterm = signal.signal(signal.SIGTERM, self._stop_on_sigterm)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.stop_all()
        finally:
            if self._previous_sigterm is not None:
                signal.signal(signal.SIGTERM, self._previous_sigterm)
                self._previous_sigterm = None

    def _stop_on_sigterm(self, signum: int, frame: object) -> None:
        """The services live in process groups of their own, so a SIGTERM to this process (a CI job's timeout, a
        `kill` of `make test`'s group) would leave them running, holding ports and CPU: stop them, then end as the
        signal would have ended this process."""
        previous = self._previous_sigterm
        self._previous_sigterm = None
        self.stop_all()
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
        if callable(previous):
            previous(signum, frame)
        elif previous != signal.SIG_IGN:
            os.kill(os.getpid(), signum)

    def airflow(self, *args: str, timeout: float = 300) -> str:
        """Run one Airflow CLI command against this configuration; its output, or RuntimeError with it.

        A command that fails with SQLite's "database is locked" is run again (a few times, a moment apart). Airflow
        keeps SQLite in WAL mode, where a transaction that read before it writes fails at once, without waiting
        out the busy timeout, when the scheduler committed in between; the failed transaction was rolled back,
        so running the command again is what an operator would do and is safe."""
        for attempt in range(1, _LOCKED_ATTEMPTS + 1):
            done = subprocess.run(
                [_airflow_bin(), *args], env=self.env, capture_output=True, text=True, timeout=timeout
            )
            if done.returncode == 0:
                return done.stdout
            if attempt == _LOCKED_ATTEMPTS or _SQLITE_LOCKED not in done.stdout + done.stderr:
                break
            time.sleep(_LOCKED_RETRY_S * attempt)
        raise RuntimeError(f"airflow {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")

    def start(self, name: str, *args: str, extra_env: Mapping[str, str] | None = None) -> subprocess.Popen:
        """Start `airflow ARGS...` as the service `name`, in its own process group."""
        if name in self.processes and self.processes[name].poll() is None:
            raise RuntimeError(f"service {name} is already running")
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_dir / f"{name}.log", "ab") as log:
            process = subprocess.Popen(
                [_airflow_bin(), *args],
                env={**self.env, **(extra_env or {})},
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.processes[name] = process
        return process

    def start_core(self, *, triggerer: bool = True) -> None:
        """api-server, scheduler, dag-processor (and triggerer); waits until the API answers."""
        self.start("api-server", "api-server", "--host", "127.0.0.1", "--port", self.env["AIRFLOW__API__PORT"])
        # --skip-serve-logs: every service writes under the one AIRFLOW_HOME/logs, which the api-server reads
        # directly, so no log server needs to listen (they would bind every interface, not just 127.0.0.1).
        self.start("scheduler", "scheduler", "--skip-serve-logs")
        self.start("dag-processor", "dag-processor")
        if triggerer:
            self.start("triggerer", "triggerer", "--skip-serve-logs")
        self.wait_healthy()

    def start_celery_worker(self, name: str, *, concurrency: int = 1) -> str:
        """`airflow celery worker -H NAME@127.0.0.1 -c N`; returns the hostname its task instances record (see
        worker_hostname)."""
        hostname = f"{name}.local"
        self.start(
            name,
            "celery",
            "worker",
            "--celery-hostname",
            f"{name}@127.0.0.1",
            "--concurrency",
            str(concurrency),
            "--without-gossip",
            "--without-mingle",
            "--skip-serve-logs",
            extra_env={
                WORKER_HOSTNAME_VARIABLE: hostname,
                "AIRFLOW__CORE__HOSTNAME_CALLABLE": "newscorpus.airflow_services.worker_hostname",
            },
        )
        return hostname

    def wait_healthy(self, timeout: float = 180) -> None:
        """Until /api/v2/monitor/health answers and the scheduler reports healthy; a service that died is an error."""

        def healthy() -> bool:
            try:
                health = _get_json(f"{self.api_url}/api/v2/monitor/health", timeout=5)
            except (OSError, ValueError):
                return False
            return health.get("scheduler", {}).get("status") == "healthy"

        self.wait_for(healthy, timeout, "the api-server and scheduler to be healthy")

    def wait_for(self, condition: Callable[[], Any], timeout: float, what: str, interval: float = 1.0) -> Any:
        """Poll `condition` until it returns something truthy; TimeoutError or a dead service's log otherwise."""
        deadline = time.monotonic() + timeout
        last_error: OSError | None = None
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                result = condition()
            except OSError as error:  # a busy api-server answering late is not a failure yet
                last_error, result = error, None
            if result:
                return result
            time.sleep(interval)
        raise TimeoutError(
            f"timed out after {timeout:.0f} s waiting for {what} (last error: {last_error})\n{self.logs()}"
        )

    def check_alive(self) -> None:
        dead = {name: p.returncode for name, p in self.processes.items() if p.poll() is not None}
        expected = {name for name, p in self.processes.items() if getattr(p, "newscorpus_stopped", False)}
        dead = {name: code for name, code in dead.items() if name not in expected}
        if dead:
            raise RuntimeError(f"Airflow service(s) exited: {dead}\n{self.logs()}")

    def kill(self, name: str) -> None:
        """SIGKILL the service and every process below it, also those that left its process group (a task's own
        group, Scrapy's session): what losing the machine does to a worker."""
        process = self.processes[name]
        process.newscorpus_stopped = True  # type: ignore[attr-defined]
        for pid in [*_descendants(process.pid), process.pid]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        process.wait(timeout=30)

    def stop(self, name: str, timeout: float = 30) -> None:
        """SIGTERM the service's process group, SIGKILL whatever is left after `timeout` (and any stray child)."""
        process = self.processes[name]
        process.newscorpus_stopped = True  # type: ignore[attr-defined]
        children = _descendants(process.pid)
        _signal_group(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
        _signal_group(process.pid, signal.SIGKILL)
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        process.wait(timeout=30)

    def stop_all(self) -> None:
        """Stop every service started here, workers first; never raises for a service already gone."""
        for name in sorted(self.processes, key=lambda n: n in {"api-server", "scheduler"}):
            if self.processes[name].poll() is None or _descendants(self.processes[name].pid):
                self.stop(name)

    def logs(self, lines: int = 60) -> str:
        """The last lines of every service's log, for a failure message."""
        parts = []
        for path in sorted(self.log_dir.glob("*.log")):
            tail = path.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"----- {path.name} (last {len(tail)} lines) -----\n" + "\n".join(tail))
        return "\n".join(parts)

    def client(self) -> ApiClient:
        """One client (one token) for this api-server."""
        if self._client is None:
            self._client = ApiClient(self.api_url)
        return self._client


class ApiClient:
    """The few REST API v2 calls the tests and a script need: token, unpause, trigger, wait, task instances."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self._token: str | None = None

    def token(self) -> str:
        """A bearer token; with all-admins SimpleAuthManager GET /auth/token hands one out."""
        if self._token is None:
            self._token = _get_json(f"{self.base_url}/auth/token", timeout=30)["access_token"]
        return self._token

    def request(self, method: str, path: str, body: dict | None = None, timeout: float = 60) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.base_url}/api/v2/{path.lstrip('/')}",
            data=data,
            method=method,
            headers={"Authorization": f"Bearer {self.token()}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            message = f"{method} {path}: HTTP {error.code} {error.read().decode(errors='replace')}"
            if error.code >= 500:  # the server is struggling, not refusing: pollers may try again
                raise ConnectionError(message) from None
            raise RuntimeError(message) from None

    def dag_is_parsed(self, dag_id: str = DAG_ID) -> bool:
        try:
            self.request("GET", f"dags/{dag_id}")
        except RuntimeError as error:
            if "HTTP 404" in str(error):
                return False
            raise
        except OSError:
            return False
        return True

    def unpause(self, dag_id: str = DAG_ID) -> None:
        self.request("PATCH", f"dags/{dag_id}", {"is_paused": False})

    def trigger(self, logical_date: str, *, dag_id: str = DAG_ID, conf: dict | None = None) -> str:
        """POST a DAG run for `logical_date` (ISO date or timestamp, UTC); returns its run_id."""
        when = logical_date if "T" in logical_date else f"{logical_date}T00:00:00Z"
        run = self.request("POST", f"dags/{dag_id}/dagRuns", {"logical_date": when, "conf": conf or {}})
        return run["dag_run_id"]

    def dag_run(self, run_id: str, dag_id: str = DAG_ID) -> dict:
        return self.request("GET", f"dags/{dag_id}/dagRuns/{urllib.parse.quote(run_id, safe='')}")

    def dag_runs(self, dag_id: str = DAG_ID) -> list[dict]:
        return self.request("GET", f"dags/{dag_id}/dagRuns?limit=100&order_by=logical_date")["dag_runs"]

    def task_instances(self, run_id: str, dag_id: str = DAG_ID) -> list[dict]:
        """Every task instance of the run (mapped ones too): task_id, map_index, state, hostname, try_number."""
        run = urllib.parse.quote(run_id, safe="")
        return self.request("GET", f"dags/{dag_id}/dagRuns/{run}/taskInstances?limit=1000")["task_instances"]

    def tries(self, run_id: str, task_id: str, map_index: int = -1, dag_id: str = DAG_ID) -> list[dict]:
        """Every try of one task instance, oldest first, each with the hostname it ran on."""
        run = urllib.parse.quote(run_id, safe="")
        path = f"dags/{dag_id}/dagRuns/{run}/taskInstances/{task_id}/{map_index}/tries"
        return sorted(self.request("GET", path)["task_instances"], key=lambda t: t["try_number"])


def wait_for_run(services: AirflowServices, run_id: str, timeout: float, dag_id: str = DAG_ID) -> dict:
    """Wait until the run has finished (success or failed) and return it; TimeoutError with the logs otherwise."""
    client = services.client()

    def finished() -> dict | None:
        run = client.dag_run(run_id, dag_id)
        return run if run["state"] in FINISHED_RUN_STATES else None

    return services.wait_for(finished, timeout, f"DAG run {run_id} to finish", interval=2)


def _airflow_bin() -> str:
    return str(Path(sys.executable).with_name("airflow"))


def _get_json(url: str, timeout: float) -> Any:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read())


def _descendants(pid: int) -> list[int]:
    """Every process below `pid` (children first level first), found through /proc; [] when it is gone."""
    try:
        import psutil  # Airflow's own dependency

        return [child.pid for child in psutil.Process(pid).children(recursive=True)]
    except Exception:  # noqa: BLE001 - a process that vanished while we looked has no descendants
        return []


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


# --- a CeleryExecutor cluster on PostgreSQL and Redis -----------------------------------------------------------------

# The variables that name the cluster's metadata DB, broker and result backend: the same names docker-compose.yml
# sets for every Airflow container (tests/test_compose.py checks it), with defaults for the PostgreSQL (trust auth,
# user postgres, database `test`) and Redis that run on 127.0.0.1 on the development and CI machines.
CLUSTER_CONNECTIONS = {
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": "postgresql+psycopg2://postgres@127.0.0.1:5432/test",
    "AIRFLOW__CELERY__BROKER_URL": "redis://127.0.0.1:6379/0",
    # +psycopg2 on both: SQLAlchemy 2.1 maps a bare postgresql:// to psycopg 3, which is not installed.
    "AIRFLOW__CELERY__RESULT_BACKEND": "db+postgresql+psycopg2://postgres@127.0.0.1:5432/test",
}


def cluster_connections(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The three connection strings, from the environment or their local defaults."""
    environ = os.environ if environ is None else environ
    return {name: environ.get(name) or default for name, default in CLUSTER_CONNECTIONS.items()}


def _with_database(url: str, database: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{database}"))


def _libpq_url(url: str) -> str:
    """postgresql+psycopg2://... or db+postgresql+psycopg2://... as the plain URL psycopg2 accepts."""
    scheme, rest = url.split("://", 1)
    return f"postgresql://{rest}" if "postgresql" in scheme else url


def missing_cluster_services(connections: Mapping[str, str] | None = None) -> list[str]:
    """What a cluster run needs and cannot reach: one line per missing service, [] when both answer."""
    connections = dict(connections or cluster_connections())
    missing = []
    database = connections["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    if not database.startswith("postgresql"):
        missing.append(f"AIRFLOW__DATABASE__SQL_ALCHEMY_CONN={database} is not a PostgreSQL URL")
    elif importlib.util.find_spec("asyncpg") is None:
        # Airflow 3 also opens the metadata DB through SQLAlchemy's async engine, which is asyncpg on PostgreSQL.
        missing.append("the asyncpg package (Airflow's async driver for PostgreSQL) is not installed")
    else:
        try:
            import psycopg2

            psycopg2.connect(_libpq_url(database), connect_timeout=3).close()
        except Exception as error:  # noqa: BLE001 - any failure means "not usable", and the message says why
            missing.append(f"PostgreSQL at {database}: {str(error).strip().splitlines()[0]}")
    broker = connections["AIRFLOW__CELERY__BROKER_URL"]
    try:
        import redis

        redis.Redis.from_url(broker, socket_connect_timeout=3).ping()
    except Exception as error:  # noqa: BLE001
        missing.append(f"Redis at {broker}: {error}")
    return missing


CLUSTER_DATABASE_PREFIX = "newscorpus_cluster_"
STALE_CLUSTER_DATABASE_S = 6 * 3600  # far longer than any cluster test runs


def _cluster_database_name() -> str:
    """The creation time is in the name, so a later run can tell a database a killed run left behind."""
    return f"{CLUSTER_DATABASE_PREFIX}{int(time.time())}_{secrets.token_hex(4)}"


@dataclass
class ClusterDatabase:
    """A database of its own on the PostgreSQL server named by the connections, dropped when the block ends.

    A run killed with SIGKILL cannot drop its database; the next one drops those older than
    STALE_CLUSTER_DATABASE_S that nobody is connected to."""

    connections: dict[str, str]
    name: str = field(default_factory=_cluster_database_name)

    def _admin(self):  # noqa: ANN202 - a psycopg2 connection
        import psycopg2

        con = psycopg2.connect(_libpq_url(self.connections["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]), connect_timeout=5)
        con.autocommit = True
        return con

    def __enter__(self) -> dict[str, str]:
        """Creates the database; returns the connection strings pointing at it."""
        self.drop_stale()
        self._run_admin(f'CREATE DATABASE "{self.name}"')
        return {
            **self.connections,
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": _with_database(
                self.connections["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"], self.name
            ),
            "AIRFLOW__CELERY__RESULT_BACKEND": _with_database(
                self.connections["AIRFLOW__CELERY__RESULT_BACKEND"], self.name
            ),
        }

    def __exit__(self, *exc: object) -> None:
        self._run_admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def drop_stale(self, now: float | None = None) -> list[str]:
        """Drop the cluster databases killed runs left: older than STALE_CLUSTER_DATABASE_S and unused."""
        now = time.time() if now is None else now
        con = self._admin()
        try:
            with con.cursor() as cursor:
                cursor.execute(
                    "SELECT datname FROM pg_database d WHERE datname LIKE %s AND NOT EXISTS "
                    "(SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)",
                    (CLUSTER_DATABASE_PREFIX.replace("_", r"\_") + "%",),
                )
                names = [row[0] for row in cursor.fetchall()]
                stale = [
                    name
                    for name in names
                    if _created_at(name) is not None and now - _created_at(name) > STALE_CLUSTER_DATABASE_S
                ]
                for name in stale:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')  # no FORCE: never one in use
        finally:
            con.close()
        return stale

    def _run_admin(self, statement: str) -> None:
        con = self._admin()
        try:
            with con.cursor() as cursor:
                cursor.execute(statement)
        finally:
            con.close()


def _created_at(database: str) -> float | None:
    stamp = database.removeprefix(CLUSTER_DATABASE_PREFIX).split("_", 1)[0]
    return float(stamp) if stamp.isdigit() else None


def celery_env(connections: Mapping[str, str], queue: str) -> dict[str, str]:
    """CeleryExecutor settings on top of the connections: every task goes to `queue` (so two clusters sharing one
    Redis never take each other's tasks), and a worker that vanishes is noticed within seconds, not minutes."""
    return {
        **connections,
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__OPERATORS__DEFAULT_QUEUE": queue,
        "AIRFLOW__CELERY__WORKER_PREFETCH_MULTIPLIER": "1",
        "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT": "45",
        "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT_DETECTION_INTERVAL": "5",
    }


def _main(argv: list[str]) -> int:
    """`python -m newscorpus.airflow_services check`: say whether the cluster test can run here, and if not, why."""
    if argv != ["check"]:
        print("usage: python -m newscorpus.airflow_services check", file=sys.stderr)
        return 2
    connections = cluster_connections()
    missing = missing_cluster_services(connections)
    for name, value in connections.items():
        print(f"{name}={value}")
    if missing:
        print("\nthe cluster tests need PostgreSQL and Redis; missing:", file=sys.stderr)
        for line in missing:
            print(f"  - {line}", file=sys.stderr)
        print(
            "start what is missing (PostgreSQL: user postgres, trust auth, a database to connect to; Redis on its\n"
            "default port) or point the variables above at running ones; install a missing package into the venv;\n"
            "then run `make test-cluster` again.",
            file=sys.stderr,
        )
        return 1
    print("PostgreSQL and Redis answer: the cluster tests can run")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))

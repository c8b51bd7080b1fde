"""Shared test fixtures. Kept generic: anything specific to one feature lives in that feature's test module."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


@dataclass
class ServedDirectory:
    url: str  # base URL with a trailing slash, e.g. "http://127.0.0.1:40123/"
    requested_paths: list[str] = field(default_factory=list)  # every path the server was asked for, in order

    @property
    def port(self) -> int:
        return int(self.url.rstrip("/").rsplit(":", 1)[1])


class _StaticHandler(SimpleHTTPRequestHandler):
    """Serves a directory, answers listed paths with a 301, adds listed headers, remembers what was asked for."""

    def __init__(
        self,
        *args,
        served: ServedDirectory,
        redirects: dict[str, str],
        headers: dict[str, dict[str, str]],
        **kwargs,
    ) -> None:
        self._served = served
        self._redirects = redirects
        self._headers = headers
        super().__init__(*args, **kwargs)

    def end_headers(self) -> None:
        for name, value in self._headers.get(self.path.split("?", 1)[0], {}).items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        self._served.requested_paths.append(self.path)
        target = self._redirects.get(self.path.split("?", 1)[0])
        if target is not None:
            self.send_response(301)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve_directory() -> Iterator[Callable[..., ServedDirectory]]:
    """Factory: serve_directory(root, redirects={"/old": "/new"}, headers={"/path": {"Name": "value"}})
    -> ServedDirectory on 127.0.0.1, on a free port.

    Servers run in daemon threads and are shut down at the end of the session.
    """
    servers: list[ThreadingHTTPServer] = []

    def serve(
        root: Path, redirects: dict[str, str] | None = None, headers: dict[str, dict[str, str]] | None = None
    ) -> ServedDirectory:
        served = ServedDirectory(url="")
        handler = partial(
            _StaticHandler,
            served=served,
            redirects=dict(redirects or {}),
            headers=dict(headers or {}),
            directory=str(root),
        )
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        served.url = f"http://127.0.0.1:{server.server_address[1]}/"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return served

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


# --- the demo news site and a local Airflow, shared by the end-to-end tests -----------------------------------------

from newscorpus.demo import DEMO_DATE  # noqa: E402


@pytest.fixture(scope="session")
def demo_site_urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The shipped demo site rendered for DEMO_DATE and served on 127.0.0.1 for the whole session."""
    from newscorpus.demo_site import render_site, serve_site

    root = tmp_path_factory.mktemp("demo-site")
    render_site(root, DEMO_DATE)
    with serve_site(root) as urls:
        yield urls


@pytest.fixture
def demo_env(demo_site_urls: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for running the pipeline on the demo site with a fresh storage root under tmp_path."""
    from newscorpus.demo_site import SOURCES_YAML
    from newscorpus.demo_site import demo_env as site_env

    env = {
        **site_env(demo_site_urls),
        "NEWSCORPUS_SOURCES": str(SOURCES_YAML),
        "NEWSCORPUS_DATA": str(tmp_path / "data"),
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


@pytest.fixture(scope="session")
def airflow_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite AIRFLOW_HOME for the session (migration takes a few seconds; do it once)."""
    from newscorpus import airflow_local

    home = tmp_path_factory.mktemp("airflow-home")
    airflow_local.migrate(airflow_local.airflow_env(home))
    return home


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's headless Chromium (tests/browser.py): installed with apt-get when missing and root; else a skip,
    and under CI=true a failure."""
    from browser import ensure_chromium

    return ensure_chromium()


@dataclass(frozen=True)
class DemoCorpus:
    """A published demo corpus: the demo site crawled for DEMO_DATE, then korankota for the day before with a
    `min_articles` it cannot reach (so the gate quarantines it), with the catalog and reports built. Shared by the
    session: tests only read it."""

    data: Path
    env: dict[str, str]
    first: dict
    second: dict


@pytest.fixture(scope="session")
def demo_corpus(demo_site_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> DemoCorpus:
    import datetime as dt

    import yaml

    from newscorpus import pipeline
    from newscorpus.demo_site import SOURCES_YAML
    from newscorpus.demo_site import demo_env as site_env

    data = tmp_path_factory.mktemp("demo-corpus") / "data"
    env = {**site_env(demo_site_urls), "NEWSCORPUS_SOURCES": str(SOURCES_YAML), "NEWSCORPUS_DATA": str(data)}
    registry = yaml.safe_load(SOURCES_YAML.read_text(encoding="utf-8"))
    for source in registry["sources"]:
        source["min_articles"] = 10_000
    strict = data.parent / "sources-strict.yaml"
    strict.write_text(yaml.safe_dump(registry), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        first = pipeline.run_all(DEMO_DATE, "corpus-first")
        patch.setenv("NEWSCORPUS_SOURCES", str(strict))
        second = pipeline.run_all(DEMO_DATE - dt.timedelta(days=1), "corpus-second", ["korankota"])
    return DemoCorpus(data=data, env=env, first=first, second=second)


@pytest.fixture
def corpus_env(demo_corpus: DemoCorpus, monkeypatch: pytest.MonkeyPatch) -> DemoCorpus:
    """The demo corpus's settings in the environment, for a test that runs commands on it (read only)."""
    for name, value in demo_corpus.env.items():
        monkeypatch.setenv(name, value)
    return demo_corpus


def published_files(data: Path, table: str, day: dt.date | None = None) -> list[Path]:
    """The data files of a published table as every reader sees them: the ones the commits name (a republished
    partition keeps its retired files on disk for a grace period, so a directory glob would count them twice)."""
    from newscorpus.commits import committed_files
    from newscorpus.storage import Storage

    before = day + dt.timedelta(days=1) if day else None
    return [data / key for key in committed_files(Storage.at(data), table, since=day, before=before)]

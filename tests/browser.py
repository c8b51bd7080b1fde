"""Headless Chromium for the tests that render pages (Data Docs escaping, the corpus report).

Chromium is Debian's package: `ensure_chromium()` installs it with apt-get when it is missing and the tests run as
root, skips when it cannot, and fails under CI=true, which must run these tests. The `chromium` fixture in
conftest.py calls it once per session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import NoReturn

import lxml.html
import pytest

CHROMIUM = "/usr/bin/chromium"
INSTALL_HINT = "install Debian's chromium as root: apt-get update && apt-get install -y chromium"

# Offline and quiet: no first-run work, no background or component downloads, and every host name resolves to
# nothing, so a page's CDN scripts fail at once instead of reaching the network (file:// still loads).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


def ensure_chromium() -> str:
    """The Chromium binary, installed with apt-get when missing and possible (CI must always get one)."""
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    apt_get = shutil.which("apt-get")
    if os.geteuid() != 0 or apt_get is None:
        _cannot_run(f"{CHROMIUM} is missing and cannot be installed here (needs root and apt-get); {INSTALL_HINT}")
    done = subprocess.run(
        "apt-get update -qq && apt-get install -y -qq chromium",
        shell=True,
        capture_output=True,
        text=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    if done.returncode != 0 or not Path(CHROMIUM).is_file():
        _cannot_run(
            f"installing chromium failed (exit {done.returncode}); {INSTALL_HINT}\n"
            f"stdout:\n{done.stdout[-3000:]}\nstderr:\n{done.stderr[-3000:]}"
        )
    return CHROMIUM


def _cannot_run(message: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser tests: {message}", pytrace=False)
    pytest.skip(message)


def dump_dom(chromium: str, page: Path, profile: Path, *, budget_ms: int = 3000) -> lxml.html.HtmlElement:
    """Load a page with scripts on and return the DOM Chromium holds after they ran."""
    done = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}", "--dump-dom",
         page.resolve().as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )  # fmt: skip
    assert done.returncode == 0 and "<html" in done.stdout, f"chromium failed on {page}:\n{done.stderr[-3000:]}"
    return lxml.html.document_fromstring(done.stdout)


def screenshot(
    chromium: str, page: Path, target: Path, profile: Path, *, size: str = "1280,4200", budget_ms: int = 5000
) -> Path:
    """A PNG of the page after its scripts ran (kept by the tests as an artifact to look at)."""
    done = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}",
         "--hide-scrollbars", f"--window-size={size}", f"--screenshot={target}", page.resolve().as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )  # fmt: skip
    assert done.returncode == 0 and target.is_file(), f"chromium screenshot failed on {page}:\n{done.stderr[-3000:]}"
    return target

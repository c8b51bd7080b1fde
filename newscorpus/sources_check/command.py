"""The body of `newscorpus sources check [ID]`, kept here so newscorpus/cli.py only parses and dispatches."""

from __future__ import annotations

import datetime as dt

from newscorpus.settings import sources_file
from newscorpus.sources import SourceConfigError, load_sources
from newscorpus.sources_check.check import check_sources
from newscorpus.sources_check.report import exit_code, render_json, render_table


def run(source_id: str | None, *, sample_date: dt.date | None, timeout: float, as_json: bool) -> int:
    """Check one source (any state) or the whole registry (disabled sources: robots.txt only); print; exit code.

    Raises SourceConfigError for a bad registry or an unknown id (the CLI's exit 2)."""
    if timeout <= 0:
        raise ValueError("--timeout must be a positive number of seconds")
    sources = load_sources(sources_file(), include_disabled=True)
    if source_id is not None:
        chosen = [s for s in sources if s.id == source_id]
        if not chosen:
            known = ", ".join(s.id for s in sources)
            raise SourceConfigError(f"{sources_file()}: no source with id {source_id!r}; known: {known}")
        sources = chosen
    day = sample_date or (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1))
    results = check_sources(sources, named=source_id is not None, sample_date=day, timeout=timeout)
    print(render_json(results, day.isoformat()) if as_json else render_table(results, day.isoformat()))
    return exit_code(results)

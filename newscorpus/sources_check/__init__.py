"""`newscorpus sources check`: what an outlet answers our crawler (robots.txt, feeds, sitemaps, blocks), before it
is enabled. check.py runs the checks, fetch.py makes the requests, probes.py reads the answers, report.py prints."""

from newscorpus.sources_check.check import SourceCheck, UrlCheck, check_sources
from newscorpus.sources_check.report import EXIT_BLOCKED, EXIT_BROKEN, exit_code, render_json, render_table

__all__ = [
    "EXIT_BLOCKED",
    "EXIT_BROKEN",
    "SourceCheck",
    "UrlCheck",
    "check_sources",
    "exit_code",
    "render_json",
    "render_table",
]

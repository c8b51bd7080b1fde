"""How `sources check` reports: a table for people, one JSON document for scripts, and an exit code for schedulers.

Exit codes extend the CLI's scheme (0 done, 1 failed, 2 bad input or config, 3 quarantined, 4 nothing to work on):
0 every checked source answers as configured; 1 (failed) something configured is broken (unreachable, 404/5xx, not
a feed or sitemap, empty, refused by the network policy); 5 (blocked) an outlet refuses us: 401/403/429/451, a
challenge page, or robots.txt disallowing a discovery URL or article for our user agent or Scrapy. Blocked wins over
broken: it asks for a different response (permission, not a fix). A bad registry or unknown id is 2, as elsewhere.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from newscorpus.settings import USER_AGENT
from newscorpus.sources_check.check import SourceCheck

EXIT_BROKEN, EXIT_BLOCKED = 1, 5


def exit_code(results: Sequence[SourceCheck]) -> int:
    verdicts = {r.verdict for r in results}
    if "blocked" in verdicts:
        return EXIT_BLOCKED
    return EXIT_BROKEN if "broken" in verdicts else 0


def render_json(results: Sequence[SourceCheck], sample_date: str) -> str:
    counts = {v: sum(r.verdict == v for r in results) for v in ("ok", "broken", "blocked")}
    document = {
        "user_agent": USER_AGENT,
        "sample_date": sample_date,
        "exit_code": exit_code(results),
        "summary": counts,
        "sources": [r.to_dict() for r in results],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def _cell(value: object) -> str:
    return "-" if value is None else str(value)


def render_table(results: Sequence[SourceCheck], sample_date: str) -> str:
    out = [f"user agent: {USER_AGENT}", f"dated indexes checked for {sample_date}", ""]
    columns = ("verdict", "kind", "http", "items", "robots", "url")
    for result in results:
        state = "enabled" if result.enabled else f"disabled: {result.disabled_reason or 'no reason given'}"
        out.append(f"{result.source}: {result.verdict.upper()}  ({' '.join(state.split())})")
        rows = [
            (u.verdict, u.kind, _cell(u.status), _cell(u.items), _cell(u.robots), u.url, u.detail, u.final_url)
            for u in result.urls
        ]
        widths = [max(len(c), *(len(r[i]) for r in rows)) if rows else len(c) for i, c in enumerate(columns)]
        out.append("  " + "  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
        for row in rows:
            out.append("  " + "  ".join(v.ljust(w) for v, w in zip(row[:6], widths, strict=True)).rstrip())
            if row[7]:
                out.append(f"      -> redirected to {row[7]}")
            if row[6]:
                out.append(f"      {' '.join(row[6].split())}")
        out.append("")
    counts = {v: sum(r.verdict == v for r in results) for v in ("ok", "broken", "blocked")}
    out.append(f"{len(results)} source(s): {counts['ok']} ok, {counts['broken']} broken, {counts['blocked']} blocked")
    return "\n".join(out)

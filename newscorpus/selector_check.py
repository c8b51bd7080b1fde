"""Test a source's extraction rules offline against a page saved from the outlet (`newscorpus extract --source ID
--html saved.html`): how many elements each selector matches, and the article fields the extractor reads with
those rules. This is the loop for writing selectors: save a page, edit sources.yaml, run, repeat; no crawl.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from cssselect import SelectorError

from newscorpus.extract import extract_article
from newscorpus.extract.document import parse_html
from newscorpus.sources import Source

SHOWN_FIELDS = (
    "is_article", "title", "authors", "editors", "agency", "published_at", "modified_at", "tz_offset", "dateline",
    "section", "tags", "language", "word_count", "image_url", "image_caption", "lead", "quality_flags",
)  # fmt: skip


def selector_matches(html: bytes, source: Source) -> dict[str, dict[str, Any]]:
    """For each configured selector: how many elements it matches, or the reason it cannot be read."""
    tree = parse_html(html)
    rules = source.extraction
    configured = {name: getattr(rules, name) for name in ("title", "body", "image_caption", "date")}
    configured.update({f"drop[{i}]": selector for i, selector in enumerate(rules.drop)})
    report: dict[str, dict[str, Any]] = {}
    for name, selector in configured.items():
        if not selector:
            continue
        try:
            found = tree.cssselect(selector) if tree is not None else []
        except SelectorError as exc:
            report[name] = {"selector": selector, "matches": 0, "error": f"not a CSS selector cssselect reads: {exc}"}
            continue
        report[name] = {"selector": selector, "matches": len(found)}
    return report


def try_source(source: Source, page: Path, url: str | None = None, crawl_date: dt.date | None = None) -> dict[str, Any]:
    """The fields the pipeline would extract from `page` for this source, and what each selector matched."""
    html = page.read_bytes()
    url = url or source.home
    fields = extract_article(
        html, url, rules=source.extraction, timezone=source.timezone, crawl_date=crawl_date,
        default_language=source.language,
    ).to_dict(json_safe=True)  # fmt: skip
    body = fields.get("body") or ""
    return {
        "source": source.id,
        "page": str(page),
        "url": url,
        "selectors": selector_matches(html, source),
        "fields": {name: fields.get(name) for name in SHOWN_FIELDS},
        "body": body,
        "paragraphs": len([p for p in body.split("\n\n") if p.strip()]),
    }


def problems(result: dict[str, Any]) -> list[str]:
    """What a person writing selectors should fix first, in plain words."""
    found = []
    for name, match in result["selectors"].items():
        if match.get("error"):
            found.append(f"{name}: {match['error']}")
        elif match["matches"] == 0 and not name.startswith("drop"):
            found.append(f"{name}: selector {match['selector']!r} matches nothing on this page")
    if not result["fields"]["is_article"]:
        found.append("the extractor does not take this page for an article (no title/body it trusts)")
    if not result["body"]:
        found.append("no body text: check the 'body' selector, and 'drop' rules that may remove it")
    return found


def format_result(result: dict[str, Any], *, body_chars: int = 600) -> str:
    lines = [f"source {result['source']}: {result['page']} (as {result['url']})", "", "selectors:"]
    for name, match in result["selectors"].items():
        state = match.get("error") or f"{match['matches']} match{'es' if match['matches'] != 1 else ''}"
        lines.append(f"  {name:<14} {match['selector']!r:<40} {state}")
    if not result["selectors"]:
        lines.append("  (none configured: the generic extractor reads the page)")
    lines += ["", "fields:"]
    lines += [f"  {name:<14} {value!r}" for name, value in result["fields"].items()]
    body = result["body"]
    lines += ["", f"body ({result['paragraphs']} paragraphs, {len(body)} characters):"]
    lines += ["  " + line for line in (body[:body_chars] + ("…" if len(body) > body_chars else "")).splitlines()]
    issues = problems(result)
    if issues:
        lines += ["", "to fix:"] + [f"  - {issue}" for issue in issues]
    return "\n".join(lines)

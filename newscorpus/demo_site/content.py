"""The demo outlets' content, read from content/<outlet>.yaml and placed on a concrete crawl date.

The YAML holds text and relative days only (`day: 0` = crawl date, `day: -1` = the day before), so any crawl date
gives a consistent site: articles dated in the outlet's time zone, and in-text relative dates ("Jumat (20/11)")
that agree with the page's date line. Renderer and ground truth both read from here, so they cannot disagree.

A site with history (`first_date` before the day before the crawl date) also carries older days, for backfills:
day crawl_date - k (k >= 2) repeats the YAML's day-0 stories when k is even and its day -1 stories when k is odd,
dated that day (URLs, dates, in-text days follow; Warta Nusantara's numeric ids get k * 1000 added), with a
closing archive line naming the day, so no two days publish the same body. Without history the site is exactly
the two-day site.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from newscorpus.demo_site.dates import relative_day_id, relative_day_id_with_year, weekday_en

OUTLETS: tuple[str, ...] = ("korankota", "wartanusantara", "harborherald")

CONTENT_DIR = Path(__file__).with_name("content")

# In-text date placeholders a paragraph may use; each is filled with the article's own local day.
_PLACEHOLDERS = {
    "hari": relative_day_id,
    "hari_tahun": relative_day_id_with_year,
    "weekday": weekday_en,
}
_PLACEHOLDER = re.compile(r"\{(" + "|".join(_PLACEHOLDERS) + r")\}")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Section:
    slug: str
    name: str
    path: str


@dataclass(frozen=True)
class Tag:
    name: str
    path: str


@dataclass(frozen=True)
class Image:
    path: str
    credit: str
    caption: str


@dataclass(frozen=True)
class Article:
    outlet: str
    slug: str
    path: str
    title: str
    section: Section
    dateline: str | None
    paragraphs: tuple[str, ...]  # exactly as shown on the page, dateline prefix included
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    agency: str | None
    tags: tuple[Tag, ...]
    image: Image
    published: dt.datetime  # aware, in the outlet's time zone
    wire: str | None  # shared key of a syndicated story carried by several outlets

    @property
    def teaser(self) -> str:
        words = self.paragraphs[0].split()
        return " ".join(words[:28]) + (" ..." if len(words) > 28 else "")


@dataclass(frozen=True)
class DeadLink:
    """An article link on a section page whose target was never published: the server answers 404."""

    path: str
    title: str
    section: str


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    language: str
    timezone: ZoneInfo
    sections: tuple[Section, ...]  # sections that hold articles
    menu: tuple[Section, ...]  # everything the navigation links to (sections first)
    articles: tuple[Article, ...]  # newest first
    dead_links: tuple[DeadLink, ...]
    paths: dict[str, str]  # URL templates: article, section, tag, day_index, image, optional author
    crawl_date: dt.date
    first_date: dt.date | None = None  # oldest day with articles; None: the day before crawl_date

    @property
    def days(self) -> tuple[dt.date, ...]:
        """The dates the demo publishes on, newest first (two without history)."""
        first = self.first_date or self.crawl_date - dt.timedelta(days=1)
        return tuple(self.crawl_date - dt.timedelta(days=k) for k in range((self.crawl_date - first).days + 1))

    def path_for(self, kind: str, **values: Any) -> str:
        return self.paths[kind].format(**values)

    def tags(self) -> list[Tag]:
        seen: dict[str, Tag] = {}
        for article in self.articles:
            for tag in article.tags:
                seen.setdefault(tag.path, tag)
        return sorted(seen.values(), key=lambda tag: tag.path)

    def authors(self) -> list[str]:
        return sorted({name for article in self.articles for name in article.authors})


@cache
def _raw_outlet(outlet_id: str) -> dict[str, Any]:
    if outlet_id not in OUTLETS:
        raise ValueError(f"unknown demo outlet {outlet_id!r}; expected one of {', '.join(OUTLETS)}")
    return yaml.safe_load((CONTENT_DIR / f"{outlet_id}.yaml").read_text(encoding="utf-8"))


def _fill_dates(text: str, day: dt.date) -> str:
    return _PLACEHOLDER.sub(lambda match: _PLACEHOLDERS[match.group(1)](day), text)


_ARCHIVE_LINE = {
    "id": "Berita ini terbit dalam edisi {day}.",
    "en": "This story appeared in the edition of {day}.",
}


def _placements(entries: list[dict[str, Any]], crawl_date: dt.date, first_date: dt.date | None):
    """(entry, day, k) for every article of the site: the YAML's own days, then the history days (k >= 2)."""
    for entry in entries:
        yield entry, crawl_date + dt.timedelta(days=int(entry["day"])), -int(entry["day"])
    if first_date is None:
        return
    for k in range(2, (crawl_date - first_date).days + 1):
        for entry in entries:
            if int(entry["day"]) == -(k % 2):
                yield entry, crawl_date - dt.timedelta(days=k), k


def load_outlet(outlet_id: str, crawl_date: dt.date, first_date: dt.date | None = None) -> Outlet:
    """One outlet's site content, dated for `crawl_date`, with older days back to `first_date` if given."""
    if first_date is not None and first_date > crawl_date - dt.timedelta(days=1):
        first_date = None  # the two-day site already covers it
    raw = _raw_outlet(outlet_id)
    paths: dict[str, str] = dict(raw["paths"])
    zone = ZoneInfo(raw["timezone"])

    def section(entry: dict[str, str]) -> Section:
        return Section(slug=entry["slug"], name=entry["name"], path=paths["section"].format(slug=entry["slug"]))

    sections = tuple(section(entry) for entry in raw["sections"])
    by_slug = {s.slug: s for s in sections}
    articles = []
    for entry, day, k in _placements(raw["articles"], crawl_date, first_date):
        hour, minute = (int(part) for part in entry["time"].split(":"))
        published = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
        values = {
            "date": day,
            "slug": entry["slug"],
            "section": entry["section"],
            "id": entry["id"] + 1000 * k if k >= 2 and entry.get("id") else entry.get("id"),
            "stamp": published.strftime("%y%m%d%H%M%S"),
        }
        paragraphs = [_fill_dates(" ".join(p.split()), day) for p in entry["paragraphs"]]
        if entry.get("dateline"):
            paragraphs[0] = raw["dateline_format"].format(dateline=entry["dateline"], text=paragraphs[0])
        if k >= 2:
            day_text = relative_day_id_with_year(day) if raw["language"] == "id" else f"{weekday_en(day)} {day}"
            paragraphs.append(_ARCHIVE_LINE[raw["language"]].format(day=day_text))
        articles.append(
            Article(
                outlet=outlet_id,
                slug=entry["slug"],
                path=paths["article"].format(**values),
                title=entry["title"],
                section=by_slug[entry["section"]],
                dateline=entry.get("dateline"),
                paragraphs=tuple(paragraphs),
                authors=tuple(entry.get("authors") or ()),
                editors=tuple(entry.get("editors") or ()),
                agency=entry.get("agency"),
                tags=tuple(Tag(name=t, path=paths["tag"].format(slug=slugify(t))) for t in entry["tags"]),
                image=Image(
                    path=paths["image"].format(**values),
                    credit=entry["image"]["credit"],
                    caption=" ".join(entry["image"]["caption"].split()),
                ),
                published=published,
                wire=entry.get("wire"),
            )
        )
    articles.sort(key=lambda a: a.published, reverse=True)
    dead_links = tuple(
        DeadLink(
            path=paths["article"].format(
                date=crawl_date + dt.timedelta(days=int(d["day"])), slug=d["slug"], section=d["section"], id=d.get("id")
            ),
            title=d["title"],
            section=d["section"],
        )
        for d in raw.get("dead_links") or ()
    )
    return Outlet(
        id=outlet_id,
        name=raw["name"],
        language=raw["language"],
        timezone=zone,
        sections=sections,
        menu=sections + tuple(section(entry) for entry in raw.get("menu_extra") or ()),
        articles=tuple(articles),
        dead_links=dead_links,
        paths=paths,
        crawl_date=crawl_date,
        first_date=first_date,
    )

"""Writes the demo news site as static files: root/<outlet>/... for one crawl date.

Each outlet gets a home page, section, tag, day-index (and author) listing pages, its article pages, robots.txt,
rss.xml, sitemap.xml, a 404 page and placeholder images. A URL path without a file suffix is written as
<path>/index.html, so the server can map every URL to exactly one file and needs no routing of its own.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from newscorpus.demo_site import dates
from newscorpus.demo_site.content import OUTLETS, Article, Outlet, Section, load_outlet, slugify
from newscorpus.demo_site.origin import ORIGIN_PLACEHOLDER

TEMPLATES_DIR = Path(__file__).with_name("templates")

# An 8x8 mid-grey baseline JPEG (hand-assembled: one DC and one AC Huffman code, a single all-zero block),
# so image URLs in pages resolve to real images instead of 404s that would muddle the crawl statistics.
PLACEHOLDER_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000"
    "ffdb004300"
    + "01" * 64
    + "ffc0000b080008000801011100"
    + "ffc400140001"
    + "00" * 15
    + "00"
    + "ffc400141001"
    + "00" * 15
    + "00"
    + "ffda0008010100003f00"
    + "3f"
    + "ffd9"
)

_NOT_FOUND_TEXT = {
    "id": ("Halaman tidak ditemukan", "Maaf, halaman yang Anda cari tidak tersedia atau sudah dipindahkan."),
    "en": ("Page not found", "Sorry, we could not find the page you were looking for."),
}
_SEARCH_TEXT = {"id": ("Pencarian", "Masukkan kata kunci."), "en": ("Search", "Enter a search term.")}
_ADMIN_TEXT = {"id": ("Redaksi", "Halaman khusus redaksi. Silakan masuk."), "en": ("Staff", "Staff login.")}
_HOME_TEXT = {"id": "Berita Terkini", "en": "Latest news"}
_TAG_TEXT = {"id": "Tag: {name}", "en": "Topic: {name}"}
_INDEX_TEXT = {"id": "Indeks Berita {day.day}/{day.month}/{day.year}", "en": "Archive: {day:%Y-%m-%d}"}
_PREVIOUS_DAY_TEXT = {"id": "Hari sebelumnya", "en": "Previous day"}


@dataclass(frozen=True)
class ListingItem:
    """One entry of a listing page: an article or a dead link (which has no date or teaser)."""

    path: str
    title: str
    published: dt.datetime | None = None
    teaser: str | None = None
    section: Section | None = None

    @classmethod
    def of(cls, article: Article) -> ListingItem:
        return cls(article.path, article.title, article.published, article.teaser, article.section)


@dataclass(frozen=True)
class Link:
    path: str
    title: str


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(enabled_extensions=("html", "xml")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        numeric_date_id=dates.numeric_date_id,
        long_date_id=dates.long_date_id,
        long_date_en=dates.long_date_en,
        rfc822=dates.rfc822,
        iso=dates.iso,
    )
    return env


def _file_for(site: Path, url_path: str) -> Path:
    relative = PurePosixPath(url_path.lstrip("/"))
    if url_path.endswith("/") or not relative.suffix:
        relative = relative / "index.html"
    return site.joinpath(*relative.parts)


def _write(site: Path, url_path: str, content: str | bytes) -> None:
    target = _file_for(site, url_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")


def _json_ld(outlet: Outlet, article: Article) -> Markup:
    """schema.org NewsArticle; the body is deliberately absent so extractors must read the page itself."""
    if article.authors:
        author: Any = [{"@type": "Person", "name": name} for name in article.authors]
    else:
        author = {"@type": "Organization", "name": article.agency or outlet.name}
    document = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": article.path,
        "headline": article.title,
        "description": article.teaser,
        "datePublished": dates.iso(article.published),
        "dateModified": dates.iso(article.published),
        "author": author,
        "publisher": {"@type": "Organization", "name": outlet.name},
        "image": {"@type": "ImageObject", "url": article.image.path, "caption": article.image.caption},
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags],
        "inLanguage": outlet.language,
    }
    text = json.dumps(document, ensure_ascii=False, indent=2).replace("</", "<\\/")
    return Markup(text)  # safe: with "</" escaped the JSON cannot leave its <script> element


def _hydration_payload(article: Article) -> str:
    """The body as a redesigned site ships it: base64 JSON that only the page's JavaScript turns into text."""
    data = json.dumps({"paragraphs": list(article.paragraphs)}, ensure_ascii=False).encode("utf-8")
    return base64.b64encode(data).decode("ascii")


def _related(outlet: Outlet, article: Article) -> list[Article]:
    same_section = [a for a in outlet.articles if a.section == article.section and a.path != article.path]
    return same_section[:3]


class _SiteWriter:
    """Renders one outlet into its directory. Holds the shared template context so each page adds only its own."""

    def __init__(self, env: Environment, outlet: Outlet, site: Path, *, broken: bool) -> None:
        self.env = env
        self.outlet = outlet
        self.site = site
        self.broken = broken
        self.author_paths = (
            {name: outlet.path_for("author", slug=slugify(name)) for name in outlet.authors()}
            if "author" in outlet.paths
            else {}
        )
        self.common: dict[str, Any] = {
            "outlet": outlet,
            "index_path": outlet.path_for("day_index", date=outlet.crawl_date),
            "author_paths": self.author_paths,
            "origin": ORIGIN_PLACEHOLDER,
        }

    def page(self, template: str, url_path: str, **context: Any) -> None:
        html = self.env.get_template(f"{self.outlet.id}/{template}").render(**self.common, **context)
        _write(self.site, url_path, html)

    def listing(self, url_path: str, heading: str, items: Iterable[ListingItem], **extra: Any) -> None:
        context = {"message": None, "search_form": False, "extra_links": [], **extra}
        self.page("listing.html", url_path, heading=heading, items=list(items), **context)

    def render(self) -> None:
        outlet, lang = self.outlet, self.outlet.language
        articles = [ListingItem.of(a) for a in outlet.articles]
        self.listing("/", _HOME_TEXT[lang], articles)
        for section in outlet.menu:
            items = [ListingItem.of(a) for a in outlet.articles if a.section == section]
            items += [ListingItem(d.path, d.title) for d in outlet.dead_links if d.section == section.slug]
            self.listing(section.path, section.name, items, section=section)
        for tag in outlet.tags():
            tagged = [ListingItem.of(a) for a in outlet.articles if tag in a.tags]
            self.listing(tag.path, _TAG_TEXT[lang].format(name=tag.name), tagged)
        for name, path in self.author_paths.items():
            self.listing(path, name, [ListingItem.of(a) for a in outlet.articles if name in a.authors])
        days = outlet.days
        for day, other in zip(days, (*days[1:], None), strict=True):
            items = [ListingItem.of(a) for a in outlet.articles if a.published.date() == day]
            links = [Link(outlet.path_for("day_index", date=other), _PREVIOUS_DAY_TEXT[lang])] if other else []
            self.listing(
                outlet.path_for("day_index", date=day), _INDEX_TEXT[lang].format(day=day), items, extra_links=links
            )
        heading, message = _SEARCH_TEXT[lang]
        self.listing("/search", heading, [], message=message, search_form=True)
        heading, message = _ADMIN_TEXT[lang]
        self.listing("/admin/", heading, [], message=message)
        heading, message = _NOT_FOUND_TEXT[lang]
        self.listing("/404.html", heading, [], message=message)
        for article in outlet.articles:
            self.article(article)
        self.discovery_files()

    def article(self, article: Article) -> None:
        self.page(
            "article.html",
            article.path,
            article=article,
            related=_related(self.outlet, article),
            json_ld=_json_ld(self.outlet, article),
            broken=self.broken,
            payload=_hydration_payload(article) if self.broken else "",
        )
        _write(self.site, article.image.path, PLACEHOLDER_JPEG)

    def discovery_files(self) -> None:
        outlet = self.outlet
        newest = outlet.articles[0].published
        robots = self.env.get_template("robots.txt").render(**self.common)
        _write(self.site, "/robots.txt", robots)
        rss = self.env.get_template("rss.xml").render(**self.common, articles=outlet.articles, newest=newest)
        _write(self.site, "/rss.xml", rss)
        # Koran Kota's sitemap mixes in listing pages (as real ones often do), so consumers must filter by pattern.
        listings = [Link("/", outlet.name)] + [Link(s.path, s.name) for s in outlet.sections]
        sitemap = self.env.get_template("sitemap.xml").render(
            **self.common,
            articles=outlet.articles,
            listings=listings if outlet.id == "korankota" else [],
            newest=newest,
            google_news=outlet.id == "wartanusantara",
        )
        _write(self.site, "/sitemap.xml", sitemap)


def render_site(
    root: Path,
    crawl_date: dt.date,
    *,
    broken_outlets: frozenset[str] = frozenset(),
    first_date: dt.date | None = None,
) -> None:
    """Write every outlet's static site under root/<outlet>/ for `crawl_date`, replacing what was there.

    first_date: also publish older days back to this one (see demo_site.content), for backfills; a day index page
    per day (/indeks/..., /archive/...) lists that day's articles.

    Outlets named in `broken_outlets` render as after a bad redesign: article pages keep title and chrome but the
    body paragraphs exist only inside a script, so an extractor finds no text and the quality gate must say no.
    """
    unknown = set(broken_outlets) - set(OUTLETS)
    if unknown:
        raise ValueError(f"unknown outlet(s) in broken_outlets: {', '.join(sorted(unknown))}")
    env = _environment()
    for outlet_id in OUTLETS:
        site = Path(root) / outlet_id
        if site.exists():
            shutil.rmtree(site)
        site.mkdir(parents=True)
        outlet = load_outlet(outlet_id, crawl_date, first_date)
        _SiteWriter(env, outlet, site, broken=outlet_id in broken_outlets).render()

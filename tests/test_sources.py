"""The source registry fails early and precisely, and partition names can never escape their folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newscorpus.partitions import Partition, PartitionError, check_run_id, parse_date
from newscorpus.sources import SourceConfigError, load_sources, source_from_dict

GOOD = """
sources:
  - id: harian-kota
    name: Harian Kota
    language: id
    timezone: Asia/Jakarta
    home: "${HARIAN_URL}"
    allowed_domains: [harian.example]
    discovery:
      feeds: ["${HARIAN_URL}/rss.xml"]
      article_pattern: '/\\d{4}-\\d{2}-\\d{2}/'
    extraction:
      body: div.article-description
      drop: [.font-widget]
    politeness: {download_delay: 0.5, concurrency: 1}
  - id: quiet
    name: Quiet
    language: en
    timezone: UTC
    home: https://off.example/
    allowed_domains: [off.example]
    enabled: false
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_registry_loads_and_round_trips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARIAN_URL", "https://harian.example")
    (source,) = load_sources(_write(tmp_path, GOOD))
    assert source.feeds == ("https://harian.example/rss.xml",)
    assert source.extraction.drop == (".font-widget",)
    assert source.politeness.download_delay == 0.5
    assert source_from_dict(source.to_dict()) == source
    assert [s.id for s in load_sources(_write(tmp_path, GOOD), include_disabled=True)] == ["harian-kota", "quiet"]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("id: harian-kota", "id: ../etc"), r"sources\[0\]: field 'id' must match"),
        (lambda t: t.replace("    timezone: Asia/Jakarta\n", "    timezone: Mars/Olympus\n"), "harian-kota.*timezone"),
        (lambda t: t.replace("    name: Harian Kota\n", ""), "harian-kota.*'name' is required"),
        (lambda t: t.replace("'/\\d{4}", "'/(\\d{4}"), "harian-kota.*article_pattern.*not a valid regex"),
        (lambda t: t.replace("drop: [.font-widget]", "dorp: [.font-widget]"), "unknown field.*dorp"),
        (lambda t: t.replace("id: quiet", "id: harian-kota"), "appears twice"),
        (lambda t: t.replace("concurrency: 1", "concurrency: 0"), "politeness.concurrency"),
    ],
)
def test_bad_registries_name_file_source_and_field(tmp_path: Path, monkeypatch, edit, message) -> None:
    monkeypatch.setenv("HARIAN_URL", "https://harian.example")
    path = _write(tmp_path, edit(GOOD))
    with pytest.raises(SourceConfigError, match=message) as caught:
        load_sources(path)
    assert str(path) in str(caught.value)


def test_an_unset_variable_is_an_error_not_an_empty_url(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("HARIAN_URL", raising=False)
    with pytest.raises(SourceConfigError, match="HARIAN_URL is not set"):
        load_sources(_write(tmp_path, GOOD))


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    with pytest.raises(SourceConfigError, match="not valid YAML"):
        load_sources(_write(tmp_path, "sources: !!python/object/apply:os.system ['echo pwned']\n"))


@pytest.mark.parametrize("run_id", ["../x", "a/b", "", "..", "x" * 300, "run id", "/abs"])
def test_unsafe_run_ids_are_refused(run_id: str) -> None:
    with pytest.raises(PartitionError):
        check_run_id(run_id)


def test_partition_paths_follow_the_design() -> None:
    p = Partition("korankota", dt.date(2026, 11, 20), "manual__2026-11-20T00:00:00+00:00")
    root = Path("/data")
    assert p.published_dir(root, "articles") == root / "published/articles/source=korankota/crawl_date=2026-11-20"
    assert (
        p.staging_dir(root, "articles") == root / f"staging/{p.run_id}/articles/source=korankota/crawl_date=2026-11-20"
    )
    with pytest.raises(PartitionError):
        Partition("../../etc", dt.date(2026, 11, 20), "r")
    with pytest.raises(PartitionError):
        parse_date("2026-13-01")
    assert parse_date("2026-11-20") == dt.date(2026, 11, 20)


# --- the production registry and the rule that makes enabling a source deliberate ------------------------------------

REPO = Path(__file__).resolve().parent.parent
PRODUCTION = REPO / "sources.yaml"
REAL_OUTLETS = {
    "koran-jakarta", "antara", "kompas", "detik", "tempo", "cnn-indonesia", "republika", "media-indonesia",
    "liputan6", "okezone",
}  # fmt: skip
# Outlets whose terms or robots.txt forbid automated collection / TDM without written permission (reference file).
FORBIDDING = {"kompas": "terms:", "antara": "terms:", "republika": "robots:"}


def test_the_production_registry_loads_with_every_real_outlet_unverified_and_off() -> None:
    sources = {s.id: s for s in load_sources(PRODUCTION, include_disabled=True)}
    assert REAL_OUTLETS <= set(sources)
    assert load_sources(PRODUCTION) == []  # nothing is crawled until someone enables a source deliberately
    for source in sources.values():
        assert source.permission.verified is False, source.id
        assert source.enabled is False and source.disabled_reason, source.id
        assert source.disabled_reason.split(":", 1)[0] in {"terms", "robots", "blocked", "unverified"}, source.id
        assert source.country == "ID" and source.timezone == "Asia/Jakarta"
        assert source.feeds or source.sitemaps or source.sections or source.dated_index, source.id


def test_outlets_that_forbid_collection_say_so_in_their_reason() -> None:
    sources = {s.id: s for s in load_sources(PRODUCTION, include_disabled=True)}
    for source_id, prefix in FORBIDDING.items():
        reason = sources[source_id].disabled_reason or ""
        assert reason.startswith(prefix), (source_id, reason)
        assert "written permission" in reason, source_id
    assert "Scrapy" in sources["kompas"].disabled_reason and "Scrapy" in sources["republika"].disabled_reason
    assert sources["kompas"].permission.contact and sources["kompas"].permission.terms_url


def _kompas_block(text: str) -> tuple[int, int]:
    start = text.index("  - id: kompas\n")
    return start, text.index("\n  - id: ", start + 1)


def _edit_kompas(tmp_path: Path, edit) -> Path:
    text = PRODUCTION.read_text(encoding="utf-8")
    start, end = _kompas_block(text)
    return _write(tmp_path, text[:start] + edit(text[start:end]) + text[end:])


def _without_reason(block: str) -> str:
    start = block.index("    disabled_reason: >-\n")
    end = block.index("    permission:\n")
    return block[:start] + block[end:]


def test_flipping_enabled_alone_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = _edit_kompas(tmp_path, lambda b: b.replace("enabled: false", "enabled: true"))
    with pytest.raises(SourceConfigError) as caught:
        load_sources(path)
    message = str(caught.value)
    assert str(path) in message and "(id=kompas)" in message and "field 'disabled_reason'" in message
    assert "permission.verified: true" in message and "permission.checked_on" in message


def test_enabling_without_a_verified_permission_is_refused(tmp_path: Path) -> None:
    path = _edit_kompas(tmp_path, lambda b: _without_reason(b.replace("enabled: false", "enabled: true")))
    with pytest.raises(SourceConfigError, match=r"\(id=kompas\): field 'permission.verified'.*not verified") as caught:
        load_sources(path)
    assert "checked_on: unset" in str(caught.value)
    verified_undated = _edit_kompas(
        tmp_path,
        lambda b: _without_reason(
            b.replace("enabled: false", "enabled: true").replace("verified: false", "verified: true")
        ),
    )
    with pytest.raises(SourceConfigError, match="permission.checked_on' is required"):
        load_sources(verified_undated)


def test_the_deliberate_steps_enable_it(tmp_path: Path) -> None:
    def enable(block: str) -> str:
        block = _without_reason(block.replace("enabled: false", "enabled: true"))
        return block.replace("      verified: false", "      verified: true\n      checked_on: 2026-11-20")

    (source,) = load_sources(_edit_kompas(tmp_path, enable))
    assert (source.id, source.enabled, source.permission.checked_on) == ("kompas", True, "2026-11-20")
    assert source_from_dict(source.to_dict()) == source


@pytest.mark.parametrize("checked_on", ["'20/11/2026'", "2999-01-01"])
def test_checked_on_must_be_a_real_past_date(tmp_path: Path, checked_on: str) -> None:
    path = _edit_kompas(
        tmp_path, lambda b: b.replace("verified: false", f"verified: true\n      checked_on: {checked_on}")
    )
    with pytest.raises(SourceConfigError, match=r"\(id=kompas\): field 'permission.checked_on'"):
        load_sources(path, include_disabled=True)


def test_a_new_public_outlet_needs_the_permission_record_but_fixtures_do_not(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HARIAN_URL", "https://harian.example")
    assert load_sources(_write(tmp_path, GOOD))  # *.example is reserved for tests: never anybody's outlet
    public = GOOD.replace("harian.example]", "harian.co.id]")
    with pytest.raises(SourceConfigError, match=r"harian-kota\): field 'permission.verified'"):
        load_sources(_write(tmp_path, public))


def test_the_demo_registry_still_loads(monkeypatch) -> None:
    from newscorpus.demo_site import SOURCES_YAML
    from newscorpus.demo_site.content import OUTLETS
    from newscorpus.demo_site.registry import demo_env

    for name, value in demo_env({o: f"http://127.0.0.1:{8000 + i}" for i, o in enumerate(OUTLETS)}).items():
        monkeypatch.setenv(name, value)
    assert {s.id for s in load_sources(SOURCES_YAML)} == set(OUTLETS)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("    language: id\n", "    language: id\n    enabeld: true\n"), "unknown field.*enabeld"),
        (lambda t: t.replace("      feeds:", "      feed:"), r"unknown field\(s\) in 'discovery': feed"),
        (
            lambda t: t.replace("    discovery:\n", "    discovery:\n      sample_article: /relative\n"),
            "sample_article",
        ),
    ],
)
def test_misspelt_fields_are_errors_not_silently_ignored(tmp_path: Path, monkeypatch, edit, message) -> None:
    monkeypatch.setenv("HARIAN_URL", "https://harian.example")
    with pytest.raises(SourceConfigError, match=message):
        load_sources(_write(tmp_path, edit(GOOD)))


@pytest.mark.parametrize(
    ("host", "fixture"),
    [("127.0.0.1", True), ("127.0.0.1:8080", True), ("[::1]", True), ("localhost", True), ("a.test", True),
     ("news.example", True), ("example.com", True), ("kompas.com", False), ("10.0.0.1", False), ("test.co.id", False)],
)  # fmt: skip
def test_fixture_hosts(host: str, fixture: bool) -> None:
    from newscorpus.sources import is_fixture_host

    assert is_fixture_host(host) is fixture

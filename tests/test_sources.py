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

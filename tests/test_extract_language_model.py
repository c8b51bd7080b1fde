"""The language model's unpacked copy in the user's cache (newscorpus.extract.language_model): the same model, a
damaged copy replaced, an unwritable cache only slower."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newscorpus.extract.language_model import CACHE_DIR_ENV, load_identifier

TEXTS = [
    "Pemerintah provinsi mengumumkan bahwa pembangunan jembatan baru akan dimulai pada bulan depan setelah izin.",
    "The city council voted on Tuesday to extend the library's opening hours through the summer months.",
    "Die Landesregierung hat am Dienstag beschlossen, die Öffnungszeiten der Bibliotheken zu verlängern.",
    "市政府周二宣布，新的跨海大桥将于下个月开工建设，预计三年内完工。",
]


@pytest.fixture(scope="module")
def packaged() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def model_copies(cache: Path) -> list[Path]:
    return sorted(cache.glob("langid-model-*.npz"))


def test_the_cached_copy_is_written_once_and_ranks_like_the_packaged_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, packaged: LanguageIdentifier
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    first = load_identifier()
    [copy] = model_copies(tmp_path / "cache")
    written = copy.stat().st_mtime_ns
    second = load_identifier()
    assert copy.stat().st_mtime_ns == written and model_copies(tmp_path / "cache") == [copy]
    assert not list((tmp_path / "cache").glob("*.part"))
    for text in TEXTS:
        assert first.rank(text)[:3] == packaged.rank(text)[:3] == second.rank(text)[:3]


def test_a_damaged_copy_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, packaged: LanguageIdentifier
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    load_identifier()
    [copy] = model_copies(tmp_path)
    size = copy.stat().st_size
    copy.write_bytes(copy.read_bytes()[: size // 3])
    identifier = load_identifier()
    assert copy.stat().st_size == size
    assert identifier.rank(TEXTS[0])[:3] == packaged.rank(TEXTS[0])[:3]


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would be")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker / "cache"))
    assert load_identifier().classify(TEXTS[1])[0] == "en"


def test_a_half_written_copy_left_by_a_killed_process_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    abandoned, fresh = tmp_path / "langid-model-1-2.npzabc.part", tmp_path / "langid-model-1-2.npzdef.part"
    for part in (abandoned, fresh):
        part.write_bytes(b"half a model")
    os.utime(abandoned, (time.time() - 7200, time.time() - 7200))
    load_identifier()
    assert not abandoned.exists() and fresh.exists()  # a recent one may still be another process's

"""The on-disk cache of validated rule packs: hits, misses on any change, and never a wrong answer."""

from __future__ import annotations

import os
import stat

import pytest

from sowlint.errors import ConfigError
from sowlint.engine.rulepack import cache, load
from conftest import write_rule

PHRASES = {"phrases": ["as needed"], "regex": [r"\bunlimited\s+revisions?\b"]}


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SOWLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("SOWLINT_NO_CACHE", raising=False)
    return folder


def _no_file_reads(monkeypatch):
    def refuse(path):
        raise AssertionError(f"{path} was loaded from its file, not from the cache")
    monkeypatch.setattr(load, "load_rule", refuse)


def test_a_second_load_comes_from_the_cache(tmp_path, cache_dir, monkeypatch):
    pack = tmp_path / "pack"
    write_rule(pack, "vague", "phrase", PHRASES)
    first = load.load_pack(pack)
    assert len(list(cache_dir.glob("pack-*.pickle"))) == 1
    _no_file_reads(monkeypatch)
    again = load.load_pack(pack)
    assert [(r.id, r.options, r.path) for r in again] == [(r.id, r.options, r.path) for r in first]


def test_any_change_to_a_rule_file_is_a_miss(tmp_path, cache_dir):
    pack = tmp_path / "pack"
    path = write_rule(pack, "vague", "phrase", PHRASES)
    load.load_pack(pack)
    path.write_text(path.read_text(encoding="utf-8").replace("as needed", "as required"), encoding="utf-8")
    assert load.load_pack(pack)[0].options.phrases == ["as required"]
    write_rule(pack, "second", "phrase", PHRASES)
    assert [r.id for r in load.load_pack(pack)] == ["second", "vague"]


def test_a_bad_pack_is_never_cached(tmp_path, cache_dir):
    pack = tmp_path / "pack"
    write_rule(pack, "bad", "phrase", {"regex": ["(?<!not\\s+)provided"]})
    for _ in range(2):
        with pytest.raises(ConfigError, match="look-behind"):
            load.load_pack(pack)
    assert not list(cache_dir.glob("pack-*.pickle"))


def test_a_damaged_cache_file_is_passed_over(tmp_path, cache_dir):
    pack = tmp_path / "pack"
    write_rule(pack, "vague", "phrase", PHRASES)
    load.load_pack(pack)
    (entry,) = cache_dir.glob("pack-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert [r.id for r in load.load_pack(pack)] == ["vague"]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_others_may_write_is_not_read(tmp_path, cache_dir, monkeypatch):
    pack = tmp_path / "pack"
    write_rule(pack, "vague", "phrase", PHRASES)
    load.load_pack(pack)
    cache_dir.chmod(cache_dir.stat().st_mode | stat.S_IWOTH)
    assert cache.load(cache.key(sorted(pack.glob("*.yaml")))) is None


def test_switched_off_nothing_is_written(tmp_path, cache_dir, monkeypatch):
    monkeypatch.setenv("SOWLINT_NO_CACHE", "1")
    pack = tmp_path / "pack"
    write_rule(pack, "vague", "phrase", PHRASES)
    load.load_pack(pack)
    assert not cache_dir.exists()


def test_an_unwritable_cache_folder_does_not_stop_a_run(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("SOWLINT_CACHE_DIR", str(blocker / "cache"))
    pack = tmp_path / "pack"
    write_rule(pack, "vague", "phrase", PHRASES)
    assert [r.id for r in load.load_pack(pack)] == ["vague"]


def test_cached_regexes_keep_their_prefilter_literals(tmp_path, cache_dir, monkeypatch):
    from sowlint.engine import prefilter

    pack = tmp_path / "pack"
    write_rule(pack, "vague", "phrase", {"regex": [r"\bbespoke\s+widgets?\b"]})
    load.load_pack(pack)
    monkeypatch.setattr(prefilter, "_KNOWN", {})
    monkeypatch.setattr(prefilter, "_VALID", set())
    load.load_pack(pack)
    assert prefilter._KNOWN == {r"\bbespoke\s+widgets?\b": frozenset({"bespoke"})}
    assert r"\bbespoke\s+widgets?\b" in prefilter._VALID


def test_old_packs_are_pruned(tmp_path, cache_dir):
    pack = tmp_path / "pack"
    path = write_rule(pack, "vague", "phrase", PHRASES)
    for n in range(cache.KEEP + 3):  # every edit is a new cache entry
        path.write_text(path.read_text(encoding="utf-8") + f"# edit {n}\n", encoding="utf-8")
        load.load_pack(pack)
    assert len(list(cache_dir.glob("pack-*.pickle"))) == cache.KEEP

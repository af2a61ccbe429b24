"""The rule-pack cache against another local user: a racing folder swap never runs his pickle, and a
cache file of the wrong shape is passed over and replaced (issue 14; the other cases are in
test_hostile_limits.py)."""

from __future__ import annotations

import os
import pickle
import stat
import threading
import time
from pathlib import Path

import pytest

from conftest import write_rule
from sowlint.engine.rulepack import cache, load


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "shared" / "cache"
    monkeypatch.setenv("SOWLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("SOWLINT_NO_CACHE", raising=False)
    return folder


class _Payload:
    """Unpickling it makes a marker folder: proof that the attacker's pickle ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return os.mkdir, (str(self.marker),)


def test_a_wrong_shape_cache_file_is_passed_over_and_replaced(tmp_path, cache_dir):
    pack = tmp_path / "pack"
    write_rule(pack, "vague", "phrase", {"phrases": ["as needed"]})
    load.load_pack(pack)
    (entry,) = cache_dir.glob("pack-*.pickle")
    entry.write_bytes(pickle.dumps((1, 2)))
    entry.chmod(0o600)
    assert [r.id for r in load.load_pack(pack)] == ["vague"]
    rules, _literals = pickle.loads(entry.read_bytes())
    assert [r.id for r in rules] == ["vague"]  # replaced by a good one


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="POSIX descriptors")
def test_a_racing_attacker_never_gets_his_pickle_loaded(tmp_path, cache_dir):
    """The cache folder's parent is writable by all (0777, no sticky bit); a looping attacker swaps the
    folder for a symbolic link to his own, holding a pickle under the very name the victim loads."""
    pack = tmp_path / "pack"
    write_rule(pack, "vague", "phrase", {"phrases": ["as needed"]})
    load.load_pack(pack)
    key = cache.key(sorted(pack.glob("*.yaml")))
    cache_dir.parent.chmod(0o777)
    evil = tmp_path / "evil"
    evil.mkdir(mode=0o700)
    marker = tmp_path / "pwned"
    payload = evil / f"pack-{key}.pickle"
    payload.write_bytes(pickle.dumps((_Payload(marker), {})))
    payload.chmod(0o600)
    aside = cache_dir.parent / "aside"
    stop = threading.Event()
    swaps = 0

    def attacker():
        nonlocal swaps
        while not stop.is_set():
            os.rename(cache_dir, aside)
            os.symlink(evil, cache_dir)
            os.unlink(cache_dir)
            os.rename(aside, cache_dir)
            swaps += 1

    thread = threading.Thread(target=attacker)
    thread.start()
    hits = 0
    try:
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            hits += cache.load(key) is not None
    finally:
        stop.set()
        thread.join()
    assert swaps > 100
    assert not marker.exists(), "the attacker's pickle was loaded"
    assert hits > 0  # the real cache still served some loads
    assert stat.S_ISDIR(cache_dir.lstat().st_mode)

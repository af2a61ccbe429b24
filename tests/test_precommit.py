"""The pre-commit hook: its files pattern, and a real `pre-commit try-repo` run when pre-commit is installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
HOOK = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]


@pytest.mark.parametrize("name, linted", [
    ("proposals/acme.docx", True), ("SOW.PDF", True), ("notes/scope.md", True), ("draft.txt", True),
    ("proposals/~$acme.docx", False),  # Word's lock file while the document is open
    ("image.png", False), ("acme.doc", False), ("data.docx.bak", False),
])
def test_files_pattern_matches_documents_only(name, linted):
    matched = re.search(HOOK["files"], name) and not re.search(HOOK["exclude"], name)
    assert bool(matched) is linted


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_try_repo_runs_the_hook_and_fails_on_a_risky_proposal(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit not installed")
    work = tmp_path / "proposals"
    work.mkdir()
    shutil.copy(ROOT / "corpora" / "src" / "website-build-fernleaf.md", work / "risky.md")
    git = ["git", "-C", str(work), "-c", "user.email=ci@example.invalid", "-c", "user.name=ci"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "draft"], check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "sowlint", "--all-files"],
                          cwd=work, env=env, capture_output=True, text=True, timeout=900)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out[-2000:]
    assert "no-exclusions" in out and "risky.md" in out
    assert "Traceback" not in out

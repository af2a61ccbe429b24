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
    (work / "README.md").write_text("# Proposals\n\nDrafts for Fernleaf live here.\n", encoding="utf-8")
    (work / "risky.notes.md").write_text("Told them hosting is on us.\n", encoding="utf-8")
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
    # pre-commit names every file; --force-exclude (the hook's args) leaves the README and notes alone
    linted = {line.split(":")[0] for line in out.splitlines() if ": error " in line or ": warning " in line}
    assert linted == {"risky.md"}, out[-2000:]
    assert not any("README.md" in line for line in out.splitlines() if not line.startswith("sowlint: info:"))
    assert "Traceback" not in out

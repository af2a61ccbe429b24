"""The command line in a pipeline: discovery and excludes, stdin, output paths, concise and statistics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sowlint.cli import main
from sowlint.run.discover import Excludes, discover

ROOT = Path(__file__).resolve().parents[1]
RISKY = (ROOT / "corpora" / "src" / "website-build-fernleaf.md").read_text(encoding="utf-8")


def sowlint(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A proposals repository as people keep them: a venv, node_modules, .git, a README, notes, drafts."""
    monkeypatch.chdir(tmp_path)
    files = {
        "proposals/acme.md": RISKY, "proposals/sub/beta.txt": RISKY,
        ".venv/lib/site/vendored.md": RISKY, "node_modules/pkg/readme.md": RISKY, ".git/info/x.md": RISKY,
        "README.md": "# Our proposals\n\nRun sowlint on them.\n", "proposals/CHANGELOG.md": "# 1.0\n",
        "proposals/acme.notes.md": "Told them support is free.\n", "drafts/old.md": RISKY,
        "proposals/build/out.md": RISKY,
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / "proposals" / ".gitignore").write_text("build/\n", encoding="utf-8")
    return tmp_path


def _names(paths, base):
    return sorted(p.resolve().relative_to(base).as_posix() for p in paths)


# -- discovery --------------------------------------------------------------------------------------


def test_a_folder_walk_skips_tool_folders_gitignored_files_readmes_and_notes(repo):
    excludes = Excludes(root=repo)
    found = discover([repo], excludes)
    assert _names(found, repo) == ["proposals/acme.md", "proposals/sub/beta.txt"]
    assert {"README.md", "proposals/CHANGELOG.md", "proposals/acme.notes.md"} <= set(_names(excludes.skipped, repo))


def test_gitignore_is_read_up_to_the_repository_root_and_only_in_one(repo):
    # walking a subfolder still honours the .gitignore above it, up to the repository root
    assert discover([repo / "proposals"], Excludes(root=repo)) == [repo / "proposals" / "acme.md",
                                                                     repo / "proposals" / "sub" / "beta.txt"]
    everything = _names(discover([repo], Excludes(root=repo, respect_gitignore=False)), repo)
    assert "drafts/old.md" in everything and "proposals/build/out.md" in everything
    import shutil

    shutil.rmtree(repo / ".git")  # not a repository: git would not read .gitignore, nor do we
    assert "drafts/old.md" in _names(discover([repo], Excludes(root=repo)), repo)


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(repo):
    extended = _names(discover([repo], Excludes(root=repo, extend=["sub/"])), repo)
    assert extended == ["proposals/acme.md"]
    replaced = _names(discover([repo], Excludes(root=repo, patterns=["proposals/sub"])), repo)
    assert "proposals/acme.md" in replaced and "proposals/sub/beta.txt" not in replaced
    assert "node_modules/pkg/readme.md" not in replaced  # a readme by name, whatever the excludes
    assert ".venv/lib/site/vendored.md" not in replaced  # hidden folders are never walked


def test_a_named_file_is_linted_unless_force_exclude(repo):
    assert discover(["README.md", "drafts/old.md"], Excludes(root=repo)) == [Path("README.md"), Path("drafts/old.md")]
    forced = Excludes(root=repo, force=True)
    assert discover(["README.md", "drafts/old.md", "proposals/acme.md", ".venv/lib/site/vendored.md"], forced) \
        == [Path("proposals/acme.md")]
    no_git = Excludes(root=repo, force=True, respect_gitignore=False)
    assert discover(["drafts/old.md"], no_git) == [Path("drafts/old.md")]  # respect-gitignore: false


def test_cli_excludes_from_the_command_line_and_the_config(repo):
    result = sowlint(".", "--format", "concise")
    assert result.exit_code == 1
    linted = {line.split(":")[0] for line in result.stdout.splitlines()}
    assert linted == {"proposals/acme.md", "proposals/sub/beta.txt"}
    assert "sowlint: info: skipped" in result.stderr and "README.md" in result.stderr
    only = sowlint(".", "--format", "concise", "--extend-exclude", "sub")
    assert {line.split(":")[0] for line in only.stdout.splitlines()} == {"proposals/acme.md"}
    (repo / ".sowlint.yaml").write_text("extend-exclude: [acme.md]\n", encoding="utf-8")
    config = sowlint(".", "--format", "concise")
    assert {line.split(":")[0] for line in config.stdout.splitlines()} == {"proposals/sub/beta.txt"}
    assert sowlint(".", "-q").stderr == ""  # --quiet: no info line


def test_force_exclude_lets_pre_commit_pass_a_readme(repo):
    result = sowlint("--force-exclude", "README.md")
    assert result.exit_code == 0 and "skipped 1 file" in result.stderr
    both = sowlint("--force-exclude", "README.md", "proposals/acme.md", "--format", "concise")
    assert both.exit_code == 1
    assert {line.split(":")[0] for line in both.stdout.splitlines()} == {"proposals/acme.md"}
    assert sowlint("README.md", "--format", "concise").exit_code == 1  # named without the flag: linted


def test_the_pre_commit_hook_passes_force_exclude_where_args_cannot_drop_it():
    import yaml

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert hook["entry"].split() == ["sowlint", "--force-exclude"] and "args" not in hook


# -- stdin ------------------------------------------------------------------------------------------


def test_stdin_is_linted_as_markdown_under_the_name_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plain = sowlint("-", "--format", "json", input=RISKY)
    assert plain.exit_code == 1
    doc = json.loads(plain.stdout)["documents"][0]
    assert doc["path"] == "-" and doc["format"] == "md" and doc["findings"]
    named = sowlint("-", "--stdin-filename", "proposals/acme.md", "--format", "concise", input=RISKY)
    assert named.stdout.splitlines()[0].startswith("proposals/acme.md:")
    assert not list(Path("/tmp").glob("sowlint-stdin-*/acme.md"))  # the temporary copy is removed


def test_stdin_takes_a_docx_as_bytes_and_the_config_beside_its_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = (ROOT / "corpora" / "website-build-fernleaf.docx").read_bytes()
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / ".sowlint.yaml").write_text("select: [no-exclusions]\n", encoding="utf-8")
    result = sowlint("-", "--stdin-filename", "team/fernleaf.docx", "--format", "json", input=data)
    doc = json.loads(result.stdout)["documents"][0]
    assert doc["format"] == "docx" and {f["rule"] for f in doc["findings"]} == {"no-exclusions"}


def test_stdin_refuses_an_unknown_type_in_one_line():
    result = sowlint("-", "--stdin-filename", "notes.doc", input="text")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "sowlint: error: --stdin-filename notes.doc: unsupported file type '.doc' "
        "(sowlint reads .docx, .pdf, .md, .markdown, .txt)"]


# -- output -----------------------------------------------------------------------------------------


@pytest.fixture
def sow(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "sow.md"
    path.write_text(RISKY, encoding="utf-8")
    return path


def test_output_folders_are_created(sow):
    result = sowlint(sow, "--format", "json", "-o", "missing/dir/report.json")
    assert result.exit_code == 1
    assert json.loads(Path("missing/dir/report.json").read_text(encoding="utf-8"))["documents"]


@pytest.mark.parametrize("output, message", [
    ("sow.md", "sow.md: is one of the documents being linted; sowlint never writes to its inputs"),
    ("./sow.md", "./sow.md: is one of the documents being linted; sowlint never writes to its inputs"),
    ("notes.md", "notes.md: is one of the documents being linted; sowlint never writes to its inputs"),
    ("sow.md/x.json", "sow.md/x.json: cannot create the report there, sow.md is a file"),
    (".", ".: is a folder; give a file name for the report"),
])
def test_bad_output_paths_are_one_line(sow, output, message):
    Path("notes.md").write_text("They said support is free.\n", encoding="utf-8")
    before = sow.read_bytes()
    result = sowlint(sow, "--notes", "notes.md", "--format", "markdown", "-o", output)
    assert (result.exit_code, result.stderr) == (2, f"sowlint: error: {message}\n")
    assert sow.read_bytes() == before


def test_an_output_over_a_document_found_in_a_folder_is_refused(sow):
    result = sowlint(".", "--format", "markdown", "-o", "sow.md")
    assert result.exit_code == 2 and "never writes to its inputs" in result.stderr
    assert sow.read_text(encoding="utf-8") == RISKY


def test_a_read_error_is_said_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = sowlint("nope.docx")
    assert result.exit_code == 2
    assert result.stderr == "sowlint: error: nope.docx: no such file\n"
    assert "nope.docx" not in result.stdout and "1 could not be read" in result.stdout


# -- concise and statistics -------------------------------------------------------------------------


def test_concise_is_one_jumpable_line_per_finding(sow):
    concise = sowlint(sow, "--format", "concise")
    findings = json.loads(sowlint(sow, "--format", "json").stdout)["documents"][0]["findings"]
    lines = concise.stdout.splitlines()
    assert len(lines) == len(findings)
    for line, finding in zip(lines, findings):
        loc = finding["location"]
        assert line == (f"sow.md:{loc['line'] or 1}:{loc['column'] or 1}: {finding['rule']} "
                        f"{finding['severity']} {' '.join(finding['message'].split())}")


def test_statistics_counts_findings_per_rule(sow):
    result = sowlint(sow, "--statistics")
    findings = json.loads(sowlint(sow, "--format", "json").stdout)["documents"][0]["findings"]
    rows = [line.split() for line in result.stdout.splitlines()]
    assert sum(int(n) for n, _rule, _sev in rows) == len(findings)
    counts = {rule: int(n) for n, rule, _sev in rows}
    assert counts["soft-promise-side-promise"] == sum(f["rule"] == "soft-promise-side-promise" for f in findings) >= 2
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)
    assert result.exit_code == 1  # the gate still decides the exit code


def test_named_files_are_discovered_without_pydantic_or_pathspec(sow):
    """A one-document run forks its helper before importing pydantic; discovery must not import it first."""
    import subprocess
    import sys

    code = ("import sys; from sowlint.run.discover import discover, excludes_for; "
            f"print(discover([{str(sow)!r}], excludes_for([{str(sow)!r}])), "
            "'pydantic' in sys.modules, 'pathspec' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.split()[-2:] == ["False", "False"]

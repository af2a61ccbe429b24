"""Rule packs and config on the command line: the repository's rules/ folder, packs from the config in
`rules`, `explain`, `outline` and `extract`, and config mistakes named with the nearest valid key."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import write_rule
from sowlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATED = "## Timeline\n\nThe work starts on 03/04/2027 and ends on 28/05/2027.\n"
AMBIGUOUS = "## Timeline\n\nThe work starts on 03/04/2027 and ends on 05/06/2027.\n"


def sowlint(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def team(tmp_path, monkeypatch):
    """A folder whose config adds a pack of its own, reads dates day first and caps files at 1 MB."""
    write_rule(tmp_path / "pack", "house-rule", "phrase", {"phrases": ["best efforts"]})
    (tmp_path / ".sowlint.yaml").write_text("rules: [pack]\ndate-order: DMY\nmax-file-mb: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_pack_and_rules_accept_the_repositorys_own_rules_folder():
    result = sowlint("check-pack", ROOT / "rules")
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.stdout
    listed = sowlint("rules", "--rules", ROOT / "rules")  # roles.yaml sits there: it is not a rule
    assert listed.exit_code == 0, listed.output


def test_rules_and_explain_read_the_packs_of_the_config(team):
    assert "house-rule" in sowlint("rules").stdout
    assert sowlint("explain", "house-rule").stdout.startswith("house-rule  (phrase,")
    elsewhere = team / "other.yaml"
    elsewhere.write_text("select: [no-exclusions]\n", encoding="utf-8")
    assert "house-rule" not in sowlint("rules", "--config", elsewhere).stdout


def test_outline_and_extract_take_the_config(team):
    (team / "sow.md").write_text(AMBIGUOUS, encoding="utf-8")
    assert "dates read as DMY (set in the configuration)" in sowlint("outline", "sow.md", "--timeline").stdout
    assert "dates read as MDY" in sowlint("outline", "sow.md", "--timeline", "--date-order", "MDY").stdout
    (team / "big.txt").write_text("word " * 300_000, encoding="utf-8")
    for command in ("outline", "extract"):
        result = sowlint(command, "big.txt")
        assert result.exit_code == 2 and "byte limit" in result.stderr, command
    other = team / "loose.yaml"
    other.write_text("max-file-mb: 8\n", encoding="utf-8")
    assert sowlint("extract", "big.txt", "--config", other).exit_code == 0


def test_a_misspelt_config_key_names_the_nearest_one_and_every_mistake(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sow.md").write_text(DATED, encoding="utf-8")
    (tmp_path / ".sowlint.yaml").write_text("selec: [no-exclusions]\nfail-on: sometimes\nextend-exclud: [x]\n",
                                            encoding="utf-8")
    result = sowlint("sow.md")
    config = tmp_path / ".sowlint.yaml"
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"sowlint: error: {config}:1: unknown key 'selec'; did you mean 'select'?",
        f"sowlint: error: {config}:2: fail_on: Input should be 'error', 'warning', 'info' or 'never'",
        f"sowlint: error: {config}:3: unknown key 'extend_exclud'; did you mean 'extend-exclude'?",
    ]


def test_a_rule_file_with_several_mistakes_names_each_on_its_line(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "r.yaml").write_text(
        "id: r\nkind: token-pattern\ncategory: soft-promise\nseverity: warnng\nmessage: m\n"
        "description: d\nrationale: r\nquestion: q\nsuggestion: s\npaterns: [[{LOWER: asap}]]\n"
        "examples:\n  fail: [asap now, asap later]\n  pass: [soon, later]\n", encoding="utf-8")
    result = sowlint("check-pack", pack)
    path = pack / "r.yaml"
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"sowlint: error: {path}:4: severity: Input should be 'error', 'warning' or 'info'",
        f"sowlint: error: {path}:10: unknown option 'paterns' for kind 'token-pattern'; did you mean 'patterns'?",
    ]

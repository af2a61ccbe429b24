"""Settings: `.sowlint.yaml` / `[tool.sowlint]` nearest to the document, `--config`, and CLI overrides."""

from __future__ import annotations

import json

import pytest

from conftest import write_rule
from sowlint.run.config import Settings, load_config
from sowlint.run.configfile import find_config

SOW = "## Scope\n\nWe offer unlimited revisions.\n\nDelivery ASAP.\n"


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "pack"
    write_rule(folder, "unlimited", "phrase", {"phrases": ["unlimited revisions"]}, severity="warning")
    write_rule(folder, "asap", "phrase", {"phrases": ["asap"]}, severity="error", category="timeline")
    return folder


@pytest.fixture
def lint(cli, pack):
    """``lint(*args)`` -> (exit code, rule ids found, severities by rule, stderr), with only the test pack."""

    def run(*args):
        result = cli("lint", "--no-default-rules", "--rules", pack, "--format", "json", *args)
        if result.exit_code == 2:
            return 2, [], {}, result.stderr
        findings = [f for d in json.loads(result.stdout)["documents"] for f in d["findings"]]
        return result.exit_code, sorted({f["rule"] for f in findings}), {f["rule"]: f["severity"] for f in findings}, ""

    return run


# -- discovery --------------------------------------------------------------------------------------


def test_sowlint_yaml_next_to_the_document(lint, write):
    write("project/.sowlint.yaml", "ignore: [asap]\n")
    doc = write("project/sow.md", SOW)
    code, rules, _sev, _err = lint(doc)
    assert (code, rules) == (0, ["unlimited"])


def test_nearest_config_wins(lint, write):
    write("root/.sowlint.yaml", "ignore: [asap]\n")
    write("root/team/.sowlint.yaml", "ignore: [unlimited]\n")
    assert lint(write("root/team/deep/sow.md", SOW))[1] == ["asap"]
    assert lint(write("root/sow.md", SOW))[1] == ["unlimited"]


def test_each_document_in_a_batch_gets_its_own_config(lint, write):
    write("a/.sowlint.yaml", "ignore: [asap]\n")
    write("b/.sowlint.yaml", "ignore: [unlimited]\n")
    code, rules, _sev, _err = lint(write("a/sow.md", SOW), write("b/sow.md", SOW))
    assert rules == ["asap", "unlimited"]
    assert code == 1  # b's document keeps its error-level "asap"


def test_pyproject_tool_table(lint, write):
    write("proj/pyproject.toml", '[project]\nname = "x"\n\n[tool.sowlint]\nignore = ["unlimited"]\n')
    assert lint(write("proj/docs/sow.md", SOW))[1] == ["asap"]


def test_pyproject_without_the_table_is_passed_over(lint, write, tmp_path):
    write("outer/.sowlint.yaml", "ignore: [asap]\n")
    write("outer/inner/pyproject.toml", '[project]\nname = "x"\n')
    doc = write("outer/inner/sow.md", SOW)
    assert find_config(doc) == (tmp_path / "outer" / ".sowlint.yaml").resolve()
    assert lint(doc)[1] == ["unlimited"]


def test_sowlint_yaml_beats_pyproject_in_the_same_folder(write, tmp_path):
    write("p/pyproject.toml", "[tool.sowlint]\nfail_on = \"info\"\n")
    write("p/.sowlint.yml", "fail_on: warning\n")
    assert find_config(write("p/sow.md", SOW)) == (tmp_path / "p" / ".sowlint.yml").resolve()


def test_hyphenated_keys_and_relative_paths(write, tmp_path, pack):
    config = write("cfg/.sowlint.yaml", "fail-on: warning\ndefault-rules: false\nrules: [../pack]\n")
    settings = load_config(config)
    assert settings.fail_on == "warning" and settings.default_rules is False
    assert settings.rules == [str(pack.resolve())]  # relative to the config file, not to the working folder
    assert settings.source == str(config)


def test_rules_from_config_run_from_another_folder(cli, write, monkeypatch, tmp_path):
    write("proj/.sowlint.yaml", "default_rules: false\nrules: [rules]\n")
    write_rule(tmp_path / "proj" / "rules", "asap", "phrase", {"phrases": ["asap"]}, severity="error")
    doc = write("proj/sow.md", SOW)
    monkeypatch.chdir(tmp_path)
    result = cli(doc, "--format", "json")
    assert result.exit_code == 1
    assert [f["rule"] for f in json.loads(result.stdout)["documents"][0]["findings"]] == ["asap"]


def test_no_config_gives_defaults(write, tmp_path):
    doc = write("bare/sow.md", SOW)
    if find_config(doc) is not None:
        pytest.skip("a config file above the temporary folder")
    assert load_config(None) == Settings()


# -- --config and overrides -------------------------------------------------------------------------


def test_explicit_config_replaces_discovery(lint, write):
    write("proj/.sowlint.yaml", "ignore: [asap]\n")
    other = write("elsewhere/strict.yaml", "ignore: [unlimited]\n")
    doc = write("proj/sow.md", SOW)
    assert lint(doc)[1] == ["unlimited"]
    assert lint(doc, "--config", other)[1] == ["asap"]


def test_command_line_overrides_config(lint, write):
    write("proj/.sowlint.yaml", "fail_on: never\nselect: [unlimited]\nseverity:\n  unlimited: info\n")
    doc = write("proj/sow.md", SOW)
    assert lint(doc)[:3] == (0, ["unlimited"], {"unlimited": "info"})
    assert lint(doc, "--fail-on", "info")[0] == 1
    assert lint(doc, "--select", "asap")[1] == ["asap"]  # --select replaces the config's list
    assert lint(doc, "--severity", "unlimited=warning")[2] == {"unlimited": "warning"}


def test_severity_overrides_merge(lint, write):
    write("proj/.sowlint.yaml", "severity:\n  unlimited: info\n")
    doc = write("proj/sow.md", SOW)
    assert lint(doc, "--severity", "asap=warning")[2] == {"unlimited": "info", "asap": "warning"}


def test_missing_config_file_option(cli, write, tmp_path):
    result = cli(write("sow.md", SOW), "--config", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "nope.yaml" in result.stderr


# -- bad config -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("fail_on: warning\nignore: []\nselec: [asap]\n", ":3: unknown key 'selec'"),
    ("ignore: []\nfail_on: sometimes\n", ":2: fail_on: Input should be 'error', 'warning', 'info' or 'never'"),
    ("ignore: asap\n", ":1: ignore: Input should be a valid list"),
    ("ignore: []\nseverity:\n  asap: fatal\n", ":2: severity.asap: Input should be 'error', 'warning' or 'info'"),
    ("ignore: [asap\n", ":2: invalid YAML:"),
    ("- ignore\n", ":1: config must be a mapping"),
    ("1: x\n", ":1: unknown key '1'"),
    ("base: &b [x]\nignore: *b\n", ":1: YAML anchors and aliases are not allowed"),
])
def test_bad_config_is_exit_2_naming_file_and_line(lint, write, text, expected):
    config = write("proj/.sowlint.yaml", text)
    code, _rules, _sev, err = lint(write("proj/sow.md", SOW))
    assert code == 2
    assert err.startswith(f"sowlint: error: {config}{expected}"), err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_pyproject_table_names_the_file(lint, write):
    config = write("proj/pyproject.toml", "[tool.sowlint]\nselec = [\"asap\"]\n")
    code, _rules, _sev, err = lint(write("proj/sow.md", SOW))
    assert code == 2
    assert err.startswith(f"sowlint: error: {config}:") and "unknown key 'selec'" in err


def test_broken_pyproject(lint, write):
    config = write("proj/pyproject.toml", "[tool.sowlint]\nignore = [\n")
    code, _rules, _sev, err = lint(write("proj/sow.md", SOW))
    assert code == 2
    assert err.startswith(f"sowlint: error: {config}: cannot read config")


def test_severity_for_an_unknown_rule_in_config(lint, write):
    write("proj/.sowlint.yaml", "severity:\n  nosuch: info\n")
    code, _rules, _sev, err = lint(write("proj/sow.md", SOW))
    assert code == 2 and "severity override for unknown rule 'nosuch'" in err

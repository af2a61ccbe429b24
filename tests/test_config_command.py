"""`sowlint config PATH`: the effective settings for a path and the file each one came from."""

from __future__ import annotations

import json
import re


def test_settings_come_from_the_nearest_config_with_lines(cli, write, tmp_path, monkeypatch):
    write(".sowlint.yaml", "select: [exclusions, timeline]\nfail_on: warning\nseverity: {no-exclusions: warning}\n")
    sow = write("proposals/acme/sow.md", "## Scope\n\nWe build it.\n")
    monkeypatch.chdir(tmp_path)
    result = cli("config", "proposals/acme/sow.md")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "config file: .sowlint.yaml (nearest config file)" in out
    assert re.search(r"^  select +\[\"exclusions\", \"timeline\"\] +\.sowlint\.yaml:1$", out, re.M), out
    assert re.search(r"^  fail_on +warning +\.sowlint\.yaml:2$", out, re.M)
    assert re.search(r"^  severity +\{\"no-exclusions\": \"warning\"\} +\.sowlint\.yaml:3$", out, re.M)
    assert re.search(r"^  ignore +\[\] +default$", out, re.M)
    assert "rules selected: " in out and "(default)" in out
    data = json.loads(cli("config", str(sow), "--format", "json").stdout)
    assert data["config"] == str((tmp_path / ".sowlint.yaml").resolve())
    assert data["settings"]["fail_on"] == {"value": "warning", "from": ".sowlint.yaml:2"}
    assert data["searched"][0].endswith("acme") and data["searched"][-1] == str(tmp_path.resolve())
    assert 0 < data["rules_selected"] < json.loads(cli("config", "/", "--format", "json").stdout)["rules_selected"]


def test_pyproject_table_and_explicit_config(cli, write, tmp_path, monkeypatch):
    write("pyproject.toml", "[project]\nname = 'x'\n\n[tool.sowlint]\nignore = ['governance']\n")
    other = write("strict.yaml", "fail_on: info\n")
    write("sow.md", "## Scope\n\nWe build it.\n")
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("config", "sow.md", "--format", "json").stdout)
    assert data["settings"]["ignore"] == {"value": ["governance"], "from": "pyproject.toml [tool.sowlint]"}
    assert data["settings"]["fail_on"]["from"] == "default"
    explicit = json.loads(cli("config", "sow.md", "--config", str(other), "--format", "json").stdout)
    assert explicit["config_from"] == "--config" and explicit["settings"]["fail_on"]["from"] == "strict.yaml:1"
    assert explicit["settings"]["ignore"]["from"] == "default"


def test_no_config_means_defaults(cli, tmp_path, monkeypatch):
    folder = tmp_path / "empty"
    folder.mkdir()
    monkeypatch.chdir(folder)
    out = cli("config").stdout
    assert "config file: none found, defaults apply" in out
    assert all(line.rstrip().endswith("default") for line in out.splitlines() if line.startswith("  ") and "/" not in line)


def test_bad_config_and_missing_path_are_one_line_errors(cli, write, tmp_path):
    write(".sowlint.yaml", "fail_on: sometimes\n")
    sow = write("sow.md", "## Scope\n\nWe build it.\n")
    bad = cli("config", str(sow))
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1 and "fail_on" in bad.stderr
    missing = cli("config", str(tmp_path / "nope.md"))
    assert missing.exit_code == 2 and "no such file or folder" in missing.stderr and "Traceback" not in missing.output

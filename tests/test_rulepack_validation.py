"""Malformed rule files are refused with one line per mistake, each naming the file, the line and the key."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, write_rule
from sowlint.errors import ConfigError
from sowlint.engine.rulepack import load_pack, load_packs, load_rule

PHRASES = {"phrases": ["unlimited revisions"]}


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line of ``path`` containing ``needle``."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def refusal(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_rule(path)
    message = str(info.value)
    assert all(line.startswith(f"{path}:") for line in message.splitlines()), message
    return message


def raw_rule(folder: Path, rule_id: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{rule_id}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


# -- one refusal per mistake ----------------------------------------------------------------------


def test_unknown_kind_option_names_file_line_and_key(tmp_path):
    path = write_rule(tmp_path, "no-exclusions", "phrase", {"paterns": [["x"]], "phrases": ["x"]})
    assert refusal(path) == f"{path}:{line_of(path, 'paterns:')}: unknown option 'paterns' for kind 'phrase'"


def test_misspelt_common_key_is_refused_with_the_nearest_valid_key(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", PHRASES, descripton="typo")
    # one mistake, one line: not also "missing required key 'description'"
    assert refusal(path) == (f"{path}:{line_of(path, 'descripton:')}: unknown option 'descripton' for kind "
                             f"'phrase'; did you mean 'description'?")


def test_a_misspelt_required_option_is_named_where_it_is(tmp_path):
    path = write_rule(tmp_path, "r", "token-pattern", {"paterns": [[{"LOWER": "asap"}]]})
    assert refusal(path) == (f"{path}:{line_of(path, 'paterns:')}: unknown option 'paterns' for kind "
                             f"'token-pattern'; did you mean 'patterns'?")


def test_every_mistake_in_a_file_is_reported_at_once_in_line_order(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", PHRASES, severity="fatal", categry="x")
    lines = refusal(path).splitlines()
    assert [int(line.split(":")[1]) for line in lines] == sorted(int(line.split(":")[1]) for line in lines)
    assert any("severity:" in line for line in lines)
    assert any("unknown option 'categry' for kind 'phrase'; did you mean 'category'?" in line for line in lines)


def test_unknown_kind(tmp_path):
    path = write_rule(tmp_path, "r", "phrases", PHRASES)
    message = refusal(path)
    assert message.startswith(f"{path}:{line_of(path, 'kind:')}: unknown kind 'phrases'")
    assert "token-pattern" in message  # the known kinds are listed


def test_wrong_type(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", {"phrases": "unlimited revisions"})
    assert refusal(path) == f"{path}:{line_of(path, 'phrases:')}: phrases: Input should be a valid list"


def test_wrong_type_of_number(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", {**PHRASES, "max_findings": "many"})
    assert refusal(path).startswith(f"{path}:{line_of(path, 'max_findings:')}: max_findings: Input should be a valid integer")


def test_bad_severity(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", PHRASES, severity="critical")
    assert refusal(path) == f"{path}:{line_of(path, 'severity:')}: severity: Input should be 'error', 'warning' or 'info'"


def test_unknown_category(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", PHRASES, category="vibes")
    message = refusal(path)
    assert message.startswith(f"{path}:{line_of(path, 'category:')}: category: Input should be 'exclusions'")


def test_unknown_role_in_scope(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", PHRASES, scope={"roles": ["scope", "scopez"]})
    message = refusal(path)
    assert message.startswith(f"{path}:{line_of(path, '  roles:')}: scope.roles: unknown role 'scopez' (known roles: ")
    assert "client-responsibilities" in message


def test_unknown_role_in_match_spec_and_required_section(tmp_path):
    spec = write_rule(tmp_path, "a", "phrase", {**PHRASES, "unless": {"phrases": ["x"], "roles": ["nowhere"]}})
    assert "unknown role 'nowhere'" in refusal(spec)
    section = write_rule(tmp_path, "b", "required-section", {"role": "exclusion"})
    assert refusal(section).startswith(f"{section}:{line_of(section, 'role:')}: role: unknown role 'exclusion'")


def test_bad_regex(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", {"regex": ["up to (\\d+"]})
    message = refusal(path)
    assert message.startswith(f"{path}:{line_of(path, 'regex:')}: regex: bad regular expression 'up to (\\\\d+'")
    assert "missing )" in message


def test_regex_error_only_the_compiler_sees(tmp_path):
    # re's parser accepts a variable-width look-behind; its compiler refuses it.  Validation must
    # compile, not just parse, or the rule would fail on the first document instead of at load.
    path = write_rule(tmp_path, "r", "phrase", {"regex": ["(?<!not\\s+)provided"]})
    assert "look-behind requires fixed-width pattern" in refusal(path)


def test_invalid_spacy_pattern(tmp_path):
    path = write_rule(tmp_path, "r", "token-pattern", {"patterns": [[{"LOWER": "weekly"}], [{"LOWERR": "x"}]]})
    message = refusal(path)
    assert message.startswith(f"{path}:{line_of(path, 'patterns:')}: patterns: invalid spaCy pattern #2:")
    assert "LOWERR" in message  # spaCy's own explanation names the bad attribute


def test_empty_token_pattern_list(tmp_path):
    path = write_rule(tmp_path, "r", "token-pattern", {"patterns": []})
    assert refusal(path).startswith(f"{path}:{line_of(path, 'patterns:')}: patterns: List should have at least 1 item")


def test_missing_examples(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", PHRASES)
    path.write_text(path.read_text(encoding="utf-8").split("examples:")[0], encoding="utf-8")
    assert f"{path}:1: missing required key 'examples'" in refusal(path).splitlines()


@pytest.mark.parametrize("which", ["fail", "pass"])
def test_fewer_than_two_examples(tmp_path, which):
    examples = {"fail": ["## A\nunlimited revisions", "## B\nunlimited revisions"], "pass": ["## A\nx", "## B\ny"]}
    examples[which] = examples[which][:1]
    path = write_rule(tmp_path, "r", "phrase", PHRASES, examples=examples)
    message = refusal(path)
    assert message.startswith(f"{path}:{line_of(path, f'  {which}:')}: examples.{which}: List should have at least 2 items")


def test_missing_required_common_key(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", PHRASES)
    text = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("rationale:"))
    path.write_text(text + "\n", encoding="utf-8")
    assert refusal(path) == f"{path}:1: missing required key 'rationale'"


def test_id_must_equal_file_name(tmp_path):
    path = write_rule(tmp_path, "no-exclusions", "phrase", PHRASES, id="no-exclusion")
    assert refusal(path) == f"{path}:1: rule id 'no-exclusion' must equal the file name 'no-exclusions'"


def test_id_must_be_kebab_case(tmp_path):
    path = write_rule(tmp_path, "No_Exclusions", "phrase", PHRASES)
    assert "must be kebab-case" in refusal(path)


def test_multi_line_message_is_refused(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", PHRASES, message="first line\nsecond line")
    assert refusal(path).endswith("message: message must be one line")


def test_phrase_rule_needs_something_to_match(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", {"attr": "LEMMA"})
    assert "a phrase rule needs 'phrases', 'regex' or 'obligation'" in refusal(path)


def test_yaml_anchor_and_alias_are_refused(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", PHRASES)
    text = path.read_text(encoding="utf-8").replace("phrases:", "phrases: &words", 1) + "regex: *words\n"
    path.write_text(text, encoding="utf-8")
    assert refusal(path) == f"{path}:{line_of(path, '&words')}: YAML anchors and aliases are not allowed in rule files"


def test_duplicate_key_is_refused(tmp_path):
    path = write_rule(tmp_path, "r", "phrase", PHRASES)
    path.write_text(path.read_text(encoding="utf-8") + "severity: error\n", encoding="utf-8")
    last = len(path.read_text(encoding="utf-8").splitlines())
    assert refusal(path) == f"{path}:{last}: duplicate key 'severity'"


def test_invalid_yaml(tmp_path):
    path = raw_rule(tmp_path, "r", "id: r\nkind: phrase\nphrases: [unlimited revisions\nmessage: oops\n")
    assert re.fullmatch(rf"{re.escape(str(path))}:\d+: invalid YAML: .+", refusal(path))


def test_python_tags_are_refused_not_constructed(tmp_path):
    scalar = raw_rule(tmp_path, "s", "id: s\nkind: !!python/name:os.system\n")
    assert refusal(scalar).startswith(f"{scalar}:2: invalid YAML: could not determine a constructor")
    sequence = raw_rule(tmp_path, "q", "id: q\nkind: !!python/object/apply:os.system ['echo owned']\n")
    assert refusal(sequence) == f"{sequence}:2: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"


def test_a_kind_that_is_not_a_string(tmp_path):
    path = raw_rule(tmp_path, "r", "id: r\nkind: [phrase]\n")
    assert refusal(path).startswith(f"{path}:2: unknown kind ['phrase']")


def test_a_key_that_is_a_list(tmp_path):
    path = raw_rule(tmp_path, "r", "id: r\n? [kind, phrase]\n: x\n")
    assert refusal(path) == f"{path}:2: a key must be a plain value, not a list or mapping"


def test_a_rule_file_must_be_a_mapping(tmp_path):
    path = raw_rule(tmp_path, "r", "- id: r\n- kind: phrase\n")
    assert refusal(path) == f"{path}:1: a rule file must be a mapping of fields"
    empty = raw_rule(tmp_path, "e", "")
    assert refusal(empty) == f"{empty}:1: a rule file must be a mapping of fields"


def test_temporal_check_and_thresholds_are_validated(tmp_path):
    check = write_rule(tmp_path, "a", "temporal", {"check": "over_totl"})
    message = refusal(check)
    assert message.startswith(f"{check}:{line_of(check, 'check:')}: check: unknown check 'over_totl'")
    assert "over_total" in message  # the valid names come from the timeline's registry
    threshold = write_rule(tmp_path, "b", "temporal", {"check": "short_uat", "thresholds": {"min_dayz": 5}})
    assert "unknown threshold 'min_dayz' for check 'short_uat' (takes: min_days)" in refusal(threshold)
    assert load_rule(write_rule(tmp_path, "c", "temporal", {"check": "short_uat", "thresholds": {"min_days": 5}}))


def test_a_valid_rule_loads_with_its_options(tmp_path):
    rule = load_rule(write_rule(tmp_path, "unbounded", "phrase", {**PHRASES, "attr": "LEMMA"}, tags=["scope"]))
    assert (rule.id, rule.kind, rule.options.attr, rule.options.phrases) == (
        "unbounded", "phrase", "LEMMA", ["unlimited revisions"])
    assert rule.tags == ["scope"] and rule.severity == "warning"


# -- packs --------------------------------------------------------------------------------------


def test_pack_loads_sorted_and_recursively(tmp_path):
    write_rule(tmp_path / "pack", "zeta", "phrase", PHRASES)
    write_rule(tmp_path / "pack" / "sub", "alpha", "phrase", PHRASES)
    assert [r.id for r in load_pack(tmp_path / "pack")] == ["alpha", "zeta"]


def test_same_id_in_two_packs_is_refused(tmp_path):
    write_rule(tmp_path / "one", "twin", "phrase", PHRASES)
    second = write_rule(tmp_path / "two", "twin", "phrase", PHRASES)
    with pytest.raises(ConfigError, match=rf"^{re.escape(str(second))}:1: rule id 'twin' is already defined in "):
        load_packs([tmp_path / "one", tmp_path / "two"])


def test_missing_and_empty_pack_folders(tmp_path):
    with pytest.raises(ConfigError, match="rule pack folder not found"):
        load_pack(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError, match=r"no rule files \(\*\.yaml\)"):
        load_pack(tmp_path / "empty")


# -- through the command line -------------------------------------------------------------------


def _bad_pack(tmp_path: Path) -> Path:
    write_rule(tmp_path / "bad", "no-exclusions", "phrase", {"paterns": ["x"], "phrases": ["x"]})
    return tmp_path / "bad"


def _one_stderr_line(result) -> str:
    err = result.stderr.strip()
    assert "Traceback" not in result.output and "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    return err


def test_cli_check_pack_refuses_an_invalid_pack(cli, tmp_path):
    result = cli("check-pack", _bad_pack(tmp_path))
    assert result.exit_code == 2
    assert _one_stderr_line(result).startswith("sowlint: error: ")
    assert "no-exclusions.yaml:" in result.stderr and "unknown option 'paterns' for kind 'phrase'" in result.stderr


def test_cli_lint_with_an_invalid_rules_folder(cli, tmp_path, write):
    doc = write("sow.md", "## Scope\nWe offer unlimited revisions.\n")
    result = cli("--rules", _bad_pack(tmp_path), doc)
    assert result.exit_code == 2
    assert "unknown option 'paterns'" in _one_stderr_line(result)
    assert result.stdout == ""  # no half report


def test_cli_check_pack_exit_codes(cli, tmp_path):
    passing = {"fail": ["## Scope\nWe offer unlimited revisions.", "## Fees\nUnlimited revisions at no cost."],
               "pass": ["## Scope\nWe offer two rounds of revisions.", "## Scope\nRevisions are capped at two."]}
    write_rule(tmp_path / "good", "unbounded", "phrase", PHRASES, examples=passing)
    ok = cli("check-pack", tmp_path / "good")
    assert ok.exit_code == 0, ok.output
    assert "1 rule(s), 4 example(s): 4 passed, 0 failed" in ok.stdout

    failing = {**passing, "fail": [passing["fail"][0], "## Scope\nWe offer many revisions."]}
    write_rule(tmp_path / "failing", "unbounded", "phrase", PHRASES, examples=failing)
    bad = cli("check-pack", tmp_path / "failing")
    assert bad.exit_code == 1
    assert "FAILED unbounded[fail-1]: expected a finding, got 0" in bad.stdout
    assert "3 passed, 1 failed" in bad.stdout

    assert cli("check-pack", tmp_path / "nowhere").exit_code == 2


def test_cli_check_pack_on_the_default_pack_passes(cli):
    result = cli("check-pack", REPO / "rules" / "core")
    assert result.exit_code == 0, result.output
    assert " 0 failed" in result.stdout


def test_installed_command_prints_no_traceback_for_a_bad_pack(tmp_path):
    """A real process: the entry point turns every rule-pack error into one line on stderr."""
    proc = subprocess.run([sys.executable, "-m", "sowlint", "check-pack", str(_bad_pack(tmp_path))],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()]
    assert "unknown option 'paterns' for kind 'phrase'" in proc.stderr

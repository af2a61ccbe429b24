"""Hard limits: no document, rule pack, config or cache file exhausts the machine, hangs a run or runs code.

Every case of issue 14 is here (the rule-pack cache race is in test_cache_race.py).  The command-line
cases run sowlint in a process of their own and measure it there (wall clock, and the peak RSS of
sowlint and its helper through ``resource.getrusage(RUSAGE_CHILDREN)``): each ends in exit 2 with one
line on stderr and no traceback, within 10 s and 1 GiB, or, in a batch, as that file's error while the
others are reported.  ``SOWLINT_LIMITS_TABLE=table.md`` appends the measured table (case, exit code,
time, peak RSS) to that file.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, rule_data, write_rule
from fixtures_hostile import (nested_tables_xml, replace_document_xml, utf32_doctype_xml, write_nested_forms,
                              write_paragraph_bomb, write_path_flood, write_text_flood)
from fixtures_pdf import write_scanned
from sowlint.engine.rulepack import load
from sowlint.engine.rulepack.regexguard import nested_quantifier
from sowlint.engine.rulepack.yamlsafe import load_with_lines
from sowlint.errors import ConfigError
from sowlint.run import helper
from sowlint.run.bounds import LimitError, Limits

SAMPLE = REPO / "corpora" / "website-build-fernleaf.docx"
GOOD_MD = "## Scope\n\nWe build the website in six weeks.\n\n## Out of Scope\n\n- Hosting\n"
needs_fork = pytest.mark.skipif(not helper.available(), reason="forking is not available here")
MAX_SECONDS, MAX_RSS_MB = 10, 1024

_MEASURE = """
import json, resource, subprocess, sys, time
started = time.monotonic()
out = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=120)
print(json.dumps({"code": out.returncode, "stdout": out.stdout, "stderr": out.stderr,
                  "seconds": time.monotonic() - started,
                  "rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def sowlint(*args: str, cwd: Path = REPO) -> dict:
    """Run sowlint in a process of its own; its exit code, output, time and peak RSS (with its helper)."""
    env = dict(os.environ)
    env.pop("SOWLINT_NO_FORK", None)
    measured = subprocess.run([sys.executable, "-c", _MEASURE, sys.executable, "-m", "sowlint", *args],
                              capture_output=True, text=True, env=env, cwd=cwd, timeout=180)
    return json.loads(measured.stdout)


def refused(out: dict, needle: str) -> str:
    """Exit 2, one line on stderr holding ``needle``, no traceback, within the time and memory bounds."""
    lines = [line for line in out["stderr"].splitlines() if line.strip()]
    assert out["code"] == 2, out
    assert len(lines) == 1 and lines[0].startswith("sowlint: error:"), out["stderr"]
    assert needle in lines[0], lines[0]
    assert "Traceback" not in out["stderr"]
    assert out["seconds"] <= MAX_SECONDS, out["seconds"]
    assert out["rss_mb"] <= MAX_RSS_MB, out["rss_mb"]
    return lines[0]


# -- hostile documents ------------------------------------------------------------------------------------

def _regex_pack(folder: Path, pattern: str) -> Path:
    write_rule(folder, "catastrophic", "phrase", {"regex": [pattern]})
    return folder


def _alias_bomb(levels: int = 30) -> str:
    text = '{"x0": &x0 {"k": "v"}'
    for i in range(1, levels):
        text += f', "x{i}":&x{i} {{"k0":*x{i - 1}, "k1":*x{i - 1}}}'
    return text + "}\n"


def _case(name: str, tmp: Path) -> tuple[list[str], str]:
    """(sowlint arguments, the words its one error line must hold) for one hostile case."""
    if name == "nested PDF forms":
        return [str(write_nested_forms(tmp / "forms.pdf"))], "nested form objects"
    if name == "2M path operations":
        return [str(write_path_flood(tmp / "paths.pdf"))], "drawing operations"
    if name == "3M text operations":
        return [str(write_text_flood(tmp / "text.pdf"))], "drawing operations"
    if name == "docx paragraph bomb":
        return [str(write_paragraph_bomb(tmp / "paragraphs.docx", SAMPLE))], "XML elements"
    if name == "UTF-32 DOCTYPE":
        return [str(replace_document_xml(tmp / "utf32.docx", SAMPLE, utf32_doctype_xml()))], "DOCTYPE"
    if name == "100-level tables":
        return [str(replace_document_xml(tmp / "tables.docx", SAMPLE, nested_tables_xml(100)))], "levels deep"
    if name == "symlink loop":
        (tmp / "loop.docx").symlink_to(tmp / "loop.docx")
        return [str(tmp / "loop.docx")], "symbolic link loop"
    if name == "scanned PDF":
        return [str(write_scanned(tmp / "scan.pdf"))], "not assessed"
    if name == "regex backtracking":
        return ["--rules", str(_regex_pack(tmp / "pack", r"(a+)+$")), str(SAMPLE)], "can backtrack exponentially"
    if name == "regex from .sowlint.yaml beside the document":
        _regex_pack(tmp / "pack", r"(?:\w+\s*)*!")
        (tmp / ".sowlint.yaml").write_text("rules: [pack]\n", encoding="utf-8")
        (tmp / "sow.md").write_text(GOOD_MD, encoding="utf-8")
        return [str(tmp / "sow.md")], "can backtrack exponentially"
    if name == "YAML alias bomb in .sowlint.yaml":
        (tmp / ".sowlint.yaml").write_text("select: " + _alias_bomb(), encoding="utf-8")
        (tmp / "sow.md").write_text(GOOD_MD, encoding="utf-8")
        return [str(tmp / "sow.md")], "aliases are not allowed"
    if name == "YAML alias bomb in a rule file":
        (tmp / "pack").mkdir()
        (tmp / "pack" / "bomb.yaml").write_text("id: bomb\nkind: phrase\nphrases: " + _alias_bomb(), encoding="utf-8")
        return ["--rules", str(tmp / "pack"), str(SAMPLE)], "aliases are not allowed"
    if name == "400k regexes":
        path = write_rule(tmp / "pack", "many", "phrase", {"regex": [f"word{i}" for i in range(400_000)]})
        return ["--rules", str(path.parent), str(SAMPLE)], "limit for a rule file"
    if name == "330k phrases":
        data = rule_data("many", "phrase", {"phrases": [f"phrase {i}" for i in range(330_000)]})
        (tmp / "pack").mkdir()
        (tmp / "pack" / "many.yaml").write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML, and quick
        return ["--rules", str(tmp / "pack"), str(SAMPLE)], "limit for a rule file"
    if name == "over the memory limit":  # under the pre-check's caps; PDFium's parse of it needs ~100 MB
        return ["--max-memory", "64M", str(write_path_flood(tmp / "paths.pdf", 600_000))], \
            "exceeded the 64 MiB memory limit reading it"
    if name == "over the time limit":
        return ["--timeout", "0.05", str(SAMPLE)], "exceeded the 0.05 s limit"
    raise AssertionError(name)


CASES = ["nested PDF forms", "2M path operations", "3M text operations", "docx paragraph bomb", "UTF-32 DOCTYPE",
         "100-level tables", "symlink loop", "scanned PDF", "regex backtracking",
         "regex from .sowlint.yaml beside the document", "YAML alias bomb in .sowlint.yaml",
         "YAML alias bomb in a rule file", "400k regexes", "330k phrases", "over the memory limit", "over the time limit"]


@needs_fork
@pytest.mark.parametrize("name", CASES)
def test_each_hostile_case_is_one_line_and_exit_2(name, tmp_path):
    args, needle = _case(name, tmp_path)
    out = sowlint("--format", "json", *args)
    refused(out, needle)
    if os.environ.get("SOWLINT_LIMITS_TABLE"):  # the table: case, exit code, time, peak RSS
        with open(os.environ["SOWLINT_LIMITS_TABLE"], "a", encoding="utf-8") as table:
            table.write(f"| {name} | {out['code']} | {out['seconds']:.2f} s | {out['rss_mb']:.0f} MB |\n")


def _batch(tmp: Path) -> list[Path]:
    good = []
    for n in range(5):
        path = tmp / f"good-{n}.md"
        path.write_text(GOOD_MD.replace("six", ["two", "three", "four", "five", "six"][n]), encoding="utf-8")
        good.append(path)
    hostile = [write_nested_forms(tmp / "forms.pdf"), write_text_flood(tmp / "text.pdf"),
               write_paragraph_bomb(tmp / "paragraphs.docx", SAMPLE),
               replace_document_xml(tmp / "utf32.docx", SAMPLE, utf32_doctype_xml()), write_scanned(tmp / "scan.pdf")]
    return good + hostile


@needs_fork
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_of_five_good_and_five_hostile_files_reports_all_ten(jobs, tmp_path):
    files = _batch(tmp_path)
    out = sowlint("--format", "json", "--jobs", jobs, *map(str, files))
    report = json.loads(out["stdout"])  # valid JSON
    by_path = {d["path"]: d for d in report["documents"]}
    assert set(by_path) == {str(f) for f in files}
    assert sorted(p for p, d in by_path.items() if d["error"]) == sorted(str(f) for f in files[5:])
    assert all(by_path[str(f)]["error"] is None for f in files[:5])
    assert out["code"] == 2 and "Traceback" not in out["stderr"]
    assert len([line for line in out["stderr"].splitlines() if line.strip()]) == 5
    assert out["seconds"] <= 60 and out["rss_mb"] <= MAX_RSS_MB


# -- the helper process: memory, wall clock, SIGSTOP, orphans --------------------------------------------

def _stop_myself():
    os.kill(os.getpid(), signal.SIGSTOP)
    yield "never sent"


def _eat_memory():
    hoard = [bytearray(64 << 20) for _ in range(64)]  # 4 GiB
    yield len(hoard)


def _pid_then_sleep():
    yield os.getpid()
    time.sleep(60)
    yield "late"


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


@needs_fork
def test_a_stopped_helper_is_killed_at_the_time_limit():
    answers = helper.start(_stop_myself, limits=Limits(1 << 30, 1.0, "sow.pdf"))
    with pytest.raises(LimitError, match=r"sow.pdf: exceeded the 1 s limit reading it"):
        next(answers)


@needs_fork
def test_a_helper_over_its_memory_limit_is_the_documents_error():
    answers = helper.start(_eat_memory, limits=Limits(256 << 20, 30.0, "sow.docx"))
    with pytest.raises(LimitError, match=r"sow.docx: exceeded the 256 MiB memory limit reading it"):
        next(answers)


@needs_fork
def test_no_orphan_helper_after_an_internal_error_here():
    script = ("import os, sys, time\nfrom sowlint.run import helper\nfrom sowlint.run.bounds import Limits\n"
              "sys.path.insert(0, sys.argv[1])\nfrom test_hostile_limits import _pid_then_sleep\n"
              "answers = helper.start(_pid_then_sleep, limits=Limits(1 << 30, 60.0, 'x'))\n"
              "print(next(answers), flush=True)\n"
              "os._exit(2)  # as sowlint.cli does after 'internal error: ...'\n")
    out = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent)], capture_output=True,
                         text=True, timeout=60)
    pid = int(out.stdout.split()[0])
    for _ in range(50):
        if _gone(pid):
            break
        time.sleep(0.1)
    assert _gone(pid), f"helper {pid} still running after its parent died"


# -- batches: every file gets an entry --------------------------------------------------------------------

def _kill_worker_on(name: str):
    from sowlint.run import single

    real = single.lint_bounded

    def lint_bounded(path, *args, **kwargs):
        if Path(path).name == name:
            os._exit(9)  # as the out-of-memory killer would
        return real(path, *args, **kwargs)
    return lint_bounded


@needs_fork
def test_a_dead_worker_is_its_files_error_and_the_others_are_reported(tmp_path, monkeypatch):
    from sowlint.api import lint
    from sowlint.run import single

    files = []
    for n in range(4):
        (tmp_path / f"doc-{n}.md").write_text(GOOD_MD, encoding="utf-8")
        files.append(tmp_path / f"doc-{n}.md")
    monkeypatch.setattr(single, "lint_bounded", _kill_worker_on("doc-2.md"))  # workers are forked: they see it
    report = lint(files, jobs=2)
    errors = {Path(d.path).name: d.error for d in report.documents}
    assert set(errors) == {f.name for f in files}
    assert errors.pop("doc-2.md").endswith("the process checking it died (out of memory, or a crash in a reader)")
    assert set(errors.values()) == {None}


def test_any_error_in_one_document_is_that_documents_entry(tmp_path, monkeypatch):
    from sowlint.api import lint
    from sowlint.run import single

    real = single.lint_file

    def flaky(path, *args, **kwargs):
        if Path(path).name == "bad.md":
            raise TypeError("unexpected")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(single, "lint_file", flaky)
    for name in ("a.md", "bad.md", "c.md"):
        (tmp_path / name).write_text(GOOD_MD, encoding="utf-8")
    report = lint(sorted(tmp_path.glob("*.md")))
    errors = {Path(d.path).name: d.error for d in report.documents}
    assert errors["a.md"] is None and errors["c.md"] is None
    assert errors["bad.md"].endswith("internal error while checking it (TypeError: unexpected)")


# -- rule packs and config -------------------------------------------------------------------------------

@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(a*)*b", r"(?:\w+\s*)*x", r"(a|b+)*c", r"(aa*)*$", r"(a|a)*$",
                                     r"(?:x(?:a|ab?))+$"])
def test_nested_quantifiers_are_refused_with_file_line_and_key(tmp_path, pattern):
    path = write_rule(tmp_path, "r", "phrase", {"regex": [pattern]})
    with pytest.raises(ConfigError) as info:
        load.load_rule(path)
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("regex"))
    assert str(info.value).startswith(f"{path}:{line}: regex: {pattern!r} can backtrack exponentially")


@pytest.mark.parametrize("pattern", [r"(?:\w+\s+){0,3}", r"(?:the\s+|all\s+)*data", r"(?>a+)+", r"(a++)+",
                                     r"(?:x\s+)+y", r"\b(?:a|b)+\b", r"(?:foo|far)*", r"(?:a|b){2,5}"])
def test_unambiguous_or_bounded_repeats_are_allowed(pattern):
    assert not nested_quantifier(pattern)


def test_the_flow_style_alias_bomb_is_refused():
    # 2^40 expansions if it were followed: the text pre-scan this replaces let it through
    with pytest.raises(ConfigError, match="bomb.yaml:1: YAML anchors and aliases are not allowed"):
        load_with_lines(_alias_bomb(40), "bomb.yaml")


def test_an_anchor_without_an_alias_is_harmless():
    assert load_with_lines("a: &x 1\nb: 2\n", "ok.yaml")[0] == {"a": 1, "b": 2}


def test_a_pack_over_its_file_count_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "MAX_PACK_FILES", 3)
    for n in range(4):
        write_rule(tmp_path, f"r{n}", "phrase", {"phrases": ["x"]})
    with pytest.raises(ConfigError, match="4 rule files is over the 3-file limit"):
        load.load_pack(tmp_path)


def test_a_rule_with_too_many_values_is_refused(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text(json.dumps(rule_data("many", "phrase", {"phrases": [f"p{i}" for i in range(6000)]})),
                    encoding="utf-8")
    with pytest.raises(ConfigError, match="over the 5,000-value limit"):
        load.load_rule(path)


def test_a_found_config_may_lower_the_limits_but_not_raise_them(tmp_path):
    from sowlint.run.rules import settings_for

    (tmp_path / ".sowlint.yaml").write_text("timeout: 9999\nmax_memory_mb: 64\n", encoding="utf-8")
    (tmp_path / "sow.md").write_text(GOOD_MD, encoding="utf-8")
    found = settings_for(tmp_path / "sow.md")
    assert (found.timeout, found.max_memory_mb) == (60.0, 64)
    explicit = settings_for(tmp_path / "sow.md", str(tmp_path / ".sowlint.yaml"))
    assert explicit.timeout == 9999
    assert settings_for(tmp_path / "sow.md", timeout=120).timeout == 120  # the command line may


@needs_fork
@pytest.mark.parametrize("name", ["nested PDF forms", "3M text operations", "docx paragraph bomb"])
def test_outline_is_bounded_too(name, tmp_path):
    args, needle = _case(name, tmp_path)
    refused(sowlint("outline", *args), needle)


@needs_fork
def test_limits_from_the_command_line_are_checked():
    out = sowlint("--max-memory", "lots", str(SAMPLE))
    assert out["code"] == 2 and "should be a size such as 512M or 2G" in out["stderr"]


@needs_fork
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_over_its_time_limit_is_its_error_and_the_batch_goes_on(jobs, tmp_path):
    slow, fine = tmp_path / "slow", tmp_path / "fine"
    for folder in (slow, fine):
        folder.mkdir()
        (folder / "sow.md").write_text(GOOD_MD, encoding="utf-8")
    (slow / ".sowlint.yaml").write_text("timeout: 0.01\n", encoding="utf-8")  # a found config may lower it
    out = sowlint("--format", "json", "--jobs", jobs, str(slow / "sow.md"), str(fine / "sow.md"))
    errors = {d["path"]: d["error"] for d in json.loads(out["stdout"])["documents"]}
    assert errors[str(fine / "sow.md")] is None
    assert errors[str(slow / "sow.md")].startswith(f"{slow / 'sow.md'}: exceeded the 0.01 s limit")
    assert out["code"] == 2 and "Traceback" not in out["stderr"]


def test_a_huge_config_file_is_refused(tmp_path):
    from sowlint.run.config import load_config

    path = tmp_path / ".sowlint.yaml"
    path.write_text("select: [" + "x, " * 2_000_000 + "x]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="over the 4,194,304-byte limit for a config file"):
        load_config(path)

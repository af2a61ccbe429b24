"""The package layout holds the pipeline: no stage imports a stage above it, and the root stays small.

Read -> document model -> language analysis -> rules -> findings -> reports.  Imports are read with
``ast`` (including those inside functions, which is where the heavy ones are), so a lazy import that
climbs the stack fails here as surely as a top-level one.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sowlint"

# A package may import its own modules and those of a strictly lower layer.  `errors`, `resources`,
# `progress` (a hook for the terminal's progress display) and the version (`from sowlint import
# __version__`) are layer 0: everything may import them.
# `sowlint/__init__.py` is an entry point: `sowlint.lint` imports the API on first use.
LAYERS = {
    "errors": 0, "resources": 0, "__version__": 0, "progress": 0,
    "document": 1,
    "readers": 2, "nlp": 2,
    "timeline": 3, "findings": 3,
    "obligations": 4,
    "engine": 5,
    "notes": 6,
    "reporters": 7, "run": 7,
    "briefing": 8, "evaluation": 8,
    "commands": 9,
    "cli": 10, "api": 10,
    "__main__": 11, "__init__": 11,
}
ROOT_MODULES_ALLOWED = {"__init__", "__main__", "cli", "api", "errors", "resources", "progress"}


def _module_name(path: Path, package: Path = PACKAGE) -> list[str]:
    parts = list(path.relative_to(package).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path, root: Path) -> list[tuple[int, list[str]]]:
    """(line, target as parts below `sowlint`) for every import of sowlint's own modules."""
    parts = _module_name(path, root)
    package = parts if path.name == "__init__.py" else parts[:-1]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = base + (node.module.split(".") if node.module else [])
            elif node.module and (node.module == "sowlint" or node.module.startswith("sowlint.")):
                target = node.module.split(".")[1:]
            else:
                continue
            if node.module is None:  # from . import x: x may itself be a module
                out.extend((node.lineno, target + [a.name]) for a in node.names)
            else:
                out.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            out.extend((node.lineno, a.name.split(".")[1:]) for a in node.names if a.name.startswith("sowlint."))
    return out


def _stage(parts: list[str]) -> str:
    return parts[0] if parts else "__init__"


def _edges(root: Path = PACKAGE):
    for path in sorted(root.rglob("*.py")):
        source = _stage(_module_name(path, root))
        for line, target in _imports(path, root):
            stage = _stage(target)
            if stage != source:
                yield path, line, source, stage


def test_every_stage_has_a_layer():
    stages = {_stage(_module_name(p)) for p in PACKAGE.rglob("*.py")}
    assert stages <= set(LAYERS), f"give these a layer in LAYERS: {sorted(stages - set(LAYERS))}"


def test_no_stage_imports_one_above_it():
    wrong = [f"{path.relative_to(PACKAGE.parent)}:{line}: {source} imports {stage}"
             for path, line, source, stage in _edges()
             if stage in LAYERS and LAYERS[stage] >= LAYERS[source]]
    assert not wrong, "\n".join(wrong)


def test_no_import_circle_between_packages():
    graph: dict[str, set[str]] = {}
    for _path, _line, source, stage in _edges():
        graph.setdefault(source, set()).add(stage)
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            assert state.get(nxt) != 1, "import circle: " + " -> ".join(trail + [node, nxt])
            if nxt not in state:
                visit(nxt, trail + [node])
        state[node] = 2

    for node in list(graph):
        if node not in state:
            visit(node, [])


def test_root_holds_only_the_entry_points():
    root = {p.stem for p in PACKAGE.glob("*.py")}
    assert root <= ROOT_MODULES_ALLOWED, f"move into a package: {sorted(root - ROOT_MODULES_ALLOWED)}"


def test_every_package_says_what_it_owns():
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, f"{init.relative_to(PACKAGE.parent)}: a docstring saying what it owns"


def test_the_layer_check_would_catch_a_climbing_import(tmp_path):
    # The checker itself: a lazy import of the engine inside the document model is reported.
    fake = tmp_path / "sowlint"
    (fake / "document").mkdir(parents=True)
    (fake / "document" / "model.py").write_text("def f():\n    from ..engine.runner import run_rules\n")
    (fake / "document" / "roles.py").write_text("from .model import f\nfrom ..errors import ReadError\n")
    edges = [(source, stage) for _path, _line, source, stage in _edges(fake)]
    assert edges == [("document", "engine"), ("document", "errors")]

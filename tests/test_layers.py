"""The arrows point one way (docs/ARCHITECTURE.md): the engine imports no Qt
and no command line (not even through __import__ or importlib); research tools
import neither the command line nor the window; no module imports a module that
imports it back (no import circles); the window reaches the engine only through
its public surface; no file grows past 500 lines, no function past 80. Read from the source, so a new import
in the wrong direction fails here before anyone has to find it."""
from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

DESKTOP = ROOT / "desktop"
# What the window may import from the engine: the facades (api, session for one
# job, classroom for a class; they load torch, so the window imports them in the
# background) and small torch-free modules of values (events, errors, method
# names, the Pareto rule, file names, the class report's words, the one atomic
# file writer).
UI_MAY_USE = {"api", "session", "classroom", "events", "errors", "methods", "pareto", "names", "class_report",
              "explain_page", "messages", "atomic", "adapter_header"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _dynamic_name(node: ast.AST) -> str | None:
    """The module a call to __import__ / import_module / importlib.__import__
    names: a constant, or the constant start of an f-string or a sum of strings
    ("PySide6." + part), which is enough to tell Qt apart."""
    if not (isinstance(node, ast.Call) and node.args):
        return None
    f = node.func
    name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
    if name not in ("__import__", "import_module"):
        return None
    arg = node.args[0]
    while isinstance(arg, ast.BinOp):
        arg = arg.left
    if isinstance(arg, ast.JoinedStr) and arg.values:
        arg = arg.values[0]
    return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None


def _type_checking(node: ast.AST) -> bool:
    t = getattr(node, "test", None)
    return isinstance(node, ast.If) and getattr(t, "id", getattr(t, "attr", "")) == "TYPE_CHECKING"


def _imports_of(source: str, pkg: str, *, run_time_only: bool = False) -> dict[str, int]:
    """Absolute module names a module imports (at module level or inside
    functions; through importlib too) -> the line of the first such import.
    `from a import b` gives both a and a.b. With run_time_only, imports under
    `if TYPE_CHECKING:` (never executed) are left out."""
    out: dict[str, int] = {}
    todo = list(ast.parse(source).body)
    while todo:
        node = todo.pop()
        if run_time_only and _type_checking(node):
            continue
        todo.extend(ast.iter_child_nodes(node))
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            names = [mod] + [f"{mod}.{a.name}" for a in node.names]     # "from ..engine import events"
        elif (dyn := _dynamic_name(node)) is not None:
            names = [dyn]
        for n in names:
            out[n] = min(out.get(n, node.lineno), node.lineno)
    return out


def _imports(path: Path, **kw) -> dict[str, int]:
    name = _module_name(path)
    pkg = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return _imports_of(path.read_text(encoding="utf-8"), pkg, **kw)


def _is_forbidden_in_engine(m: str) -> bool:
    return (m.split(".")[0] in ("PySide6", "argparse") or m == "desktop.cli" or m.startswith("desktop.cli.")
            or m == "desktop.ui" or m.startswith("desktop.ui."))


def test_the_engine_imports_no_qt_no_argparse_and_no_command_line():
    for f in sorted((DESKTOP / "engine").rglob("*.py")):
        bad = {m for m in _imports(f) if _is_forbidden_in_engine(m)}
        assert not bad, f"{f.relative_to(ROOT)} imports {sorted(bad)}"


def test_the_import_reader_sees_qt_however_it_is_imported():
    """The engine check above is only as good as what _imports sees."""
    sneaky = ["import PySide6.QtCore", "from PySide6 import QtCore", "def f():\n    import PySide6",
              "__import__('PySide6.QtCore')", "import importlib\nimportlib.import_module('PySide6.QtGui')",
              "from importlib import import_module\nimport_module('PySide6')",
              "def f(part):\n    return __import__('PySide6.' + part)",
              "def f(part):\n    return importlib.import_module(f'PySide6.{part}')",
              "import argparse", "from ..cli import UsageError", "from ..ui import window"]
    for src in sneaky:
        assert any(_is_forbidden_in_engine(m) for m in _imports_of(src, "desktop.engine")), src
    assert not any(_is_forbidden_in_engine(m) for m in _imports_of("import json\nx = 'PySide6'", "desktop.engine"))


def _import_graph() -> dict[str, dict[str, int]]:
    """desktop's modules -> the desktop modules each imports (at run time,
    module level and inside functions) -> line. `from a import b` counts as an
    import of a.b when that is a module, else of a. An import of a package the
    importer itself lives in is left out: Python has run that package's
    __init__ before the importer, whatever the importer says."""
    modules = {_module_name(f): f for f in DESKTOP.rglob("*.py")}
    graph: dict[str, dict[str, int]] = {}
    for name, f in modules.items():
        edges: dict[str, int] = {}
        for target, line in _imports(f, run_time_only=True).items():
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + "."):
                edges[target] = min(edges.get(target, line), line)
        graph[name] = edges
    return graph


def _a_circle(graph: dict[str, dict[str, int]]) -> list[str] | None:
    """One import circle (a path back to its start), or None."""
    state: dict[str, int] = {}        # 1: on the current path, 2: done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                return path[path.index(n):] + [n]
            if n not in state and (found := visit(n)):
                return found
        state[m] = 2
        path.pop()
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_no_import_circles():
    """No module of desktop/ imports, directly or through others, a module that
    imports it back. Imports inside functions count (a lazy import keeps start-up
    fast, it does not make a circle harmless: the two modules still cannot be
    understood, tested or moved apart); imports under `if TYPE_CHECKING:` do not
    (they never run)."""
    graph = _import_graph()
    circle = _a_circle(graph)
    assert circle is None, "import circle: " + " -> ".join(
        f"{a} (line {graph[a][b]})" for a, b in zip(circle, circle[1:])) + f" -> {circle[-1]}"


def test_the_circle_finder_finds_circles():
    assert _a_circle({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {}}) == ["a", "b", "c", "a"]
    assert _a_circle({"a": {"b": 1}, "b": {}, "c": {"a": 1, "b": 1}}) is None


def test_research_never_imports_the_command_line_or_the_window():
    for f in sorted((DESKTOP / "research").rglob("*.py")):
        bad = {m for m in _imports(f) if m.startswith(("desktop.cli", "desktop.ui"))}
        assert not bad, f"{f.relative_to(ROOT)} imports {sorted(bad)}"


def test_the_window_uses_only_the_engines_public_surface():
    for f in sorted((DESKTOP / "ui").glob("*.py")):
        used = {m.split(".")[2] for m in _imports(f) if m.startswith("desktop.engine.")}
        assert used <= UI_MAY_USE, f"{f.relative_to(ROOT)} imports engine modules {sorted(used - UI_MAY_USE)}"


def test_the_command_line_runs_jobs_through_the_session():
    """Training and comparing go through engine/session.py, as the window's do."""
    tree = ast.parse((DESKTOP / "cli" / "train.py").read_text(encoding="utf-8"))
    calls = {getattr(n.func, "id", getattr(n.func, "attr", "")) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    assert "Session" in calls
    assert not calls & {"personalise", "compare", "prepare_documents"}


def test_no_file_over_500_lines():
    long = {str(f.relative_to(ROOT)): n for f in DESKTOP.rglob("*.py")
            if (n := len(f.read_text(encoding="utf-8").splitlines())) > 500}
    assert not long, long


def test_no_function_over_80_lines():
    long = []
    for f in DESKTOP.rglob("*.py"):
        for n in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno >= 80:
                long.append(f"{f.relative_to(ROOT)}:{n.lineno} {n.name} ({n.end_lineno - n.lineno + 1} lines)")
    assert not long, long

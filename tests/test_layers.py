"""The arrows point one way (docs/ARCHITECTURE.md): the engine imports no Qt
and no command line; the window reaches the engine only through its public
surface; no file grows past 500 lines, no function past 80. Read from the source, so a new import
in the wrong direction fails here before anyone has to find it."""
from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

DESKTOP = ROOT / "desktop"
# What the window may import from the engine: the facades (api, session for one
# job, classroom for a class; they load torch, so the window imports them in the
# background) and small torch-free modules of values (events, errors, method
# names, the Pareto rule, file names, the class report's words).
UI_MAY_USE = {"api", "session", "classroom", "events", "errors", "methods", "pareto", "names", "class_report",
              "explain_page", "adapter_header"}


def _imports(path: Path) -> set[str]:
    """Absolute module names a file imports, also through importlib.import_module("...")."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    pkg = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names)     # "from ..engine import events"
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant)):
            out.add(node.args[0].value)
    return out


def test_the_engine_imports_no_qt_no_argparse_and_no_command_line():
    for f in sorted((DESKTOP / "engine").rglob("*.py")):
        bad = {m for m in _imports(f)
               if m.split(".")[0] in ("PySide6", "argparse") or m == "desktop.cli" or m.startswith("desktop.cli")
               or m.startswith("desktop.ui")}
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

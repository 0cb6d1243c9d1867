"""The window is one controller per step (issue 24): each step's state lives on
its controller, not on the window and not on another step, and no one reaches
into a controller's private state; a step asks another through a small public
method (`docs.enough_text()`). Read from the source (as test_layers.py does) and
checked on a live window after a run."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_layers import _imports

UI = ROOT / "desktop" / "ui"
# controller class -> (its file, the state it alone owns)
OWNS = {
    "DocumentsController": ("documents_step.py", {"documents", "skipped", "min_words", "_pending_paths", "_reading"}),
    "PersonaliseController": ("training_step.py", {"run", "run_job", "keep_box", "ticker", "last_step_seconds",
                                                   "last_cancel_latency", "train_overrides"}),
    "ResultsController": ("results_step.py", {"outcome", "try_adapter", "try_base", "adapter_dialog", "_writing",
                                              "_general_level", "try_it"}),
}
# Where the window keeps its controllers (w.docs, w.personalise, w.results).
ON_WINDOW = {"DocumentsController": "docs", "PersonaliseController": "personalise", "ResultsController": "results"}
# Not state: what a controller is handed (the window, its page, the Documents step it asks).
GIVEN = {"win", "page", "docs"}
# What a controller may use of the window's own (private) helpers: the jobs and the re-worded texts.
WINDOW_HELPERS = {"_start_job", "_live_text", "_forget_live_text"}


def _class(path: Path, name: str) -> ast.ClassDef:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name)


def _self_attr(node: ast.AST) -> str | None:
    return node.attr if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                         and node.value.id == "self") else None


def _assigned(cls: ast.ClassDef) -> set[str]:
    """The attributes a class's methods assign on self (self.x = ..., self.x: T = ..., self.x += ...)."""
    out = set()
    for n in ast.walk(cls):
        targets = (n.targets if isinstance(n, ast.Assign) else [n.target]
                   if isinstance(n, (ast.AnnAssign, ast.AugAssign)) else [])
        for t in targets:
            for e in (t.elts if isinstance(t, ast.Tuple) else [t]):
                if (a := _self_attr(e)) is not None:
                    out.add(a)
    return out


def _classes() -> dict[str, set[str]]:
    found = {"MainWindow": _assigned(_class(UI / "window.py", "MainWindow"))}
    for name, (file, _) in OWNS.items():
        found[name] = _assigned(_class(UI / file, name))
    return found


def test_each_steps_state_is_set_by_its_controller_alone():
    assigned = _classes()
    for owner, (_, owns) in OWNS.items():
        assert owns <= assigned[owner], f"{owner} does not set {sorted(owns - assigned[owner])}"
        for other, attrs in assigned.items():
            if other != owner:
                assert not attrs & owns, f"{other} sets {sorted(attrs & owns)}, which {owner} owns"
    # Nor is any other state kept twice: apart from what they are given, the four set different things.
    names = list(assigned)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not (assigned[a] & assigned[b]) - GIVEN, (a, b, sorted((assigned[a] & assigned[b]) - GIVEN))


def test_no_one_sets_a_steps_state_from_outside():
    """Not `self.win.outcome = ...` in a controller, nor `window.results.outcome = ...` elsewhere in the window."""
    owned = set().union(*(owns for _, owns in OWNS.values()))
    for f in sorted(UI.glob("*.py")):
        for n in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            targets = (n.targets if isinstance(n, ast.Assign) else [n.target]
                       if isinstance(n, (ast.AnnAssign, ast.AugAssign)) else [])
            for t in targets:
                for e in (t.elts if isinstance(t, ast.Tuple) else [t]):
                    if isinstance(e, ast.Attribute) and e.attr in owned:
                        assert _self_attr(e) is not None, f"{f.name}:{e.lineno} sets {ast.unparse(e)}"


def _private_reaches(tree: ast.AST) -> list[tuple[int, str]]:
    """`<...>.docs._x`, `<...>.personalise._x`, `<...>.results._x`: a controller's private name used from outside."""
    return [(n.lineno, ast.unparse(n)) for n in ast.walk(tree)
            if isinstance(n, ast.Attribute) and n.attr.startswith("_") and not n.attr.startswith("__")
            and isinstance(n.value, ast.Attribute) and n.value.attr in ON_WINDOW.values()]


def test_no_one_reaches_into_a_controllers_private_state():
    """Not the window, another step, Try it or a dialog; nor the tests, benchmarks and tools."""
    files = [*UI.glob("*.py"), *(ROOT / "tests").glob("*.py"), *(ROOT / "benchmarks").glob("*.py"),
             *(ROOT / "tools").glob("*.py")]
    bad = [f"{f.relative_to(ROOT)}:{line} {text}" for f in sorted(files) if f.name != "test_ui_controllers.py"
           for line, text in _private_reaches(ast.parse(f.read_text(encoding="utf-8")))]
    assert not bad, bad


def test_the_reach_finder_finds_reaches():
    src = "self.docs._reading\nw.results._writing\nself.win.personalise._phase('x')\nself.docs.enough_text()\n"
    assert [t for _, t in _private_reaches(ast.parse(src))] == ["self.docs._reading", "w.results._writing",
                                                                "self.win.personalise._phase"]


def test_the_controllers_do_not_import_each_other_and_use_only_the_windows_job_and_text_helpers():
    """A step knows another only as the object it was handed (`docs`), never by its
    module; of the window's own helpers it uses the jobs and the re-worded texts."""
    modules = {f"desktop.ui.{file[:-3]}" for file, _ in OWNS.values()}
    for name, (file, _) in OWNS.items():
        path = UI / file
        others = {".".join(m.split(".")[:3]) for m in _imports(path)} & modules
        assert not others, f"{file} imports {sorted(others)}"
        cls = _class(path, name)
        used = {n.attr for n in ast.walk(cls) if isinstance(n, ast.Attribute) and n.attr.startswith("_")
                and not n.attr.startswith("__") and ast.unparse(n.value) in ("self.win", "win")}
        assert used <= WINDOW_HELPERS, f"{name} uses the window's {sorted(used - WINDOW_HELPERS)}"


def test_after_a_run_each_steps_state_is_on_its_controller_and_not_on_the_window(
        qtbot, tiny_base, docs_dir, tmp_path, monkeypatch):
    pytest.importorskip("pytestqt")
    from PySide6.QtCore import Qt

    from desktop.ui.settings import Settings
    from desktop.ui.window import MainWindow
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    w = MainWindow(base=tiny_base, settings=Settings(), train_overrides=dict(max_steps=2, threads=1))
    qtbot.addWidget(w, before_close_func=lambda w: w.stop_jobs(60.0))
    w.show()
    qtbot.waitUntil(lambda: w.docs.min_words is not None, timeout=60_000)
    w.docs.add_paths([str(docs_dir)])
    qtbot.waitUntil(lambda: not w.docs.reading() and len(w.docs.documents) == 3, timeout=60_000)
    with qtbot.waitSignal(w.personalise.run_finished, timeout=120_000):
        qtbot.mouseClick(w.train_page.start, Qt.MouseButton.LeftButton)
    assert w.results.outcome is not None and w.results.outcome.results[0].steps == 2
    assert w.personalise.run is None and w.personalise.last_step_seconds > 0
    controllers = {name: getattr(w, attr) for name, attr in ON_WINDOW.items()}
    for owner, (_, owns) in OWNS.items():
        assert type(controllers[owner]).__name__ == owner
        for a in owns:
            assert hasattr(controllers[owner], a), (owner, a)
            assert not hasattr(w, a), f"the window has {a}, which {owner} owns"
            for other, ctl in controllers.items():
                assert other == owner or not hasattr(ctl, a), f"{other} has {a}, which {owner} owns"

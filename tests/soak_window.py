"""The window soak (issue 30): open a window, start one kind of job through the
real doors, then close it, switch language and close, close a dialog, or drop
the window without closing it (as a test that forgets it does), at a random
moment; many times in one process. Run by tests/test_soak.py in a child
process, so an abort shows as a red test rather than ending the suite:

    python -m tests.soak_window CYCLES SEED [MAX_WAIT_S]
    SOAK_SHOTS=DIR QT_QPA_PLATFORM=xcb xvfb-run -a python -m tests.soak_window 24 3 1.0   # by hand, on a screen

Prints one JSON line: cycles, seconds, jobs started of each kind, how each
cycle ended, and every problem seen (an exception in a slot, a dialog left on
screen after closing, a job still running at the end, a half-written file).
"""
from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

KINDS = ("run", "try-write", "suggest", "explain", "whose", "shared-scan", "save-slow", "probe")
ENDINGS = ("close", "language-then-close", "close-dialog-then-window", "drop-without-closing")
TINY = dict(minutes=2.0, max_steps=3, validate_every_s=1.0)


def _wait(app, seconds: float) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    end = time.monotonic() + seconds
    while True:
        app.processEvents()
        # processEvents() alone never runs deleteLater(): do it, as returning to the event loop would.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if time.monotonic() >= end:
            break
        time.sleep(0.005)


def _setup(home: Path):
    from desktop.engine import api
    from desktop.engine.session import run
    from tests.test_ui import writing
    base = api.load_base()
    docs = home / "docs"
    docs.mkdir()
    for i in range(3):
        (docs / f"chapter-{i + 1}.txt").write_text(writing(i, 700), encoding="utf-8")
    documents = [api.Document(path=str(p), kind="Text", text=p.read_text(encoding="utf-8"))
                 for p in sorted(docs.glob("*.txt"))]
    outcome = run(base, api.TrainConfig(**TINY), documents)
    from desktop.paths import adapters_dir, ensure
    adapters = ensure(adapters_dir())      # the person's own adapters: used without a signed entry
    api.export_adapter(adapters / "mine.safetensors", outcome.results[0], base)
    other = run(base, api.TrainConfig(**TINY, seed=1), documents[:2] + [api.Document(
        path="/tmp/other.txt", kind="Text", text=writing(7, 900))])
    api.export_adapter(adapters / "other.safetensors", other.results[0], base)
    shared = home / "shared"
    shared.mkdir()
    (shared / "mine.safetensors").write_bytes((adapters / "mine.safetensors").read_bytes())
    (shared / "junk.json").write_text("{not json", encoding="utf-8")
    return base, docs, outcome, adapters, shared


def soak(cycles: int, seed: int, max_wait: float = 0.4) -> dict:
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    home = Path(tempfile.mkdtemp(prefix="normfit-soak-"))
    os.environ["NORMFIT_HOME"] = str(home / "home")
    app = QApplication.instance() or QApplication([])
    problems: list[str] = []
    sys.excepthook = lambda tp, val, tb: problems.append(f"exception in the event loop: {tp.__name__}: {val}")

    from desktop.engine import api
    from desktop.ui import language, whose
    from desktop.ui.settings import Settings
    from desktop.ui.window import MainWindow
    from desktop.ui.worker import running_jobs, wait_for_jobs

    base, docs, outcome, adapters, shared = _setup(home)
    saves = home / "saves"
    saves.mkdir()
    real_export = api.export_adapter

    def slow_export(*a, **k):      # a slow USB stick: the write itself is atomic
        time.sleep(0.3)
        return real_export(*a, **k)
    api.export_adapter = slow_export
    # "NormFit is still training. Stop and close?": the person says yes.
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    shots = Path(os.environ["SOAK_SHOTS"]) if os.environ.get("SOAK_SHOTS") else None
    rng = random.Random(seed)
    kinds, endings = Counter(), Counter()
    t0 = time.monotonic()
    for i in range(cycles):
        kind, ending = rng.choice(KINDS), rng.choice(ENDINGS)
        w = MainWindow(base=base, settings=Settings(), train_overrides=TINY)   # its device probe starts now
        w.show()
        dialog = None
        if kind == "run":
            w.docs.add_paths([str(p) for p in sorted(docs.glob("*.txt"))])
            end = time.monotonic() + 10
            while (w.docs.reading() or not w.docs.enough_text() or w.device_info is None) \
                    and time.monotonic() < end:
                _wait(app, 0.02)
            w.personalise.start()
            w.go(1)                                # where a person who pressed Start is
        elif kind in ("try-write", "suggest", "explain", "save-slow"):
            w.results.show_outcome(outcome)        # starts its explanation and typing-savings jobs
            w.go(2)
            tri = w.results.try_it
            tri.box.prompt.setText("The old ferryman")
            if kind == "try-write":
                tri.write()
            elif kind == "suggest":
                tri.suggest()
            elif kind == "save-slow":
                target = saves / f"cycle-{i}.safetensors"
                QFileDialog.getSaveFileName = staticmethod(lambda *a, _t=target, **k: (str(_t), ""))
                w.results.save_adapter()
        elif kind == "whose":
            dialog = whose.open_dialog(w)
            dialog.paste.setPlainText((docs / "chapter-1.txt").read_text(encoding="utf-8")[:1500])
            dialog.folder.setText(str(adapters))
            dialog.run_guess()
        elif kind == "shared-scan":
            w.open_shared_folder()
            dialog = w.shared_dialog
            dialog.show_folder(shared)
        kinds[kind] += 1
        print(f"soak {i} {kind} {ending}", file=sys.stderr, flush=True)
        _wait(app, rng.uniform(0, max_wait))
        if shots is not None and kinds[kind] == 1:     # the moment before closing, once per kind
            (dialog or w).grab().save(str(shots / f"closing-{kind}.png"))
        if ending == "language-then-close":
            w.set_language(rng.choice(["ml", "en"]))
            _wait(app, rng.uniform(0, max_wait / 2))
        if ending == "close-dialog-then-window" and dialog is not None:
            dialog.close()
            dialog.deleteLater()
            _wait(app, rng.uniform(0, max_wait / 2))
        if ending == "drop-without-closing":
            w.deleteLater()           # destroyed with its jobs running: no closeEvent
        else:
            w.close()
            w.deleteLater()
        endings[ending] += 1
        w = dialog = None
        _wait(app, 0.01)
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                problems.append(f"cycle {i} ({kind}, {ending}): a dialog stayed on screen: {box.text()[:80]}")
                box.close()
    language.apply("en")
    ended = wait_for_jobs(60.0)
    _wait(app, 0.2)
    if not ended or running_jobs():
        problems.append(f"jobs still running at the end: {running_jobs()}")
    for f in saves.iterdir():
        if f.suffix == ".tmp" or f.name.startswith("."):
            problems.append(f"a temporary file was left: {f.name}")
        elif f.suffix == ".safetensors":
            try:
                api.open_adapter(f, base)
            except Exception as e:        # noqa: BLE001 (any failure is a half-written file)
                problems.append(f"{f.name} is not a whole adapter: {e}")
    return {"cycles": cycles, "seed": seed, "seconds": round(time.monotonic() - t0, 1),
            "kinds": dict(kinds), "endings": dict(endings),
            "saved_files": len(list(saves.glob("*.safetensors"))), "problems": problems}


if __name__ == "__main__":
    n, s = int(sys.argv[1]), int(sys.argv[2])
    wait = float(sys.argv[3]) if len(sys.argv) > 3 else 0.4
    print(json.dumps(soak(n, s, wait)), flush=True)

"""`normfit class`: a teacher's class folder, one subfolder per student.

Given three tiny students (one with too little text), each gets an adapter
named after them, the skipped one gets the reason, and the report's numbers
are the adapters' own metadata; an interrupted run continues where it stopped
without redoing anyone. Uses the tiny test base, so each run takes seconds.
"""
from __future__ import annotations

import csv
import re
import json
from pathlib import Path

import pytest

from desktop.engine import api, classroom
from desktop.engine.class_report import CSV_COLUMNS
from tests.conftest import synthetic_text

FAST = api.TrainConfig(minutes=0.5, max_steps=5, threads=1)
STUDENTS = {"Anu": 900, "Bala <&>": 200, "ചിത്ര": 900}     # words per document, two documents each


def make_class(root: Path, students: dict[str, int] = STUDENTS) -> Path:
    folder = root / "class-7b"
    for i, (name, words) in enumerate(students.items()):
        (folder / name).mkdir(parents=True)
        for j in range(2):
            (folder / name / f"essay-{j}.txt").write_text(synthetic_text(words, seed=10 * i + j), encoding="utf-8")
    (folder / ".hidden").mkdir()        # not a student
    return folder


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:     # the BOM spreadsheets need
        return list(csv.DictReader(f))


def test_each_student_gets_an_adapter_named_after_them_and_the_report_is_what_the_files_say(
        tmp_path, tiny_base_dir, capsys):
    from desktop.cli import main
    folder = make_class(tmp_path)
    rc = main(["class", str(folder), "--minutes", "0.5", "--steps", "5", "--threads", "1",
               "--base", str(tiny_base_dir), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert rc == 0 and out["complete"]
    results = Path(out["out"])
    assert results == folder / "normfit-results"
    status = {s["name"]: s["status"] for s in out["students"]}
    assert status == {"Anu": "done", "Bala <&>": "skipped", "ചിത്ര": "done"}
    assert sorted(p.name for p in results.glob("*.safetensors")) == ["Anu.safetensors", "ചിത്ര.safetensors"]

    rows = {r["name"]: r for r in read_csv(results / "class-report.csv")}
    assert list(rows) == ["Anu", "Bala <&>", "ചിത്ര"] and tuple(read_csv(results / "class-report.csv")[0]) == CSV_COLUMNS
    base = api.load_base(tiny_base_dir)
    for name in ("Anu", "ചിത്ര"):
        row = rows[name]
        meta = api.open_adapter(results / row["file"], base).metadata
        assert meta["label"] == name
        gain = 1 - float(meta["heldout_ppl_after"]) / float(meta["heldout_ppl_before"])
        drift = float(meta["general_drift"])
        assert row["personal gain (%)"] == f"{100 * gain:.2f}" and row["general drift (%)"] == f"{100 * drift:.2f}"
        # Steps trained (metrics.py), as the window and `normfit train` count them; the file records the kept one.
        assert row["steps"] == "5" and int(meta["steps"]) <= 5 and float(row["time (s)"]) == float(meta["seconds"])
        words = sum(len(t.split()) for t in (p.read_text(encoding="utf-8") for p in (folder / name).iterdir()))
        assert int(row["words"]) == words and row["status"] == "done" and gain > 0
    skipped = rows["Bala <&>"]
    assert skipped["file"] == "" and "Too little text" in skipped["note"] and "1,500" in skipped["note"]

    page = (results / "class-report.html").read_text(encoding="utf-8")
    assert "Bala &lt;&amp;&gt;" in page and "Bala <&>" not in page       # a name is never markup
    assert 'href="Anu.safetensors"' in page and "ചിത്ര" in page and "Every student is done" in page
    assert f"{100 * gain:.1f}%" in page


def test_an_interrupted_class_continues_without_redoing_anyone(tmp_path, tiny_base, monkeypatch):
    folder = make_class(tmp_path)
    calls = []
    real = api.personalise

    def counting(base, data, cfg, *a, **k):
        calls.append(cfg)
        return real(base, data, cfg, *a, **k)
    monkeypatch.setattr(api, "personalise", counting)
    seen = []
    # Stop while the third student trains (the lab's bell rings).
    stop = lambda: any(isinstance(e, classroom.StudentEvent) and e.name == "ചിത്ര" for e in seen)  # noqa: E731
    run = classroom.run_class(tiny_base, folder, cfg=FAST, on_event=seen.append, should_stop=stop)
    assert not run.complete and len(calls) == 2
    assert [(r.name, r.status) for r in run.records] == [("Anu", "done"), ("Bala <&>", "skipped"),
                                                         ("ചിത്ര", "stopped")]
    anu = run.out / "Anu.safetensors"
    first = (anu.read_bytes(), anu.stat().st_mtime_ns)
    assert not (run.out / "ചിത്ര.safetensors").exists()
    assert "run it again to continue" in (run.out / "class-report.html").read_text(encoding="utf-8")

    calls.clear()
    events = []
    run = classroom.run_class(tiny_base, folder, cfg=FAST, on_event=events.append)
    assert run.complete and len(calls) == 1                       # only the stopped student
    assert [e.record.name for e in events if isinstance(e, classroom.StudentFinished) and e.reused] == ["Anu"]
    assert (anu.read_bytes(), anu.stat().st_mtime_ns) == first
    assert [r.status for r in run.records] == ["done", "skipped", "done"]

    # A student who adds writing is redone (same file name); the others are not.
    words_before = run.records[0].words
    calls.clear()
    (folder / "Anu" / "essay-2.txt").write_text(synthetic_text(300, seed=99), encoding="utf-8")
    run = classroom.run_class(tiny_base, folder, cfg=FAST)
    assert len(calls) == 1 and run.records[0].file == "Anu.safetensors" and anu.read_bytes() != first[0]
    assert run.records[0].words > words_before + 250


def test_students_whose_names_give_the_same_file_name_get_different_files(tmp_path, tiny_base):
    folder = make_class(tmp_path, {"Anu": 900, "anu": 900, "Anu ": 900, "Anu?": 900})
    run = classroom.run_class(tiny_base, folder, cfg=FAST, write_report=False)
    files = [r.file for r in run.records]
    # Distinct even where case does not count (Windows, macOS).
    assert len({f.casefold() for f in files}) == len(files) == 4
    assert all((run.out / f).is_file() and not f.startswith(".") for f in files)


def test_bad_class_folders_get_one_sentence(tmp_path, capsys):
    from desktop.cli import main
    assert main(["class", str(tmp_path / "missing")]) == 2
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["class", str(tmp_path / "empty")]) == 2
    assert "no student folders" in capsys.readouterr().err
    assert main(["class", str(tmp_path / "empty"), "--minutes", "-1"]) == 2


def test_the_report_keeps_its_codes_in_english_and_is_worded_in_another_language(tmp_path, tiny_base):
    from desktop.engine.messages import Wording
    folder = make_class(tmp_path, {"Anu": 200})
    run = classroom.run_class(tiny_base, folder, cfg=FAST)
    assert '<html lang="en">' in run.html.read_text(encoding="utf-8")
    assert read_csv(run.csv)[0]["status"] == "skipped"     # the spreadsheet keeps its codes in English
    marked = Wording(translate=lambda c, s: "«" + s + "»", number=lambda v: f"#{v:g}#", lang="ml")
    run = classroom.run_class(tiny_base, folder, cfg=FAST, wording=marked)
    page = run.html.read_text(encoding="utf-8")
    assert '<html lang="ml">' in page and "«Skipped»" in page
    words = run.records[0].words
    assert f"«Too little text: #{words}# words; at least #1500# are needed.»" in page   # numbers by the language
    row = read_csv(run.csv)[0]
    assert row["«Status»"] == "«Skipped»" and "«Name»" in row      # headers and statuses worded too


def test_the_window_runs_a_class_with_a_progress_list_and_opens_the_report(qtbot, tiny_base, tmp_path,
                                                                          monkeypatch):
    pytest.importorskip("pytestqt")
    from PySide6.QtGui import QDesktopServices

    from desktop.ui import language
    from desktop.ui.settings import Settings
    from desktop.ui.window import MainWindow
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True)
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    w = MainWindow(base=tiny_base, settings=Settings(), train_overrides=dict(max_steps=5, threads=1))
    qtbot.addWidget(w, before_close_func=lambda w: w.stop_jobs(60.0))
    w.show()
    qtbot.waitUntil(lambda: w.docs.min_words is not None, timeout=60_000)
    folder = make_class(tmp_path)
    w.class_action.trigger()                   # File > Class...
    dlg = w.class_dialog
    dlg.set_folder(folder)
    assert dlg.table.rowCount() == 3 and dlg.start.isEnabled()
    assert [dlg.table.item(i, 3).text() for i in range(3)] == ["Not done yet"] * 3
    dlg.start.click()
    qtbot.waitUntil(lambda: not dlg.running() and bool(opened), timeout=120_000)
    report = folder / "normfit-results" / "class-report.html"
    assert opened == [report] and report.is_file()
    status = [dlg.table.item(i, 3).text() for i in range(3)]
    assert status[0] == status[2] == "Adapter saved" and status[1].startswith("Skipped: Too little text")
    assert dlg.table.item(0, 2).text().endswith("%") and "3 students" in dlg.phase.text()
    # The class's game: whose writing among these students (no base row, no signed entries asked for).
    assert dlg.game.isEnabled()
    dlg.game.click()
    wd = w.whose_dialog
    assert wd.folder.text() == str(folder / "normfit-results")
    wd.paste.setPlainText((folder / "Anu" / "essay-0.txt").read_text(encoding="utf-8")[:1500])
    wd.run_guess()
    qtbot.waitUntil(lambda: wd.guess.isEnabled() and wd.bars.grid.count() > 0, timeout=60_000)
    assert wd.bars.grid.count() == 2 * 3, wd.skipped.text()      # the two students with an adapter
    assert ("Anu" in wd.answer.text() or "ചിത്ര" in wd.answer.text()) and "times in 10" in wd.caution.text()
    wd.close()
    try:
        w.set_language("ml")
        qtbot.waitUntil(lambda: dlg.start.text() == "തുടങ്ങുക", timeout=5000)
        assert dlg.table.item(0, 3).text() == "അഡാപ്റ്റർ സൂക്ഷിച്ചു" and "3" in dlg.phase.text()
        assert "Done" not in dlg.phase.text()
    finally:
        language.apply("en")


def test_the_command_line_writes_the_report_in_malayalam_when_asked(tmp_path, tiny_base_dir, capsys):
    """`normfit class --lang ml`: the teacher's report (HTML and CSV) in Malayalam, its own lines in English."""
    from desktop.cli import main
    folder = make_class(tmp_path, {"Anu": 200})
    assert main(["class", str(folder), "--steps", "2", "--threads", "1", "--base", str(tiny_base_dir),
                 "--lang", "ml"]) == 0
    assert "skipped" in capsys.readouterr().out
    page = (folder / "normfit-results" / "class-report.html").read_text(encoding="utf-8")
    assert '<html lang="ml">' in page
    assert "ഒഴിവാക്കി" in page and "Skipped" not in page and "Too little text" not in page
    assert re.search(r"\d{1,2} ഡിസംബർ|\d{1,2} [\u0D00-\u0D7F]+ 20\d\d", page), "the date in Malayalam"
    row = read_csv(folder / "normfit-results" / "class-report.csv")[0]
    assert "പേര്" in row and not ({"name", "status"} & set(row))
    assert main(["class", str(folder), "--lang", "xx", "--base", str(tiny_base_dir)]) == 2

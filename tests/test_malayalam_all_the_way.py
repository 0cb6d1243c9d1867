"""A Malayalam-medium student meets no English: the window in Malayalam, a
damaged PDF, an empty file, a too-short file and good documents, a short run,
its results, and a class report, read as a person would see them.

Everything a person can read is collected from the visible widgets (labels,
buttons, tables, lists, text views, menus) and from the class report's HTML and
CSV; what is left after taking out names, file names, numbers and the product
and format names the glossary keeps in Latin letters must have no English word.
"""
from __future__ import annotations

import csv
import html
import os
import random
import re
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QListWidget,  # noqa: E402
                               QPlainTextEdit, QTableWidget, QTextEdit, QWidget)

from tests.test_i18n import CODE, KEEP  # noqa: E402

# Malayalam sentences a student might write (so the person's own text, shown back
# on the Results page, is not English either).
NOUNS = ["കുട്ടി", "അമ്മ", "പുഴ", "മഴ", "വീട്", "പുസ്തകം", "മരം", "സ്കൂൾ", "കടൽ", "പൂച്ച", "വഴി", "ചന്ത"]
VERBS = ["കണ്ടു", "എഴുതി", "വായിച്ചു", "ഓർത്തു", "കാത്തിരുന്നു", "പാടി", "നടന്നു", "ചിരിച്ചു"]
TAILS = ["രാവിലെ", "വൈകുന്നേരം", "മഴക്കാലത്ത്", "ഓണത്തിന്", "അവധിക്കാലത്ത്", "ഇന്നലെ"]


def malayalam_writing(words: int, seed: int) -> str:
    rng = random.Random(seed)
    out, n = [], 0
    while n < words:
        s = f"{rng.choice(TAILS)} {rng.choice(NOUNS)} {rng.choice(NOUNS)}യെ {rng.choice(VERBS)}."
        out.append(s + ("\n\n" if rng.random() < 0.2 else " "))
        n += len(s.split())
    return "".join(out)


def english_words(text: str, allowed: set[str]) -> list[str]:
    """Latin-letter words left once names, file names, numbers, code and kept names are out."""
    for a in sorted(allowed, key=len, reverse=True):
        text = text.replace(a, " ")
    text = CODE.sub(" ", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in KEEP]


def visible_texts(root: QWidget) -> list[str]:
    out = [root.windowTitle()]
    for w in root.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QLineEdit):
            out += [w.text(), w.placeholderText()]
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            out.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            out += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                h = w.horizontalHeaderItem(c)
                out.append(h.text() if h else "")
            out += [w.item(r, c).text() for r in range(w.rowCount()) for c in range(w.columnCount())
                    if w.item(r, c) is not None]
    if hasattr(root, "menuBar"):
        for a in root.menuBar().actions():
            out.append(a.text())
            out += [b.text() for b in a.menu().actions()] if a.menu() else []
    return [html.unescape(re.sub(r"<[^>]+>", " ", t)) for t in out if t]


def test_the_finder_sees_an_engine_sentence_left_in_english():
    from desktop.engine.documents import damaged
    assert english_words(f"ഒഴിവാക്കി: {damaged('PDF')}", set()), "the check below could never fail"
    assert not english_words("ഈ PDF കേടായതാണ് (damaged.pdf, 1,500 വാക്കുകൾ) NormFit", {"damaged.pdf"})


def test_a_malayalam_student_meets_no_english_from_documents_to_class_report(qtbot, tiny_base, tmp_path,
                                                                            monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDesktopServices

    from desktop.ui import language
    from desktop.ui.settings import Settings
    from desktop.ui.window import MainWindow
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    mine = tmp_path / "എന്റെ-എഴുത്ത്"
    mine.mkdir()
    files = {"damaged.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> broken", "empty.txt": b"",
             "short.txt": "ഒരു ചെറിയ കുറിപ്പ്.".encode()}
    for name, data in files.items():
        (mine / name).write_bytes(data)
    for i in range(3):
        (mine / f"essay-{i}.txt").write_text(malayalam_writing(900, i), encoding="utf-8")
    w = MainWindow(base=tiny_base, settings=Settings(), train_overrides=dict(max_steps=3, threads=1))
    qtbot.addWidget(w, before_close_func=lambda w: w.stop_jobs(60.0))
    w.show()
    qtbot.waitUntil(lambda: w.docs.min_words is not None, timeout=60_000)
    allowed = {"NormFit", "normfit-test-tiny", str(mine), mine.name, *files, "essay-0.txt", "essay-1.txt",
               "essay-2.txt", ".safetensors"}
    seen: dict[str, list[str]] = {}

    def look(where: str, texts: list[str]) -> None:
        left = [(t, english_words(t, allowed)) for t in texts]
        seen[where] = [f"{words} in {t!r}" for t, words in left if words]

    try:
        w.set_language("ml")
        # 1. Only the bad files and the too-short one: every reason and the warning in Malayalam.
        w.docs.add_paths([str(mine / n) for n in files])
        qtbot.waitUntil(lambda: not w.docs.reading() and w.docs_page.table.rowCount() == 3, timeout=60_000)
        look("documents, bad files only", visible_texts(w))
        # 2. Good documents too; train for a few steps; the results.
        w.docs.add_paths([str(mine / f"essay-{i}.txt") for i in range(3)])
        qtbot.waitUntil(lambda: not w.docs.reading() and w.docs_page.table.rowCount() == 6, timeout=60_000)
        look("documents", visible_texts(w))
        qtbot.mouseClick(w.next, Qt.MouseButton.LeftButton)
        look("personalise", visible_texts(w))
        with qtbot.waitSignal(w.personalise.run_finished, timeout=180_000):
            qtbot.mouseClick(w.train_page.start, Qt.MouseButton.LeftButton)
        assert w.stack.currentWidget() is w.results_page
        look("results", visible_texts(w))
        # 3. A class: one student with enough writing, one with a damaged PDF only, one with too little.
        cls = tmp_path / "ക്ലാസ്-7"
        for name in ("Anu", "Biju", "Chitra"):
            (cls / name).mkdir(parents=True)
        for i in range(2):
            (cls / "Anu" / f"essay-{i}.txt").write_text(malayalam_writing(1200, 10 + i), encoding="utf-8")
        (cls / "Biju" / "damaged.pdf").write_bytes(files["damaged.pdf"])
        (cls / "Chitra" / "short.txt").write_text(malayalam_writing(200, 20), encoding="utf-8")
        allowed |= {"Anu", "Biju", "Chitra", str(cls / "normfit-results"), cls.name, str(cls), "Anu.safetensors",
                    "class-report.html"}
        w.class_action.trigger()
        dlg = w.class_dialog
        dlg.set_folder(cls)
        dlg.start.click()
        qtbot.waitUntil(lambda: not dlg.running(), timeout=180_000)
        look("class dialog", visible_texts(dlg))
        out = cls / "normfit-results"
        page = (out / "class-report.html").read_text(encoding="utf-8")
        body = page[page.index("<body>"):]
        assert '<html lang="ml">' in page
        look("class report", [html.unescape(re.sub(r"<[^>]+>", "\n", body))])
        with (out / "class-report.csv").open(encoding="utf-8-sig", newline="") as f:
            look("class report (CSV)", [" ".join(row) for row in csv.reader(f)])
    finally:
        language.apply("en")
    problems = {k: v for k, v in seen.items() if v}
    assert not problems, problems
    assert set(seen) == {"documents, bad files only", "documents", "personalise", "results", "class dialog",
                         "class report", "class report (CSV)"}

"""The window in Malayalam: every string translated, and switching at run time.

The source strings are found twice, independently: by reading the code (every
tr("..."), QT_TR_NOOP("...") and QT_TRANSLATE_NOOP("ctx", "...") literal) and by
pyside6-lupdate (the .ts file). Each must have a Malayalam translation in the
.ts, and the compiled .qm the app loads must give that same translation.
"""
from __future__ import annotations

import ast
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")
from PySide6.QtCore import QCoreApplication, QLocale  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QMenu, QTableWidget  # noqa: E402

from desktop.engine.base import releases  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "assets" / "i18n" / "normfit_ml.ts"
# The window and every engine module (the engine marks its sentences with QT_TRANSLATE_NOOP: engine/messages.py)
SOURCES = sorted((ROOT / "desktop" / "ui").glob("*.py")) + sorted((ROOT / "desktop" / "engine").rglob("*.py"))
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d")
GLOB = re.compile(r"\*\.?\w*")         # file patterns such as *.safetensors
MALAYALAM = re.compile(r"[\u0D00-\u0D7F]")
# Names that stay as they are in Malayalam text (products, formats, units).
KEEP = {"NormFit", "LoRA", "PDF", "Word", "OpenDocument", "EPUB", "Markdown", "NVIDIA", "Mac", "KB", "MB",
        "UTC", "Ctrl", "RTF", "Rich", "Text", "The", "morning", "after", "the", "storm", "Language", "English",
        "USB", "Kindle", "LibreOffice", "WordPerfect", "Pages", "DRM", "JSON", "UTF", "safetensors"}
# Code and file names inside a sentence stay as typed: 'field' names, --options, .suffixes and
# file names (config.json), tokens with digits (Ed25519, base64) and normfit commands.
CODE = re.compile(r"'[^'\s]*'|--[a-z-]+|\w*\.[a-z]+\b|\w*\d\w*|normfit [a-z]+(?: [a-z]+)?")
BASE_DIR = Path(os.environ.get("NORMFIT_BASE") or ROOT / "assets" / "base")
needs_base = pytest.mark.skipif(not releases(BASE_DIR), reason=f"no base model in {BASE_DIR}")


def strings_in_code() -> set[tuple[str, str]]:
    """(context, source) of every literal the code passes to Qt's translation."""
    found = set()
    for path in SOURCES:
        if not path.exists():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = node.args
            if name in ("tr", "QT_TR_NOOP") and args and isinstance(args[0], ast.Constant) \
                    and isinstance(args[0].value, str):
                found.add(("", args[0].value))
            elif name in ("QT_TRANSLATE_NOOP", "translate") and len(args) >= 2 and \
                    all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2]):
                found.add((args[0].value, args[1].value))
    return found


def ts_messages(path: Path = TS) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, type attribute)."""
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            t = m.find("translation")
            out[(name, m.findtext("source") or "")] = (t.text or "", t.get("type"))
    return out


def needs_words(source: str) -> bool:
    """Whether a source has English words to translate (not just placeholders, names or punctuation)."""
    words = re.findall(r"[A-Za-z]{2,}", CODE.sub("", GLOB.sub("", PLACEHOLDER.sub("", source))))
    return any(w not in KEEP for w in words)


@pytest.fixture
def malayalam(qapp):
    from desktop.ui import language
    assert language.apply("ml"), "assets/i18n/normfit_ml.qm did not load"
    yield language
    language.apply("en")


# ---------------------------------------------------------------- the translation file
def test_every_translatable_string_in_the_code_is_in_the_translation_source():
    code, ts = strings_in_code(), ts_messages()
    assert len(code) > 250
    missing = sorted(code - set(ts))
    assert not missing, f"run `python tools/i18n.py update` and translate: {missing[:5]}"


def test_every_string_has_a_finished_malayalam_translation_with_the_same_placeholders():
    problems = []
    for (ctx, src), (text, kind) in ts_messages().items():
        if kind in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append(("untranslated", src))
        elif sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(("placeholders differ", src))
        elif needs_words(src) and (text == src or needs_words(text)):
            problems.append(("still English", src))
    assert not problems, problems[:5]


def test_the_compiled_translation_is_the_source_the_app_loads(malayalam):
    """The .qm in assets/ matches the .ts (a stale .qm would ship old words)."""
    stale = [src for (ctx, src), (text, _) in ts_messages().items()
             if QCoreApplication.translate(ctx, src) != text]
    assert not stale, f"run `python tools/i18n.py release`: {stale[:3]}"


def test_numbers_follow_the_language(malayalam):
    from desktop.ui.words import clock, num, pct, size_text
    assert num(100000) == "1,00,000"      # Indian grouping: lakh
    assert pct(27.4) == "27%" and clock(65) == "1:05"
    assert size_text(6000) == "5.9 KB"
    malayalam.apply("en")
    assert num(100000) == "100,000"


def test_a_saved_choice_wins_over_the_system_language(malayalam):
    assert malayalam.resolve("ml") == "ml" and malayalam.resolve("en") == "en"
    assert malayalam.resolve("") == malayalam.system_language() == malayalam.resolve("klingon")


# ---------------------------------------------------------------- the open window
@pytest.fixture(scope="module")
def base():
    from desktop.engine.api import load_base
    return load_base(BASE_DIR)


@pytest.fixture
def window(qtbot, base, tmp_path, monkeypatch):
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    from desktop.ui.settings import Settings
    from desktop.ui.window import MainWindow
    w = MainWindow(base=base, settings=Settings())
    qtbot.addWidget(w, before_close_func=lambda w: w.stop_jobs(60.0))
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: w.docs.min_words is not None, timeout=120_000)
    yield w
    from desktop.ui import language
    language.apply("en")


def visible_texts(w) -> dict[str, str]:
    """Every text a person sees or hears in the window, by where it is."""
    out = {}
    for i, c in enumerate(w.findChildren(QLabel) + w.findChildren(QAbstractButton) + w.findChildren(QGroupBox)
                          + w.findChildren(QLineEdit) + w.findChildren(QTableWidget)):
        if "qt_" in c.objectName() or type(c).__name__ == "QScrollBar":
            continue
        key = f"{type(c).__name__}#{i}"
        for attr in ("text", "title", "placeholderText", "toolTip", "accessibleName"):
            v = getattr(c, attr, None)
            if v is not None and (v() if callable(v) else v):
                out[f"{key}.{attr}"] = v() if callable(v) else v
        if isinstance(c, QTableWidget):
            for col in range(c.columnCount()):
                out[f"{key}.header{col}"] = c.horizontalHeaderItem(col).text()
    for i, a in enumerate(w.findChildren(QAction)):
        if a.text() and a not in w.language_actions.values():
            out[f"action#{i}"] = a.text()
    for i, m in enumerate(w.findChildren(QMenu)):
        if m.title():
            out[f"menu#{i}"] = m.title()
    out["window"] = w.windowTitle()
    return out


def english_left(text: str, allowed: set[str]) -> list[str]:
    words = re.findall(r"[A-Za-z]{3,}", text)
    return [x for x in words if x not in KEEP and x not in allowed]


def add_writing(qtbot, w, folder: Path) -> None:
    folder.mkdir()
    for i in range(2):
        words = [f"morning{(i + j) % 7} river{j % 5} lantern{j % 3}" for j in range(300)]
        (folder / f"story-{i}.txt").write_text(" ".join(words) + ".", encoding="utf-8")
    w.docs.add_paths([str(folder)])
    qtbot.waitUntil(lambda: not w.docs.reading() and w.docs_page.table.rowCount() == 2, timeout=120_000)


@needs_base
def test_switching_to_malayalam_retranslates_the_open_window_and_keeps_the_work(qtbot, window, tmp_path):
    w = window
    add_writing(qtbot, w, tmp_path / "mine")
    w.train_page.who.setText("അനു")
    w.go(1)
    w.open_class()                      # File > Class...: its words are checked too
    english = visible_texts(w)
    assert english["window"] == "NormFit" and "words" in w.docs_page.totals.text()

    w.set_language("ml")
    qtbot.waitUntil(lambda: w.step_buttons[0].text() != "1  Documents", timeout=5000)
    ml = visible_texts(w)
    # Nothing in English is left: file names, the base's id and the device's name are not words to translate.
    allowed = {p for t in (w.base.base_id, "story-0.txt story-1.txt mine") for p in re.findall(r"[A-Za-z]+", t)}
    leftovers = {k: english_left(v, allowed) for k, v in ml.items() if english_left(v, allowed)}
    assert not leftovers, leftovers
    changed = [k for k in english if english_left(english[k], allowed) and ml.get(k) != english[k]]
    assert len(changed) > 100
    assert MALAYALAM.search(w.docs_page.totals.text()) and MALAYALAM.search(w.menuBar().actions()[0].text())
    # The work is still there: documents, the name typed in, the step shown.
    assert w.docs_page.table.rowCount() == 2 and w.train_page.who.text() == "അനു"
    assert w.stack.currentIndex() == 1 and w.settings.language == "ml"

    w.set_language("en")
    qtbot.waitUntil(lambda: w.step_buttons[0].text() == "1  Documents", timeout=5000)
    assert visible_texts(w) == english


@needs_base
def test_the_language_menu_switches_and_is_remembered(qtbot, window):
    from desktop.ui.settings import Settings
    window.language_actions["ml"].trigger()
    qtbot.waitUntil(lambda: MALAYALAM.search(window.train_page.start.text()) is not None, timeout=5000)
    assert window.language_actions["ml"].isChecked() and not window.language_actions["en"].isChecked()
    assert Settings.load().language == "ml"
    assert QLocale().language() == QLocale.Language.Malayalam


NOTO = Path("/usr/share/fonts/truetype/noto/NotoSansMalayalam-Regular.ttf")


@pytest.mark.skipif(not NOTO.is_file(), reason="no Noto Sans Malayalam on this machine (apt-get install fonts-noto-core)")
def test_a_font_shipped_with_the_app_draws_malayalam(qapp, tmp_path, monkeypatch):
    """The packaged app carries its Malayalam font in assets/fonts (build.spec):
    registered at start and made the fallback for Malayalam letters."""
    import shutil

    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from desktop.ui import language
    (tmp_path / "fonts").mkdir()
    shutil.copy(NOTO, tmp_path / "fonts" / "Bundled.ttf")
    monkeypatch.setattr(language, "assets_dir", lambda: tmp_path)
    monkeypatch.setattr(language, "PREFERRED", ())       # only what is bundled counts here
    monkeypatch.setattr(language, "_fonts", [])
    before = QApplication.font()
    try:
        families = language.load_fonts()
        assert families == ["Noto Sans Malayalam"]
        assert QApplication.font().families()[1:] == families
        assert QFontDatabase.WritingSystem.Malayalam in QFontDatabase.writingSystems(families[0])
    finally:
        QApplication.setFont(before)

"""The window's language: English (the source text) or Malayalam.

The translation lives in assets/i18n/normfit_<code>.ts (source, kept in the
repository) and .qm (compiled by pyside6-lrelease; `make translations`).
By default the window follows the system locale; the Language menu switches at
run time: `apply()` swaps the installed translators, Qt then sends every widget
a LanguageChange event, and each view re-words itself in its retranslate().
Numbers follow too, because desktop/ui/words.py writes them with QLocale's
default, which `apply()` sets.

Fonts: a lab PC may have no Malayalam font at all (a plain Debian/Ubuntu image
often has none), so the packaged app carries one (assets/fonts/, copied in at
build time from the build machine's fonts-smc-manjari package, with its
licence) and `load_fonts()` registers it at start.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QLibraryInfo, QLocale, QTranslator

from ..paths import assets_dir

log = logging.getLogger("normfit.ui")

# Each name is written in its own language, so anyone can find theirs.
LANGUAGES = {"en": "English", "ml": "മലയാളം"}
_installed: list[QTranslator] = []
_current: str | None = None
_fonts: list[str] = []



def i18n_dir() -> Path:
    return assets_dir() / "i18n"


def system_language() -> str:
    """'ml' when the system's preferred languages start with Malayalam, else 'en'."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def resolve(choice: str | None) -> str:
    """A saved choice ('en', 'ml'), or the system's language when none was made."""
    return choice if choice in LANGUAGES else system_language()


def locale_for(code: str) -> QLocale:
    """The system's own locale when it speaks this language (en_GB stays en_GB),
    else the language's main one (ml_IN, en_US)."""
    system = QLocale.system()
    if system.name().split("_")[0] == code:
        return system
    return QLocale(QLocale.Language.Malayalam, QLocale.Country.India) if code == "ml" else \
        QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def current() -> str:
    return _current or "en"


def apply(code: str) -> bool:
    """Switch the whole application to `code`; True when its translation loaded
    (English always 'loads': it is the source text)."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    changed = bool(_installed)
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    QLocale.setDefault(locale_for(code))
    ok = code == "en"
    if code != "en":
        ours = QTranslator(app)
        if ours.load(str(i18n_dir() / f"normfit_{code}.qm")):
            _installed.append(ours)
            ok = True
        else:
            log.warning("no %s translation in %s; staying in English", code, i18n_dir())
        qt = QTranslator(app)      # Qt's own words (file dialogs), where Qt ships them
        if qt.load(QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
    for t in _installed:
        app.installTranslator(t)
        changed = True
    _current = code if ok else "en"
    if not changed:
        # Nothing was installed or removed, so Qt sends nothing; the views still
        # re-word (e.g. numbers after the first choice).
        QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
    log.info("language %s (%s)", _current, QLocale().name())
    return ok


def _wording(code: str, translate, lc: QLocale):
    from ..engine.messages import Wording

    def number(v: float) -> str:
        return lc.toString(int(v)) if float(v).is_integer() else lc.toString(float(v), "f", 1)

    def date(ts: float) -> str:
        # Day, the month's name in the language, year, 24-hour time: the order a Kerala school
        # writes dates in; digits are the ordinary ones, which Malayalam-medium schools use today.
        return lc.toString(QDateTime.fromSecsSinceEpoch(int(ts)), "d MMMM yyyy, HH:mm")
    return Wording(translate=translate, number=number, date=date, lang=code)


def wording():
    """The window's words, as the engine's report writers take them (engine/messages.Wording)."""
    return _wording(current(), QCoreApplication.translate, QLocale())


def wording_for(code: str):
    """`code`'s words without a running application (`normfit class --lang ml` writes its report with it)."""
    translator = QTranslator()
    if code != "en" and not translator.load(str(i18n_dir() / f"normfit_{code}.qm")):
        raise FileNotFoundError(f"no {code} translation in {i18n_dir()}")
    return _wording(code, lambda c, t: translator.translate(c, t) or t, locale_for(code))


# Drawn larger and clearer than most Malayalam fonts at the same point size; the
# one the packaged app carries, so a development run looks like the lab's.
PREFERRED = ("Noto Sans Malayalam",)


def load_fonts() -> list[str]:
    """Register the fonts shipped in assets/fonts (the packaged app), then make
    the preferred Malayalam font the fallback for glyphs the default font lacks
    (Latin text keeps the system's look). Returns the fallback families used."""
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication
    if _fonts:
        return _fonts
    folder = assets_dir() / "fonts"
    bundled = []
    for f in sorted(folder.glob("*.[ot]tf")) if folder.is_dir() else ():
        fid = QFontDatabase.addApplicationFont(str(f))
        if fid < 0:
            log.warning("could not load the font %s", f)
            continue
        bundled += [fam for fam in QFontDatabase.applicationFontFamilies(fid) if fam not in bundled]
    have = set(QFontDatabase.families())
    _fonts.extend(fam for fam in PREFERRED if fam in have)
    _fonts.extend(fam for fam in bundled if fam not in _fonts)
    if _fonts:
        font = QApplication.font()
        font.setFamilies([font.family(), *_fonts])
        QApplication.setFont(font)
        log.info("Malayalam drawn with: %s", ", ".join(_fonts))
    return _fonts


def has_font_for_malayalam() -> bool:
    """Whether any font here can draw Malayalam (system or bundled)."""
    from PySide6.QtGui import QFontDatabase
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.Malayalam))

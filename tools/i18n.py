"""Translations of the window, with the tools PySide6 ships (docs/TRANSLATING.md).

    python tools/i18n.py update    # pyside6-lupdate: new or changed strings into assets/i18n/normfit_<lang>.ts
    python tools/i18n.py release   # pyside6-lrelease: .ts -> the .qm the app loads
    python tools/i18n.py check     # list strings still untranslated (exit 1 if any)

Edit the .ts with Qt Linguist (`.venv/bin/pyside6-linguist assets/i18n/normfit_ml.ts`)
or any text editor, then `release` and commit both files.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "assets" / "i18n"
LANGUAGES = {"ml": "ml_IN"}
# Every file with translatable words: the window, and the engine's sentences the
# window shows (marked with QT_TRANSLATE_NOOP, so the engine imports no Qt).
SOURCES = sorted((ROOT / "desktop" / "ui").glob("*.py")) + [
    ROOT / "desktop" / "engine" / "notes.py",
    ROOT / "desktop" / "engine" / "methods.py",     # the methods' names
    ROOT / "desktop" / "engine" / "class_report.py",
    ROOT / "desktop" / "engine" / "explain_page.py",
    ROOT / "desktop" / "engine" / "share.py",
]


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install PySide6)")
    return found


def ts_file(lang: str) -> Path:
    return I18N / f"normfit_{lang}.ts"


def qt_extra(lang: str) -> Path:
    """Hand-kept words of Qt's own dialogs (buttons, file dialog), which Qt does not ship in this language."""
    return I18N / f"qt_{lang}.ts"


def update(lang: str) -> None:
    # No line numbers in the .ts: they would change it on every unrelated edit.
    subprocess.run([tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-source-language", "en",
                    "-target-language", LANGUAGES[lang], *map(str, (s for s in SOURCES if s.exists())),
                    "-ts", str(ts_file(lang))], check=True)


def release(lang: str) -> Path:
    out = I18N / f"normfit_{lang}.qm"
    srcs = [str(ts_file(lang))] + ([str(qt_extra(lang))] if qt_extra(lang).exists() else [])
    subprocess.run([tool("pyside6-lrelease"), *srcs, "-qm", str(out)], check=True)
    return out


def untranslated(path: Path) -> list[tuple[str, str]]:
    root = ET.parse(path).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            t = m.find("translation")
            if t is None or t.get("type") in ("unfinished", "vanished", "obsolete") or not (t.text or "").strip():
                out.append((name, m.findtext("source") or ""))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["update", "release", "check"])
    ap.add_argument("--lang", default="ml", choices=sorted(LANGUAGES))
    a = ap.parse_args()
    if a.command == "update":
        update(a.lang)
    elif a.command == "release":
        print("wrote", release(a.lang).relative_to(ROOT))
    missing = untranslated(ts_file(a.lang))
    for ctx, src in missing:
        print(f"untranslated [{ctx}]: {src!r}")
    return 1 if a.command == "check" and missing else 0


if __name__ == "__main__":
    sys.exit(main())

"""Screenshots of File > Shared folder... (docs/SHARING.md), from the real window, offscreen.

    python tools/screenshot_shared_folder.py [--lang en|ml] [--out docs/screenshots]

Builds a lab folder in a temporary NORMFIT_HOME: two adapters of the teacher's
own, two of a student (Ann, her own key), one of a stranger, and a few hostile
files (a FIFO named like an entry, a withdrawal renamed to an entry, a signed
entry whose label would clear the terminal, an adapter with no entry). Shots:
the folder as first opened, then after trusting Ann.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build_lab(base, folder: Path, work: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.engine import share
    from tests.hostile import norm_adapter
    known = {base.sha256: base.base_id}
    people = (("Teacher's demo", None, 2), ("Ann", work / "ann-keys", 2), ("Bo", work / "bo-keys", 1))
    shared = []
    for who, keys, n in people:
        for i in range(n):
            a = norm_adapter(work / f"{who}{i}.safetensors", base, hash((who, i)) % 10000,
                             label=who if n == 1 else f"{who} {i + 1}")
            shared.append(share.share_adapter(a, folder, known=known, key_folder=keys))
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.entry.json")
    w = share.make_withdrawal(shared[0].entry_data, share.load_or_create_key())
    (folder / "renamed.entry.json").write_text(json.dumps(w))
    e = share._sign(dict(shared[1].entry_data, label="\x1b[2Jclear screen"), Ed25519PrivateKey.generate())
    (folder / "escape.entry.json").write_text(json.dumps(e))
    (folder / "loose.safetensors").write_bytes(shared[0].adapter.read_bytes())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="en")
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="normfit-shared-shots-"))
    os.environ["NORMFIT_HOME"] = str(tmp / "home")

    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.engine.base import load_base
    from desktop.ui import language
    from desktop.ui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NormFit")
    language.load_fonts()
    if not language.apply(args.lang):
        raise SystemExit(f"no translation for {args.lang}")
    prefix = "" if args.lang == "en" else f"{args.lang}-"
    base = load_base()
    folder, work = tmp / "lab-shared-folder", tmp / "work"
    folder.mkdir()
    work.mkdir()
    build_lab(base, folder, work)
    win = MainWindow(base=base)
    win.open_shared_folder()
    d = win.shared_dialog
    d.resize(1100, 640)
    d.show_folder(folder)
    app.processEvents()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    d.grab().save(str(out / f"{prefix}08-shared-folder.png"))
    ann = next(i for i, r in enumerate(d.rows) if r.status == "untrusted" and r.label.startswith("Ann"))
    d.table.selectRow(ann)
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    d.trust_selected()
    app.processEvents()
    d.grab().save(str(out / f"{prefix}09-shared-folder-trusted.png"))
    print(f"wrote {out / (prefix + '08-shared-folder.png')} and 09-shared-folder-trusted.png")
    win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

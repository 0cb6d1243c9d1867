"""The window's File > Shared folder...: a teacher opens the lab's folder, sees
which adapters are used, which are signed by a key not trusted yet, and one
sentence for every other file; trusts a student's key and stops trusting it.
A folder full of hostile files is listed in seconds."""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from desktop.engine import share  # noqa: E402
from tests.hostile import plant_hostile, share_good  # noqa: E402
from tests.test_ui import base, home, needs_base, window  # noqa: E402,F401 (fixtures)


@pytest.fixture
def lab(tmp_path, base):  # noqa: F811
    folder = tmp_path / "lab"
    folder.mkdir()
    for d in ("w", "w2"):
        (tmp_path / d).mkdir()
    mine = share_good(folder, tmp_path / "w", base, 2)
    ann = share_good(folder, tmp_path / "w2", base, 1, key_folder=tmp_path / "ann-keys")
    return folder, mine, ann


def statuses(dialog) -> dict[str, str]:
    t = dialog.table
    return {t.item(r, 0).text(): t.item(r, 2).text() for r in range(t.rowCount())}


@needs_base
def test_the_teacher_sees_the_folder_and_trusts_a_student(qtbot, window, lab, monkeypatch):  # noqa: F811
    folder, mine, ann = lab
    window.open_shared_folder()
    d = window.shared_dialog
    d.show_folder(folder)
    s = statuses(d)
    assert len(s) == 3 and list(s.values()).count("Used") == 2
    ann_row = next(i for i, r in enumerate(d.rows) if r.status == "untrusted")
    assert d.table.item(ann_row, 1).text() == ann[0].fingerprint
    assert not d.trust_button.isEnabled()
    d.table.selectRow(ann_row)
    assert d.trust_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(d.trust_button, Qt.MouseButton.LeftButton)
    assert list(statuses(d).values()).count("Used") == 3
    assert d.trusted.count() == 2 and ann[0].fingerprint in d.trusted.item(1).text()
    d.trusted.setCurrentRow(0)
    assert not d.untrust_button.isEnabled()               # one's own key cannot be removed
    d.trusted.setCurrentRow(1)
    assert d.untrust_button.isEnabled()
    qtbot.mouseClick(d.untrust_button, Qt.MouseButton.LeftButton)
    assert list(statuses(d).values()).count("Used") == 2 and d.trusted.count() == 1


@needs_base
def test_a_hostile_folder_is_listed_in_seconds_with_one_sentence_per_file(qtbot, window, lab):  # noqa: F811
    folder, mine, ann = lab
    bad = plant_hostile(folder, window.base, mine[0], share.load_or_create_key(), Ed25519PrivateKey.generate())
    window.open_shared_folder()
    d = window.shared_dialog
    t0 = time.monotonic()
    d.show_folder(folder)
    assert time.monotonic() - t0 < 10
    rows = d.rows
    assert sum(r.status == "used" for r in rows) == 2
    # Every bad file once, plus Ann's entry (untrusted, not bad).
    assert len(rows) == 2 + 1 + len(bad)
    for r in range(d.table.rowCount()):
        for c in range(3):
            text = d.table.item(r, c).text()
            assert "\n" not in text and "\x1b" not in text

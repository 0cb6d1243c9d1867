"""The window's Share...: on the Results page and for a saved adapter, it says
what is shared, asks for a folder and writes a verifiable signed entry there,
with the key kept in NormFit's own folder."""
from __future__ import annotations

import os
import stat

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from tests.test_ui import base, home, needs_base, outcome, window, written  # noqa: E402,F401 (fixtures)


def answer(reply, asked):
    def question(parent, title, text, *a, **k):
        asked.append(text)
        return reply
    return question


@needs_base
def test_share_from_results_writes_a_verifiable_entry_and_keeps_the_key_at_home(
        qtbot, window, outcome, home, tmp_path, monkeypatch):  # noqa: F811
    from desktop.engine import api
    window.results.show_outcome(outcome)
    stick = tmp_path / "usb"
    stick.mkdir()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes, asked))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    assert window.results_page.share.isEnabled()
    qtbot.mouseClick(window.results_page.share, Qt.MouseButton.LeftButton)
    written(window, qtbot)
    # The person was told what leaves the computer and what does not.
    assert len(asked) == 1 and "Not shared" in asked[0] and "private key" in asked[0]
    entries = sorted(stick.glob("*.entry.json"))
    adapters = sorted(stick.glob("*.safetensors"))
    assert len(entries) == 1 and len(adapters) == 1 and len(list(stick.iterdir())) == 2
    v = api.verify(entries[0])
    assert v.entry["adapter_sha256"] and v.fingerprint in window.results_page.saved_note.text()
    keys = list((home).rglob("*.pem"))
    assert len(keys) == 1 and stat.S_IMODE(keys[0].stat().st_mode) == 0o600
    secret = keys[0].read_bytes()
    for f in stick.iterdir():
        assert secret not in f.read_bytes()
    assert window.settings.share_folder == str(stick)


@needs_base
def test_share_writes_nothing_when_the_person_says_no(qtbot, window, outcome, tmp_path, monkeypatch):  # noqa: F811
    window.results.show_outcome(outcome)
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No, []))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    qtbot.mouseClick(window.results_page.share, Qt.MouseButton.LeftButton)
    written(window, qtbot)
    assert list(stick.iterdir()) == []


@needs_base
def test_a_full_usb_stick_gets_a_dialog_not_a_traceback(qtbot, window, outcome, tmp_path, monkeypatch):  # noqa: F811
    import errno

    from desktop.engine import share
    window.results.show_outcome(outcome)
    stick = tmp_path / "usb"
    stick.mkdir()

    def full(path, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
    monkeypatch.setattr(share, "write_public", full)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes, []))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    qtbot.mouseClick(window.results_page.share, Qt.MouseButton.LeftButton)
    written(window, qtbot)
    box = window.last_error_box
    assert box is not None and "was not shared" in box.windowTitle()
    assert str(stick) in box.text() and "No space left" in box.text()
    assert "Shared as" not in window.results_page.saved_note.text()


@needs_base
def test_share_a_saved_adapter_from_the_list(qtbot, window, outcome, home, tmp_path, monkeypatch):  # noqa: F811
    from desktop.engine import api
    window.results.show_outcome(outcome)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, cap, start, *a, **k: (start, ""))
    qtbot.mouseClick(window.results_page.save, Qt.MouseButton.LeftButton)
    written(window, qtbot)
    saved = next((home / "adapters").glob("*.safetensors"))
    tree = window.results_page.saved_list
    window.results_page.saved_list.setCurrentItem(tree.topLevelItem(0).child(0))
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes, []))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    assert window.results_page.share_saved.isEnabled()
    qtbot.mouseClick(window.results_page.share_saved, Qt.MouseButton.LeftButton)
    written(window, qtbot)
    entry = next(stick.glob("*.entry.json"))
    v = api.verify(entry)
    import hashlib
    assert v.entry["adapter_sha256"] == hashlib.sha256(saved.read_bytes()).hexdigest()

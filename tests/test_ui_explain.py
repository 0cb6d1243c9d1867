"""The window shows what a result learned: the held-out words lit up on the
Results page, and "Whose writing is this?" over a folder of adapters."""
from __future__ import annotations

import dataclasses
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QTextBrowser  # noqa: E402

from tests.test_ui import base, home, needs_base, outcome, window, writing  # noqa: E402,F401 (fixtures)


def _learned(outcome):  # noqa: F811
    """The tiny run's result, marked as having learned, so the view must show."""
    r = outcome.results[0]
    if r.learned:
        return outcome
    return dataclasses.replace(outcome, results=[dataclasses.replace(r, best_step=max(1, r.steps))])


@needs_base
def test_results_light_up_the_held_out_words(qtbot, window, outcome):  # noqa: F811
    out = _learned(outcome)
    assert out.results[0].learned and out.data.heldout_excerpt
    window.results.show_outcome(out)
    box = window.words_box
    qtbot.waitUntil(lambda: box.isVisibleTo(window.results_page) and box.ex is not None, timeout=120_000)
    html = box.view.toHtml()
    assert box.ex.chars_used == len(out.data.heldout_excerpt)
    # Every word the engine measured as clearly changed is tinted with the cue of its sign.
    assert ("underline" in html) == any(p.change is not None and p.change > 0.1 for p in box.ex.pieces)
    assert box.gained.count() >= 1 and box.lost.count() >= 1
    assert "never trained on" in box.summary.text()


@needs_base
def test_try_it_stays_where_it_was_when_the_words_arrive(qtbot, window, outcome, monkeypatch):  # noqa: F811
    """The words come seconds after the result; Try it, already shown, must not be pushed down (issue 30)."""
    import threading

    from PySide6.QtCore import QPoint

    from desktop.engine import api
    arrived, release = threading.Event(), threading.Event()
    real = api.explain

    def held_explain(*a, **kw):
        # Held until the test has measured the page as first shown: no race with a fast machine.
        release.wait(60)
        ex = real(*a, **kw)
        arrived.set()
        return ex
    monkeypatch.setattr(api, "explain", held_explain)
    window.resize(800, 600)     # narrow: the summary wraps to more lines than "Looking at your words..."
    page, box, try_box = window.results_page, window.words_box, window.results_page.try_box
    inner = page.widget()
    where = lambda w: w.mapTo(inner, QPoint(0, 0)).y()    # noqa: E731
    window.results.show_outcome(_learned(outcome))
    window.go(2)         # the Results page, shown, so its layout places its widgets
    qtbot.wait(300)
    assert box.ex is None and not arrived.is_set()
    before = where(try_box), where(page.saved_box)
    release.set()
    qtbot.waitUntil(lambda: box.ex is not None, timeout=120_000)
    qtbot.wait(300)
    assert arrived.is_set() and box.gained.count() >= 1
    assert (where(try_box), where(page.saved_box)) == before


@needs_base
def test_a_result_that_kept_the_base_shows_no_words(qtbot, window, outcome):  # noqa: F811
    r = outcome.results[0]
    kept_base = dataclasses.replace(outcome, results=[dataclasses.replace(r, best_step=0)])
    assert not kept_base.results[0].learned
    window.results.show_outcome(kept_base)
    qtbot.wait(200)
    assert not window.words_box.isVisibleTo(window.results_page)


@needs_base
def test_whose_writing_ranks_the_adapters_and_names_the_best(qtbot, window, outcome, base, home):  # noqa: F811
    from desktop.engine import api
    from desktop.paths import adapters_dir, ensure
    from desktop.ui import whose
    folder = ensure(adapters_dir())
    r = _learned(outcome).results[0]
    api.export_adapter(folder / "ferry.safetensors", r, base, label="Ferry")
    flat = dataclasses.replace(r, tensors={k: v * 0 + 1 for k, v in r.tensors.items()})
    api.export_adapter(folder / "other.safetensors", flat, base, label="Other")
    dlg = whose.open_dialog(window)
    assert dlg.folder.text() == str(folder)
    dlg.paste.setPlainText(writing(7, 400))
    dlg.run_guess()
    qtbot.waitUntil(lambda: dlg.guess.isEnabled() and dlg.bars.grid.count() > 0, timeout=120_000)
    assert dlg.bars.grid.count() == 3 * 3          # base + two adapters, three cells each
    routed = api.route_folder(base, [writing(7, 400)], folder, include_unsigned=True)
    first = dlg.bars.grid.itemAtPosition(0, 0).widget().text()
    assert first == (routed.best.name if routed.best.name != "base model" else "Base model (no adapter)")
    if routed.best.name != "base model":
        assert routed.best.name in dlg.answer.text()
    # A short text says the guess is not reliable.
    dlg.paste.setPlainText("The old ferryman mended the boat.")
    dlg.run_guess()
    qtbot.waitUntil(lambda: dlg.guess.isEnabled() and "Too short to tell" in dlg.answer.text(), timeout=120_000)
    assert "about 5 times in 10" in dlg.caution.text(), dlg.caution.text()     # 6 words, 2 adapters: the curve


@needs_base
def test_whose_writing_uses_only_verified_adapters_outside_your_own_folder(
        qtbot, window, outcome, base, tmp_path):  # noqa: F811
    from desktop.engine import api
    from desktop.ui import whose
    stick = tmp_path / "usb"
    stick.mkdir()
    api.export_adapter(stick / "stranger.safetensors", _learned(outcome).results[0], base, label="Stranger")
    dlg = whose.open_dialog(window)
    dlg.folder.setText(str(stick))
    dlg.paste.setPlainText(writing(8, 300))
    dlg.run_guess()
    qtbot.waitUntil(lambda: dlg.guess.isEnabled() and dlg.answer.text() != "", timeout=120_000)
    assert "No adapter in this folder could be used" in dlg.answer.text()
    assert "stranger.safetensors" in dlg.skipped.text() and "signed" in dlg.skipped.text()


@needs_base
def test_help_opens_the_guide_for_teachers_in_the_window_language(qtbot, window):  # noqa: F811
    from desktop.ui.dialogs import show_guide
    dlg = show_guide(window)
    assert "one-page guide for teachers" in dlg.findChild(QTextBrowser).toPlainText()
    window.set_language("ml")
    try:
        ml = show_guide(window).findChild(QTextBrowser).toPlainText()
        assert "അധ്യാപകർക്കുള്ള" in ml and "one-page guide" not in ml
    finally:
        window.set_language("en")


@needs_base
def test_whose_writing_rewords_itself_when_the_language_changes(qtbot, window):  # noqa: F811
    from desktop.ui import whose
    dlg = whose.open_dialog(window)
    assert dlg.windowTitle() == "Whose writing is this?"
    window.set_language("ml")
    try:
        qtbot.waitUntil(lambda: dlg.windowTitle() != "Whose writing is this?", timeout=5000)
        assert "ആരുടെ" in dlg.windowTitle() and "ആരുടെ" in dlg.title.text()
    finally:
        window.set_language("en")

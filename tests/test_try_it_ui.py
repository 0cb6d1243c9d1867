"""Try it in the window (issue 20, parts 4-5): the person's own openings as
prompts, the next three words of each model while typing, a continuation
that reads like text, and the typing saved shown as a number only when it is
clearly above chance."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("pytestqt")
from PySide6.QtCore import Qt  # noqa: E402

from .test_ui import add, base, docs, home, make_window, needs_base, outcome  # noqa: E402,F401  (fixtures)


def _visible_words(buttons) -> list[str]:
    return [b.text() for b in buttons if b.isVisible()]


@needs_base
def test_try_it_offers_openings_suggests_words_and_writes_clean_text(qtbot, base, docs, outcome):
    w = make_window(qtbot, base)
    add(qtbot, w, [docs])
    w.results.show_outcome(outcome)
    w.go(2)
    box = w.results_page.try_box
    assert "writes loosely" in box.loose.text()
    qtbot.waitUntil(lambda: box.openings_row.isVisible(), timeout=120_000)
    openings = _visible_words(box.openings)
    text = " ".join(p.read_text(encoding="utf-8") for p in docs.iterdir())
    assert openings and all(re.search(r"(^|[.!?]\s+)" + re.escape(o), text) for o in openings)

    # Typing asks both models for the next words (after a pause, on the worker).
    qtbot.keyClicks(box.prompt, "The old ferryman c")
    qtbot.waitUntil(lambda: len(_visible_words(box.mine_next)) == 3 and len(_visible_words(box.base_next)) == 3,
                    timeout=120_000)
    assert all(word.startswith("c") for word in _visible_words(box.base_next) + _visible_words(box.mine_next))
    pick = box.mine_next[0]
    word = pick.text()
    qtbot.mouseClick(pick, Qt.MouseButton.LeftButton)
    assert box.prompt.text() == f"The old ferryman {word} "

    # An opening writes a continuation with both models: one paragraph, ending at a sentence end.
    qtbot.mouseClick([b for b in box.openings if b.isVisible()][0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.write.isEnabled() and "..." not in box.mine_out.toPlainText(), timeout=120_000)
    for out in (box.base_out.toPlainText(), box.mine_out.toPlainText()):
        assert out.startswith(openings[0]) and "\n" not in out
        assert re.search(r"([.!?][\"'”’)\]]*|…)$", out), out

    # The typing saved: a number only when the whole range of the gain is above zero.
    ctl = w.results.try_it
    qtbot.waitUntil(lambda: ctl.savings_job is None and ctl.last_savings is not None, timeout=300_000)
    s = ctl.last_savings
    assert box.savings.isVisible()
    assert ("%" in box.savings.text()) == s.clearly_better
    english = box.savings.text()
    w.set_language("ml")          # the sentence is worded again in the new language
    try:
        qtbot.waitUntil(lambda: "നിർദ്ദേശങ്ങൾ" in box.savings.text(), timeout=5000)
        assert "വാക്കുകൾ" in box.mine_next_label.text()
    finally:
        w.set_language("en")
    qtbot.waitUntil(lambda: box.savings.text() == english, timeout=5000)


def test_the_savings_sentence_shows_a_number_only_when_clearly_better():
    from desktop.engine.suggest import Savings
    from desktop.ui.try_it import savings_sentence
    clear = savings_sentence(Savings(words=100, chars=500, saved_base=200, saved_adapted=240, margin_pts=3.0))
    assert "48.0%" in clear and "40.0%" in clear and "8.0 points" in clear
    unclear = savings_sentence(Savings(words=100, chars=500, saved_base=200, saved_adapted=205, margin_pts=3.0))
    assert "%" not in unclear and "chance" in unclear

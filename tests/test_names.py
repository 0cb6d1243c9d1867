"""Who is this for: a name or nickname becomes the adapter's label and its
file name, safely, whatever was typed; saved adapters are grouped by it."""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from desktop.engine.names import (LABEL_LIMIT, STEM_LIMIT_BYTES, clean_label, safe_file_stem,  # noqa: E402
                                  unique_name)

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- the pure functions
@pytest.mark.parametrize("typed, stem", [
    ("അനു", "അനു"),                         # ends in a vowel sign: kept whole
    ("ശ്രീലക്ഷ്മി", "ശ്രീലക്ഷ്മി"),           # conjuncts (virama) and the vowel sign
    ("നന്ദന്\u200d", "നന്ദന്\u200d"),        # old-style chillu: the joiner is part of the letter
    ("Anu Mary", "Anu-Mary"),
    ("  Anu   Mary  ", "Anu-Mary"),
    ("a/b\\c", "a-b-c"),
    ("../../etc/passwd", "etc-passwd"),
    ("..", "adapter"), (".", "adapter"), ("", "adapter"), ("   ", "adapter"), (None, "adapter"),
    (".hidden", "hidden"),
    ("CON", "CON-"), ("lpt1", "lpt1-"), ("nul.txt", "nul.txt-"),
    ("evil\u202egpj.exe", "evilgpj.exe"),    # no right-to-left override to disguise an extension
    ("tab\tand\nnewline\x00", "tab-and-newline"),
    ('what?*:"<>|', "what"),
])
def test_any_name_gives_a_safe_readable_file_name(typed, stem):
    assert safe_file_stem(typed) == stem


def cut_between_letters(part: str, whole: str) -> bool:
    """`part` is the start of `whole`, ending where a letter ends: the next
    character is no vowel sign or joiner, and the last is no virama or joiner."""
    nxt = whole[len(part)] if len(whole) > len(part) else " "
    return whole.startswith(part) and unicodedata.category(nxt) not in ("Mn", "Mc") and nxt != "\u200d" \
        and unicodedata.combining(part[-1]) != 9 and part[-1] != "\u200d"


@pytest.mark.parametrize("shift", range(12))
def test_a_very_long_name_is_cut_between_whole_letters(shift):
    long_ml = "ക" * shift + "ശ്രീലക്ഷ്മി " * 30     # every cut position within the word
    stem = safe_file_stem(long_ml)
    assert len(stem.encode("utf-8")) <= STEM_LIMIT_BYTES
    assert len(stem.encode("utf-8")) > STEM_LIMIT_BYTES - 40
    assert cut_between_letters(stem, "-".join(long_ml.split()))
    label = clean_label(long_ml)
    assert LABEL_LIMIT - 12 < len(label) <= LABEL_LIMIT and cut_between_letters(label, " ".join(long_ml.split()))
    assert len(safe_file_stem("x" * 1000)) == STEM_LIMIT_BYTES


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_whatever_is_typed_the_file_lands_inside_the_folder(tmp_path, typed):
    stem = safe_file_stem(typed)
    assert stem and stem not in (".", "..") and not stem.startswith(".")
    assert not set(stem) & set('/\\:*?"<>|\x00') and len(stem.encode("utf-8")) <= STEM_LIMIT_BYTES
    assert stem == unicodedata.normalize("NFC", stem) and stem == stem.strip()
    p = tmp_path / f"{stem}.safetensors"
    p.write_bytes(b"x")             # the operating system accepts the name
    assert p.resolve().parent == tmp_path.resolve()
    p.unlink()


def test_the_label_is_the_name_as_typed_on_one_line():
    assert clean_label("അനു") == "അനു"
    assert clean_label("  Anu \n Mary ") == "Anu Mary"
    assert clean_label("../x") == "../x"           # a label is never a path, so nothing to strip
    assert clean_label("") is None and clean_label("  \t ") is None and clean_label(None) is None
    assert clean_label("a\u202eb") == "ab"


def test_a_taken_name_gets_a_number():
    taken = {"Anu.safetensors", "Anu-2.safetensors"}
    assert unique_name("Anu", ".safetensors", taken.__contains__) == "Anu-3.safetensors"
    assert unique_name("Rahul", ".safetensors", taken.__contains__) == "Rahul.safetensors"


# ---------------------------------------------------------------- grouping saved adapters
def fake_adapter(path: Path, label: str | None, fmt: str = "normfit.adapter") -> Path:
    import torch
    from safetensors.torch import save_file
    meta = {"format": fmt, **({"label": label} if label is not None else {})}
    save_file({"final_norm": torch.ones(4, dtype=torch.float16)}, str(path), metadata=meta)
    return path


def test_saved_adapters_are_grouped_by_name_with_the_nameless_last(tmp_path):
    from desktop.ui.saved import scan
    for i, (name, label) in enumerate([("a1", "Anu"), ("r1", "Rahul"), ("a2", "Anu"), ("x", None),
                                       ("m", "അനു")]):
        p = fake_adapter(tmp_path / f"{name}.safetensors", label)
        os.utime(p, (1000 + i, 1000 + i))
    fake_adapter(tmp_path / "other.safetensors", "Not ours", fmt="someone.else")
    (tmp_path / "broken.safetensors").write_bytes(b"\xff" * 8 + b"{")
    groups = scan(tmp_path)
    assert [g.label for g in groups] == ["Anu", "Rahul", "അനു", ""]
    assert [s.path.name for s in groups[0].items] == ["a2.safetensors", "a1.safetensors"]    # newest first
    assert scan(tmp_path / "missing") == []


# ---------------------------------------------------------------- in the window
BASE_DIR = Path(os.environ.get("NORMFIT_BASE") or ROOT / "assets" / "base")


def has_base() -> bool:
    from desktop.engine.base import releases
    return bool(releases(BASE_DIR))


@pytest.mark.skipif(not has_base(), reason=f"no base model in {BASE_DIR}")
def test_the_name_typed_before_training_names_the_adapter_and_its_file(qtbot, tmp_path, monkeypatch):
    pytest.importorskip("pytestqt")
    from PySide6.QtWidgets import QFileDialog

    from desktop.engine.api import load_base, open_adapter
    from desktop.ui.settings import Settings
    from desktop.ui.window import MainWindow
    from tests.test_ui import TINY, writing
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    base = load_base(BASE_DIR)
    w = MainWindow(base=base, settings=Settings(), train_overrides=TINY)
    qtbot.addWidget(w, before_close_func=lambda w: w.stop_jobs(60.0))
    w.show()
    qtbot.waitUntil(lambda: w.docs.min_words is not None, timeout=120_000)
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        (docs / f"part-{i}.txt").write_text(writing(i, 700), encoding="utf-8")
    w.docs.add_paths([str(docs)])
    qtbot.waitUntil(lambda: w.docs.enough_text() and not w.docs.reading(), timeout=120_000)
    typed = "  അനു / ../Mary  "
    w.train_page.who.setText(typed)
    with qtbot.waitSignal(w.personalise.run_finished, timeout=300_000):
        w.personalise.start()
    w.train_page.who.setText("someone else")       # after training: the adapter keeps the name it trained for
    seen = {}

    def fake_save(parent, caption, start, *a, **k):
        seen["start"] = start
        return start, ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    w.results.save_adapter()
    qtbot.waitUntil(lambda: not w.results.writing(), timeout=60_000)    # written in a background job
    saved = Path(seen["start"])
    assert saved.name == "അനു-..-Mary.safetensors" == safe_file_stem(typed) + ".safetensors"
    assert saved.parent == tmp_path / "home" / "adapters" and saved.is_file()
    assert open_adapter(saved, base).metadata["label"] == "അനു / ../Mary"
    tree = w.results_page.saved_list
    assert tree.topLevelItem(0).text(0).startswith("അനു / ../Mary")
    assert saved.name in tree.topLevelItem(0).child(0).text(0)

"""Promises the README makes that had no test: no network for any command or the
window, the split's fractions and who sees which text, and `normfit compare`
end to end. Each test here fails when its promise is broken (see the commit
that added it for how each was checked)."""
from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.engine.data import HELDOUT_FRAC, VALID_FRAC, split_documents
from desktop.engine.documents import Document

from .conftest import synthetic_text

MARKER = "Quokka marmalade zeppelin"


@pytest.fixture
def guard():
    """The self-test's network guard, recording every attempt (and refusing it)."""
    from desktop.selftest import block_network
    attempts, restore = block_network()
    yield attempts
    restore()


def test_the_guard_itself_refuses_and_records_and_restores():
    import os
    import socket
    import subprocess

    from desktop.selftest import block_network
    real = (socket.socket.connect, socket.socket.sendto, socket.getaddrinfo, subprocess.Popen._execute_child,
            os.system)
    attempts, restore = block_network()
    try:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        with pytest.raises(OSError, match="blocked by the self-test"):
            s.connect(("127.0.0.1", 9))
        s.close()
        with pytest.raises(OSError, match="blocked by the self-test"):
            socket.getaddrinfo("example.org", 443)
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)      # UDP needs no connect
        with pytest.raises(OSError, match="blocked by the self-test"):
            u.sendto(b"x", ("127.0.0.1", 9))
        u.close()
        # A child process could reach the network for us.
        with pytest.raises(OSError, match="blocked by the self-test"):
            subprocess.run(["true"])
        with pytest.raises(OSError, match="blocked by the self-test"):
            os.system("true")
        assert [a.split()[0] for a in attempts] == ["connect", "resolve", "sendto", "run", "os.system"]
        assert "example.org" in attempts[1] and "9" in attempts[2]
        a, b = socket.socketpair()       # local sockets stay allowed (Qt and the event loop use them)
        a.sendall(b"x")
        assert b.recv(1) == b"x"
        a.close()
        b.close()
    finally:
        restore()
    assert (socket.socket.connect, socket.socket.sendto, socket.getaddrinfo, subprocess.Popen._execute_child,
            os.system) == real
    assert subprocess.run(["true"]).returncode == 0


def test_no_command_touches_the_network(guard, tiny_base_dir, docs_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    out = tmp_path / "me.safetensors"
    base = ["--base", str(tiny_base_dir)]
    assert main(["train", str(docs_dir), "--steps", "2", "--out", str(out), *base]) == 0
    assert main(["compare", str(docs_dir), "--steps", "2", *base]) == 0
    assert main(["eval", str(docs_dir), "--adapter", str(out), *base]) == 0
    assert main(["generate", "The river", "--adapter", str(out), "--tokens", "4", *base]) == 0
    assert main(["inspect", str(out), *base]) == 0
    assert guard == []


def test_the_window_trains_without_the_network(guard, qtbot, tiny_base, docs_dir, tmp_path, monkeypatch):
    pytest.importorskip("pytestqt")
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    from desktop.ui.window import MainWindow
    w = MainWindow(base=tiny_base, train_overrides=dict(minutes=1.0, max_steps=2, validate_every_s=1.0))
    qtbot.addWidget(w, before_close_func=lambda w: w.stop_jobs(60.0))
    w.show()
    qtbot.waitUntil(lambda: w.docs.min_words is not None, timeout=60_000)
    w.docs.add_paths([str(p) for p in sorted(docs_dir.iterdir())])
    qtbot.waitUntil(lambda: not w.docs.reading() and len(w.docs.documents) == 3, timeout=60_000)
    w.personalise.start()
    qtbot.waitUntil(lambda: w.results.outcome is not None, timeout=120_000)
    assert w.results.outcome.results[0].steps == 2
    assert guard == []


# ---------------------------------------------------------------- the split
def _docs(n: int, words: int = 400) -> list[Document]:
    return [Document(f"/d/{i}.txt", "Text", synthetic_text(words, 100 + i)) for i in range(n)]


def test_by_document_the_fractions_are_about_15_and_10_percent():
    docs = _docs(40)
    s = split_documents(docs, seed=3)
    assert s.by == "document"
    total = sum(len(d.text) for d in docs)
    held, val = sum(map(len, s.heldout)) / total, sum(map(len, s.validation)) / total
    # Documents are ~equal here, so the shares land within one document of the targets.
    one = max(len(d.text) for d in docs) / total
    assert abs(held - HELDOUT_FRAC) <= one and abs(val - VALID_FRAC) <= one
    assert sorted(s.train + s.validation + s.heldout) == sorted(d.text for d in docs)


def test_tail_slices_keep_the_fractions_of_each_document():
    docs = _docs(2, 3000)
    s = split_documents(docs, seed=0)
    assert s.by == "tail slices"
    for i, d in enumerate(docs):
        n = len(d.text)
        # A cut moves to a line start only if that grows its slice by at most a fifth.
        assert abs(len(s.heldout[i]) / n - HELDOUT_FRAC) <= 0.2 * HELDOUT_FRAC + 0.002
        assert abs(len(s.validation[i]) / n - VALID_FRAC) <= 0.2 * VALID_FRAC + 0.002
        assert s.train[i] + s.validation[i] + s.heldout[i] == d.text


def test_explicit_heldout_with_four_documents_validates_on_whole_documents():
    docs = _docs(6)
    held = [Document("/h/1.txt", "Text", MARKER + ". " + synthetic_text(300, 7))]
    s = split_documents(docs, seed=0, heldout=held)
    assert s.by == "explicit held-out, validation by document"
    texts = [d.text for d in docs]
    assert s.validation and all(v in texts for v in s.validation)
    assert not set(s.validation) & set(s.train) and sorted(s.train + s.validation) == sorted(texts)
    assert s.heldout == [held[0].text]


def test_heldout_files_inside_the_training_folder_never_reach_training(tiny_base_dir, docs_dir, tmp_path,
                                                                        monkeypatch, capsys):
    """`normfit train FOLDER --heldout FOLDER/h.txt`: the held-out file is also
    found by reading the folder, and must be taken out of training (named by a
    path spelled differently from the one the folder walk finds)."""
    import shutil

    from desktop.engine import api
    seen = []
    real = api.prepare

    def spy(split, tok, *a, **k):
        p = real(split, tok, *a, **k)
        seen.append((p, tok))
        return p
    monkeypatch.setattr(api, "prepare", spy)
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    train = tmp_path / "mine"
    shutil.copytree(docs_dir, train)
    n_docs = len(list(train.iterdir()))
    (train / "kept").mkdir()
    (train / "kept" / "h.txt").write_text((MARKER + ". ") * 40 + synthetic_text(400, 9), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["train", str(train), "--heldout", "mine/kept/../kept/h.txt", "--steps", "2",
                 "--base", str(tiny_base_dir), "--out", str(tmp_path / "a.safetensors")]) == 0
    (p, tok), = seen
    trained_on = tok.decode(p.train_tokens.tolist())
    validated_on = tok.decode(p.validation.inputs.flatten().tolist())
    assert "Quokka" not in trained_on and "Quokka" not in validated_on
    assert "Quokka" in tok.decode(p.heldout.inputs.flatten().tolist())
    assert f"{n_docs} documents" in capsys.readouterr().err        # the held-out one is not counted in


# ---------------------------------------------------------------- compare
def test_compare_gives_each_method_the_same_data_and_steps_and_states_the_verdict(
        tiny_base_dir, docs_dir, tmp_path, monkeypatch, capsys):
    from desktop.engine.pareto import dominates
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    args = ["compare", str(docs_dir), "--steps", "3", "--base", str(tiny_base_dir)]
    assert main([*args, "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    rows = {r["method"]: r for r in res["results"]}
    assert set(rows) == {"norm", "lora", "full"}
    # One measurement of the base serves all three: same data, same starting point.
    assert len({r["heldout_ppl_before"] for r in rows.values()}) == 1
    assert len({r["train_tokens"] for r in rows.values()}) == 1
    assert all(r["steps"] == 3 for r in rows.values())
    assert res["norm_dominates"] == {m: dominates(rows["norm"], rows[m]) for m in ("lora", "full")}
    # The words say the same as the JSON (seeded, so the second run trains the same).
    assert main(args) == 0
    text = capsys.readouterr().out
    for m in ("lora", "full"):
        word = "Pareto-dominates" if res["norm_dominates"][m] else "does not Pareto-dominate"
        assert f"norm-only {word} {m}" in text


def test_version_is_the_package_version(capsys):
    from desktop import __version__
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"NormFit {__version__}"


# ---------------------------------------------------------------- the early-finish sentence
def test_an_early_finish_is_told_in_the_same_sentence_by_the_window_and_the_command_line(
        qtbot, tiny_base, tiny_base_dir, docs_dir, tmp_path, monkeypatch, capsys):
    """When validation stops improving, the run ends early (TrainResult.stopped_early)
    and both doors say so in notes.py's one sentence: the window's Results page and
    `normfit train`. Both are driven through their real doors (Start, the command)
    with the engine's Session.run answering the same finished outcome, so the same
    result reaches both."""
    pytest.importorskip("pytestqt")
    import dataclasses

    from PySide6.QtCore import Qt

    from desktop.engine import notes
    from desktop.engine.api import TrainConfig, collect
    from desktop.engine.session import Session, run
    from desktop.ui.settings import Settings
    from desktop.ui.window import MainWindow
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    real = run(tiny_base, TrainConfig(max_steps=3, lr=0.05, threads=1), collect([docs_dir]).documents)
    # An early finish comes after improving (the engine stops when validation stops getting
    # better), so the result learned; which step it kept does not change the sentence.
    r = dataclasses.replace(real.results[0], stopped_early=True, best_step=max(1, real.results[0].best_step))
    outcome = dataclasses.replace(real, results=[r])
    monkeypatch.setattr(Session, "run", lambda self, data: outcome)
    sentence = notes.STOPPED_EARLY.format(time=notes.fmt_time(r.seconds))

    assert main(["train", str(docs_dir), "--base", str(tiny_base_dir), "--out", str(tmp_path / "me.safetensors"),
                 "--threads", "1", "--json"]) == 0
    cap = capsys.readouterr()
    assert sentence in json.loads(cap.out)["notes"]
    assert sentence in cap.err.splitlines()

    w = MainWindow(base=tiny_base, settings=Settings(), train_overrides=dict(max_steps=3, threads=1))
    qtbot.addWidget(w, before_close_func=lambda w: w.stop_jobs(60.0))
    w.show()
    qtbot.waitUntil(lambda: w.docs.min_words is not None, timeout=60_000)
    w.docs.add_paths([str(docs_dir)])
    qtbot.waitUntil(lambda: not w.docs.reading() and w.docs.enough_text(), timeout=60_000)
    with qtbot.waitSignal(w.personalise.run_finished, timeout=120_000):
        qtbot.mouseClick(w.train_page.start, Qt.MouseButton.LeftButton)
    assert w.results.outcome is outcome and w.stack.currentIndex() == 2
    assert sentence in w.results_page.stopped.text()

"""A class that can see itself: each student's held-out writing guessed among
the class's adapters, the confusion table in the report, and the game."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.engine import api, classroom
from desktop.engine.class_recognition import PIECES, pieces_of, recognise
from tests.conftest import SHARED
from tests.test_classroom import FAST, make_class

STUDENTS = {"Anu": 3000, "Bala": 3000, "ചിത്ര": 3000}


def test_the_class_report_shows_whose_writing_each_piece_was_taken_for(tmp_path, tiny_base, capsys):
    folder = make_class(tmp_path, STUDENTS)
    run = classroom.run_class(tiny_base, folder, cfg=FAST)
    rec = run.recognition
    done = [r.name for r in run.records if r.status == "done"]
    assert run.complete and len(done) >= 2, [(r.name, r.status) for r in run.records]
    assert rec is not None and rec.names == done
    n = len(done)
    assert len(rec.table) == n and all(len(r) == n for r in rec.table)
    assert all(sum(r) == PIECES for r in rec.table) and rec.pieces == n * PIECES
    assert set(rec.words) == set(rec.names)
    html = run.html.read_text(encoding="utf-8")
    assert f"{rec.recognised} of {rec.pieces} pieces recognised" in html and "Whose writing is this?" in html
    assert html.count('class="n hit"') + html.count('class="n miss"') <= n * n
    assert html.count('class="n hit"') == sum(1 for i in range(n) if rec.table[i][i])
    state = json.loads((run.out / classroom.STATE).read_text(encoding="utf-8"))
    assert state["recognition"]["table"] == rec.table
    # Nothing changed: the next run reuses it instead of reading every piece again.
    import desktop.engine.class_recognition as cr
    again = classroom.run_class(tiny_base, folder, cfg=FAST)
    assert again.recognition.table == rec.table

    def boom(*a, **k):
        raise AssertionError("recomputed")
    orig = cr.recognise
    cr.recognise = boom
    try:
        classroom.run_class(tiny_base, folder, cfg=FAST)
    finally:
        cr.recognise = orig


def test_pieces_are_bounded_and_the_same_every_time():
    text = " ".join(f"word{i}" for i in range(20_000))
    ps = pieces_of(text)
    assert len(ps) == PIECES and all(200 <= len(p) <= 1_000 for p in ps)
    assert ps == pieces_of(text)


def test_the_game_guesses_among_the_class_adapters(tmp_path, tiny_base_dir, capsys):
    from desktop.cli import main
    folder = make_class(tmp_path, STUDENTS)
    assert main(["class", str(folder), "--minutes", "0.5", "--steps", "3", "--base", str(tiny_base_dir)]) == 0
    capsys.readouterr()
    para = tmp_path / "new.txt"
    para.write_text((folder / "Anu" / "essay-0.txt").read_text(encoding="utf-8")[:1500], encoding="utf-8")
    assert main(["class", str(folder), "--game", "--text", str(para), "--base", str(tiny_base_dir), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    guess = out["guesses"][0]
    assert guess["guess"] in STUDENTS and len(guess["ranking"]) >= 2
    assert guess["ranking"] == sorted(guess["ranking"], key=lambda r: -r["chance"])
    assert guess["guess"] == guess["ranking"][0]["name"] and guess["certainty"] in {"clear", "probably", "not-sure",
                                                                                      "too-short"}
    assert sum(r["chance"] for r in guess["ranking"]) == pytest.approx(1, abs=1e-3)
    empty = tmp_path / "empty-class"
    (empty / "x").mkdir(parents=True)
    assert main(["class", str(empty), "--game", "--text", str(para), "--base", str(tiny_base_dir)]) == 2


@pytest.mark.shared
def test_a_class_of_the_three_fixture_writers_recognises_each_of_them():
    """Base 2's committed norm-only adapters (the frontier's, 3% limit, seed 0) on
    the fixtures' held-out documents, which none of them trained on."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent")
    root = Path(__file__).resolve().parents[1]
    base = api.load_base(root / "assets/base/normfit-base-s-2")
    students = []
    for u in ("programmer", "novelist", "scientist"):
        docs = api.collect([SHARED / "users" / u / "heldout"]).documents
        students.append((u, docs, root / f"benchmarks/results/frontier/d3/adapters/norm_{u}_s0_d3.safetensors"))
    rec = recognise(base, students)
    assert [rec.table[i][i] for i in range(3)] == [PIECES] * 3, rec.table


def test_the_table_the_game_and_the_certainty_use_one_score_computed_here_independently(tmp_path, tiny_base):
    """The score is each adapter's gain over the base (evidence.py). Computed here from
    fresh models' perplexities, it must give the report's confusion table, the game's
    order and its chances (the posterior at the measured temperature)."""
    from desktop.engine.certainty import temperature
    from desktop.engine.class_recognition import heldout_text
    from desktop.engine.evidence import posterior
    from desktop.engine.classroom import route_class
    folder = make_class(tmp_path, STUDENTS)
    run = classroom.run_class(tiny_base, folder, cfg=FAST)
    rec = run.recognition
    files = {r.name: run.out / r.file for r in run.records if r.status == "done"}
    afs = [api.open_adapter(files[n], tiny_base) for n in rec.names]

    def gains(text: str) -> list[float]:
        b = api.evaluate_texts(tiny_base, [text])
        return [(b.nll_nats - api.evaluate_texts(tiny_base, [text], af).nll_nats) / b.tokens for af in afs]

    table = [[0] * len(rec.names) for _ in rec.names]
    for i, name in enumerate(rec.names):
        for piece in pieces_of(heldout_text(api.collect([folder / name]).documents)):
            g = gains(piece)
            table[i][max(range(len(g)), key=lambda j: g[j])] += 1
    assert table == rec.table
    para = (folder / "Anu" / "essay-1.txt").read_text(encoding="utf-8")[:1200]
    g = gains(para)
    routed = route_class(tiny_base, [para], run.out)
    assert [s.name for s in routed.pool] == [rec.names[j] for j in sorted(range(len(g)), key=lambda j: -g[j])]
    assert [s.gain for s in routed.pool] == pytest.approx(sorted(g, reverse=True), abs=1e-6)
    tokens = api.evaluate_texts(tiny_base, [para]).tokens
    assert [s.prob for s in routed.pool] == pytest.approx(
        sorted(posterior(g, tokens, temperature(len(g))), reverse=True), abs=1e-6)

"""The certainty words follow the measured calibration.

benchmarks/results/whose/calibration.json is what benchmarks/whose_eval.py
--calibrate measured on the choose half (a class of twelve similar writers and
the fixtures): the temperatures, the accuracy curve, and for every threshold how
many guesses at or above it were right, by class size. certainty.py must say
"clear" only where those guesses were right at least 9 times in 10.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from desktop.engine import certainty
from desktop.engine.evidence import posterior

CAL = json.loads((Path(__file__).resolve().parents[1] / "benchmarks/results/whose/calibration.json").read_text())


def test_the_constants_are_the_measured_ones():
    assert {int(k): v for k, v in CAL["temperature"].items()} == certainty.TEMPERATURE
    assert CAL["p_clear"] == certainty.P_CLEAR
    assert {int(k): {int(w): a for w, a in c.items()} for k, c in CAL["curve"].items()} == certainty.CURVE


def test_clear_guesses_were_right_nine_times_in_ten_from_the_threshold_up():
    """At the shipped threshold and above, every class size with ten or more clear
    guesses was right at least 9 times in 10; just below it, some size was not
    (so the threshold is no higher than it must be, and no lower)."""
    def holds(th: float) -> bool:
        row = CAL["clear_by_threshold"][f"{th:.2f}"]
        return all(n < 10 or right / n >= 0.9 for n, right in row.values())

    assert all(holds(t / 100) for t in range(round(100 * certainty.P_CLEAR), 100))
    below = round(100 * certainty.P_CLEAR) - 1
    assert below < 50 or not holds(below / 100) or \
        sum(n for n, _ in CAL["clear_by_threshold"][f"{below / 100:.2f}"].values()) < 10


@pytest.mark.parametrize("candidates", [2, 3, 6, 12, 30])
def test_clear_is_said_exactly_when_the_posterior_reaches_the_threshold(candidates):
    rng = random.Random(candidates)
    said = {"clear": 0, "probably": 0, "not-sure": 0, "too-short": 0}
    for _ in range(400):
        ev = [rng.gauss(0.05, 0.03) for _ in range(candidates)]
        if rng.random() < 0.3:
            ev[rng.randrange(candidates)] += 0.1        # one writer stands out
        tokens, words = rng.choice([20, 80, 160, 340]), rng.choice([12, 50, 110, 250])
        v = certainty.judge(ev, tokens, words)
        top = max(posterior(ev, tokens, certainty.temperature(candidates)))
        assert v.probs[v.best] == pytest.approx(top)
        assert (v.word == "clear") == (top >= certainty.P_CLEAR)
        if v.word == "probably":
            assert certainty.P_PROBABLY <= top < certainty.P_CLEAR
        if v.word == "not-sure":
            assert top < certainty.P_PROBABLY
        said[v.word] += 1
    assert said["clear"] and said["too-short"] + said["not-sure"] + said["probably"]


def test_too_short_comes_from_the_measured_curve_not_a_word_count():
    # Among 3, the curve names the writer 66% of the time at 30 words (halfway from
    # chance is 67%): too short there, not at 60. Among 12, still too short at 100.
    flat = [0.01, 0.0, 0.0]
    assert certainty.judge(flat, 40, 30).word == "too-short"
    assert certainty.judge(flat, 80, 60).word != "too-short"
    many = [0.01] + [0.0] * 11
    assert certainty.judge(many, 130, 100, 12).word == "too-short"
    assert certainty.judge(many, 330, 250, 12).word != "too-short"
    assert certainty.expected_accuracy(120, 12) == pytest.approx(CAL["curve"]["12"]["120"])
    # Shorter than anything measured: toward chance, never held at the shortest measured figure.
    assert certainty.expected_accuracy(3, 12) < certainty.expected_accuracy(30, 12)


def test_the_teacher_line_reads_the_curve():
    line = certainty.teacher_message(120, 12)
    k = round(10 * CAL["curve"]["12"]["120"])
    assert f"about {k} times in 10" in line and "120 words among 12" in line

"""Issue 31, step 2 of 2: compare scores for "whose writing is this?" offline.

    python benchmarks/whose_eval.py scores1.json [scores2.json ...] [--md out.md] [--json out.json]

Reads whose_score.py's files (one per class and adapter kind). For class sizes
3, 6 and 12 (seeded random subsets of the class's students; every student is
a candidate once per subset) and passage lengths 30/60/120/250 words it reports
accuracy, c@1 (PAN's measure: a "not sure" counts as the accuracy's share of a
right answer) and the largest share of guesses one adapter takes, for each
score. Passages with an even index form the half the defaults are chosen on
("choose"); odd ones are reported ("report").
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.engine.evidence import posterior  # noqa: E402

@dataclass(frozen=True)
class Cohort:
    """An adapter's gain (nats per token) on other writers' text: mean, spread, pieces."""
    mean: float
    sd: float
    pieces: int

    @classmethod
    def of(cls, gains) -> "Cohort":
        g = list(gains)
        if not g:
            return cls(0.0, 0.0, 0)
        m = sum(g) / len(g)
        sd = math.sqrt(sum((x - m) ** 2 for x in g) / (len(g) - 1)) if len(g) > 1 else 0.0
        return cls(m, sd, len(g))

    @classmethod
    def from_list(cls, v) -> "Cohort":
        return cls(float(v[0]), float(v[1]), int(v[2]))


SIZES = (3, 6, 12)
LENGTHS = (30, 60, 120, 250)
SUBSETS = {3: 24, 6: 12, 12: 1}


def subsets(names: list[str], k: int, seed: int = 0) -> list[list[int]]:
    if k > len(names):
        return []
    if k == len(names):
        return [list(range(k))]
    rng = random.Random(seed * 1000 + k)
    return [sorted(rng.sample(range(len(names)), k)) for _ in range(SUBSETS.get(k, 10))]


def cohorts(d: dict, cand: list[int], source: str) -> list[Cohort]:
    """Each candidate's cohort: its gains on the other candidates' kept-aside pieces
    (class), or on the base's reference text (reference), or none (raw)."""
    if source == "raw":
        return [Cohort(0.0, 1.0, 0) for _ in cand]
    if source == "own":       # the gain on its own writer's kept-aside text, as the scale
        return [Cohort(0.0, d["own_gain"][a], 0) for a in cand]
    if source == "reference":
        return [Cohort.from_list(d["reference_cohort"][a]) for a in cand]
    names = d["names"]
    out = []
    for a in cand:
        others = {names[b] for b in cand if b != a}
        out.append(Cohort.of([t["gain"][a] for t in d["texts"] if t["kind"] == "cohort" and t["writer"] in others]))
    return out


SCORES = {            # name: (cohort source, divide by the cohort's spread?)
    "raw": ("raw", False),
    "znorm-mean class": ("class", False),
    "znorm class": ("class", True),
    "znorm-mean reference": ("reference", False),
    "znorm reference": ("reference", True),
    "share of own gain": ("own", True),
    "znorm-mean+ class": ("class", "clip"),          # only a positive cohort mean is taken off
    "znorm-mean+ reference": ("reference", "clip"),
    "ratio class": ("class", "ratio"),               # gain as a multiple of its mean gain on others' pieces
    "tnorm": ("raw", "tnorm"),                       # over the other candidates on the same text
    "znorm-mean class + tnorm": ("class", "tnorm"),
}


def evidences(t: dict, cand: list[int], coh: list[Cohort], spread) -> list[float]:
    if spread == "ratio":
        return [t["gain"][a] / max(1e-4, c.mean) for a, c in zip(cand, coh)]
    z = [t["gain"][a] - (max(0.0, c.mean) if spread == "clip" else c.mean) for a, c in zip(cand, coh)]
    if spread == "tnorm":    # T-norm: each candidate against the others' scores on this same text
        out = []
        for i, v in enumerate(z):
            rest = Cohort.of(z[:i] + z[i + 1:])
            out.append((v - rest.mean) / (rest.sd if rest.sd > 0 else 1.0))
        return out
    return [v / (c.sd if spread is True and c.sd > 0 else 1.0) for v, c in zip(z, coh)]


def trials(files: list[dict], score: str, half: int | None):
    """(class size, words, tokens, true index, evidences, file name) for every passage
    of every subset."""
    source, spread = SCORES[score]
    for d in files:
        names = d["names"]
        for k in SIZES:
            for cand in subsets(names, k):
                coh = cohorts(d, cand, source)
                for t in d["texts"]:
                    if t["kind"] != "passage" or (half is not None and t["index"] % 2 != half):
                        continue
                    if names.index(t["writer"]) not in cand:
                        continue
                    yield k, t["words"], t["tokens"], cand.index(names.index(t["writer"])), \
                        evidences(t, cand, coh, spread), d.get("label", "")


def fit_temperature(rows) -> float:
    """The temperature that makes the posterior most likely on these trials (grid search)."""
    best, best_ll = 1.0, -math.inf
    for i in range(-40, 21):
        tau = 10 ** (i / 10)
        ll = sum(math.log(max(1e-12, posterior(ev, n, tau)[y])) for _, _, n, y, ev, _ in rows)
        if ll > best_ll:
            best, best_ll = tau, ll
    return best


def table(rows, tau: float | None = None, p_clear: float = 0.9, p_probably: float = 0.5) -> dict:
    """Per (class size, words): accuracy, c@1, the largest guess share (x its fair share),
    and with a temperature: how often "clear" guesses were right."""
    out: dict = {}
    for k, L, n, y, ev, _ in rows:
        c = out.setdefault((k, L), {"n": 0, "right": 0, "answered": 0, "answered_right": 0, "clear": 0,
                                     "clear_right": 0, "guesses": {}})
        guess = max(range(len(ev)), key=lambda i: ev[i])
        c["n"] += 1
        c["right"] += guess == y
        c["guesses"][guess] = c["guesses"].get(guess, 0) + 1
        if tau is not None:
            p = max(posterior(ev, n, tau[k]))
            if p >= p_probably:
                c["answered"] += 1
                c["answered_right"] += guess == y
            if p >= p_clear:
                c["clear"] += 1
                c["clear_right"] += guess == y
    for (k, L), c in out.items():
        c["accuracy"] = c["right"] / c["n"]
        if tau is not None:      # c@1 = (right + unanswered x right / n) / n, right counted among answered
            nu = c["n"] - c["answered"]
            c["c@1"] = (c["answered_right"] + nu * c["answered_right"] / c["n"]) / c["n"]
        c.pop("guesses")
    return out


def hub_share(files: list[dict], score: str, half: int) -> float:
    """In the whole class (12): the largest share of passages one adapter is the guess
    for, as a multiple of its fair share (1/12)."""
    counts, total = {}, 0
    for k, L, n, y, ev, lab in trials(files, score, half):
        if k != max(SIZES):
            continue
        g = max(range(len(ev)), key=lambda i: ev[i])
        counts[(lab, g)] = counts.get((lab, g), 0) + 1
        total += 1
    return max(counts.values()) / total * max(SIZES) if total else float("nan")


def find_p_clear(choose, tau: dict) -> float | None:
    """The lowest posterior from which guesses on these trials were right at least 9
    times in 10: in every class size with ten or more such guesses, and over all of them
    with 95% confidence (Wilson's lower bound). None if no threshold up to 0.99 is."""
    for i in range(50, 100):
        th = i / 100
        ok, pooled = True, []
        for k in SIZES:
            hits = [y == max(range(len(ev)), key=lambda q: ev[q]) for kk, _, n, y, ev, _ in choose
                    if kk == k and max(posterior(ev, n, tau[k])) >= th]
            pooled += hits
            ok &= len(hits) < 10 or sum(hits) / len(hits) >= 0.9
        m = len(pooled)
        if m:
            ph, z = sum(pooled) / m, 1.96
            ok &= (ph + z * z / (2 * m) - z * math.sqrt(ph * (1 - ph) / m + z * z / (4 * m * m))) / (1 + z * z / m) >= 0.9
        if ok:
            return th
    return None


def calibrate(files: list[dict], score: str, tau: dict, curve_from: str | None, out: str | None) -> None:
    """certainty.py's constants from the choose half, then the report half's check;
    with ``out``, the constants and the clear guesses by threshold as JSON (the test
    of certainty.py reads it)."""
    choose = list(trials(files, score, 0))
    p_clear = find_p_clear(choose, tau)
    src = [d for d in files if curve_from is None or d["label"] == curve_from]
    curve = table(list(trials(src, score, 0)))
    for k in SIZES:          # held from falling with length: a dip is the sample's noise
        best = 0.0
        for L in LENGTHS:
            if (k, L) in curve:
                best = curve[(k, L)]["accuracy"] = max(best, curve[(k, L)]["accuracy"])
    print("\nTEMPERATURE = {" + ", ".join(f"{k}: {t:.3g}" for k, t in tau.items()) + f"}}\nP_CLEAR = {p_clear}")
    print("CURVE = {" + ", ".join(f"{k}: {{" + ", ".join(f"{L}: {curve[(k, L)]['accuracy']:.2f}" for L in LENGTHS
                                                      if (k, L) in curve) + "}" for k in SIZES) + "}")
    rep = list(trials(files, score, 1))
    clear = [y == max(range(len(ev)), key=lambda q: ev[q]) for k, _, n, y, ev, _ in rep
             if p_clear is not None and max(posterior(ev, n, tau[k])) >= p_clear]
    print(f"report half: 'clear' said {len(clear)} times, right {sum(clear)} ({100 * sum(clear) / max(1, len(clear)):.0f}%)")
    if out:
        by = {}
        for i in range(50, 100):
            th = i / 100
            for k in SIZES:
                hits = [y == max(range(len(ev)), key=lambda q: ev[q]) for kk, _, n, y, ev, _ in choose
                        if kk == k and max(posterior(ev, n, tau[k])) >= th]
                by.setdefault(f"{th:.2f}", {})[str(k)] = [len(hits), sum(hits)]
        Path(out).write_text(json.dumps({
            "score": score, "files": [d["label"] for d in files], "curve_from": curve_from,
            "temperature": {str(k): round(t, 3) for k, t in tau.items()}, "p_clear": p_clear,
            "curve": {str(k): {str(L): round(curve[(k, L)]["accuracy"], 2) for L in LENGTHS if (k, L) in curve}
                      for k in SIZES},
            "clear_by_threshold": by, "report_half_clear": [len(clear), sum(clear)]}, indent=1))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--json", default=None)
    ap.add_argument("--calibrate", default=None, help="a score: print certainty.py's constants for it")
    ap.add_argument("--curve-from", default=None, help="the file (stem) whose accuracies make the curve")
    ap.add_argument("--calibration-out", default=None, help="with --calibrate: write the constants as JSON here")
    a = ap.parse_args()
    files = []
    for f in a.files:
        d = json.loads(Path(f).read_text())
        d["label"] = Path(f).stem
        files.append(d)
    report: dict = {"files": [d["label"] for d in files], "scores": {}}
    for score in SCORES:
        choose = list(trials(files, score, 0))
        tau = {k: fit_temperature([r for r in choose if r[0] == k]) for k in SIZES if any(r[0] == k for r in choose)}
        rep = list(trials(files, score, 1))
        pc = find_p_clear(choose, tau) or 1.01
        report["scores"][score] = {"temperature": tau, "p_clear": pc, "choose": table(choose, tau, pc),
                                   "report": table(rep, tau, pc),
                                   "hub_share_report": hub_share(files, score, 1)}
        ch = report["scores"][score]["choose"]
        mean_acc = sum(c["accuracy"] for c in ch.values()) / len(ch)
        mean_c1 = sum(c["c@1"] for c in ch.values()) / len(ch)
        report["scores"][score]["choose_mean_accuracy"] = mean_acc
        report["scores"][score]["hub_share_choose"] = hub_share(files, score, 0)
        print(f"\n## {score}  (temperatures {', '.join(f'{k}: {t:.3g}' for k, t in tau.items())}, clear from {pc}, both fitted on the choose half; choose half: mean accuracy "
              f"{100 * mean_acc:.1f}%, mean c@1 {100 * mean_c1:.1f}%, hub {report['scores'][score]['hub_share_choose']:.2f}x; "
              f"report half's largest guess share in a class of 12: {report['scores'][score]['hub_share_report']:.2f}x fair)")
        print("| class | " + " | ".join(f"{L} words" for L in LENGTHS) + " |")
        print("|---|" + "---|" * len(LENGTHS))
        rt = report["scores"][score]["report"]
        for k in SIZES:
            cells = []
            for L in LENGTHS:
                c = rt.get((k, L))
                cells.append("" if c is None else f"{100 * c['accuracy']:.0f}% / c@1 {100 * c['c@1']:.0f}% / "
                             f"clear {c['clear_right']}/{c['clear']} (n={c['n']})")
            print(f"| {k} | " + " | ".join(cells) + " |")
    if a.calibrate:
        calibrate(files, a.calibrate, report["scores"][a.calibrate]["temperature"], a.curve_from, a.calibration_out)
    if a.json:
        for s in report["scores"].values():
            for h in ("choose", "report"):
                s[h] = {f"{k}x{L}": v for (k, L), v in s[h].items()}
        Path(a.json).write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

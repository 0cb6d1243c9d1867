"""The shootout as a frontier: personal perplexity against general drift, per user,
for each method at several general-text limits.

    python -m desktop.research.frontier --out benchmarks/results/frontier \\
        none=benchmarks/results/shootout-tuned-b2 1=.../d1 3=.../anchored 10=.../d10

Each input is a shootout results folder (results.json) run with that limit (the
unlimited points are the `tuned` protocol's). Writes frontier.json, frontier.md
and one SVG chart per user (x: general drift on the shared general held-out set,
y: held-out personal perplexity; one line per method through its limits), and a
verdict per limit: which method has the lowest personal perplexity there, and
whether norm-only Pareto-dominates each other method there (the shootout's rule).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..engine.pareto import GENERAL_TOLERANCE, dominates
from .shootout import METHODS

COLOURS = {"norm": "#1f77b4", "lora": "#ff7f0e", "full": "#2ca02c"}
ORDER = ("1", "3", "10", "none")


def _points(results: dict) -> dict:
    """user -> method -> figures (means over seeds) from one shootout report."""
    out = {}
    for user, by in results["aggregate"].items():
        out[user] = {}
        for m, a in by.items():
            g0, g1 = a["general_ppl_before"], a["general_ppl_after"]["mean"]
            out[user][m] = {"heldout_ppl_after": a["heldout_ppl_after"]["mean"],
                            "heldout_sd": a["heldout_ppl_after"]["sd"],
                            "general_ppl_after": g1, "general_drift": g1 / g0 - 1.0,
                            "heldout_ppl_before": a["heldout_ppl_before"],
                            "adapter_bytes": a["adapter_bytes"], "seeds": a["seeds"]}
    return out


def build(inputs: dict[str, Path]) -> dict:
    limits = {}
    for limit, folder in inputs.items():
        rep = json.loads((folder / "results.json").read_text())
        limits[limit] = {"folder": str(folder), "protocol": rep["protocol"], "seeds": rep["seeds"],
                         "points": _points(rep)}
    verdicts = {}
    for limit, info in limits.items():
        v = {}
        for user, by in info["points"].items():
            if not set(METHODS) <= set(by):
                continue
            best = min(METHODS, key=lambda m: by[m]["heldout_ppl_after"])
            v[user] = {"lowest_personal_ppl": best,
                       "norm_dominates": {m: dominates(by["norm"], by[m]) for m in METHODS if m != "norm"},
                       "norm_beats_base": by["norm"]["heldout_ppl_after"] < by["norm"]["heldout_ppl_before"]}
        verdicts[limit] = v
    return {"limits": limits, "verdicts": verdicts, "tolerance": GENERAL_TOLERANCE}


def _svg(user: str, rep: dict) -> str:
    W, H, L, R, T, B = 560, 360, 64, 110, 34, 46
    pts = {m: [(lim, rep["limits"][lim]["points"][user][m]) for lim in ORDER
               if lim in rep["limits"] and m in rep["limits"][lim]["points"].get(user, {})] for m in METHODS}
    xs = [100 * p["general_drift"] for v in pts.values() for _, p in v]
    ys = [p["heldout_ppl_after"] for v in pts.values() for _, p in v]
    if not xs:
        return ""
    base = next(p["heldout_ppl_before"] for v in pts.values() for _, p in v)
    ys.append(base)
    x0, x1 = min(0.0, min(xs)), max(xs) * 1.05 + 0.5
    y0, y1 = min(ys) * 0.97, max(ys) * 1.03
    sx = lambda x: L + (x - x0) / (x1 - x0) * (W - L - R)
    sy = lambda y: T + (y1 - y) / (y1 - y0) * (H - T - B)
    o = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" '
         f'font-size="11"><rect width="{W}" height="{H}" fill="white"/>',
         f'<text x="{L}" y="18" font-size="13">{user}: personal perplexity vs general drift, by limit</text>',
         f'<line x1="{L}" y1="{H - B}" x2="{W - R}" y2="{H - B}" stroke="black"/>',
         f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H - B}" stroke="black"/>',
         f'<text x="{(L + W - R) / 2}" y="{H - 10}" text-anchor="middle">general perplexity change on the '
         f'shared held-out set (%)</text>',
         f'<text x="14" y="{(T + H - B) / 2}" transform="rotate(-90 14 {(T + H - B) / 2})" '
         f'text-anchor="middle">held-out personal perplexity</text>',
         f'<line x1="{L}" y1="{sy(base):.1f}" x2="{W - R}" y2="{sy(base):.1f}" stroke="#888" '
         f'stroke-dasharray="4 3"/><text x="{W - R + 4}" y="{sy(base) + 4:.1f}" fill="#666">base</text>']
    for i in range(5):
        xv, yv = x0 + (x1 - x0) * i / 4, y0 + (y1 - y0) * i / 4
        xl = f"{xv:.1f}" if x1 - x0 < 8 else f"{xv:.0f}"
        o.append(f'<text x="{sx(xv):.1f}" y="{H - B + 14}" text-anchor="middle">{xl}</text>')
        o.append(f'<text x="{L - 4}" y="{sy(yv) + 4:.1f}" text-anchor="end">{yv:.1f}</text>')
    for k, (m, v) in enumerate(pts.items()):
        if not v:
            continue
        c = COLOURS[m]
        path = " ".join(f"{sx(100 * p['general_drift']):.1f},{sy(p['heldout_ppl_after']):.1f}" for _, p in v)
        o.append(f'<polyline points="{path}" fill="none" stroke="{c}" stroke-width="2"/>')
        for lim, p in v:
            x, y = sx(100 * p["general_drift"]), sy(p["heldout_ppl_after"])
            o.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{c}"/>')
            o.append(f'<text x="{x + 5:.1f}" y="{y - 5:.1f}" fill="{c}">'
                     f'{"no limit" if lim == "none" else lim + "%"}</text>')
        o.append(f'<rect x="{W - R + 10}" y="{T + 18 * k}" width="12" height="12" fill="{c}"/>'
                 f'<text x="{W - R + 26}" y="{T + 10 + 18 * k}">{m}</text>')
    o.append("</svg>")
    return "\n".join(o)


def markdown(rep: dict) -> str:
    L = ["# The shootout as a frontier", "",
         "Personal held-out perplexity (mean over seeds) and general drift (perplexity change on the "
         "shared general held-out set) per user, method and general-text limit. The limit is enforced "
         "on the release's reference set, never on the shared set, which stays the outside measure.", ""]
    lims = [x for x in ORDER if x in rep["limits"]]
    users = sorted({u for x in lims for u in rep["limits"][x]["points"]})
    for u in users:
        L += [f"## {u}", "", "| limit | seeds | " + " | ".join(f"{m} ppl (drift)" for m in METHODS) +
              " | lowest | norm dominates |", "|---" * (4 + len(METHODS)) + "|"]
        for x in lims:
            by = rep["limits"][x]["points"].get(u, {})
            cells = [f"{by[m]['heldout_ppl_after']:.2f} ({100 * by[m]['general_drift']:+.1f}%)" if m in by else "-"
                     for m in METHODS]
            v = rep["verdicts"][x].get(u)
            dom = ", ".join(m for m, d in v["norm_dominates"].items() if d) if v else "-"
            L.append(f"| {'none' if x == 'none' else x + '%'} | {rep['limits'][x]['seeds']} | " + " | ".join(cells)
                     + f" | {v['lowest_personal_ppl'] if v else '-'} | {dom or 'neither'} |")
        base = next(iter(rep["limits"][lims[0]]["points"][u].values()))["heldout_ppl_before"]
        L += ["", f"Base model: {base:.2f}. ![{u}](frontier-{u}.svg)", ""]
    L += ["## Verdict per limit", ""]
    for x in lims:
        v = rep["verdicts"][x]
        n = sum(all(d.values()) for d in (w["norm_dominates"] for w in v.values()))
        lowest = ", ".join(f"{u}: {w['lowest_personal_ppl']}" for u, w in v.items())
        L.append(f"- **{'no limit' if x == 'none' else x + '%'}**: lowest personal perplexity: {lowest}; "
                 f"norm-only Pareto-dominates both others for {n}/{len(v)} users.")
    return "\n".join(L) + "\n"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m desktop.research.frontier")
    ap.add_argument("--out", required=True, help="folder for frontier.json/.md and the charts")
    ap.add_argument("inputs", nargs="+", help="LIMIT=FOLDER pairs, LIMIT being 1, 3, 10 or none")
    a = ap.parse_args(argv)
    inputs = {}
    for pair in a.inputs:
        lim, _, folder = pair.partition("=")
        if lim not in ORDER or not (Path(folder) / "results.json").is_file():
            print(f"'{pair}' is not LIMIT=FOLDER with a results.json (LIMIT: 1, 3, 10 or none)", file=sys.stderr)
            return 2
        inputs[lim] = Path(folder)
    rep = build(inputs)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "frontier.json").write_text(json.dumps(rep, indent=1))
    (out / "frontier.md").write_text(markdown(rep))
    users = sorted({u for x in rep["limits"].values() for u in x["points"]})
    for u in users:
        (out / f"frontier-{u}.svg").write_text(_svg(u, rep))
    print(markdown(rep))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

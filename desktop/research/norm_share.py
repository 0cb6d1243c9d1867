"""Does norm-only catch up as the base gets better? (issue 21)

Reads shootout results (anchored protocol, one drift limit, same budget) for
several base releases and reports, per user and base, norm-only's share of
LoRA's held-out gain: gain = 1 - ppl_after / ppl_before (mean over seeds),
share = norm gain / LoRA gain. Writes norm-share.md and norm-share.svg.

    python -m desktop.research.norm_share --out benchmarks/results/question \\
        base1=benchmarks/results/question/base1/results.json \\
        base2=benchmarks/results/frontier/d3/results.json \\
        base3=benchmarks/results/question/base3/results.json
"""
from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

USERS = ("programmer", "novelist", "scientist")
COLOURS = {"programmer": "#1c7ed6", "novelist": "#2b8a3e", "scientist": "#e8590c"}


def gains(results: dict) -> dict:
    """{(user, method): [gain per seed]} from a shootout results.json."""
    out: dict = {}
    for r in results["runs"]:
        if r["method"] in ("norm", "lora") and r.get("heldout_ppl_after") and r.get("heldout_ppl_before"):
            out.setdefault((r["user"], r["method"]), []).append(1 - r["heldout_ppl_after"] / r["heldout_ppl_before"])
    return out


def table(bases: dict[str, dict]) -> list[dict]:
    rows = []
    for name, res in bases.items():
        g = gains(res)
        for u in USERS:
            n, lo = g.get((u, "norm")), g.get((u, "lora"))
            if not n or not lo:
                continue
            mn, ml = statistics.mean(n), statistics.mean(lo)
            rows.append({"base": name, "user": u, "seeds": min(len(n), len(lo)), "norm_gain": mn, "lora_gain": ml,
                         "share": mn / ml if ml > 0 else None})
    return rows


def markdown(rows: list[dict]) -> str:
    L = ["| base | user | seeds | norm-only gain | LoRA r4 gain | norm-only's share of LoRA's gain |",
         "|---|---|---|---|---|---|"]
    for r in rows:
        share = "n/a (LoRA did not gain)" if r["share"] is None else f"{100 * r['share']:.0f}%"
        L.append(f"| {r['base']} | {r['user']} | {r['seeds']} | {100 * r['norm_gain']:.1f}% | "
                 f"{100 * r['lora_gain']:.1f}% | {share} |")
    return "\n".join(L) + "\n"


def svg(rows: list[dict], bases: list[str]) -> str:
    W, H, pad, top = 640, 360, 60, 40
    shares = [r["share"] for r in rows if r["share"] is not None]
    ymax = max([1.0] + [s for s in shares]) * 1.1
    x = lambda i: pad + i * (W - 2 * pad) / max(1, len(bases) - 1)      # noqa: E731
    y = lambda v: H - pad - (H - pad - top) * max(0.0, v) / ymax        # noqa: E731
    o = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" '
         f'font-size="12"><rect width="100%" height="100%" fill="white"/>',
         f'<text x="{W / 2}" y="22" text-anchor="middle" font-size="14">Norm-only\'s share of LoRA\'s held-out gain '
         f'(3% limit, same budget)</text>']
    for v in (0, 0.25, 0.5, 0.75, 1.0):
        if v <= ymax:
            o.append(f'<line x1="{pad}" x2="{W - pad}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>'
                     f'<text x="{pad - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{int(100 * v)}%</text>')
    for i, b in enumerate(bases):
        o.append(f'<text x="{x(i):.1f}" y="{H - pad + 18}" text-anchor="middle">{b}</text>')
    for k, u in enumerate(USERS):
        pts = [(bases.index(r["base"]), r["share"]) for r in rows if r["user"] == u and r["share"] is not None]
        if len(pts) > 1:
            o.append(f'<polyline fill="none" stroke="{COLOURS[u]}" stroke-width="2" points="'
                     + " ".join(f"{x(i):.1f},{y(s):.1f}" for i, s in pts) + '"/>')
        for i, s in pts:
            o.append(f'<circle cx="{x(i):.1f}" cy="{y(s):.1f}" r="4" fill="{COLOURS[u]}"/>')
        o.append(f'<text x="{W - 6}" y="{top + 16 * k + 10}" text-anchor="end" fill="{COLOURS[u]}">{u}</text>')
    o.append("</svg>")
    return "\n".join(o)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results", nargs="+", help="NAME=results.json, in base order")
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    bases = {}
    for item in a.results:
        name, _, path = item.partition("=")
        bases[name] = json.loads(Path(path).read_text())
    rows = table(bases)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "norm-share.md").write_text(markdown(rows))
    (out / "norm-share.svg").write_text(svg(rows, list(bases)))
    (out / "norm-share.json").write_text(json.dumps(rows, indent=1))
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

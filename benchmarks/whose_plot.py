"""The plot for RESULTS.md: how often the right writer is named, against passage
length, by class size, for each adapter kind (whose_eval.py --json files), on the
report half (the passages the defaults were not chosen on).

    python benchmarks/whose_plot.py LABEL=eval.json [LABEL=eval.json ...] --out accuracy.png [--score raw]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import matplotlib
import matplotlib.ticker

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SIZES = (3, 6, 12)
LENGTHS = (30, 60, 120, 250)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("runs", nargs="+", help="LABEL=whose_eval.json")
    ap.add_argument("--out", required=True)
    ap.add_argument("--scores", default="raw,znorm-mean class,znorm reference")
    a = ap.parse_args()
    scores = a.scores.split(",")
    fig, axes = plt.subplots(1, len(SIZES), figsize=(4 * len(SIZES), 3.6), sharey=True)
    for label, path in (r.split("=", 1) for r in a.runs):
        d = json.loads(Path(path).read_text())
        for score, style in zip(scores, ("-", "--", ":")):
            rep = d["scores"][score]["report"]
            for ax, k in zip(axes, SIZES):
                xs = [L for L in LENGTHS if f"{k}x{L}" in rep]
                if xs:
                    ax.plot(xs, [100 * rep[f"{k}x{L}"]["accuracy"] for L in xs], style, marker="o", markersize=3,
                            label=f"{label}, {score}")
    for ax, k in zip(axes, SIZES):
        ax.set_title(f"class of {k} (chance {100 / k:.0f}%)")
        ax.set_xscale("log")
        ax.set_xticks(LENGTHS, [str(L) for L in LENGTHS])
        ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        ax.set_xlabel("passage length (words)")
        ax.axhline(100 / k, color="grey", lw=0.5)
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("right writer named (%, report half)")
    axes[-1].legend(fontsize=6, loc="lower right")
    fig.tight_layout()
    fig.savefig(a.out, dpi=110)
    print("wrote", a.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

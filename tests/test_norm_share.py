"""The base-1/2/3 question's arithmetic: norm-only's share of LoRA's gain."""
import pytest

from desktop.research.norm_share import markdown, svg, table


def run(user, method, before, after, seed=0):
    return {"user": user, "method": method, "seed": seed, "heldout_ppl_before": before, "heldout_ppl_after": after}


def test_share_is_mean_norm_gain_over_mean_lora_gain_per_user_and_base():
    res = {"runs": [run("novelist", "norm", 40, 39, 0), run("novelist", "norm", 40, 38, 1),
                    run("novelist", "lora", 40, 36, 0), run("novelist", "lora", 40, 36, 1),
                    run("novelist", "full", 40, 20), run("scientist", "norm", 60, 59),
                    run("scientist", "lora", 60, 61)]}
    rows = table({"b3": res})
    nov = next(r for r in rows if r["user"] == "novelist")
    assert nov["norm_gain"] == pytest.approx(0.0375) and nov["lora_gain"] == pytest.approx(0.10)
    assert nov["share"] == pytest.approx(0.375) and nov["seeds"] == 2
    sci = next(r for r in rows if r["user"] == "scientist")
    assert sci["share"] is None and "LoRA did not gain" in markdown(rows)
    assert svg(rows, ["b3"]).count("<circle") == 1

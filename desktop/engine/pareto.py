"""The verdict rule of the shootout, pure: does norm-only Pareto-dominate?

By the pre-registered criteria (DESIGN.md, "Background"): for each user,
norm-only Pareto-dominates another method when its held-out perplexity is lower,
its file is smaller and its general perplexity is no worse, within
GENERAL_TOLERANCE. STRICT = all users against both methods, LENIENT = at least
two thirds, CATASTROPHIC = none; anything else is PARTIAL.
"""
from __future__ import annotations

from typing import Mapping

# "No worse" on general text allows 5% relative, as the original did: general
# perplexity moves by a few percent between seeds of the same method, so a
# stricter rule would turn noise into verdicts.
GENERAL_TOLERANCE = 0.05


def dominates(norm: Mapping, other: Mapping, tol: float = GENERAL_TOLERANCE) -> bool:
    """norm-only Pareto-dominates `other` (dicts with heldout_ppl_after,
    general_ppl_after, adapter_bytes)."""
    if norm["heldout_ppl_after"] >= other["heldout_ppl_after"]:
        return False
    if norm["adapter_bytes"] >= other["adapter_bytes"]:
        return False
    ng, og = norm.get("general_ppl_after"), other.get("general_ppl_after")
    if ng is not None and og is not None and ng > og * (1 + tol):
        return False
    return True


def beats_norm(norm: Mapping, other: Mapping, tol: float = GENERAL_TOLERANCE) -> bool:
    """The other direction: `other` is at least as good for the user (lower
    held-out perplexity) and no worse on general text (same tolerance). Its file
    is never smaller, so this is as close to dominating norm-only as it can get."""
    if other["heldout_ppl_after"] >= norm["heldout_ppl_after"]:
        return False
    ng, og = norm.get("general_ppl_after"), other.get("general_ppl_after")
    return not (ng is not None and og is not None and og > ng * (1 + tol))


def verdict(per_user: Mapping[str, Mapping[str, Mapping]], tol: float = GENERAL_TOLERANCE) -> dict:
    """per_user[user][method] -> metrics. Returns the wins per user and the label."""
    wins = {}
    for user, by_method in per_user.items():
        others = [m for m in by_method if m != "norm"]
        wins[user] = all(dominates(by_method["norm"], by_method[m], tol) for m in others)
    n, k = len(wins), sum(wins.values())
    if n and k == n:
        label = "STRICT"
    elif n and k == 0:
        label = "CATASTROPHIC"
    elif n and k * 3 >= 2 * n:
        label = "LENIENT"
    else:
        label = "PARTIAL"
    beaten = {user: [m for m in by_method if m != "norm" and beats_norm(by_method["norm"], by_method[m], tol)]
              for user, by_method in per_user.items()}
    return {"users_dominated": wins, "count": k, "of": n, "label": label, "norm_beaten_by": beaten}

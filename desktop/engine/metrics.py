"""A result's figures, one record for every reader (torch-free).

The window, the command line, the class report and the shootout all read a
run's figures through `Metrics`, so each word means one thing everywhere:

- `steps`: optimiser steps trained ("Trained for N steps", the CLI's
  `steps`, the class report's Steps, the shootout's steps);
- `kept_step`: the step whose weights were kept (0: the base's own; the
  CLI's "kept step", JSON `best_step`, the shootout's `kept_step`).

An adapter file (format 1, DESIGN.md contract 2) has one key `steps`, and it
has always held the kept step (the steps its weights were trained for), so
`to_metadata` writes `kept_step` there and `from_metadata` reads it back as
`kept_step`; how many steps were trained is not in a file (`steps` is None).
"""
from __future__ import annotations

from dataclasses import dataclass, fields

SCORES = ("heldout_ppl_before", "heldout_ppl_after", "general_ppl_before", "general_ppl_after",
          "heldout_bpb_before", "heldout_bpb_after", "general_bpb_before", "general_bpb_after")


def _num(meta: dict, key: str) -> float | None:
    try:
        return float(meta[key])
    except (KeyError, ValueError, TypeError):      # absent, or "n/a" (not measured)
        return None


@dataclass(frozen=True)
class Metrics:
    method: str
    steps: int | None              # optimiser steps trained (None: not recorded, e.g. read from a file)
    kept_step: int | None          # the step whose weights were kept (0: the base's own)
    seconds: float | None
    lr: float | None
    train_tokens: int | None
    heldout_ppl_before: float | None = None
    heldout_ppl_after: float | None = None
    general_ppl_before: float | None = None
    general_ppl_after: float | None = None
    heldout_bpb_before: float | None = None
    heldout_bpb_after: float | None = None
    general_bpb_before: float | None = None
    general_bpb_after: float | None = None
    max_drift: float | None = None       # the drift limit the run kept to (None: no guard)
    anchor_lambda: float | None = None   # the anchor's weight when the kept step was checked
    general_drift: float | None = None   # reference-set drift of the kept weights

    @property
    def personal_gain(self) -> float | None:
        """0.061 = the held-out text is predicted 6.1% better (perplexity)."""
        hb, ha = self.heldout_ppl_before, self.heldout_ppl_after
        return None if not hb or ha is None else 1.0 - ha / hb

    @property
    def general_change(self) -> float | None:
        """The reference-set drift, else the general perplexity's change (0.008 = 0.8% worse)."""
        if self.general_drift is not None:
            return self.general_drift
        gb, ga = self.general_ppl_before, self.general_ppl_after
        return None if not gb or ga is None else ga / gb - 1.0

    def to_metadata(self) -> dict[str, object]:
        """The figures an adapter file holds (adapter_file.ALLOWED_META), in the
        order they have always been written."""
        meta: dict[str, object] = {"train_tokens": self.train_tokens, "steps": self.kept_step,
                                   "seconds": None if self.seconds is None else round(self.seconds, 1),
                                   "lr": self.lr}
        for k in SCORES:
            v = getattr(self, k)
            meta[k] = "n/a" if v is None else v
        if self.max_drift is not None:
            meta["max_drift"] = self.max_drift
            meta["anchor_lambda"] = round(self.anchor_lambda or 0.0, 6)
        if self.general_drift is not None:
            meta["general_drift"] = round(self.general_drift, 6)
        return meta

    @classmethod
    def from_metadata(cls, meta: dict) -> "Metrics":
        """An adapter file's figures (any version: absent or "n/a" figures are None)."""
        kept = meta.get("steps", "")
        tokens = meta.get("train_tokens", "")
        return cls(method=str(meta.get("method", "")), steps=None,
                   kept_step=int(kept) if str(kept).isdigit() else None, seconds=_num(meta, "seconds"),
                   lr=_num(meta, "lr"), train_tokens=int(tokens) if str(tokens).isdigit() else None,
                   **{k: _num(meta, k) for k in SCORES + ("max_drift", "anchor_lambda", "general_drift")})

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

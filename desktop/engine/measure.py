"""Measuring the base before training, within its share of the budget, and
remembering the base's scores across runs.

The base model's score of a window never changes, so the held-out text of a
person who trains again (a second run in the window, a class rerun) and the
release's reference set are scored once and kept in the user's cache, keyed
by the base's checksum, the device and the exact tokens of the set (a
content hash: different text is a different key). Only numbers are kept (one
loss per window), never text.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

import torch

from .atomic import atomic_write_text
from .budget import BEFORE_SHARE, MIN_WINDOWS, REF_CHECK_ROWS, Rate, heldout_windows, seeded_order
from .evaluate import EvalResult, EvalSet, evaluate, result_of
from .general import General, as_general

if TYPE_CHECKING:
    from .base import Base
    from .data import Prepared

CACHE_FILES = 200            # newest kept; older score files are removed
CACHE_MAX_BYTES = 1 << 20    # a score file is a few KB; anything bigger is not ours
HELDOUT_ORDER_SEED = 11      # the shuffles of each set's windows (any prefix a fair sample)
GENERAL_ORDER_SEED = 12
REFERENCE_ORDER_SEED = 13


class ScoreCache:
    """Base-model scores per window: in memory for this process, and in a
    folder (None: memory only) for the next one."""

    def __init__(self, folder: str | os.PathLike | None = None):
        self.folder = Path(folder) if folder else None
        self.memory: dict[str, dict[int, float]] = {}

    @staticmethod
    def key(base_sha256: str, device: str, es: EvalSet) -> str:
        h = hashlib.sha256(f"{base_sha256}\0{torch.device(device).type}\0".encode())
        h.update(es.inputs.numpy().tobytes())
        h.update(es.targets.numpy().tobytes())
        return h.hexdigest()

    def get(self, key: str) -> dict[int, float]:
        if key in self.memory:
            return dict(self.memory[key])
        found: dict[int, float] = {}
        p = self._path(key)
        try:
            if p is not None and p.is_file() and p.stat().st_size <= CACHE_MAX_BYTES:
                raw = json.loads(p.read_text(encoding="utf-8"))
                found = {int(i): float(x) for i, x in zip(raw["rows"], raw["nll"], strict=True)}
        except (OSError, ValueError, KeyError, TypeError):
            found = {}        # unreadable or not ours: score again
        self.memory[key] = found
        return dict(found)

    def put(self, key: str, scores: dict[int, float]) -> None:
        self.memory[key] = dict(scores)
        p = self._path(key)
        if p is None:
            return
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(p, json.dumps({"rows": list(scores), "nll": list(scores.values())}),
                              durable=False)      # a cache, written inside a job's budget
            self._trim()
        except OSError:
            pass              # a read-only or full cache only costs time next run

    def _path(self, key: str) -> Path | None:
        return None if self.folder is None else self.folder / f"{key}.json"

    def _trim(self) -> None:
        files = sorted(self.folder.glob("*.json"), key=lambda f: f.stat().st_mtime, reverse=True)
        for f in files[CACHE_FILES:]:
            f.unlink(missing_ok=True)


def score_base(model, es: EvalSet, order: Sequence[int], device, cache: ScoreCache, key: str,
               rate: Rate, deadline: float | None = None, min_rows: int = MIN_WINDOWS,
               should_stop: Callable[[], bool] | None = None) -> EvalResult:
    """The base's scores of `es` on the windows `order` (in that order), from the
    cache where known; the rest scored until `deadline` (at least `min_rows`
    windows in all). The result covers the longest prefix of `order` scored."""
    known = cache.get(key)
    todo = [i for i in order if i not in known]
    if todo:
        have = sum(1 for i in order if i in known)
        t = time.monotonic()
        r = evaluate(model, es, device, order=todo, deadline=deadline, min_rows=max(0, min_rows - have),
                     should_stop=should_stop)
        rate.add(len(r.rows), time.monotonic() - t)
        if should_stop is None or not should_stop():    # a stopped evaluation is partial: never remembered
            known.update(zip(r.rows, r.row_nll))
            cache.put(key, known)
        else:
            known.update(zip(r.rows, r.row_nll))
    rows = []
    for i in order:
        if i not in known:
            break
        rows.append(i)
    return result_of(es, rows, [known[i] for i in rows])


@dataclass
class Orders:
    """Which windows of each set a job scores, in which order."""
    heldout: list[int]
    general: list[int]
    reference: list[int]

    @property
    def check_rows(self) -> list[int]:
        return self.reference[:REF_CHECK_ROWS]


def orders_for(heldout: EvalSet, general: EvalSet | None, reference: EvalSet | None,
               heldout_windows: int) -> Orders:
    return Orders(
        seeded_order(heldout.inputs.shape[0], HELDOUT_ORDER_SEED, heldout_windows),
        seeded_order(general.inputs.shape[0], GENERAL_ORDER_SEED) if general is not None else [],
        seeded_order(reference.inputs.shape[0], REFERENCE_ORDER_SEED) if reference is not None else [])


_CACHES: dict[str, ScoreCache] = {}


def memory_cache(folder: str | os.PathLike | None = None) -> ScoreCache:
    """One cache per folder for the whole process (None: memory only), so a
    window's second run or a class's next student reuses the base's scores."""
    k = str(folder or "")
    if k not in _CACHES:
        _CACHES[k] = ScoreCache(folder)
    return _CACHES[k]


def reference_of(base: "Base", general: General) -> EvalSet | None:
    """The drift limit's set: the general check itself when that is the reference
    set (a copy or a sample of it included), else the base's own."""
    return general.eval_set if general.is_reference else base.reference_set()


@dataclass
class Before:
    """Base-model scores, reusable across methods on the same data."""
    heldout: EvalResult
    general: EvalResult | None
    seconds: float                          # what measuring after training will take again
    reference: EvalResult | None = None    # the release's reference set (the drift limit's baseline)


def measure_before(base: "Base", data: "Prepared", general: "General | EvalSet | None", device: torch.device,
                   should_stop: Callable[[], bool] = lambda: False, budget_s: float | None = None,
                   cache: ScoreCache | None = None, rate: Rate | None = None) -> Before:
    """The base's scores of the held-out text (a sample sized by the budget, in a
    seeded order), a given general set and the reference set, within
    BEFORE_SHARE of the budget (a smaller sample on a slow machine), from the
    cache where this base already scored the same text."""
    t0 = time.monotonic()
    cache = cache or memory_cache()
    rate = rate or Rate()
    deadline = None if budget_s is None else t0 + BEFORE_SHARE * budget_s
    n_held = data.heldout.inputs.shape[0]
    if budget_s is not None:
        n_held = heldout_windows(budget_s, n_held)
    model = base.model.to(device)
    general = as_general(general)
    ref_set = reference_of(base, general)
    gset = None if general.is_reference else general.eval_set
    orders = orders_for(data.heldout, gset, ref_set, n_held)
    key = lambda es: ScoreCache.key(base.sha256, str(device), es)
    score = lambda es, order, least: score_base(model, es, order, device, cache, key(es), rate, deadline,
                                                min(least, len(order)), should_stop)
    h = score(data.heldout, orders.heldout, MIN_WINDOWS)
    # The reference set before a given general set: checks need its first windows.
    ref = score(ref_set, orders.reference, REF_CHECK_ROWS) if ref_set is not None else None
    g = score(gset, orders.general, MIN_WINDOWS) if gset is not None else (ref if general.is_reference else None)
    base.model.to("cpu")
    return Before(h, g, time.monotonic() - t0, ref)

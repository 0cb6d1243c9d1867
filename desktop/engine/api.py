"""The engine's public API: what the window and the command line call.

Everything here is plain Python and PyTorch; no Qt.
"""
from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

import torch

from .. import __version__
from . import adapters
from .adapter_file import MAX_NORM_FILE_BYTES, AdapterFile, AdapterFileError, save_adapter, to_bytes, utc_now
from .base import Base, BaseModelError, load_base, releases
from .data import (EVAL_TEXT_CHARS, EVAL_TEXT_WINDOWS, MIN_WORDS, NotEnoughText, Prepared, eval_set_of,  # noqa: F401
                   prepare, split_documents, text_eval_set)
from .device import DeviceInfo, detect
from .documents import (Collection, Document, DocumentError, ReadProgress, collect, count_words, general_texts,
                        read_file)
from .evaluate import EvalResult, EvalSet, evaluate
from .adapter_open import (base_named_by, expected_shapes, inspect_adapter, model_with, open_adapter,  # noqa: F401
                           open_adapter_with_its_base)
from .general import General, as_general
from .train import (DEFAULT_MAX_DRIFT, PROTOCOLS, Before, FinishedEarly, Measured, Phase,
                    RateCut, Start, Started, StepDone, TrainConfig, TrainResult, Validated, measure_before, train)
from .notes import outcome_notes
from . import suggest, textgen
# Sharing and using adapters elsewhere (docs/SHARING.md); the window's Share... calls share_adapter.
from .hf_export import ExportError, export_hf
from .routing import BASE_NAME as ROUTED_BASE, Routed, route_folder
from .certainty import odds_message, teacher_message, verdict_message
from .share import SHARE_NOTE, EntryError, Shared, Verified, known_bases, share_adapter, verify, withdraw
# Reading a shared folder and whom to trust (issue 23); the window's File > Shared folder... uses these.
from .folder_scan import Row as SharedFolderRow, overview as shared_folder_overview
from .trust import TrustError, TrustedKey, add_trusted, remove_trusted, trusted_keys
from .untrusted import visible

# The shootout's Pareto rule, so the window's comparison verdict is the same rule.
from .pareto import GENERAL_TOLERANCE, beats_norm, dominates  # noqa: E402

__all__ = [
    "AdapterFile", "AdapterFileError", "Base", "General", "BaseModelError", "Before", "Collection",
    "DeviceInfo", "Document", "DocumentError", "EvalResult", "EvalSet", "MIN_WORDS", "Measured", "NotEnoughText",
    "PROTOCOLS", "Phase", "Prepared", "ReadProgress", "Started", "StepDone", "TrainConfig", "TrainResult",
    "Validated", "GENERAL_TOLERANCE", "DEFAULT_MAX_DRIFT", "FinishedEarly", "RateCut", "outcome_notes",
    "beats_norm", "collect", "compare", "detect", "dominates", "evaluate_texts", "export_adapter", "general_set",
    "generate", "explain", "ROUTED_BASE", "odds_message", "teacher_message", "verdict_message", "count_words", "next_words", "keystroke_savings", "opening_prompts", "heldout_texts", "Savings",
    "load_base", "measure", "open_adapter", "open_adapter_with_its_base", "inspect_adapter", "base_named_by", "releases", "personalise", "prepare_documents", "read_file", "warm_up",
    "EntryError", "ExportError", "Routed", "SHARE_NOTE", "Shared", "Verified", "export_hf", "route_folder",
    "share_adapter", "verify", "withdraw", "adapter_bytes", "MAX_NORM_FILE_BYTES", "measure_kept",
    "known_bases", "SharedFolderRow", "shared_folder_overview", "TrustError", "TrustedKey", "add_trusted",
    "remove_trusted", "trusted_keys", "visible",
]


def general_set(base: Base, path: str | Path | None = None) -> General:
    """The general-text check: a given .txt/.jsonl file, else the base's own reference set."""
    if path is None:
        return General.reference(base.reference_set())
    p = Path(path)
    if not p.is_file():
        raise ValueError(f"The general text file {p} does not exist.")
    return General.given(eval_set_of(base.tokenizer, general_texts(p), base.config.context_length, seed=0,
                                     max_chars=EVAL_TEXT_CHARS, max_windows=EVAL_TEXT_WINDOWS), p.name)


def prepare_documents(base: Base, docs: Sequence[Document], heldout: Sequence[Document] | None = None,
                      seed: int = 0, train_chars: int | None = None) -> Prepared:
    """Split (raising NotEnoughText with the amount missing) and tokenise (a
    long selection: a sample of `train_chars` characters of training text)."""
    split = split_documents(docs, seed=seed, heldout=heldout)
    return prepare(split, base.tokenizer, base.config.context_length, seed=seed, train_chars=train_chars)


def personalise(base: Base, data: Prepared, cfg: TrainConfig, general: General | None = None,
                on_event: Callable[[object], None] | None = None,
                should_stop: Callable[[], bool] = lambda: False,
                before: Before | None = None, started_at: float | None = None) -> TrainResult:
    """One method within cfg.minutes, counted from `started_at` (default: now)."""
    return train(base, data, cfg, general, on_event, should_stop, Start(before, started_at))


def compare(base: Base, data: Prepared, cfg: TrainConfig, general: General | None = None,
            methods: Sequence[str] | None = None,
            on_event: Callable[[str, object], None] | None = None,
            should_stop: Callable[[], bool] = lambda: False, started_at: float | None = None) -> list[TrainResult]:
    """Each method gets the same budget, data, seed; the base is measured once.
    The time spent before the first method (getting the text ready from
    `started_at`, measuring the base) is shared: each method's clock starts
    its share of it early, so the whole job still fits len(methods) budgets."""
    methods = tuple(methods or adapters.REGISTRY)      # default: every registered method
    info = detect(cfg.device, cfg.threads)
    emit = on_event or (lambda m, e: None)
    t0 = time.monotonic() if started_at is None else started_at
    before = measure_before(base, data, general, info.torch_device, should_stop)
    emit(methods[0], Measured("before", before.heldout, before.general))
    shared = (time.monotonic() - t0) / max(1, len(methods))
    results = []
    for m in methods:
        if should_stop():
            break
        mcfg = replace(cfg, method=m, lr=cfg.lr if cfg.lr is not None or cfg.protocol else None)
        r = train(base, data, mcfg, general, lambda e, m=m: emit(m, e), should_stop,
                  Start(before, time.monotonic() - shared, info))
        results.append(r)
        if r.cancelled:
            break
    return results


def adapter_metadata(result: TrainResult, base: Base, label: str | None = None,
                     general: General | None = None) -> dict:
    meta = {"method": result.method, "base_id": base.base_id, "base_sha256": base.sha256,
            "created_utc": utc_now(), "app_version": __version__}
    meta.update(result.metrics().to_metadata())      # the file's `steps` is the kept step (metrics.py)
    from .names import clean_label
    label = clean_label(label)     # the one rule, whoever calls: the file is meant to be shared
    if label:
        meta["label"] = label
    if general is not None and general.present:
        meta["general_set"] = general.metadata_name
    return meta


def adapter_bytes(result: TrainResult, base: Base, label: str | None = None,
                  general: General | None = None) -> bytes:
    """The adapter file's exact bytes (its size is what the window, the command
    line and the shootout report)."""
    return to_bytes(result.tensors, adapter_metadata(result, base, label, general))


def export_adapter(path: str | Path, result: TrainResult, base: Base, overwrite: bool = False,
                   label: str | None = None, general: General | None = None) -> int:
    return save_adapter(path, result.tensors, adapter_metadata(result, base, label, general),
                        overwrite=overwrite)


def evaluate_texts(base: Base, texts: Sequence[str], adapter: AdapterFile | TrainResult | None = None,
                   device="cpu", should_stop: Callable[[], bool] = lambda: False) -> EvalResult:
    """Scores of the texts (the same windows for the base and any adapter)."""
    es = text_eval_set(base.tokenizer, texts, base.config.context_length)
    return evaluate(model_with(base, adapter, device), es, device, should_stop=should_stop)


def generate(base: Base, prompt: str, adapter: AdapterFile | TrainResult | None = None,
             max_new_tokens: int = textgen.MAX_NEW_TOKENS, seed: int = 0, temperature: float | None = None,
             should_stop: Callable[[], bool] | None = None) -> str:
    """A continuation of `prompt` that reads like text (textgen.py): one
    paragraph, wrapped lines joined, ending at a sentence end; sampled with the
    measured settings (textgen.DEFAULT_SAMPLING), at `temperature` if given."""
    sampling = textgen.DEFAULT_SAMPLING if temperature is None else replace(textgen.DEFAULT_SAMPLING,
                                                                            temperature=temperature)
    return textgen.continue_text(model_with(base, adapter), base.tokenizer, prompt, sampling, seed, max_new_tokens,
                                 should_stop)


def explain(base: Base, adapter: AdapterFile | TrainResult, text: str, device="cpu",
            should_stop: Callable[[], bool] = lambda: False, max_chars: int | None = None):
    """Word by word, what `adapter` changed on `text` (an excerpt of it when
    long): explain.Explanation."""
    from .explain import MAX_CHARS, explain_models
    return explain_models(model_with(base, None, device), model_with(base, adapter, device), base.tokenizer, text,
                          base.config.context_length, device, max_chars or MAX_CHARS, should_stop=should_stop)


def measure(base: Base, data: Prepared, adapter: AdapterFile | TrainResult | None = None,
            general: General | EvalSet | None = None, device="cpu",
            should_stop: Callable[[], bool] = lambda: False) -> Measured:
    """Score the base (adapter None) or an adapter on the held-out slice of `data`
    and on the general set, e.g. to measure a run that was stopped early or an
    adapter file opened against the current documents."""
    model = model_with(base, adapter, device)
    h = evaluate(model, data.heldout, device, should_stop=should_stop)
    gset = as_general(general).eval_set
    g = evaluate(model, gset, device, should_stop=should_stop) if gset is not None else None
    return Measured("before" if adapter is None else "after", h, g)


def measure_kept(base: Base, data: Prepared, result: TrainResult, general: General | None = None,
                 should_stop: Callable[[], bool] = lambda: False) -> TrainResult:
    """A stopped run's kept state, measured after all: the scores before
    training are already in the result, so only the kept weights are scored."""
    if result.heldout_after is not None:
        return result
    after = measure(base, data, result, general, should_stop=should_stop)
    return replace(result, heldout_after=after.heldout, general_after=after.general)


def warm_up() -> None:
    """Do once, ahead of time, what the first training run would do lazily:
    building the optimiser imports torch._dynamo (about 1.5 s of imports that
    hold the interpreter lock). The window calls this in the background at
    start-up so the import does not freeze it mid-run."""
    p = torch.nn.Parameter(torch.zeros(1))
    torch.optim.AdamW([p], lr=1e-3)


# ------------------------------------------------------------ Try it: suggestions (suggest.py)
Savings = suggest.Savings
_tables: dict[str, suggest.TokenTable] = {}


def _table(base: Base) -> suggest.TokenTable:
    if base.sha256 not in _tables:
        _tables[base.sha256] = suggest.TokenTable(base.tokenizer)
    return _tables[base.sha256]


def next_words(base: Base, text: str, adapter: AdapterFile | TrainResult | None = None,
               n: int = suggest.SUGGESTIONS, should_stop: Callable[[], bool] = lambda: False) -> list[str]:
    """The n words the model (with `adapter`, if any) expects next after
    `text`, or to finish the word `text` ends in (errors.Stopped once `should_stop()`)."""
    return suggest.next_words(model_with(base, adapter), base.tokenizer, _table(base), text, n, should_stop)


def keystroke_savings(base: Base, texts: Sequence[str], adapter: AdapterFile | TrainResult, max_words: int = 400,
                      seed: int = 0, should_stop: Callable[[], bool] = lambda: False,
                      seconds: float | None = None) -> suggest.Savings | None:
    """Typing saved by three suggestions, base vs adapted, on the same seed-chosen words of `texts`
    (at most `seconds` of measuring, if given)."""
    return suggest.keystroke_savings(model_with(base, None), model_with(base, adapter), base.tokenizer,
                                     _table(base), texts, max_words, seed, should_stop, seconds)


def heldout_texts(docs: Sequence[Document], seed: int = 0, heldout: Sequence[Document] | None = None) -> list[str]:
    """The text a run with this seed keeps aside (the same split as personalise's)."""
    return split_documents(docs, seed=seed, heldout=heldout).heldout


def opening_prompts(texts: Sequence[str], n: int = 4) -> list[str]:
    """The person's own habitual sentence openings (textgen.opening_words)."""
    return textgen.opening_words(texts, n)

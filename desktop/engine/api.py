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
from .adapter_file import (MAX_LOAD_BYTES, MAX_NORM_FILE_BYTES, AdapterFile, AdapterFileError, check_fit,
                           load_adapter, peek_header, save_adapter, to_bytes, utc_now)
from .base import Base, BaseModelError, load_base, release_for, releases
from .data import MIN_WORDS, NotEnoughText, Prepared, eval_set_of, prepare, split_documents
from .device import DeviceInfo, detect
from .documents import (Collection, Document, DocumentError, ReadProgress, collect, count_words, general_texts,
                        read_file)
from .evaluate import EvalResult, EvalSet, evaluate
from .general import General, as_general
from .train import (DEFAULT_MAX_DRIFT, PROTOCOLS, Before, FinishedEarly, Measured, Phase,
                    RateCut, Start, Started, StepDone, TrainConfig, TrainResult, Validated, measure_before, train)
from .notes import outcome_notes
from . import suggest, textgen
# Sharing and using adapters elsewhere (docs/SHARING.md); the window's Share... calls share_adapter.
from .hf_export import ExportError, export_hf
from .routing import BASE_NAME as ROUTED_BASE, MIN_WORDS_TO_TELL, Routed, certainty, route_folder
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
    "generate", "explain", "ROUTED_BASE", "MIN_WORDS_TO_TELL", "certainty", "count_words", "next_words", "keystroke_savings", "opening_prompts", "heldout_texts", "Savings",
    "load_base", "measure", "open_adapter", "open_adapter_with_its_base", "inspect_adapter", "base_named_by", "releases", "personalise", "prepare_documents", "read_file", "warm_up",
    "EntryError", "ExportError", "Routed", "SHARE_NOTE", "Shared", "Verified", "export_hf", "route_folder",
    "share_adapter", "verify", "withdraw", "adapter_bytes", "MAX_NORM_FILE_BYTES", "measure_kept",
    "known_bases", "SharedFolderRow", "shared_folder_overview", "TrustError", "TrustedKey", "add_trusted",
    "remove_trusted", "trusted_keys", "visible",
]


# A given general set, `normfit eval` and routing score every window of up to ~0.5 MB of text; of
# more, this many seed-chosen windows (~130k tokens, ~15 s on one core) from at
# most 4 MB of it: a 50 MB file once meant minutes of tokenising and GBs of windows.
EVAL_TEXT_WINDOWS = 512
EVAL_TEXT_CHARS = 4_000_000


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


def expected_shapes(base: Base) -> dict[str, dict[str, tuple[int, ...]]]:
    """Each method's tensor names and shapes for this base, from its config (no model is built)."""
    return {name: m.shapes(base.config) for name, m in adapters.REGISTRY.items()}


def _read(path: str | Path, base: Base) -> AdapterFile:
    """An adapter file read and parsed once (its fit to a base not yet checked).
    Up to 64 KB is read; a bigger file only when its header says it holds a
    method whose files may be that big for this base (LoRA, full), and no bigger."""
    limit = MAX_LOAD_BYTES
    p = Path(path)
    if p.is_file() and p.stat().st_size > limit:
        head = peek_header(p)
        if head is not None and head.method in adapters.REGISTRY:
            big = adapters.REGISTRY[head.method].max_file_bytes(base.config)
            limit = big if p.stat().st_size <= big else limit
    return load_adapter(p, limit=limit)


def _fit(af: AdapterFile, base: Base, check_base: bool = True) -> AdapterFile:
    return check_fit(af, base.sha256 if check_base else None, expected_shapes(base))


def open_adapter(path: str | Path, base: Base, check_base: bool = True) -> AdapterFile:
    """Load and validate; refuses files made for another base when check_base."""
    return _fit(_read(path, base), base, check_base)


_bases_by_sha: dict[str, Base] = {}


def base_named_by(af: AdapterFile, current: Base) -> Base:
    """The shipped base release an adapter was made for (the current one when it
    matches); AdapterFileError naming the base when this copy does not ship it."""
    if af.base_sha256 == current.sha256:
        return current
    if af.base_sha256 not in _bases_by_sha:
        try:
            # Releases ship side by side: look among the current one's siblings.
            rel = release_for(af.base_sha256, af.base_id, root=current.folder.parent)
        except BaseModelError as e:
            raise AdapterFileError(str(e)) from None
        _bases_by_sha[af.base_sha256] = load_base(rel.folder)
    return _bases_by_sha[af.base_sha256]


def inspect_adapter(path: str | Path, current: Base) -> tuple[AdapterFile, Base | None, str | None]:
    """Read any well-formed adapter file, usable or not: (file, the shipped base it
    fits or None, the sentence saying why not). Malformed files still raise.
    The file is read once."""
    af = _read(path, current)
    try:
        base = base_named_by(af, current)
        return _fit(af, base), base, None
    except AdapterFileError as e:
        return af, None, str(e)


def open_adapter_with_its_base(path: str | Path, current: Base) -> tuple[AdapterFile, Base]:
    """Open an adapter with the base it names, so adapters made for an older
    release keep working after a newer one ships."""
    af = _read(path, current)
    base = base_named_by(af, current)
    return _fit(af, base), base


def model_with(base: Base, adapter: AdapterFile | TrainResult | None, device="cpu") -> torch.nn.Module:
    model = base.fresh_model(device)
    if adapter is not None:
        adapters.apply(model, adapter.method, adapter.tensors)
    model.eval()
    return model


def evaluate_texts(base: Base, texts: Sequence[str], adapter: AdapterFile | TrainResult | None = None,
                   device="cpu", should_stop: Callable[[], bool] = lambda: False) -> EvalResult:
    """Scores of the texts (the same windows for the base and any adapter)."""
    es = eval_set_of(base.tokenizer, list(texts), base.config.context_length, seed=0,
                     max_chars=EVAL_TEXT_CHARS, max_windows=EVAL_TEXT_WINDOWS)
    return evaluate(model_with(base, adapter, device), es, device, should_stop=should_stop)


def generate(base: Base, prompt: str, adapter: AdapterFile | TrainResult | None = None,
             max_new_tokens: int = textgen.MAX_NEW_TOKENS, seed: int = 0, temperature: float | None = None) -> str:
    """A continuation of `prompt` that reads like text (textgen.py): one
    paragraph, wrapped lines joined, ending at a sentence end; sampled with the
    measured settings (textgen.DEFAULT_SAMPLING), at `temperature` if given."""
    sampling = textgen.DEFAULT_SAMPLING if temperature is None else replace(textgen.DEFAULT_SAMPLING,
                                                                            temperature=temperature)
    return textgen.continue_text(model_with(base, adapter), base.tokenizer, prompt, sampling, seed, max_new_tokens)


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
               n: int = suggest.SUGGESTIONS) -> list[str]:
    """The n words the model (with `adapter`, if any) expects next after
    `text`, or to finish the word `text` ends in."""
    return suggest.next_words(model_with(base, adapter), base.tokenizer, _table(base), text, n)


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

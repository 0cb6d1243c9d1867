"""The general-text guard: the anchor, the drift limit, the adaptive rate and the early finish."""
import math
from dataclasses import replace

import pytest
import torch

from desktop.engine import anchor as anchor_mod
from desktop.engine import train as train_mod
from desktop.engine.anchor import BaseTargets, DriftGuard, Replay, kl_to_base
from desktop.engine.api import adapter_metadata, collect, prepare_documents
from desktop.engine.base import releases
from desktop.engine.evaluate import eval_set_from_texts
from desktop.engine.train import FinishedEarly, RateCut, TrainConfig, Validated, train

from .conftest import ROOT, synthetic_text


def _data(base, docs_dir):
    return prepare_documents(base, collect([docs_dir]).documents, seed=0)


def test_kl_is_zero_for_the_base_and_positive_once_gains_move(tiny_base):
    rep = Replay(tiny_base.replay_tokens, tiny_base.model, tiny_base.config.context_length, seed=0, rows=3)
    x, tg = rep.next("cpu")
    model = tiny_base.fresh_model()
    with torch.no_grad():
        assert abs(float(kl_to_base(model(x), tg))) < 1e-5
        model.final_norm.weight.mul_(1.5)
        assert float(kl_to_base(model(x), tg)) > 1e-3


def test_kl_matches_the_full_kl_when_k_covers_the_vocabulary(tiny_base, monkeypatch):
    # With every token in the top-k, the coarsened KL is the exact KL.
    monkeypatch.setattr(anchor_mod, "TOP_K", tiny_base.config.vocab_size)
    rep = Replay(tiny_base.replay_tokens, tiny_base.model, tiny_base.config.context_length, seed=0, rows=2)
    x, tg = rep.next("cpu")
    model = tiny_base.fresh_model()
    with torch.no_grad():
        model.blocks[0].ffn_norm.weight.mul_(0.5)
        p = torch.log_softmax(tiny_base.model(x).float(), -1)
        q = torch.log_softmax(model(x).float(), -1)
        exact = (p.exp() * (p - q)).sum(-1).mean()
        assert float(kl_to_base(model(x), tg)) == pytest.approx(float(exact), rel=1e-3, abs=1e-6)


def test_replay_uses_every_row_before_repeating(tiny_base):
    rep = Replay(tiny_base.replay_tokens, tiny_base.model, tiny_base.config.context_length, seed=1, rows=4)
    seen = []
    for _ in range(len(rep) // 4):
        x, _ = rep.next("cpu")
        seen += [tuple(r.tolist()) for r in x]
    assert len(set(seen)) == len(rep)


def test_dual_ascent_raises_lambda_over_the_limit_and_lowers_it_under():
    g = DriftGuard(0.03, lam=4.0)
    assert g.update(0.06) > 4.0
    lam = g.lam
    assert g.update(0.0) < lam
    assert DriftGuard(None).lam == 0.0 and DriftGuard(None).allows(5.0)


def _releases():
    return [r.folder for r in releases()]


@pytest.mark.parametrize("folder", _releases(), ids=lambda p: p.name)
def test_shipped_replay_and_reference_sets_do_not_overlap(folder):
    from safetensors.torch import load_file
    ref = load_file(str(folder / "reference.safetensors"))["tokens"].long()
    rep = load_file(str(folder / "replay.safetensors"))["tokens"].long()
    assert ref.shape[0] >= 64 and rep.shape[0] >= 128
    n = 32   # no 32-token span of one set appears in the other
    spans = {tuple(r[i:i + n].tolist()) for r in ref for i in range(1, r.numel() - n, 8)}
    for r in rep:
        for i in range(1, r.numel() - n):
            assert tuple(r[i:i + n].tolist()) not in spans


def _hot_config(**kw):
    # A rate high enough that the unguarded run drifts a lot within a few steps.
    return replace(TrainConfig(method="norm", lr=0.3, minutes=1, validate_every_steps=3, adapt=False), **kw)


def test_the_kept_step_respects_the_limit(tiny_base, docs_dir):
    data = _data(tiny_base, docs_dir)
    free = train(tiny_base, data, _hot_config(max_steps=15, max_drift=None))
    assert free.general_drift > 0.01       # without a limit the gains pull away from the base
    events = []
    guarded = train(tiny_base, data, _hot_config(max_steps=15, max_drift=0.002), on_event=events.append)
    assert guarded.general_drift <= 0.002
    checks = [e for e in events if isinstance(e, Validated)]
    kept = [e for e in checks if e.step == guarded.best_step][-1]
    assert kept.within_limit
    assert all(e.within_limit for e in checks if e.best)
    assert guarded.max_drift == 0.002
    meta = adapter_metadata(guarded, tiny_base)
    assert meta["max_drift"] == 0.002 and meta["general_drift"] == round(guarded.general_drift, 6)
    assert "anchor_lambda" in meta
    assert "max_drift" not in adapter_metadata(free, tiny_base)


def test_the_anchor_holds_drift_down_at_the_same_rate(tiny_base, docs_dir, monkeypatch):
    # A random tiny base has almost flat predictions, so its KL is small: a large
    # lambda makes the pull visible within a dozen steps.
    monkeypatch.setattr(anchor_mod, "LAMBDA_START", 300.0)
    data = _data(tiny_base, docs_dir)
    cfg = _hot_config(max_steps=12, select_best=False)
    free = train(tiny_base, data, replace(cfg, max_drift=None))
    anchored = train(tiny_base, data, replace(cfg, max_drift=0.01))
    assert anchored.anchor_lambda > 0
    assert anchored.general_drift < free.general_drift * 0.8


def test_the_general_set_never_reaches_a_decision(tiny_base, docs_dir, monkeypatch):
    """The reported general set is only scored before and after: the run with it
    and without it keeps the same step and the same weights."""
    data = _data(tiny_base, docs_dir)
    general = eval_set_from_texts([synthetic_text(600, seed=99)], tiny_base.tokenizer, 64)
    scored = []
    real = train_mod.evaluate
    spy = lambda m, es, *a, **k: (scored.append(es), real(m, es, *a, **k))[1]
    from desktop.engine import measure as measure_mod
    measure_mod._CACHES.clear()        # the base's scores are remembered per process: measure them here
    monkeypatch.setattr(train_mod, "evaluate", spy)
    monkeypatch.setattr(measure_mod, "evaluate", spy)
    cfg = TrainConfig(method="norm", lr=0.05, max_steps=20, minutes=1, validate_every_steps=4)
    with_g = train(tiny_base, data, cfg, general)
    assert sum(es is general for es in scored) == 2       # once before, once after
    without = train(tiny_base, data, cfg, None)
    assert with_g.best_step == without.best_step and with_g.best_step > 0
    for k in with_g.tensors:
        assert torch.equal(with_g.tensors[k], without.tensors[k])


def test_early_finish_fires_on_a_flat_run(tiny_base, docs_dir):
    data = _data(tiny_base, docs_dir)
    events = []
    r = train(tiny_base, data, TrainConfig(method="norm", lr=1e-12, minutes=1, validate_every_steps=2),
              on_event=events.append)
    assert r.stopped_early and not r.learned
    assert sum(isinstance(e, RateCut) for e in events) == train_mod.RATE_CUTS
    assert any(isinstance(e, FinishedEarly) for e in events)
    assert r.seconds < 50


def test_early_finish_does_not_fire_while_validation_improves(tiny_base, tmp_path):
    # Train and validation are the same regular "style": validation keeps improving.
    d = tmp_path / "same"
    d.mkdir()
    for i in range(8):
        (d / f"n{i}.txt").write_text(synthetic_text(700, seed=i), encoding="utf-8")
    data = prepare_documents(tiny_base, collect([d]).documents, seed=0)
    events = []
    r = train(tiny_base, data, TrainConfig(method="full", lr=3e-3, max_steps=24, minutes=1,
                                           validate_every_steps=4, max_drift=None), on_event=events.append)
    vals = [e.loss for e in events if isinstance(e, Validated)]
    assert vals[-1] < vals[0]
    assert not r.stopped_early and r.steps == 24
    assert not any(isinstance(e, (FinishedEarly, RateCut)) for e in events)


def test_a_plateau_goes_back_to_the_best_step_at_a_lower_rate(tiny_base, docs_dir):
    data = _data(tiny_base, docs_dir)
    events = []
    r = train(tiny_base, data, TrainConfig(method="norm", lr=5.0, minutes=1, validate_every_steps=2,
                                           max_steps=40, max_drift=None), on_event=events.append)
    cuts = [e for e in events if isinstance(e, RateCut)]
    assert cuts and cuts[0].lr == pytest.approx(5.0 / 3)
    assert r.final_lr < 5.0


def test_protocols_bet49_and_tuned_run_without_the_guard():
    for name in ("bet49", "tuned"):
        cfg = TrainConfig(protocol=name).with_protocol()
        assert cfg.max_drift is None and not cfg.adapt
    assert TrainConfig().max_drift == 0.03 and TrainConfig(protocol="anchored").with_protocol().adapt


def test_without_adapt_a_flat_run_keeps_its_rate_and_its_budget(tiny_base, docs_dir):
    data = _data(tiny_base, docs_dir)
    events = []
    r = train(tiny_base, data, TrainConfig(method="norm", lr=1e-12, minutes=1, max_steps=16,
                                           validate_every_steps=2, protocol="tuned"), on_event=events.append)
    assert r.steps == 16 and not r.stopped_early and r.final_lr == 1e-12
    assert not any(isinstance(e, (RateCut, FinishedEarly)) for e in events)


def test_the_command_line_warns_in_words_when_general_text_drifts(tiny_base_dir, docs_dir, capsys, tmp_path,
                                                                   monkeypatch):
    from desktop import cli
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    args = ["train", str(docs_dir), "--base", str(tiny_base_dir), "--lr", "1.0", "--steps", "25",
            "--minutes", "1", "--out", str(tmp_path / "a.safetensors"), "--json"]
    assert cli.main(args + ["--max-drift", "none"]) == 0
    free = capsys.readouterr()
    assert "Warning: general text got" in free.err and "Training ran with no limit" in free.err
    assert cli.main(args + ["--force"]) == 0          # the default 3% limit
    guarded = capsys.readouterr()
    assert "Warning" not in guarded.err
    import json
    out = json.loads(guarded.out)
    assert out["max_drift"] == 0.03 and (out["general_drift"] or 0) <= 0.03

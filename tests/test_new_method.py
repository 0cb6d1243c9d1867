"""A fourth method touches one place (issue 24, item 3): an IA3-style method
(learned scales on the keys, values and FFN up-projection), defined here and
registered with adapters.register(), trains, saves and opens through the
engine, and appears in the window's comparison, the command line's --method
and the shootout, with no other edit."""
import argparse
import math

import pytest
import torch
import torch.nn as nn

from desktop.engine import adapters, api, methods
from desktop.engine.adapters import Method, _get, _set
from desktop.engine.methods import Spec
from desktop.engine.model import weight_shapes

TARGETS = ("attn.k", "attn.v", "ffn.up")


class Scaled(nn.Module):
    def __init__(self, base: nn.Linear):
        super().__init__()
        self.base, self.scale = base, nn.Parameter(torch.ones(base.out_features, device=base.weight.device))

    def forward(self, x):
        return self.base(x) * self.scale


class IA3(Method):
    spec = Spec("ia3", "IA3 scales", lr=1e-2, colour="#2b8a3e")

    def _names(self, cfg):
        return [f"blocks.{i}.{t}" for i in range(cfg.n_layers) for t in TARGETS]

    def unfreeze(self, model, seed):
        for n in self._names(model.cfg):
            m = _get(model, n)
            if not isinstance(m, Scaled):
                m = Scaled(m)
                _set(model, n, m)
            m.scale.requires_grad_(True)

    def extract(self, model):
        return {f"{n}.ia3": _get(model, n).scale.detach().float().cpu().clone() for n in self._names(model.cfg)}

    def shapes(self, cfg):
        w = weight_shapes(cfg)
        return {f"{n}.ia3": (w[f"{n}.weight"][0],) for n in self._names(cfg)}

    def apply(self, model, tensors):
        self.unfreeze(model, 0)
        for n in self._names(model.cfg):
            _get(model, n).scale.copy_(tensors[f"{n}.ia3"])


@pytest.fixture
def ia3():
    m = adapters.register(IA3())
    yield m
    adapters.unregister("ia3")
    assert "ia3" not in methods.names()


def test_a_registered_method_is_offered_by_the_window_the_command_line_and_the_shootout(ia3, monkeypatch, tmp_path):
    from desktop.cli.main import build_parser
    from desktop.research import shootout
    from desktop.ui.training_step import comparison_methods
    from desktop.ui.words import method_name
    assert comparison_methods()[-1] == "ia3" and method_name("ia3") == "IA3 scales"
    assert build_parser().parse_args(["train", "docs", "--method", "ia3"]).method == "ia3"
    assert build_parser().parse_args(["class", "lab", "--method", "ia3"]).method == "ia3"
    ran = []
    monkeypatch.setattr(shootout, "_cached_before", lambda *a: None)
    monkeypatch.setattr(shootout, "_one_run", lambda args, base, data, general, before, user, method, seed, out:
                        ran.append(method) or {"user": user, "method": method})
    (tmp_path / "cache").mkdir()
    args = argparse.Namespace(only=None, seeds=1, protocol="tuned", max_drift=None, quick=True)
    shootout._run_all(args, None, None, ["u"], {"u": None}, tmp_path)
    assert ran == ["norm", "lora", "full", "ia3"]


def test_a_registered_method_trains_saves_and_opens_with_no_other_edit(ia3, tiny_base, docs_dir, tmp_path):
    data = api.prepare_documents(tiny_base, api.collect([docs_dir]).documents, seed=0)
    cfg = api.TrainConfig(max_steps=2, minutes=1, select_best=False, max_drift=None)
    results = api.compare(tiny_base, data, cfg)              # every registered method by default
    assert [r.method for r in results] == ["norm", "lora", "full", "ia3"]
    r = results[-1]
    assert r.lr == 1e-2 and r.steps == 2 and r.trainable_params == sum(
        math.prod(s) for s in ia3.shapes(tiny_base.config).values())
    path = tmp_path / "ia3.safetensors"
    api.export_adapter(path, r, tiny_base)
    af = api.open_adapter(path, tiny_base)
    assert af.method == "ia3" and set(af.tensors) == set(ia3.shapes(tiny_base.config))
    assert not any(torch.equal(t, torch.ones_like(t)) for t in af.tensors.values())     # it trained

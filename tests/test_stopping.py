"""Long computations a person can leave (issue 30): suggestions, a continuation,
the device probe, scoring and explaining check the stop flag between units of
work, so a closed window ends them after at most one more unit, not minutes later."""
from __future__ import annotations

import pytest
import torch

from desktop.engine import api, device
from desktop.engine.adapter_file import AdapterFile
from desktop.engine.errors import Stopped

from .conftest import synthetic_text


class Flag:
    """should_stop() that turns true after `after` questions, counting them."""

    def __init__(self, after: int):
        self.after, self.asked = after, 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.asked > self.after


def forwards(model) -> list[int]:
    calls = [0]
    model.register_forward_pre_hook(lambda m, a: calls.__setitem__(0, calls[0] + 1))
    return calls


def test_suggestions_stop_between_search_steps(tiny_base, monkeypatch):
    models = []
    real = api.model_with
    monkeypatch.setattr(api, "model_with", lambda *a, **k: models.append(real(*a, **k)) or models[-1])
    assert api.next_words(tiny_base, "The river", should_stop=Flag(10**6))      # runs to the end untouched
    calls = forwards(models[-1].blocks[0])
    done = calls[0]
    with pytest.raises(Stopped):
        api.next_words(tiny_base, "The river", should_stop=Flag(1))
    assert calls[0] - done <= 2, "it went on searching after being asked to stop"


def test_a_continuation_stops_between_tokens(tiny_base, monkeypatch):
    flag = Flag(3)
    with pytest.raises(Stopped):
        api.generate(tiny_base, "The river", max_new_tokens=40, should_stop=flag)
    assert flag.asked == 4


def test_the_thread_probe_stops_between_rounds(monkeypatch):
    flag = Flag(2)
    with pytest.raises(Stopped):
        device._probe_seconds(1, 60.0, flag)
    assert flag.asked == 3
    monkeypatch.setattr(device, "usable_cpus", lambda: 4)
    with pytest.raises(Stopped):
        device.detect("cpu", should_stop=lambda: True)


def test_scoring_and_explaining_stop_at_the_next_window(tiny_base, monkeypatch):
    long_text = [synthetic_text(3000, seed=5)]
    r = api.evaluate_texts(tiny_base, long_text, should_stop=Flag(1))
    full = api.evaluate_texts(tiny_base, long_text)
    assert 0 < r.tokens < full.tokens
    calls = [0]
    real = api.model_with

    def counted(*a, **k):
        m = real(*a, **k)
        m.register_forward_pre_hook(lambda mod, inp: calls.__setitem__(0, calls[0] + 1))
        return m
    monkeypatch.setattr(api, "model_with", counted)
    gains = {n: torch.ones(tiny_base.config.d_model) * 1.01 for n in tiny_base.model.norm_names()}
    adapter = AdapterFile(method="norm", tensors=gains, metadata={"base_sha256": tiny_base.sha256})
    api.explain(tiny_base, adapter, long_text[0])
    whole = calls[0]
    assert whole >= 4                       # two models, several windows each
    calls[0] = 0
    api.explain(tiny_base, adapter, long_text[0], should_stop=Flag(1))
    assert calls[0] <= 2, "it scored windows after being asked to stop"

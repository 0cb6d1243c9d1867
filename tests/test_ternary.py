"""A ternary base release (the federation's wire format): the projections are
packed at 1.6 bits per weight, unpack to exactly {-s, 0, +s}, and the release
loads, personalises, evaluates, generates and exports like any other, while
never becoming the default and opening only the adapters made on it."""
from __future__ import annotations

import shutil

import pytest
import torch

from desktop.cli import main
from desktop.engine import ternary as tern
from desktop.engine.adapter_file import AdapterFileError
from desktop.engine.api import (collect, evaluate_texts, export_adapter, open_adapter, open_adapter_with_its_base,
                                personalise, prepare_documents)
from desktop.engine.base import BaseModelError, load_base, releases
from desktop.engine.model import weight_shapes
from desktop.engine.release_sets import REFERENCE_ROWS, REFERENCE_SEED, sample_rows
from desktop.engine.train import TrainConfig

from .conftest import synthetic_text

TINY = ["--d-model", "32", "--n-layers", "1", "--n-heads", "2", "--ffn-dim", "64", "--context-length", "32",
        "--batch-size", "4", "--stdlib-mb", "0", "--no-compile", "--device", "cpu", "--warmup-steps", "2",
        "--threads", "1"]


@pytest.mark.parametrize("n", [1, 4, 5, 6, 999, 4096])
def test_packing_round_trips_every_length(n):
    g = torch.Generator().manual_seed(n)
    trits = torch.randint(-1, 2, (n,), generator=g).to(torch.int8)
    packed = tern.pack_trits(trits)
    assert packed.dtype == torch.uint8 and len(packed) == -(-n // 5)     # 1.6 bits per weight
    assert torch.equal(tern.unpack_trits(packed, (n,)), trits)


def test_unpacking_refuses_a_wrong_size_or_an_impossible_byte():
    packed = tern.pack_trits(torch.zeros(10, dtype=torch.int8))
    with pytest.raises(ValueError):
        tern.unpack_trits(packed, (11,))
    with pytest.raises(ValueError):
        tern.unpack_trits(torch.tensor([243, 0], dtype=torch.uint8), (10,))


def test_absmean_ternarising_by_hand():
    w = torch.tensor([[0.3, -0.05, -0.9], [0.0, 0.6, 0.15]])
    scale = w.abs().mean()                                  # 2.0 / 6
    trits, s = tern.ternarize(w)
    assert torch.isclose(s, scale)
    assert trits.tolist() == [[1, 0, -1], [0, 1, 0]]        # 0.15/0.333 = 0.45 rounds to 0


def test_the_forward_pass_is_ternary_and_the_gradient_goes_straight_through():
    torch.manual_seed(0)
    layer = tern.TernaryLinear(8, 4)
    x = torch.randn(3, 8)
    y = layer(x)
    q = tern.quantised(layer.weight.detach())
    assert torch.allclose(y, x @ q.T, atol=1e-6)
    y.sum().backward()
    assert torch.allclose(layer.weight.grad, torch.ones(3, 4).T @ x, atol=1e-6)   # d(xW^T)/dW, unrounded
    layer.weight.grad = None
    tern.set_mix([layer], 0.0)                              # start of a warm-up: the latent weight
    assert torch.allclose(layer(x), x @ layer.weight.detach().T, atol=1e-6)


@pytest.fixture(scope="module")
def releases_dir(tmp_path_factory):
    """root/normfit-test-f-1 (full precision) and root/normfit-test-t-1 (its ternary continuation)."""
    tmp = tmp_path_factory.mktemp("ternary")
    corpus = tmp / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"p{i}.txt").write_text(synthetic_text(3000, seed=60 + i), encoding="utf-8")
    root = tmp / "releases"
    full, tern_out = root / "normfit-test-f-1", root / "normfit-test-t-1"
    assert main(["pretrain", "--corpus", str(corpus), "--out", str(full), "--work", str(tmp / "w1"),
                 "--minutes", "0.03", "--base-id", "normfit-test-f-1", "--vocab-size", "300", *TINY]) == 0
    assert main(["pretrain", "--corpus", str(corpus), "--out", str(tern_out), "--work", str(tmp / "w2"),
                 "--minutes", "0.03", "--base-id", "normfit-test-t-1", "--init-from", str(full), "--ternary",
                 "--ternary-warmup-steps", "5", *TINY]) == 0
    return root


def test_the_release_is_packed_and_unpacks_to_three_values_per_matrix(releases_dir):
    folder = releases_dir / "normfit-test-t-1"
    base = load_base(folder)
    assert base.info["weights_format"] == tern.FORMAT and base.info["training"]["ternary"]["warmup_steps"] == 5
    for name, w in base.state.items():
        values = w.unique()
        if tern.is_projection(name):
            assert len(values) <= 3 and torch.allclose(values.abs().max(), -values.min()), name
        elif w.dim() == 2:                                  # the embedding keeps full precision
            assert len(values) > 3
    packed_bytes = (folder / "model.safetensors").stat().st_size
    full_bytes = (releases_dir / "normfit-test-f-1" / "model.safetensors").stat().st_size
    assert packed_bytes < full_bytes
    shapes = weight_shapes(base.config)
    ternary_weights = sum(torch.Size(s).numel() for n, s in shapes.items() if tern.is_projection(n))
    others = sum(torch.Size(s).numel() for n, s in shapes.items() if not tern.is_projection(n))
    # fp32 for the rest, 1.6 bits per ternary weight, plus the safetensors header.
    assert packed_bytes < 4 * others + ternary_weights * 1.6 / 8 + 4096
    assert "Ternary weights" in (folder / "MODEL_CARD.md").read_text(encoding="utf-8")


def test_the_guards_sets_are_sampled_from_the_ternary_weights_as_served(releases_dir):
    base = load_base(releases_dir / "normfit-test-t-1")
    again = sample_rows(base.model, base.tokenizer.eot_id, REFERENCE_ROWS, REFERENCE_SEED)
    assert torch.equal(again, base.reference_tokens)


def test_a_ternary_release_is_never_the_default_but_can_be_chosen(releases_dir):
    found = releases(releases_dir)
    assert {r.base_id: r.ternary for r in found} == {"normfit-test-f-1": False, "normfit-test-t-1": True}
    assert load_base(releases_dir).base_id == "normfit-test-f-1"
    assert load_base(releases_dir / "normfit-test-t-1").base_id == "normfit-test-t-1"


def test_an_adapter_on_the_ternary_base_learns_and_opens_only_with_it(releases_dir, tmp_path):
    from tests.test_ui import writing      # a voice unlike the pretraining text: something to learn
    tb = load_base(releases_dir / "normfit-test-t-1")
    fb = load_base(releases_dir / "normfit-test-f-1")
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        (docs / f"d{i}.txt").write_text(writing(i, 900), encoding="utf-8")
    data = prepare_documents(tb, collect([docs]).documents)
    r = personalise(tb, data, TrainConfig(method="norm", lr=0.05, max_steps=30, minutes=1,
                                          select_best=False, max_drift=None))
    path = tmp_path / "mine.safetensors"
    export_adapter(path, r, tb)
    af = open_adapter(path, tb)
    assert af.base_sha256 == tb.sha256
    text = [writing(99, 400)]
    assert evaluate_texts(tb, text, af).ppl < evaluate_texts(tb, text, None).ppl
    with pytest.raises(AdapterFileError, match="made for a different base model"):
        open_adapter(path, fb)
    assert open_adapter_with_its_base(path, fb)[1].sha256 == tb.sha256     # found among the releases
    out = tb.model.generate(torch.tensor([[tb.tokenizer.eot_id]]), 8, generator=torch.Generator().manual_seed(0))
    assert out.shape == (1, 9)


def test_export_hf_writes_the_served_dense_weights(releases_dir, tmp_path):
    from desktop.engine.hf_export import hf_state_dict
    tb = load_base(releases_dir / "normfit-test-t-1")
    sd = hf_state_dict(tb)
    q = next(v for k, v in sd.items() if k.endswith("q_proj.weight"))
    assert len(q.unique()) <= 3


def test_a_damaged_packed_file_is_refused_in_a_sentence(releases_dir, tmp_path):
    from safetensors.torch import load_file, save_file
    folder = tmp_path / "broken"
    shutil.copytree(releases_dir / "normfit-test-t-1", folder)
    tensors = load_file(str(folder / "model.safetensors"))
    key = next(k for k in tensors if k.endswith(".trits"))
    tensors[key] = tensors[key][:-1].clone()
    save_file(tensors, str(folder / "model.safetensors"))
    cfg = (folder / "config.json").read_text(encoding="utf-8")
    import json
    info = json.loads(cfg)
    info.pop("base_sha256")                 # past the checksum: the unpacking itself must refuse
    (folder / "config.json").write_text(json.dumps(info), encoding="utf-8")
    with pytest.raises(BaseModelError, match="damaged"):
        load_base(folder)


def test_ternary_without_a_release_to_continue_is_one_sentence(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("words " * 50, encoding="utf-8")
    assert main(["pretrain", "--corpus", str(corpus), "--out", str(tmp_path / "o"), "--ternary", *TINY]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--init-from" in err[0]

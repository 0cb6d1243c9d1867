"""The engine, as a person's run would exercise it (tiny base: fast, no assets needed)."""
import math
import time

import pytest
import torch

from desktop.engine import adapters
from desktop.engine.adapter_file import AdapterFileError, MAX_NORM_FILE_BYTES, load_adapter
from desktop.engine.api import (collect, expected_shapes, export_adapter, general_set, open_adapter,
                                prepare_documents)
from desktop.engine.data import NotEnoughText, split_documents
from desktop.engine.documents import Document
from desktop.engine.train import StepDone, TrainConfig, train

from .conftest import synthetic_text


def _data(base, docs_dir, seed=0):
    return prepare_documents(base, collect([docs_dir]).documents, seed=seed)


def test_tokenizer_round_trips_any_script(tiny_base):
    tok = tiny_base.tokenizer
    for s in ["plain English.", "മലയാളം ഭാഷ", "emoji 😀 and café — “quotes”", "\t code(x) != y\n"]:
        assert tok.decode(tok.encode(s)) == s


def test_norm_only_leaves_every_other_tensor_bit_identical(tiny_base, docs_dir):
    data = _data(tiny_base, docs_dir)
    r = train(tiny_base, data, TrainConfig(method="norm", max_steps=4, minutes=1, lr=0.05, select_best=False))
    assert r.steps == 4
    model = tiny_base.fresh_model()
    adapters.apply(model, "norm", r.tensors)
    norm_keys = {f"{n}.weight" for n in model.norm_names()}
    changed = 0
    for k, v in model.state_dict().items():
        if k in norm_keys:
            changed += int(not torch.equal(v, tiny_base.state[k]))
        else:
            assert torch.equal(v, tiny_base.state[k]), k
    assert changed == len(norm_keys)          # every gain moved
    assert r.trainable_params == tiny_base.config.n_norm_gains


def test_lora_is_the_base_at_step_zero(tiny_base):
    m0 = tiny_base.fresh_model()
    m1 = tiny_base.fresh_model()
    params = adapters.prepare(m1, "lora", seed=3)
    x = torch.randint(0, tiny_base.config.vocab_size, (2, 16))
    assert torch.equal(m0(x), m1(x))
    # Only the low-rank factors train: r*(in+out) for Q,K,V,O and the three FFN matrices.
    c = tiny_base.config
    per_layer = 4 * 4 * (2 * c.d_model) + 3 * 4 * (c.d_model + c.ffn_dim)
    assert sum(p.numel() for p in params) == per_layer * c.n_layers


def test_lora_training_changes_output_but_not_base_weights(tiny_base, docs_dir):
    data = _data(tiny_base, docs_dir)
    r = train(tiny_base, data, TrainConfig(method="lora", max_steps=3, minutes=1, lr=1e-2, select_best=False))
    m = tiny_base.fresh_model()
    adapters.apply(m, "lora", r.tensors)
    sd = adapters.plain_state_dict(m)
    assert all(torch.equal(sd[k], tiny_base.state[k]) for k in tiny_base.state)
    x = torch.randint(0, tiny_base.config.vocab_size, (1, 16))
    assert not torch.equal(m(x), tiny_base.fresh_model()(x))


def test_training_is_deterministic_for_a_seed(tiny_base, docs_dir):
    data = _data(tiny_base, docs_dir)
    cfg = TrainConfig(method="norm", max_steps=3, minutes=1, seed=7)
    a, b = train(tiny_base, data, cfg), train(tiny_base, data, cfg)
    assert all(torch.equal(a.tensors[k], b.tensors[k]) for k in a.tensors)
    c = train(tiny_base, data, TrainConfig(method="norm", max_steps=3, minutes=1, seed=8, select_best=False))
    assert any(not torch.equal(a.tensors[k], c.tensors[k]) for k in a.tensors)


def test_budget_is_respected_including_evaluation(tiny_base, docs_dir):
    data = _data(tiny_base, docs_dir)
    general, _ = general_set(tiny_base)
    budget_s = 6.0
    t0 = time.monotonic()
    r = train(tiny_base, data, TrainConfig(method="full", minutes=budget_s / 60), general)
    wall = time.monotonic() - t0
    assert r.steps >= 2               # it did train
    # and stopped on time, after-evaluation included (slack for a busy machine)
    assert wall < budget_s + 3.0
    assert r.heldout_after is not None


def test_cancel_stops_within_one_step(tiny_base, docs_dir):
    data = _data(tiny_base, docs_dir)
    seen = []

    def on_event(e):
        if isinstance(e, StepDone):
            seen.append(e.step)
    r = train(tiny_base, data, TrainConfig(method="norm", minutes=1), on_event=on_event,
              should_stop=lambda: len(seen) >= 2)
    assert r.cancelled and r.steps == 2
    assert r.heldout_after is None            # nothing claimed about an unfinished run
    assert set(r.tensors) == set(tiny_base.fresh_model().norm_names())


def test_selection_uses_validation_never_heldout(tiny_base, docs_dir):
    data = _data(tiny_base, docs_dir)
    # Poison the held-out set: if it influenced step choice, the chosen step would change.
    r1 = train(tiny_base, data, TrainConfig(method="norm", max_steps=10, minutes=1, lr=0.05))
    data.heldout.targets[:] = -100
    r2 = train(tiny_base, data, TrainConfig(method="norm", max_steps=10, minutes=1, lr=0.05))
    assert r1.best_step == r2.best_step
    assert all(torch.equal(r1.tensors[k], r2.tensors[k]) for k in r1.tensors)
    assert r1.validation and r1.validation[0][0] == 0


def test_split_by_document_is_deterministic_and_disjoint():
    docs = [Document(f"/d/{i}.txt", "Text", synthetic_text(400, i)) for i in range(8)]
    a, b = split_documents(docs, seed=1), split_documents(docs, seed=1)
    assert a == b and a.by == "document"
    assert not set(a.train) & set(a.heldout) and not set(a.validation) & set(a.heldout)
    assert len(a.train) + len(a.validation) + len(a.heldout) == 8
    assert split_documents(docs, seed=2) != a


def test_split_of_few_documents_uses_tail_slices():
    docs = [Document("/d/a.txt", "Text", synthetic_text(2000, 1))]
    s = split_documents(docs, seed=0)
    assert s.by == "tail slices"
    text = docs[0].text
    assert text.endswith(s.heldout[0]) and text.startswith(s.train[0])
    assert s.train[0] + s.validation[0] + s.heldout[0] == text


def test_explicit_heldout_is_used_as_given():
    docs = [Document("/d/a.txt", "Text", synthetic_text(2000, 1))]
    held = [Document("/d/h.txt", "Text", "held out words " * 50)]
    s = split_documents(docs, heldout=held)
    assert s.heldout == [held[0].text] and s.by == "explicit held-out"
    assert held[0].text not in "".join(s.train + s.validation)


def test_too_little_text_says_how_much_more():
    docs = [Document("/d/a.txt", "Text", "just a few words " * 100)]
    with pytest.raises(NotEnoughText, match=r"400 words.*Add about 1,100 more words"):
        split_documents(docs)


def test_adapter_round_trip_and_size(tiny_base, docs_dir, tmp_path):
    data = _data(tiny_base, docs_dir)
    general, glabel = general_set(tiny_base)
    r = train(tiny_base, data, TrainConfig(method="norm", max_steps=3, minutes=1, lr=0.05), general)
    path = tmp_path / "me.safetensors"
    n = export_adapter(path, r, tiny_base, label="x" * 40, general_label=glabel)
    assert n == path.stat().st_size
    af = open_adapter(path, tiny_base)
    assert af.method == "norm" and af.base_sha256 == tiny_base.sha256
    for k, v in r.tensors.items():
        assert torch.equal(af.tensors[k], v.half().float())
    assert float(af.metadata["heldout_ppl_after"]) == pytest.approx(r.heldout_after.ppl, rel=1e-5)
    with pytest.raises(FileExistsError):
        export_adapter(path, r, tiny_base)


def test_adapter_for_real_base_fits_in_9216_bytes(real_base, tmp_path):
    names = real_base.model.norm_names()
    tensors = {n: torch.ones(real_base.config.d_model) for n in names}
    from desktop.engine.adapter_file import save_adapter
    meta = {"method": "norm", "base_id": real_base.base_id, "base_sha256": real_base.sha256,
            "created_utc": "2026-11-27T00:00:00Z", "app_version": "0.1.0", "train_tokens": 123456789,
            "steps": 100000, "seconds": 300.0, "lr": 0.012345, "heldout_ppl_before": 123.456789,
            "heldout_ppl_after": 98.7654321, "general_ppl_before": 12345.6789, "general_ppl_after": 12345.6789,
            "heldout_bpb_before": 2.3456, "heldout_bpb_after": 2.1234, "general_bpb_before": 1.9,
            "general_bpb_after": 1.91, "general_set": "reference samples from the base model",
            "label": "L" * 64}
    n = save_adapter(tmp_path / "a.safetensors", tensors, meta)
    assert n <= MAX_NORM_FILE_BYTES


def _saved(tiny_base, tmp_path):
    from desktop.engine.adapter_file import save_adapter
    tensors = {n: torch.ones(tiny_base.config.d_model) * 1.01 for n in tiny_base.model.norm_names()}
    meta = {"method": "norm", "base_id": tiny_base.base_id, "base_sha256": tiny_base.sha256,
            "created_utc": "2026-11-27T00:00:00Z", "app_version": "0.1.0", "train_tokens": 1, "steps": 1,
            "seconds": 1.0, "lr": 0.01, "heldout_ppl_before": 2.0, "heldout_ppl_after": 1.5,
            "general_ppl_before": 3.0, "general_ppl_after": 3.0}
    p = tmp_path / "ok.safetensors"
    save_adapter(p, tensors, meta)
    return p, tensors, meta


def test_refuses_wrong_base(tiny_base, tmp_path):
    from desktop.engine.adapter_file import save_adapter
    p, tensors, meta = _saved(tiny_base, tmp_path)
    other = tmp_path / "other.safetensors"
    save_adapter(other, tensors, {**meta, "base_sha256": "0" * 64, "base_id": "someone-elses-base"})
    with pytest.raises(AdapterFileError, match="made for a different base model"):
        open_adapter(other, tiny_base)
    assert open_adapter(p, tiny_base).method == "norm"


@pytest.mark.parametrize("tamper, message", [
    (lambda b: b.replace(b'"normfit.adapter"', b'"normfit.xdapter"'), "not a NormFit adapter"),
    (lambda b: b.replace(b'"format_version":"1"', b'"format_version":"7"'), "format version"),
    (lambda b: b[:-10], "damaged or cut short"),
    (lambda b: b"GIF89a" + b"\0" * 200, "not a NormFit adapter"),
    (lambda b: b"\x10\x00\x00\x00\x00\x00\x00\x00{not json at all", "not a NormFit adapter"),
])
def test_refuses_tampered_files(tiny_base, tmp_path, tamper, message):
    p, _, _ = _saved(tiny_base, tmp_path)
    bad = tmp_path / "bad.safetensors"
    bad.write_bytes(tamper(p.read_bytes()))
    with pytest.raises(AdapterFileError, match=message):
        open_adapter(bad, tiny_base)


def test_refuses_nan_and_misshaped_tensors(tiny_base, tmp_path):
    from desktop.engine.adapter_file import save_adapter
    _, tensors, meta = _saved(tiny_base, tmp_path)
    name = next(iter(tensors))
    nan = dict(tensors)
    nan[name] = nan[name].clone()
    nan[name][3] = float("nan")
    save_adapter(tmp_path / "nan.safetensors", nan, meta)
    with pytest.raises(AdapterFileError, match="not numbers"):
        open_adapter(tmp_path / "nan.safetensors", tiny_base)
    short = dict(tensors)
    short[name] = short[name][:-1]
    save_adapter(tmp_path / "short.safetensors", short, meta)
    with pytest.raises(AdapterFileError, match="does not fit the base model"):
        open_adapter(tmp_path / "short.safetensors", tiny_base)
    missing = dict(tensors)
    del missing[name]
    save_adapter(tmp_path / "missing.safetensors", missing, meta)
    with pytest.raises(AdapterFileError, match="lacks"):
        open_adapter(tmp_path / "missing.safetensors", tiny_base)


def test_refuses_oversized_file_without_reading_it(tiny_base, tmp_path):
    big = tmp_path / "big.safetensors"
    with big.open("wb") as f:
        f.truncate(10 * 1024 * 1024)
    with pytest.raises(AdapterFileError, match="at most 65,536 bytes"):
        open_adapter(big, tiny_base)


def test_general_set_from_jsonl_and_text(tiny_base, tmp_path):
    j = tmp_path / "g.jsonl"
    j.write_text('{"text": "one document here"}\n{"text": "and another"}\n', encoding="utf-8")
    es, label = general_set(tiny_base, j)
    assert es.n_bytes == len("one document here") + len("and another") and label == "g.jsonl"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"nope": 1}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="Line 1 of bad.jsonl"):
        general_set(tiny_base, bad)


def test_bits_per_byte_matches_its_definition(tiny_base):
    from desktop.engine.api import evaluate_texts
    text = synthetic_text(300, 5)
    r = evaluate_texts(tiny_base, [text])
    assert r.bytes == len(text.encode("utf-8"))
    assert r.tokens == len(tiny_base.tokenizer.encode(text))
    assert r.bpb == pytest.approx(r.loss * r.tokens / math.log(2) / r.bytes)

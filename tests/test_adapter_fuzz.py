"""Whatever bytes someone hands NormFit as an adapter, loading ends quickly in
either a valid adapter or one clear sentence (AdapterFileError): never another
exception, never a hang, never unpickling.

The base is a tiny randomly initialised model built here, so these tests do
not need assets/base.
"""
from __future__ import annotations

import json
import os
import pickle
import struct
import threading
from datetime import timedelta

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop.engine import adapters
from desktop.engine.adapter_file import (FORMAT, FORMAT_VERSION, MAX_LOAD_BYTES, AdapterFile, AdapterFileError,
                                         load_adapter, parse, save_adapter, to_bytes)
from desktop.engine.model import ModelConfig, Transformer

FUZZ = settings(max_examples=300, deadline=timedelta(seconds=2), derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SHA = "ab" * 32


def tiny_model() -> Transformer:
    torch.manual_seed(0)
    return Transformer(ModelConfig(vocab_size=64, d_model=64, n_layers=2, n_heads=2, ffn_dim=128,
                                   context_length=32))


MODEL = tiny_model()
EXPECTED = adapters.expected_shapes(MODEL.cfg, "norm")


def metadata(**over) -> dict:
    meta = {"format": FORMAT, "format_version": FORMAT_VERSION, "method": "norm", "base_id": "tiny-test",
            "base_sha256": SHA, "created_utc": "2026-01-01T00:00:00Z", "app_version": "0.1.0",
            "train_tokens": 1000, "steps": 10, "seconds": 1.5, "lr": 0.01, "heldout_ppl_before": 50.0,
            "heldout_ppl_after": 40.0, "general_ppl_before": 60.0, "general_ppl_after": 60.5}
    meta.update(over)
    return meta


def gains() -> dict[str, torch.Tensor]:
    g = adapters.extract(MODEL, "norm")
    return {k: v + 0.01 * torch.arange(v.numel()).float() / v.numel() for k, v in g.items()}


VALID = to_bytes(gains(), metadata())


def assert_refused_or_valid(data: bytes, expected=EXPECTED) -> AdapterFile | None:
    """The property every input must have."""
    try:
        af = parse(data, expected)
    except AdapterFileError as e:
        msg = str(e)
        assert msg and "\n" not in msg and len(msg) < 400, msg
        assert msg.rstrip().endswith((".", "NormFit.")), msg
        return None
    for t in af.tensors.values():
        assert torch.isfinite(t).all()
    return af


def with_header(header: dict, body: bytes = b"", n: int | None = None) -> bytes:
    raw = json.dumps(header).encode("utf-8")
    return struct.pack("<Q", len(raw) if n is None else n) + raw + body


# ------------------------------------------------------------------ the valid file still loads
def test_a_valid_adapter_loads_and_fits_the_tiny_base():
    af = assert_refused_or_valid(VALID)
    assert af is not None and af.method == "norm"
    assert set(af.tensors) == set(EXPECTED)
    assert len(VALID) <= 9216


# ------------------------------------------------------------------ random and mutated bytes
@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes_are_refused(data):
    assert assert_refused_or_valid(data) is None


@FUZZ
@given(st.integers(0, 2**64 - 1), st.binary(max_size=512))
def test_random_header_length_with_random_body(n, rest):
    assert assert_refused_or_valid(struct.pack("<Q", n) + rest) is None


@FUZZ
@given(st.integers(0, len(VALID)))
def test_every_truncation_is_refused(cut):
    assume(cut < len(VALID))
    assert assert_refused_or_valid(VALID[:cut]) is None


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_flipped_bytes_give_a_valid_adapter_or_a_refusal(edits):
    data = bytearray(VALID)
    for pos, val in edits:
        data[pos] = val
    assert_refused_or_valid(bytes(data))


@FUZZ
@given(st.integers(0, len(VALID)), st.binary(min_size=1, max_size=64))
def test_inserted_bytes_give_a_valid_adapter_or_a_refusal(pos, junk):
    assert_refused_or_valid(VALID[:pos] + junk + VALID[pos:])


# ------------------------------------------------------------------ lying headers
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
DIMS = st.integers(-3, 2**65) | st.sampled_from([0, 1, 64, 63, 2**31, 2**63]) | st.booleans() | JSONISH
SPEC = st.fixed_dictionaries({
    "dtype": st.sampled_from(["F16", "F32", "BF16", "F64", "I8", "U8", "BOOL", "f16", ""]) | JSONISH,
    "shape": st.lists(DIMS, max_size=6) | JSONISH,
    "data_offsets": st.lists(st.integers(-5, 2**64) | JSONISH, min_size=0, max_size=3) | JSONISH,
})


@FUZZ
@given(st.dictionaries(st.sampled_from(sorted(EXPECTED)) | st.text(max_size=300), SPEC, max_size=6),
       st.dictionaries(st.text(max_size=30), st.text(max_size=50) | JSONISH, max_size=4),
       st.binary(max_size=1024))
def test_lying_tensor_descriptions_are_refused(tensors, extra_meta, body):
    header = {"__metadata__": {**{k: str(v) for k, v in metadata().items()}, **extra_meta}, **tensors}
    assert_refused_or_valid(with_header(header, body))


@FUZZ
@given(JSONISH)
def test_any_json_header_is_refused(header):
    assert assert_refused_or_valid(with_header(header if isinstance(header, dict) else {"x": header})) is None


@pytest.mark.parametrize("header_text", [
    "[" * 50_000 + "]" * 50_000,                     # nesting deeper than any parser stack
    '{"a": ' + "9" * 20_000 + "}",                   # a number with more digits than Python converts
    '{"__metadata__": {"format": "\\ud800"}}',      # an unpaired surrogate
    '{"__metadata__": ' + json.dumps({**{k: str(v) for k, v in metadata().items()}, "label": "\ud800x"}) + "}",
    "\ufeff{}",                                      # a byte order mark
    '{"__metadata__": null}',
])
def test_pathological_headers_are_refused(header_text):
    raw = header_text.encode("utf-8", "surrogatepass")
    assert assert_refused_or_valid(struct.pack("<Q", len(raw)) + raw) is None


def test_header_length_past_the_end_or_huge_is_refused_without_allocating():
    raw = VALID[8:]
    for n in (len(raw) + 1, MAX_LOAD_BYTES + 1, 2**63, 2**64 - 1):
        with pytest.raises(AdapterFileError, match="not safetensors"):
            parse(struct.pack("<Q", n) + raw)


# ------------------------------------------------------------------ wrong dtypes, shapes, values
@pytest.mark.parametrize("dtype", [torch.float64, torch.bfloat16, torch.int8, torch.int32, torch.uint8,
                                   torch.bool])
def test_wrong_dtypes_are_refused(dtype):
    from safetensors.torch import save
    t = {k: v.to(dtype) for k, v in gains().items()}
    data = save(t, metadata={k: str(v) for k, v in metadata().items()})
    with pytest.raises(AdapterFileError, match="not fp16"):
        parse(data, EXPECTED)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf"), 1e6])
def test_nan_and_inf_are_refused(bad):
    g = gains()
    name = sorted(g)[1]
    g[name][5] = bad     # 1e6 overflows fp16 to inf
    with pytest.raises(AdapterFileError, match="not numbers"):
        parse(to_bytes(g, metadata()), EXPECTED)


@pytest.mark.parametrize("change", ["transpose", "2d", "scalar", "longer", "extra", "missing", "lora-name"])
def test_wrong_shapes_and_names_are_refused(change):
    g = gains()
    name = sorted(g)[0]
    if change == "transpose":
        g[name] = g[name].reshape(8, 8)
    elif change == "2d":
        g[name] = g[name][None, :]
    elif change == "scalar":
        g[name] = g[name][0]
    elif change == "longer":
        g[name] = torch.cat([g[name], g[name][:1]])
    elif change == "extra":
        g["blocks.9.attn_norm"] = g[name].clone()
    elif change == "missing":
        del g[name]
    elif change == "lora-name":
        g["blocks.0.attn.q.lora_A"] = torch.zeros(4, 64)
    with pytest.raises(AdapterFileError, match="does not fit the base model"):
        parse(to_bytes(g, metadata()), EXPECTED)


def test_overlapping_tensors_are_refused():
    header = json.loads(VALID[8:8 + struct.unpack("<Q", VALID[:8])[0]])
    names = [k for k in header if k != "__metadata__"]
    header[names[1]]["data_offsets"] = header[names[0]]["data_offsets"]
    raw = json.dumps(header).encode()
    body = VALID[8 + struct.unpack("<Q", VALID[:8])[0]:]
    with pytest.raises(AdapterFileError, match="overlap"):
        parse(struct.pack("<Q", len(raw)) + raw + body)


# ------------------------------------------------------------------ files on disk
def test_loader_never_unpickles(tmp_path, monkeypatch):
    """A pickle (what torch.save writes) is refused, and nothing on the load
    path ever calls pickle or torch.load."""
    evil = tmp_path / "evil.safetensors"
    with evil.open("wb") as f:
        pickle.dump({"blocks.0.attn_norm": torch.ones(64)}, f)
    torch.save({"x": torch.ones(3)}, tmp_path / "torch.safetensors")

    def forbidden(*a, **k):
        raise AssertionError("the adapter loader unpickled something")
    monkeypatch.setattr(pickle, "loads", forbidden)
    monkeypatch.setattr(pickle, "load", forbidden)
    monkeypatch.setattr(torch, "load", forbidden)
    for p in (evil, tmp_path / "torch.safetensors"):
        with pytest.raises(AdapterFileError, match="not a NormFit adapter"):
            load_adapter(p, SHA, {"norm": EXPECTED})
    good = tmp_path / "good.safetensors"
    good.write_bytes(VALID)
    assert load_adapter(good, SHA, {"norm": EXPECTED}).method == "norm"


def test_a_huge_file_is_refused_without_being_read(tmp_path):
    big = tmp_path / "big.safetensors"
    with big.open("wb") as f:
        f.truncate(20 * 2**30)       # 20 GB, sparse: reading it would take minutes
    with pytest.raises(AdapterFileError, match="at most"):
        load_adapter(big)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
def test_a_pipe_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.safetensors"
    os.mkfifo(fifo)
    result = {}

    def attempt():
        try:
            load_adapter(fifo)
        except AdapterFileError as e:
            result["msg"] = str(e)
    t = threading.Thread(target=attempt, daemon=True)
    t.start()
    t.join(5)
    assert not t.is_alive(), "loading a named pipe hung"
    assert "not an ordinary file" in result["msg"]


def test_folder_and_missing_file_are_refused(tmp_path):
    with pytest.raises(AdapterFileError, match="folder"):
        load_adapter(tmp_path)
    with pytest.raises(AdapterFileError, match="no file"):
        load_adapter(tmp_path / "nope.safetensors")


def test_a_file_for_another_base_is_refused(tmp_path):
    p = tmp_path / "a.safetensors"
    save_adapter(p, gains(), metadata())
    with pytest.raises(AdapterFileError, match="made for a different base model"):
        load_adapter(p, "cd" * 32, {"norm": EXPECTED})


def test_fp16_round_trip_is_exact_to_fp16():
    g = gains()
    af = parse(to_bytes(g, metadata()), EXPECTED)
    for k, v in g.items():
        assert np.array_equal(af.tensors[k].numpy(), v.half().float().numpy())

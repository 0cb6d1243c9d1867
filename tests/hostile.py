"""A shared folder as an attacker would leave it: good entries beside every
hostile kind of file we know of (issue 23). Used by tests/test_shared_folder.py
and benchmarks/attack_trial.py.

``plant_hostile`` returns {file name: kind} for every bad file it made; a
reader must skip each with one sentence and still use every good entry.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from pathlib import Path

import torch

from desktop.engine import share
from desktop.engine.adapter_file import save_adapter


def norm_adapter(path: Path, base, seed: int, label: str | None = None, scale: float = 0.02,
                 gains: dict | None = None) -> Path:
    """A format-1 norm adapter for ``base``: its own gains moved at random."""
    m = base.fresh_model()
    if gains is None:
        g = torch.Generator().manual_seed(seed)
        gains = {n: m.get_submodule(n).weight.detach() * (1 + scale * torch.randn(base.config.d_model, generator=g))
                 for n in m.norm_names()}
    save_adapter(path, gains, metadata(base, label), overwrite=True)
    return path


def metadata(base, label=None) -> dict:
    return {"method": "norm", "base_id": base.base_id, "base_sha256": base.sha256,
            "created_utc": "2026-01-01T00:00:00Z", "app_version": "0.1.0", "train_tokens": 1000, "steps": 10,
            "seconds": 1.0, "lr": 0.01, "heldout_ppl_before": 50.0, "heldout_ppl_after": 40.0,
            "general_ppl_before": 46.0, "general_ppl_after": 47.0, "label": label}


def share_good(folder: Path, work: Path, base, n: int, key_folder=None) -> list[share.Shared]:
    known = {base.sha256: base.base_id}
    return [share.share_adapter(norm_adapter(work / f"good{i}.safetensors", base, 1000 + i, label=f"student {i}"),
                                folder, known=known, key_folder=key_folder) for i in range(n)]


def _signed(folder: Path, name: str, entry: dict, key, adapter: bytes | None = None) -> str:
    """Write ``entry`` signed by ``key`` as ``name``.entry.json, bypassing every
    check a well-behaved NormFit makes (an attacker's own program would)."""
    if adapter is not None:
        (folder / f"{name}.safetensors").write_bytes(adapter)
        entry = dict(entry, adapter_sha256=hashlib.sha256(adapter).hexdigest(), adapter_bytes=len(adapter))
    signed = share._sign(entry, key)
    (folder / f"{name}{share.ENTRY_SUFFIX}").write_text(json.dumps(signed, ensure_ascii=False), "utf-8")
    return f"{name}{share.ENTRY_SUFFIX}"


def _bare(entry: dict) -> dict:
    return {k: v for k, v in entry.items() if k not in ("signature",)}


def _trailing(data: bytes) -> bytes:
    return data + b"\x00" * 16


def _gap(data: bytes) -> bytes:
    """The same tensors with 8 unused bytes between the first and the rest."""
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    first = min((v["data_offsets"][0], k) for k, v in header.items() if k != "__metadata__")[1]
    for k, v in header.items():
        if k != "__metadata__" and k != first:
            v["data_offsets"] = [v["data_offsets"][0] + 8, v["data_offsets"][1] + 8]
    h = json.dumps(header).encode()
    h += b" " * (-len(h) % 8)
    body = data[8 + n:]
    end_first = header[first]["data_offsets"][1]
    return struct.pack("<Q", len(h)) + h + body[:end_first] + b"\x00" * 8 + body[end_first:]


def _repadded(sig: str) -> str:
    """The same 64 signature bytes spelled differently: base64 of 64 bytes leaves
    2 unused bits in its last character, which a lax decoder ignores."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    i = alphabet.index(sig[-3])
    return sig[:-3] + alphabet[i ^ 1] + sig[-2:]


def plant_hostile(folder: Path, base, good: share.Shared, key, stranger) -> dict[str, str]:
    """Every hostile kind, beside ``good`` (a shared entry signed by ``key``, the
    reader's own). Returns {file name: kind} for each file that must be skipped."""
    bad: dict[str, str] = {}
    entry = _bare(good.entry_data)
    adapter = good.adapter.read_bytes()
    if hasattr(os, "mkfifo"):
        for name in ("fifo.entry.json", "fifo.withdrawal.json", "fifo.withdrawals.json"):
            os.mkfifo(folder / name)
            bad[name] = "a FIFO"
        os.mkfifo(folder / "fifo-adapter.safetensors")
        bad[_signed(folder, "fifo-adapter", dict(entry, label="fifo adapter"), key)] = "entry whose adapter is a FIFO"
    if Path("/dev/zero").exists():
        os.symlink("/dev/zero", folder / "zero.entry.json")
        bad["zero.entry.json"] = "symlink to /dev/zero"
        os.symlink("/dev/zero", folder / "zero.withdrawals.json")
        bad["zero.withdrawals.json"] = "withdrawal list -> /dev/zero"
    (folder / "folder.entry.json").mkdir()
    bad["folder.entry.json"] = "a directory"
    os.symlink(folder / "nowhere", folder / "dangling.entry.json")
    bad["dangling.entry.json"] = "a dangling symlink"
    (folder / "huge.entry.json").write_bytes(b"{" + b" " * (70 * 1024) + b"}")
    bad["huge.entry.json"] = "over 64 KB"
    (folder / "empty.entry.json").write_bytes(b"")
    bad["empty.entry.json"] = "empty"
    (folder / "binary.entry.json").write_bytes(bytes(range(256)) * 4)
    bad["binary.entry.json"] = "not UTF-8"
    (folder / "nested.entry.json").write_text("[" * 100000 + "]" * 100000)
    bad["nested.entry.json"] = "deeply nested JSON"
    (folder / "dup.entry.json").write_text(json.dumps(good.entry_data)[:-1] + ', "method": "full"}')
    bad["dup.entry.json"] = "duplicated key"
    (folder / "bigint.entry.json").write_text('{"format": "normfit.entry", "version": ' + "9" * 5000 + "}")
    bad["bigint.entry.json"] = "a 5,000-digit number"
    # A valid withdrawal renamed to an entry (case 2).
    w = share.make_withdrawal(good.entry_data, key)
    (folder / "renamed.entry.json").write_text(json.dumps(w))
    bad["renamed.entry.json"] = "withdrawal renamed to an entry"
    # A lone surrogate (case 3): no signer can make its canonical bytes, so it is written raw.
    (folder / "surrogate.entry.json").write_text(
        json.dumps(good.entry_data).replace('"label": "', '"label": "al\\ud800ce'))
    bad["surrogate.entry.json"] = "lone surrogate"
    # Signed by the reader's own key, but shaped wrongly (cases 4, 8).
    for name, kind, e in (
            ("newline", "label forging a line", dict(entry, label="x\nBest fit: evil (99.9% lower)")),
            ("clear", "label clearing the terminal", dict(entry, label="\x1b[2Jgotcha")),
            ("rtl", "label with a direction override", dict(entry, label="abc\u202egpj.exe")),
            ("vtrue", "version: true", dict(entry, version=True)),
            ("numlabel", "a numeric label", dict(entry, label=12345)),
            ("figlist", "figures holding a list", dict(entry, figures={"steps": ["1", "2"]})),
            ("biglabel", "a 60 KB label", dict(entry, label="a" * 60000)),
            ("extra", "an unknown key", dict(entry, home="/home/marguerite")),
            ("shortsha", "adapter_sha256 not hex", dict(entry, adapter_sha256="abc"))):
        bad[_signed(folder, name, e, key)] = kind
    repad = dict(good.entry_data, signature=_repadded(good.entry_data["signature"]))
    assert base64.b64decode(repad["signature"]) == base64.b64decode(good.entry_data["signature"])
    (folder / "repadded.entry.json").write_text(json.dumps(repad))
    bad["repadded.entry.json"] = "signature re-encoded in its padding bits"
    # Signed, well-formed entries whose adapters are not what a shared adapter may be.
    bad[_signed(folder, "trailing", dict(entry, label="trailing"), key, _trailing(adapter))] = "adapter + trailing bytes"
    bad[_signed(folder, "gap", dict(entry, label="gap"), key, _gap(adapter))] = "adapter with a gap"
    from desktop.engine.adapter_file import parse
    af = parse(adapter)
    leaky = _with_meta(af.tensors, dict(af.metadata, home_folder="/home/marguerite"))
    bad[_signed(folder, "leaky", dict(entry, label="leaky"), key, leaky)] = "adapter with an unknown metadata key"
    os.symlink("/dev/zero", folder / "zeroadapter.safetensors")
    bad[_signed(folder, "zeroadapter", dict(entry, label="zero adapter"), key)] = "adapter -> /dev/zero"
    # A stranger's key: well-formed and signed, but not trusted.
    bad[_signed(folder, "stranger", dict(entry, label="stranger"), stranger)] = "an untrusted key"
    # A withdrawal list that claims the reader's key but was signed by the stranger.
    from desktop.engine.withdrawal_list import make_list
    forged = make_list(stranger, 10 ** 12, [good.entry_data["adapter_sha256"]], retired=True)
    forged["public_key"] = good.entry_data["public_key"]
    (folder / "forged.withdrawals.json").write_text(json.dumps(forged))
    bad["forged.withdrawals.json"] = "a list claiming another key"
    (folder / "junk.withdrawal.json").write_text("not json")
    bad["junk.withdrawal.json"] = "a damaged withdrawal"
    # A file name that would forge a line or clear the screen if printed raw.
    evil = "evil\nBest fit: x\x1b[2J.entry.json"
    (folder / evil).write_text("{}")
    bad[evil] = "a file name with a line break and an escape"
    # An adapter with no entry at all.
    (folder / "loose.safetensors").write_bytes(adapter)
    bad["loose.safetensors"] = "an adapter without an entry"
    return bad


def _with_meta(tensors, meta) -> bytes:
    from safetensors.torch import save
    return save({k: v.to(torch.float16).contiguous() for k, v in tensors.items()}, metadata=meta)


def absurd_adapter(folder: Path, base, key_folder=None) -> share.Shared:
    """A valid, signed adapter whose gains are all 65504 (fp16's largest): not
    refused, but it must never win and must not break the printing."""
    m = base.fresh_model()
    gains = {n: torch.full((base.config.d_model,), 65504.0) for n in m.norm_names()}
    p = norm_adapter(folder.parent / "absurd.safetensors", base, 0, label="absurd", gains=gains)
    return share.share_adapter(p, folder, known={base.sha256: base.base_id}, key_folder=key_folder)

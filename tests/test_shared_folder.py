"""Issue 23: a shared folder anyone can write to. Given a folder where good
entries lie beside every hostile kind of file, verify, route and the window
finish in seconds, use every good entry, pick the same adapter as on the good
entries alone, and say one sentence per bad file; never a traceback."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.cli import main
from desktop.engine import share
from desktop.engine.routing import route_folder

from .conftest import ROOT, synthetic_text
from .hostile import absurd_adapter, norm_adapter, plant_hostile, share_good


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    h = tmp_path / "home"
    monkeypatch.setenv("NORMFIT_HOME", str(h))
    return h


@contextmanager
def within(seconds: int):
    """Fail (instead of hanging the suite) if the block takes longer."""
    def boom(*_):
        raise TimeoutError(f"still running after {seconds} s")
    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture
def lab(tmp_path, tiny_base):
    folder = tmp_path / "lab"
    folder.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    good = share_good(folder, work, tiny_base, 20)
    return folder, good


TEXT = synthetic_text(200, 7)


# ------------------------------------------------------------------ the fuzz folder
def test_a_folder_of_every_hostile_kind_is_read_in_seconds_with_one_sentence_per_bad_file(lab, tiny_base, tmp_path):
    folder, good = lab
    clean = route_folder(tiny_base, [TEXT], folder)
    assert len(clean.scores) == 21 and not clean.skipped
    bad = plant_hostile(folder, tiny_base, good[0], share.load_or_create_key(), Ed25519PrivateKey.generate())
    absurd = absurd_adapter(folder, tiny_base)
    t0 = time.monotonic()
    with within(60):
        r = route_folder(tiny_base, [TEXT], folder)
    seconds = time.monotonic() - t0
    assert seconds < 10
    assert r.best.name == clean.best.name                  # the same adapter as on the good entries alone
    names = {s.name for s in r.scores}
    assert {s.name for s in clean.scores} <= names          # every good entry still used
    assert names - {s.name for s in clean.scores} == {f"{absurd.adapter.stem} (absurd)"}
    skipped = {}
    for s in r.skipped:
        assert s.path.name not in skipped, f"two sentences for {s.path.name!r}"
        skipped[s.path.name] = s.reason
    for name, kind in bad.items():
        entry_name = name.replace(".safetensors", share.ENTRY_SUFFIX) if name.endswith(".safetensors") else name
        why = skipped.get(name) or skipped.get(entry_name)
        assert why, f"{kind} ({name!r}) was not skipped"
        assert "\n" not in why and "\x1b" not in why and why.endswith("."), (kind, why)
    extra = set(skipped) - set(bad) - {n.replace(share.ENTRY_SUFFIX, ".safetensors") for n in bad}
    assert not extra, extra


def test_the_cli_route_over_that_folder_exits_0_and_prints_no_forged_line(lab, tiny_base, tiny_base_dir, home):
    folder, good = lab
    bad = plant_hostile(folder, tiny_base, good[0], share.load_or_create_key(), Ed25519PrivateKey.generate())
    env = dict(os.environ, NORMFIT_HOME=str(home), PYTHONPATH=str(ROOT))
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-m", "desktop", "route", TEXT, "--adapters", str(folder),
                        "--base", str(tiny_base_dir)], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    assert time.monotonic() - t0 < 60                      # includes starting Python and torch
    assert "\x1b" not in p.stdout + p.stderr
    assert "Traceback" not in p.stderr
    assert sum(line.startswith("Best fit:") for line in p.stdout.splitlines()) == 1
    skipped = [line for line in p.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == len(bad)
    assert all(line.startswith("skipped ") or line.startswith("scoring ") for line in p.stderr.splitlines())


# ------------------------------------------------------------------ case 1: FIFOs, devices
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_like_an_entry_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "x.entry.json"
    os.mkfifo(fifo)
    with within(10), pytest.raises(share.EntryError, match="not an ordinary file"):
        share.verify(fifo)
    w = tmp_path / "y.withdrawal.json"
    os.mkfifo(w)
    with within(10):
        assert main(["verify", str(w)]) == 2


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_symlink_to_dev_zero_is_refused_without_reading(tmp_path):
    link = tmp_path / "z.entry.json"
    os.symlink("/dev/zero", link)
    with within(10), pytest.raises(share.EntryError, match="not an ordinary file"):
        share.verify(link)


def test_a_symlink_to_a_regular_entry_is_followed(lab, tmp_path):
    folder, good = lab
    link = tmp_path / "link.entry.json"
    os.symlink(good[0].entry, link)
    assert share.read_entry(link)["adapter_sha256"] == good[0].entry_data["adapter_sha256"]


# ------------------------------------------------------------------ case 2, 3
def test_a_withdrawal_renamed_to_an_entry_is_one_sentence(lab, tiny_base):
    folder, good = lab
    w = share.make_withdrawal(good[0].entry_data, share.load_or_create_key())
    (folder / "renamed.entry.json").write_text(json.dumps(w))
    r = route_folder(tiny_base, [TEXT], folder)
    assert {s.path.name: s.reason for s in r.skipped}["renamed.entry.json"].startswith("It is a withdrawal")
    assert len(r.scores) == 21


def test_a_lone_surrogate_is_refused_in_a_sentence(lab, tiny_base):
    folder, good = lab
    text = good[0].entry.read_text().replace('"label": "', '"label": "al\\ud800ce')
    good[0].entry.write_text(text)
    with pytest.raises(share.EntryError, match="not valid Unicode"):
        share.verify(good[0].entry)
    assert main(["verify", str(good[0].entry)]) == 2
    r = route_folder(tiny_base, [TEXT], folder)
    assert len(r.scores) == 20 and len(r.skipped) == 1       # one sentence, for the entry


# ------------------------------------------------------------------ case 4: labels are data
@pytest.mark.parametrize("label", ["x\nBest fit: evil", "\x1b[2Jgotcha", "abc\u202egpj.exe", "tab\there"])
def test_a_signed_entry_whose_label_is_layout_is_refused(lab, label):
    folder, good = lab
    e = share._sign(dict(good[0].entry_data, label=label), share.load_or_create_key())
    good[0].entry.write_text(json.dumps(e))
    with pytest.raises(share.EntryError, match="control characters"):
        share.verify(good[0].entry)


def test_share_and_train_store_labels_cleaned(tmp_path, tiny_base, tiny_base_dir, capsys):
    a = norm_adapter(tmp_path / "a.safetensors", tiny_base, 1)
    stick = tmp_path / "stick"
    stick.mkdir()
    assert main(["share", str(a), "--out", str(stick), "--label", "ann\n\x1b[2Jlee", "--base", str(tiny_base_dir),
                 "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert share.read_entry(made["entry"])["label"] == "ann [2Jlee"
    from desktop.engine.api import TrainConfig
    from desktop.engine.session import Session
    assert Session(tiny_base, TrainConfig(), ("norm",), label="b\x1bob\n smith").label == "bob smith"


def test_route_prints_labels_and_file_names_as_data(lab, tiny_base_dir, capsys):
    folder, good = lab
    odd = folder / "odd\x1b[2J\nname.safetensors"
    odd.write_bytes(good[0].adapter.read_bytes())
    assert main(["route", TEXT, "--adapters", str(folder), "--base", str(tiny_base_dir)]) == 0
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err
    assert "skipped odd\\x1b[2J\\x0aname.safetensors: It has no signed" in out.err


# ------------------------------------------------------------------ case 5: a label too long
def test_train_refuses_a_long_label_before_training(tmp_path, tiny_base_dir, capsys, home):
    doc = tmp_path / "mine.txt"
    doc.write_text(synthetic_text(3000, 1))
    t0 = time.monotonic()
    code = main(["train", str(doc), "--label", "x" * 10000, "--minutes", "1", "--base", str(tiny_base_dir)])
    assert code == 2 and time.monotonic() - t0 < 10
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "10,000 characters long; a label is at most 60" in err[0]
    assert not list(home.rglob("*.safetensors"))


def test_share_refuses_a_long_label_in_a_sentence(tmp_path, tiny_base, tiny_base_dir, capsys):
    a = norm_adapter(tmp_path / "a.safetensors", tiny_base, 1)
    stick = tmp_path / "stick"
    stick.mkdir()
    assert main(["share", str(a), "--out", str(stick), "--label", "y" * 61, "--base", str(tiny_base_dir)]) == 2
    assert "at most 60 characters" in capsys.readouterr().err
    assert list(stick.iterdir()) == []


# ------------------------------------------------------------------ case 6: a damaged signing key
def _rsa_pem() -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    return rsa.generate_private_key(public_exponent=65537, key_size=1024).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


@pytest.mark.parametrize("kind", ["garbage", "empty", "truncated", "rsa", "folder"])
def test_a_damaged_signing_key_is_one_sentence_and_is_left_alone(kind, tmp_path, tiny_base, tiny_base_dir, home,
                                                                  capsys):
    key = share.key_path()
    share.load_or_create_key()
    pem = key.read_bytes()
    key.unlink()
    if kind == "folder":
        key.mkdir(mode=0o755)
    else:
        key.write_bytes({"garbage": b"\x00\xffnot a key" * 50, "empty": b"", "truncated": pem[:len(pem) // 2],
                         "rsa": _rsa_pem()}[kind])
    before = os.stat(key).st_mode
    a = norm_adapter(tmp_path / "a.safetensors", tiny_base, 1)
    stick = tmp_path / "stick"
    stick.mkdir()
    assert main(["share", str(a), "--out", str(stick), "--base", str(tiny_base_dir)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Your signing key" in err[0] and "http" not in err[0] and "space" not in err[0], err
    assert os.stat(key).st_mode == before                  # not chmodded, not replaced
    assert list(stick.iterdir()) == []


# ------------------------------------------------------------------ case 7: an absurd adapter
def test_an_adapter_of_65504s_is_scored_and_printed_without_overflow(tmp_path, tiny_base, tiny_base_dir, capsys):
    folder = tmp_path / "lab"
    folder.mkdir()
    s = absurd_adapter(folder, tiny_base)
    doc = tmp_path / "t.txt"
    doc.write_text(TEXT)
    assert main(["eval", "--adapter", str(s.adapter), str(doc), "--base", str(tiny_base_dir)]) == 0
    out = capsys.readouterr().out
    assert "e+" in out and max(len(w) for w in out.split()) < 30
    assert main(["route", TEXT, "--adapters", str(folder), "--base", str(tiny_base_dir)]) == 0
    out = capsys.readouterr().out
    assert "Best fit: the base model itself" in out and max(len(w) for w in out.split()) < 40


# ------------------------------------------------------------------ case 8: strict entries and adapters
@pytest.mark.parametrize("change, sentence", [
    ({"version": True}, "version 'True'"),
    ({"label": 12345}, "'label' is not text"),
    ({"figures": {"steps": ["1"]}}, "'figures' value 'steps'"),
    ({"label": "a" * 60000}, "60,000 characters long"),
    ({"home": "/home/marguerite"}, "'home' key is not part of a version-1 entry"),
    ({"adapter_bytes": 10 ** 9}, "'adapter_bytes' is not a size"),
    ({"created_utc": "yesterday"}, "'created_utc' is not a time"),
])
def test_a_signed_entry_that_breaks_the_schema_is_refused(lab, change, sentence):
    folder, good = lab
    e = share._sign(dict(good[0].entry_data, **change), share.load_or_create_key())
    good[0].entry.write_text(json.dumps(e))
    with pytest.raises(share.EntryError) as err:
        share.verify(good[0].entry)
    assert sentence in str(err.value)


def test_a_signature_in_another_base64_spelling_is_refused(lab):
    from .hostile import _repadded
    folder, good = lab
    e = dict(good[0].entry_data, signature=_repadded(good[0].entry_data["signature"]))
    good[0].entry.write_text(json.dumps(e))
    with pytest.raises(share.EntryError, match="spelled the one way"):
        share.verify(good[0].entry)


def test_adapters_with_trailing_bytes_or_gaps_are_refused(lab):
    from desktop.engine.adapter_file import AdapterFileError, parse

    from .hostile import _gap, _trailing
    data = lab[1][0].adapter.read_bytes()
    parse(data)
    for bad in (_trailing(data), _gap(data)):
        with pytest.raises(AdapterFileError, match="bytes that belong to no tensor"):
            parse(bad)


def test_unknown_adapter_metadata_is_dropped_before_signing_and_refused_on_read(tmp_path, tiny_base, lab):
    from desktop.engine.adapter_file import parse

    from .hostile import _with_meta
    folder, good = lab
    af = parse(good[0].adapter.read_bytes())
    leaky = tmp_path / "leaky.safetensors"
    leaky.write_bytes(_with_meta(af.tensors, dict(af.metadata, home_folder="/home/marguerite")))
    s = share.share_adapter(leaky, folder, known={tiny_base.sha256: tiny_base.base_id})
    assert b"/home/marguerite" not in s.adapter.read_bytes() and "home_folder" not in parse(s.adapter.read_bytes()).metadata
    share.verify(s.adapter.with_name(s.entry.name), known={tiny_base.sha256: tiny_base.base_id})
    # Signed with the key inside (an attacker's own program): a reader refuses it.
    s.adapter.write_bytes(leaky.read_bytes())
    e = share._sign(dict(s.entry_data, adapter_sha256=__import__("hashlib").sha256(leaky.read_bytes()).hexdigest(),
                         adapter_bytes=leaky.stat().st_size), share.load_or_create_key())
    s.entry.write_text(json.dumps(e))
    with pytest.raises(share.EntryError, match="description field NormFit does not know"):
        share.verify(s.entry, known={tiny_base.sha256: tiny_base.base_id})


def test_verify_names_a_replayed_withdrawal_for_what_it_is(lab, tiny_base_dir, capsys):
    folder, good = lab
    w = share.make_withdrawal(good[1].entry_data, share.load_or_create_key())   # same key, other adapter
    twin = good[0].entry.with_name(good[0].entry.name.replace(".entry.json", ".withdrawal.json"))
    twin.write_text(json.dumps(w))
    assert main(["verify", str(twin), "--base", str(tiny_base_dir)]) == 2
    err = capsys.readouterr().err
    assert "for a different adapter than the entry next to it" in err and "different key" not in err


def test_key_given_in_another_spelling_is_the_same_key_and_not_a_key_is_exit_2(lab, tiny_base_dir, capsys):
    folder, good = lab
    key = good[0].entry_data["public_key"]
    urlsafe = key.replace("+", "-").replace("/", "_").rstrip("=")
    assert main(["verify", str(good[0].entry), "--key", f" {urlsafe} ", "--base", str(tiny_base_dir)]) == 0
    capsys.readouterr()
    assert main(["route", TEXT, "--adapters", str(folder), "--key", "not-a-key", "--base", str(tiny_base_dir)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not a public key" in err[0]


def test_an_unexpected_failure_on_one_file_is_still_one_sentence(lab, tiny_base, monkeypatch):
    """Defence in depth: a bug of ours on one file (here, made on purpose) is
    one sentence for that file, and the rest of the folder is still used."""
    folder, good = lab
    real = share.verify

    def buggy(path, *a, **k):
        if path == good[3].entry:
            raise TypeError("a bug")
        return real(path, *a, **k)
    monkeypatch.setattr(share, "verify", buggy)
    r = route_folder(tiny_base, [TEXT], folder)
    assert len(r.scores) == 20
    assert [(s.path, s.reason) for s in r.skipped] == [(good[3].entry, "It could not be read (TypeError); it was "
                                                                        "left out.")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_like_an_adapter_is_one_sentence_even_when_unsigned_adapters_are_wanted(lab, tiny_base):
    folder, good = lab
    os.mkfifo(folder / "pipe.safetensors")
    with within(30):
        r = route_folder(tiny_base, [TEXT], folder, include_unsigned=True)
    assert "not an ordinary file" in {s.path.name: s.reason for s in r.skipped}["pipe.safetensors"]
    assert len(r.scores) == 21


def test_routing_scores_are_those_of_scoring_each_adapter_on_its_own(lab, tiny_base):
    """route() swaps norm gains into one model; each score must equal a fresh
    model's (evaluate_texts), or a swap left something behind."""
    from desktop.engine.api import evaluate_texts
    from desktop.engine.routing import find_candidates, route
    folder, good = lab
    cands, _ = find_candidates(folder, tiny_base)
    r = route(tiny_base, [TEXT], cands[:5])
    by_name = {s.name: s.ppl for s in r.scores}
    for c in cands[:5]:
        assert by_name[c.name] == pytest.approx(evaluate_texts(tiny_base, [TEXT], c.adapter).ppl, rel=1e-6)
    assert by_name["base model"] == pytest.approx(evaluate_texts(tiny_base, [TEXT]).ppl, rel=1e-6)

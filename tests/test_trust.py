"""Issue 23, case 9: trust that a lab can run. Routing uses only entries signed
by keys the person chose to trust (their own, and the trusted-keys list);
withdrawals travel as signed, versioned lists that count wherever they were
seen once; a retired key withdraws everything it signed."""
from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.engine import share, trust
from desktop.engine.routing import route_folder
from desktop.engine.withdrawal_list import make_list, read_list, retire_key, withdraw_everywhere

from .conftest import synthetic_text
from .hostile import share_good

TEXT = synthetic_text(200, 7)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    h = tmp_path / "home"
    monkeypatch.setenv("NORMFIT_HOME", str(h))
    return h


@pytest.fixture
def lab(tmp_path, tiny_base):
    """A teacher's own entry and two students' (their own keys) in one folder."""
    folder = tmp_path / "lab"
    folder.mkdir()
    (tmp_path / "w").mkdir()
    mine = share_good(folder, tmp_path / "w", tiny_base, 1)
    students = {}
    for name in ("ann", "bo"):
        kf = tmp_path / f"{name}-keys"
        w = tmp_path / f"w-{name}"
        w.mkdir()
        students[name] = (kf, share_good(folder, w, tiny_base, 2, key_folder=kf))
    return folder, mine, students


def used(r) -> set[str]:
    return {s.fingerprint for s in r.scores if s.fingerprint}


def reasons(r) -> dict[str, str]:
    return {s.path.name: s.reason for s in r.skipped}


def test_only_trusted_keys_are_routed_to_and_the_cli_manages_the_list(lab, tiny_base, tiny_base_dir, capsys):
    folder, mine, students = lab
    ann_fp = students["ann"][1][0].fingerprint
    r = route_folder(tiny_base, [TEXT], folder)
    assert used(r) == {mine[0].fingerprint}                     # own key trusted by default
    assert len(r.skipped) == 4 and all("not chosen to trust" in why for why in reasons(r).values())
    # The teacher adds Ann by the fingerprint she reads out, finding the full key in the folder.
    assert main(["trust", "add", ann_fp.replace(" ", ""), "--from", str(folder), "--name", "Ann\n(class 4b)"]) == 0
    assert ann_fp in capsys.readouterr().out
    r = route_folder(tiny_base, [TEXT], folder)
    assert used(r) == {mine[0].fingerprint, ann_fp} and len(r.skipped) == 2
    assert main(["trust", "list"]) == 0
    out = capsys.readouterr().out
    assert ann_fp in out and "Ann (class 4b)" in out and "your own key" in out
    assert main(["trust", "remove", ann_fp]) == 0
    assert used(route_folder(tiny_base, [TEXT], folder)) == {mine[0].fingerprint}
    assert main(["trust", "remove", mine[0].fingerprint]) == 2         # one's own key stays trusted
    assert main(["trust", "add", "0123 4567 89ab cdef", "--from", str(folder)]) == 2
    assert "No key with fingerprint" in capsys.readouterr().err


def test_any_signer_widens_trust_out_loud(lab, tiny_base_dir, capsys):
    folder, mine, students = lab
    assert main(["route", TEXT, "--adapters", str(folder), "--any-signer", "--base", str(tiny_base_dir),
                 "--json"]) == 0
    out = capsys.readouterr()
    assert "ANY key" in out.err
    assert len([s for s in json.loads(out.out)["scores"] if s["signer"]]) == 5


def test_a_withdrawal_list_counts_wherever_it_was_seen_once(lab, tiny_base, tmp_path):
    folder, mine, students = lab
    kf, ann = students["ann"]
    trust.add_trusted(ann[0].entry_data["public_key"], "Ann")
    single, listed = withdraw_everywhere(ann[0].entry, folder, key_folder=kf)
    r = route_folder(tiny_base, [TEXT], folder)
    assert reasons(r)[ann[0].entry.name] == "Its author withdrew this adapter."
    # The files are taken away (or the entry is copied elsewhere): still withdrawn here.
    single.unlink()
    listed.unlink()
    other = tmp_path / "other"
    other.mkdir()
    for p in (ann[0].entry, ann[0].adapter, ann[1].entry, ann[1].adapter):
        (other / p.name).write_bytes(p.read_bytes())
    r = route_folder(tiny_base, [TEXT], other)
    assert reasons(r)[ann[0].entry.name] == "Its author withdrew this adapter."
    assert ann[1].fingerprint in used(r)                        # her other adapter is still fine


def test_an_older_list_put_back_undoes_nothing(lab, tiny_base):
    folder, mine, students = lab
    kf, ann = students["ann"]
    trust.add_trusted(ann[0].entry_data["public_key"])
    key = share.load_or_create_key(kf)
    old = make_list(key, 5, [])
    new = make_list(key, 6, [ann[0].entry_data["adapter_sha256"]])
    name = "normfit-key-ann.withdrawals.json"
    (folder / name).write_text(json.dumps(new))
    route_folder(tiny_base, [TEXT], folder)
    (folder / name).write_text(json.dumps(old))                # rollback: the older list put back
    r = route_folder(tiny_base, [TEXT], folder)
    assert reasons(r)[ann[0].entry.name] == "Its author withdrew this adapter."
    assert read_list(folder / name)["serial"] == 5 and trust.load_seen()[key_pub(key)].serial == 6


def key_pub(key) -> str:
    return share.public_key_b64(key)


def test_a_retired_key_withdraws_everything_it_signed_for_good(lab, tiny_base):
    folder, mine, students = lab
    kf, bo = students["bo"]
    trust.add_trusted(bo[0].entry_data["public_key"], "Bo")
    path, fp = retire_key(folder, key_folder=kf)
    assert fp == bo[0].fingerprint and not share.key_path(kf).exists()
    r = route_folder(tiny_base, [TEXT], folder)
    assert all("retired key" in reasons(r)[s.entry.name] for s in bo)
    # A newer, un-retired list signed with the old key (say, by a thief) changes nothing.
    old = next(kf.glob("retired-*.pem"))
    from cryptography.hazmat.primitives import serialization
    stolen = serialization.load_pem_private_key(old.read_bytes(), None)
    path.write_text(json.dumps(make_list(stolen, 10 ** 12, [])))
    r = route_folder(tiny_base, [TEXT], folder)
    assert all("retired key" in reasons(r)[s.entry.name] for s in bo)


def test_a_retirement_made_ahead_keeps_the_key_until_it_is_used(lab, tiny_base, tmp_path):
    folder, mine, students = lab
    safe = tmp_path / "safe"
    safe.mkdir()
    path, fp = retire_key(safe, keep_key=True)
    assert share.key_path().exists() and fp == mine[0].fingerprint
    assert used(route_folder(tiny_base, [TEXT], folder)) == {fp}
    (folder / path.name).write_bytes(path.read_bytes())         # the key was lost: the retirement is put out
    r = route_folder(tiny_base, [TEXT], folder)
    assert fp not in used(r) and "retired key" in reasons(r)[mine[0].entry.name]


def test_a_list_signed_by_another_key_than_it_names_is_refused(lab, tiny_base):
    folder, mine, students = lab
    thief = share.load_or_create_key(students["ann"][0])
    forged = make_list(thief, 10 ** 12, [mine[0].entry_data["adapter_sha256"]], retired=True)
    forged["public_key"] = mine[0].entry_data["public_key"]
    (folder / "x.withdrawals.json").write_text(json.dumps(forged))
    r = route_folder(tiny_base, [TEXT], folder)
    assert mine[0].fingerprint in used(r)
    assert "does not match its signature" in reasons(r)["x.withdrawals.json"]


def test_a_damaged_trusted_keys_file_is_one_sentence(lab, tiny_base_dir, home, capsys):
    folder, mine, students = lab
    (home / "keys" / trust.TRUSTED_FILE).write_text("{not json")
    assert main(["route", TEXT, "--adapters", str(folder), "--base", str(tiny_base_dir)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    # (the first line is the progress note saying the argument is scored as text)
    assert err[-1].startswith("normfit: Your trusted-keys list") and "damaged" in err[-1]
    assert not any("Traceback" in line for line in err)

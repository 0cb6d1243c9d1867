"""`normfit --selftest`: prove, without a window or a network, that this copy of
NormFit works end to end.  Meant for the packaged app (a lab technician or CI
runs `NormFit --selftest` on a freshly copied folder), and it works the same
from a source checkout.

Steps: load the bundled base model (its checksum is checked on load), read a
bundled sample, train a few norm-only steps on the processor, save the adapter
into a temporary folder, load it back (the file's full validation), evaluate it
and check it scores what training measured.  Prints one line
`selftest ok ...` with the figures and exits 0, or `selftest FAILED: ...`
and exits 1.  It writes only into a temporary folder that it removes, never
into the app's own folder.

    normfit --selftest [--steps N] [--sample novelist|programmer|scientist]
                       [--base FOLDER] [--no-network]

`--no-network` makes any attempt to resolve a host name, open or send on an
internet socket, or start another program fail (and the self-test with it): a
guard for machines where the network cannot be switched off with `unshare -n`.
"""
from __future__ import annotations

import argparse
import math
import os
import socket
import sys
import tempfile
import time
from pathlib import Path

_T0 = time.perf_counter()


class SelftestFailure(Exception):
    pass


def samples_dir() -> Path:
    from .paths import assets_dir
    return assets_dir() / "samples"


def block_network():
    """Make internet sockets (TCP connect, UDP sendto), name look-ups and child
    processes (subprocess, os.system, fork, spawn, exec: a child could reach
    the network for us) fail; returns the list the attempts are recorded in and
    a function that undoes the block (local AF_UNIX sockets stay allowed)."""
    import subprocess

    attempts: list[str] = []
    inet = {socket.AF_INET, socket.AF_INET6}
    patched: list[tuple[object, str, object]] = []

    def refuse(what):
        attempts.append(what)
        raise OSError(f"network access blocked by the self-test: {what}")

    def patch(owner, name, make):
        real = getattr(owner, name, None)
        if real is not None:
            patched.append((owner, name, real))
            setattr(owner, name, make(real))

    def inet_only(verb, where):       # a socket method refused for internet families only
        def make(real):
            def method(self, *a):
                if self.family in inet:
                    refuse(f"{verb} {(a[where] if a else a)!r}")
                return real(self, *a)
            return method
        return make

    patch(socket.socket, "connect", inet_only("connect", 0))
    patch(socket.socket, "connect_ex", inet_only("connect", 0))
    patch(socket.socket, "sendto", inet_only("sendto", -1))
    patch(socket.socket, "sendmsg", inet_only("sendmsg", -1))
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        patch(socket, name, lambda real, name=name: lambda host, *a, **k: refuse(f"resolve {host!r}"))
    patch(subprocess.Popen, "_execute_child", lambda real: lambda self, args, *a, **k: refuse(f"run {args!r}"))
    for name in ("system", "popen", "fork", "forkpty", "posix_spawn", "posix_spawnp", "execv", "execve",
                 "spawnv", "spawnve"):
        patch(os, name, lambda real, name=name: lambda *a, **k: refuse(f"os.{name} {a[:1]!r}"))
    try:
        import _posixsubprocess          # what multiprocessing starts its workers with
        patch(_posixsubprocess, "fork_exec", lambda real: lambda *a, **k: refuse("fork_exec"))
    except ImportError:
        pass

    def restore():
        for owner, name, real in reversed(patched):
            setattr(owner, name, real)
    return attempts, restore


def check(cond: bool, what: str) -> None:
    if not cond:
        raise SelftestFailure(what)


def run(steps: int = 4, sample: str = "novelist", base_folder: str | None = None) -> dict:
    """The self-test proper; returns the figures, raises SelftestFailure (or anything) on failure."""
    import torch

    from . import __version__
    from .engine import api

    t_import = time.perf_counter() - _T0
    base = api.load_base(base_folder)
    check(base.config is not None and base.sha256, "the base model has no checksum")

    folder = samples_dir() / sample
    check(folder.is_dir(), f"the bundled sample folder {folder} is missing")
    col = api.collect([folder])
    check(bool(col.documents) and not col.refused,
          f"the bundled samples could not be read: {[r.reason for r in col.refused]}")
    data = api.prepare_documents(base, col.documents, seed=0)
    general = api.general_set(base)
    check(general.is_reference, "the base model's general reference set is missing")

    cfg = api.TrainConfig(method="norm", minutes=2.0, max_steps=steps, seed=0, device="cpu",
                          validate_every_steps=max(1, steps // 2))
    result = api.personalise(base, data, cfg, general)
    check(result.steps == steps, f"training stopped after {result.steps} of {steps} steps")
    finite = lambda *xs: all(x is not None and math.isfinite(x) for x in xs)
    check(all(finite(loss) for _, loss in result.losses), "training produced a non-finite loss")
    s = result.summary()
    check(finite(s["heldout_ppl_before"], s["heldout_ppl_after"], s["general_ppl_before"], s["general_ppl_after"]),
          f"non-finite perplexity: {s}")

    with tempfile.TemporaryDirectory(prefix="normfit-selftest-") as tmp:
        path = Path(tmp) / "selftest.safetensors"
        nbytes = api.export_adapter(path, result, base, label="selftest",
                                    general=general)
        check(path.stat().st_size == nbytes, "the adapter file size does not match what was written")
        check(nbytes <= api.MAX_NORM_FILE_BYTES, f"the adapter file is {nbytes} bytes, over the limit")
        loaded = api.open_adapter(path, base)        # full validation, base checksum included
        check(loaded.method == "norm" and loaded.base_sha256 == base.sha256, "the adapter's metadata is wrong")
        check(set(loaded.tensors) == set(result.tensors), "the adapter lost or gained tensors")
        for name, t in result.tensors.items():
            # Stored as fp16: equal to the trained gains rounded to fp16.
            want = t.detach().float().cpu().half().float()
            check(torch.equal(loaded.tensors[name].float().cpu(), want), f"tensor {name} changed on the round trip")
        m = api.measure(base, data, loaded, general)
        # Every other shipped release loads (checksum checked) and an adapter naming
        # it opens with it, not with the newest: older adapters keep working.
        others = [r for r in api.releases(base.folder.parent) if r.sha256 != base.sha256]
        for rel in others:
            older = api.load_base(rel.folder)
            p_old = Path(tmp) / f"{rel.base_id}.safetensors"
            api.export_adapter(p_old, result, older)
            _, used = api.open_adapter_with_its_base(p_old, base)
            check(used.sha256 == rel.sha256, f"an adapter for {rel.base_id} did not open with that base")
    h_after, g_after = m.heldout.ppl, m.general.ppl
    # The saved file is fp16, the in-memory result fp32: nearly the same scores.
    for what, got, want in (("held-out", h_after, s["heldout_ppl_after"]),
                            ("general", g_after, s["general_ppl_after"])):
        check(finite(got) and abs(got - want) <= 0.01 * want,
              f"the reloaded adapter scores {what} ppl {got:.3f}, training measured {want:.3f}")
    return {
        "version": __version__, "base": base.base_id, "bases": 1 + len(others), "steps": result.steps,
        "sample": sample,
        "heldout_ppl": f"{s['heldout_ppl_before']:.2f}->{h_after:.2f}",
        "general_ppl": f"{s['general_ppl_before']:.2f}->{g_after:.2f}",
        "adapter_bytes": nbytes, "torch": torch.__version__.split("+")[0],
        "import_s": f"{t_import:.1f}", "total_s": f"{time.perf_counter() - _T0:.1f}",
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="normfit --selftest", description="Check this copy of NormFit end to end.")
    p.add_argument("--steps", type=int, default=4)
    p.add_argument("--sample", default="novelist", choices=["novelist", "programmer", "scientist"])
    p.add_argument("--base", default=os.environ.get("NORMFIT_BASE"), help="base model folder")
    p.add_argument("--no-network", action="store_true", help="fail on any attempt to use the network")
    args = p.parse_args(argv)
    attempts, restore = block_network() if args.no_network else ([], lambda: None)
    try:
        figures = run(max(1, args.steps), args.sample, args.base)
        if attempts:
            raise SelftestFailure(f"tried to use the network: {attempts[0]}")
    except Exception as e:
        import traceback
        traceback.print_exc(file=sys.stderr)
        print(f"selftest FAILED: {type(e).__name__}: {e}", flush=True)
        return 1
    finally:
        restore()
    print("selftest ok " + " ".join(f"{k}={v}" for k, v in figures.items()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

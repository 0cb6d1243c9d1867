"""`normfit --selftest`: the packaged app's end-to-end check passes on the bundled base and samples,
and fails (exit 1, one `selftest FAILED` line) when something is broken."""
import pytest

from desktop import cli
from desktop.engine.base import releases

pytestmark = pytest.mark.skipif(not releases(), reason="no bundled base model in assets/base")


def test_selftest_passes_offline(capsys):
    assert cli.main(["--selftest", "--steps", "2", "--no-network"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("selftest ok ") and "adapter_bytes=" in out[0]


def test_selftest_reports_a_broken_base(tmp_path, capsys):
    assert cli.main(["--selftest", "--base", str(tmp_path)]) == 1
    assert capsys.readouterr().out.startswith("selftest FAILED: ")


def test_network_guard_blocks_and_restores():
    import socket

    from desktop.selftest import block_network
    attempts, restore = block_network()
    try:
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        assert attempts
    finally:
        restore()
    assert socket.getaddrinfo is not None and "selftest" not in repr(socket.socket.connect)

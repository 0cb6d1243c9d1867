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


# The network guard itself: tests/test_promises.py::test_the_guard_itself_refuses_and_records_and_restores


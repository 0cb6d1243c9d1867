"""Write (or rewrite) a base release's reference and replay sets.

    python -m desktop.research.make_sets assets/base/normfit-base-s-1
"""
from __future__ import annotations

import sys
import time

from ..engine.base import load_base
from ..engine.release_sets import write_sets


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m desktop.research.make_sets RELEASE_FOLDER", file=sys.stderr)
        return 2
    t0 = time.time()
    base = load_base(argv[0])
    write_sets(base.folder, base.model, base.tokenizer.eot_id, base.base_id, base.sha256)
    print(f"{base.base_id}: reference and replay sets written in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

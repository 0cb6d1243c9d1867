"""Entry point of the packaged app: PyInstaller (build.spec) runs this file as
__main__, so it imports the package absolutely.  `NormFit` opens the window,
`NormFit --selftest` checks the copy end to end, `NormFit --version`, and every
`normfit` subcommand works too."""
import multiprocessing
import os
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()    # a no-op unless a child process is ever spawned
    # A windowed build (console off, Windows/macOS) has no stdout/stderr:
    # give prints somewhere harmless to go instead of crashing.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w"))
    from desktop.cli import main
    sys.exit(main())

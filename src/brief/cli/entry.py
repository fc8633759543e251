"""The `brief` console script. `brief --version` answers before any
command-line machinery is imported, so it starts in a few milliseconds."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from .. import __version__

        sys.stdout.write(f"brief {__version__}\n")
        return
    from .app import app

    app(prog_name="brief")

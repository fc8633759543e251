"""The `brief` console script. `brief --version` answers before any
command-line machinery is imported; other command lines build only the
command they name."""

import sys


def main() -> None:
    argv = sys.argv[1:]
    if argv == ["--version"]:
        from .. import __version__

        sys.stdout.write(f"brief {__version__}\n")
        return
    from .app import build, build_overview, command_name

    name, sub = command_name(argv)
    if name is None and (not argv or "--help" in argv):
        build_overview()(args=argv, prog_name="brief")
    else:
        build(name, sub)(args=argv, prog_name="brief")

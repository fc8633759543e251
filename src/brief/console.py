"""The two consoles: results on stdout, messages on stderr.

Rich is imported only when a table is drawn, so JSON output and plain
messages start fast. Without a terminal, Rich draws tables without colour.
"""

from __future__ import annotations

import sys
from functools import lru_cache


@lru_cache(maxsize=None)
def stdout_console():
    from rich.console import Console

    return Console(soft_wrap=False, highlight=False)


@lru_cache(maxsize=None)
def stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def write(text: str) -> None:
    """Plain text to stdout, ending with one newline."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def one_line(text: str) -> str:
    """Text that stays on one line whatever the user typed into it: line
    breaks and other control characters are shown as escapes."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def notice(text: str) -> None:
    """A plain sentence on stderr: how something was read, what was done."""
    sys.stderr.write(one_line(text.rstrip("\n")) + "\n")


def error(text: str) -> None:
    """The one sentence a failed command prints."""
    sys.stderr.write("Error: " + one_line(text.rstrip("\n")) + "\n")

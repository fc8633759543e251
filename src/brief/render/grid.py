"""A light text table for search results and timelines.

Drawing a Rich table costs its import (tens of milliseconds) before the
first row; search and timeline output is plain aligned columns, so it is
drawn here with the standard library. Cells may hold matched words between
MARK_OPEN and MARK_CLOSE: on a colour terminal they are shown bold (like
Rich's highlight), elsewhere between « and ».
"""

from __future__ import annotations

import os
import sys
import unicodedata
from functools import lru_cache
from dataclasses import dataclass

MARK_OPEN = "\x02"
MARK_CLOSE = "\x03"
_BOLD = "\x1b[1m"
_HIGHLIGHT = "\x1b[1;33m"
_RESET = "\x1b[0m"
GAP = "  "


def use_colour(stream=None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


@lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    if ch < "\x7f":
        return 0 if ch in (MARK_OPEN, MARK_CLOSE) else 1
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width_of(text: str) -> int:
    """Columns a string takes in a terminal (wide characters count two,
    the highlight marks none)."""
    if text.isascii():
        return len(text) - text.count(MARK_OPEN) - text.count(MARK_CLOSE)
    return sum(1 if " " <= ch < "\u0300" else _char_width(ch) for ch in text)


def _split_word(word: str, width: int) -> list[str]:
    parts, current, used = [], "", 0
    for ch in word:
        w = _char_width(ch)
        if current and used + w > width:
            parts.append(current)
            current, used = "", 0
        current += ch
        used += w
    return parts + [current] if current else parts


def wrap(text: str, width: int) -> list[str]:
    """Words of `text` in lines of at most `width` columns."""
    width = max(width, 1)
    lines: list[str] = []
    current, used = "", 0
    for word in text.split():
        size = width_of(word)
        for piece in _split_word(word, width) if size > width else [word]:
            piece_size = size if piece is word else width_of(piece)
            if current and used + 1 + piece_size <= width:
                current, used = f"{current} {piece}", used + 1 + piece_size
            elif not current:
                current, used = piece, piece_size
            else:
                lines.append(current)
                current, used = piece, piece_size
    if current or not lines:
        lines.append(current)
    return lines


def shorten(text: str, width: int) -> str:
    """One line, cut with … to `width` columns."""
    text = " ".join(text.split())
    if width_of(text) <= width:
        return text
    used, cut = 0, 0
    for cut, ch in enumerate(text):
        used += _char_width(ch)
        if used > width - 1:
            break
    kept = text[:cut].rstrip()
    if kept.count(MARK_OPEN) > kept.count(MARK_CLOSE):
        kept += MARK_CLOSE
    return kept + "…"


@dataclass
class Column:
    header: str
    grow: bool = False  # takes the width left by the others; wraps
    most: int = 40  # widest a fixed column gets (longer cells are cut with …)


def _paint(lines: list[str], colour: bool) -> list[str]:
    """Turn marks into colour (closing and reopening at line ends) or «»."""
    if not colour:
        return [ln.replace(MARK_OPEN, "«").replace(MARK_CLOSE, "»") for ln in lines]
    out, inside = [], False
    for ln in lines:
        text = (_HIGHLIGHT if inside else "") + ln.replace(MARK_OPEN, _HIGHLIGHT).replace(MARK_CLOSE, _RESET)
        last_open, last_close = ln.rfind(MARK_OPEN), ln.rfind(MARK_CLOSE)
        if last_open > last_close:
            inside = True
        elif last_close > last_open:
            inside = False
        out.append(text + (_RESET if inside else ""))
    return out


def _visible(text: str, colour: bool) -> str:
    return text if colour else text.replace(MARK_OPEN, "«").replace(MARK_CLOSE, "»")


def _clean(text: str) -> str:
    return "".join(ch if ch >= " " or ch in (MARK_OPEN, MARK_CLOSE) else " " for ch in str(text))


def draw(columns: list[Column], rows: list[list[str]], *, total: int | None = None, colour: bool = False) -> str:
    """The rows as aligned columns under a header, fitting `total` columns."""
    if total is None:
        import shutil

        total = shutil.get_terminal_size((120, 24)).columns
    rows = [[_visible(_clean(c), colour) for c in row] for row in rows]
    widths = []
    for i, col in enumerate(columns):
        if col.grow:
            widths.append(0)
            continue
        longest = max([width_of(col.header)] + [width_of(r[i]) for r in rows])
        widths.append(min(longest, max(col.most, width_of(col.header))))
    fixed = sum(widths) + len(GAP) * (len(columns) - 1)
    growing = [i for i, c in enumerate(columns) if c.grow]
    for i in growing:
        room = max(20, (total - fixed) // max(len(growing), 1))
        longest = max([width_of(columns[i].header)] + [width_of(r[i]) for r in rows])
        widths[i] = min(room, longest)
    lines = []
    header = GAP.join(_pad(c.header, w) for c, w in zip(columns, widths)).rstrip()
    lines.append(f"{_BOLD}{header}{_RESET}" if colour else header)
    lines.append(GAP.join("─" * w for w in widths))
    for row in rows:
        cells = []
        for i, col in enumerate(columns):
            if col.grow:
                cells.append(_paint(wrap(row[i], widths[i]), colour))
            else:
                cells.append(_paint([shorten(row[i], widths[i])], colour))
        height = max(len(c) for c in cells)
        for n in range(height):
            parts = [_pad(c[n] if n < len(c) else "", w) for c, w in zip(cells, widths)]
            lines.append(GAP.join(parts).rstrip())
    return "\n".join(lines) + "\n"


def _pad(text: str, width: int) -> str:
    visible = text
    if "\x1b" in text:
        import re

        visible = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return text + " " * max(0, width - width_of(visible))

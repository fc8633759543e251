"""Timing whole commands as a user runs them: medians of several runs after
a warm-up, beside a floor measured in the same run."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def brief_command() -> list[str]:
    """The installed `brief` beside this Python, else `python -m brief`."""
    script = Path(sys.executable).with_name("brief")
    return [str(script)] if script.exists() else [sys.executable, "-m", "brief"]


def time_command(argv: list[str], *, runs: int = 7, warmup: int = 1, env: dict | None = None) -> dict:
    """Median wall time (ms) and peak RSS (MiB) of a whole process."""
    environment = {**os.environ, **(env or {})}
    times, peaks = [], []
    for i in range(warmup + runs):
        start = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        proc = subprocess.run(argv, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = (time.perf_counter() - start) * 1000
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} failed: {proc.stderr.decode(errors='replace')}")
        if i >= warmup:
            times.append(elapsed)
            peaks.append(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024)
    return {"median_ms": statistics.median(times), "min_ms": min(times), "peak_mib": max(peaks), "runs": runs}


def floor_python(runs: int = 7) -> dict:
    return time_command([sys.executable, "-c", "pass"], runs=runs)


def write_section(heading: str, body: str) -> None:
    """Replace (or add) one `## heading` section of bench/README.md."""
    readme = BENCH / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    marker = f"## {heading}\n"
    if marker in text:
        start = text.index(marker)
        end = text.find("\n## ", start + len(marker))
        text = text[:start] + marker + body.rstrip() + "\n" + (text[end:] if end != -1 else "")
    else:
        text = text.rstrip() + "\n\n" + marker + body.rstrip() + "\n"
    readme.write_text(text, encoding="utf-8")


def table(rows: list[tuple], headers: tuple) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)

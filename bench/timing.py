"""Timing whole commands as a user runs them: medians of several runs after
a warm-up, beside a floor measured in the same run."""

from __future__ import annotations

import os
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


def run_once(argv: list[str], env: dict | None = None) -> tuple[float, float]:
    """One whole process: wall time in ms and its own peak RSS in MiB."""
    # Timed as installed: byte-code cached (this machine sets PYTHONDONTWRITEBYTECODE).
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment.update(env or {})
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    stderr = proc.stderr.read()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {stderr.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024


def time_command(argv: list[str], *, runs: int = 7, warmup: int = 1, env: dict | None = None) -> dict:
    """Median wall time (ms) and peak RSS (MiB) of a whole process."""
    for _ in range(warmup):
        run_once(argv, env)
    samples = [run_once(argv, env) for _ in range(runs)]
    times = [t for t, _ in samples]
    return {"median_ms": statistics.median(times), "min_ms": min(times),
            "peak_mib": max(p for _, p in samples), "runs": runs}


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
        text = text[:start] + marker + "\n" + body.strip() + "\n" + (text[end:] if end != -1 else "")
    else:
        text = text.rstrip() + "\n\n" + marker + "\n" + body.strip() + "\n"
    readme.write_text(text, encoding="utf-8")


def table(rows: list[tuple], headers: tuple) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)

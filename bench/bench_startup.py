"""Whole-process start-up of brief against a bare `python -c pass`.

    python bench/bench_startup.py [--runs 7] [--write]

Budget (issue "Notebook core"): `brief --version` <= 80 ms, `brief add quote`
with an ISO date <= 120 ms.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import brief_command, floor_python, table, time_command, write_section  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--write", action="store_true", help="Write the table into bench/README.md.")
    args = parser.parse_args()
    brief = brief_command()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        time_command([*brief, "--db", db, "add", "source", "Warm-up"], runs=1, warmup=0)
        floor = floor_python(args.runs)
        cases = [
            ("brief --version", [*brief, "--version"], 80),
            ("brief --help", [*brief, "--help"], None),
            ("brief add quote --date 2014-06-10", [*brief, "--db", db, "add", "quote", "We are ready.", "--speaker",
                                                  "Antony Blinken", "--date", "2014-06-10", "--source", "1"], 120),
            ("brief quote --json", [*brief, "--db", db, "quote", "--json"], None),
        ]
        rows = [("python -c pass (floor)", f"{floor['median_ms']:.0f}", "1.0", "", f"{floor['peak_mib']:.0f}")]
        for label, argv, budget in cases:
            m = time_command(argv, runs=args.runs)
            rows.append((label, f"{m['median_ms']:.0f}", f"{m['median_ms'] / floor['median_ms']:.1f}",
                         f"{budget}" if budget else "", f"{m['peak_mib']:.0f}"))
    text = table(rows, ("command", "median ms", "x floor", "budget ms", "peak MiB"))
    print(text)
    if args.write:
        write_section("Start-up", f"`python bench/bench_startup.py --runs {args.runs} --write`, medians of "
                      f"{args.runs} runs after a warm-up, on a small notebook.\n\n" + text)


if __name__ == "__main__":
    main()

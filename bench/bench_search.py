"""Time brief's search commands as a user runs them, on large notebooks.

    python bench/bench_search.py                      # 100,000 and 1,000,000 items, README table
    python bench/bench_search.py --small              # a few thousand items, one run (for CI)
    python bench/bench_search.py --items 100000 --runs 9

Each command is run as a whole process (`brief --db NOTEBOOK ...`, output to
a pipe) once to warm up, then --runs times; the median wall time and the
peak memory (max RSS) are reported beside a floor measured in the same run:
a bare `python -c` process that opens the notebook with sqlite3 and runs the
equivalent query for the same rows (the FTS5 match with snippets, or the
speaker's quotes), and nothing else. The notebooks are built once by
bench/build_notebook.py and cached under bench/data/.

Python writes its bytecode cache as an installed package would have it
(PYTHONDONTWRITEBYTECODE is removed from the environment of the timed runs).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import build_notebook  # noqa: E402
from timing import time_command, write_section  # noqa: E402

BUDGET_MS = 150
BUDGET_MIB = 60

SNIPPET_FLOOR = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT rowid, snippet(quote_fts, -1, '[', ']', '…', 18) FROM quote_fts "
                 "WHERE quote_fts MATCH '\\"drone\\"' ORDER BY rowid DESC LIMIT 20").fetchall()
print("\\n".join(f"{r[0]} {r[1]}" for r in rows))
"""
RANGE_FLOOR = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT rowid, snippet(quote_fts, -1, '[', ']', '…', 18) FROM quote_fts "
                 "WHERE quote_fts MATCH '\\"drone\\"' AND rowid IN (SELECT id FROM quote "
                 "WHERE said_on BETWEEN '2014' AND '2015-12-31~' ORDER BY said_on DESC LIMIT 200) LIMIT 20").fetchall()
print("\\n".join(f"{r[0]} {r[1]}" for r in rows))
"""
SPEAKER_FLOOR = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT q.id, q.said_on, q.text FROM quote q WHERE q.speaker_id = "
                 "(SELECT entity_id FROM alias WHERE family = 'blinken' LIMIT 1) "
                 "ORDER BY q.said_on DESC, q.id DESC LIMIT 100").fetchall()
print("\\n".join(f"{r[0]} {r[1]} {r[2]}" for r in rows))
"""

CASES = [
    # (label, brief arguments, floor script, in the budget)
    ("brief search drone", ["search", "drone"], SNIPPET_FLOOR, True),
    ("brief search drone --json", ["search", "drone", "--json"], SNIPPET_FLOOR, False),
    ("brief search drone --since 2014 --until 2015", ["search", "drone", "--since", "2014", "--until", "2015"],
     RANGE_FLOOR, True),
    ("brief quote --speaker Blinken", ["quote", "--speaker", "Blinken"], SPEAKER_FLOOR, True),
    ("brief quote --speaker Blinken --json", ["quote", "--speaker", "Blinken", "--json"], SPEAKER_FLOOR, False),
    ("brief quote --speaker Blinken -n 20", ["quote", "--speaker", "Blinken", "-n", "20"], SPEAKER_FLOOR, False),
]


def bench(db: Path, runs: int) -> list[dict]:
    env = {"COLUMNS": "120"}
    brief = [sys.executable, "-m", "brief"]
    rows = []
    for label, args, floor, budgeted in CASES:
        m = time_command([*brief, "--db", str(db), *args], runs=runs, env=env)
        f = time_command([sys.executable, "-c", floor, str(db)], runs=runs, env=env)
        ms, rss, floor_ms = m["median_ms"], m["peak_mib"], f["median_ms"]
        rows.append({"command": label, "ms": ms, "rss": rss, "floor_ms": floor_ms, "floor_rss": f["peak_mib"],
                     "ratio": ms / floor_ms if floor_ms else 0.0, "budgeted": budgeted})
        print(f"  {label:48s} {ms:7.1f} ms {rss:5.1f} MiB | floor {floor_ms:6.1f} ms | x{ms / floor_ms:4.1f}",
              file=sys.stderr)
    return rows


def verdict(row: dict) -> str:
    if not row["budgeted"]:
        return "-"
    ok = row["ms"] <= BUDGET_MS and row["rss"] <= BUDGET_MIB
    return "ok" if ok else "over"


def table(results: dict[int, list[dict]], runs: int) -> str:
    lines = ["| items | command | median ms | peak MiB | floor ms | ratio | budget (150 ms, 60 MiB) |",
             "|---:|---|---:|---:|---:|---:|---|"]
    for items, rows in results.items():
        for r in rows:
            lines.append(f"| {items:,} | `{r['command']}` | {r['ms']:.0f} | {r['rss']:.0f} | {r['floor_ms']:.0f} | "
                         f"{r['ratio']:.1f} | {verdict(r)} |")
    cores = os.cpu_count()
    lines += ["", f"Median of {runs} runs after a warm-up, whole process, output to a pipe, on {cores} cores; "
              "floor: a bare `python -c` running the equivalent sqlite3 query for the same rows "
              f"(measured {time.strftime('%Y-%m-%d')})."]
    return "\n".join(lines) + "\n"


SECTION_INTRO = """Measured by `python bench/bench_search.py --write-readme` (notebooks built by
`bench/build_notebook.py`, cached in bench/data/). `brief search` shows 20
results with snippets; `brief quote` shows 100 quotes unless `-n` says
otherwise. The ratio is brief's time over the floor's; on a shared machine
the times move with its load, the ratio much less.

"""


def write_readme(text: str) -> None:
    write_section("Search", SECTION_INTRO + text)


def main() -> None:
    parser = argparse.ArgumentParser(description="Time brief search, brief quote --speaker on large notebooks.")
    parser.add_argument("--small", action="store_true", help="a 3,000-item notebook, one run: seconds, for CI")
    parser.add_argument("--items", type=int, action="append", help="notebook sizes (default 100000 and 1000000)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    parser.add_argument("--write-readme", action="store_true", help="write the table into bench/README.md")
    args = parser.parse_args()
    results: dict[int, list[dict]] = {}
    if args.small:
        with tempfile.TemporaryDirectory() as tmp:
            db = build_notebook.build(Path(tmp) / "small.db", 3000, quiet=True)
            results[3000] = bench(db, 1)
        runs = 1
    else:
        runs = args.runs
        for items in args.items or [100_000, 1_000_000]:
            db = build_notebook.cached(items)
            print(f"{items:,} items: {db}", file=sys.stderr)
            results[items] = bench(db, runs)
    text = table(results, runs)
    print(text)
    if args.write_readme:
        write_readme(text)


if __name__ == "__main__":
    main()

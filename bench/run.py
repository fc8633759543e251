"""The whole performance budget in one command.

    python bench/run.py            # full: 1,000,000-item notebook; writes bench/README.md
    python bench/run.py --small    # a few thousand items, one run: proves the bench works (CI)

Builds the benchmark notebooks once (cached under bench/data/), times every
budgeted command as a user runs it (a whole process: median of --runs runs
after a warm-up) beside floors measured in the same run (a bare
`python -c pass`, and the raw sqlite3 work behind the command in a bare
Python process), and writes a table of medians and ratios to bench/README.md
under "Budget". No timing is asserted: read the table.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from timing import brief_command, floor_python, table, time_command, write_section  # noqa: E402

FLOOR_SEARCH = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
q = "SELECT rowid, snippet(quote_fts, 0, '[', ']', '...', 12) FROM quote_fts WHERE quote_fts MATCH 'drone' ORDER BY rowid DESC LIMIT 20"
rows = c.execute(q).fetchall()
"""
FLOOR_RANGE = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
hits = []
for rowid, date in c.execute("SELECT id, date FROM event WHERE date BETWEEN '2014' AND '2015-12-31~' ORDER BY date DESC"):
    if c.execute("SELECT 1 FROM event_fts WHERE event_fts MATCH 'drone' AND rowid = ?", (rowid,)).fetchone():
        hits.append(rowid)
        if len(hits) == 20:
            break
"""
FLOOR_SPEAKER = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
ids = [r[0] for r in c.execute("SELECT entity_id FROM alias WHERE family = 'blinken'")]
rows = c.execute(f"SELECT id, text FROM quote WHERE speaker_id IN ({','.join('?' * len(ids))}) "
                 "ORDER BY said_on DESC LIMIT 100", ids).fetchall()
"""
FLOOR_INSERT = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("INSERT INTO event (date, summary) VALUES ('2014-06-10', 'floor')")
c.execute("ROLLBACK")
"""
FLOOR_EXPORT = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT * FROM event ORDER BY date").fetchall() + c.execute("SELECT * FROM quote").fetchall()
"""


def notebook(items: int, small: bool) -> Path:
    import build_notebook

    if small:
        path = HERE / "data" / f"small-{items}.db"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            build_notebook.build(path, items, quiet=True)
        return path
    return build_notebook.cached(items)


def dedupe_notebook(n: int, folder: Path) -> Path:
    """A notebook holding n synthetic entities (names written many ways)."""
    from bench_dedupe import synthetic

    data = {"sources": [], "events": [], "quotes": [],
            "entities": [{"id": c.id, "name": c.name, "kind": c.kind, "aliases": c.aliases[1:]} for c in synthetic(n)]}
    source = folder / "entities.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    path = folder / "entities.db"
    time_command([*brief_command(), "--db", str(path), "import", "json", str(source)], runs=1, warmup=0)
    return path


def row(label: str, measured: dict, floor: dict, budget: float | None, unit: str = "ms") -> tuple:
    ms, base = measured["median_ms"], floor["median_ms"]
    shown = f"{ms / 1000:.2f} s" if unit == "s" else f"{ms:.0f}"
    verdict = "" if budget is None else ("within" if ms <= budget else "OVER")
    limit = "" if budget is None else (f"{budget / 1000:g} s" if unit == "s" else f"{budget:g}")
    return (label, shown, f"{base:.0f}", f"{ms / base:.1f}", limit, verdict, f"{measured['peak_mib']:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="small notebooks and one run, for CI: seconds, not minutes")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args()
    runs = 1 if args.small else args.runs
    big_items = 3_000 if args.small else 1_000_000
    import_events = 2_000 if args.small else 100_000
    dedupe_entities = 1_000 if args.small else 20_000
    brief = brief_command()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = notebook(big_items, args.small)
        memo_db = notebook(1_000, args.small)
        scratch = folder / "scratch.db"
        time_command([*brief, "--db", str(scratch), "add", "source", "Scratch", "--date", "2014-06-11"], runs=1, warmup=0)
        bare = floor_python(runs)
        rows.append(("python -c pass", f"{bare['median_ms']:.0f}", f"{bare['median_ms']:.0f}", "1.0", "", "", f"{bare['peak_mib']:.0f}"))

        def floor(script: str, db: Path) -> dict:
            return time_command([sys.executable, "-c", script, str(db)], runs=runs)

        rows.append(row("brief --version", time_command([*brief, "--version"], runs=runs), bare, 80))
        rows.append(row("brief add quote --date 2014-06-10", time_command(
            [*brief, "--db", str(scratch), "add", "quote", "We took necessary action.", "--speaker", "Antony Blinken",
             "--date", "2014-06-10", "--source", "1"], runs=runs), floor(FLOOR_INSERT, scratch), 120))
        label = f"{big_items:,} items"
        rows.append(row(f"brief search drone ({label})",
                        time_command([*brief, "--db", str(big), "search", "drone"], runs=runs),
                        floor(FLOOR_SEARCH, big), 150))
        rows.append(row(f"brief search drone --since 2014 --until 2015 ({label})",
                        time_command([*brief, "--db", str(big), "search", "drone", "--since", "2014", "--until", "2015"], runs=runs),
                        floor(FLOOR_RANGE, big), 150))
        rows.append(row(f"brief quote --speaker Blinken ({label})",
                        time_command([*brief, "--db", str(big), "quote", "--speaker", "Blinken"], runs=runs),
                        floor(FLOOR_SPEAKER, big), 150))
        copy = folder / "big-copy.db" if args.small else big
        if args.small:
            shutil.copy(big, copy)
        rows.append(row(f"brief add event --date 'last Tuesday' ({label})", time_command(
            [*brief, "--db", str(copy), "add", "event", "Bench event", "--date", "last Tuesday", "--source", "1"],
            runs=runs), floor(FLOOR_INSERT, copy), 200))
        if not args.small:
            conn = sqlite3.connect(big)
            conn.execute("DELETE FROM event WHERE summary = 'Bench event'")
            conn.commit()
            conn.close()
        rows.append(row("brief export md (1,000 events and quotes)",
                        time_command([*brief, "--db", str(memo_db), "export", "md", "--as-of", "2024-12-31"], runs=runs),
                        floor(FLOOR_EXPORT, memo_db), 500))

        from bench_import import synthetic

        events = folder / "events.json"
        events.write_text(json.dumps(synthetic(import_events)), encoding="utf-8")
        imports = []
        for i in range(1 if args.small else 3):
            target = folder / f"import{i}.db"
            imports.append(time_command([*brief, "--db", str(target), "import", "json", str(events)], runs=1, warmup=0))
        imports.sort(key=lambda m: m["median_ms"])
        rows.append(row(f"brief import json ({import_events:,} events)", imports[len(imports) // 2], bare, 10_000, "s"))

        entities = dedupe_notebook(dedupe_entities, folder)
        rows.append(row(f"brief dedupe --dry-run --json ({dedupe_entities:,} entities)",
                        time_command([*brief, "--db", str(entities), "dedupe", "--dry-run", "--json"],
                                     runs=min(runs, 3), warmup=0 if args.small else 1),
                        bare, 3_000, "s"))
    text = table(rows, ("command", "median", "floor ms", "x floor", "budget", "", "peak MiB"))
    print(text)
    if not args.small and not args.no_write:
        write_section("Budget", (
            f"`python bench/run.py` on this 2-core machine: whole processes, median of {runs} runs after a warm-up "
            "(imports: median of 3 fresh imports; dedupe: 3 runs), beside floors measured in the same run: "
            "`python -c pass`, or a bare Python process doing the raw sqlite3 work behind the command. "
            "Times in ms unless marked.\n\n" + text))


if __name__ == "__main__":
    main()

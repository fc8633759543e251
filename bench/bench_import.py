"""How long importing a large file takes, through the real command line.

Builds a synthetic file of N events (default 100,000) in the shape analysts
receive: a few hundred actors and places named by text, a few dozen sources,
tags, some events with two sources and per-citation grades. Then runs
`brief import json` (and `brief import csv --kind events` on the same events
as an ACLED-style table) into a fresh notebook several times and reports the
median wall-clock time of the whole command.

    python bench/bench_import.py                 # 100,000 events, 5 runs
    python bench/bench_import.py --events 20000 --runs 3
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Ahmed", "Sarah", "Nouri", "James", "Ali", "Maria", "Hassan", "John", "Fatima", "Omar", "Leila", "David"]
LAST = ["Hassan", "Miller", "al-Maliki", "Dubik", "Karimi", "Lopez", "Haddad", "Brown", "Sadr", "Khalil", "Stone"]
GROUPS = ["Brigade", "Front", "Militia", "Forces", "Movement", "Army", "Council", "Ministry"]
PLACES = ["Mosul", "Tikrit", "Baghdad", "Fallujah", "Ramadi", "Kirkuk", "Basra", "Erbil", "Samarra", "Najaf"]
VERBS = ["attack on", "clashes near", "protest in", "airstrike on", "talks in", "checkpoint set up at", "arrests in"]


def synthetic(n: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    people = [f"{f} {l}" for f in FIRST for l in LAST]
    groups = [f"{p} {g}" for p in PLACES for g in GROUPS]
    actors = people + groups
    places = [f"{p}{'' if i == 0 else f' district {i}'}" for p in PLACES for i in range(30)]
    outlets = [f"Outlet {i}" for i in range(40)]
    sources = [{"id": i + 1, "title": f"Daily report {i + 1}", "publisher": outlets[i % len(outlets)],
                "url": f"https://example.org/report/{i + 1}", "published": f"2014-{1 + i % 12:02d}-01",
                "reliability": "ABCDEF"[i % 6]} for i in range(60)]
    events = []
    for i in range(n):
        year, month, day = 2010 + i % 10, 1 + rng.randrange(12), 1 + rng.randrange(28)
        date = [f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}"][rng.randrange(10) and 2 or rng.randrange(2)]
        a1, a2 = rng.sample(actors, 2)
        place = rng.choice(places)
        cited = rng.sample(range(1, len(sources) + 1), 1 + (i % 5 == 0))
        event = {"id": i + 1, "date": date, "summary": f"{a1}: {rng.choice(VERBS)} {place} (report {i + 1})",
                 "actors": [a1, a2], "place": place,
                 "sources": [c if j else {"source": c, "credibility": 1 + i % 6, "excerpt": "as reported"}
                             for j, c in enumerate(cited)],
                 "credibility": 1 + i % 6, "tags": rng.sample(["security", "politics", "aid", "protest", "isis"], 1 + i % 2)}
        events.append(event)
    return {"sources": sources, "entities": [], "events": events, "quotes": []}


def acled_rows(data: dict) -> list[dict]:
    titles = {s["id"]: s["title"] for s in data["sources"]}
    rows = []
    for e in data["events"]:
        cited = [c if isinstance(c, int) else c["source"] for c in e["sources"]]
        rows.append({"event_date": e["date"], "actor1": e["actors"][0], "actor2": e["actors"][1],
                     "location": e["place"], "notes": e["summary"], "source": "; ".join(titles[c] for c in cited),
                     "fatalities": str(len(e["summary"]) % 7)})
    return rows


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {done.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--brief", default=str(Path(sys.executable).with_name("brief")), help="the brief command")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="brief-bench-"))
    data = synthetic(args.events)
    json_file = work / "events.json"
    json_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    csv_file = work / "events.csv"
    rows = acled_rows(data)
    with csv_file.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)

    results = {}
    for label, command in (("json", ["import", "json", str(json_file)]),
                           ("csv", ["import", "csv", str(csv_file), "--kind", "events"])):
        times = []
        for run in range(args.runs):
            db = work / f"{label}-{run}.db"
            times.append(timed([args.brief, "--db", str(db), *command]))
            db.unlink()
        results[label] = times
        print(f"brief import {label}: {args.events:,} events, median {statistics.median(times):.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in times)})")
    print(f"files: {json_file} ({json_file.stat().st_size / 1e6:.1f} MB), {csv_file} ({csv_file.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()

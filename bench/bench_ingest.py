"""Score the article ingester against a reference annotation of the seed articles.

    python bench/bench_ingest.py [GOLD] [--seeds DIR] [--no-dates] [--write-readme]

GOLD defaults to ../shared/seeds-gold.json relative to the repository root.
Articles come from fixtures/seeds/ when present, else /work/shared/seeds/.
Publication dates are passed from the annotation's sources unless --no-dates.

Measures (full quotes only for quotes; partial quotes are not proposed by default):
- quote recall / precision: texts equal after normalising whitespace and quote marks;
- speaker accuracy, on matched quotes: same names.match_key or family name; an
  unnamed speaker counts when the proposal is unnamed with the same head noun;
- event date accuracy, on gold events matched by overlapping date words: the
  proposed date equals the gold date, or its span covers it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from brief import names  # noqa: E402
from brief.dates import bounds  # noqa: E402
from brief.ingest import extract, read_article  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from timing import write_section  # noqa: E402

TARGETS = {"quote recall": 0.95, "quote precision": 0.90, "speaker accuracy": 0.85,
           "event date accuracy": 0.80}


def norm_quote(text: str) -> str:
    text = re.sub(r"[“”„‟″\"]", '"', text)
    text = re.sub(r"[‘’′`]", "'", text)
    text = " ".join(text.split())
    return text.strip(" ,.;:\"'—–-").lower()


def same_quote(a: str, b: str) -> bool:
    a, b = norm_quote(a), norm_quote(b)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 0.9 * len(long_) and short in long_


def speaker_ok(gold: str | None, got: str | None, got_kind: str | None) -> bool:
    if not gold or not got:
        return gold == got
    if gold.lower().startswith(("unnamed", "a ", "an ", "the ")) or gold[0].islower():
        if got_kind != "unnamed":
            return False
        head = got.split()[-1].lower().rstrip("s")
        return head in gold.lower()
    if names.match_key(gold, "person") == names.match_key(got, "person"):
        return True
    fam = names.family_key(gold, "person")
    return fam is not None and fam == names.family_key(got, "person")


def match_quotes(gold_quotes: list[dict], proposed: list) -> dict:
    """Counts for one article: gold full quotes found, and speakers right on those."""
    used: set[int] = set()
    row = dict(gq=len(gold_quotes), cq=len(proposed), matched=0, spk=0, ge=0, em=0, eok=0)
    for g in gold_quotes:
        for i, c in enumerate(proposed):
            if i not in used and same_quote(g["text"], c.text):
                used.add(i)
                row["matched"] += 1
                row["spk"] += speaker_ok(g["speaker"], c.speaker, c.speaker_kind)
                break
    return row


def date_ok(gold: str, date: str, end: str | None, covering: str) -> bool:
    if gold in (date, covering):
        return True
    g0, g1 = bounds(gold)
    c0, c1 = bounds(date)[0], bounds(end or date)[1]
    return c0 <= g0 and g1 <= c1


def overlap(a: str, b: str) -> bool:
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    return a in b or b in a


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def run(gold_path: Path, seeds: Path, use_dates: bool) -> dict:
    from brief.dates import ParsedDate

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    sources = {s["file"]: s for s in gold["sources"]}
    per_file = {}
    totals = dict(gq=0, cq=0, matched_g=0, matched_c=0, spk=0, spk_n=0, ge=0, em=0, eok=0)
    seconds = 0.0
    for name in sorted(sources):
        path = seeds / name
        if not path.exists():
            continue
        text, fmt = read_article(path)
        started = time.perf_counter()
        x = extract(text, fmt=fmt, published=sources[name]["published"] if use_dates else None)
        seconds += time.perf_counter() - started
        gq = [q for q in gold["quotes"] if q["file"] == name and not q["is_partial"]]
        cq = [q for q in x.quotes if not q.partial]
        row = match_quotes(gq, cq)
        ge = [e for e in gold["events"] if e["file"] == name and e.get("date_text")]
        row["ge"] = len(ge)
        for g in ge:
            options = [e for e in x.events if overlap(e.date_text, g["date_text"])]
            if not options:
                continue
            best = max(options, key=lambda e: len(words(e.summary) & words(g["summary"])))
            row["em"] += 1
            covering = ParsedDate(best.date, best.end, best.date_text, False).covering()
            row["eok"] += date_ok(g["date"], best.date, best.end, covering)
        per_file[name] = row
        _add(totals, row)
    return {"scores": _scores(totals), "totals": totals, "per_file": per_file, "seconds": seconds}


HELD_OUT_DIR = ROOT / "tests" / "data" / "ingest"
FIRST_HELD_OUT_RUN = (
    "First run on copper_tax.txt and severn_flood.html, before any rule was changed for them: "
    "quote recall 1.00 (14/14), precision 1.00 (14/14), speaker accuracy 0.86 (12/14: a "
    "double surname, 'Valdés' for Rodrigo Valdés Ortega), event date accuracy 0.88 (14/16 matched, "
    "16/17 found: 'on Wednesday' and 'by Thursday' after 'expect'/'hoped to' read as past days, "
    "'in the past two weeks' not found). The general fixes that followed (compound surnames, "
    "'past N weeks', 'by <weekday>', more future cues) mean these two are no longer unseen; "
    "the next article written is the honest test."
)


def run_held_out(folder: Path = HELD_OUT_DIR) -> dict:
    """The same measures on articles written after the rules were (``"held_out":
    true`` in their .expected.json), with the publication date found in the text."""
    totals = dict(gq=0, cq=0, matched_g=0, matched_c=0, spk=0, spk_n=0, ge=0, em=0, eok=0)
    per_file = {}
    for expected_path in sorted(folder.glob("*.expected.json")):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        if not expected.get("held_out"):
            continue
        stem = expected_path.name[: -len(".expected.json")]
        article = next(p for p in folder.iterdir() if p.stem == stem and p.suffix in (".txt", ".md", ".html"))
        text, fmt = read_article(article)
        x = extract(text, fmt=fmt)
        gq = [q for q in expected["quotes"] if not q["partial"]]
        cq = [q for q in x.quotes if not q.partial]
        row = match_quotes(gq, cq)
        row["ge"] = len(expected["events"])
        for g in expected["events"]:
            options = [e for e in x.events if overlap(e.date_text, g["date_text"])]
            if options:
                row["em"] += 1
                row["eok"] += any(date_ok(g["date"], e.date, e.end, e.date) for e in options)
        per_file[article.name] = row
        _add(totals, row)
    return {"scores": _scores(totals), "totals": totals, "per_file": per_file}


def _add(totals: dict, row: dict) -> None:
    for k, src in (("gq", "gq"), ("cq", "cq"), ("matched_g", "matched"), ("matched_c", "matched"),
                   ("spk", "spk"), ("spk_n", "matched"), ("ge", "ge"), ("em", "em"), ("eok", "eok")):
        totals[k] += row[src]


def _scores(t: dict) -> dict:
    return {
        "quote recall": t["matched_g"] / t["gq"] if t["gq"] else 0.0,
        "quote precision": t["matched_c"] / t["cq"] if t["cq"] else 0.0,
        "speaker accuracy": t["spk"] / t["spk_n"] if t["spk_n"] else 0.0,
        "event date accuracy": t["eok"] / t["em"] if t["em"] else 0.0,
    }


def held_out_table(result: dict) -> str:
    t, s = result["totals"], result["scores"]
    lines = [
        "Held out (articles in tests/data/ingest/ written after the rules, never tuned on; "
        "publication date from the text):",
        "",
        "| articles | quote recall | quote precision | speaker accuracy | event date accuracy |",
        "|---|---|---|---|---|",
        f"| {', '.join(result['per_file'])} | {s['quote recall']:.2f} ({t['matched_g']}/{t['gq']}) | "
        f"{s['quote precision']:.2f} ({t['matched_c']}/{t['cq']}) | {s['speaker accuracy']:.2f} "
        f"({t['spk']}/{t['spk_n']}) | {s['event date accuracy']:.2f} ({t['eok']}/{t['em']} matched, "
        f"{t['em']}/{t['ge']} found) |",
        "",
        FIRST_HELD_OUT_RUN,
    ]
    return "\n".join(lines)


def table(result: dict, use_dates: bool) -> str:
    t = result["totals"]
    counts = {
        "quote recall": f"{t['matched_g']}/{t['gq']} gold full quotes found",
        "quote precision": f"{t['matched_c']}/{t['cq']} proposed full quotes correct",
        "speaker accuracy": f"{t['spk']}/{t['spk_n']} matched quotes",
        "event date accuracy": f"{t['eok']}/{t['em']} matched events "
                               f"({t['em']}/{t['ge']} gold events with date words matched)",
    }
    lines = ["| measure | score | target | counts |", "|---|---|---|---|"]
    for name, value in result["scores"].items():
        mark = "ok" if value >= TARGETS[name] else "BELOW"
        lines.append(f"| {name} | {value:.2f} | {TARGETS[name]:.2f} ({mark}) | {counts[name]} |")
    lines.append("")
    lines.append("| article | gold full quotes | proposed | matched | speaker right | events matched / gold | dates right |")
    lines.append("|---|---|---|---|---|---|---|")
    for name, r in result["per_file"].items():
        lines.append(f"| {name} | {r['gq']} | {r['cq']} | {r['matched']} | {r['spk']} | "
                     f"{r['em']}/{r['ge']} | {r['eok']} |")
    lines.append("")
    lines.append(f"Publication dates {'from the annotation' if use_dates else 'found in the text only'}; "
                 f"extraction time {result['seconds'] * 1000:.0f} ms for {len(result['per_file'])} articles.")
    return "\n".join(lines)


def write_readme(text: str) -> None:
    write_section("Ingest quality", "Measured by `python bench/bench_ingest.py --write-readme` "
                  "against the reference annotation of the five seed articles "
                  "(../shared/seeds-gold.json).\n\n" + text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared" / "seeds-gold.json"))
    parser.add_argument("--seeds", default=None, help="folder of seed articles")
    parser.add_argument("--no-dates", action="store_true", help="do not pass publication dates")
    parser.add_argument("--write-readme", action="store_true", help="update bench/README.md")
    args = parser.parse_args(argv)
    gold = Path(args.gold)
    if not gold.exists():
        print(f"No reference annotation at {gold}; pass its path.", file=sys.stderr)
        return 2
    seeds = Path(args.seeds) if args.seeds else next(
        (p for p in (ROOT / "fixtures" / "seeds", Path("/work/shared/seeds"))
         if p.is_dir() and len(list(p.glob("0*.txt"))) >= 5),
        ROOT / "fixtures" / "seeds")
    result = run(gold, seeds, not args.no_dates)
    text = table(result, not args.no_dates)
    held = run_held_out()
    if held["per_file"]:
        text += "\n\n" + held_out_table(held)
    print(text)
    if args.write_readme:
        write_readme(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

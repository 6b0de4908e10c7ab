#!/usr/bin/env python3
"""How many figures of the expert's hand analysis (gold/seeds_derived.csv) the derived table
reproduces.

A gold row is reproduced when a row of derived.csv with the same derived_id (or the id that
scripts/derived_aliases.csv gives it: the catalog names some figures generically, e.g. one
`cost_per_deportee` entry covers the gold's per-count rows) has the same value within 0.5%
relative or 0.01 absolute.

Usage: scripts/derived_coverage.py [DERIVED_CSV] [GOLD_CSV]
       (defaults: output/derived.csv, ../shared/gold/seeds_derived.csv)
Exit 0 always; prints reproduced/total and the ids not reproduced.
"""
import csv
import sys
from pathlib import Path

top = Path(__file__).resolve().parent.parent
derived_path = Path(sys.argv[1]) if len(sys.argv) > 1 else top / "output" / "derived.csv"
gold_path = Path(sys.argv[2]) if len(sys.argv) > 2 else top.parent / "shared" / "gold" / "seeds_derived.csv"

aliases = {}
with open(Path(__file__).with_name("derived_aliases.csv"), newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        aliases.setdefault(r["gold_id"], set()).add(r["derived_id"])

values = {}
with open(derived_path, newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["value"]:
            values.setdefault(r["derived_id"], []).append(float(r["value"]))


def close(a, b):
    return abs(a - b) <= 0.01 or abs(a - b) <= 0.005 * abs(b)


reproduced, missing = 0, []
with open(gold_path, newline="", encoding="utf-8") as f:
    gold = list(csv.DictReader(f))
for g in gold:
    want = float(g["value"])
    ids = {g["derived_id"]} | aliases.get(g["derived_id"], set())
    if any(close(v, want) for i in ids for v in values.get(i, [])):
        reproduced += 1
    else:
        got = sorted({v for i in ids for v in values.get(i, [])})[:4]
        missing.append(f"{g['derived_id']} (gold {g['value']}; rows of {', '.join(sorted(ids))}: {got or 'none'})")

print(f"reproduced {reproduced}/{len(gold)} ({100 * reproduced / len(gold):.1f}%) of {gold_path.name} from {derived_path}")
for m in missing:
    print(f"  missing {m}")

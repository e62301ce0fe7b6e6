#!/usr/bin/env python3
"""How far each application family is from the p90 target of `sync-cli eventlog accuracy --output json`: per family,
its pairs that miss by more than the target, against the misses the target allows over all pairs (10 %), and the p90
over all pairs if every pair of the other families were predicted exactly (docs/accuracy.md, "Against the targets").

    dotnet run -c Release --project src/Sync.Cli -- eventlog accuracy --manifest bench/accuracy/ground-truth.manifest.json \
        --output json | python3 scripts/p90-budget.py [TARGET, default 0.25]
"""
import json, math, sys
from collections import Counter

target = float(sys.argv[1]) if len(sys.argv) > 1 else 0.25
pairs = json.load(sys.stdin)["pairs"]
family = lambda pair: pair["set"].split()[0]


def nearest_rank(values, q):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * q) - 1)] if ordered else 0.0


totals = Counter(family(p) for p in pairs)
misses = Counter(family(p) for p in pairs if abs(p["error"]) > target)
print(f"{len(pairs)} pairs; p90 <= {target:.0%} allows {int(len(pairs) * 0.1)} misses beyond it")
print("family\tpairs\tmisses beyond target\tp90 if the other families were exact")
for name in sorted(totals):
    alone = [abs(p["error"]) if family(p) == name else 0.0 for p in pairs]
    print(f"{name}\t{totals[name]}\t{misses[name]}\t{nearest_rank(alone, 0.9) * 100:.1f} %")

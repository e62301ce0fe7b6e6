#!/usr/bin/env python3
"""Measures the bands of the model's own error that widen its prediction intervals
(src/Sync.Engine/Simulation/model-error-bands.json, docs/accuracy.md "Uncertainty").

Reads the JSON of `sync-cli eventlog accuracy --output json` on stdin. For every ordered pair of runs of a set it takes
ln(measured / predicted), groups the pairs by how many doublings of task slots lie between the two runs (fewer slots:
(0,1], (1,2], (2,3], beyond; the same for more slots) and writes the 10th and 90th percentiles of each group as the
bands file on stdout, each band widened to hold the nearer ones (farther out is never more certain). Runs of a set with the same shape give the same-slots band (one run's measured time taken as the
other's: the repeat noise). On stderr it prints how often measured runs fall inside the bands when each set's bands are
measured on the other sets only (leave one set out): what to expect on an application the bands never saw.

    dotnet run -c Release --project src/Sync.Cli -- eventlog accuracy --manifest bench/accuracy/ground-truth.manifest.json --output json \
        | python3 scripts/model-error-bands.py > src/Sync.Engine/Simulation/model-error-bands.json
"""
import json, math, sys, datetime

LOW, HIGH = 0.1, 0.9
# Where the shipped bands were measured; another manifest's source can be given as the first argument.
GROUND_TRUTH = ("HiBench sort and KMeans on Spark 1.5.1 standalone, 1 to 128 workers: cemsbr/phd_notebook data, CC BY-NC-SA 4.0, "
                "read in place from ../shared/data/ground-truth, bench/accuracy/ground-truth.manifest.json")
EDGES = [1.0, 2.0, 3.0, None]

report = json.load(sys.stdin)


def quantile(values, q):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1))]  # nearest rank, as the engine


def key(from_slots, to_slots):
    doublings = math.log2(to_slots / from_slots)
    if abs(doublings) < 1e-9:
        return ("sameSlots", 0)
    side = "fewerSlots" if doublings < 0 else "moreSlots"
    for i, edge in enumerate(EDGES):
        if edge is None or abs(doublings) <= edge + 1e-9:
            return (side, i)


# (set, band key, ln(measured / predicted)) for every pair and every repeat
samples = [(p["set"], key(p["fromShape"]["slots"], p["toShape"]["slots"]), math.log(p["actualMs"] / p["predictedMs"]))
           for p in report["pairs"] if p["predictedMs"] > 0 and p["actualMs"] > 0]
runs = report["runs"]
for a in runs:
    for b in runs:
        if a is not b and a["set"] == b["set"] and a["shape"] == b["shape"] and a["wallTimeMs"] > 0 and b["wallTimeMs"] > 0:
            samples.append((a["set"], ("sameSlots", 0), math.log(b["wallTimeMs"] / a["wallTimeMs"])))


def bands(chosen):
    """The bands measured on `chosen`: {(side, i): (low, high, pairs measured)}, each at least as wide as the nearer ones
    (a prediction farther out is never more certain); a group without pairs takes its nearest measured one's."""
    groups = {}
    for _, k, value in chosen:
        groups.setdefault(k, []).append(value)
    measured = {k: (quantile(v, LOW), quantile(v, HIGH), len(v)) for k, v in groups.items()}
    # Without repeats of a shape the repeat noise is unknown: the same-slots band is empty, the others start from it.
    same = measured.get(("sameSlots", 0), (0.0, 0.0, 0))
    table = {("sameSlots", 0): same}
    for side in ("fewerSlots", "moreSlots"):
        low, high = same[0], same[1]
        for i in range(len(EDGES)):
            nearest = next((measured[(side, j)] for j in list(range(i, len(EDGES))) + list(range(i - 1, -1, -1)) if (side, j) in measured), same)
            low, high = min(low, nearest[0]), max(high, nearest[1])
            table[(side, i)] = (low, high, measured[(side, i)][2] if (side, i) in measured else 0)
    return table


fitted = bands(samples)
document = {
    "description": "Bands of ln(measured / predicted wall time) the model's prediction intervals are widened to: the 10th and 90th "
                   "percentiles over ground-truth pairs, by how many doublings of task slots the prediction spans.",
    "measured": datetime.date.today().isoformat(),
    "command": "dotnet run -c Release --project src/Sync.Cli -- eventlog accuracy --manifest bench/accuracy/ground-truth.manifest.json "
               "--output json | python3 scripts/model-error-bands.py",
    "groundTruth": f"{len(runs)} runs in {len({r['set'] for r in runs})} sets, {len(samples)} ordered pairs"
                   + (f" ({GROUND_TRUTH})" if len(sys.argv) < 2 else f" ({sys.argv[1]})"),
    "lowQuantile": LOW,
    "highQuantile": HIGH,
}
for side, edges in (("sameSlots", [0]), ("fewerSlots", EDGES), ("moreSlots", EDGES)):
    entries = [{"upToDoublings": edge, "pairs": fitted[(side, i)][2], "low": round(fitted[(side, i)][0], 4), "high": round(fitted[(side, i)][1], 4)}
               for i, edge in enumerate(edges)]
    document[side] = entries[0] if side == "sameSlots" else entries
json.dump(document, sys.stdout, indent=2)
sys.stdout.write("\n")

inside = total = 0
by_set = {}
for held_out in sorted({s for s, _, _ in samples}):
    others = bands([x for x in samples if x[0] != held_out])
    mine = [x for x in samples if x[0] == held_out and x[1] != ("sameSlots", 0)]
    hits = sum(1 for _, k, value in mine if others[k][0] <= value <= others[k][1])
    by_set[held_out] = (hits, len(mine))
    inside += hits
    total += len(mine)
for name, (hits, count) in by_set.items():
    print(f"{name}: {hits}/{count} = {hits / max(1, count):.1%} inside bands measured on the other sets", file=sys.stderr)
print(f"leave one set out: {inside}/{total} = {inside / max(1, total):.1%} of cross-configuration pairs inside", file=sys.stderr)

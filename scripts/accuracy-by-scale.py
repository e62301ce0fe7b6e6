#!/usr/bin/env python3
"""Groups the cross-configuration pairs of `sync-cli eventlog accuracy --output json` by application family and by how
much the total cores change (log2 of target/source), with the median signed error of each group (docs/accuracy.md).

    dotnet run -c Release --project src/Sync.Cli -- eventlog accuracy --manifest bench/accuracy/ground-truth.manifest.json \
        --output json | python3 scripts/accuracy-by-scale.py
"""
import json, math, statistics, sys
from collections import defaultdict

groups = defaultdict(list)
for pair in json.load(sys.stdin)["pairs"]:
    family = pair["set"].split()[0]
    step = round(math.log2(pair["toShape"]["totalCores"] / pair["fromShape"]["totalCores"]))
    groups[(family, step)].append(pair["error"])
print("family\tlog2(cores change)\tpairs\tmedian signed error")
for (family, step), errors in sorted(groups.items()):
    print(f"{family}\t{step:+d}\t{len(errors)}\t{statistics.median(errors) * 100:+.1f} %")

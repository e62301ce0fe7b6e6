#!/usr/bin/env python3
"""Prints, for every run of one ground-truth set, each stage's duration and the whole cluster's input and output rates
(bytes read or written by its tasks over the stage's duration): how a stage's throughput changes with the number of
workers (docs/accuracy.md, "What the errors point at"). Reads GROUND_TRUTH.csv and the .zstd logs (needs zstd).

    python3 scripts/stage-throughput.py ../shared/data/ground-truth/cemsbr-phd_notebook hibench-sort 3.3
    python3 scripts/stage-throughput.py ../shared/data/ground-truth/cemsbr-phd_notebook hibench-sort 32.8

The third argument is the set's summed input in GB, rounded to 0.1 (as the manifest names sort sets).
"""
import csv, json, statistics, subprocess, sys

root, workload, size = sys.argv[1], sys.argv[2], sys.argv[3]
rows = [r for r in csv.DictReader(open(f"{root}/GROUND_TRUTH.csv"))
        if r["workload"] == workload and f"{int(r['input_bytes_read']) / 1e9:.1f}" == size]
for r in sorted(rows, key=lambda r: (int(r["executors"]), r["file"])):
    text = subprocess.run(["zstd", "-dcq", f"{root}/{r['file']}"], capture_output=True, text=True, check=True).stdout
    durations, tasks = {}, {}
    for line in text.splitlines():
        if not line.strip():
            continue
        e = json.loads(line)
        if e["Event"] == "SparkListenerStageCompleted":
            info = e["Stage Info"]
            durations[info["Stage ID"]] = (info["Completion Time"] - info["Submission Time"]) / 1000
        elif e["Event"] == "SparkListenerTaskEnd":
            m, t = e.get("Task Metrics") or {}, e["Task Info"]
            tasks.setdefault(e["Stage ID"], []).append(((m.get("Input Metrics") or {}).get("Bytes Read", 0),
                                                        (m.get("Output Metrics") or {}).get("Bytes Written", 0),
                                                        (t["Finish Time"] - t["Launch Time"]) / 1000))
    stages = []
    for stage, ts in sorted(tasks.items()):
        seconds = max(durations.get(stage, 0), 1e-3)
        stages.append(f"stage {stage}: {len(ts)} tasks, {seconds:.0f} s (median task {statistics.median(x[2] for x in ts):.1f} s), "
                      f"in {sum(x[0] for x in ts) / 1e6 / seconds:.0f} MB/s, out {sum(x[1] for x in ts) / 1e6 / seconds:.0f} MB/s")
    print(f"{r['executors']} workers, {int(r['duration_ms']) / 1000:.0f} s, {r['file']}: " + "; ".join(stages))

#!/usr/bin/env python3
"""For each worker count of a ground-truth set: total task time, total JVM GC time and the cache pressure rho (largest
cached RDD / (executors x storage memory)), medians over the set's runs of that size (docs/accuracy.md, GcRescaling).
With a stage id as third argument, also the mean GC time per task of that stage.

    python3 scripts/gc-by-cache-pressure.py bench/accuracy/ground-truth.manifest.json "hibench-kmeans 16.384M samples" [STAGE]
"""
import collections, json, os, statistics, subprocess, sys

manifest_path, name = sys.argv[1], sys.argv[2]
stage = int(sys.argv[3]) if len(sys.argv) > 3 else None
manifest = json.load(open(manifest_path))
base = os.path.join(os.path.dirname(manifest_path), manifest["baseDirectory"])
runs = next(s for s in manifest["sets"] if s["name"] == name)["runs"]
by_size = collections.defaultdict(list)
for run in runs:
    text = subprocess.run(["zstd", "-dcq", os.path.join(base, run)], capture_output=True, text=True, check=True).stdout
    task_ms = gc_ms = cached = 0
    stage_gc = []
    executors, storage = 0, []
    for line in text.splitlines():
        e = json.loads(line)
        kind = e["Event"]
        if kind == "SparkListenerExecutorAdded":
            executors += 1
        elif kind == "SparkListenerTaskEnd":
            task_ms += e["Task Info"]["Finish Time"] - e["Task Info"]["Launch Time"]
            gc_ms += (e.get("Task Metrics") or {}).get("JVM GC Time", 0)
            if e["Stage ID"] == stage:
                stage_gc.append((e.get("Task Metrics") or {}).get("JVM GC Time", 0))
        elif kind == "SparkListenerStageCompleted":
            cached = max([cached] + [r.get("Memory Size", 0) for r in e["Stage Info"].get("RDD Info", [])])
        elif kind == "SparkListenerBlockManagerAdded" and e["Block Manager ID"]["Executor ID"] != "driver":
            storage.append(e["Maximum Memory"])
    rho = cached / (executors * statistics.median(storage)) if storage and executors else 0
    by_size[executors].append((task_ms, gc_ms, rho, statistics.mean(stage_gc) if stage_gc else 0))
for size, rows in sorted(by_size.items()):
    task, gc, rho, per_task = (statistics.median(r[i] for r in rows) for i in range(4))
    line = f"{size} workers ({len(rows)} runs): task time {task / 1000:.0f} s, GC {gc / 1000:.0f} s ({gc / task:.1%}), rho {rho:.2f}"
    print(line + (f", stage {stage} GC per task {per_task / 1000:.2f} s" if stage is not None else ""))

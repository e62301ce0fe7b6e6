#!/usr/bin/env python3
"""Prints a Spark event log's stages and tasks as the simulator's notes cite them (docs/accuracy.md): per stage its
submission and completion (ms from application start), and per task its executor, launch, duration, locality,
deserialisation, GC, input read method and input bytes. Reads plain or .zstd logs (needs zstd).

    python3 scripts/task-timeline.py ../shared/data/ground-truth/cemsbr-phd_notebook/data/hibench/kmeans/app-20151120031159-0000.zstd [STAGE ...]
"""
import json, subprocess, sys

path, wanted = sys.argv[1], {int(s) for s in sys.argv[2:]}
text = subprocess.run(["zstd", "-dcq", path], capture_output=True, text=True, check=True).stdout if path.endswith(".zstd") else open(path).read()
events = [json.loads(line) for line in text.splitlines() if line.strip()]
start = next(e["Timestamp"] for e in events if e["Event"] == "SparkListenerApplicationStart")
for e in events:
    kind = e["Event"][len("SparkListener"):]
    if kind == "StageCompleted":
        info = e["Stage Info"]
        if not wanted or info["Stage ID"] in wanted:
            print(f"stage {info['Stage ID']}: submitted {info['Submission Time'] - start}, completed {info['Completion Time'] - start}, {info['Number of Tasks']} tasks")
    elif kind == "TaskEnd" and (not wanted or e["Stage ID"] in wanted):
        t, m = e["Task Info"], e.get("Task Metrics") or {}
        print(f"  task {e['Stage ID']}.{t['Index']} executor {t['Executor ID']} launch {t['Launch Time'] - start} "
              f"duration {t['Finish Time'] - t['Launch Time']} {t['Locality']} deserialize {m.get('Executor Deserialize Time')} "
              f"gc {m.get('JVM GC Time')} read {(m.get('Input Metrics') or {}).get('Data Read Method')} "
              f"bytes {(m.get('Input Metrics') or {}).get('Bytes Read', 0)}")
    elif kind in ("ExecutorAdded", "ExecutorRemoved"):
        print(f"{kind} {e['Executor ID']} at {e['Timestamp'] - start}")

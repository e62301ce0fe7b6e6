#!/usr/bin/env python3
"""Writes the CLI reference pages of the docs site from sync-cli itself.

Walks the command tree by running `sync-cli [path] --help` and reading the COMMANDS section of each answer (so a
command added to SyncCliApp appears with no change here), and writes one Markdown page per top-level command with
the help of every command under it, verbatim, plus an index and a toc.yml.

usage: cli-reference.py OUT_DIR COMMAND...   (COMMAND: how to run sync-cli, e.g. dotnet src/Sync.Cli/bin/Release/net10.0/sync-cli.dll)
"""
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

COMMAND_LINE = re.compile(r"^    (\S+)(?:\s+<[^>]+>|\s+\[[^\]]+\])*(?:\s{2,}(.*))?$")


def run_help(cli, path):
    # Quick JIT: each help is a short process (sync-cli turns quick JIT off for long reads).
    env = dict(os.environ, NO_COLOR="1", DOTNET_TC_QuickJit="1")
    done = subprocess.run(cli + path + ["--help"], capture_output=True, text=True, env=env, timeout=120)
    if done.returncode != 0:
        sys.exit(f"sync-cli {' '.join(path)} --help failed ({done.returncode}): {done.stderr}")
    return "\n".join(line.rstrip() for line in done.stdout.splitlines()).strip("\n")


def subcommands(help_text):
    """(name, description) of each entry of the COMMANDS section; continuation lines are indented deeper."""
    found, inside = [], False
    for line in help_text.splitlines():
        if re.match(r"^[A-Z][A-Z ]*:$", line):
            inside = line == "COMMANDS:"
            continue
        if inside:
            match = COMMAND_LINE.match(line)
            if match:
                found.append([match.group(1), (match.group(2) or "").strip()])
            elif line.strip() and found:
                found[-1][1] += " " + line.strip()
    return found


def walk(cli, pool):
    """Every command path (branches and leaves) with its help, in the order the app lists them."""
    root = run_help(cli, [])
    tree = {(): (root, "")}
    level = [((), root)]
    while level:
        children = [(path + (name,), description) for path, text in level for name, description in subcommands(text)]
        texts = list(pool.map(lambda child: run_help(cli, list(child[0])), children))
        level = []
        for (path, description), text in zip(children, texts):
            tree[path] = (text, description)
            level.append((path, text))
    return tree


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, cli = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        tree = walk(cli, pool)
    ordered = sorted((p for p in tree if p), key=lambda p: [list(tree).index(p[:i + 1]) for i in range(len(p))])
    tops = [p for p in ordered if len(p) == 1]
    index = ["# Command-line reference", "",
             "Generated from `sync-cli` itself by `scripts/cli-reference.py` (every command's `--help`, walked from the",
             "root), so it always matches the tool that was built. Exit codes: 0 success, 2 bad input (missing file,",
             "not an event log, unknown id), 1 a failure of a service; see [troubleshooting](../../troubleshooting.md).", "",
             "```text", tree[()][0], "```", "", "| command | what it does |", "|---|---|"]
    toc = ["- name: Overview", "  href: index.md"]
    for top in tops:
        name = top[0]
        index.append(f"| [`sync-cli {name}`]({name}.md) | {tree[top][1]} |")
        toc += [f"- name: {name}", f"  href: {name}.md"]
        page = [f"# sync-cli {name}", "", tree[top][1], ""]
        for path in [p for p in ordered if p[0] == name]:
            if len(path) > 1:
                page += [f"## sync-cli {' '.join(path)}", "", tree[path][1], ""]
            page += ["```text", tree[path][0], "```", ""]
        with open(os.path.join(out, f"{name}.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(page))
    with open(os.path.join(out, "index.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(index) + "\n")
    with open(os.path.join(out, "toc.yml"), "w", encoding="utf-8") as f:
        f.write("\n".join(toc) + "\n")
    print(f"CLI reference: {len(ordered)} commands under {len(tops)} top-level ones -> {out}")


if __name__ == "__main__":
    main()

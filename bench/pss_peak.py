"""Peak memory of a command and every process it forks: the summed PSS, sampled.

    python bench/pss_peak.py python bench/stages_bench.py --sizes 100000 --stages copies_only

RSS overstates a forking program (``find_copies`` forks two workers that share the
parent's pages copy-on-write: each process's RSS counts those pages again). PSS
(proportional set size, ``/proc/PID/smaps_rollup``) splits each shared page among the
processes sharing it, so the sum over the process tree is the memory the command holds.
Sampled every 0.2 s; prints the peak on stderr. Linux only. Run by hand.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def _tree(root: int) -> list[int]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(d))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    proc = subprocess.Popen(argv)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, sum(_pss_kb(p) for p in _tree(proc.pid)))
        time.sleep(0.2)
    print(f"peak PSS of the process tree: {peak / 1024:.0f} MiB", file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

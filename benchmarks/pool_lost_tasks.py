"""Whether the budgeted pool loses a task when a worker dies just after taking it (``package/pool_tasks``).

pebble handles a worker's acknowledgement of a task and the worker's death in two threads; when the death is seen
first the task is lost (see ``pool_tasks``). Our spent workers die just after taking a task by design. This runs
``collect._parse_in_pool`` over jobs that leave every worker spent after each file (so every other task is declined),
either as pebble runs (``--mode plain``: the race as a loaded machine meets it, rarely) or with the parent's handling
of every acknowledgement delayed (``--mode delayed``: the death is then always seen first — the race made certain,
without load). Each run is a fresh interpreter with a deadline; prints per run whether every file was read, how
long it took, and what each file that was not read said.

    python -m benchmarks.pool_lost_tasks --mode delayed --workers 1 --runs 3
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_RUN = """
import json, sys, time
from xxgk.package import collect

def job(name):
    collect._spent = True  # this worker declines its next file (as after a file that left it near its memory cap)
    return "read " + name

if sys.argv[1] == "delayed":
    from pebble.pool import process
    real = process.PoolManager.process_next_message

    def late(self, timeout):
        message = self.worker_manager.receive(timeout)
        if isinstance(message, process.Acknowledgement):
            time.sleep(0.3)  # the acknowledgement handled after the pool manager's next look at its workers
            self.task_manager.task_start(message.task, message.worker)
        elif isinstance(message, process.TaskResult):
            self.task_manager.task_done(message.task, message.result)
        elif isinstance(message, process.TaskProblem):
            self.task_manager.task_problem(message.task, message.error)

    process.PoolManager.process_next_message = late
names = [f"f{i}" for i in range(int(sys.argv[3]))]
out = collect._parse_in_pool(job, [(n, (n,)) for n in names], workers=int(sys.argv[2]))
print(json.dumps({n: o if isinstance(o, str) else f"{o.code}: {o.message}" for n, o in out}))
"""


def one_run(mode: str, workers: int, files: int, deadline: float) -> dict:
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", _RUN, mode, str(workers), str(files)], cwd=ROOT,
                              capture_output=True, text=True, encoding="utf-8", timeout=deadline)
    except subprocess.TimeoutExpired:
        return {"seconds": round(time.monotonic() - started, 1), "hung": True}
    outcomes = json.loads(done.stdout or "{}")
    failed = {n: o for n, o in outcomes.items() if o != f"read {n}"}
    return {"seconds": round(time.monotonic() - started, 1), "read": len(outcomes) - len(failed), "failed": failed,
            "stderr": done.stderr[-300:] if done.returncode else ""}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=("plain", "delayed"), default="delayed")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--files", type=int, default=6)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--deadline", type=float, default=60.0, help="seconds a run may take before it counts as hung")
    args = parser.parse_args(argv)
    for number in range(args.runs):
        print(number, json.dumps(one_run(args.mode, args.workers, args.files, args.deadline), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

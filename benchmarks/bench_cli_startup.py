"""How long a ``mtcr`` command takes to start, side by side for two source trees in one run.

Run: .venv/bin/python benchmarks/bench_cli_startup.py [--against OTHER/src] [--runs 5]

Each command runs as a new process (``python -m mtcr``), as a user's shell runs it, alternating between
the trees so that a slow spell of the machine hits both alike; the median of the runs is reported.
The screening command screens against the bundled list in a fresh SQLite database, imported by a first
run that is not timed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "src"
COMMANDS = {
    "mtcr version": ["version"],
    "mtcr --help": ["--help"],
    "mtcr screen --help": ["screen", "--help"],
    "mtcr screen NAME": ["screen", "LIMMT Economic and Trade Company", "--by", "bench", "--json"],
    "mtcr annex search": ["annex", "search", "heat shield", "--json"],
}


def run(source: Path, args: list[str], database: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(source), "MTCR_DATABASE_URL": f"sqlite:///{database}"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mtcr", *args], env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", type=Path, help="another tree's src folder (a git worktree of an earlier commit)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    trees = {"this tree": HERE} | ({f"{args.against}": args.against.resolve()} if args.against else {})
    with tempfile.TemporaryDirectory() as scratch:
        databases = {label: Path(scratch) / f"{number}.db" for number, label in enumerate(trees)}
        for label, source in trees.items():  # the first screening creates the schema and imports the list
            run(source, COMMANDS["mtcr screen NAME"], databases[label])
        times: dict[tuple[str, str], list[float]] = {(c, t): [] for c in COMMANDS for t in trees}
        for _ in range(args.runs):
            for command, command_args in COMMANDS.items():
                for label, source in trees.items():
                    times[command, label].append(run(source, command_args, databases[label]))
    print("| command | " + " | ".join(f"{label} (median s)" for label in trees) + " |")
    print("| --- |" + " ---: |" * len(trees))
    for command in COMMANDS:
        medians = [f"{statistics.median(times[command, label]):.2f}" for label in trees]
        print(f"| `{command}` | " + " | ".join(medians) + " |")
    print(f"\n{args.runs} runs each, alternating; Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()

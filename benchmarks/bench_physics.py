"""Speed and accuracy of the range-payload determination, measured side by side in one run.

Run: .venv/bin/python benchmarks/bench_physics.py   (prints Markdown tables for docs/benchmarks.md)

For the Forden 2007 Scud-B and No-dong validation vehicles:
(a) one maximum-range determination (``maximise_range``), warm (JIT compile excluded), and the first
    call in a fresh process with an empty numba cache (compile) and with the on-disk cache;
(b) a 16-point range-payload curve: ``assess(vehicle, annex, curve_points=16)``, and 16 warm-started
    ``maximise_range`` calls for payloads 0..2000 kg; trajectories flown, peak memory;
(c) the same determination as (a) by the independent solve_ivp baseline (baseline_solve_ivp.py):
    both ranges, their relative difference, the speed ratio;
(d) one trajectory at fixed guidance (the optimum of (a)): cost per trajectory, and the range with
    the default steps against 10-20x finer steps and against the adaptive baseline.
Everything runs on one core (threads limited, process pinned); times are medians of repeats.
"""

from __future__ import annotations

import os

os.environ["NUMBA_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["MKL_NUM_THREADS"] = "1"

import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numba
import numpy as np
import scipy

sys.path.insert(0, str(Path(__file__).resolve().parent))

import baseline_solve_ivp as baseline

from mtcr.annex import load
from mtcr.physics.assessment import assess
from mtcr.physics.optimize import maximise_range
from mtcr.physics.trajectory import Numerics, fly_summary, kernel_inputs, simulate
from mtcr.physics.vehicle import load_vehicle

VALIDATION = Path("/work/shared/reference/validation")
VEHICLES = {"Scud-B": VALIDATION / "forden-scud-b.yaml", "No-dong": VALIDATION / "forden-no-dong.yaml"}
CURVE_PAYLOADS_KG = np.linspace(0.0, 2000.0, 16)
FIRST_CALL = """
import os, sys, time
os.environ["NUMBA_NUM_THREADS"] = "1"
start = time.perf_counter()
from mtcr.physics.optimize import maximise_range
from mtcr.physics.vehicle import load_vehicle
vehicle = load_vehicle(sys.argv[1])
imported = time.perf_counter()
maximise_range(vehicle, record=False)
first = time.perf_counter()
maximise_range(vehicle, record=False)
print(first - imported, time.perf_counter() - first)
"""


def median_time(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def first_call_seconds(path: Path, cache_dir: str | None) -> float:
    """Seconds of the first maximise_range call in a fresh process, less the second (warm) call's."""
    env = dict(os.environ)
    if cache_dir is not None:
        env["NUMBA_CACHE_DIR"] = cache_dir
    out = subprocess.run(
        [sys.executable, "-c", FIRST_CALL, str(path)], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]) - float(out[1])


def warm_curve(vehicle) -> tuple[list, int]:
    """16 maximise_range calls along the payloads, each warm-started from the previous optimum."""
    results, start = [], None
    for payload in CURVE_PAYLOADS_KG:
        result = maximise_range(vehicle.with_payload(float(payload)), start=start, record=False)
        start = None if result.orbital else result.guidance
        results.append(result)
    return results, sum(r.evaluations for r in results)


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return (
        f"{cpu}, {os.cpu_count()} cores (pinned to 1), Python {platform.python_version()}, numba {numba.__version__}, "
        f"scipy {scipy.__version__}, numpy {np.__version__}"
    )


FINE_STEPS = Numerics(dt_boost_s=0.01, dt_coast_s=0.05, dt_high_s=0.2)


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    annex = load("mtcr-2024")
    rows: list[tuple[str, ...]] = []
    accuracy: list[tuple[str, ...]] = []
    for name, path in VEHICLES.items():
        vehicle = load_vehicle(path)
        with tempfile.TemporaryDirectory() as empty:
            compile_s = first_call_seconds(path, empty)
        cached_s = first_call_seconds(path, None)
        # (a) one determination, warm
        maximise_range(vehicle, record=False)
        assess(vehicle, annex, curve_points=16)
        best = maximise_range(vehicle, record=False)
        t_max = median_time(lambda v=vehicle: maximise_range(v, record=False), 21)
        # (b) the curve
        t_assess = median_time(lambda v=vehicle: assess(v, annex, curve_points=16), 7)
        assessment = assess(vehicle, annex, curve_points=16)
        tracemalloc.start()
        assess(vehicle, annex, curve_points=16)
        peak_assess = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        t_warm = median_time(lambda v=vehicle: warm_curve(v), 7)
        warm_results, warm_evaluations = warm_curve(vehicle)
        # (c) the baseline's determination
        base_runs = []
        for _ in range(3):
            start = time.perf_counter()
            base = baseline.maximise_range(vehicle)
            base_runs.append(time.perf_counter() - start)
        t_base = statistics.median(base_runs)
        assert best.range_m is not None
        difference = (best.range_m - base.range_m) / base.range_m
        # (d) one trajectory at the optimum guidance of (a)
        guidance = best.guidance
        inputs = kernel_inputs(vehicle)
        g_array, n_array = guidance.as_array(), Numerics().as_array()
        t_one = median_time(lambda i=inputs, g=g_array, n=n_array: fly_summary(i, g, n), 501)
        model = baseline.Model(vehicle)
        t_one_base = median_time(
            lambda v=vehicle, g=guidance, m=model: baseline.fly(v, g.kick_deg, g.tilt_deg, model=m), 7
        )
        coarse = simulate(vehicle, guidance, record=False)
        fine = simulate(vehicle, guidance, FINE_STEPS, record=False)
        reference = baseline.fly(vehicle, guidance.kick_deg, guidance.tilt_deg, model=model)
        assert coarse.range_m is not None and fine.range_m is not None

        rows += [
            (f"{name}: (a) max range, mtcr, warm", f"{t_max * 1e3:.1f} ms", f"{best.evaluations}", ""),
            (f"{name}: (a) first call, empty numba cache (compile)", f"{compile_s:.2f} s", "", ""),
            (f"{name}: (a) first call, numba on-disk cache", f"{cached_s:.2f} s", "", ""),
            (
                f"{name}: (b) assess(), 16-point curve",
                f"{t_assess * 1e3:.0f} ms",
                f"{assessment.evaluations} ({len(assessment.curve)} payloads)",
                f"{peak_assess:.2f} MiB",
            ),
            (
                f"{name}: (b) 16 warm-started maximise_range, 0-2000 kg",
                f"{t_warm * 1e3:.0f} ms",
                f"{warm_evaluations}",
                "",
            ),
            (f"{name}: (c) max range, solve_ivp baseline", f"{t_base:.2f} s", f"{base.evaluations}", ""),
            (f"{name}: (d) one trajectory, mtcr", f"{t_one * 1e6:.0f} µs", "1", ""),
            (f"{name}: (d) one trajectory, solve_ivp baseline", f"{t_one_base * 1e6:,.0f} µs", "1", ""),
        ]
        accuracy.append(
            (
                name,
                f"{best.range_m / 1e3:.3f} km (kick {best.guidance.kick_deg:.2f}°)",
                f"{base.range_m / 1e3:.3f} km (kick {base.kick_deg:.2f}°)",
                f"{difference * 100:+.4f} %",
                f"{t_base / t_max:,.0f}x",
                f"{t_one_base / t_one:,.0f}x",
            )
        )
        accuracy_fixed = (
            name,
            f"{coarse.range_m / 1e3:.4f} km / {coarse.time_of_flight_s:.2f} s / {coarse.burnout.altitude_m:,.0f} m",
            f"{fine.range_m / 1e3:.4f} km / {fine.time_of_flight_s:.2f} s / {fine.burnout.altitude_m:,.0f} m",
            f"{reference.range_m / 1e3:.4f} km / {reference.time_s:.2f} s / {reference.burnout_altitude_m:,.0f} m",
        )
        accuracy.append(("fixed", *accuracy_fixed))
        print(
            f"{name}: warm-curve ranges km", [round((r.range_m or 0) / 1e3, 1) for r in warm_results], file=sys.stderr
        )

    print(f"Machine: {machine()}.")
    print()
    print("| measurement | median time | trajectories flown | peak traced memory |")
    print("|---|---:|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Peak resident memory of the whole benchmark process: {rss_mib:.0f} MiB.")
    print()
    print(
        "| vehicle | max range, mtcr | max range, solve_ivp | difference | speed-up (a vs c) | speed-up, one flight |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for row in accuracy:
        if row[0] != "fixed":
            print("| " + " | ".join(row) + " |")
    print()
    print("At the mtcr optimum guidance (range / time of flight / burnout altitude):")
    print()
    d = Numerics()
    print(
        f"| vehicle | mtcr, default steps ({d.dt_boost_s:g} / {d.dt_coast_s:g} / {d.dt_high_s:g} s) "
        f"| mtcr, fine steps ({FINE_STEPS.dt_boost_s:g} / {FINE_STEPS.dt_coast_s:g} / {FINE_STEPS.dt_high_s:g} s) "
        "| solve_ivp DOP853, rtol 1e-9 |"
    )
    print("|---|---:|---:|---:|")
    for row in accuracy:
        if row[0] == "fixed":
            print("| " + " | ".join(row[1:]) + " |")


if __name__ == "__main__":
    main()

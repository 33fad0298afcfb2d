"""Throughput of the batched kernels and of the Monte Carlo, on one core and on all cores, and the cost of
Dask against the local engine, measured side by side in one run.

Run: .venv/bin/python benchmarks/bench_montecarlo.py   (prints Markdown tables for docs/benchmarks.md)

A *trajectory* is one complete flight of one vehicle from launch to impact (RK4 boost, coast with the
Kepler conic above 86 km, re-entry, impact located on the last step): one call of the flight kernel.
Vehicle: the catalogue Scud-B (src/mtcr/data/systems/scud-b.yaml) with 500 kg and uncertain inputs
(propellant, dry mass, Isp, burn time), so no two flights are alike.

(a) batched flights at a fixed guidance (kick 20 deg): trajectories per second, 1 thread and all threads;
    and the same flights one Python call each (fly_summary in a loop), for the per-call overhead;
(b) the Monte Carlo assessment (range at 500 kg, range at the least payload, payload to 300 km, verdict;
    every one a range maximisation): samples and trajectories per second, 1 thread and all threads;
(c) the local engine against Dask (LocalCluster, one single-threaded worker process per core) on
    100,000 samples: each sample's document is built and validated by the vehicle loader and flown
    once (the maximisation is left out so that 100,000 samples fit in a benchmark); results compared.
Times are medians of repeats after a warm-up (JIT compile excluded).
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numba
import numpy as np

from mtcr.annex import load
from mtcr.physics.core import batch
from mtcr.physics.core.flight import O_RANGE_M, O_STATUS, STATUS_IMPACT, SUMMARY_FIELDS
from mtcr.physics.scaleout import Engine, EngineSettings, chunk_bounds, map_chunks
from mtcr.physics.trajectory import DEFAULT_NUMERICS, Guidance, fly_summary, kernel_inputs
from mtcr.physics.uncertainty import (
    document_with,
    monte_carlo,
    pack,
    read_document,
    uncertain_vehicle,
)
from mtcr.physics.vehicle import Vehicle, parse_vehicle

SCUD = Path(__file__).resolve().parents[1] / "src" / "mtcr" / "data" / "systems" / "scud-b.yaml"
FLIGHTS = 20_000
MC_SAMPLES = 200
DASK_SAMPLES = 100_000
KICK_DEG = 20.0


def uncertain_scud() -> dict[str, object]:
    document = read_document(SCUD)
    document["payload_kg"] = 500
    stage = document["stages"][0]  # type: ignore[index]
    stage["propellant_kg"] = {"distribution": "triangular", "low": 3550, "mode": 3699, "high": 3750}
    stage["dry_kg"] = {"distribution": "normal", "mean": 1198, "sd": 40, "low": 1100, "high": 1300}
    stage["isp_s"] = {"distribution": "uniform", "low": 220, "high": 240}
    stage["burn_time_s"] = {"distribution": "uniform", "low": 70, "high": 80}
    return document


def median_time(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def guidance_rows(vehicles: list[Vehicle]) -> np.ndarray:
    rows = np.empty((len(vehicles), 4))
    for row, vehicle in enumerate(vehicles):
        inputs = kernel_inputs(vehicle)
        rise, kick = batch.guidance_timing(inputs.stages, inputs.stages.shape[0], inputs.vehicle)
        rows[row] = Guidance(KICK_DEG, 0.0, rise, kick).as_array()
    return rows


@dataclass(frozen=True, slots=True)
class FlightChunk:
    document: dict[str, object]
    paths: tuple[str, ...]
    values: np.ndarray


def fly_chunk(chunk: FlightChunk, threads: bool) -> np.ndarray:
    """Build and validate each sample's vehicle, fly it once: the engine's per-sample path without the search."""
    vehicles = [parse_vehicle(document_with(chunk.document, chunk.paths, row)) for row in chunk.values]
    packed = pack(vehicles)
    summaries = np.zeros((len(vehicles), SUMMARY_FIELDS))
    run = batch.fly_parallel if threads else batch.fly_serial
    run(
        packed.stages,
        packed.stage_counts,
        packed.vehicles,
        guidance_rows(vehicles),
        DEFAULT_NUMERICS.as_array(),
        packed.mach,
        packed.cd,
        packed.table_sizes,
        summaries,
    )
    return summaries[:, O_RANGE_M]


def machine(layer: str) -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, numba {numba.__version__} "
        f"(threading layer {layer}), numpy {np.__version__}"
    )


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "uptime not available"


def main() -> None:
    cores = numba.config.NUMBA_NUM_THREADS
    print(f"Load before: {uptime()}")
    vehicle = uncertain_scud()
    uncertain = uncertain_vehicle(vehicle, source=str(SCUD))
    values = uncertain.draw(FLIGHTS, seed=1)
    vehicles = [uncertain.vehicle_for(row) for row in values]
    packed = pack(vehicles)
    guidance = guidance_rows(vehicles)
    numerics = DEFAULT_NUMERICS.as_array()
    summaries = np.zeros((FLIGHTS, SUMMARY_FIELDS))

    def flights() -> None:
        batch.fly_parallel(
            packed.stages,
            packed.stage_counts,
            packed.vehicles,
            guidance,
            numerics,
            packed.mach,
            packed.cd,
            packed.table_sizes,
            summaries,
        )

    rows: list[tuple[str, ...]] = []
    flights()  # compile / load the cache
    print(f"Machine: {machine(numba.threading_layer())}")
    assert np.all(summaries[:, O_STATUS] == STATUS_IMPACT)
    per_thread: dict[int, float] = {}
    for threads in sorted({1, cores}):
        numba.set_num_threads(threads)
        seconds = median_time(flights, 3)
        per_thread[threads] = FLIGHTS / seconds
        rows.append(
            (
                f"(a) batched flights, {threads} thread{'s' if threads > 1 else ''}",
                f"{FLIGHTS:,}",
                f"{seconds:.2f} s",
                f"{FLIGHTS / seconds:,.0f} trajectories/s",
            )
        )
    numba.set_num_threads(1)
    loop_count = 2_000
    inputs = [kernel_inputs(v) for v in vehicles[:loop_count]]
    scratch = np.empty(SUMMARY_FIELDS)

    def loop() -> None:
        for item, g in zip(inputs, guidance[:loop_count], strict=True):
            fly_summary(item, g, numerics, scratch)

    loop()
    seconds = median_time(loop, 3)
    rows.append(
        (
            "(a) one Python call per flight (fly_summary), 1 thread",
            f"{loop_count:,}",
            f"{seconds:.2f} s",
            f"{loop_count / seconds:,.0f} trajectories/s",
        )
    )

    annex = load("mtcr-2024")
    monte_carlo(uncertain, annex, samples=8, seed=1)  # compile / load the cache
    mc: dict[int, object] = {}
    for threads in sorted({1, cores}):
        numba.set_num_threads(threads)
        start = time.perf_counter()
        result = monte_carlo(uncertain, annex, samples=MC_SAMPLES, seed=1)
        seconds = time.perf_counter() - start
        mc[threads] = result
        points = result.batched_points + result.scalar_points
        rows.append(
            (
                f"(b) Monte Carlo assessment, {threads} thread{'s' if threads > 1 else ''}",
                f"{MC_SAMPLES:,} samples ({points} design points, {result.trajectories:,} trajectories)",
                f"{seconds:.1f} s",
                f"{points / seconds:,.1f} assessments/s, {result.trajectories / seconds:,.0f} trajectories/s",
            )
        )
    numba.set_num_threads(cores)
    first, last = mc[1], mc[cores]
    assert first.table == last.table  # type: ignore[attr-defined]

    document = uncertain.document
    draws = uncertain.draw(DASK_SAMPLES, seed=2)
    chunks = [FlightChunk(document, uncertain.paths, draws[a:b]) for a, b in chunk_bounds(DASK_SAMPLES)]
    map_chunks(fly_chunk, chunks[:2])  # warm
    start = time.perf_counter()
    local = np.concatenate(map_chunks(fly_chunk, chunks))
    local_seconds = time.perf_counter() - start
    rows.append(
        (
            f"(c) local engine, {cores} threads",
            f"{DASK_SAMPLES:,} samples, {len(chunks):,} chunks",
            f"{local_seconds:.1f} s",
            f"{DASK_SAMPLES / local_seconds:,.0f} samples/s",
        )
    )
    start = time.perf_counter()
    remote = np.concatenate(map_chunks(fly_chunk, chunks, EngineSettings(Engine.DASK, workers=cores)))
    dask_seconds = time.perf_counter() - start
    rows.append(
        (
            f"(c) Dask LocalCluster, {cores} worker processes x 1 thread (incl. start-up)",
            f"{DASK_SAMPLES:,} samples, {len(chunks):,} chunks",
            f"{dask_seconds:.1f} s",
            f"{DASK_SAMPLES / dask_seconds:,.0f} samples/s ({dask_seconds / local_seconds - 1:+.0%} vs local)",
        )
    )
    identical = np.array_equal(local, remote)

    print()
    print("| measurement | work | time | throughput |")
    print("|---|---|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    speedup = per_thread[cores] / per_thread[1]
    print(f"Speed-up of the batched flights, {cores} threads vs 1: {speedup:.2f}x.")
    print(f"Dask and local results identical for the {DASK_SAMPLES:,} samples: {identical}.")
    print(f"Monte Carlo results identical on 1 and {cores} threads: True.")
    print(f"Load after: {uptime()}")


if __name__ == "__main__":
    main()

"""Compile the flight kernels once, ahead of first use: ``python -m mtcr.physics.warmup``.

numba compiles on the first call and caches the machine code on disk; the scalar and the batched
kernels together take about a minute to compile, so ``make`` does it when it installs, rather than
leaving it to a user's first ``mtcr assess`` (or a web request)."""

from __future__ import annotations

import time

from mtcr.annex import load
from mtcr.physics.assessment import thresholds_for
from mtcr.physics.catalogue import find_system
from mtcr.physics.optimize import maximise_range
from mtcr.physics.uncertainty import Targets, assess_batched


def warm_up() -> float:
    """Fly the catalogue Scud-B once through each kernel; the seconds it took (compile or cache load)."""
    started = time.perf_counter()
    vehicle = find_system("scud-b").with_payload(500)
    maximise_range(vehicle)
    annex = load()
    assess_batched([vehicle], Targets.of(thresholds_for(vehicle, annex), annex.id))
    return time.perf_counter() - started


if __name__ == "__main__":
    print("mtcr: compiling the flight kernels (once; about a minute, then cached)...", flush=True)
    print(f"mtcr: kernels ready in {warm_up():.1f} s")

"""Where chunks of batched work run: in this process (``local``) or on Dask (``dask``).

The work is cut into chunks whose boundaries depend only on the number of design points (never on
the engine or the number of workers), and each chunk is a pure function of its inputs, so every
engine returns the same numbers. Locally a chunk runs the numba kernels on all cores (threads);
on Dask each chunk runs single-threaded on a worker (workers are the parallelism) and the results
come back in chunk order.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from mtcr.errors import InputError

T = TypeVar("T")
R = TypeVar("R")

# A chunk function: (chunk, threads) -> result; ``threads`` says whether it may use numba's thread pool.
ChunkFunction = Callable[[T, bool], R]


class Engine(StrEnum):
    LOCAL = "local"  # this process, numba threads on all cores
    DASK = "dask"  # a Dask LocalCluster (default) or the cluster at a scheduler address


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """How to run: the engine; for Dask, a scheduler address or the size of a new LocalCluster."""

    engine: Engine = Engine.LOCAL
    scheduler: str | None = None  # e.g. "tcp://10.0.0.5:8786"; None: start a LocalCluster
    workers: int | None = None  # LocalCluster workers; None: one per core
    processes: bool = True  # LocalCluster workers as processes (False: threads of this process)

    def describe(self) -> str:
        if self.engine is Engine.LOCAL:
            return "local (numba threads)"
        if self.scheduler:
            return f"dask (scheduler {self.scheduler})"
        kind = "processes" if self.processes else "threads"
        return f"dask (LocalCluster, {self.workers or os.cpu_count()} worker {kind})"


def _distributed() -> Any:
    # dask.distributed has no type information; everything from it is handled as Any, here only.
    return importlib.import_module("dask.distributed")


def map_chunks(
    function: Callable[[T, bool], R],
    chunks: Sequence[T],
    settings: EngineSettings = EngineSettings(),
    progress: Callable[[int], None] | None = None,
) -> list[R]:
    """``function(chunk, threads)`` for every chunk, results in chunk order; ``progress(i)`` after chunk i is done.

    ``function`` must be a module-level function (Dask pickles it by reference).
    """
    if settings.engine is Engine.LOCAL:
        results: list[R] = []
        for index, chunk in enumerate(chunks):
            results.append(function(chunk, True))
            if progress is not None:
                progress(index)
        return results
    distributed = _distributed()
    cluster = None
    if settings.scheduler:
        try:
            client = distributed.Client(settings.scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise InputError("--scheduler", f"no Dask scheduler answers at {settings.scheduler}: {exc}") from exc
    else:
        workers = settings.workers or os.cpu_count() or 1
        if workers < 1:
            raise InputError("--workers", f"must be at least 1, got {workers}")
        cluster = distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=settings.processes, dashboard_address=None
        )
        client = distributed.Client(cluster)
    try:
        futures = [client.submit(function, chunk, False, pure=False) for chunk in chunks]
        if progress is not None:
            index_of = {future.key: index for index, future in enumerate(futures)}
            for done in distributed.as_completed(futures):
                progress(index_of[done.key])
        gathered: list[R] = list(client.gather(futures))
        return gathered
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


MIN_CHUNK_ROWS = 64
MAX_CHUNK_ROWS = 1024


def chunk_rows(count: int) -> int:
    """Rows per chunk for ``count`` rows: about 64 chunks, 64 to 1024 rows each (enough chunks to spread over
    workers and to move a progress bar, few enough that scheduling costs little). Depends on ``count``
    alone, never on the engine or the workers."""
    return min(MAX_CHUNK_ROWS, max(MIN_CHUNK_ROWS, count // 64))


def chunk_bounds(count: int, size: int | None = None) -> list[tuple[int, int]]:
    """[start, stop) of consecutive chunks of ``size`` rows (default :func:`chunk_rows`): fixed by ``count``."""
    step = size or chunk_rows(count)
    return [(start, min(start + step, count)) for start in range(0, count, step)]

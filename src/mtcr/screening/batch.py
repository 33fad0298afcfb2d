"""Batch screening on Dask: the same results as screening one by one, on a LocalCluster or a cluster.

The list goes to every worker once; each worker builds its candidate index once (cached by the
list's fingerprint) and screens chunks of parties; results come back in the input order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from mtcr.errors import InputError
from mtcr.screening.index import CandidateIndex
from mtcr.screening.model import ListEntity, Match, Party

CHUNK = 500
_WORKER_INDEXES: dict[str, CandidateIndex] = {}


def fingerprint(entities: Sequence[ListEntity]) -> str:
    digest = hashlib.sha256()
    for entity in entities:
        digest.update(repr(entity).encode())
    return digest.hexdigest()


def _screen_chunk(parties: list[Party], entities: list[ListEntity], key: str, threshold: float) -> list[list[Match]]:
    index = _WORKER_INDEXES.get(key)
    if index is None:
        _WORKER_INDEXES.clear()  # one list at a time per worker: memory stays bounded on long-lived workers
        index = _WORKER_INDEXES[key] = CandidateIndex(entities)
    return [index.screen(party, threshold) for party in parties]


def screen_on_dask(
    parties: Sequence[Party],
    entities: Sequence[ListEntity],
    threshold: float,
    scheduler: str | None = None,
    *,
    workers: int = 2,
    progress: Callable[[int], None] | None = None,
) -> list[list[Match]]:
    """Screen ``parties`` on Dask: a new LocalCluster of ``workers`` processes, or the ``scheduler`` given."""
    from dask.distributed import Client, LocalCluster, as_completed  # untyped library: checked by tests

    key = fingerprint(entities)
    chunks = [list(parties[i : i + CHUNK]) for i in range(0, len(parties), CHUNK)]
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as exc:
            raise InputError("--scheduler", f"no Dask scheduler answers at {scheduler}: {exc}") from exc
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        shared = client.scatter(list(entities), broadcast=True)
        futures = [client.submit(_screen_chunk, chunk, shared, key, threshold, pure=False) for chunk in chunks]
        if progress is not None:
            sizes = {future.key: len(chunk) for future, chunk in zip(futures, chunks, strict=True)}
            for done in as_completed(futures):
                progress(sizes[done.key])
        results: list[list[Match]] = []
        for chunk_result in client.gather(futures):
            results.extend(chunk_result)
        return results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

"""Batch screening on Dask gives the same hits, in the same order, as screening one by one."""

from __future__ import annotations

from mtcr.screening.batch import screen_on_dask
from mtcr.screening.importers import bundled_list_path, parse_list
from mtcr.screening.index import CandidateIndex
from mtcr.screening.model import ListFormat, Party


def test_dask_matches_local_screening() -> None:
    entities = parse_list(bundled_list_path(), ListFormat.CSV)
    parties = [Party(name) for name in ("KOMID", "Shaheed Himmat Industries", "Acme Garden Supplies")] * 400
    local = [CandidateIndex(entities).screen(p) for p in parties]
    on_dask = screen_on_dask(parties, entities, threshold=0.7, workers=2)
    assert [[(m.entity_id, m.score) for m in hits] for hits in on_dask] == [
        [(m.entity_id, m.score) for m in hits] for hits in local
    ]
    assert sum(bool(h) for h in on_dask) == 800

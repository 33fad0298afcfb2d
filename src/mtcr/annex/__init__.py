"""The MTCR Annex as versioned data, with an explainable classifier, search and diff.

Example::

    from mtcr import annex

    edition = annex.load("mtcr-2024")
    motor = annex.describe(edition, "solid_rocket_motor", {"total_impulse": "250000 lbf*s"})
    result = annex.classify(edition, motor)
    print(result.summary)
    for hit in annex.search(edition, "heat shield"):
        print(hit.entry_id, hit.title)
"""

from mtcr.annex.classifier import (
    CLASSIFIER_VERSION,
    Classification,
    ConditionStatus,
    EntryMatch,
    MatchStatus,
    Verdict,
    classify,
)
from mtcr.annex.describe import Component, ItemDescription, RangePayloadPoint, describe, read_item_file
from mtcr.annex.diff import AnnexDiff, ChangeKind, diff
from mtcr.annex.loader import available, load
from mtcr.annex.model import Annex, Entry
from mtcr.annex.schema import Category, ConditionType
from mtcr.annex.search import SearchHit, search

__all__ = [
    "CLASSIFIER_VERSION",
    "Annex",
    "AnnexDiff",
    "Category",
    "ChangeKind",
    "Classification",
    "Component",
    "ConditionStatus",
    "ConditionType",
    "Entry",
    "EntryMatch",
    "ItemDescription",
    "MatchStatus",
    "RangePayloadPoint",
    "SearchHit",
    "Verdict",
    "available",
    "classify",
    "describe",
    "diff",
    "load",
    "read_item_file",
    "search",
]

"""Load Annex editions and regimes from YAML, validating every file against the schema.

An edition is a folder holding ``edition.yaml``, ``definitions.yaml``, ``vocabulary/*.yaml`` and
``items/*.yaml``. A regime is one ``mtcr-regime/1`` YAML file naming a base edition and changing
thresholds, removing entries or adding entries. Any problem raises :class:`DataFileError` naming the
file, the entry id and the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from mtcr.annex import schema as s
from mtcr.annex.model import (
    AllOf,
    Annex,
    AnyOf,
    Condition,
    Criterion,
    Decontrol,
    Definition,
    Downgrade,
    Entry,
    Item,
    ItemKind,
    Leaf,
    Parameter,
    RangePayload,
    Source,
    Threshold,
    iter_leaves,
)
from mtcr.errors import DataFileError, NotFoundError, UnitError
from mtcr.settings import get_settings
from mtcr.units import to_si

ModelT = TypeVar("ModelT", bound=BaseModel)
# libyaml's safe loader parses the Annex several times faster than the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
BUNDLED_DATA = Path(str(resources.files("mtcr.annex") / "data"))


def read_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_SAFE_LOADER)
    except FileNotFoundError as exc:
        raise DataFileError(str(path), "file not found") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(str(path), "not a text file (UTF-8 expected)") from exc
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), f"not valid YAML: {exc}") from exc


def validate_file(path: Path, model: type[ModelT]) -> ModelT:
    """Validate one file's data, turning pydantic's report into a message naming entry and field."""
    raw = read_yaml(path)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        location = _clean_location(tuple(first["loc"]))
        entry_id = _entry_id_at(raw, location)
        field = ".".join(str(part) for part in location) or None
        raise DataFileError(str(path), first["msg"], entry_id=entry_id, field=field) from exc


_SHAPE_TAGS = ("leaf", "all", "any", "range_payload")


def _clean_location(location: tuple[object, ...]) -> tuple[object, ...]:
    """Drop the criterion-shape tags pydantic puts in error locations (``criteria.leaf.unit``)."""
    cleaned: list[object] = []
    for part in location:
        if part == "leaf" or (part in _SHAPE_TAGS and cleaned and cleaned[-1] == part):
            continue
        cleaned.append(part)
    return tuple(cleaned)


def _entry_id_at(raw: object, location: tuple[object, ...]) -> str | None:
    """The id of the entry an error location points into, when the raw data has one."""
    node = raw
    found: str | None = None
    for part in location:
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str) and "title" in node:
            found = node["id"]
    return found


class _Builder:
    """Turns validated file models into domain values, checking cross-references."""

    def __init__(self, parameters: dict[str, Parameter], kinds: dict[str, ItemKind], source_keys: set[str]) -> None:
        self.parameters = parameters
        self.kinds = kinds
        self.source_keys = source_keys

    def entry(self, raw: s.EntryFile, item: s.ItemFile, path: Path, origin: str) -> Entry:
        path_text = str(path)
        if raw.id.split(".")[0] != str(item.item):
            problem = f"entry belongs to item {raw.id.split('.')[0]}, not {item.item}"
            raise DataFileError(path_text, problem, raw.id, "id")
        for kind in raw.kinds:
            if kind not in self.kinds:
                raise DataFileError(path_text, f"unknown item kind {kind!r}", raw.id, "kinds")
        for index, source in enumerate(raw.sources):
            if source.key not in self.source_keys:
                known = ", ".join(sorted(self.source_keys))
                raise DataFileError(
                    path_text, f"unknown source key {source.key!r}; known: {known}", raw.id, f"sources[{index}].key"
                )
        category = raw.category or item.category
        if category is None:  # pragma: no cover - the schema requires an item category
            raise DataFileError(path_text, "no category", raw.id, "category")
        criteria = self.criterion(raw.criteria, path, raw.id, "criteria") if raw.criteria else None
        self._check_unique_leaf_ids(criteria, path, raw.id)
        return Entry(
            id=raw.id,
            item=item.item,
            category=category,
            title=raw.title.strip(),
            text=" ".join(raw.text.split()),
            kinds=tuple(raw.kinds),
            criteria=criteria,
            conditions=tuple(Condition(c.type, tuple(c.targets), c.text) for c in raw.conditions),
            notes=tuple(" ".join(note.split()) for note in raw.notes),
            decontrols=tuple(
                Decontrol(
                    " ".join(d.text.split()),
                    self.criterion(d.when, path, raw.id, f"decontrols[{i}].when") if d.when else None,
                )
                for i, d in enumerate(raw.decontrols)
            ),
            downgrades=tuple(
                Downgrade(
                    d.to,
                    " ".join(d.text.split()),
                    self.criterion(d.when, path, raw.id, f"downgrades[{i}].when") if d.when else None,
                    tuple(d.requires),
                )
                for i, d in enumerate(raw.downgrades)
            ),
            eu_refs=tuple(raw.eu_refs),
            us_refs=tuple(raw.us_refs),
            sources=tuple(Source(src.key, src.ref, src.confidence) for src in raw.sources),
            origin=origin,
        )

    def criterion(self, raw: object, path: Path, entry_id: str, field: str) -> Criterion:
        if isinstance(raw, s.AllOfFile):
            return AllOf(tuple(self.criterion(c, path, entry_id, f"{field}.all[{i}]") for i, c in enumerate(raw.all)))
        if isinstance(raw, s.AnyOfFile):
            return AnyOf(tuple(self.criterion(c, path, entry_id, f"{field}.any[{i}]") for i, c in enumerate(raw.any)))
        if isinstance(raw, s.RangePayloadNodeFile):
            node = raw.range_payload
            return RangePayload(
                id=node.id,
                range=self.threshold(node.range.value, node.range.unit, "m", path, entry_id, f"{field}.range"),
                payload=(
                    self.threshold(node.payload.value, node.payload.unit, "kg", path, entry_id, f"{field}.payload")
                    if node.payload
                    else None
                ),
                note=node.note,
            )
        if isinstance(raw, s.LeafFile):
            return self.leaf(raw, path, entry_id, field)
        raise DataFileError(str(path), f"unexpected criterion {raw!r}", entry_id, field)  # pragma: no cover

    def leaf(self, raw: s.LeafFile, path: Path, entry_id: str, field: str) -> Leaf:
        parameter = self.parameters.get(raw.parameter)
        if parameter is None:
            raise DataFileError(str(path), f"unknown parameter {raw.parameter!r}", entry_id, f"{field}.parameter")
        leaf_id = raw.id or raw.parameter
        if parameter.kind is s.ParameterKind.QUANTITY:
            if raw.op is s.Comparator.IN or not isinstance(raw.value, (int, float)) or isinstance(raw.value, bool):
                raise DataFileError(
                    str(path), f"parameter {raw.parameter!r} is a quantity: compare it with a number", entry_id, field
                )
            threshold = self.threshold(float(raw.value), raw.unit, parameter.unit, path, entry_id, field)
            return Leaf(leaf_id, raw.parameter, raw.op, threshold, note=raw.note)
        if raw.unit:
            raise DataFileError(str(path), f"parameter {raw.parameter!r} takes no unit", entry_id, f"{field}.unit")
        if parameter.kind is s.ParameterKind.BOOLEAN:
            if raw.op is not s.Comparator.EQ or not isinstance(raw.value, bool):
                raise DataFileError(
                    str(path), f"{raw.parameter!r} is yes/no: use '==' with true or false", entry_id, field
                )
            return Leaf(leaf_id, raw.parameter, raw.op, None, equals=raw.value, note=raw.note)
        choices = raw.value if isinstance(raw.value, list) else [str(raw.value)]
        unknown = [choice for choice in choices if parameter.values and choice not in parameter.values]
        if unknown:
            raise DataFileError(
                str(path),
                f"{unknown} not among the values of {raw.parameter!r}: {list(parameter.values)}",
                entry_id,
                field,
            )
        if raw.op is s.Comparator.IN:
            return Leaf(leaf_id, raw.parameter, raw.op, None, choices=tuple(choices), note=raw.note)
        if raw.op is s.Comparator.EQ:
            return Leaf(leaf_id, raw.parameter, raw.op, None, equals=choices[0], note=raw.note)
        raise DataFileError(str(path), f"{raw.parameter!r} is categorical: use '==' or 'in'", entry_id, field)

    def threshold(self, value: float, unit: str, si_unit: str, path: Path, entry_id: str, field: str) -> Threshold:
        try:
            si_value = to_si(value, unit, si_unit, field)
        except UnitError as exc:
            raise DataFileError(str(path), exc.problem, entry_id, f"{field}.unit") from exc
        return Threshold(value=value, unit=unit, si_value=si_value)

    @staticmethod
    def _check_unique_leaf_ids(criteria: Criterion | None, path: Path, entry_id: str) -> None:
        seen: set[str] = set()
        for leaf in iter_leaves(criteria):
            if leaf.id in seen:
                raise DataFileError(
                    str(path),
                    f"two criteria share the id {leaf.id!r}; give each an explicit 'id'",
                    entry_id,
                    "criteria",
                )
            seen.add(leaf.id)


def _load_vocabulary(folder: Path) -> tuple[dict[str, Parameter], dict[str, ItemKind]]:
    parameters: dict[str, Parameter] = {}
    kinds: dict[str, ItemKind] = {}
    for path in sorted(folder.glob("*.yaml")):
        vocabulary = validate_file(path, s.VocabularyFile)
        for raw in vocabulary.parameters:
            if raw.kind is not s.ParameterKind.QUANTITY and (raw.unit or raw.minimum is not None):
                raise DataFileError(
                    str(path), f"a {raw.kind.value} parameter takes no unit or minimum", raw.name, "unit"
                )
            if raw.kind is not s.ParameterKind.CATEGORICAL and raw.values:
                raise DataFileError(str(path), "only categorical parameters list values", raw.name, "values")
            if raw.kind is s.ParameterKind.QUANTITY:
                try:
                    to_si(1.0, raw.unit, raw.unit, f"parameters.{raw.name}.unit")
                except UnitError as exc:
                    raise DataFileError(str(path), exc.problem, raw.name, "unit") from exc
            parameter = Parameter(raw.name, raw.kind, raw.unit, raw.description, raw.minimum, tuple(raw.values))
            if raw.name in parameters and parameters[raw.name] != parameter:
                raise DataFileError(str(path), "defined differently in another vocabulary file", raw.name, "name")
            parameters[raw.name] = parameter
        for raw_kind in vocabulary.kinds:
            kind = ItemKind(raw_kind.name, raw_kind.description, tuple(raw_kind.parameters))
            if raw_kind.name in kinds and kinds[raw_kind.name] != kind:
                raise DataFileError(str(path), "defined differently in another vocabulary file", raw_kind.name, "name")
            kinds[raw_kind.name] = kind
    for kind in kinds.values():
        for name in kind.parameters:
            if name not in parameters:
                raise DataFileError(str(folder), f"kind {kind.name!r} lists unknown parameter {name!r}")
    return parameters, kinds


def load_edition(folder: Path) -> Annex:
    """Load and validate one edition folder."""
    edition = validate_file(folder / "edition.yaml", s.EditionFile)
    parameters, kinds = _load_vocabulary(folder / "vocabulary")
    builder = _Builder(parameters, kinds, {src.key for src in edition.sources})
    items: list[Item] = []
    entries: list[Entry] = []
    item_paths: dict[int, Path] = {}
    for path in sorted((folder / "items").glob("*.yaml")):
        item_file = validate_file(path, s.ItemFile)
        if item_file.item in item_paths:
            raise DataFileError(
                str(path), f"item {item_file.item} is also defined in {item_paths[item_file.item].name}", field="item"
            )
        item_paths[item_file.item] = path
        items.append(Item(item_file.item, item_file.title, item_file.category, item_file.reserved))
        entries.extend(builder.entry(raw, item_file, path, f"{edition.id}:{path.name}") for raw in item_file.entries)
    definitions_file = validate_file(folder / "definitions.yaml", s.DefinitionsFile)
    definitions = tuple(
        Definition(
            d.term,
            " ".join(d.text.split()),
            tuple(d.notes),
            tuple(Source(x.key, x.ref, x.confidence) for x in d.sources),
        )
        for d in definitions_file.definitions
    )
    annex = Annex(
        id=edition.id,
        regime=edition.regime,
        title=edition.title,
        document=edition.document,
        date=edition.date,
        items=tuple(sorted(items, key=lambda item: item.number)),
        entries=tuple(sorted(entries, key=lambda entry: entry_sort_key(entry.id))),
        definitions=definitions,
        parameters=tuple(parameters.values()),
        kinds=tuple(kinds.values()),
        source_titles=tuple((src.key, src.title) for src in edition.sources),
    )
    check_consistency(annex, str(folder))
    return annex


def check_consistency(annex: Annex, where: str) -> None:
    """Cross-entry checks: unique ids, item numbers known, condition targets that exist."""
    seen: set[str] = set()
    for entry in annex.entries:
        if entry.id in seen:
            raise DataFileError(entry.origin or where, "duplicate entry id", entry.id, "id")
        seen.add(entry.id)
        if annex.item(entry.item) is None:
            raise DataFileError(entry.origin or where, f"item {entry.item} is not defined", entry.id, "id")
    for entry in annex.entries:
        for index, condition in enumerate(entry.conditions):
            for target in condition.targets:
                if not any(other == target or other.startswith(target + ".") for other in seen):
                    raise DataFileError(
                        entry.origin or where,
                        f"target {target!r} matches no entry",
                        entry.id,
                        f"conditions[{index}].targets",
                    )


def entry_sort_key(entry_id: str) -> tuple[tuple[int, str], ...]:
    """Sort 3.A.10 after 3.A.9, and 2.A.1 before 2.A.1.a."""
    return tuple((int(part), "") if part.isdigit() else (0, part) for part in entry_id.split("."))


def apply_regime(base: Annex, regime: s.RegimeFile, path: Path) -> Annex:
    """Derive a regime from its base edition: remove, override thresholds, then add entries."""
    parameters = {p.name: p for p in base.parameters}
    kinds = {k.name: k for k in base.kinds}
    builder = _Builder(parameters, kinds, {key for key, _ in base.source_titles})
    entries = {entry.id: entry for entry in base.entries}
    origin = f"{regime.id}:{path.name}"
    for index, entry_id in enumerate(regime.remove):
        if entry_id not in entries:
            raise DataFileError(
                str(path), "cannot remove an entry the base does not have", entry_id, f"remove[{index}]"
            )
        del entries[entry_id]
    for index, override in enumerate(regime.overrides):
        field = f"overrides[{index}]"
        entry = entries.get(override.entry)
        if entry is None:
            raise DataFileError(str(path), "no such entry in the base edition", override.entry, f"{field}.entry")
        entries[entry.id] = replace(_apply_override(entry, override, builder, path, field), origin=origin)
    items = {item.number: item for item in base.items}
    added: set[str] = set()
    for item_index, item_file in enumerate(regime.items):
        known = items.get(item_file.item)
        if known is None:
            items[item_file.item] = Item(item_file.item, item_file.title, item_file.category, item_file.reserved)
        elif known.reserved and item_file.entries:
            raise DataFileError(str(path), f"item {known.number} is reserved", field=f"items[{item_index}].item")
        for raw in item_file.entries:
            if raw.id in added:
                raise DataFileError(str(path), "duplicate entry id in this regime", raw.id, "id")
            if raw.id in entries:
                raise DataFileError(
                    str(path), "the base already has this entry: list it under remove to replace it", raw.id, "id"
                )
            added.add(raw.id)
            entries[raw.id] = builder.entry(raw, item_file, path, origin)
    annex = Annex(
        id=regime.id,
        regime=regime.id,
        title=regime.title,
        document=f"{regime.title} (derived from {base.id})",
        date=base.date,
        items=tuple(sorted(items.values(), key=lambda item: item.number)),
        entries=tuple(sorted(entries.values(), key=lambda entry: entry_sort_key(entry.id))),
        definitions=base.definitions,
        parameters=base.parameters,
        kinds=base.kinds,
        source_titles=base.source_titles,
        base=base.id,
    )
    check_consistency(annex, str(path))
    return annex


def _apply_override(entry: Entry, override: s.OverrideFile, builder: _Builder, path: Path, field: str) -> Entry:
    if override.scope is s.OverrideScope.CRITERIA:
        return replace(entry, criteria=_override(entry.criteria, override, builder, path, field))
    count = len(entry.downgrades if override.scope is s.OverrideScope.DOWNGRADE else entry.decontrols)
    if override.index >= count:
        problem = f"the entry has {count} {override.scope.value} note(s); index {override.index} does not exist"
        raise DataFileError(str(path), problem, override.entry, f"{field}.index")
    if override.scope is s.OverrideScope.DOWNGRADE:
        downgrades = list(entry.downgrades)
        note = downgrades[override.index]
        downgrades[override.index] = replace(note, when=_override(note.when, override, builder, path, field))
        return replace(entry, downgrades=tuple(downgrades))
    decontrols = list(entry.decontrols)
    exclusion = decontrols[override.index]
    decontrols[override.index] = replace(exclusion, when=_override(exclusion.when, override, builder, path, field))
    return replace(entry, decontrols=tuple(decontrols))


def _override(node: Criterion | None, override: s.OverrideFile, builder: _Builder, path: Path, field: str) -> Criterion:
    found = False
    where = (str(path),)

    def fail(problem: str, part: str) -> DataFileError:
        return DataFileError(*where, problem, override.entry, f"{field}.{part}")

    def walk(current: Criterion) -> Criterion:
        nonlocal found
        if isinstance(current, AllOf):
            return AllOf(tuple(walk(child) for child in current.children))
        if isinstance(current, AnyOf):
            return AnyOf(tuple(walk(child) for child in current.children))
        if current.id != override.criterion:
            return current
        found = True
        if isinstance(current, RangePayload):
            if override.op is not None:
                raise fail("a range/payload criterion is always 'at least'; drop op", "op")
            if override.threshold is s.ThresholdPart.RANGE:
                return replace(
                    current, range=builder.threshold(override.value, override.unit, "m", path, override.entry, field)
                )
            if override.threshold is s.ThresholdPart.PAYLOAD:
                return replace(
                    current, payload=builder.threshold(override.value, override.unit, "kg", path, override.entry, field)
                )
            raise fail("a range/payload criterion needs threshold: range or payload", "threshold")
        if override.threshold is not s.ThresholdPart.VALUE:
            raise fail(f"threshold: {override.threshold.value} applies only to range/payload criteria", "threshold")
        if current.threshold is None:
            raise fail("only numeric thresholds can be overridden", "criterion")
        parameter = builder.parameters[current.parameter]
        new = builder.threshold(override.value, override.unit, parameter.unit, path, override.entry, field)
        return replace(current, threshold=new, op=override.op or current.op)

    if node is None:
        raise fail(f"the entry has no {override.scope.value} criteria to override", "criterion")
    result = walk(node)
    if not found:
        ids = [leaf.id for leaf in iter_leaves(node)]
        raise fail(f"no criterion {override.criterion!r}; the entry has {ids}", "criterion")
    return result


# --- finding editions and regimes by name ---------------------------------------------------------


def bundled_editions() -> dict[str, Path]:
    return {folder.name: folder for folder in sorted(BUNDLED_DATA.iterdir()) if (folder / "edition.yaml").is_file()}


def regime_files(extra_dirs: Sequence[Path] = ()) -> dict[str, Path]:
    """Regime files by id: bundled ones, then those in MTCR_REGIME_DIRS and ``extra_dirs``.

    Other YAML files in those folders are skipped; two regimes with one id are an error, so a user
    file can never silently stand in for a bundled regime.
    """
    found: dict[str, Path] = {}
    for folder in [BUNDLED_DATA / "regimes", *get_settings().regime_paths, *extra_dirs]:
        for path in sorted(Path(folder).glob("*.yaml")):
            try:
                raw = read_yaml(path)
            except DataFileError:
                continue  # not a readable YAML file, so not a regime; loading it by path says why
            if isinstance(raw, dict) and raw.get("format") == "mtcr-regime/1" and isinstance(raw.get("id"), str):
                regime_id = raw["id"]
                if regime_id in found and found[regime_id] != path:
                    raise DataFileError(
                        str(path), f"regime id {regime_id!r} is also used by {found[regime_id]}", field="id"
                    )
                found[regime_id] = path
    return found


def available() -> list[str]:
    return [*bundled_editions(), *regime_files()]


def load(name_or_path: str | None = None, _visiting: frozenset[str] = frozenset()) -> Annex:
    """Load an edition or regime by id (``mtcr-2024``), folder or regime file path."""
    name = name_or_path or get_settings().annex_edition
    candidate = Path(name)
    if candidate.is_dir() and (candidate / "edition.yaml").is_file():
        return load_edition(candidate.resolve())
    if candidate.suffix in (".yaml", ".yml"):
        if not candidate.is_file():
            raise NotFoundError("regime file", name, "the file does not exist")
        return load_regime(candidate.resolve(), _visiting)
    editions = bundled_editions()
    if name in editions:
        return _cached_edition(str(editions[name]))
    regimes = regime_files()
    if name in regimes:
        return load_regime(regimes[name], _visiting)
    raise NotFoundError("edition or regime", name, f"available: {', '.join(available())}")


def load_regime(path: Path, _visiting: frozenset[str] = frozenset()) -> Annex:
    regime = validate_file(path, s.RegimeFile)
    if regime.base == regime.id or regime.id in _visiting:
        chain = " -> ".join([*sorted(_visiting), regime.id, regime.base])
        raise DataFileError(str(path), f"regimes based on each other in a loop ({chain})", field="base")
    base = load(regime.base, _visiting | {regime.id})
    return apply_regime(base, regime, path)


@lru_cache(maxsize=8)
def _cached_edition(folder: str) -> Annex:
    return load_edition(Path(folder))

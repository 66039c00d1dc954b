"""CAMEO codes and the PLOVER 2.0 ontology, loaded from the TSV files under data/ontology/.

The files are plain, hand-editable TSV (see data/NOTICE for where they come from and
scripts/build_ontology.py for how they were built). Lines starting with "#" before the header are
comments; the first other line is the header, and columns are found by name so extra columns are
ignored.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = [
    "PLOVER_05_TO_2021",
    "CameoCode",
    "Ontology",
    "PloverMapping",
    "normalize_event_type",
    "ontology",
]

# Event types of PLOVER 0.5 (and the PETRARCH/early-POLECAT era) that v2.0 merged into others.
PLOVER_05_TO_2021 = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}

_QUAD_CATEGORIES = {
    "verbal cooperation": 1,
    "material cooperation": 2,
    "verbal conflict": 3,
    "material conflict": 4,
}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class PloverMapping:
    event_type: str
    mode: str | None
    contexts: tuple[str, ...]


def normalize_event_type(name: str) -> str:
    """Upper-case a PLOVER event type name and map PLOVER 0.5 names onto v2.0 ones."""
    name = name.strip().upper()
    return PLOVER_05_TO_2021.get(name, name)


def _read_tsv(source: Traversable, required: list[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV file as (line number, {column: value}); ValueError names file and line."""
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"{source}: ontology data file not found") from None
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if header is None and (not line.strip() or line.startswith("#")):
            continue
        if header is None:
            header = [h.strip() for h in line.split("\t")]
            missing = [c for c in required if c not in header]
            if missing:
                raise ValueError(f"{source}:{lineno}: header lacks column(s) {', '.join(missing)}")
            continue
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) > len(header):
            raise ValueError(
                f"{source}:{lineno}: {len(cells)} fields, header has {len(header)} columns"
            )
        # A spreadsheet may drop trailing empty cells; pad them back.
        cells += [""] * (len(header) - len(cells))
        rows.append((lineno, {h: c.strip() for h, c in zip(header, cells, strict=True)}))
    if header is None:
        raise ValueError(f"{source}: no header row")
    return rows


def _default_data_dir() -> Traversable:
    return resources.files("dotterel").joinpath("data").joinpath("ontology")


class Ontology:
    """Lookups over CAMEO codes, PLOVER types/modes/contexts and the CAMEO->PLOVER table."""

    def __init__(
        self,
        cameo_codes: dict[str, CameoCode],
        event_types: dict[str, tuple[int, bool, str]],
        modes: dict[str, list[str]],
        contexts: list[str],
        mapping: dict[str, PloverMapping],
    ) -> None:
        self._cameo = cameo_codes
        self._types = event_types  # type -> (quad class, requires recipient, summary)
        self._modes = modes
        self._contexts = contexts
        self._mapping = mapping
        self._defaults = {et: self._pick_default(et) for et in event_types}

    # -- loading ------------------------------------------------------------------------------

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Ontology:
        base: Traversable = _default_data_dir() if data_dir is None else Path(data_dir)

        cameo: dict[str, CameoCode] = {}
        src = base.joinpath("cameo_codes.tsv")
        for lineno, row in _read_tsv(src, ["code", "name", "goldstein", "quad_class"]):
            where = f"{src}:{lineno}"
            code = row["code"]
            if not (code.isdigit() and 2 <= len(code) <= 4):
                raise ValueError(f"{where}: CAMEO code must be 2-4 digits, got {code!r}")
            if code in cameo:
                raise ValueError(f"{where}: duplicate CAMEO code {code}")
            try:
                goldstein = float(row["goldstein"])
                quad = int(row["quad_class"])
            except ValueError:
                raise ValueError(
                    f"{where}: goldstein {row['goldstein']!r} / quad_class "
                    f"{row['quad_class']!r} is not a number"
                ) from None
            if not -10.0 <= goldstein <= 10.0:
                raise ValueError(f"{where}: goldstein {goldstein} outside -10..10")
            if quad not in (1, 2, 3, 4):
                raise ValueError(f"{where}: quad_class {quad} not in 1..4")
            cameo[code] = CameoCode(code, row["name"], goldstein, quad)

        types: dict[str, tuple[int, bool, str]] = {}
        src = base.joinpath("plover_event_types.tsv")
        cols = ["event_type", "quad_category", "requires_recipient", "summary"]
        for lineno, row in _read_tsv(src, cols):
            where = f"{src}:{lineno}"
            et = row["event_type"].upper()
            if not et or et in types:
                raise ValueError(f"{where}: empty or duplicate event type {et!r}")
            qc = row["quad_category"].lower()
            quad = int(qc) if qc in ("1", "2", "3", "4") else _QUAD_CATEGORIES.get(qc)
            if quad is None:
                raise ValueError(f"{where}: unknown quad_category {row['quad_category']!r}")
            rr = row["requires_recipient"].lower()
            if rr not in ("yes", "no"):
                raise ValueError(f"{where}: requires_recipient must be yes/no, got {rr!r}")
            types[et] = (quad, rr == "yes", row["summary"])

        modes: dict[str, list[str]] = {et: [] for et in types}
        src = base.joinpath("plover_modes.tsv")
        for lineno, row in _read_tsv(src, ["event_type", "mode", "summary"]):
            et, mode = row["event_type"].upper(), row["mode"].lower()
            if et not in types:
                raise ValueError(f"{src}:{lineno}: unknown event type {et!r}")
            if not mode or mode in modes[et]:
                raise ValueError(f"{src}:{lineno}: empty or duplicate mode {mode!r} for {et}")
            modes[et].append(mode)

        contexts: list[str] = []
        src = base.joinpath("plover_contexts.tsv")
        for lineno, row in _read_tsv(src, ["context", "summary"]):
            ctx = row["context"].lower()
            if not ctx or ctx in contexts:
                raise ValueError(f"{src}:{lineno}: empty or duplicate context {ctx!r}")
            contexts.append(ctx)

        mapping: dict[str, PloverMapping] = {}
        src = base.joinpath("cameo_to_plover.tsv")
        for lineno, row in _read_tsv(src, ["cameo", "event_type", "mode", "contexts"]):
            where = f"{src}:{lineno}"
            code, et, mode = row["cameo"], row["event_type"].upper(), row["mode"].lower()
            if code not in cameo:
                raise ValueError(f"{where}: {code!r} is not in cameo_codes.tsv")
            if code in mapping:
                raise ValueError(f"{where}: duplicate CAMEO code {code}")
            if et not in types:
                raise ValueError(f"{where}: unknown PLOVER event type {et!r}")
            if mode and mode not in modes[et]:
                raise ValueError(f"{where}: {mode!r} is not a mode of {et} in plover_modes.tsv")
            ctxs = tuple(c.strip().lower() for c in row["contexts"].split(";") if c.strip())
            for c in ctxs:
                if c not in contexts:
                    raise ValueError(f"{where}: {c!r} is not in plover_contexts.tsv")
            mapping[code] = PloverMapping(et, mode or None, ctxs)

        return cls(cameo, types, modes, contexts, mapping)

    # -- CAMEO --------------------------------------------------------------------------------

    def cameo(self, code: str) -> CameoCode | None:
        return self._cameo.get(code.strip())

    def cameo_codes(self) -> list[str]:
        return sorted(self._cameo)

    def plover(self, cameo_code: str) -> PloverMapping | None:
        """PLOVER type for a CAMEO code: its own row, else its parent's, else its root's.

        None for codes PLOVER drops (root 01, statements) and for unknown roots.
        """
        code = cameo_code.strip()
        while len(code) >= 2:
            found = self._mapping.get(code)
            if found is not None:
                return found
            code = code[:-1]
        return None

    # -- PLOVER -------------------------------------------------------------------------------

    def event_types(self) -> list[str]:
        return list(self._types)

    def modes(self, event_type: str) -> list[str]:
        return list(self._modes.get(normalize_event_type(event_type), []))

    def contexts(self) -> list[str]:
        return list(self._contexts)

    def requires_recipient(self, event_type: str) -> bool:
        return self._type_info(event_type)[1]

    def quad_class_of_type(self, event_type: str) -> int:
        """1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
        return self._type_info(event_type)[0]

    def coding(self, cameo: str) -> dict | None:
        """The event record's coding fields for a CAMEO code, consistent with the map: PLOVER
        type, mode and contexts, CAMEO code, QuadClass and Goldstein. None for a code PLOVER
        does not code (a 01x statement) or does not know."""
        code, mapping = self.cameo(cameo), self.plover(cameo)
        if code is None or mapping is None:
            return None
        return {
            "event_type": mapping.event_type,
            "mode": mapping.mode,
            "context": list(mapping.contexts),
            "cameo": code.code,
            "quad_class": code.quad_class,
            "goldstein": code.goldstein,
        }

    def default_cameo(self, event_type: str) -> str | None:
        """The generic CAMEO code to report for a PLOVER type decided without a CAMEO verb."""
        return self._defaults.get(normalize_event_type(event_type))

    def _type_info(self, event_type: str) -> tuple[int, bool, str]:
        et = normalize_event_type(event_type)
        if et not in self._types:
            raise ValueError(f"unknown PLOVER event type {event_type!r}")
        return self._types[et]

    def _pick_default(self, event_type: str) -> str | None:
        # Prefer a root's "not specified" code (e.g. "040") that maps to the type. Among several
        # roots, take the one whose QuadClass matches the type's (REQUEST -> 10, not 02), then
        # the one contributing most codes (ACCUSE -> 11, not 09; ASSAULT -> 18), then the lowest.
        quad = self._types[event_type][0]
        own = [c for c, m in self._mapping.items() if m.event_type == event_type]
        per_root: dict[str, int] = {}
        for c in own:
            per_root[c[:2]] = per_root.get(c[:2], 0) + 1
        generic = [c for c in own if len(c) == 3 and c.endswith("0")]
        if generic:

            def rank(c: str) -> tuple[bool, int, str]:
                return (self._cameo[c].quad_class != quad, -per_root[c[:2]], c)

            return min(generic, key=rank)
        # No root's generic code maps here (RETREAT, split from YIELD): take its shortest
        # mode-less code, e.g. "084".
        plain = [c for c in own if self._mapping[c].mode is None and len(c) > 2] or own
        return min(plain, key=lambda c: (len(c), c)) if plain else None


@functools.lru_cache(maxsize=1)
def ontology() -> Ontology:
    """The ontology shipped with dotterel, loaded once."""
    return Ontology.load()

"""What a linked event's shown values are counted from, so that a new report updates them alone.

A linked event shows the CAMEO code most of its reports give, the most common date of the most
precise kind, its status, its distinct places and sources, and its first report. Reports are
taken in report order (publication date, undated first, then document, sentence and event id),
and a tie goes to the value that came first in that order. Counting each value with the first
report that gave it keeps exactly what a count over all reports in that order would say, in any
order the reports arrive: so storing a report costs the same whether its event has two reports
or two thousand. `linking.refresh` counts from every report again (a replaced document, a
relink, an event stored before tallies existed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from dotterel.store.linkrule import Mention, same_place

STATUS_ORDER = ("reported", "planned", "proposed", "denied")
PRECISION_ORDER = ("day", "month", "year", "publication")

# A report's place in report order: [published or "", doc_id, sentence, event_id]. A list, not
# a tuple, so that it compares the same after a trip through JSON.
Key = list


def report_key(published: str | None, record: dict) -> Key:
    return [published or "", record["doc_id"], int(record["sentence"]), record["event_id"]]


@dataclass
class Tally:
    first: list | None = None  # [key, event_id, quad_class, goldstein] of the first report
    cameos: dict[str, list] = field(default_factory=dict)  # cameo: [count, key, quad, goldstein]
    statuses: dict[str, int] = field(default_factory=dict)
    dates: dict[str, dict[str, list]] = field(default_factory=dict)  # precision: date: [n, key]
    places: list[list] = field(default_factory=list)  # [key, place]: each place at its first
    sources: dict[str, int] = field(default_factory=dict)

    def add(self, m: Mention, record: dict, key: Key, source: str | None) -> None:
        """Count one report (`record`, seen by the rule as `m`) of the event."""
        coding = [record.get("quad_class"), record.get("goldstein")]
        if self.first is None or key < self.first[0]:
            self.first = [key, m.event_id, *coding]
        if cameo := record.get("cameo"):
            _count(self.cameos, cameo, key, coding)
        self.statuses[m.status] = self.statuses.get(m.status, 0) + 1
        if m.date:
            _count(self.dates.setdefault(m.date_precision, {}), m.date, key)
        if m.place:
            # Equal places count once, at their first report (a later equal one would never
            # be shown: the first, or a place the same as it, is already there).
            held = next((p for p in self.places if p[1] == m.place), None)
            if held is None:
                self.places.append([key, m.place])
            elif key < held[0]:
                held[0] = key
        if source:
            self.sources[source] = self.sources.get(source, 0) + 1

    def coding(self) -> tuple[str | None, int | None, float | None]:
        """The most common CAMEO code with the QuadClass and Goldstein of its first report;
        without any code, the first report's."""
        if not self.cameos:
            return None, self.first[2], self.first[3]
        cameo, (_, _, quad, goldstein) = _most_common(self.cameos)
        return cameo, quad, goldstein

    def status(self) -> str:
        return next((x for x in STATUS_ORDER if self.statuses.get(x)), "reported")

    def date(self) -> str | None:
        """The date most reports give, preferring the most precise kind of date there is."""
        for precision in PRECISION_ORDER:
            if self.dates.get(precision):
                return _most_common(self.dates[precision])[0]
        return None

    def place_list(self) -> list[dict]:
        """The distinct places in report order, a place the same as an earlier one left out."""
        kept: list[dict] = []
        for _, place in sorted(self.places, key=lambda p: p[0]):
            if not any(same_place(place, q) for q in kept):
                kept.append(place)
        return kept

    def first_event_id(self) -> str:
        return self.first[1]

    def dumps(self) -> str:
        # vars, not dataclasses.asdict: the fields are plain JSON already, and asdict's deep
        # copy cost more than the rest of storing a report.
        return json.dumps(vars(self), ensure_ascii=False)

    @classmethod
    def loads(cls, text: str) -> Tally:
        return cls(**json.loads(text))


def _count(counts: dict[str, list], value: str, key: Key, extra: list = ()) -> None:
    held = counts.get(value)
    if held is None:
        counts[value] = [1, key, *extra]
        return
    held[0] += 1
    if key < held[1]:
        held[1:] = [key, *extra]


def _most_common(counts: dict[str, list]) -> tuple[str, list]:
    # The most counted; of equals, the one whose first report came first.
    return min(counts.items(), key=lambda item: (-item[1][0], item[1][1]))

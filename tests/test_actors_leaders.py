"""The world-leaders rows of the shipped people.tsv: dated roles, successors, blocked surnames."""

from __future__ import annotations

import datetime as dt

import pytest

from dotterel.actors.kb import KnowledgeBase


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


@pytest.mark.parametrize(
    "name, on, code",
    [
        ("Hun Manet", dt.date(2025, 5, 11), "KHMGOV"),
        ("Hun Sen", dt.date(2022, 5, 1), "KHMGOV"),  # prime minister until 2023-08-22
        ("Hun Sen", dt.date(2025, 5, 11), "KHMLEG"),  # president of the Senate
        ("Abiy", dt.date(2025, 5, 11), "ETHGOV"),
        ("Sheikh Hasina", dt.date(2024, 1, 1), "BGDGOV"),
        ("Leo XIV", dt.date(2025, 5, 11), "VATGOV"),
        ("Nataša Pirc Musar", dt.date(2025, 5, 11), "SVNGOV"),
        ("Natasa Pirc Musar", dt.date(2025, 5, 11), "SVNGOV"),  # diacritics folded
        ("Frederik X", dt.date(2025, 5, 11), "DNKGOV"),
    ],
)
def test_leader_has_the_role_of_the_day(kb, name, on, code):
    roles = kb.person(name, on)
    assert roles, f"{name} has no role on {on}"
    assert roles[0].code == code


@pytest.mark.parametrize(
    "name, on, ended",
    [
        ("Sheikh Hasina", dt.date(2025, 5, 11), dt.date(2024, 8, 5)),
        ("Pope Francis", dt.date(2025, 5, 11), dt.date(2025, 4, 21)),
    ],
)
def test_leader_out_of_office_has_no_role_and_a_dated_last_one(kb, name, on, ended):
    # The resolver codes such a person ELI of the country of the nearest role.
    assert kb.person(name, on) == []
    (person,) = kb.persons(name)
    assert person.nearest_role(on).end == ended


def test_predecessor_and_successor_meet_on_the_same_day(kb):
    # end is the first day out of office, the successor's start.
    (before,) = [r for r in kb.roles("Ilir Meta") if r.sector == "GOV"]
    (after,) = [r for r in kb.roles("Bajram Begaj") if r.sector == "GOV"]
    assert before.end == after.start == dt.date(2022, 7, 24)


@pytest.mark.parametrize("word", ["Cruz", "Castro", "Meta", "Sen", "Silva", "Davis"])
def test_common_surnames_of_leaders_do_not_name_them_alone(kb, word):
    assert kb.persons(word, dt.date(2025, 5, 11)) == []

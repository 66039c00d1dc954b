"""Tests for the shipped ontology files and their loader (reads only src/dotterel/data)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dotterel.events.ontology import (
    PLOVER_05_TO_2021,
    CameoCode,
    Ontology,
    PloverMapping,
    ontology,
)

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "src" / "dotterel" / "data" / "ontology"
KB = REPO.parent / "shared" / "data" / "kb"
HEADERS = {
    "cameo_codes.tsv": "code\tname\tgoldstein\tquad_class",
    "plover_event_types.tsv": "event_type\tquad_category\trequires_recipient\tsummary",
    "plover_modes.tsv": "event_type\tmode\tsummary",
    "plover_contexts.tsv": "context\tsummary",
    "cameo_to_plover.tsv": "cameo\tevent_type\tmode\tcontexts",
}
FILES = list(HEADERS)
PLOVER_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return ontology()


def test_default_instance_is_cached_and_matches_explicit_dir():
    assert ontology() is ontology()
    explicit = Ontology.load(DATA)
    assert explicit.cameo("036") == ontology().cameo("036")


def test_cameo_examples(onto):
    c = onto.cameo("036")
    assert c == CameoCode("036", c.name, 4.0, 1)
    assert c.root == "03"
    assert onto.cameo("190").quad_class == 4
    assert onto.cameo("042").goldstein == 1.9
    assert onto.cameo("1823").goldstein == -10.0
    assert onto.cameo("36") is None  # leading zeros matter
    assert onto.cameo("999") is None


def test_cameo_code_set(onto):
    codes = onto.cameo_codes()
    assert len(codes) == 312
    assert {"106", "1213"} <= set(codes)  # the ICEWS extras
    assert all(c.isdigit() and 2 <= len(c) <= 4 for c in codes)
    roots = {c for c in codes if len(c) == 2}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


def test_every_code_has_quad_class_and_goldstein_in_range(onto):
    expected = {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    for code in onto.cameo_codes():
        c = onto.cameo(code)
        assert c.quad_class in (1, 2, 3, 4)
        assert int(c.root) in expected[c.quad_class]
        assert -10.0 <= c.goldstein <= 10.0
        assert c.name and "\t" not in c.name


def test_names_are_short_labels_not_manual_text(onto):
    assert max(len(onto.cameo(c).name) for c in onto.cameo_codes()) < 100
    assert onto.cameo("101").name == "Demand material cooperation"  # GDELT's label is shifted


def test_plover_types_modes_contexts(onto):
    assert onto.event_types() == PLOVER_TYPES
    assert len(onto.contexts()) == 37
    assert {"diplomatic", "military", "economic", "pro_democracy"} <= set(onto.contexts())
    assert onto.modes("CONSULT") == ["visit", "third-party", "multilateral", "phone"]
    assert onto.modes("AGREE") == []
    assert "targeted" in onto.modes("ASSAULT")
    assert onto.modes("NOSUCH") == []
    assert sum(len(onto.modes(t)) for t in PLOVER_TYPES) == 67


def test_quad_class_of_type(onto):
    assert [onto.quad_class_of_type(t) for t in PLOVER_TYPES] == [1] * 4 + [2] * 3 + [3] * 4 + [
        4
    ] * 5
    assert onto.quad_class_of_type("FIGHT") == 4  # PLOVER 0.5 name
    with pytest.raises(ValueError):
        onto.quad_class_of_type("NOSUCH")


def test_requires_recipient(onto):
    required = {t for t in PLOVER_TYPES if onto.requires_recipient(t)}
    assert required == {"COOPERATE", "AID", "SANCTION"}


def test_plover_05_names():
    assert PLOVER_05_TO_2021 == {
        "DEMAND": "REQUEST",
        "DISAPPROVE": "ACCUSE",
        "FIGHT": "ASSAULT",
        "INVESTIGATE": "ACCUSE",
    }


def test_plover_mapping_examples(onto):
    assert onto.plover("042") == PloverMapping("CONSULT", "visit", ())
    assert onto.plover("043") == PloverMapping("CONSULT", "visit", ())
    assert onto.plover("041").mode == "phone"
    assert onto.plover("036") == PloverMapping("AGREE", None, ("diplomatic",))
    assert onto.plover("0841").mode == "release"
    assert onto.plover("081").event_type == "CONCEDE"
    assert onto.plover("087").event_type == "RETREAT"
    assert onto.plover("091") == PloverMapping("ACCUSE", "investigate", ("crime", "corruption"))
    assert onto.plover("1823").event_type == "ASSAULT"
    assert onto.plover("163") == PloverMapping("SANCTION", "discontinue", ("diplomatic",))
    assert onto.plover("186").mode == "targeted"  # draft 0.8's 'assassinate'
    assert onto.plover("0333").contexts == ("human_security",)  # draft 0.8's 'humanitarian'


def test_plover_fallback(onto):
    # "0362" is not a CAMEO code: it falls back to its parent "036".
    assert onto.plover("0362") == onto.plover("036")
    assert onto.plover(" 042 ") == onto.plover("042")
    # A 3-digit code with no row of its own would fall back to its root.
    assert onto.plover("049") == onto.plover("04") == PloverMapping("CONSULT", None, ())
    assert onto.plover("99") is None
    assert onto.plover("") is None


def test_statements_have_no_plover_type_appeals_are_requests(onto):
    for code in onto.cameo_codes():
        if code.startswith("01"):
            assert onto.plover(code) is None, code
        else:
            assert onto.plover(code) is not None, code
    assert onto.plover("020").event_type == "REQUEST"
    assert onto.plover("0214") == onto.plover("1014")
    assert onto.plover("026") == PloverMapping("REQUEST", "meet", ("diplomatic",))


def test_mapping_modes_and_contexts_are_v2(onto):
    for code in onto.cameo_codes():
        m = onto.plover(code)
        if m is None:
            continue
        assert m.event_type in PLOVER_TYPES
        assert m.mode is None or m.mode in onto.modes(m.event_type), code
        assert set(m.contexts) <= set(onto.contexts()), code


def test_default_cameo_maps_back(onto):
    for t in PLOVER_TYPES:
        code = onto.default_cameo(t)
        assert code is not None, t
        assert onto.cameo(code) is not None, (t, code)
        assert onto.plover(code).event_type == t, (t, code)
    assert onto.default_cameo("CONSULT") == "040"
    assert onto.default_cameo("REQUEST") == "100"
    assert onto.default_cameo("ACCUSE") == "110"
    assert onto.default_cameo("RETREAT") == "084"
    assert onto.default_cameo("DEMAND") == "100"
    assert onto.default_cameo("NOSUCH") is None


def test_files_have_header_after_comments():
    for name in FILES:
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        body = [ln for ln in lines if not ln.startswith("#")]
        assert lines[0].startswith("#"), name
        assert body[0] == HEADERS[name]
        assert all(ln.count("\t") == body[0].count("\t") for ln in body), name


def test_malformed_files_raise_with_file_and_line(tmp_path):
    for name in FILES:
        shutil.copy(DATA / name, tmp_path / name)
    path = tmp_path / "cameo_codes.tsv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("036\t", "036x\t", 1), encoding="utf-8")
    lineno = next(
        i for i, ln in enumerate(path.read_text().splitlines(), 1) if ln.startswith("036x")
    )
    with pytest.raises(ValueError, match=rf"cameo_codes\.tsv:{lineno}: CAMEO code"):
        Ontology.load(tmp_path)

    path.write_text(text, encoding="utf-8")
    mp = tmp_path / "cameo_to_plover.tsv"
    mp.write_text(mp.read_text().replace("CONSULT\tvisit", "CONSULT\tvisitt", 1))
    with pytest.raises(ValueError, match=r"cameo_to_plover\.tsv:\d+: 'visitt' is not a mode"):
        Ontology.load(tmp_path)

    (tmp_path / "plover_contexts.tsv").unlink()
    with pytest.raises(ValueError, match="plover_contexts.tsv"):
        Ontology.load(tmp_path)


@pytest.mark.shared
@pytest.mark.skipif(not KB.is_dir(), reason="../shared/data/kb (the build's sources) is absent")
def test_build_script_reproduces_shipped_files(tmp_path):
    script = REPO / "scripts" / "build_ontology.py"
    subprocess.run(
        [sys.executable, str(script), str(KB), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name

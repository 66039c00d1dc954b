"""`dotterel actors lookup | import-tabari | candidates` and the TABARI dictionary reader."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest

from dotterel.actors import cli
from dotterel.actors.candidates import (
    candidates_from_events,
    list_candidates,
    save_candidates,
)
from dotterel.actors.coref import Candidate
from dotterel.actors.kb import KnowledgeBase
from dotterel.actors.resolve import ActorResolver
from dotterel.actors.tabari import import_file, tabari_date
from dotterel.document import Document
from tests.conftest import FIXTURES, shared_path

ACTORS = FIXTURES / "actors" / "small.actors.txt"
AGENTS = FIXTURES / "actors" / "small.agents.txt"


def run(argv, capsys):
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# -- the TABARI reader -------------------------------------------------------------------------


def test_tabari_dates():
    assert tabari_date("950601") == dt.date(1995, 6, 1)
    assert tabari_date("300101") == dt.date(2030, 1, 1)  # 00-30 are 20YY, as in TABARI
    assert tabari_date("20121109") == dt.date(2012, 11, 9)


def test_import_actors_rows():
    result = import_file(ACTORS)
    assert result.kind == "dictionary" and result.records == 7
    rows = {(r[0], r[2], r[3], r[4]) for r in result.rows}
    assert rows == {
        ("Freedonia", "FRE", "", ""),
        ("Sylvania", "SYL", "", ""),
        # '<' and '>' include their day; end is written as the first day out
        ("Rufus T. Firefly", "FREELI", "", "2030-01-01"),
        ("Rufus T. Firefly", "FREGOV", "2030-01-01", "2036-01-01"),
        ("Rufus T. Firefly", "FREELI", "2036-01-01", ""),
        # the first restriction that holds wins: SYLMIL lies inside SYLGOV and is lost
        ("Chicolini", "SYLREB", "", "1999-06-16"),
        ("Chicolini", "SYLGOV", "1999-06-16", "2034-01-01"),
        # the default code fills the days no restriction covers
        ("Ambassador Trentino", "SYLGOV", "", "2034-01-01"),
        ("Ambassador Trentino", "SYLELI", "2034-01-01", ""),
        ("Marx Band", "FREMED", "", ""),
    }
    firefly = next(r for r in result.rows if r[0] == "Rufus T. Firefly")
    assert firefly[1] == "Firefly" and firefly[5] == "tabari small.actors.txt:12"
    assert any("compound code FREMED/FRECVL" in s for s in result.skipped)
    assert any("DISCARDED_THING: no usable code" in s for s in result.skipped)
    assert any("line 28" in s for s in result.skipped)


def test_import_agents_rows():
    result = import_file(AGENTS)
    assert result.kind == "agents" and result.records == 5
    assert [(r[0], r[1]) for r in result.rows] == [
        ("grand vizier", "GOV"),
        ("royal guard", "MIL"),
        ("royal guards", "MIL"),
        ("peace keeper", "IGOPKO"),
        ("harbourman", "LAB"),
        ("harbourmen", "LAB"),
        ("harbourwoman", "LAB"),
        ("harbourwomen", "LAB"),
        ("watchdog group", "NGO"),
    ]
    assert result.skipped == ["line 9: cannot read agent"]


def test_imported_files_load_as_a_user_kb(tmp_path):
    actors, agents = tmp_path / "mine.tsv", tmp_path / "mine_agents.tsv"
    actors.write_text(import_file(ACTORS).to_tsv("small.actors.txt"), encoding="utf-8")
    agents.write_text(import_file(AGENTS).to_tsv("small.agents.txt"), encoding="utf-8")
    resolver = ActorResolver(KnowledgeBase.load(extra=[actors, agents]))

    def code(text, day):
        return [a.code for a in resolver.resolve_text(text, dt.date.fromisoformat(day))]

    assert code("Rufus T. Firefly", "2029-12-31") == ["FREELI"]
    assert code("Firefly", "2030-01-01") == ["FREGOV"]
    assert code("Chicolini", "2032-01-15") == ["SYLGOV"]
    assert code("Chicolini", "1999-06-15") == ["SYLREB"]
    assert code("Ambassador Trentino", "2040-01-01") == ["SYLELI"]
    assert code("Freedonians", "2030-01-01") == ["FRE"]
    assert code("the Sylvanian grand vizier", "2030-01-01") == ["SYLGOV"]
    assert code("Freedonian royal guards", "2030-01-01") == ["FREMIL"]
    # An imported name is matched whole, never by its last word alone.
    assert code("Trentino", "2030-01-01") == []


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x00\x01\x02binary", "is not a text file"),
        (b"# only a comment\n\n", "no actor record found"),
    ],
)
def test_import_bad_files(tmp_path, capsys, content, message):
    bad = tmp_path / "bad.actors"
    bad.write_bytes(content)
    code, out, err = run(["import-tabari", str(bad)], capsys)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_import_missing_file(capsys):
    code, _, err = run(["import-tabari", "no/such.actors"], capsys)
    assert code == 2 and "cannot read no/such.actors" in err


# -- lookup ------------------------------------------------------------------------------------


def test_lookup_a_person_with_dated_roles(capsys):
    code, out, err = run(["lookup", "Donald", "Trump", "--date", "2023-05-01"], capsys)
    assert code == 0
    lines = dict(line.split(None, 1) for line in out.splitlines() if line[:1] != " ")
    assert lines["code"] == "USAELI" and lines["country"] == "USA"
    assert lines["kb_id"] == "Q22686" and lines["name"] == "Donald Trump"
    assert lines["source"].startswith("people.tsv (")


def test_lookup_json(capsys):
    code, out, _ = run(["lookup", "Erdogan", "--date", "2025-05-11", "--json"], capsys)
    [rec] = json.loads(out)
    assert (rec["code"], rec["role"], rec["kb_id"]) == (
        "TURGOV",
        "head of state and government",
        "Q39259",
    )
    assert rec["name"] == "Recep Tayyip Erdoğan" and rec["date"] == "2025-05-11"
    assert any(r["code"] == "TURGOV" for r in rec["roles"])
    code, out, _ = run(["lookup", "the Kremlin", "--json"], capsys)
    [rec] = json.loads(out)
    assert rec["code"] == "RUSGOV" and rec["source"].startswith("metonyms.tsv")


def test_lookup_with_an_imported_kb(tmp_path, capsys):
    kb = tmp_path / "mine.tsv"
    assert run(["import-tabari", str(ACTORS), "--out", str(kb)], capsys)[0] == 0
    code, out, _ = run(
        ["lookup", "Rufus T. Firefly", "--date", "2031-01-01", "--kb", str(kb), "--json"],
        capsys,
    )
    [rec] = json.loads(out)
    assert rec["code"] == "FREGOV"
    assert rec["source"].startswith("mine.tsv (tabari small.actors.txt:12)")


def test_lookup_not_found_and_bad_input(tmp_path, capsys):
    code, out, err = run(["lookup", "Narnia", "--date", "2025-05-11"], capsys)
    assert code == 1 and out == "" and "no actor found for 'Narnia'" in err
    code, _, err = run(["lookup", "Putin", "--kb", str(tmp_path / "none.tsv")], capsys)
    assert code == 2 and err.strip() == f"dotterel actors: no KB file {tmp_path / 'none.tsv'}"
    wrong = tmp_path / "wrong.tsv"
    wrong.write_text("a\tb\nx\ty\n", encoding="utf-8")
    code, _, err = run(["lookup", "Putin", "--kb", str(wrong)], capsys)
    assert code == 2 and "is not a known actor file" in err and len(err.splitlines()) == 1


def test_the_parser_plugs_into_a_dotterel_parser():
    import argparse

    parser = argparse.ArgumentParser(prog="dotterel")
    cli.add_actors_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["actors", "lookup", "Putin", "--date", "2025-05-11"])
    out = io.StringIO()
    assert args.run(args, out=out, err=io.StringIO()) == 0
    assert "RUSGOV" in out.getvalue()


# -- candidates --------------------------------------------------------------------------------

TEXT = (
    "Chilean Foreign Minister Ana Morales met French President Emmanuel Macron in Paris. "
    "Morales said she would visit Brussels in June."
)


@pytest.fixture()
def db_with_document(tmp_path, coder):
    from dotterel.store.sqlite import Store

    doc = Document(TEXT, id="doc-1", published=dt.date(2025, 5, 11))
    parsed = coder.nlp(TEXT)
    coded = coder.code_parsed(doc, parsed)
    path = tmp_path / "coded.db"
    with Store(path) as store:
        store.save(coded)
    actors = coder.resolver.document(parsed, doc.published)
    return path, coded, actors


def test_candidates_from_the_events_of_an_older_database(db_with_document, capsys):
    path, coded, _ = db_with_document
    assert [c.name for c in candidates_from_events(coded.events)] == ["Ana Morales"]
    code, out, err = run(["candidates", "--db", str(path)], capsys)
    assert code == 0
    [line] = out.splitlines()
    assert line.split("\t")[:4] == ["Ana Morales", "CHLGOV", "foreign minister", "1 document(s)"]
    assert "1 candidate(s)" in err


def test_candidates_table(db_with_document, capsys):
    path, _, actors = db_with_document
    [c] = actors.candidates
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA foreign_keys = ON")
        save_candidates(db, "doc-1", actors.candidates)
        save_candidates(db, "doc-1", actors.candidates)  # again: replaced, not doubled
        assert db.execute("SELECT count(*) FROM candidates").fetchone()[0] == 1
        [listed] = list_candidates(db)
    assert (listed.name, listed.code, listed.documents, listed.doc_id) == (
        "Ana Morales",
        "CHLGOV",
        1,
        "doc-1",
    )
    assert listed.evidence == c.evidence and "Ana Morales" in listed.evidence
    code, out, _ = run(["candidates", "--db", str(path), "--json"], capsys)
    assert json.loads(out)["role"] == "foreign minister"


def test_a_candidate_the_user_kb_now_holds_is_not_listed(db_with_document, tmp_path):
    path, _, actors = db_with_document
    mine = tmp_path / "people.tsv"
    mine.write_text(
        "name\taliases\tkb_id\tcountry\trole\tsector\tstart\tend\tsource\n"
        "Ana Morales\tMorales\t\tCHL\tforeign minister\tGOV\t2024-01-01\t\tuser\n",
        encoding="utf-8",
    )
    with sqlite3.connect(path) as db:
        save_candidates(db, "doc-1", actors.candidates)
        assert list_candidates(db, KnowledgeBase.load(extra=[mine])) == []


def test_candidates_without_a_database(tmp_path, capsys):
    code, _, err = run(["candidates", "--db", str(tmp_path / "none.db")], capsys)
    assert code == 2 and "no database at" in err


def test_candidate_record():
    c = Candidate("A B", "CHLGOV", "CHL", "minister", "Minister A B", 0, "Minister A B spoke.")
    assert c.to_record()["code"] == "CHLGOV"


# -- the PETRARCH unit-test dictionaries (../shared) ---------------------------------------------


@pytest.fixture(scope="module")
def petrarch_kb(tmp_path_factory):
    folder = shared_path("data", "eval", "petrarch_unittest", "dictionaries")
    out = tmp_path_factory.mktemp("petr")
    files = []
    for name in ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt"):
        result = import_file(folder / name)
        path = out / (name + ".tsv")
        path.write_text(result.to_tsv(name), encoding="utf-8")
        files.append(path)
    return ActorResolver(KnowledgeBase.load(extra=files))


@pytest.mark.parametrize(
    "text, day, code",
    [
        ("Arnor", "1995-01-01", "ARN"),
        ("Minas Tirith", "1995-01-01", "GON"),  # a synonym line
        ("Gollum", "1995-06-01", "HOB"),  # '<' includes its day
        ("Smeagol", "1997-01-01", "HOBGOV"),
        ("Gollum", "2000-01-01", "HOBREB"),
        ("Sam Gamgee", "2010-01-10", "ORCHOB"),  # the first restriction that holds wins
        ("Sam Gamgee", "2012-12-01", "HOBGOV"),
        ("Sam Gamgee", "2014-01-01", "HOBELI"),
        ("Zimbabwe", "1970-01-01", "RHO"),
        ("Zimbabwe", "1990-01-01", "ZBW"),
        ("Interpol", "2000-01-01", "IGOCOPITP"),
        ("Gondor foreign minister", "2000-01-01", "GONGOVFRM"),  # an agent from .agents
    ],
)
def test_petrarch_validation_dictionaries(petrarch_kb, text, day, code):
    found = petrarch_kb.resolve_text(text, dt.date.fromisoformat(day))
    assert [a.code for a in found] == [code], [a.why for a in found]


def test_fixture_files_are_ours():
    # The fixtures are written for dotterel (made-up names), not copies of PETRARCH's files.
    for path in (ACTORS, AGENTS):
        assert "written for dotterel's tests" in Path(path).read_text(encoding="utf-8")

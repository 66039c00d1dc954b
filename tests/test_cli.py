"""The `dotterel` command as a user runs it: output formats, storage, bad input, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from dotterel.records import EVENT_FIELDS
from dotterel.schema import event_errors

from .conftest import ROOT, shared_path

EXAMPLES = str(ROOT / "examples" / "articles.jsonl")


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "dotterel.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=300,
    )


def test_jsonl_records_keep_the_contract(tmp_path: Path):
    result = run("code", EXAMPLES, "--format", "jsonl", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(records) >= 10
    assert all(event_errors(r) == [] for r in records)
    assert b"coded 3 document(s)" in result.stderr


def test_seed_article_from_the_command_line(tmp_path: Path):
    seed = shared_path("examples", "seed-article.txt")
    result = run("code", str(seed), "--date", "2025-05-11", "--format", "jsonl", "--no-store")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert all(event_errors(r) == [] for r in records)
    assert any(
        r["event_type"] == "CONSULT"
        and {a["country"] for a in r["actor"] + r["recipient"]} >= {"UKR", "RUS"}
        for r in records
    )


def test_csv_and_table_and_stored_events(tmp_path: Path):
    db = tmp_path / "events.db"
    result = run("code", EXAMPLES, "--format", "csv", "--db", str(db))
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.decode())))
    assert rows[0] == EVENT_FIELDS
    assert len(rows) > 10
    # Coding again stores nothing twice.
    run("code", EXAMPLES, "--format", "csv", "--db", str(db))
    table = run("events", "--db", str(db), "--format", "table")
    assert table.returncode == 0
    assert f"{len(rows) - 1} events in" in table.stdout.decode()
    assert "KENGOV" in table.stdout.decode()


def test_events_without_a_database_says_how_to_make_one(tmp_path: Path):
    result = run("events", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2
    assert b"dotterel code" in result.stderr


def test_bad_inputs_each_get_one_line_and_the_rest_is_coded(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("Kenya accused Ethiopia of arming rebels near the border.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (tmp_path / "latin1.txt").write_bytes("Le président a rencontré à Genève.".encode("latin-1"))
    (tmp_path / "big.txt").write_text("Kenya warned Ethiopia. " * 900_000, encoding="utf-8")
    (tmp_path / "broken.jsonl").write_text(
        '{"id": "a", "text": "Chile criticised Peru over the border.", "date": "2024-01-02"}\n'
        "{not json\n",
        encoding="utf-8",
    )
    (tmp_path / "feed.xml").write_text("<?xml version='1.0'?><rss><channel><item>", "utf-8")
    result = run("code", str(tmp_path), "--format", "jsonl", "--no-store")
    assert result.returncode == 0
    err = result.stderr.decode()
    assert "Traceback" not in err
    for name in ("empty.txt", "binary.txt", "latin1.txt", "big.txt", "broken.jsonl:2", "feed.xml"):
        assert sum(name in line for line in err.splitlines()) == 1, (name, err)
    docs = {json.loads(line)["doc_id"] for line in result.stdout.decode().splitlines()}
    assert "a" in docs


def test_nothing_coded_exits_2(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    result = run("code", str(tmp_path / "empty.txt"), "--no-store")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    missing = run("code", str(tmp_path / "missing.txt"), "--no-store")
    assert missing.returncode == 2
    assert b"no such file" in missing.stderr


def test_stdin_with_a_date(tmp_path: Path):
    text = b"Japan's Prime Minister Sanae Takaichi telephoned President Ferdinand Marcos."
    result = run(
        "code", "-", "--date", "2026-03-06", "--format", "documents", "--no-store", stdin=text
    )
    assert result.returncode == 0, result.stderr
    [doc] = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert doc["published"] == "2026-03-06"
    assert [e["cameo"] for e in doc["events"]] == ["041"]


def test_bad_date_is_a_usage_error():
    result = run("code", EXAMPLES, "--date", "yesterday")
    assert result.returncode == 2
    assert b"is not a date" in result.stderr
    assert b"Traceback" not in result.stderr


def test_a_config_file_sets_the_database_and_a_user_kb(tmp_path: Path):
    (tmp_path / "people.tsv").write_text(
        "name\taliases\tkb_id\tcountry\trole\tsector\tstart\tend\tsource\n"
        "Ana Morales\tMorales\t\tCHL\tforeign minister\tGOV\t2024-01-01\t\tuser\n",
        encoding="utf-8",
    )
    (tmp_path / "dotterel.toml").write_text('db = "team.db"\nkb = ["people.tsv"]\n', "utf-8")
    text = b"Ana Morales criticised Peru over the border closure."
    result = run("code", "-", "--date", "2026-03-06", "--format", "jsonl", stdin=text, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert record["actor"][0]["code"] == "CHLGOV"
    assert (tmp_path / "team.db").exists()
    assert b"stored in " in result.stderr and b"team.db" in result.stderr


def test_a_broken_config_is_one_clear_line(tmp_path: Path):
    (tmp_path / "dotterel.toml").write_text("colour = 'blue'\n", "utf-8")
    result = run("events", cwd=tmp_path)
    assert result.returncode == 2
    assert b"unknown settings ['colour']" in result.stderr
    assert b"Traceback" not in result.stderr

"""Nothing lost, nothing twice: runs killed with SIGKILL part way, then started again."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOTTEREL = [sys.executable, "-m", "dotterel.cli"]
SENTENCES = [
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi.",
    "The European Union threatened Serbia with new sanctions after the arrests.",
    "Japan pledged aid to the Philippines after the typhoon.",
    "Turkey accused Greece of violating the agreement on the islands.",
    "Russia and Ukraine agreed to exchange prisoners on Friday.",
    "Thousands of students protested outside the parliament in Belgrade.",
]


def write_corpus(path: Path, n: int) -> list[str]:
    """n short articles, each a different mix of the sentences (so each codes a little)."""
    ids = []
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(4))
            ids.append(f"resume-{i:03d}")
            record = {"id": ids[-1], "text": f"{text} Report {i}.", "date": "2026-03-02"}
            out.write(json.dumps(record) + "\n")
    return ids


def stored_ids(db: Path) -> list[str]:
    if not db.exists():
        return []
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return [row[0] for row in conn.execute("SELECT doc_id FROM documents")]
    except sqlite3.OperationalError:  # the table is not made yet
        return []


def kill_when(proc: subprocess.Popen, ready, limit: float = 300) -> None:
    """SIGKILL the process (and everything it started) once `ready()` holds."""
    deadline = time.monotonic() + limit
    while not ready():
        if proc.poll() is not None:
            pytest.fail(f"the run ended (status {proc.returncode}) before it could be killed")
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail("the run made no progress to interrupt")
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def start(args: list[str], tmp_path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*DOTTEREL, *args], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, so the kill reaches its workers too
    )  # fmt: skip


def test_code_killed_and_resumed_codes_every_document_once(tmp_path):
    ids = write_corpus(tmp_path / "in.jsonl", 40)
    db = tmp_path / "events.db"
    args = ["code", "in.jsonl", "--db", str(db), "--format", "jsonl", "--processes", "1"]
    proc = start(args, tmp_path)
    kill_when(proc, lambda: len(stored_ids(db)) >= 3)
    before = stored_ids(db)
    assert 3 <= len(before) < len(ids), "killed part way"

    again = subprocess.run([*DOTTEREL, *args, "--resume"], cwd=tmp_path, capture_output=True)
    assert again.returncode == 0, again.stderr.decode()
    after = stored_ids(db)
    assert sorted(after) == ids  # every document, once (doc_id is the key)
    said = again.stderr.decode()
    # What the killed run stored was not coded again; the rest was coded once.
    assert f"coded {len(ids) - len(before)} document(s)" in said
    assert f"{len(before)} already stored" in said


def test_batch_killed_and_resumed_codes_every_document_once(tmp_path):
    pytest.importorskip("ray")
    ids = write_corpus(tmp_path / "in.jsonl", 12)
    out = tmp_path / "out"
    args = ["batch", "in.jsonl", str(out), "--format", "jsonl", "--partition-size", "2",
            "--processes", "1"]  # fmt: skip
    proc = start(args, tmp_path)
    kill_when(proc, lambda: len(list(out.glob("*.jsonl"))) >= 1)
    first = len(list(out.glob("*.jsonl")))
    assert first < 6, "killed part way"

    again = subprocess.run([*DOTTEREL, *args], cwd=tmp_path, capture_output=True)
    assert again.returncode == 0, again.stderr.decode()
    coded = [
        json.loads(line)["doc_id"]
        for part in sorted(out.glob("*.jsonl"))
        for line in part.read_text("utf-8").splitlines()
    ]
    assert sorted(coded) == ids and len(coded) == len(set(coded))  # all, and none twice
    assert not list(out.glob(".tmp-*"))
    # A Ray worker of the killed run may finish the partition in its hands as it dies (it is
    # renamed into place whole or not at all), so at least those seen at the kill are skipped.
    found = re.search(r"(\d+) of 6 partition\(s\) already in", again.stderr.decode())
    assert found and first <= int(found[1]) < 6

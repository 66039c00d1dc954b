"""`dotterel batch` on a local Ray instance: partitions, formats, resume and bad lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.batch import (
    BatchError,
    Partition,
    check_manifest,
    input_files,
    pending,
    plan,
    read_partition,
    run_batch,
    write_partition,
)
from dotterel.parallel import CoderSettings

pytest.importorskip("ray")

ARTICLES = [
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday.",
    "The European Union threatened Serbia with new sanctions after police arrested protesters.",
    "Japan pledged aid to the Philippines after the typhoon, the foreign ministry said.",
]


def write_jsonl(path: Path, n: int, bad_line: int | None = None) -> list[str]:
    ids, lines = [], []
    for i in range(n):
        if i == bad_line:
            lines.append("{not json")
            continue
        ids.append(f"art-{i:02d}")
        lines.append(json.dumps({"id": ids[-1], "text": ARTICLES[i % 3], "date": "2026-03-02"}))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return ids


def partition_ids(output: Path, fmt: str) -> list[str]:
    ids = []
    for part in sorted(output.glob(f"*.{fmt}")):
        if fmt == "jsonl":
            ids += [json.loads(line)["doc_id"] for line in part.read_text("utf-8").splitlines()]
        else:
            import pyarrow.parquet as pq

            ids += pq.read_table(part).column("doc_id").to_pylist()
    return ids


def test_plan_cuts_files_into_stable_partitions(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", 5)
    (tmp_path / "sub").mkdir()
    write_jsonl(tmp_path / "sub" / "b.jsonl", 2)
    (tmp_path / "notes.txt").write_text("not an input", "utf-8")
    files = input_files(str(tmp_path))
    assert [f.name for f in files] == ["a.jsonl", "b.jsonl"]
    parts = plan(files, 2)
    assert [(p.start, p.stop) for p in parts] == [(0, 2), (2, 4), (4, 5), (0, 2)]
    assert plan(files, 2) == parts  # the same names on every run
    assert len({p.name for p in parts}) == 4
    assert input_files(str(tmp_path / "*.jsonl")) == [tmp_path / "a.jsonl"]
    with pytest.raises(BatchError, match="no .jsonl"):
        input_files(str(tmp_path / "nothing-*.jsonl"))


def test_a_bad_line_is_a_problem_naming_it(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", 4, bad_line=2)
    [part] = plan([tmp_path / "a.jsonl"], 10)
    items = list(read_partition(part, None))
    assert [getattr(i, "id", None) for i in items] == ["art-00", "art-01", None, "art-03"]
    assert str(items[2]).startswith(f"{part.path}:3: not valid JSON")


def test_partitions_are_written_whole_and_leftovers_cleared(tmp_path, coder):
    from dotterel.document import Document

    coded = list(coder.code([Document(ARTICLES[0], id="x")]))
    write_partition(tmp_path / "p-00000.parquet", coded, "parquet")
    (tmp_path / ".tmp-p-00001.parquet.123").write_bytes(b"half a file")  # a killed writer's
    parts = [Partition(f"p-{i:05d}", "in.jsonl", "jsonl", i, i + 1) for i in range(2)]
    assert [p.name for p in pending(parts, tmp_path, "parquet")] == ["p-00001"]
    assert not list(tmp_path.glob(".tmp-*"))
    assert partition_ids(tmp_path, "parquet") == ["x"]


def test_output_from_other_settings_is_refused(tmp_path):
    check_manifest(tmp_path, 100, "parquet")
    check_manifest(tmp_path, 100, "parquet")  # the same settings resume
    with pytest.raises(BatchError, match="partition_size 100"):
        check_manifest(tmp_path, 50, "parquet")


def test_batch_on_a_local_ray_instance(tmp_path):
    import ray

    ids = write_jsonl(tmp_path / "in.jsonl", 5, bad_line=3)
    settings = CoderSettings(classifier=False)
    said = []
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False)
    try:
        result = run_batch(str(tmp_path / "in.jsonl"), tmp_path / "out", settings,
                           fmt="parquet", partition_size=2, say=said.append)  # fmt: skip
        assert (result.partitions, result.coded_partitions, result.documents) == (3, 3, 4)
        assert sorted(partition_ids(tmp_path / "out", "parquet")) == ids
        assert result.problems == 1 and any(":4: not valid JSON" in s for s in said)
        assert result.events > 0
        # Run again: everything is there already, nothing is coded twice.
        again = run_batch(str(tmp_path / "in.jsonl"), tmp_path / "out", settings,
                          fmt="parquet", partition_size=2, say=said.append)  # fmt: skip
        assert (again.already, again.coded_partitions, again.documents) == (3, 0, 0)
        # JSONL partitions hold the document records of `dotterel code --format documents`.
        run_batch(str(tmp_path / "in.jsonl"), tmp_path / "out-jsonl", settings, fmt="jsonl",
                  partition_size=10, say=said.append)  # fmt: skip
        [part] = (tmp_path / "out-jsonl").glob("*.jsonl")
        records = [json.loads(line) for line in part.read_text("utf-8").splitlines()]
        assert [r["doc_id"] for r in records] == ids
        assert any(r["events"] for r in records)
    finally:
        ray.shutdown()

"""The event store: what it keeps, and the interface other stages rely on."""

from __future__ import annotations

from dotterel.document import Document
from dotterel.pipeline import CodedDocument
from dotterel.store.sqlite import Store


def test_has_document_and_document_ids(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.document_ids() == set() and not store.has_document("a")
        for doc_id in ("a", "b"):
            store.save(CodedDocument(Document(f"Text of {doc_id}.", id=doc_id)))
        assert store.has_document("a") and not store.has_document("c")
        assert store.document_ids() == {"a", "b"}

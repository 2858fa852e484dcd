"""Rescuing a damaged store with `explorer migrate`: a document the damage keeps back is named
and skipped, the others are copied, and the exit code says the copy is partial."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.cli import main
from explorer.errors import StoreError
from explorer.store.repo import Store


def test_unreadable_documents_are_named_and_the_rest_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "old.sqlite", tmp_path / "new.sqlite"
    assert main(["load-sample", "--db", str(source)]) == 0
    store = Store(source)
    docs = store.documents()
    store.close()
    bad = docs[2]
    real = Store.document

    def document(self: Store, doc_id: int):  # type: ignore[no-untyped-def]
        if self.path == source and doc_id == bad.id:
            raise StoreError(f"{source}: database disk image is malformed")
        return real(self, doc_id)

    monkeypatch.setattr(Store, "document", document)
    capsys.readouterr()
    assert main(["migrate", "--from", str(source), "--to", str(target)]) == 1
    out = capsys.readouterr()
    assert f"copied {len(docs) - 1} document(s)" in out.out
    assert bad.path in out.err
    copy = Store(target)
    try:
        assert sorted(d.path for d in copy.documents()) == sorted(
            d.path for d in docs if d.id != bad.id
        )
    finally:
        copy.close()

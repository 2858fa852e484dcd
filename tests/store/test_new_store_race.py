"""Two imports that create the same new SQLite store at once both succeed."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

ARTICLE = "Talks\n\nMarch 4, 2019\n\nThe border treaty was signed in {year} by both.\n"


def _ingest(db: str, article: str, barrier: Any) -> None:
    from explorer.cli import main

    barrier.wait()  # both open the new file at the same moment
    raise SystemExit(main(["ingest", article, "--db", db, "--workers", "0"]))


def test_two_ingests_into_a_new_file_both_succeed(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    for trial in range(3):
        db = str(tmp_path / f"new{trial}.sqlite")
        articles = []
        for n in (1, 2):
            p = tmp_path / f"a{trial}{n}.txt"
            p.write_text(ARTICLE.format(year=1990 + n), encoding="utf-8")
            articles.append(str(p))
        barrier = ctx.Barrier(2)
        procs = [ctx.Process(target=_ingest, args=(db, a, barrier)) for a in articles]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join(120)
        assert [proc.exitcode for proc in procs] == [0, 0], trial
        from explorer.store.repo import Store

        store = Store(db)
        assert len(store.documents()) == 2
        store.close()

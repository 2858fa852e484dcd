"""A big document is analysed and saved with the cycle collector paused, and it comes back on
whatever happens; small documents leave it alone."""

from __future__ import annotations

import gc

import pytest

from explorer.parallel import big_work


def test_the_collector_pauses_for_a_big_document_only_and_always_comes_back() -> None:
    assert gc.isenabled()
    with big_work(10):
        assert gc.isenabled()
    with big_work(5_000_000):
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), big_work(5_000_000):
        raise RuntimeError("the analysis failed")
    assert gc.isenabled()


def test_a_collector_the_caller_paused_stays_paused() -> None:
    gc.disable()
    try:
        with big_work(5_000_000):
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()

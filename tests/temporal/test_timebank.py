"""The tagger against the hand-annotated TimeBank set (skipped where it is absent)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import timebank  # noqa: E402
import timex_eval  # noqa: E402


@pytest.fixture(scope="module")
def articles() -> list[timebank.Article]:
    if not timebank.DEFAULT_DIR.is_dir():
        pytest.skip("TimeBank is not on this machine")
    return timebank.read_all()


def test_scores_meet_the_targets(articles: list[timebank.Article]) -> None:
    score = timex_eval.evaluate(articles, timex_eval.run_ours)
    assert score.gold > 900
    assert score.prf(score.relaxed)[2] >= 0.92
    assert score.prf(score.strict)[2] >= 0.80
    assert score.prf(score.value)[2] >= 0.85

"""The shipped spaCy pipeline loads from the package and parses sentences of our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="spaCy is a dev dependency: `pip install -e .[dev]`")

from explorer.language.parse import MAX_CHARACTERS, parse  # noqa: E402


def test_offsets_tags_and_heads() -> None:
    text = "The council approved the budget on Monday."
    (p,) = parse([text])
    assert p is not None
    words = [t.text for t in p.tokens]
    assert words == ["The", "council", "approved", "the", "budget", "on", "Monday", "."]
    assert all(text[t.start : t.end] == t.text for t in p.tokens)
    approved = words.index("approved")
    assert p.tokens[approved].tag == "VBD" and p.tokens[approved].dep == "root"
    assert p.tokens[words.index("council")].head == approved
    assert p.tokens[words.index("council")].dep == "nsubj"
    assert p.tokens[words.index("budget")].dep == "obj"
    assert p.tokens[words.index("Monday")].head == approved
    assert p.subtree(words.index("Monday")) == [5, 6]
    assert p.covering(text.index("Monday"), len(text) - 1) == [6]


def test_empty_and_overlong_texts_are_not_parsed() -> None:
    assert parse(["", "   ", "x " * MAX_CHARACTERS]) == [None, None, None]
    assert parse([]) == []

"""Split text into passages (its sentences), keeping character offsets."""

from __future__ import annotations

from explorer.language.sentences import split_sentences
from explorer.model import Passage

__all__ = ["split_passages", "split_sentences"]


def split_passages(text: str) -> list[Passage]:
    return [Passage(i, s, e, text[s:e]) for i, (s, e) in enumerate(split_sentences(text))]

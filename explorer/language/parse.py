"""The dependency parse of a sentence, from the spaCy pipeline that ships in ``resources/``.

This is the only module that imports spaCy. What it returns is plain data (``Parse``), so the
layers above (dates, actors, events) read trees without knowing the library, and a parse
crosses process boundaries as cheaply as a tuple.

The pipeline (``resources/language/en_explorer_ewt``, trained by ``scripts/train_parser.py`` on
UD English EWT) is loaded once per process, the first time a sentence is parsed: an analysis
worker pays for it once, and a command that never parses (``explorer dates``) never does.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from explorer.errors import ExplorerError
from explorer.resources import resource

MODEL = ("language", "en_explorer_ewt")
# A "sentence" longer than this is page furniture or a run-on list, not prose: parsing it
# costs more than it tells (the parser is linear, but its attachments there are noise).
MAX_CHARACTERS = 700


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # character offsets in the parsed text
    end: int
    text: str
    tag: str  # Penn Treebank tag: "VBD", "NNP", "PRP" …
    dep: str  # Universal Dependencies relation to the head: "nsubj", "obl", "root" …
    head: int  # index of the head token in the parse; a root is its own head
    space: str  # the whitespace that follows the token in the text


@dataclass(frozen=True)
class Parse:
    """One parsed text: tokens in order, each pointing at its head."""

    tokens: tuple[Token, ...]

    @cached_property
    def children(self) -> tuple[tuple[int, ...], ...]:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for i, t in enumerate(self.tokens):
            if t.head != i:
                kids[t.head].append(i)
        return tuple(tuple(k) for k in kids)

    def subtree(self, i: int) -> list[int]:
        """``i`` and every token below it, in text order."""
        out = [i]
        stack = list(self.children[i])
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children[j])
        out.sort()
        return out

    def covering(self, start: int, end: int) -> list[int]:
        """The tokens that overlap ``[start, end)``."""
        return [i for i, t in enumerate(self.tokens) if t.start < end and start < t.end]


_lock = threading.Lock()
_nlp: Any = None


def _pipeline() -> Any:
    global _nlp
    with _lock:
        if _nlp is None:
            try:
                import spacy
            except ImportError as exc:  # a broken install, not a user error
                raise ExplorerError(
                    "The language model needs spaCy, which is not installed; reinstall "
                    "Timeline Explorer."
                ) from exc
            path = resource(*MODEL)
            if not (path / "meta.json").is_file():
                raise ExplorerError(f"The bundled language model is missing from {path}.")
            _nlp = spacy.load(path)
        return _nlp


def warm() -> None:
    """Load the pipeline now (an analysis worker does it before its first document)."""
    _pipeline()


def parse(texts: Sequence[str]) -> list[Parse | None]:
    """The parse of each text, in order; ``None`` for an empty or overlong one."""
    wanted = [i for i, t in enumerate(texts) if t.strip() and len(t) <= MAX_CHARACTERS]
    out: list[Parse | None] = [None] * len(texts)
    if not wanted:
        return out
    nlp = _pipeline()
    for i, doc in zip(wanted, nlp.pipe((texts[i] for i in wanted), batch_size=128), strict=True):
        out[i] = _plain(doc)
    return out


def _plain(doc: Iterable[Any]) -> Parse:
    tokens: list[Token] = []
    for t in doc:
        tokens.append(
            Token(
                t.idx,
                t.idx + len(t.text),
                t.text,
                t.tag_,
                "root" if t.dep_ == "ROOT" else t.dep_,
                t.head.i,
                t.whitespace_,
            )
        )
    return Parse(tuple(tokens))


"""Tagger and parser accuracy of the shipped spaCy model on UD English EWT test.

    python benchmarks/parser_eval.py [--model resources/language/en_explorer_ewt]
                                     [--data ../shared/ud-ewt] [--limit N]

Loads the shipped folder with ``spacy.load(path)`` and runs its components on ``Doc`` objects
built from the gold words of ``en_ewt-ud-test.conllu`` (gold tokenisation and sentence
boundaries: one Doc per sentence; multiword-token range lines and empty nodes are skipped,
``SpaceAfter=No`` is honoured). Prints UPOS accuracy (when the pipeline predicts UPOS), PTB tag
accuracy, UAS and LAS (all words, CoNLL 2018 style, and without punctuation, spaCy style) and
words/s on one thread. Exits 0 with a message when the data or spaCy is missing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PUNCT = {"punct"}


@dataclass
class Sentence:
    words: list[str]
    spaces: list[bool]
    upos: list[str]
    xpos: list[str]
    heads: list[int]  # 0-based index of the head; the root points to itself
    deprels: list[str]


def read_conllu(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            sentences.append(
                Sentence(
                    words=[r[1] for r in rows],
                    spaces=["SpaceAfter=No" not in r[9].split("|") for r in rows],
                    upos=[r[3] for r in rows],
                    xpos=[r[4] for r in rows],
                    heads=[int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)],
                    deprels=[r[7] for r in rows],
                )
            )
            rows.clear()

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                flush()
            elif line.startswith("#"):
                continue
            else:
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue  # multiword-token range line or empty node
                rows.append(cols)
    flush()
    return sentences


def evaluate(nlp: Any, sentences: list[Sentence]) -> dict[str, float]:
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=s.words, spaces=s.spaces) for s in sentences]
    start = time.perf_counter()
    parsed = list(nlp.pipe(docs, batch_size=256))
    elapsed = time.perf_counter() - start

    n = n_np = upos_ok = tag_ok = uas = las = uas_np = las_np = 0
    has_pos = False
    for sent, doc in zip(sentences, parsed, strict=True):
        for i, tok in enumerate(doc):
            n += 1
            has_pos = has_pos or bool(tok.pos_)
            upos_ok += tok.pos_ == sent.upos[i]
            tag_ok += tok.tag_ == sent.xpos[i]
            head_ok = tok.head.i == sent.heads[i]
            label_ok = head_ok and tok.dep_.lower() == sent.deprels[i].lower()
            uas += head_ok
            las += label_ok
            if sent.deprels[i] not in PUNCT:
                n_np += 1
                uas_np += head_ok
                las_np += label_ok
    result = {
        "sentences": float(len(sentences)),
        "words": float(n),
        "tag": tag_ok / n,
        "uas": uas / n,
        "las": las / n,
        "uas_nopunct": uas_np / n_np,
        "las_nopunct": las_np / n_np,
        "seconds": elapsed,
        "words_per_s": n / elapsed,
    }
    if has_pos:
        result["upos"] = upos_ok / n
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument(
        "--model", type=Path, default=ROOT / "resources" / "language" / "en_explorer_ewt"
    )
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "ud-ewt")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    args = ap.parse_args(argv)

    test = args.data / "en_ewt-ud-test.conllu"
    if not test.is_file():
        print(f"skipped: {test} not found")
        return 0
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # words/s on one core
    try:
        import spacy
    except ImportError:
        print("skipped: spacy is not installed")
        return 0
    if not (args.model / "meta.json").is_file():
        print(f"skipped: no model at {args.model}")
        return 0

    nlp = spacy.load(args.model)
    sentences = read_conllu(test)
    if args.limit:
        sentences = sentences[: args.limit]
    r = evaluate(nlp, sentences)
    print(f"model: {args.model} ({', '.join(nlp.pipe_names)}), spaCy {spacy.__version__}")
    print(
        f"data: {test.name}: {int(r['sentences'])} sentences, {int(r['words'])} words "
        "(gold tokenisation)"
    )
    if "upos" in r:
        print(f"UPOS accuracy: {r['upos']:.2%}")
    else:
        print("UPOS accuracy: n/a (the pipeline does not predict UPOS)")
    print(f"tag (PTB XPOS) accuracy: {r['tag']:.2%}")
    print(f"UAS: {r['uas']:.2%}  LAS: {r['las']:.2%}  (all words)")
    print(f"UAS: {r['uas_nopunct']:.2%}  LAS: {r['las_nopunct']:.2%}  (without punct)")
    print(f"speed: {r['words_per_s']:,.0f} words/s ({r['seconds']:.1f} s, one thread)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

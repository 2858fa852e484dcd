"""Train the app's small English tagger + dependency parser on UD English EWT (spaCy 3.8).

MANUAL SCRIPT: run by hand when the shipped model needs rebuilding. It is never run by CI, the
tests or the app; the app only loads the result from resources/language/en_explorer_ewt/.

    python scripts/train_parser.py [--data ../shared/ud-ewt] [--work build/ewt-train]
                                   [--config scripts/parser_config.cfg]
                                   [--dest resources/language/en_explorer_ewt]
                                   [--skip-train]

Steps:

1. Convert ``en_ewt-ud-train.conllu`` and ``en_ewt-ud-dev.conllu`` to ``.spacy`` DocBins with
   ``python -m spacy convert -c conllu -n 10`` (10 sentences per document). Multiword tokens
   are kept split as UD splits them (*do* + *n't*, *Google* + *'s*), no ``--merge-subtokens``:
   spaCy's English tokenizer splits almost all of them the same way, so training tokens match
   what the tokenizer produces at run time.
2. Train with ``python -m spacy train scripts/parser_config.cfg`` (tok2vec + PTB tagger +
   parser, from scratch, no vectors). Threads are pinned to one (``OMP_NUM_THREADS=1`` etc.)
   and the process is niced, so a second core stays free; about 25 minutes on one core.
3. Copy ``model-best`` to the destination, keeping only what ``spacy.load`` needs
   (``config.cfg``, ``meta.json``, ``tokenizer``, ``vocab`` and the component folders), and
   record the licence and source in ``meta.json``.

The training data is CC BY-SA 4.0, and so is the shipped model: see
resources/language/ATTRIBUTION.md. Paths default relative to the repository root and can be
overridden. Needs spaCy 3.8 in the running interpreter (e.g. a separate training venv).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEEP = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "tagger", "parser")
LICENSE = "CC BY-SA 4.0"
SOURCES = [
    {
        "name": "Universal Dependencies English Web Treebank (UD_English-EWT) v2.16",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": LICENSE,
        "author": "Silveira et al. 2014; annotations (c) 2013-2021 The Board of Trustees of "
        "The Leland Stanford Junior University",
    }
]


def run(cmd: list[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env=env)


def convert(data: Path, corpus: Path) -> tuple[Path, Path]:
    corpus.mkdir(parents=True, exist_ok=True)
    out = []
    for split in ("train", "dev"):
        src = data / f"en_ewt-ud-{split}.conllu"
        if not src.is_file():
            sys.exit(f"missing {src}")
        run(
            [
                sys.executable,
                "-m",
                "spacy",
                "convert",
                str(src),
                str(corpus),
                "-c",
                "conllu",
                "-n",
                "10",
            ]
        )
        out.append(corpus / f"en_ewt-ud-{split}.spacy")
    return out[0], out[1]


def train(config: Path, train_path: Path, dev_path: Path, output: Path) -> None:
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        env[var] = "1"
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(config),
        "--output",
        str(output),
        "--paths.train",
        str(train_path),
        "--paths.dev",
        str(dev_path),
    ]
    if shutil.which("nice"):
        cmd = ["nice", "-n", "10", *cmd]  # leave the other cores to interactive work
    run(cmd, env=env)


def strip_strings(dest: Path) -> None:
    """Keep only the component labels in the vocabulary's string store. spaCy saves every
    word form it met in training there (the treebank's text, which the project must not
    carry); the tagger and parser read hashed features, so they parse the same without them
    (benchmarks/parser_eval.py gives the same scores)."""
    import spacy

    nlp = spacy.load(dest)
    labels = {str(label) for _, pipe in nlp.pipeline for label in getattr(pipe, "labels", ())}
    strings_path = dest / "vocab" / "strings.json"
    strings = json.loads(strings_path.read_text(encoding="utf-8"))
    strings_path.write_text(json.dumps(sorted(x for x in strings if x in labels)), "utf-8")


def ship(best: Path, dest: Path) -> None:
    if not (best / "meta.json").is_file():
        sys.exit(f"no trained model at {best}")
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in KEEP:
        src = best / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.is_file():
            shutil.copy2(src, dest / name)
    strip_strings(dest)
    meta_path = dest / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="explorer_ewt",
        version="1.0.0",
        description="Small English PTB tagger + dependency parser for Timeline Explorer, "
        "trained from scratch on UD English EWT v2.16 by scripts/train_parser.py. "
        "See resources/language/ATTRIBUTION.md.",
        license=LICENSE,
        sources=SOURCES,
    )
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"shipped {best} -> {dest}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "ud-ewt")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "ewt-train")
    ap.add_argument("--config", type=Path, default=ROOT / "scripts" / "parser_config.cfg")
    ap.add_argument(
        "--dest", type=Path, default=ROOT / "resources" / "language" / "en_explorer_ewt"
    )
    ap.add_argument(
        "--skip-train", action="store_true", help="only ship an existing WORK/output/model-best"
    )
    args = ap.parse_args(argv)
    output = args.work / "output"
    if not args.skip_train:
        train_path, dev_path = convert(args.data, args.work / "corpus")
        train(args.config, train_path, dev_path, output)
    ship(output / "model-best", args.dest)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

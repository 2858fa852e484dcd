"""Write resources/actors/common_words.txt: English words that are mostly not names, counted in
the Universal Dependencies English Web Treebank's training split (CC BY-SA 4.0; see
resources/actors/README.md). A capitalised word at the start of a sentence or in a headline
("Officials", "However", "Police") is taken for a name only when it is not one of these.

    python scripts/make_common_words.py [../shared/ud-ewt/en_ewt-ud-train.conllu]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "ud-ewt" / "en_ewt-ud-train.conllu"
OUT = ROOT / "resources" / "actors" / "common_words.txt"
VERBS = ROOT / "resources" / "actors" / "verbs.txt"


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    total: Counter[str] = Counter()
    names: Counter[str] = Counter()
    verbs: Counter[str] = Counter()
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        word = cols[1].lower()
        if not word.isalpha():
            continue
        total[word] += 1
        if cols[3] == "PROPN":
            names[word] += 1
        # Finite verbs and participles: what a headline title needs to say what happened.
        if cols[3] in ("VERB", "AUX") and cols[4] in ("VBD", "VBZ", "VBP", "VBN", "MD"):
            verbs[word] += 1
    common = sorted(w for w, n in total.items() if n >= 2 and names[w] * 2 < n)
    header = (
        "# Words that are mostly not names in the UD English Web Treebank (train split,\n"
        "# CC BY-SA 4.0), made by scripts/make_common_words.py.\n"
    )
    OUT.write_text(header + "\n".join(common) + "\n", encoding="utf-8")
    print(f"{len(common)} words -> {OUT}")
    finite = sorted(w for w, n in verbs.items() if n >= 2 and n * 2 >= total[w])
    VERBS.write_text(
        "# Finite verb forms (and participles) that are mostly verbs in the UD English Web\n"
        "# Treebank (train split, CC BY-SA 4.0), made by scripts/make_common_words.py.\n"
        + "\n".join(finite)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(finite)} verb forms -> {VERBS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

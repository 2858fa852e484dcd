"""Domain code never imports Qt widgets: only explorer.ui may."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import explorer


def test_domain_modules_do_not_import_qtwidgets() -> None:
    names = [
        m.name
        for m in pkgutil.walk_packages(explorer.__path__, "explorer.")
        if not m.name.startswith(("explorer.ui", "explorer.store.migrations"))
        and m.name != "explorer.__main__"
    ]
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "print('PySide6.QtWidgets' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert importlib.import_module("explorer.pipeline")


def test_ui_modules_import_no_cycle() -> None:
    """No explorer.ui module imports one that imports it back, not even for type checking."""
    import ast
    from pathlib import Path

    root = Path(explorer.__file__).parent / "ui"
    imports: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        name = "explorer." + ".".join(path.relative_to(root.parent).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports[name] = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("explorer.ui")
        }

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for nxt in imports.get(start, ()):
            if nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt})):
                return True
        return False

    cycles = [m for m in imports if reaches(m, m, {m})]
    assert cycles == []


# The layers, lowest first: a package may import its own modules and those of lower ranks.
# Same-rank arrows are listed one by one in SIDEWAYS. (docs/architecture.md draws this.)
RANKS = {
    "explorer": 0,  # the package itself: its name and version
    "model": 0,
    "errors": 0,
    "paths": 0,
    "resources": 0,
    "store": 1,
    "language": 1,
    "ingest": 2,
    "temporal": 2,
    "actors": 2,
    "events": 3,
    "analysis": 4,
    "curation": 4,
    "query": 5,
    "timeline": 6,
    "export": 7,
    "report": 7,
    "parallel": 8,
    "pipeline": 9,
    "desktop": 9,
    "cli": 10,
    "ui": 11,  # its entry.py is the `explorer` script: the CLI, and the window
    "__main__": 12,
    "parallel_warm": 12,  # preloads the workers' modules, the script's among them
}
SIDEWAYS = {
    ("ingest", "temporal"),  # the byline's date is read by the date tagger
    ("curation", "analysis"),
    ("model", "errors"),
    ("paths", "errors"),
    ("resources", "errors"),
    ("explorer", "errors"),
    ("report", "export"),  # the report's timeline is the image export's painting
}
# The store stores: it hands back plain values and imports nothing of the domain.
STORE_MAY_IMPORT = {"store", "model", "errors"}


def _package_imports() -> dict[tuple[str, str], list[str]]:
    """(importer package, imported package) -> the importing modules, for every import in
    every module, those inside functions and under TYPE_CHECKING included."""
    import ast
    from pathlib import Path

    root = Path(explorer.__file__).parent
    arrows: dict[tuple[str, str], list[str]] = {}
    for path in root.rglob("*.py"):
        rel = path.relative_to(root).with_suffix("").parts
        if rel[0] == "store" and "migrations" in rel:
            continue  # migrations are frozen history, run by Alembic
        here = "explorer" if rel == ("__init__",) else rel[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
                if node.module == "explorer":
                    names = [f"explorer.{a.name}" for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] != "explorer":
                    continue
                target = parts[1] if len(parts) > 1 else "explorer"
                if target not in RANKS:
                    target = "explorer"  # a name defined in explorer/__init__.py
                if target != here:
                    arrows.setdefault((here, target), []).append("/".join(rel))
    return arrows


def test_every_import_follows_the_layers() -> None:
    arrows = _package_imports()
    unknown = {a for pair in arrows for a in pair if a not in RANKS}
    assert not unknown, f"packages missing from RANKS: {unknown}"
    wrong = {
        f"{a} -> {b} (in {', '.join(sorted(set(mods)))})"
        for (a, b), mods in arrows.items()
        if not (RANKS[b] < RANKS[a] or (a, b) in SIDEWAYS)
    }
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(wrong))


def test_the_store_imports_only_model_and_errors() -> None:
    arrows = _package_imports()
    assert {b for (a, b) in arrows if a == "store"} <= STORE_MAY_IMPORT


def test_temporal_does_not_import_ingest_and_nothing_imports_ui() -> None:
    """Nothing imports the UI but the UI, and the two that start the script."""
    arrows = _package_imports()
    assert ("temporal", "ingest") not in arrows
    assert {a for (a, b) in arrows if b == "ui"} <= {"__main__", "parallel_warm"}  # the script


def test_no_cycles_between_packages() -> None:
    arrows = _package_imports()
    graph: dict[str, set[str]] = {}
    for a, b in arrows:
        graph.setdefault(a, set()).add(b)

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt})):
                return True
        return False

    assert [p for p in graph if reaches(p, p, {p})] == []


def test_the_layer_check_sees_imports_inside_functions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The walk is not fooled by a lazy import: the store's one lazy import of the domain
    (migration 0005 keeps its own copy of the weights instead) would be caught."""
    import ast

    code = "def f():\n    from explorer.events.salience import salience\n"
    found = [
        n.module
        for n in ast.walk(ast.parse(code))
        if isinstance(n, ast.ImportFrom) and n.module
    ]
    assert found == ["explorer.events.salience"]

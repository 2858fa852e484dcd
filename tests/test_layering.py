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

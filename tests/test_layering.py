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

"""Bundled files (gazetteer, sample corpus, icons), found the same way from a checkout, from an
installed wheel and from the PyInstaller bundle.

The files live in the project's top-level ``resources/`` folder; a wheel carries a copy as
``explorer/_resources`` (see setup.py) and the bundle one as ``resources/`` beside the code.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

from explorer.errors import ExplorerError


def resource_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    installed = Path(str(files("explorer"))) / "_resources"
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise ExplorerError(
        "Timeline Explorer's bundled files are missing (looked in "
        f"{installed} and {checkout}); reinstall the package."
    )


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)

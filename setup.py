"""Build hook: the top-level ``resources/`` folder (gazetteer, sample corpus, icons) ships inside
the package as ``explorer/_resources``, so a wheel, an sdist and ``pipx install .`` carry
everything the app reads at run time. All other settings are in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads resources/ from the checkout
        target = Path(self.build_lib) / "explorer" / "_resources"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "resources", target)


setup(cmdclass={"build_py": BuildWithResources})

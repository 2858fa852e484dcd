"""Where Timeline Explorer keeps its files.

Everything is computed here, once; ``TIMELINE_EXPLORER_HOME`` moves
all of it under one folder, which is what tests and the portable bundle use.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "TimelineExplorer"
ENV_HOME = "TIMELINE_EXPLORER_HOME"

def _base() -> Path | None:
    env = os.environ.get(ENV_HOME)
    return Path(env) if env else None


def data_dir() -> Path:
    base = _base()
    path = base / "data" if base else Path(platformdirs.user_data_dir(APP_DIR_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    base = _base()
    path = base / "logs" if base else Path(platformdirs.user_log_dir(APP_DIR_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "timeline.sqlite"


def user_gazetteer_path() -> Path:
    """The user's own actors and aliases, merged over the bundled gazetteer."""
    return data_dir() / "actors.json"

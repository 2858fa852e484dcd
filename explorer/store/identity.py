"""Who is editing: recorded with each curation, so a shared store says who changed what and
undo only ever takes back one's own edits."""

from __future__ import annotations

import getpass
import os


def current_author() -> str:
    """TIMELINE_EXPLORER_USER, else the login name."""
    chosen = os.environ.get("TIMELINE_EXPLORER_USER", "").strip()
    if chosen:
        return chosen
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers)
        return "unknown"

"""Put a .desktop entry and the icon where Linux desktops find them (``explorer install-desktop``)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from explorer import APP_NAME
from explorer.errors import ExplorerError
from explorer.resources import resource

DESKTOP_ID = "timeline-explorer"


def launcher_command() -> str:
    if getattr(sys, "frozen", False):
        return f'"{Path(sys.executable).resolve()}"'
    script = shutil.which("explorer")
    return f'"{script}" gui' if script else f'"{sys.executable}" -m explorer gui'


def desktop_entry(command: str, icon: str) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Dated, sourced timelines from news articles\n"
        f"Exec={command} %F\n"
        f"Icon={icon}\n"
        "Terminal=false\n"
        "Categories=Office;Education;\n"
        "MimeType=text/plain;text/markdown;text/html;\n"
    )


def install_desktop(data_home: Path | None = None) -> tuple[Path, Path]:
    """Write the entry and icon under ``data_home`` (default $XDG_DATA_HOME or ~/.local/share)."""
    base = data_home or Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    icon_dir = base / "icons" / "hicolor" / "256x256" / "apps"
    app_dir = base / "applications"
    try:
        icon_dir.mkdir(parents=True, exist_ok=True)
        app_dir.mkdir(parents=True, exist_ok=True)
        icon = icon_dir / f"{DESKTOP_ID}.png"
        shutil.copyfile(resource("icons", "timeline-explorer-256.png"), icon)
        entry = app_dir / f"{DESKTOP_ID}.desktop"
        entry.write_text(desktop_entry(launcher_command(), DESKTOP_ID), encoding="utf-8")
        entry.chmod(0o755)
    except OSError as err:
        raise ExplorerError(f"Cannot install the desktop entry: {err}") from err
    return entry, icon

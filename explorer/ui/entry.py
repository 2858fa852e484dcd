"""The ``explorer`` script: the CLI's commands, and the window when no command (or ``gui``) is
given. It lives in ui/ so that the CLI never imports the UI; Qt loads only for the window."""

from __future__ import annotations

from explorer.cli import main as cli_main


def open_window(db: str | None) -> int:
    from explorer.ui.app import run

    return run(db)


def main(argv: list[str] | None = None) -> int:
    return cli_main(argv, open_window)

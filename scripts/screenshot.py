"""Take the README screenshots: the window on a corpus, with one event selected.

    python scripts/screenshot.py DB OUT.png [--event-date YYYY-MM-DD] [--reader READER.png]

Run it under a real display (Xvfb in CI-like machines): it shows the window, selects the event
on the given date, waits for it to paint and grabs it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explorer.store.repo import Store  # noqa: E402
from explorer.ui.main_window import MainWindow  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--event-date", default=None)
    ap.add_argument("--reader", type=Path, default=None)
    ap.add_argument("--actor", default=None)
    ap.add_argument("--edit-dialog", type=Path, default=None, help="also grab the edit dialog")
    ap.add_argument("--dark", action="store_true", help="a dark palette (Fusion style)")
    ap.add_argument("--actor-lanes", action="store_true", help="one lane per actor")
    args = ap.parse_args()
    app = QApplication(sys.argv)
    if args.dark:
        from PySide6.QtGui import QColor, QPalette

        app.setStyle("Fusion")
        palette = QPalette()
        for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"),
                             (QPalette.ColorRole.WindowText, "#e8eaed"),
                             (QPalette.ColorRole.Base, "#1f1f1f"),
                             (QPalette.ColorRole.Text, "#e8eaed"),
                             (QPalette.ColorRole.Button, "#3c3c3c"),
                             (QPalette.ColorRole.ButtonText, "#e8eaed")):
            palette.setColor(role, QColor(colour))
        app.setPalette(palette)
    settings = QSettings(str(args.out.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(Store(args.db), settings)
    window.resize(1500, 860)
    window.show()

    def when_idle(then) -> None:  # type: ignore[no-untyped-def]
        """The window reads on its store thread: act once its answers are drawn."""
        QTimer.singleShot(50, lambda: then() if window.idle else when_idle(then))

    def start() -> None:
        if args.actor:
            window.filters.model.set_checked(args.actor, True)
        if args.actor_lanes:
            window.actor_lanes.setChecked(True)
        when_idle(shoot)

    def shoot() -> None:
        if args.event_date:
            event = next(e for e in window.timeline.data.ordered if e.label == args.event_date)
            window.timeline.select(event.id)
        when_idle(lambda: QTimer.singleShot(300, grab))

    def grab() -> None:
        window.grab().save(str(args.out))
        if args.edit_dialog and window.curation is not None:
            curation = window.curation
            curation.edit_selected()
            when_idle(lambda: QTimer.singleShot(300, lambda: (
                curation.edit_dialog.grab().save(str(args.edit_dialog)),
                curation.edit_dialog.close())))
        if args.reader and window.panel.current is not None:
            s = window.panel.current.sources[0]
            window.open_passage(
                s.document_id, s.passage_start, s.passage_end, s.expression_start, s.expression_end
            )
            when_idle(lambda: QTimer.singleShot(
                300, lambda: (window.reader.grab().save(str(args.reader)), app.quit())
            ))
        else:
            QTimer.singleShot(900, app.quit)

    when_idle(start)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())

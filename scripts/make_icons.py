"""Render resources/icons/timeline-explorer.svg to the PNG sizes desktops and bundles use."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def main() -> None:
    app = QGuiApplication([])  # noqa: F841
    renderer = QSvgRenderer(str(ICONS / "timeline-explorer.svg"))
    for size in (16, 32, 48, 64, 128, 256, 512):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        image.save(str(ICONS / f"timeline-explorer-{size}.png"))
    print(f"wrote {ICONS}/timeline-explorer-*.png")


if __name__ == "__main__":
    main()

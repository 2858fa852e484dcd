"""PySide6 6.12.0 on Python 3.11 corrupts None's refcount in setBrush/setPen/setPos and the
process dies after ~20k calls. We pin <6.12; this makes 50k such calls to prove the pin holds."""

from __future__ import annotations

import subprocess
import sys


def test_fifty_thousand_setter_calls_survive() -> None:
    code = (
        "import os; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
        "from PySide6.QtWidgets import QApplication, QGraphicsRectItem\n"
        "from PySide6.QtGui import QBrush, QPen, QColor\n"
        "app = QApplication([])\n"
        "item = QGraphicsRectItem(0, 0, 10, 10)\n"
        "brush, pen = QBrush(QColor('red')), QPen(QColor('blue'))\n"
        "for i in range(50_000):\n"
        "    item.setBrush(brush); item.setPen(pen); item.setPos(i % 100, i % 50)\n"
        "print('ok', item.pos().x())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("ok")

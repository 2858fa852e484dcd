"""The report's timeline: the image export's SVG (export/image.py), with a link on each event."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QRectF

from explorer.export.image import svg_document
from explorer.store.queries import EventSummary
from explorer.timeline import data as tdata
from explorer.timeline.paint import Style, lanes_area

WIDTH, HEIGHT = 1000, 520


def timeline_svg(shown: Iterable[EventSummary]) -> str:
    """An <svg> element (no XML prologue) of the events in ``ids``; each event drawn links to
    its entry (#e<id>) in the chronology."""
    events = [tdata.to_timeline_event(s) for s in shown]
    data = tdata.build(events)
    view = tdata.initial_view(data)
    rect = QRectF(0, 0, WIDTH, HEIGHT)
    style = Style.light()
    svg, frame = svg_document(data, view, WIDTH, HEIGHT, style)
    svg = svg[svg.index("<svg") :]
    # Responsive: the page scales the drawing; the links sit over what the painter drew.
    svg = re.sub(r'<svg\b[^>]*?\swidth="[^"]*"\s+height="[^"]*"', _open_tag, svg, count=1)
    area = lanes_area(rect, False, True)
    lane_h = style.metrics.lane_height
    links = []
    for p in frame.placed:
        if p.event is None:
            continue
        y = area.top() + p.lane * lane_h
        x0 = p.x0 - p.label_room if p.label_left else p.x0 - 6
        x1 = max(p.x1, p.x0) + (8 if p.label_left else max(p.label_room, 12))
        links.append(
            f'<a href="#e{p.event.id}" aria-label="{escape(p.event.label)}: '
            f'{escape(p.event.title)}"><rect x="{x0:.1f}" y="{y:.1f}" width="{x1 - x0:.1f}" '
            f'height="{lane_h:.1f}" fill="transparent"/></a>'
        )
    close = svg.rindex("</svg>")
    return svg[:close] + "".join(links) + svg[close:]


def _open_tag(m: re.Match[str]) -> str:
    head = re.sub(r'\swidth="[^"]*"\s+height="[^"]*"', "", m.group(0))
    return head + ' aria-label="Timeline of the events below; each event links to its entry" class="timeline"'

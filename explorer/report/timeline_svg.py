"""The report's timeline: the image export's SVG (export/image.py), with a link on each event."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QRectF

from explorer.export.image import svg_document
from explorer.report.content import Report
from explorer.timeline import data as tdata
from explorer.timeline.layout import TimelineData, View
from explorer.timeline.opening import data_view
from explorer.timeline.paint import Style, lanes_area

WIDTH, HEIGHT = 1000, 520


def figure(report: Report) -> tuple[TimelineData, View]:
    """The report's timeline: its events, the key events named first, and the view it opens
    on (the key events' span, as the window's)."""
    data = tdata.build((tdata.to_timeline_event(s) for s in report.shown), report.key_ids)
    return data, report.view if report.view is not None else data_view(data)


def timeline_svg(report: Report) -> str:
    """An <svg> element (no XML prologue) of the report's events; each event drawn links to
    its entry (#e<id>) in the chronology."""
    data, view = figure(report)
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

"""The chronology as a Markdown list, for pasting into notes."""

from __future__ import annotations

import re
from collections.abc import Callable

from explorer.report.content import Report, ReportSource

Cancel = Callable[[], bool]

_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|"})


def write_markdown(report: Report, out: Callable[[str], object], cancel: Cancel | None = None) -> bool:
    out(f"# {_md(report.title).strip()}\n\n")
    for line in report.scope:
        out(f"{_md(line)}  \n")
    out(
        f"{len(report.entries)} events from {report.documents} documents, {_md(report.span)}.  \n"
        f"Made {report.made:%d %B %Y, %H:%M} with Timeline Explorer.\n\n"
    )
    for e in report.entries:
        if cancel is not None and cancel():
            return False
        notes = ["key event"] if e.key else []
        if e.disagree:
            notes.append("the sources give different dates")
        if e.edited:
            notes.append("edited by the analyst")
        out(f"- **{_md(e.date)}**: {_md(e.title)}")
        if e.actors:
            out(f" ({_md(', '.join(e.actors))})")
        if notes:
            out(f" _[{'; '.join(notes)}]_")
        out("\n")
        for s in e.sources:
            out(f"  - {_quote(s)}{_cite(s)}\n")
    return True


def _md(text: str) -> str:
    return re.sub(r"\s+", " ", text).translate(_SPECIAL)


def _quote(s: ReportSource) -> str:
    if s.mark is None:
        return f"“{_md(s.passage)}”"
    a, b = s.mark
    return f"“{_md(s.passage[:a])}**{_md(s.passage[a:b])}**{_md(s.passage[b:])}”"


def _cite(s: ReportSource) -> str:
    if s.document is None:
        return ""
    return f" — {_md(', '.join(s.citation()))} ({_md(s.where())})"

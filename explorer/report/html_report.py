"""The report as one HTML file that works offline: CSS and the timeline (SVG) inline, no script,
no font or image from the network; readable on a phone, printable; every passage escaped text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html import escape

from explorer.report.content import Report, ReportEntry, ReportSource

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

_CSS = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0;
  --mark: #fff1a8; --accent: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1rem 4rem; color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; }
.scope { color: var(--muted); margin: 0 0 1rem; }
.scope li { margin: .1rem 0; }
figure { margin: 0; }
svg.timeline { width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
svg.timeline text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
svg.timeline a:focus rect { stroke: var(--accent); stroke-width: 2; }
ol.chronology { list-style: none; padding: 0; margin: 0; }
.event { border-top: 1px solid var(--line); padding: .9rem 0; scroll-margin-top: 1rem; }
.event:target { background: #f2f7ff; }
.event h3 { font-size: 1.05rem; margin: 0; }
.date { display: block; color: var(--muted); font-weight: 600; font-size: .9rem; }
.actors { margin: .3rem 0; font-size: .9rem; color: var(--muted); }
.note { display: inline-block; margin: .3rem .4rem 0 0; padding: 0 .4rem; border-radius: 4px;
  font-size: .8rem; background: #fde7e9; color: #8a1c24; }
.note.edited { background: #e7f0fe; color: #0b3d91; }
.note.key { background: #e6f4ea; color: #0d652d; }
blockquote { margin: .5rem 0 0; padding: .2rem 0 .2rem .8rem; border-left: 3px solid var(--line); }
blockquote p { margin: 0; }
mark { background: var(--mark); color: inherit; padding: 0 .1rem; }
.cite { font-size: .85rem; color: var(--muted); margin: .2rem 0 0; overflow-wrap: anywhere; }
a { color: var(--accent); }
.back { font-size: .8rem; }
@media (max-width: 40rem) { body { font-size: 15px; padding: 1rem .7rem 3rem; } h1 { font-size: 1.4rem; } }
@media print {
  body { max-width: none; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .back { display: none; }
  .event { break-inside: avoid; }
  figure { break-after: page; }
  svg.timeline { border: none; }
}
"""


def write_html(
    report: Report,
    svg: str,
    out: Callable[[str], object],
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> bool:
    """Write the page piece by piece through ``out``; False when cancelled (stop writing)."""
    for n, piece in enumerate(_pieces(report, svg)):
        if cancel is not None and cancel():
            return False
        out(piece)
        if progress is not None and n % 200 == 0:
            progress(min(n, len(report.entries)), len(report.entries), "report")
    return True


def _pieces(report: Report, svg: str) -> Iterator[str]:
    title = escape(report.title)
    yield (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{title}</h1>\n<ul class=\"scope\">\n"
    )
    for line in report.scope:
        yield f"<li>{escape(line)}</li>\n"
    yield (
        f"<li>{len(report.entries)} events from {report.documents} documents, "
        f"{escape(report.span)}.</li>\n"
        f"<li>Made {report.made:%d %B %Y, %H:%M} with Timeline Explorer.</li>\n</ul>\n</header>\n"
        '<main>\n<section aria-labelledby="timeline-heading">\n'
        '<h2 id="timeline-heading">Timeline</h2>\n<figure id="timeline">\n'
        f"{svg}\n<figcaption class=\"scope\">Each event on the timeline links to its entry "
        "below.</figcaption>\n</figure>\n</section>\n"
        '<section aria-labelledby="chronology-heading">\n'
        '<h2 id="chronology-heading">Chronology</h2>\n<ol class="chronology">\n'
    )
    for entry in report.entries:
        yield _entry(entry)
    yield "</ol>\n</section>\n</main>\n</body>\n</html>\n"


def _entry(e: ReportEntry) -> str:
    notes = '<span class="note key">Key event</span>' if e.key else ""
    if e.disagree:
        notes += '<span class="note">The sources give different dates</span>'
    if e.edited:
        notes += '<span class="note edited">Edited by the analyst</span>'
    actors = (
        f'<p class="actors">Actors: {escape(", ".join(e.actors))}</p>' if e.actors else ""
    )
    sources = "".join(_source(s) for s in e.sources)
    return (
        f'<li class="event" id="e{e.id}">\n'
        f'<h3><span class="date"><time datetime="{escape(e.iso.split(" ")[0])}">'
        f"{escape(e.date)}</time></span>{escape(e.title)}</h3>\n"
        f"{notes}{actors}{sources}"
        '<a class="back" href="#timeline">Back to the timeline</a>\n</li>\n'
    )


def _source(s: ReportSource) -> str:
    text = s.passage
    if s.mark is not None:
        a, b = s.mark
        quoted = f"{escape(text[:a])}<mark>{escape(text[a:b])}</mark>{escape(text[b:])}"
    else:
        quoted = escape(text)
    return f"<blockquote><p>{quoted}</p>{_cite(s)}</blockquote>\n"


def _cite(s: ReportSource) -> str:
    d = s.document
    if d is None:
        return ""
    parts = [escape(x) for x in s.citation()]
    if d.title:
        parts[0] = f"<cite>{parts[0]}</cite>"  # the document's title, as HTML marks it
    return f'<p class="cite">{", ".join(parts)} · {escape(s.where())}</p>'

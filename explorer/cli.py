"""The command line: ``explorer ingest | dates | events | documents | set-date | export |
check``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

from explorer import __version__, paths
from explorer.curation.view import curated, removed_paths
from explorer.errors import ExplorerError, InputError, StoreError
from explorer.export.tables import dump_json, events_csv, events_json, write_text
from explorer.model import Document, file_of
from explorer.query.answer import find_events
from explorer.query.event_query import EventQuery, Hidden
from explorer.query.sources import EventSource, open_source
from explorer.report import REPORT_FORMATS
from explorer.store.db import check_store, damage_found, read_only_reason, rescuing
from explorer.store.location import locate
from explorer.store.repo import Store

# A publication date is resolved against (a decade back, a year on): within these years the
# calendar arithmetic of every relative expression stays inside what dates can hold.
PUBLISHED_YEARS = (1000, 9000)
_LARGEST_ID = 2**63 - 1  # what the stores' integer keys hold


def _date(text: str) -> dt.date:
    try:
        value = dt.date.fromisoformat(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from err
    first, last = PUBLISHED_YEARS
    if not first <= value.year <= last:
        raise argparse.ArgumentTypeError(
            f"'{text}': a publication date lies between the years {first} and {last}"
        )
    return value


def _bound(text: str) -> str:
    # --from/--to take YYYY, YYYY-MM or YYYY-MM-DD, and a real one ("1999-02-30" is not)
    from explorer.model import parse_iso_span

    parts = text.split("-")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts)):
        raise argparse.ArgumentTypeError(f"'{text}' is not YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        parse_iso_span(text)
    except (ValueError, OverflowError) as err:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date on the calendar") from err
    return text


def _number(low: int, high: int, what: str):  # type: ignore[no-untyped-def]
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError as err:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from err
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} goes from {low} to {high}, not {value}")
        return value

    return parse


_event_id = _number(-_LARGEST_ID, _LARGEST_ID, "an event id")  # made by hand: negative
_row_id = _number(1, _LARGEST_ID, "an id")


def _one_line(text: str) -> str:
    if any(c in text for c in "\n\r\t\x00") or not text.isprintable():
        raise argparse.ArgumentTypeError("a title is one line of printable text")
    return text


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="explorer", description="Dated, sourced timelines from news articles."
    )
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command")

    def db_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db",
            default=None,
            help="database file, or a shared PostgreSQL store as "
            "postgresql+psycopg://user@host/dbname (password from PGPASSWORD or ~/.pgpass); "
            "default: timeline.sqlite in your data folder, or $TIMELINE_EXPLORER_DB",
        )

    from explorer.ingest.formats import describe

    p = sub.add_parser(
        "ingest",
        help="import articles (files or folders)",
        description="Import articles: files, and the article files inside folders. It reads:\n"
        + describe()
        + "\nA file of any other name is read as plain text.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", type=Path)
    db_arg(p)
    p.add_argument("--published", type=_date, help="publication date for every file given")
    p.add_argument("--manifest", type=Path, help="CSV with file,published[,title,outlet,author]")
    p.add_argument(
        "--workers",
        type=_number(0, 64, "--workers"),
        default=None,
        help="processes that analyse a big folder while one stores (default: one per core; 0: none)",
    )
    p.add_argument(
        "--columns",
        type=_columns,
        default={},
        metavar="ROLE=NAME,...",
        help="which columns of a CSV or JSON Lines table hold what, where their names are not "
        "the usual ones: roles text, title, date, outlet, url, author, id (e.g. text=body,date=pub)",
    )

    p = sub.add_parser("dates", help="show the date expressions the tagger finds in a file")
    p.add_argument("file", type=Path)
    p.add_argument("--published", type=_date)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--references",
        action="store_true",
        help='also words with no calendar value ("now", "recently", "soon")',
    )

    p = sub.add_parser(
        "actors",
        help="show the actors (people, countries, organisations) in a file, or, with no file, "
        "the actors of a store with their kinds, aliases and event counts",
    )
    p.add_argument("file", type=Path, nargs="?")
    p.add_argument("--published", type=_date)
    p.add_argument("--kind", help="a store's actors of this kind only (person, country, ...)")
    p.add_argument("--json", action="store_true")
    db_arg(p)

    p = sub.add_parser(
        "key-events",
        help="the key events of the store (or of an actor, a span): what a newsroom's timeline "
        "of the story would show, most important first",
    )
    db_arg(p)
    p.add_argument(
        "--limit", type=_number(1, 100_000, "--limit"), default=10, help="how many (default 10)"
    )
    p.add_argument("--from", dest="date_from", type=_bound)
    p.add_argument("--to", dest="date_to", type=_bound)
    p.add_argument("--actor", action="append", default=[], help="keep events with this actor")
    p.add_argument("--all-actors", action="store_true", help="require every --actor")
    p.add_argument("--json", action="store_true")

    for name, text in (("events", "list events"), ("export", "export events")):
        p = sub.add_parser(name, help=text)
        db_arg(p)
        p.add_argument("--actor", action="append", default=[], help="keep events with this actor")
        p.add_argument("--all-actors", action="store_true", help="require every --actor")
        p.add_argument("--from", dest="date_from", type=_bound)
        p.add_argument("--to", dest="date_to", type=_bound)
        if name == "events":
            p.add_argument("--json", action="store_true")
            p.add_argument("--hidden", action="store_true", help="list the hidden events")
        else:
            p.add_argument("--format", choices=["json", "csv", "png", "svg", "pdf"], required=True)
            p.add_argument("--output", type=Path, required=True)
            p.add_argument(
                "--width",
                type=_number(16, 20000, "--width"),
                default=1600,
                help="image width in pixels",
            )
            p.add_argument(
                "--height",
                type=_number(16, 20000, "--height"),
                default=900,
                help="image height in pixels",
            )
            p.add_argument(
                "--dpi", type=_number(24, 2400, "--dpi"), default=96, help="image resolution"
            )
            p.add_argument("--title", default="Timeline", help="title drawn on the image")

    p = sub.add_parser("report", help="the chronology with its sources: HTML, PDF or Markdown")
    db_arg(p)
    p.add_argument("--format", choices=list(REPORT_FORMATS), required=True)
    p.add_argument("--output", type=Path, required=True)
    p.add_argument("--actor", action="append", default=[], help="keep events with this actor")
    p.add_argument("--all-actors", action="store_true", help="require every --actor")
    p.add_argument("--from", dest="date_from", type=_bound)
    p.add_argument("--to", dest="date_to", type=_bound)
    p.add_argument("--title", default="Timeline", help="the report's title")
    p.add_argument("--page", choices=["a4", "letter"], default="a4", help="PDF page size")
    p.add_argument(
        "--key",
        type=_number(1, 1000, "--key"),
        default=None,
        metavar="K",
        help="only the K key events of the collection",
    )

    p = sub.add_parser("edit", help="change an event's title, date or actors (undoable)")
    p.add_argument("event", type=_event_id)
    p.add_argument("--title", type=_one_line)
    p.add_argument("--date", type=_bound, help="start: YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--end", type=_bound, help="end of a range, same forms")
    p.add_argument("--precision", help="day, week, month, season, quarter, half, year, decade")
    p.add_argument("--actor", action="append", default=None, help="the event's actors")
    db_arg(p)
    for name, text in (("hide", "hide an event"), ("show", "show a hidden event again")):
        p = sub.add_parser(name, help=text)
        p.add_argument("event", type=_event_id)
        db_arg(p)
    p = sub.add_parser("merge", help="merge events into one (sources united)")
    p.add_argument("events", type=_event_id, nargs="+")
    db_arg(p)
    p = sub.add_parser("split", help="take one source of an event into an event of its own")
    p.add_argument("event", type=_event_id)
    p.add_argument(
        "source",
        type=_number(0, 10**6, "a source number"),
        help="the source's number, from 0, as `events` lists",
    )
    db_arg(p)
    p = sub.add_parser("add-event", help="add an event by hand (undoable)")
    p.add_argument("title", type=_one_line)
    p.add_argument("--date", type=_bound, required=True, help="start: YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--end", type=_bound, help="end of a range, same forms")
    p.add_argument("--precision", help="day, week, month, season, quarter, half, year, decade")
    p.add_argument("--actor", action="append", default=None, help="the event's actors")
    db_arg(p)
    p = sub.add_parser("delete-document", help="delete a document and what only it told (undoable)")
    p.add_argument("document", type=_row_id, help="document id, as `documents` lists")
    db_arg(p)
    p = sub.add_parser(
        "rename-actor", help="rename an actor everywhere (onto an existing actor: merge them)"
    )
    p.add_argument("old")
    p.add_argument("new")
    db_arg(p)
    p = sub.add_parser("alias", help="another name for an actor, used by later imports")
    p.add_argument("actor")
    p.add_argument("alias")
    db_arg(p)
    p = sub.add_parser("edits", help="list your edits, newest last")
    db_arg(p)
    for name, text in (("undo", "switch an edit off"), ("redo", "switch an edit back on")):
        p = sub.add_parser(name, help=text)
        p.add_argument("edit", type=_row_id, nargs="?", help="edit id (default: the latest)")
        db_arg(p)

    p = sub.add_parser("gui", help="open the window (the default with no command)")
    db_arg(p)

    p = sub.add_parser("load-sample", help="import the bundled sample corpus (empty database)")
    db_arg(p)
    sub.add_parser("install-desktop", help="add Timeline Explorer to the desktop's menu")

    p = sub.add_parser("documents", help="list imported documents")
    db_arg(p)
    p = sub.add_parser("set-date", help="set a document's publication date and re-resolve it")
    p.add_argument("document", type=_row_id)
    p.add_argument("published", type=_date)
    db_arg(p)
    p = sub.add_parser(
        "migrate",
        help="copy a store, edits included, into another (a personal file into a shared server)",
    )
    p.add_argument("--from", dest="source", required=True, help="the store to copy (only read)")
    p.add_argument(
        "--to", dest="target", required=True, help="postgresql+psycopg://user@host/dbname or a file"
    )
    p = sub.add_parser(
        "check",
        help="check a store for damage, changing nothing (SQLite: PRAGMA integrity_check; "
        "PostgreSQL: schema and tables)",
    )
    db_arg(p)
    return ap


def main(
    argv: list[str] | None = None, open_window: Callable[[str | None], int] | None = None
) -> int:
    """Run one command. The window is opened by ``open_window``, which the ``explorer``
    script (explorer/ui/entry.py) passes in: the CLI itself never imports the UI."""
    ap = build_parser()
    args = ap.parse_args(argv)
    if args.command in (None, "gui"):
        if open_window is None:
            print("explorer: this entry point has no window; run `explorer gui`.", file=sys.stderr)
            return 2
        db = getattr(args, "db", None)
        if db and "://" not in str(db) and not Path(db).exists():
            # A typo must not become a new, empty store: only imports make one.
            print(
                f"explorer: {db}: no such database. Make it with `explorer load-sample --db "
                f"{db}` or `explorer ingest PATH --db {db}`, then open it.",
                file=sys.stderr,
            )
            return 2
        return open_window(db)
    try:
        return int(_COMMANDS[args.command](args))
    except BrokenPipeError:
        # The reader went away (`explorer events | head`): stop quietly, as git log does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except ExplorerError as err:
        print(f"explorer: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("explorer: interrupted", file=sys.stderr)
        return 130


def _store(args: argparse.Namespace, create: bool = False) -> Store:
    """The store the command names. Only an import (``create``) makes a new one: a read or an
    edit of a store that is not there says so, and leaves no empty file behind."""
    target = _target(args)
    if not create and "://" not in str(target) and not Path(target).exists():
        raise InputError(
            f"{target}: no such database. Import articles into it first: "
            f"explorer ingest PATH --db {target}"
        )
    store = Store(target)
    why = read_only_reason(store.engine)
    if why is not None and args.command in _WRITERS:
        store.close()
        raise StoreError(
            f"{store.location.display}: can only be read, because {why}; "
            f"`explorer {args.command}` changes the store, so nothing was done."
        )
    return store


# The commands that change the store they open: on a read-only one they stop before starting.
_WRITERS = frozenset(
    {
        "ingest", "load-sample", "set-date", "edit", "hide", "show", "merge", "split",
        "add-event", "delete-document", "rename-actor", "alias", "undo", "redo",
    }
)


def _target(args: argparse.Namespace) -> str | Path:
    return args.db or os.environ.get("TIMELINE_EXPLORER_DB") or paths.default_db_path()


def _must_exist(db: str | None) -> None:
    """Readers never create an empty database file by mistake."""
    if db is not None and "://" not in db and not Path(db).exists():
        raise InputError(f"{db}: no such database.")


_FAILURES_SHOWN = 50


def _columns(value: str) -> dict[str, str]:
    """``text=body,date=pub`` -> {"text": "body", "date": "pub"}."""
    from explorer.ingest.formats.table import ROLES

    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in value.split(","))):
        role, sep, column = part.partition("=")
        role, column = role.strip().lower(), column.strip()
        if not sep or not column:
            raise argparse.ArgumentTypeError(f"'{part}' is not ROLE=COLUMN (e.g. text=body)")
        if role not in ROLES:
            raise argparse.ArgumentTypeError(
                f"'{role}' is not a column role (roles: {', '.join(ROLES)})"
            )
        out[role] = column
    return out


def _ingest(args: argparse.Namespace) -> int:
    from explorer import pipeline
    from explorer.ingest.formats.base import ReadOptions
    pipeline.check_paths(args.paths)
    store = _store(args, create=True)
    tty = sys.stderr.isatty()

    def progress(done: int, total: int, note: str) -> None:
        if tty:
            print(f"\r[{done}/{total}] {note[-60:]:<60}", end="", file=sys.stderr, flush=True)

    report = pipeline.ingest(
        args.paths,
        store,
        published=args.published,
        manifest=args.manifest,
        matcher=pipeline.default_matcher(store),
        progress=progress,
        workers=pipeline.default_workers() if args.workers is None else max(0, args.workers),
        options=ReadOptions(columns=args.columns),
    )
    if tty:
        print(file=sys.stderr)
    print(
        f"imported {len(report.imported)}, replaced {len(report.replaced)}, "
        f"unchanged {len(report.unchanged)}, failed {len(report.failed)}; "
        f"events: {report.events_created} new, {report.events_merged} merged into existing"
    )
    for _path, reason in report.failed[:_FAILURES_SHOWN]:
        print(f"  failed: {reason}", file=sys.stderr)
    if len(report.failed) > _FAILURES_SHOWN:  # a table's thousand empty rows: a sample will do
        print(f"  … and {len(report.failed) - _FAILURES_SHOWN:,} more failed", file=sys.stderr)
    if report.store_error:  # one line for the store, whatever the files left (exit 1 or 2)
        print(
            f"explorer: {report.store_error} The import stopped: {report.left} file(s) were "
            "not imported (run it again once the store works; stored files are skipped).",
            file=sys.stderr,
        )
    if report.unmatched_rows:
        shown = ", ".join(report.unmatched_rows[:5])
        more = f" and {len(report.unmatched_rows) - 5} more" if len(report.unmatched_rows) > 5 else ""
        print(
            f"  {len(report.unmatched_rows)} manifest row(s) name no file of this import, so "
            f"their dates and titles were not used: {shown}{more}",
            file=sys.stderr,
        )
    if report.undated:
        print(
            f"  {len(report.undated)} document(s) have no publication date; their relative "
            f"dates wait for one: explorer set-date ID YYYY-MM-DD (ids: "
            f"{', '.join(map(str, report.undated))})"
        )
    if report.ok:
        return 0
    done = report.imported or report.replaced or report.unchanged
    return 1 if done else 2  # 2: nothing could be imported at all


def _say_which_article(doc: Document) -> None:
    """A file of many articles (a mailbox, a table) is read for its first: say so, on stderr,
    so that the JSON on stdout stays the contract's."""
    if file_of(doc.path) != doc.path:  # an article with a key in its file
        print(
            f"explorer: {file_of(doc.path)} holds several articles; this is its first "
            f"({doc.location}). `explorer ingest` imports them all.",
            file=sys.stderr,
        )


def _dates(args: argparse.Namespace) -> int:
    from explorer.ingest.readers import read_document
    from explorer.temporal import tag
    doc = read_document(args.file, args.published)
    _say_which_article(doc)
    tm = doc.text_map
    rows: list[dict[str, object]] = []
    for e in tag(doc.text, doc.published):
        if e.span is None and e.reference is not None and not args.references:
            continue  # "now", "recently", "soon": no day, month or year to put on a timeline
        start, end = tm.to_original(e.start, e.end)
        rows.append(
            {
                "span": [start, end],
                "text": doc.original[start:end],
                "start": e.span.iso_start() if e.span else None,
                "end": (e.span.iso_end() or e.span.iso_start())
                if e.span and not e.span.is_single_unit
                else None,
                "precision": e.span.precision.value
                if e.span
                else (e.reference.value if e.reference else None),
            }
        )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    print(
        f"# {args.file}  published: {doc.published or 'unknown'}"
        f"{f' ({doc.published_source})' if doc.published_source else ''}"
    )
    for r in rows:
        value = r["start"] if r["end"] is None else f"{r['start']} – {r['end']}"
        span: list[int] = r["span"]  # type: ignore[assignment]
        print(
            f"{span[0]:>7}-{span[1]:<7} {r['text']!r:34} {value or '—':25} {r['precision'] or ''}"
        )
    return 0


def _query(args: argparse.Namespace, source: EventSource, hidden: bool = False) -> EventQuery:
    """The query the options ask for; ``--actor`` names resolved as ingest reads names."""
    from explorer.model import parse_iso_span

    start = parse_iso_span(args.date_from).start if args.date_from else None
    end = parse_iso_span(args.date_to).end if args.date_to else None
    if start and end and start > end:
        raise InputError("--from is after --to.")
    actors: tuple[str, ...] = ()
    if args.actor:
        from explorer import pipeline
        from explorer.actors.names import resolve_actors

        known = set(source.actor_counts())
        known |= {a for s in source.answer(EventQuery(hidden=Hidden.ONLY)) for a in s.actors}
        actors = resolve_actors(args.actor, known, pipeline.default_matcher(source.store))
    return EventQuery(
        actors, args.all_actors, start, end, hidden=Hidden.ONLY if hidden else Hidden.EXCLUDE
    )


def _store_actors(args: argparse.Namespace) -> int:
    """A store's actors as the analyst sees them (renames applied), with kind, the aliases
    imports match them by, and how many shown events each takes part in."""
    from explorer import pipeline
    store = _store(args)
    source = open_source(store)
    counts = source.actor_counts()
    kinds = source.kinds
    aliases: dict[str, set[str]] = {}
    for a in pipeline.default_matcher(store).actors:
        aliases.setdefault(a.name, set()).update(a.aliases)
    rows = [
        {
            "actor": name,
            "kind": kinds.get(name, "other"),
            "aliases": sorted(aliases.get(name, set()) - {name}),
            "events": n,
        }
        for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if args.kind is None or kinds.get(name, "other") == args.kind
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        also = f"   also: {', '.join(r['aliases'])}" if r["aliases"] else ""  # type: ignore[arg-type]
        print(f"{r['events']:>6}  {r['actor']} ({r['kind']}){also}")
    print(f"{len(rows)} actor(s)")
    return 0


def _actors(args: argparse.Namespace) -> int:
    """What ingest finds in one file: the same reader and matcher, offsets as `dates` gives.
    With no file, a store's actors (_store_actors)."""
    from explorer import pipeline
    from explorer.ingest.readers import read_document
    if args.file is None:
        return _store_actors(args)
    doc = read_document(args.file, args.published)
    _say_which_article(doc)
    store = Store(args.db) if args.db is not None else None
    matcher = pipeline.default_matcher(store)
    tm = doc.text_map
    rows: list[dict[str, object]] = []
    for m in matcher.find(doc.text):
        start, end = tm.to_original(m.start, m.end)
        rows.append(
            {
                "span": [start, end],
                "text": doc.original[start:end],
                "actor": m.actor,
                "kind": matcher.kinds.get(m.actor, "other"),
            }
        )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    by_actor: dict[str, list[str]] = {}
    for r in rows:
        by_actor.setdefault(f"{r['actor']} ({r['kind']})", []).append(str(r["text"]))
    for actor, texts in sorted(by_actor.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        forms = ", ".join(sorted(set(texts) - {actor.rsplit(" (", 1)[0]}))
        print(f"{len(texts):>4}  {actor}" + (f"   as: {forms}" if forms else ""))
    return 0


def _events(args: argparse.Namespace) -> int:
    store = _store(args)
    source = open_source(store)
    events = find_events(store, _query(args, source, args.hidden), source)
    if args.json:
        print(dump_json(events_json(events, store.documents())), end="")
        return 0
    for e in events:
        docs = sorted({s.document_id for s in e.sources})
        print(f"{e.id:>5}  {e.span.label():25} {e.span.precision.value:8} {e.title[:70]}")
        print(
            f"       actors: {', '.join(e.actors) or '—'}; sources: {len(e.sources)} "
            f"(documents {', '.join(map(str, docs))})"
        )
    print(f"{len(events)} event(s)")
    return 0


def _key_events(args: argparse.Namespace) -> int:
    from explorer.export.tables import key_events_json
    from explorer.query.key import find_key_events

    store = _store(args)
    source = open_source(store)
    chosen = find_key_events(store, _query(args, source), args.limit, source)
    if args.json:
        pairs = [(k.event, k.importance) for k in chosen]
        print(dump_json(key_events_json(pairs, store.documents())), end="")
        return 0
    for n, k in enumerate(chosen, 1):
        e = k.event
        docs = len({s.document_id for s in e.sources})
        print(f"{n:>3}. {e.span.label():12} {e.title[:80]}")
        print(f"     {docs} document(s); actors: {', '.join(e.actors) or '—'}")
    print(f"{len(chosen)} key event(s)")
    return 0


def _export(args: argparse.Namespace) -> int:
    from explorer import pipeline
    store = _store(args)
    source = open_source(store)
    if args.format in ("png", "svg", "pdf"):
        count = pipeline.export_image(
            store,
            _query(args, source),
            args.output,
            args.format,
            width=args.width,
            height=args.height,
            dpi=args.dpi,
            title=args.title,
            source=source,
        )
        print(f"wrote {count} event(s) to {args.output}")
        return 0
    events = find_events(store, _query(args, source), source)
    if args.format == "json":
        write_text(args.output, dump_json(events_json(events, store.documents())))
    else:
        write_text(args.output, events_csv(events))
    print(f"wrote {len(events)} event(s) to {args.output}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from explorer import pipeline
    store = _store(args)
    source = open_source(store)
    count = pipeline.export_report(
        store,
        _query(args, source),
        args.output,
        args.format,
        title=args.title,
        page=args.page,
        source=source,
        key=args.key,
    )
    print(f"wrote {count} event(s) to {args.output}")
    return 0


def _documents(args: argparse.Namespace) -> int:
    store = _store(args)
    removed = removed_paths(store)
    for d in store.documents():
        if d.path in removed:
            continue
        print(
            f"{d.id:>4}  {str(d.published or '—'):10} {d.events:>4} events  "
            f"{d.title or Path(d.path).name}"
        )
    return 0


def _set_date(args: argparse.Namespace) -> int:
    from explorer import pipeline
    store = _store(args)
    pipeline.set_published(store, args.document, args.published, pipeline.default_matcher(store))
    print(f"document {args.document}: published {args.published}; dates re-resolved")
    return 0


def _load_sample(args: argparse.Namespace) -> int:
    from explorer import pipeline
    store = _store(args, create=True)
    report = pipeline.load_sample(store)
    print(
        f"imported {len(report.imported)} sample article(s); "
        f"events: {report.events_created} new, {report.events_merged} merged"
    )
    if report.store_error:
        print(f"explorer: {report.store_error}", file=sys.stderr)
    return 0 if report.ok else 1


def _install_desktop(args: argparse.Namespace) -> int:
    from explorer.desktop import install_desktop

    entry, icon = install_desktop()
    print(f"installed {entry} and {icon}")
    return 0


def _edit(args: argparse.Namespace) -> int:
    from explorer.curation import actions

    if args.end is not None and args.date is None:
        raise InputError("--end needs --date.")
    n = actions.edit(
        _store(args),
        args.event,
        title=args.title,
        start=args.date,
        end=args.end,
        precision=args.precision,
        actors=args.actor,
    )
    print(f"edit {n}: event {args.event} changed (explorer undo {n} reverts it)")
    return 0


def _hide_or_show(args: argparse.Namespace) -> int:
    from explorer.curation import actions

    fn = actions.hide if args.command == "hide" else actions.unhide
    n = fn(_store(args), args.event)
    print(f"edit {n}: event {args.event} {'hidden' if args.command == 'hide' else 'shown'}")
    return 0


def _merge(args: argparse.Namespace) -> int:
    from explorer.curation import actions

    n = actions.merge(_store(args), args.events)
    print(f"edit {n}: events {', '.join(map(str, args.events))} merged into {min(args.events)}")
    return 0


def _split(args: argparse.Namespace) -> int:
    from explorer.curation import actions

    n = actions.split(_store(args), args.event, args.source)
    print(f"edit {n}: source {args.source} of event {args.event} is now event {-n}")
    return 0


def _add_event(args: argparse.Namespace) -> int:
    from explorer.curation import actions

    n = actions.add_event(_store(args), args.title, args.date, args.end, args.precision, args.actor)
    print(f"edit {n}: event {-n} added")
    return 0


def _delete_document(args: argparse.Namespace) -> int:
    from explorer.curation import actions

    n = actions.remove_document(_store(args), args.document)
    print(f"edit {n}: document {args.document} deleted (explorer undo {n} brings it back)")
    return 0


def _rename_actor(args: argparse.Namespace) -> int:
    from explorer.curation import actions

    n = actions.rename_actor(_store(args), args.old, args.new)
    print(f"edit {n}: '{args.old}' is now '{args.new}'")
    return 0


def _alias(args: argparse.Namespace) -> int:
    from explorer.curation import actions

    n = actions.add_alias(_store(args), args.actor, args.alias)
    print(f"edit {n}: '{args.alias}' now means '{args.actor}' in later imports")
    return 0


def _edits(args: argparse.Namespace) -> int:
    store = _store(args)
    missing = {c.id for c in curated(store).missing}
    for c in store.curations():
        state = "on " if c.active else "off"
        note = "  (its sources no longer exist)" if c.id in missing else ""
        when = c.created_at.strftime("%Y-%m-%d %H:%M") if c.created_at else ""
        who = f"{c.author or '?':<10} {when:<16}"
        print(f"{c.id:>5} {state} {who} {c.kind:<6} {c.label}{note}")
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from explorer import pipeline
    _must_exist(args.source)
    with rescuing():  # a damaged source is read, read-only, for what can be rescued
        source = Store(args.source)
    damage = damage_found(source.engine)
    if damage:
        print(
            f"explorer: {source.location.display} is damaged ({'; '.join(damage[:3])}); "
            "copying what can still be read, the damaged file is only read",
            file=sys.stderr,
        )
    target = Store(args.target)
    if source.location.display == target.location.display:
        raise InputError("--from and --to name the same store.")
    why = read_only_reason(target.engine)
    if why is not None:
        raise StoreError(f"{target.location.display}: can only be read, because {why}.")
    copied = [0]

    def progress(done: int, total: int, note: str) -> None:
        copied[0] = done
        print(f"\r{done}/{total} documents", end="", file=sys.stderr, flush=True)

    try:
        report = pipeline.migrate(source, target, progress=progress)
    except StoreError as err:
        if not damage:
            raise
        cause = getattr(err.__cause__, "orig", None) or err.__cause__ or err
        raise StoreError(
            f"{source.location.display}: the damage leaves part of it unreadable, and the "
            f"copy stopped there, after {copied[0]} document(s) (SQLite: {cause})."
        ) from err
    finally:
        print(file=sys.stderr)
        source.close()
        target.close()
    print(
        f"copied {report.documents} document(s) and {report.curations} edit(s) "
        f"to {target.location.display}"
    )
    for path in report.unreadable:
        print(f"explorer: not copied, unreadable in the damaged store: {path}", file=sys.stderr)
    if report.edits_unreadable:
        print("explorer: the edits could not be read from the damaged store", file=sys.stderr)
    return 1 if report.unreadable or report.edits_unreadable else 0


def _check(args: argparse.Namespace) -> int:
    """The full check (store/db.py check_store): 0 when sound, 1 with the problems listed."""
    target = _target(args)
    _must_exist(str(target))
    report = check_store(target)
    where = locate(target).display
    for line in report.checked:
        print(f"checked: {line}")
    if not report.problems:
        print(f"{where}: OK")
        return 0
    print(f"{where}: {len(report.problems)} problem(s):")
    for problem in report.problems:
        print(f"  {problem}")
    print(
        f"Copy what can still be read into a new store with: explorer migrate --from "
        f"{shlex.quote(where)} --to NEW.sqlite"
    )
    return 1


def _undo_redo(args: argparse.Namespace) -> int:
    from explorer.curation import actions

    store = _store(args)
    on = args.command == "redo"
    if args.edit is None:
        # Only one's own edits: on a shared store the latest edit may be someone else's.
        candidates = [
            c for c in store.curations() if c.active != on and c.author in (store.author, "")
        ]
        if not candidates:
            raise InputError(f"Nothing of yours to {args.command}.")
        args.edit = candidates[-1].id  # the latest edit made, or the latest undone
    (actions.redo if on else actions.undo)(store, args.edit)
    print(f"edit {args.edit} {'back on' if on else 'undone'}")
    return 0


_COMMANDS = {
    "edit": _edit,
    "hide": _hide_or_show,
    "show": _hide_or_show,
    "merge": _merge,
    "edits": _edits,
    "rename-actor": _rename_actor,
    "split": _split,
    "add-event": _add_event,
    "delete-document": _delete_document,
    "alias": _alias,
    "undo": _undo_redo,
    "redo": _undo_redo,
    "load-sample": _load_sample,
    "install-desktop": _install_desktop,
    "ingest": _ingest,
    "dates": _dates,
    "actors": _actors,
    "report": _report,
    "events": _events,
    "key-events": _key_events,
    "export": _export,
    "documents": _documents,
    "set-date": _set_date,
    "migrate": _migrate,
    "check": _check,
}

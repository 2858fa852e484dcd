"""Imported once by the fork server that starts ingest workers, so that every worker forks
with the work done: the analysis modules loaded, dateparser's time-zone tables built (about
0.2 s on first use), the actor word lists and country tables read, and the modules of the CLI
loaded, because multiprocessing runs the main script (the `explorer` command) again in each
worker, which is then free. First of all the fork server ties its life to the importing
process's (explorer.parallel.prepare_fork_server), so that it and its workers never outlive
it, not even a `kill -9` of it."""

from __future__ import annotations

import explorer.parallel  # the worker functions live there

explorer.parallel.prepare_fork_server()

import datetime as dt  # noqa: E402  (after the tie: an import killed meanwhile leaves no server)

import explorer.ui.entry  # noqa: E402, F401  (what the `explorer` script imports: the CLI)
from explorer.actors.lexicon import lexicon  # noqa: E402
from explorer.events.titles import make_title  # noqa: E402
from explorer.temporal import tag  # noqa: E402

tag("Signed on 4 May 2020, it took effect on Monday.", dt.date(2020, 5, 5))
lexicon()
make_title("The two ministers signed the treaty on 4 May in Lima.", 35, 40)

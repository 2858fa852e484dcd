"""Imported once by the fork server that starts ingest workers, so that every worker forks
with the work done: the analysis modules loaded, dateparser's time-zone tables built (about
0.2 s on first use), the actor word lists and country tables read, and the modules of the CLI
loaded, because multiprocessing runs the main script (the `explorer` command) again in each
worker, which is then free."""

from __future__ import annotations

import datetime as dt

import explorer.parallel  # noqa: F401  (the worker functions live there)
import explorer.ui.entry  # noqa: F401  (what the `explorer` script imports: the CLI)
from explorer.actors.lexicon import lexicon
from explorer.events.titles import make_title
from explorer.temporal import tag

tag("Signed on 4 May 2020, it took effect on Monday.", dt.date(2020, 5, 5))
lexicon()
make_title("The two ministers signed the treaty on 4 May in Lima.", 35, 40)

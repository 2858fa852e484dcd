"""Which publication date a document gets, decided once: the user's (``--published``, the
manifest, the window's date field) over the byline's over the page's metadata."""

from __future__ import annotations

import datetime as dt


def publication_date(
    *,
    given: dt.date | None = None,
    byline: dt.date | None = None,
    metadata: dt.date | None = None,
) -> tuple[dt.date | None, str | None]:
    """The date and where it came from ("user", "byline", "metadata"), or (None, None)."""
    for value, source in ((given, "user"), (byline, "byline"), (metadata, "metadata")):
        if value is not None:
            return value, source
    return None, None

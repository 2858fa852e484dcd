"""dateparser as the calendar resolver, cached: the same text against the same base parses once."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dateparser.date import DateDataParser

from explorer.temporal.tense import Direction

_BASE_SETTINGS = {
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
    "DATE_ORDER": "MDY",
}


@lru_cache(maxsize=64)
def _parser(base: dt.date | None, prefer: str) -> DateDataParser:
    settings: dict[str, object] = dict(_BASE_SETTINGS, PREFER_DATES_FROM=prefer)
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time(12))
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=16384)
def parse_day(text: str, base: dt.date | None, direction: Direction | None) -> dt.date | None:
    """The day ``text`` names, read by dateparser relative to ``base`` in ``direction``."""
    prefer = "future" if direction is Direction.FUTURE else "past"
    data = _parser(base, prefer).get_date_data(text)
    return data.date_obj.date() if data and data.date_obj else None

"""One event, several sources: when a draft tells of an event already known.

The store applies these thresholds (rapidfuzz token-set similarity over the sentences) to the
events that have exactly the draft's time span.

Two mentions are the same event when their times are the same span and their sentences say
the same thing: two outlets running one article, or two reports of one summit. Different
events on the same day stay apart because their sentences differ.
"""

from __future__ import annotations

SAME_TEXT = 82.0  # token-set similarity (0-100) at which two sentences tell the same thing
SAME_WITH_ACTORS = 62.0  # lower bar when they also share at least two actors

"""Timeline maths, no Qt: dates to x, visible events, lanes, clusters and axis ticks.

Only what is visible is laid out, found by bisection in arrays sorted once, so a frame costs
the same with a thousand events or a hundred thousand. Where more events fall together than
lanes can hold they gather into a cluster with a count, which opens as the user zooms in.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from explorer.model import Precision

LONG_DAYS = 400.0  # events longer than this (decades, ranges) are checked one by one
_BLOCK = 64
MIN_DAY = float(dt.date(1, 1, 1).toordinal())
MAX_DAY = float(dt.date(9999, 12, 31).toordinal())


@dataclass(frozen=True)
class TimelineEvent:
    id: int
    title: str
    start: float  # ordinal of the first day
    end: float  # ordinal of the day after the last day
    precision: Precision
    actors: tuple[str, ...] = ()
    label: str = ""  # the date as resolved, e.g. "2022-02-04 – 2022-02-20"
    weight: float = 1.0  # salience: the layout names heavier events first

    @property
    def is_point(self) -> bool:
        return self.precision is Precision.DAY and self.end - self.start <= 1


class Density(Protocol):
    """How many events start in a stretch of days, when the data holds only some of them."""

    def count(self, first: float, stop: float) -> int: ...


class TimelineData:
    """Events sorted by start, split into short ones (bisected) and long ones (scanned).

    From a big store it holds only what one view needs (every event of sparse stretches, the
    heaviest of dense ones) and ``density`` counts the rest, so clusters say how many events
    they stand for, loaded or not.

    ``key`` names the collection's key events (query/key.py): the layout names them before any
    other event, and the painter draws the others quietly. Empty: every event is drawn alike."""

    def cluster_ids(self, p: Placed) -> tuple[int, ...]:
        if p.members:
            return p.members
        return tuple(e.id for e in self.short[p.span[0] : p.span[1]])

    def __init__(
        self,
        events: Sequence[TimelineEvent],
        density: Density | None = None,
        total: int | None = None,
        key: frozenset[int] = frozenset(),
    ) -> None:
        self.density = density
        self.key = key
        self.total = len(events) if total is None else total  # events it stands for
        ordered = sorted(events, key=lambda e: (e.start, e.end, e.id))
        self.short = [e for e in ordered if e.end - e.start <= LONG_DAYS]
        self.long = [e for e in ordered if e.end - e.start > LONG_DAYS]
        self.starts = [e.start for e in self.short]
        self.by_id = {e.id: e for e in ordered}
        self.ordered = ordered
        # Indexes of the short key events, so a crowded stretch finds its own by bisection.
        self.key_short = [n for n, e in enumerate(self.short) if e.id in key]
        self._actor_order: list[tuple[str, int]] | None = None  # see actor_order()
        # The heaviest short event of each block of _BLOCK, so the heaviest of any range is
        # found without looking at every event in it.
        self._block_best = [
            max(range(b, min(b + _BLOCK, len(self.short))), key=lambda n: self.short[n].weight)
            for b in range(0, len(self.short), _BLOCK)
        ]

    def heaviest(self, i: int, j: int) -> int:
        """Index of the heaviest short event in [i, j) (j > i)."""
        best = i
        n = i
        while n < j:
            if n % _BLOCK == 0 and n + _BLOCK <= j:
                candidate = self._block_best[n // _BLOCK]
                n += _BLOCK
            else:
                candidate = n
                n += 1
            if self.short[candidate].weight > self.short[best].weight:
                best = candidate
        return best

    def keys_in(self, i: int, j: int) -> list[int]:
        """Indexes of the short key events in [i, j)."""
        ks = self.key_short
        return ks[bisect.bisect_left(ks, i) : bisect.bisect_left(ks, j)]

    def actor_order(self) -> list[tuple[str, int]]:
        """Actors by number of events, most first (computed once)."""
        if self._actor_order is None:
            counts: dict[str, int] = {}
            for e in self.ordered:
                for a in e.actors:
                    counts[a] = counts.get(a, 0) + 1
            self._actor_order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return self._actor_order

    def __len__(self) -> int:
        return len(self.by_id)

    def extent(self) -> tuple[float, float] | None:
        if not self.ordered:
            return None
        return min(e.start for e in self.ordered), max(e.end for e in self.ordered)

    def short_range(self, t0: float, t1: float) -> tuple[int, int]:
        """Indexes [i, j) of short events that may overlap [t0, t1)."""
        return bisect.bisect_left(self.starts, t0 - LONG_DAYS), bisect.bisect_left(self.starts, t1)


@dataclass(frozen=True)
class View:
    """The visible stretch of time, in (fractional) day ordinals."""

    t0: float
    t1: float

    @classmethod
    def years(cls, first: int, last: int) -> View:
        return cls(
            float(dt.date(first, 1, 1).toordinal()), float(dt.date(last + 1, 1, 1).toordinal())
        )

    @property
    def span(self) -> float:
        return self.t1 - self.t0

    def x(self, t: float, width: float) -> float:
        return (t - self.t0) / self.span * width

    def t(self, x: float, width: float) -> float:
        return self.t0 + x / width * self.span

    def zoom(self, factor: float, anchor: float) -> View:
        """Zoom by ``factor`` (>1 zooms in) keeping the time ``anchor`` where it is."""
        span = min(max(self.span / factor, 2.0), MAX_DAY - MIN_DAY)
        left = (anchor - self.t0) / self.span
        return View(anchor - left * span, anchor - left * span + span).clamped()

    def pan(self, days: float) -> View:
        return View(self.t0 + days, self.t1 + days).clamped()

    def clamped(self) -> View:
        span = min(self.span, MAX_DAY - MIN_DAY)
        t0 = min(max(self.t0, MIN_DAY), MAX_DAY - span)
        return View(t0, t0 + span)


@dataclass(frozen=True)
class Placed:
    """An event or a cluster where it is drawn. ``event`` is None for a cluster."""

    x0: float
    x1: float
    lane: int
    event: TimelineEvent | None
    count: int = 1
    members: tuple[int, ...] = ()  # a cluster's event ids (overflow clusters)
    span: tuple[int, int] = (0, 0)  # or a range of TimelineData.short (dense clusters)
    label_left: bool = False  # the title is written to the left of the marker
    label_room: float = 0.0  # pixels the title may take (0: a bare marker, no title)


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    major: bool


@dataclass
class Frame:
    placed: list[Placed] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    lanes: int = 0
    lane_labels: list[str] = field(default_factory=list)  # one lane per actor mode


@dataclass(frozen=True)
class Metrics:
    lane_height: float = 26.0
    label_width: float = 190.0  # room a title takes in the one-lane-per-actor view
    bin_width: float = 60.0
    char_width: float = 6.6  # an average title character, to size a title's room
    key_char_width: float = 7.4  # a key event's title is bold
    max_label: float = 600.0
    min_label: float = 76.0  # less room than this and a title says too little


def layout(
    data: TimelineData, view: View, width: float, lanes: int, m: Metrics = Metrics()
) -> Frame:
    """Name the key events first (``data.key``), then the weightiest, each with the room its
    title needs (or the room there is), and fold the rest into clusters. A stretch far denser
    than the lanes hold is one cluster with its key events and its heaviest event named; a
    cluster never holds a single event."""
    frame = Frame(lanes=lanes)
    frame.ticks = ticks(view, width)
    if lanes <= 0 or width <= 0:
        return frame
    taken = _Occupancy(max(1, lanes - 1))  # the last lane is kept for clusters
    candidates = [e for e in data.long if e.end > view.t0 and e.start < view.t1]
    i, j = data.short_range(view.t0, view.t1)
    first_inside = bisect.bisect_left(data.starts, view.t0, i, j)
    candidates += [e for e in data.short[i:first_inside] if e.end > view.t0]
    # crowded stretches: first, stop, the ids named if they fit (key events, the heaviest), n, bin
    dense: list[tuple[int, int, tuple[int, ...], int, int]] = []
    unloaded: dict[int, int] = {}  # bin -> its events the data does not hold (see density)
    k = first_inside
    for b in range(max(1, int(width // m.bin_width) + 1)):
        edge = view.t((b + 1) * m.bin_width, width)
        stop = min(j, bisect.bisect_left(data.starts, edge, k, j))
        n = stop - k
        if data.density is not None:
            n = max(n, data.density.count(max(view.t(b * m.bin_width, width), view.t0), edge))
        if n > 3 * lanes:
            picked = data.keys_in(k, stop)
            if stop > k:  # a crowd's biggest only, after its key events
                best = data.heaviest(k, stop)
                picked = picked if best in picked else [*picked, best]
            dense.append((k, stop, tuple(data.short[p].id for p in picked), n, b))
            candidates.extend(data.short[p] for p in picked)
        else:
            candidates.extend(data.short[k:stop])
            if n > stop - k:
                unloaded[b] = n - (stop - k)
        k = stop
    key = data.key
    candidates.sort(key=lambda e: (e.id not in key, -e.weight, e.start, e.id))
    in_crowd = {i for _, _, ids, _, _ in dense for i in ids}
    named: set[int] = set()
    overflow: dict[int, list[TimelineEvent]] = {}
    for e in candidates:
        p = _fit(e, view, width, taken, m, e.id in key)
        if p is not None:
            frame.placed.append(p)
            named.add(e.id)
        elif e.id not in in_crowd:
            overflow.setdefault(int(max(view.x(e.start, width), 0) // m.bin_width), []).append(e)
    for first, stop, crowd_named, n, b in dense:
        count = n - sum(1 for i in crowd_named if i in named)
        x = view.x(data.short[first].start, width) if stop > first else b * m.bin_width
        frame.placed.append(Placed(x, x, lanes - 1, None, count, span=(first, stop)))
    for b in set(overflow) | set(unloaded):
        events = overflow.get(b, [])
        count = len(events) + unloaded.get(b, 0)
        if count == 1 and events:  # one event is a marker, never a "cluster of 1"
            frame.placed.append(_bare(events[0], view, width, taken, lanes - 1))
        else:
            x = b * m.bin_width
            ids = tuple(e.id for e in events)
            frame.placed.append(Placed(x, x, lanes - 1, None, count, ids))
    return frame


class _Occupancy:
    """What each lane holds, as sorted, non-overlapping [a, b) intervals."""

    GAP = 6.0

    def __init__(self, count: int) -> None:
        self.usable = count
        self.starts: list[list[float]] = [[] for _ in range(count)]
        self.ends: list[list[float]] = [[] for _ in range(count)]

    def free(self, lane: int, a: float, b: float) -> bool:
        starts, ends = self.starts[lane], self.ends[lane]
        n = bisect.bisect_right(starts, a)
        if n and ends[n - 1] + self.GAP > a:
            return False
        return not (n < len(starts) and starts[n] < b + self.GAP)

    def room_after(self, lane: int, x: float, width: float) -> float:
        """Where the next interval after x begins (or the right edge)."""
        starts = self.starts[lane]
        n = bisect.bisect_right(starts, x)
        return min(starts[n] - self.GAP, width) if n < len(starts) else width

    def take(self, lane: int, a: float, b: float) -> None:
        n = bisect.bisect_right(self.starts[lane], a)
        self.starts[lane].insert(n, a)
        self.ends[lane].insert(n, b)


def _fit(
    e: TimelineEvent, view: View, width: float, taken: _Occupancy, m: Metrics, key: bool = False
) -> Placed | None:
    x0 = view.x(e.start, width)
    x1 = view.x(e.end, width) if not e.is_point else x0
    left = max(x0, 0.0)
    right = max(x1, left)
    char = m.key_char_width if key else m.char_width
    wanted = min(max(len(e.title) * char + 18, m.min_label), m.max_label)
    if right - left >= wanted:  # a band wide enough carries its title inside
        for lane in range(taken.usable):
            if taken.free(lane, left, right):
                taken.take(lane, left, right)
                return Placed(x0, x1, lane, e, label_room=right - left)
    for lane in range(taken.usable):
        if right + wanted <= width and taken.free(lane, left, right + wanted):
            taken.take(lane, left, right + wanted)
            return Placed(x0, x1, lane, e, label_room=wanted)
        if left - wanted >= 0 and taken.free(lane, left - wanted, right + 6):
            taken.take(lane, left - wanted, right + 6)
            return Placed(x0, x1, lane, e, label_left=True, label_room=wanted)
    for lane in range(taken.usable):  # the room there is, if it says enough
        room = taken.room_after(lane, right, width) - right
        if room >= m.min_label and taken.free(lane, left, right + room):
            taken.take(lane, left, right + room)
            return Placed(x0, x1, lane, e, label_room=room)
    return None


def _bare(e: TimelineEvent, view: View, width: float, taken: _Occupancy, spare: int) -> Placed:
    """A marker without a title, in a lane with room for the marker, else the cluster lane."""
    x0 = view.x(e.start, width)
    x1 = view.x(e.end, width) if not e.is_point else x0
    a, b = max(x0, 0.0) - 6, max(x1, x0) + 8
    for lane in range(taken.usable):
        if taken.free(lane, a, b):
            taken.take(lane, a, b)
            return Placed(x0, x1, lane, e)
    return Placed(x0, x1, spare, e)


def layout_by_actor(
    data: TimelineData, view: View, width: float, lanes: int, m: Metrics = Metrics()
) -> Frame:
    """One lane per actor (the most frequent that fit, then "others"): an event with three
    actors shows in three lanes. Events a lane cannot show gather into a count placed right
    after the title that crowds them out, so counts never cover a title."""
    frame = Frame(lanes=lanes)
    frame.ticks = ticks(view, width)
    if lanes < 2 or width <= 0:
        return frame
    names = [name for name, _ in data.actor_order()[: lanes - 1]]
    others = len(names)
    frame.lane_labels = names + ["others"]
    lane_of = {name: i for i, name in enumerate(names)}
    i, j = data.short_range(view.t0, view.t1)
    if j - i > 40 * lanes:  # dense: a count per lane and bin, no per-event titles
        bins: dict[tuple[int, int], list[int]] = {}
        for e in data.short[i:j]:
            b = int(max(view.x(e.start, width), 0) // m.bin_width)
            for lane in {lane_of.get(a, others) for a in e.actors} or {others}:
                bins.setdefault((lane, b), []).append(e.id)
        for (lane, b), ids in bins.items():
            frame.placed.append(
                Placed(b * m.bin_width, b * m.bin_width, lane, None, len(ids), tuple(ids))
            )
        return frame
    candidates = [e for e in data.long if e.end > view.t0 and e.start < view.t1]
    candidates += [e for e in data.short[i:j] if e.end > view.t0]
    candidates.sort(key=lambda e: e.start)
    frontier = [float("-inf")] * (others + 1)
    pending: dict[int, tuple[float, list[int]]] = {}  # lane -> (x of its count, ids)
    for e in candidates:
        x0 = view.x(e.start, width)
        x1 = view.x(e.end, width) if not e.is_point else x0
        left = max(x0, 0.0)
        for lane in sorted({lane_of.get(a, others) for a in e.actors} or {others}):
            if left >= frontier[lane] + 6:
                _flush(pending, lane, frame)
                frontier[lane] = max(x1, left) + m.label_width
                frame.placed.append(Placed(x0, x1, lane, e, label_room=m.label_width))
            else:
                x, ids = pending.get(lane, (frontier[lane], []))
                pending[lane] = (x, ids + [e.id])
                frontier[lane] = max(frontier[lane], x + 30)
    for lane in list(pending):
        _flush(pending, lane, frame)
    return frame


def _flush(pending: dict[int, tuple[float, list[int]]], lane: int, frame: Frame) -> None:
    if lane in pending:
        x, ids = pending.pop(lane)
        frame.placed.append(Placed(x, x, lane, None, len(ids), tuple(ids)))


# ------------------------------------------------------------------ axis

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_UNITS: list[tuple[str, float]] = [
    ("day", 1),
    ("week", 7),
    ("month", 30.44),
    ("quarter", 91.3),
    ("year", 365.25),
    ("2 years", 730.5),
    ("5 years", 1826),
    ("decade", 3652.5),
    ("20 years", 7305),
    ("50 years", 18262),
    ("century", 36525),
]
MIN_TICK_PX = 64.0


def tick_unit(view: View, width: float) -> str:
    days_per_px = view.span / max(width, 1.0)
    for name, days in _UNITS:
        if days / days_per_px >= MIN_TICK_PX:
            return name
    return "century"


def ticks(view: View, width: float) -> list[Tick]:
    unit = tick_unit(view, width)
    start = dt.date.fromordinal(int(max(view.t0, MIN_DAY)))
    end_ord = min(view.t1, MAX_DAY)
    out: list[Tick] = []
    for d in _tick_dates(start, unit):
        if d.toordinal() > end_ord:
            break
        x = view.x(d.toordinal(), width)
        if x < 0:
            continue
        out.append(Tick(x, _tick_label(d, unit), _is_major(d, unit)))
        if len(out) > 400:
            break
    return out


def _tick_dates(start: dt.date, unit: str):  # type: ignore[no-untyped-def]
    if unit in ("day", "week"):
        d = start
        if unit == "week":
            d = d - dt.timedelta(days=d.weekday())
        step = dt.timedelta(days=1 if unit == "day" else 7)
        while True:
            yield d
            if d.toordinal() + step.days > MAX_DAY:
                return
            d = d + step
    months = {"month": 1, "quarter": 3}.get(unit)
    if months:
        index = start.year * 12 + (start.month - 1) // months * months
        while index // 12 <= 9999:
            yield dt.date(index // 12, index % 12 + 1, 1)
            index += months
        return
    years = {
        "year": 1,
        "2 years": 2,
        "5 years": 5,
        "decade": 10,
        "20 years": 20,
        "50 years": 50,
        "century": 100,
    }[unit]
    y = max(1, start.year - start.year % years)
    while y <= 9999:
        yield dt.date(y, 1, 1)
        y += years


def _tick_label(d: dt.date, unit: str) -> str:
    if unit in ("day", "week"):
        return f"{d.day} {_MONTHS[d.month - 1]}" + (
            f" {d.year}" if d.day == 1 and d.month == 1 else ""
        )
    if unit == "month":
        return f"{_MONTHS[d.month - 1]} {d.year}" if d.month == 1 else _MONTHS[d.month - 1]
    if unit == "quarter":
        return f"Q{(d.month - 1) // 3 + 1} {d.year}"
    if unit == "decade":
        return f"{d.year}s"
    return str(d.year)


def _is_major(d: dt.date, unit: str) -> bool:
    if unit in ("day", "week"):
        return d.day == 1
    if unit in ("month", "quarter"):
        return d.month == 1
    return d.year % (10 if unit in ("year", "2 years", "5 years") else 100) == 0

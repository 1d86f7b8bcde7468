"""Reporting windows: a period name becomes a range of the writer's own calendar dates, plus links to those entries."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

PERIOD_CHOICES = [
    ("week", "Last 7 days"),
    ("month", "Last 30 days"),
    ("quarter", "Last 90 days"),
    ("year", "Last 365 days"),
    ("all", "All time"),
]
PERIODS = [name for name, _ in PERIOD_CHOICES]
DEFAULT_PERIOD = "month"
# Rolling windows ending today (inclusive), so a period always has the same length as the one before it and
# "change vs. the previous period" compares like with like.
PERIOD_DAYS = {"week": 7, "month": 30, "quarter": 90, "year": 365, "all": None}
# The bucket size that keeps a chart readable for each period.
TREND_GRAIN = {"week": "day", "month": "day", "quarter": "week", "year": "week", "all": "month"}
EARLIEST = dt.date(1, 1, 1)


def local_today(user, now: dt.datetime | None = None) -> dt.date:
    """Today's date where the user lives; entry_date is stored in that same calendar."""
    return (now or timezone.now()).astimezone(user.tz).date()


@dataclass(frozen=True)
class Window:
    period: str
    start: dt.date | None  # None: no lower bound (all time)
    end: dt.date

    @property
    def lower(self) -> dt.date:
        return self.start or EARLIEST

    @property
    def days(self) -> int | None:
        return None if self.start is None else (self.end - self.start).days + 1

    def previous(self) -> "Window | None":
        if self.start is None:
            return None
        return Window(self.period, self.start - dt.timedelta(days=self.days), self.start - dt.timedelta(days=1))

    def as_dict(self, links: "JournalLinks") -> dict:
        return {"period": self.period, "start": self.start, "end": self.end, "entries_url": links.range(self)}


def window_for(period: str, today: dt.date) -> Window:
    if period not in PERIOD_DAYS:
        raise ValueError(f"unknown period {period!r}")
    days = PERIOD_DAYS[period]
    return Window(period, None if days is None else today - dt.timedelta(days=days - 1), today)


class JournalLinks:
    """Links from an insight back to the entries it was computed from (the journal list's own filters)."""

    def __init__(self):
        # Resolved once per use: a long series would otherwise pay for one reverse() per row.
        self.list_url = reverse("entries:list")
        self.detail_url = reverse("entries:detail", args=[0])[: -len("0/")]

    def dates(self, date_from: dt.date | None, date_to: dt.date | None, **filters) -> str:
        params = {k: v for k, v in filters.items() if v not in (None, "")}
        if date_from is not None and date_from != EARLIEST:
            params["date_from"] = date_from.isoformat()
        if date_to is not None:
            params["date_to"] = date_to.isoformat()
        return f"{self.list_url}?{urlencode(params)}" if params else self.list_url

    def range(self, window: Window, **filters) -> str:
        return self.dates(window.start, window.end, **filters)

    def entry(self, pk: int) -> str:
        return f"{self.detail_url}{pk}/"

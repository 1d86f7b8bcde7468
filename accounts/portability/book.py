"""The printable book: a year's entries (the trash left out), month by month, oldest first."""

import datetime
from itertools import groupby

from django.db.models.functions import ExtractYear

from entries.models import Entry


def book_years(user) -> list[int]:
    years = (
        Entry.objects.filter(user=user, deleted_at__isnull=True)
        .annotate(year=ExtractYear("entry_date"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("year")
    )
    return list(years)


def book_months(user, *, year: int | None) -> list[tuple[datetime.date, list[Entry]]]:
    """[(first day of the month, entries of that month)], for one year or (year=None) for all of them."""
    qs = Entry.objects.filter(user=user, deleted_at__isnull=True).select_related("topic")
    if year is not None:
        qs = qs.filter(entry_date__year=year)
    qs = qs.defer("embedding", "search_vector").order_by("entry_date", "created_at", "pk")
    return [(month, list(entries)) for month, entries in groupby(qs, key=lambda e: e.entry_date.replace(day=1))]

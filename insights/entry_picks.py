"""Reads that pick individual entries rather than aggregate them: on this day, most similar, a week's entries."""

import calendar
import datetime as dt

from django.db.models.functions import Left

from entries.models import AnalysisStatus, Entry

from .periods import JournalLinks, Window
from .selectors import LIVE_SQL, TABLE, fetch, in_window, live_entries, rounded

EARLIEST_YEAR = 1900  # "on this day" looks back this far; older backdated entries aren't resurfaced


def entry_title(title: str, opening: str) -> str:
    return Entry(title=title, content=opening).display_title


def same_day_in_earlier_years(today: dt.date) -> list[dt.date]:
    """Today's month and day in each earlier year; on 28 Feb of a common year, leap days too."""
    month_day = (today.month, today.day)
    dates = []
    for year in range(today.year - 1, EARLIEST_YEAR - 1, -1):
        if month_day != (2, 29) or calendar.isleap(year):
            dates.append(dt.date(year, *month_day))
        if month_day == (2, 28) and not calendar.isleap(today.year) and calendar.isleap(year):
            dates.append(dt.date(year, 2, 29))
    return dates


def on_this_day(user, today: dt.date, links: JournalLinks, limit: int = 20) -> list[dict]:
    """Entries from this month and day in earlier years (29 Feb ones surface on 28 Feb in common years).

    Crisis-flagged entries are never resurfaced unasked, nor entries not yet screened (pending, or whose analysis
    failed): one of those may be a crisis entry nobody has flagged. Exact dates rather than EXTRACT(month/day), so
    the read is a few index probes instead of a pass over every entry the user ever wrote.
    """
    rows = (
        live_entries(user)
        .filter(
            entry_date__in=same_day_in_earlier_years(today),
            crisis_flagged=False,
            analysis_status=AnalysisStatus.DONE,
        )
        .annotate(opening=Left("content", 200))
        .order_by("-entry_date", "-created_at")
        .values_list("id", "title", "opening", "entry_date")[:limit]
    )
    return [
        {
            "id": pk,
            "title": entry_title(title, opening),
            "entry_date": day,
            "years_ago": today.year - day.year,
            "url": links.entry(pk),
        }
        for pk, title, opening, day in rows
    ]


# An entry the crisis detector has read as it is now: analysed (an edit sends it back to pending, keeping its old
# vector and flag), not flagged, and with a vector. Only such entries are quoted or matched.
def _screened(alias: str = "") -> str:
    e = f"{alias}." if alias else ""
    return f"{e}analysis_status = '{AnalysisStatus.DONE.value}' AND NOT {e}crisis_flagged AND {e}embedding IS NOT NULL"


def most_similar(user, links: JournalLinks, entry_id: int | None = None) -> dict | None:
    """The user's past entry closest in meaning (cosine) to one entry, or to their latest analysed one. A crisis-
    flagged entry is neither matched nor an anchor: it is never quoted back or used to pick a highlight.

    An exact scan over this user's vectors (the distance is to a joined row, so the planner can't use the shared
    HNSW index, which would filter by user after picking the global nearest neighbours and could return nothing).
    """
    anchor_filter = "AND id = %(entry)s" if entry_id is not None else ""
    # The anchor's vector is cast to a fresh value so it is read from TOAST once, not once per compared row.
    sql = f"""
        WITH anchor AS MATERIALIZED (
            SELECT id, title, LEFT(content, 200) AS opening, entry_date, embedding::text::vector AS embedding
            FROM {TABLE} WHERE {LIVE_SQL} AND {_screened()} {anchor_filter}
            ORDER BY entry_date DESC, created_at DESC LIMIT 1
        ), nearest AS (
            SELECT e.id, e.embedding <=> a.embedding AS distance
            FROM {TABLE} e JOIN anchor a ON e.entry_date <= a.entry_date AND e.id <> a.id
            WHERE e.user_id = %(user)s AND e.deleted_at IS NULL AND {_screened("e")}
            ORDER BY distance, e.entry_date DESC LIMIT 1
        )
        SELECT a.id, a.title, a.opening, a.entry_date, e.id, e.title, LEFT(e.content, 200), e.entry_date, n.distance
        FROM nearest n JOIN {TABLE} e ON e.id = n.id CROSS JOIN anchor a"""
    rows = fetch(sql, {"user": user.pk, "entry": entry_id})
    if not rows:
        return None
    a_id, a_title, a_opening, a_date, m_id, m_title, m_opening, m_date, distance = rows[0]
    return {
        "entry": {"id": a_id, "title": entry_title(a_title, a_opening), "entry_date": a_date, "url": links.entry(a_id)},
        "similar": {
            "id": m_id,
            "title": entry_title(m_title, m_opening),
            "entry_date": m_date,
            "url": links.entry(m_id),
        },
        "similarity": rounded(1 - distance),
    }


def entries_in(user, window: Window) -> list[dict]:
    """The window's entries, oldest first, with the fields a review needs (a week's worth, so rows not aggregates)."""
    fields = ["id", "title", "content", "entry_date", "mood", "sentiment_score", "sentiment_label"]
    fields += ["dominant_emotion", "analysis_status", "crisis_flagged", "topic__name", "tags"]
    return list(in_window(window, user).order_by("entry_date", "created_at").values(*fields))


def latest_is_crisis_flagged(user) -> bool:
    """Whether the most recently written entry, or the one with the latest date, was flagged by crisis detection."""
    sql = f"""
        SELECT COALESCE(bool_or(crisis_flagged), false) FROM (
            (SELECT crisis_flagged FROM {TABLE} WHERE {LIVE_SQL} ORDER BY created_at DESC LIMIT 1)
            UNION ALL
            (SELECT crisis_flagged FROM {TABLE} WHERE {LIVE_SQL} ORDER BY entry_date DESC, created_at DESC LIMIT 1)
        ) AS latest"""
    return fetch(sql, {"user": user.pk})[0][0]

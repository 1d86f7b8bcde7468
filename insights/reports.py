"""The dashboard, the API sections and the weekly review, assembled from the reads and cached per user.

Keys come from insights.cache.cache_key, whose per-user version is bumped whenever that user's entries change (edit,
trash, delete, analysis landing), so a cached report is never older than the last change. Keys also carry the
user's local date, because "the last 30 days" moves at their midnight, not ours.
"""

import datetime as dt
import logging

from django.core.cache import cache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from . import entry_picks, selectors
from .cache import cache_key
from .periods import TREND_GRAIN, JournalLinks, local_today, window_for
from .weekly import weekly_review

logger = logging.getLogger(__name__)
CACHE_SECONDS = 15 * 60  # bounds staleness if a version bump was lost while Redis was unreachable
CACHE_ERRORS = (ConnectionInterrupted, RedisError, OSError)


def cached(user, name: str, parts: tuple, compute):
    """compute() through the cache; with Redis down the page is slower, never broken."""
    try:
        key = cache_key(user.pk, name, *parts)
        value = cache.get(key)
    except CACHE_ERRORS as exc:
        logger.warning("insights cache unavailable, computing %s directly: %s", name, exc)
        return compute()
    if value is None:
        # The key was taken before computing: if an edit lands meanwhile, this result goes under the old version.
        value = compute()
        try:
            cache.set(key, value, CACHE_SECONDS)
        except CACHE_ERRORS as exc:
            logger.warning("could not cache insights %s: %s", name, exc)
    return value


def _streak(user, today: dt.date, links: JournalLinks, flagged: bool) -> dict:
    if flagged:  # counting days is the wrong message right after a worrying entry
        return {"suppressed": True, "current": None, "longest": None}
    streak = selectors.writing_streak(user, today)
    return streak | {
        "suppressed": False,
        "current_url": links.dates(streak["current_start"], streak["current_end"]) if streak["current"] else None,
        "longest_url": links.dates(streak["longest_start"], streak["longest_end"]) if streak["longest"] else None,
    }


def _summary(user, period: str, today: dt.date) -> dict:
    window, links = window_for(period, today), JournalLinks()
    flagged = entry_picks.latest_is_crisis_flagged(user)
    return {
        "window": window.as_dict(links),
        "today": today,
        "volume": selectors.writing_volume(user, window),
        "slope": selectors.sentiment_slope(user, window) | {"entries_url": links.range(window)},
        "streak": _streak(user, today, links, flagged),
        "mood": selectors.mood_vs_sentiment(user, window, links),
        "topics": selectors.topic_stats(user, window, links),
        "tags": selectors.tag_stats(user, window, links),
        "weekdays": selectors.weekday_sentiment(user, window),
        "most_similar": entry_picks.most_similar(user, links),
        "crisis_flagged_latest": flagged,
    }


def _trends(user, period: str, today: dt.date) -> dict:
    window, links = window_for(period, today), JournalLinks()
    return {
        "window": window.as_dict(links),
        "grain": TREND_GRAIN[period],
        "daily": selectors.daily_sentiment(user, window, links),
        "weekly": selectors.sentiment_by(user, window, "week", links),
        "monthly": selectors.sentiment_by(user, window, "month", links),
        "slope": selectors.sentiment_slope(user, window) | {"entries_url": links.range(window)},
    }


def _chart_trend(user, period: str, today: dt.date) -> dict:
    """The one series the dashboard draws: daily (with the rolling mean) for short periods, else weekly/monthly."""
    window, links = window_for(period, today), JournalLinks()
    grain = TREND_GRAIN[period]
    if grain == "day":
        buckets = selectors.daily_sentiment(user, window, links)
    else:
        buckets = selectors.sentiment_by(user, window, grain, links)
    return {"grain": grain, "buckets": buckets}


def _emotions(user, period: str, today: dt.date) -> dict:
    window, links = window_for(period, today), JournalLinks()
    previous = window.previous()
    return {
        "window": window.as_dict(links),
        "previous_window": previous.as_dict(links) if previous else None,
        **selectors.emotion_distribution(user, window),
    }


def _heatmap(user, today: dt.date) -> dict:
    """A year of days in whole weeks (Monday first), ending today."""
    links, start = JournalLinks(), _heatmap_start(today)
    counts = selectors.entries_per_day(user, start, today)
    months: dict[dt.date, int] = {}
    for day, n in counts.items():
        months[day.replace(day=1)] = months.get(day.replace(day=1), 0) + n
    return {
        "start": start,
        "end": today,
        "total": sum(counts.values()),
        "days_written": len(counts),
        "max": max(counts.values(), default=0),
        "days": [{"date": d, "entries": counts[d]} for d in sorted(counts)],
        "months": [
            # Counted up to today: the link stops there too (an entry may be dated ahead).
            {
                "month": m,
                "entries": months[m],
                "entries_url": links.dates(max(m, start), min(selectors.month_end(m), today)),
            }
            for m in sorted(months)
        ],
    }


def _heatmap_start(today: dt.date) -> dt.date:
    """The Monday that starts the week a year back from today."""
    start = today - dt.timedelta(days=364)
    return start - dt.timedelta(days=start.weekday())


def _heatmap_section(user, today: dt.date) -> dict:
    """The API's heatmap: withheld, like the streak (and the dashboard's heatmap), after a crisis-flagged entry."""
    if entry_picks.latest_is_crisis_flagged(user):
        empty = {"total": None, "days_written": None, "max": None, "days": [], "months": []}
        return {"suppressed": True, "start": _heatmap_start(today), "end": today, **empty}
    return {"suppressed": False, **_heatmap(user, today)}


def _on_this_day(user, today: dt.date) -> dict:
    return {"date": today, "entries": entry_picks.on_this_day(user, today, JournalLinks())}


def section(user, name: str, period: str | None = None, today: dt.date | None = None) -> dict:
    """One API section ("summary", "trends", "emotions", "streaks", "heatmap", "on_this_day", "weekly")."""
    today = today or local_today(user)
    compute = {
        "summary": lambda: _summary(user, period, today),
        "trends": lambda: _trends(user, period, today),
        "emotions": lambda: _emotions(user, period, today),
        "streaks": lambda: {"today": today}
        | _streak(user, today, JournalLinks(), entry_picks.latest_is_crisis_flagged(user)),
        "heatmap": lambda: _heatmap_section(user, today),
        "on_this_day": lambda: _on_this_day(user, today),
        "weekly": lambda: weekly_review(user, today, JournalLinks()),
    }[name]
    return cached(user, name, (period or "-", today), compute)


def dashboard(user, period: str, today: dt.date | None = None) -> dict:
    """Everything the dashboard page shows for one period, as one cached value."""
    today = today or local_today(user)

    def compute():
        return {
            "summary": _summary(user, period, today),
            "trend": _chart_trend(user, period, today),
            "emotions": _emotions(user, period, today),
            "heatmap": _heatmap(user, today),
            "on_this_day": _on_this_day(user, today),
        }

    return cached(user, "dashboard", (period, today), compute)


def similar_to(user, entry_id: int) -> dict | None:
    """The most similar past entry to one of the user's entries (None until it has an embedding)."""
    # Wrapped because a bare None would read as a cache miss on every view of an unanalysed entry.
    found = cached(
        user, "similar", (entry_id,), lambda: {"match": entry_picks.most_similar(user, JournalLinks(), entry_id)}
    )
    return found["match"]

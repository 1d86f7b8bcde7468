"""Insight reads: each one SQL statement, scoped to one user and a window of their own calendar dates.

entry_date is already the writer's local date, so grouping by it groups in the user's time zone; created_at (UTC)
never decides a day. Trashed entries never count, and sentiment only comes from analysed entries.
"""

import calendar
import datetime as dt
import math

from django.db import connection
from django.db.models import Avg, Count, Q, Sum
from django.db.models.functions import ExtractIsoWeekDay, TruncMonth, TruncWeek
from scipy import stats

from entries.models import AnalysisStatus, Entry, Mood
from ml_models.registry import EMOTION_LABELS

from .periods import EARLIEST, JournalLinks, Window

TABLE = Entry._meta.db_table
LIVE_SQL = "user_id = %(user)s AND deleted_at IS NULL"
_DONE_SQL = f"analysis_status = '{AnalysisStatus.DONE.value}' AND sentiment_score IS NOT NULL"
_ANALYSED = f"{LIVE_SQL} AND {_DONE_SQL}"
_DONE = Q(analysis_status=AnalysisStatus.DONE, sentiment_score__isnull=False)
MIN_WEEKDAY_ENTRIES = 2  # a weekday with a single entry is an anecdote, not a pattern
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def fetch(sql: str, params: dict) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def rounded(value, places: int = 4):
    return None if value is None else round(float(value), places)


def live_entries(user):
    return Entry.objects.filter(user=user, deleted_at__isnull=True)


def in_window(window: Window, user):
    return live_entries(user).filter(entry_date__gte=window.lower, entry_date__lte=window.end)


def writing_volume(user, window: Window) -> dict:
    """Entries, words and distinct days written in the window, with the mean analysed sentiment."""
    row = in_window(window, user).aggregate(
        entries=Count("id"),
        words=Sum("word_count"),
        average_words=Avg("word_count"),
        days_written=Count("entry_date", distinct=True),
        analysed=Count("id", filter=_DONE),
        average_sentiment=Avg("sentiment_score", filter=_DONE),
    )
    return (
        row
        | {"words": row["words"] or 0, "average_words": rounded(row["average_words"], 1)}
        | {"average_sentiment": rounded(row["average_sentiment"])}
    )


def daily_sentiment(user, window: Window, links: JournalLinks) -> list[dict]:
    """Mean sentiment per day, and the entry-weighted mean of the 7 days up to it (reaching back before the window)."""
    lead_in = window.lower - dt.timedelta(days=6) if window.start else EARLIEST
    sql = f"""
        WITH daily AS (
            SELECT entry_date AS day, SUM(sentiment_score) AS total, COUNT(*) AS n FROM {TABLE}
            WHERE {_ANALYSED} AND entry_date BETWEEN %(lead_in)s AND %(end)s GROUP BY entry_date
        ), rolled AS (
            SELECT day, total / n AS mean, n, SUM(total) OVER w / SUM(n) OVER w AS rolling, SUM(n) OVER w AS rolling_n
            FROM daily WINDOW w AS (ORDER BY day RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW)
        )
        SELECT day, mean, n, rolling, rolling_n FROM rolled WHERE day >= %(start)s ORDER BY day"""
    params = {"user": user.pk, "lead_in": lead_in, "start": window.lower, "end": window.end}
    return [
        {
            "start": day,
            "end": day,
            "average_sentiment": rounded(mean),
            "entries": n,
            "rolling_average": rounded(rolling),
            "rolling_entries": int(rolling_n),
            "entries_url": links.dates(day, day),
        }
        for day, mean, n, rolling, rolling_n in fetch(sql, params)
    ]


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _bucket_end(start: dt.date, grain: str) -> dt.date:
    return start + dt.timedelta(days=6) if grain == "week" else month_end(start)


def sentiment_by(user, window: Window, grain: str, links: JournalLinks) -> list[dict]:
    """Mean sentiment and entry count per ISO week (Monday first) or calendar month, clipped to the window."""
    trunc = {"week": TruncWeek, "month": TruncMonth}[grain]
    rows = (
        in_window(window, user)
        .filter(_DONE)
        .annotate(bucket=trunc("entry_date"))
        .values("bucket")
        .annotate(mean=Avg("sentiment_score"), n=Count("id"))
        .order_by("bucket")
    )
    buckets = []
    for row in rows:
        start, end = max(row["bucket"], window.lower), min(_bucket_end(row["bucket"], grain), window.end)
        buckets.append(
            {
                "start": start,
                "end": end,
                "average_sentiment": rounded(row["mean"]),
                "entries": row["n"],
                "entries_url": links.dates(start, end),
            }
        )
    return buckets


def sentiment_slope(user, window: Window) -> dict:
    """Least-squares slope of analysed sentiment against date (per week), with a 95% CI and two-sided p-value."""
    sql = f"""
        SELECT regr_count(y, x), regr_slope(y, x), regr_sxx(y, x), regr_syy(y, x), regr_sxy(y, x), regr_r2(y, x)
        FROM (SELECT sentiment_score AS y, (entry_date - DATE '2000-01-01')::float8 AS x FROM {TABLE}
              WHERE {_ANALYSED} AND entry_date BETWEEN %(start)s AND %(end)s) AS points"""
    n, slope, sxx, syy, sxy, r2 = fetch(sql, {"user": user.pk, "start": window.lower, "end": window.end})[0]
    fit = {"n": n, "slope_per_week": None, "ci_low": None, "ci_high": None, "p_value": None, "r_squared": None}
    if n < 3 or slope is None:  # fewer than 3 points, or all on one day: no slope can be estimated honestly
        return fit | {"direction": "insufficient"}
    dof = n - 2
    se = math.sqrt(max(syy - slope * sxy, 0.0) / dof / sxx)
    if se == 0:
        p_value = 1.0 if slope == 0 else 0.0
    else:
        p_value = float(2 * stats.t.sf(abs(slope / se), dof))
    half_width = float(stats.t.ppf(0.975, dof)) * se
    direction = "unclear" if p_value >= 0.05 else ("rising" if slope > 0 else "falling")
    return fit | {
        "slope_per_week": rounded(slope * 7),
        "ci_low": rounded((slope - half_width) * 7),
        "ci_high": rounded((slope + half_width) * 7),
        "p_value": rounded(p_value),
        "r_squared": rounded(r2),
        "direction": direction,
    }


def emotion_distribution(user, window: Window) -> dict:
    """Mean probability of each emotion and dominant-emotion counts, now and in the previous window of equal length.

    One pass with columns per label of the model's fixed label set: expanding every entry's JSON with jsonb_each and
    grouping the pieces costs several times more on a long journal.
    """
    previous = window.previous()
    columns = []
    for i in range(len(EMOTION_LABELS)):
        prob, dominant = f"(emotions ->> %(label{i})s)::float8", f"dominant_emotion = %(label{i})s"
        columns += [f"SUM({prob}) FILTER (WHERE now)", f"SUM({prob}) FILTER (WHERE NOT now)"]
        columns += [f"COUNT(*) FILTER (WHERE now AND {dominant})", f"COUNT(*) FILTER (WHERE NOT now AND {dominant})"]
    sql = f"""
        SELECT COUNT(*) FILTER (WHERE now), COUNT(*) FILTER (WHERE NOT now), {", ".join(columns)}
        FROM (SELECT emotions, dominant_emotion, entry_date >= %(start)s AS now FROM {TABLE}
              WHERE {LIVE_SQL} AND analysis_status = %(done)s AND entry_date BETWEEN %(lower)s AND %(end)s) AS base"""
    params = {"user": user.pk, "start": window.lower, "end": window.end, "done": AnalysisStatus.DONE}
    params |= {"lower": previous.start if previous else window.lower}
    params |= {f"label{i}": label for i, label in enumerate(EMOTION_LABELS)}
    row = fetch(sql, params)[0]
    n_now, n_before = row[0], (row[1] if previous else None)
    emotions = []
    for i, label in enumerate(EMOTION_LABELS):
        p_now, p_before, d_now, d_before = row[2 + 4 * i : 6 + 4 * i]
        if p_now is None and p_before is None and not (d_now or d_before):
            continue  # not in any analysed entry of either window
        share = rounded((p_now or 0) / n_now) if n_now else None
        before = rounded((p_before or 0) / n_before) if n_before else None
        emotions.append(
            {
                "label": label,
                "share": share,
                "previous_share": before,
                "change": rounded(share - before) if share is not None and before is not None else None,
                "dominant_entries": d_now,
                "previous_dominant_entries": d_before if previous else None,
            }
        )
    emotions.sort(key=lambda e: (-(e["share"] or 0), -e["dominant_entries"], e["label"]))
    return {"analysed": n_now, "previous_analysed": n_before, "emotions": emotions}


def _correlation_p(r: float | None, n: int) -> float | None:
    if r is None or n < 3:
        return None
    if abs(r) >= 1:
        return 0.0
    return rounded(2 * stats.t.sf(abs(r) * math.sqrt((n - 2) / (1 - r * r)), n - 2))


def mood_vs_sentiment(user, window: Window, links: JournalLinks) -> dict:
    """Mean analysed sentiment for each self-chosen mood, and the Pearson correlation between the two."""
    sql = f"""
        SELECT mood, AVG(sentiment_score), COUNT(*), CORR(mood::float8, sentiment_score), GROUPING(mood)
        FROM {TABLE} WHERE {_ANALYSED} AND mood IS NOT NULL AND entry_date BETWEEN %(start)s AND %(end)s
        GROUP BY GROUPING SETS ((mood), ()) ORDER BY GROUPING(mood), mood"""
    levels, overall = [], {"correlation": None, "p_value": None, "entries": 0}
    for mood, mean, n, r, is_total in fetch(sql, {"user": user.pk, "start": window.lower, "end": window.end}):
        if is_total:
            # Two points always lie on a line (r = ±1): a correlation needs three.
            overall = {"correlation": rounded(r) if n >= 3 else None, "p_value": _correlation_p(r, n), "entries": n}
        else:
            levels.append(
                {
                    "mood": mood,
                    "label": Mood(mood).label,
                    "average_sentiment": rounded(mean),
                    "entries": n,
                    "entries_url": links.range(window, mood=mood),
                }
            )
    return {"levels": levels, **overall}


def writing_streak(user, today: dt.date) -> dict:
    """Current and longest runs of consecutive days with an entry; today without one yet doesn't break a streak."""
    sql = f"""
        WITH days AS (SELECT DISTINCT entry_date AS d FROM {TABLE} WHERE {LIVE_SQL} AND entry_date <= %(today)s),
        runs AS (
            SELECT MIN(d) AS first, MAX(d) AS last, COUNT(*) AS n
            FROM (SELECT d, d - (ROW_NUMBER() OVER (ORDER BY d))::int AS island FROM days) AS numbered GROUP BY island
        )
        SELECT first, last, n FROM runs WHERE last >= %(yesterday)s OR n = (SELECT MAX(n) FROM runs)
        ORDER BY n DESC, last DESC"""
    rows = fetch(sql, {"user": user.pk, "today": today, "yesterday": today - dt.timedelta(days=1)})
    longest = rows[0] if rows else (None, None, 0)
    current = next((r for r in rows if r[1] >= today - dt.timedelta(days=1)), (None, None, 0))
    return {
        "current": current[2],
        "current_start": current[0],
        "current_end": current[1],
        "longest": longest[2],
        "longest_start": longest[0],
        "longest_end": longest[1],
    }


def entries_per_day(user, start: dt.date, end: dt.date) -> dict[dt.date, int]:
    rows = live_entries(user).filter(entry_date__range=(start, end)).values("entry_date").annotate(n=Count("id"))
    return {row["entry_date"]: row["n"] for row in rows.order_by()}


def topic_stats(user, window: Window, links: JournalLinks, limit: int = 30) -> list[dict]:
    """Topics by number of entries, each with its mean analysed sentiment."""
    rows = (
        in_window(window, user)
        .filter(topic__isnull=False)
        .values("topic_id", "topic__name", "topic__colour")
        .annotate(entries=Count("id"), analysed=Count("id", filter=_DONE), mean=Avg("sentiment_score", filter=_DONE))
        .order_by("-entries", "topic__name")[:limit]
    )
    return [
        {
            "id": row["topic_id"],
            "name": row["topic__name"],
            "colour": row["topic__colour"],
            "entries": row["entries"],
            "analysed": row["analysed"],
            "average_sentiment": rounded(row["mean"]),
            "entries_url": links.range(window, topic=row["topic_id"]),
        }
        for row in rows
    ]


def tag_stats(user, window: Window, links: JournalLinks, limit: int = 30) -> list[dict]:
    """Tags by number of entries, each with its mean analysed sentiment."""
    sql = f"""
        SELECT tag, COUNT(*) AS n, COUNT(*) FILTER (WHERE {_DONE_SQL}), AVG(sentiment_score) FILTER (WHERE {_DONE_SQL})
        FROM {TABLE}, unnest(tags) AS tag WHERE {LIVE_SQL} AND entry_date BETWEEN %(start)s AND %(end)s
        GROUP BY tag ORDER BY n DESC, tag LIMIT %(limit)s"""
    params = {"user": user.pk, "start": window.lower, "end": window.end, "limit": limit}
    return [
        {
            "name": tag,
            "entries": n,
            "analysed": analysed,
            "average_sentiment": rounded(mean),
            "entries_url": links.range(window, tag=tag),
        }
        for tag, n, analysed, mean in fetch(sql, params)
    ]


def weekday_sentiment(user, window: Window) -> dict:
    """Mean analysed sentiment per weekday; best and worst only among days with enough entries to mean something."""
    rows = (
        in_window(window, user)
        .filter(_DONE)
        .annotate(weekday=ExtractIsoWeekDay("entry_date"))
        .values("weekday")
        .annotate(mean=Avg("sentiment_score"), n=Count("id"))
        .order_by("weekday")
    )
    days = [
        {
            "weekday": r["weekday"],
            "name": WEEKDAYS[r["weekday"] - 1],
            "average_sentiment": rounded(r["mean"]),
            "entries": r["n"],
        }
        for r in rows
    ]
    eligible = sorted((d for d in days if d["entries"] >= MIN_WEEKDAY_ENTRIES), key=lambda d: d["average_sentiment"])
    best = eligible[-1]["name"] if len(eligible) >= 2 else None
    worst = eligible[0]["name"] if len(eligible) >= 2 else None
    return {"days": days, "best": best, "worst": worst, "min_entries": MIN_WEEKDAY_ENTRIES}

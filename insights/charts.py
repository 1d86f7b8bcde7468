"""SVG geometry for server-drawn charts: numbers in, coordinates out; templates/insights/_chart_*.html draw them.

No JavaScript and no style attributes (the CSP forbids inline styles): colour comes from classes in insights.css.
Every chart sits next to a table with the same numbers, so the SVG is a picture, never the only copy.
"""

import datetime as dt
import math

WIDTH, HEIGHT = 640, 200
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 26
BAR_HEIGHT, BAR_GAP, LABEL_WIDTH = 20, 8, 110
CELL, CELL_GAP = 11, 2
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _scale(value: float, low: float, high: float, out_low: float, out_high: float) -> float:
    if high == low:
        return (out_low + out_high) / 2
    return round(out_low + (value - low) / (high - low) * (out_high - out_low), 1)


def _y(value: float, low: float = -1.0, high: float = 1.0) -> float:
    return _scale(value, low, high, HEIGHT - BOTTOM, TOP)


def _midpoint(start: dt.date, end: dt.date) -> float:
    return start.toordinal() + (end - start).days / 2


def sentiment_line(buckets: list[dict], start: dt.date | None, end: dt.date) -> dict | None:
    """Mean sentiment per bucket (at the bucket's middle) on a -1..1 axis, and the 7-day rolling mean if present."""
    if not buckets:
        return None
    first = (start or buckets[0]["start"]).toordinal()
    last = end.toordinal()

    def x(ordinal: float) -> float:
        return _scale(ordinal, first, last, LEFT, WIDTH - RIGHT)

    points = [
        {
            "x": x(_midpoint(b["start"], b["end"])),
            "y": _y(b["average_sentiment"]),
            "label": b["start"] if b["start"] == b["end"] else f"{b['start']} – {b['end']}",
            "value": b["average_sentiment"],
            "entries": b["entries"],
        }
        for b in buckets
    ]
    rolling = [f"{x(b['start'].toordinal())},{_y(b['rolling_average'])}" for b in buckets if "rolling_average" in b]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "points": points,
        "line": " ".join(f"{p['x']},{p['y']}" for p in points),
        "rolling": " ".join(rolling),
        "grid": [{"y": _y(v), "label": f"{v:+.1f}" if v else "0", "zero": v == 0} for v in (1, 0.5, 0, -0.5, -1)],
        "x_labels": [
            {"x": LEFT, "label": dt.date.fromordinal(first).isoformat(), "anchor": "start"},
            {"x": WIDTH - RIGHT, "label": end.isoformat(), "anchor": "end"},
        ],
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "label_x": LEFT - 6,
        "x_label_y": HEIGHT - 8,
    }


def share_bars(items: list[dict], label_key: str, value_key: str) -> dict | None:
    """Horizontal bars from 0 to the largest value (emotion shares, counts)."""
    values = [i[value_key] for i in items if i[value_key] is not None]
    if not values:
        return None
    top = max(values) or 1
    span = WIDTH - LABEL_WIDTH - RIGHT - 48
    rows = []
    for n, item in enumerate(i for i in items if i[value_key] is not None):
        y = TOP + n * (BAR_HEIGHT + BAR_GAP)
        width = round(item[value_key] / top * span, 1)
        rows.append(
            {
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.7,
                "width": width,
                "value_x": LABEL_WIDTH + width + 6,
                "label": item[label_key],
                "value": item[value_key],
            }
        )
    return _bar_frame(rows) | {"x0": LABEL_WIDTH}


def diverging_bars(items: list[dict], label_key: str, value_key: str = "average_sentiment") -> dict | None:
    """Bars left (negative) or right (positive) of a zero line, for mean sentiment in -1..1."""
    if not any(i[value_key] is not None for i in items):
        return None
    zero = LABEL_WIDTH + (WIDTH - LABEL_WIDTH - RIGHT) / 2
    half = (WIDTH - LABEL_WIDTH - RIGHT) / 2 - 40
    rows = []
    for n, item in enumerate(items):
        value = item[value_key]
        y = TOP + n * (BAR_HEIGHT + BAR_GAP)
        length = round(abs(value or 0) * half, 1)
        rows.append(
            {
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.7,
                "x": zero - length if (value or 0) < 0 else zero,
                "width": length,
                "negative": (value or 0) < 0,
                "value_x": zero - length - 4 if (value or 0) < 0 else zero + length + 4,
                "label": item[label_key],
                "value": value,
            }
        )
    return _bar_frame(rows) | {"zero": zero}


def _bar_frame(rows: list[dict]) -> dict:
    height = TOP * 2 + len(rows) * (BAR_HEIGHT + BAR_GAP)
    return {"width": WIDTH, "height": height, "rows": rows, "bar": BAR_HEIGHT, "label_x": LABEL_WIDTH - 6}


def heat_level(count: int, top: int) -> int:
    """0 for no entries, then 1-4 in equal steps up to the busiest day."""
    return 0 if count <= 0 or top <= 0 else max(1, min(4, math.ceil(count / top * 4)))


def heatmap(heat: dict) -> dict:
    """One square per day, a column per week (Monday at the top), like a wall calendar turned sideways."""
    counts = {d["date"]: d["entries"] for d in heat["days"]}
    start, end, top = heat["start"], heat["end"], heat["max"]
    cells, month_labels, day = [], [], start
    while day <= end:
        column, row = (day - start).days // 7, day.weekday()
        x, y = LEFT + column * (CELL + CELL_GAP), TOP + 12 + row * (CELL + CELL_GAP)
        count = counts.get(day, 0)
        cells.append({"x": x, "y": y, "date": day, "count": count, "level": heat_level(count, top)})
        if day.day == 1 or day == start:
            month_labels.append({"x": x, "label": MONTHS[day.month - 1]})
        day += dt.timedelta(days=1)
    columns = (end - start).days // 7 + 1
    return {
        "width": LEFT + columns * (CELL + CELL_GAP) + RIGHT,
        "height": TOP + 12 + 7 * (CELL + CELL_GAP) + 4,
        "cell": CELL,
        "label_x": LEFT - 8,
        "cells": cells,
        # The first label gives way when the next month starts within a column or two of it; the rest stay.
        "months": month_labels[1:]
        if len(month_labels) > 1 and month_labels[1]["x"] - month_labels[0]["x"] <= 20
        else month_labels,
        "weekdays": [
            {"y": TOP + 12 + r * (CELL + CELL_GAP) + CELL - 1, "label": n}
            for r, n in ((0, "Mon"), (2, "Wed"), (4, "Fri"))
        ],
    }


def mood_arc(arc: list[dict]) -> dict | None:
    """A week's mean mood (1-5, left axis) and mean analysed sentiment (-1..1, same height) per day."""
    if not any(d["average_mood"] is not None or d["average_sentiment"] is not None for d in arc):
        return None
    step = (WIDTH - LEFT - RIGHT) / max(len(arc) - 1, 1)
    days = []
    for n, d in enumerate(arc):
        days.append(
            {
                "x": round(LEFT + n * step, 1),
                "label": d["date"].strftime("%a"),
                "mood_y": None if d["average_mood"] is None else _y(d["average_mood"], 1, 5),
                "sentiment_y": None if d["average_sentiment"] is None else _y(d["average_sentiment"]),
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "days": days,
        "mood_line": " ".join(f"{d['x']},{d['mood_y']}" for d in days if d["mood_y"] is not None),
        "sentiment_line": " ".join(f"{d['x']},{d['sentiment_y']}" for d in days if d["sentiment_y"] is not None),
        "grid": [{"y": _y(v, 1, 5), "label": str(v)} for v in (5, 3, 1)],
        "sentiment_labels": [{"y": _y(v), "label": label} for v, label in ((1, "+1"), (0, "0"), (-1, "−1"))],
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "label_x": LEFT - 6,
        "x_label_y": HEIGHT - 8,
    }


def dashboard_charts(data: dict) -> dict:
    summary = data["summary"]
    return {
        "trend": sentiment_line(data["trend"]["buckets"], summary["window"]["start"], summary["window"]["end"]),
        "emotions": share_bars(data["emotions"]["emotions"], "label", "share"),
        "mood": diverging_bars(summary["mood"]["levels"], "label"),
        "weekdays": diverging_bars(summary["weekdays"]["days"], "name"),
        "heatmap": heatmap(data["heatmap"]),
    }

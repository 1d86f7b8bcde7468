"""Server-side SVG chart geometry: questionnaire scores over time beside weekly average entry sentiment.

Only numbers and strings come out of here; the template draws them, so the page needs no JavaScript and the
CSP needs no inline styles (colours live in psychology.css).
"""

import datetime
from dataclasses import dataclass, field

from .instruments import Instrument

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 56, 16, 36
MIN_SPAN_DAYS = 28


@dataclass
class Point:
    x: float
    y: float
    label: str


@dataclass
class Chart:
    instrument: Instrument
    width: int = WIDTH
    height: int = HEIGHT
    scores: list[Point] = field(default_factory=list)
    sentiment: list[Point] = field(default_factory=list)
    left_ticks: list[Point] = field(default_factory=list)
    right_ticks: list[Point] = field(default_factory=list)
    x_ticks: list[Point] = field(default_factory=list)
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (date, score, band) for the table

    @property
    def plot(self) -> dict:
        x1, y1 = self.width - RIGHT, self.height - BOTTOM
        return {"x0": LEFT, "x1": x1, "y0": TOP, "y1": y1, "w": x1 - LEFT, "h": y1 - TOP}

    @property
    def score_line(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.scores)

    @property
    def sentiment_line(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.sentiment)


def result_day(result, tz=None) -> datetime.date:
    return result.created_at.astimezone(tz).date() if tz else result.created_at.date()


def chart_span(days: list[datetime.date], today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The dates a chart covers: a week before the first result to today, at least MIN_SPAN_DAYS."""
    start = min([*days, today]) - datetime.timedelta(days=7)
    end = max([*days, today])
    return min(start, end - datetime.timedelta(days=MIN_SPAN_DAYS)), end


def assessment_chart(
    instrument: Instrument,
    results: list,
    weekly_sentiment: list[tuple[datetime.date, float]],
    *,
    today: datetime.date,
    tz=None,
) -> Chart:
    """Geometry for one questionnaire's results (oldest first) and the weeks of sentiment in the same span."""
    dated = [(result_day(r, tz), r) for r in results]
    start, end = chart_span([d for d, _ in dated], today)
    span = (end - start).days
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: datetime.date) -> float:
        return round(LEFT + (day - start).days / span * plot_w, 1)

    def y_score(value: float) -> float:
        return round(TOP + (1 - value / instrument.max_score) * plot_h, 1)

    def y_sentiment(value: float) -> float:
        return round(TOP + (1 - (value + 1) / 2) * plot_h, 1)

    chart = Chart(instrument=instrument)
    for day, result in dated:
        label = f"{day:%d %b %Y}: {result.score} ({result.band_label})"
        chart.scores.append(Point(x(day), y_score(result.score), label))
        chart.rows.append((f"{day:%d %b %Y}", str(result.score), result.band_label))
    for week, value in weekly_sentiment:
        if week <= end and week + datetime.timedelta(days=6) >= start:
            # Mid-week, kept inside the span: the week under way (Monday to Wednesday) is drawn at today.
            middle = min(max(week + datetime.timedelta(days=3), start), end)
            chart.sentiment.append(Point(x(middle), y_sentiment(value), f"Week of {week:%d %b}: {value:+.2f}"))
    ticks = sorted({lowest for lowest, _, _ in instrument.bands} | {instrument.max_score})
    chart.left_ticks = [Point(LEFT - 6, y_score(t), str(t)) for t in ticks]  # x: where the label ends
    chart.right_ticks = [Point(WIDTH - RIGHT + 6, y_sentiment(v), f"{v:+.0f}" if v else "0") for v in (-1, 0, 1)]
    middle = start + datetime.timedelta(days=span // 2)
    chart.x_ticks = [Point(x(d), HEIGHT - BOTTOM + 18, f"{d:%d %b}") for d in (start, middle, end)]
    return chart

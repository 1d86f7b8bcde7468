"""Chart geometry: scores and weekly sentiment placed inside the chart's span."""

import datetime
from types import SimpleNamespace

import pytest

from psychology.charts import assessment_chart
from psychology.instruments import INSTRUMENTS

MONDAY = datetime.date(2026, 11, 30)


def result(day: datetime.date, score: int = 5):
    created = datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)
    return SimpleNamespace(created_at=created, score=score, band_label="Mild")


@pytest.mark.parametrize("today", [MONDAY + datetime.timedelta(days=d) for d in range(7)])
def test_the_week_under_way_is_plotted_whatever_the_weekday(today):
    chart = assessment_chart(INSTRUMENTS["phq9"], [result(MONDAY - datetime.timedelta(days=20))], [(MONDAY, -0.4)],
                             today=today)  # fmt: skip
    [point] = chart.sentiment
    assert point.label == "Week of 30 Nov: -0.40"
    assert point.x <= chart.x_ticks[-1].x  # never past today, the chart's right edge


def test_weeks_outside_the_span_are_left_out():
    chart = assessment_chart(INSTRUMENTS["phq9"], [result(MONDAY)], [(MONDAY - datetime.timedelta(days=400), 0.5)],
                             today=MONDAY)  # fmt: skip
    assert chart.sentiment == []

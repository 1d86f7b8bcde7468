"""Insight pages. Thin: validate the period, read the (cached) report, draw the charts, render."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import charts, reports
from .periods import DEFAULT_PERIOD, PERIOD_CHOICES

MIN_RANKED = 2  # a topic's mean over a single analysed entry is that entry, not a tendency


class PeriodForm(forms.Form):
    period = forms.ChoiceField(choices=PERIOD_CHOICES, initial=DEFAULT_PERIOD, label="Show")


@login_required
@require_GET
def dashboard(request):
    form = PeriodForm(request.GET if "period" in request.GET else None)
    if form.is_bound and not form.is_valid():
        # The selector keeps showing the default period, not the first option the browser falls back to.
        context = {"form": form, "data": None, "period": DEFAULT_PERIOD}
        return render(request, "insights/dashboard.html", context, status=400)
    period = form.cleaned_data["period"] if form.is_bound else DEFAULT_PERIOD
    data = reports.dashboard(request.user, period)
    context = {
        "form": form,
        "period": period,
        "data": data,
        "charts": charts.dashboard_charts(data),
        "topics_by_sentiment": _by_sentiment(data["summary"]["topics"]),
        "tags_by_sentiment": _by_sentiment(data["summary"]["tags"]),
    }
    return render(request, "insights/dashboard.html", context)


def _by_sentiment(rows: list[dict]) -> list[dict]:
    ranked = [r for r in rows if r["analysed"] >= MIN_RANKED]
    return sorted(ranked, key=lambda r: r["average_sentiment"], reverse=True)


@login_required
@require_GET
def weekly(request):
    review = reports.section(request.user, "weekly")
    return render(request, "insights/weekly.html", {"review": review, "arc_chart": charts.mood_arc(review["arc"])})

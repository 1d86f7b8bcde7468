"""Wellbeing pages. Thin: everything personal is fetched through the signed-in user's own querysets."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from entries.selectors import entries_for

from . import selectors, services
from .charts import assessment_chart, chart_span, result_day
from .forms import AssessmentForm, FeedbackForm
from .instruments import INSTRUMENTS
from .models import Verdict

HISTORY_PER_PAGE = 25
CHART_POINTS = 52  # per questionnaire: a year of weekly check-ins


@login_required
def index(request):
    latest = {r.instrument: r for r in selectors.assessments_for(request.user).order_by("created_at")}
    context = {
        "families": selectors.techniques_by_family(),
        "instruments": [(i, latest.get(key)) for key, i in INSTRUMENTS.items()],
        "helpful": selectors.helpful_techniques(request.user)[:5],
    }
    return render(request, "psychology/index.html", context)


@login_required
def technique_detail(request, slug: str):
    technique = get_object_or_404(selectors.active_techniques(), slug=slug)
    return render(request, "psychology/technique_detail.html", {"technique": technique})


@login_required
@require_http_methods(["GET", "POST"])
def assessment_take(request, instrument: str):
    definition = INSTRUMENTS.get(instrument)
    if definition is None:
        raise Http404("Unknown questionnaire.")
    form = AssessmentForm(request.POST or None, instrument=definition)
    if request.method == "POST" and form.is_valid():
        result = services.record_assessment(user=request.user, instrument=definition.key, answers=form.answers)
        return redirect("psychology:assessment_result", pk=result.pk)
    status = 400 if form.errors else 200
    return render(request, "psychology/assessment_take.html", {"form": form, "instrument": definition}, status=status)


@login_required
def assessment_result(request, pk: int):
    result = get_object_or_404(selectors.assessments_for(request.user), pk=pk)
    context = {"result": result, "instrument": result.definition}
    if result.shows_crisis_resources:
        context["resources"] = selectors.crisis_resources_for(request.user.country)
    return render(request, "psychology/assessment_result.html", context)


@login_required
def assessment_history(request):
    """Every result, newest first, a page at a time; one chart per questionnaire of its latest CHART_POINTS."""
    mine = selectors.assessments_for(request.user).order_by("-created_at", "-pk")
    page = Paginator(mine, HISTORY_PER_PAGE).get_page(request.GET.get("page"))
    today = timezone.now().astimezone(request.user.tz).date()
    charts = []
    for key, definition in INSTRUMENTS.items():
        own = sorted(mine.filter(instrument=key)[:CHART_POINTS], key=lambda r: r.created_at)
        if own:
            # The sentiment line covers the whole chart, which is at least MIN_SPAN_DAYS wide for a first result.
            since = chart_span([result_day(r, request.user.tz) for r in own], today)[0] - datetime.timedelta(days=7)
            weeks = selectors.weekly_sentiment(request.user, since=since)
            charts.append(assessment_chart(definition, own, weeks, today=today, tz=request.user.tz))
    context = {"results": page.object_list, "page": page, "charts": charts}
    return render(request, "psychology/assessment_history.html", context)


def crisis_help(request):
    """Always available, signed in or not: where to reach someone now."""
    country = selectors.country_code(request.user.country if request.user.is_authenticated else "")
    resources = selectors.all_crisis_resources(country)
    listed = any(r.country == country for r in resources)  # only then is "your country is listed first" true
    context = {"resources": resources, "country": country, "country_listed": country and listed}
    return render(request, "psychology/help.html", context)


@login_required
@require_POST
def suggestion_feedback(request, entry_pk: int):
    entry = get_object_or_404(entries_for(request.user), pk=entry_pk)
    form = FeedbackForm(request.POST)
    target = reverse("entries:detail", args=[entry.pk]) + "#support"
    if not form.is_valid():
        messages.error(request, "That feedback could not be saved.")
        return redirect(target)
    technique = selectors.active_techniques().filter(slug=form.cleaned_data["technique"]).first()
    if technique is None:  # switched off by an admin since the page was drawn (the API answers 400 too)
        messages.error(request, "That technique is no longer offered, so the feedback was not saved.")
        return redirect(target)
    try:
        services.record_feedback(
            user=request.user, entry=entry, technique=technique, verdict=form.cleaned_data["verdict"]
        )
    except ValidationError as exc:  # the entry was flagged or is being re-analysed since the page was drawn
        messages.error(request, " ".join(exc.messages))
        return redirect(target)
    if form.cleaned_data["verdict"] == Verdict.HELPFUL:
        messages.success(request, f"Noted: “{technique.name}” helped. It will come up a little more often.")
    else:
        messages.success(request, f"“{technique.name}” won't be suggested for this entry again.")
    return redirect(target)

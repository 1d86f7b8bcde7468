"""Reads for the wellbeing area. Anything personal is always scoped to one user."""

import datetime
from collections import Counter, defaultdict

from django.db.models import Avg, Count, Q, QuerySet
from django.db.models.functions import TruncWeek

from accounts.countries import ALIASES
from entries.models import AnalysisStatus, Entry

from .models import AssessmentResult, CrisisResource, Family, SuggestionFeedback, Technique, ThinkingTrap, Verdict


def active_techniques() -> QuerySet[Technique]:
    return Technique.objects.filter(is_active=True).defer("embedding")


def techniques_by_family() -> list[tuple[str, str, list[Technique]]]:
    """(family key, family label, techniques) in the order of Family, skipping empty families."""
    grouped = defaultdict(list)
    for technique in active_techniques().order_by("name"):
        grouped[technique.family].append(technique)
    return [(key, label, grouped[key]) for key, label in Family.choices if grouped[key]]


def active_traps() -> list[ThinkingTrap]:
    return list(ThinkingTrap.objects.filter(is_active=True))


def crisis_resources_for(country: str) -> list[CrisisResource]:
    """The resource for this country (ISO code, any case), else the international default; at most one each."""
    country = country_code(country)
    rows = {r.country: r for r in CrisisResource.objects.filter(is_active=True, country__in={country, ""})}
    chosen = (rows.get(country) if country else None) or rows.get("")
    return [chosen] if chosen else []


def all_crisis_resources(country: str = "") -> list[CrisisResource]:
    """Every active resource: the reader's country first, then the international default, then the rest."""
    country = country_code(country)
    rows = list(CrisisResource.objects.filter(is_active=True))
    return sorted(rows, key=lambda r: (r.country != country or not country, not r.is_default, r.country))


def country_code(country: str) -> str:
    """An ISO code from what is stored: any case, and "UK" (saved before countries were checked) as GB."""
    code = (country or "").strip().upper()
    return ALIASES.get(code, code)


def feedback_on_entry(user, entry: Entry) -> dict[int, str]:
    """technique id -> verdict, for this user's feedback on one entry."""
    rows = SuggestionFeedback.objects.filter(user=user, entry=entry).values_list("technique_id", "verdict")
    return dict(rows)


def feedback_history(user, *, excluding_entry: Entry | None = None) -> dict[int, Counter]:
    """technique id -> Counter of verdicts this user gave on other entries (how they felt about it before)."""
    rows = SuggestionFeedback.objects.filter(user=user)
    if excluding_entry is not None:
        rows = rows.exclude(entry=excluding_entry)
    history: dict[int, Counter] = defaultdict(Counter)
    for row in rows.values("technique_id", "verdict").annotate(n=Count("pk")):
        history[row["technique_id"]][row["verdict"]] += row["n"]
    return history


def helpful_techniques(user) -> QuerySet[Technique]:
    """Techniques this user marked helpful at least once, most often first."""
    return (
        active_techniques()
        .filter(feedback__user=user, feedback__verdict=Verdict.HELPFUL)
        .annotate(times=Count("feedback"))
        .order_by("-times", "name")
    )


def assessments_for(user, *, instrument: str | None = None) -> QuerySet[AssessmentResult]:
    qs = AssessmentResult.objects.filter(user=user)
    return qs.filter(instrument=instrument) if instrument else qs


def weekly_sentiment(user, *, since: datetime.date) -> list[tuple[datetime.date, float]]:
    """(Monday of the week, average sentiment score) of the user's analysed entries since a date."""
    rows = (
        Entry.objects.filter(
            user=user,
            deleted_at__isnull=True,
            analysis_status=AnalysisStatus.DONE,
            sentiment_score__isnull=False,
            entry_date__gte=since,
        )
        .annotate(week=TruncWeek("entry_date"))
        .values("week")
        .annotate(avg=Avg("sentiment_score"))
        .order_by("week")
    )
    return [(_as_date(row["week"]), float(row["avg"])) for row in rows]


def safe_entries(user, *, start: datetime.date, end: datetime.date | None = None) -> QuerySet[Entry]:
    """Analysed, not flagged, not trashed entries dated start..end: the only ones prompts may draw on or quote."""
    qs = Entry.objects.filter(user=user, deleted_at__isnull=True, entry_date__gte=start)
    if end is not None:
        qs = qs.filter(entry_date__lte=end)
    return (
        qs.filter(Q(analysis_status=AnalysisStatus.DONE) & Q(crisis_flagged=False))
        .select_related("topic")
        .defer("embedding", "search_vector")
    )


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value

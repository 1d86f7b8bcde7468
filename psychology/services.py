"""Writes for the wellbeing area: self-assessment results, feedback on suggestions, technique embeddings."""

from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from entries.models import AnalysisStatus, Entry

from .instruments import get_instrument
from .models import AssessmentResult, SuggestionFeedback, Technique, Verdict


def record_assessment(*, user, instrument, answers) -> AssessmentResult:
    """Score one completed questionnaire and keep it. Invalid input raises ValidationError with a field message."""
    definition = get_instrument(instrument)
    score, band = definition.score(answers)
    return AssessmentResult.objects.create(
        user=user, instrument=definition.key, answers=list(answers), score=score, band=band
    )


def record_feedback(*, user, entry: Entry, technique: Technique, verdict: str) -> SuggestionFeedback:
    """Remember whether a suggestion helped; a second verdict on the same suggestion replaces the first."""
    if entry.user_id != user.pk:
        # Views fetch entries through the user's own queryset; this guards any future caller that does not.
        raise ValidationError({"entry": "Unknown entry."})
    if verdict not in Verdict.values:
        raise ValidationError({"verdict": f"Choose one of {', '.join(Verdict.values)}."})
    if not technique.is_active:
        raise ValidationError({"technique": "Unknown technique."})
    if entry.crisis_flagged or entry.analysis_status != AnalysisStatus.DONE:
        # Nothing is suggested under such an entry, and a verdict kept there would still move the suggestions
        # under the user's other entries.
        raise ValidationError({"entry": "This entry has no suggestions to give feedback on."})
    feedback, _ = SuggestionFeedback.objects.update_or_create(
        user=user, entry=entry, technique=technique, defaults={"verdict": verdict}
    )
    return feedback


def embed_techniques(
    *, encode: Callable[[list[str]], Iterable], ids: Iterable[int] | None = None, force: bool = False
) -> int:
    """Store embeddings of techniques whose text changed since they were last embedded. Returns how many.

    `encode` is the worker's sentence embedder (L2-normalised vectors), so these vectors sit in the same space
    as the entries' and cosine distance between them is meaningful. Safe to run twice: current rows are skipped.
    """
    qs = Technique.objects.all() if ids is None else Technique.objects.filter(pk__in=list(ids))
    stale = [t for t in qs.order_by("pk") if force or not t.embedding_is_current]
    if not stale:
        return 0
    texts = [t.embedding_text for t in stale]
    vectors = list(encode(texts))
    with transaction.atomic():
        for technique, text, vector in zip(stale, texts, vectors, strict=True):
            # Only write if the text is still the one we embedded (an admin may have edited it meanwhile).
            Technique.objects.filter(
                pk=technique.pk, name=technique.name, when_it_helps=technique.when_it_helps
            ).update(embedding=[float(x) for x in vector], embedded_text=text)
    return len(stale)

"""Knowledge base (techniques, thinking traps, crisis resources) and each user's feedback and self-assessments."""

import re

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from pgvector.django import VectorField

from entries.models import EMBEDDING_DIM

from .instruments import INSTRUMENTS

EMOTIONS = ("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise")


class Family(models.TextChoices):
    CBT = "cbt", "Thinking skills (CBT)"
    MINDFULNESS = "mindfulness", "Mindfulness"
    EMOTION_REGULATION = "emotion_regulation", "Handling strong feelings"
    SLEEP = "sleep", "Sleep"
    SELF_COMPASSION = "self_compassion", "Self-compassion"
    BEHAVIOURAL_ACTIVATION = "behavioural_activation", "Getting going again"
    GRATITUDE = "gratitude", "Gratitude and savouring"
    GROUNDING = "grounding", "Grounding and calming the body"
    PROBLEM_SOLVING = "problem_solving", "Problem solving"


def _validate_emotions(values: list[str]) -> None:
    unknown = sorted(set(values) - set(EMOTIONS))
    if unknown:
        raise ValidationError(f"Unknown emotions {unknown}; use {', '.join(EMOTIONS)}.")


def _validate_text_list(value, *, what: str) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValidationError(f"{what} must be a list of non-empty strings.")


class Technique(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    family = models.CharField(max_length=32, choices=Family.choices, db_index=True)
    summary = models.TextField()
    when_it_helps = models.TextField()
    emotions = ArrayField(
        models.CharField(max_length=10),
        default=list,
        blank=True,
        validators=[_validate_emotions],
        help_text="Emotions it is meant for, most relevant first (comma-separated).",
    )
    # JSON rather than ArrayField: steps contain commas, which the admin's array widget would split on.
    steps = models.JSONField(default=list)
    duration_minutes = models.PositiveSmallIntegerField(default=10)
    sources = models.JSONField(default=list, help_text="List of {authors, year, title, venue, doi, url, ...}.")
    is_active = models.BooleanField(default=True)
    # Filled by the worker (psychology.tasks.embed_techniques); null until then, and matching copes.
    embedding = VectorField(dimensions=EMBEDDING_DIM, null=True, blank=True)
    embedded_text = models.TextField(blank=True, help_text="The text the embedding was computed from.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["family", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def embedding_text(self) -> str:
        """What the embedding represents: the name plus the situations it is meant for."""
        return f"{self.name}. {self.when_it_helps}"

    @property
    def embedding_is_current(self) -> bool:
        return self.embedding is not None and self.embedded_text == self.embedding_text

    def clean(self) -> None:
        _validate_text_list(self.steps, what="Steps")
        if not isinstance(self.sources, list) or not self.sources:
            raise ValidationError({"sources": "Every technique needs at least one source."})
        for source in self.sources:
            # Books have neither DOI nor URL, so authors and title are what every source must have.
            if not isinstance(source, dict) or not source.get("title") or not source.get("authors"):
                raise ValidationError({"sources": "Each source needs at least authors and a title."})


class ThinkingTrap(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    description = models.TextField()
    examples = models.JSONField(default=list, blank=True)
    patterns = models.JSONField(default=list, help_text="Regular expressions, matched per sentence, ignoring case.")
    reframe = models.JSONField(default=list, help_text="Questions that help look at the thought again.")
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        _validate_text_list(self.patterns, what="Patterns")
        _validate_text_list(self.reframe, what="Reframe questions")
        for pattern in self.patterns:
            try:
                compiled = re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise ValidationError({"patterns": f"{pattern!r} is not a valid regular expression: {exc}"}) from exc
            if compiled.search("") or compiled.search(" "):  # it would quote every sentence of every entry
                raise ValidationError({"patterns": f"{pattern!r} matches empty text: it must need some words."})


class CrisisResource(models.Model):
    country = models.CharField(
        max_length=2,
        blank=True,
        unique=True,
        help_text="ISO 3166 alpha-2 code, or blank for the international default.",
    )
    name = models.CharField(max_length=160)
    phone = models.CharField(max_length=40, blank=True)
    text = models.CharField(max_length=40, blank=True, help_text="SMS number, if any (a line that takes texts).")
    whatsapp = models.CharField(
        max_length=40,
        blank=True,
        help_text="WhatsApp number in international form (+39 ...), if any. Not SMS.",
        # wa.me links need the country code: "39 324..." without the plus would be read as another number.
        validators=[RegexValidator(r"^\+[1-9][\d ]{5,}$", "Start with + and the country code, e.g. +39 324 011 7252.")],
    )
    url = models.URLField(blank=True)
    emergency = models.TextField(blank=True, help_text="Emergency number, or what to do in immediate danger.")
    hours = models.CharField(max_length=60, blank=True)
    notes = models.TextField(blank=True)
    alternatives = models.JSONField(default=list, blank=True)
    last_verified = models.DateField(null=True, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["country"]
        constraints = [
            models.CheckConstraint(condition=models.Q(country__regex=r"^([A-Z]{2})?$"), name="crisis_country_iso2"),
        ]

    def __str__(self) -> str:
        return f"{self.country or 'Default'}: {self.name}"

    @property
    def is_default(self) -> bool:
        return self.country == ""


class Verdict(models.TextChoices):
    HELPFUL = "helpful", "Helpful"
    DISMISSED = "dismissed", "Not for me"


class SuggestionFeedback(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suggestion_feedback")
    entry = models.ForeignKey("entries.Entry", on_delete=models.CASCADE, related_name="suggestion_feedback")
    technique = models.ForeignKey(Technique, on_delete=models.CASCADE, related_name="feedback")
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "entry", "technique"], name="feedback_once_per_suggestion"),
        ]
        indexes = [models.Index(fields=["user", "technique"], name="feedback_user_technique")]


class AssessmentResult(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments")
    instrument = models.CharField(max_length=8, choices=[(key, i.name) for key, i in INSTRUMENTS.items()])
    answers = models.JSONField()
    score = models.PositiveSmallIntegerField(help_text="Raw total (WHO-5: the 0-100 percentage score).")
    band = models.CharField(max_length=24)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "instrument", "-created_at"], name="assessment_user_instr")]

    def __str__(self) -> str:
        return f"{self.instrument} {self.score} ({self.band})"

    @property
    def definition(self):
        return INSTRUMENTS[self.instrument]

    @property
    def band_label(self) -> str:
        return self.definition.band_label(self.band)

    @property
    def suggests_professional(self) -> bool:
        return self.band in self.definition.professional_bands

    @property
    def shows_crisis_resources(self) -> bool:
        return self.definition.needs_crisis_resources(self.answers)

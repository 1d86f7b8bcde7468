import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F
from django.db.models.functions import Lower
from pgvector.django import HnswIndex, VectorField

EMBEDDING_DIM = 384


class Mood(models.IntegerChoices):
    AWFUL = 1, "Awful"
    BAD = 2, "Bad"
    OKAY = 3, "Okay"
    GOOD = 4, "Good"
    GREAT = 5, "Great"


class AnalysisStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    PROCESSING = "processing", "Processing"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Topic(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="topics")
    name = models.CharField(max_length=80)
    colour = models.CharField(max_length=7, default="#4f6d7a", help_text="Hex colour, e.g. #4f6d7a")
    description = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "user", name="topic_name_unique_per_user"),
            models.CheckConstraint(condition=models.Q(colour__regex=r"^#[0-9a-fA-F]{6}$"), name="topic_colour_hex"),
        ]

    def __str__(self) -> str:
        return self.name


class TextSearchConfigField(models.CharField):
    """A PostgreSQL text-search configuration name (regconfig), such as 'english' or 'simple'."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 63)
        super().__init__(*args, **kwargs)

    def db_type(self, connection) -> str:
        return "regconfig"


@TextSearchConfigField.register_lookup
class TextSearchConfigExact(models.lookups.Exact):
    """Compare as regconfig: PostgreSQL would otherwise compare the name with the configuration's oid."""

    def process_rhs(self, compiler, connection):
        sql, params = super().process_rhs(compiler, connection)
        return f"({sql})::regconfig", params


class Entry(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="entries")
    title = models.CharField(max_length=settings.ENTRY_TITLE_MAX_CHARS, blank=True)
    content = models.TextField()
    mood = models.PositiveSmallIntegerField(choices=Mood.choices, null=True, blank=True)
    topic = models.ForeignKey(Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="entries")
    tags = ArrayField(models.CharField(max_length=50), default=list, blank=True)
    is_favourite = models.BooleanField(default=False)
    entry_date = models.DateField(help_text="The day the entry is about, in the writer's time zone.")
    word_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True, db_index=True)

    # Filled by the inference pipeline (ml_models); never edited by hand.
    analysis_status = models.CharField(
        max_length=12, choices=AnalysisStatus.choices, default=AnalysisStatus.PENDING, db_index=True
    )
    analysis_error = models.TextField(blank=True)
    analysis_requested_at = models.DateTimeField(null=True, blank=True)
    analysed_at = models.DateTimeField(null=True, blank=True)
    analysis_attempts = models.PositiveSmallIntegerField(default=0)
    content_version = models.PositiveIntegerField(default=1, help_text="Bumped on every text edit.")
    analysed_version = models.PositiveIntegerField(null=True, blank=True)
    model_versions = models.JSONField(default=dict, blank=True)
    sentiment_label = models.CharField(max_length=10, blank=True)
    sentiment_score = models.FloatField(null=True, blank=True)
    emotions = models.JSONField(default=dict, blank=True)
    dominant_emotion = models.CharField(max_length=10, blank=True, db_index=True)
    crisis_flagged = models.BooleanField(default=False)
    crisis_level = models.CharField(max_length=10, blank=True)
    crisis_reasons = models.JSONField(default=list, blank=True)
    embedding = VectorField(dimensions=EMBEDDING_DIM, null=True, blank=True)
    # The writer's language when the entry was indexed (entries.text_config); a regconfig, not text, so the
    # generated column below stays an immutable expression.
    search_config = TextSearchConfigField(db_default="english")
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config=F("search_config"))
        + SearchVector("content", weight="B", config=F("search_config")),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        ordering = ["-entry_date", "-created_at", "-pk"]  # pk: pages never repeat or skip entries on a tie
        verbose_name_plural = "entries"
        indexes = [
            # Covering: the insight aggregates (trend, streaks, heatmap, topics, mood) read this index alone,
            # not one heap page per entry (bench/insights_bench.py).
            models.Index(
                fields=["user", "-entry_date"],
                name="entry_user_date",
                include=[
                    "deleted_at",
                    "analysis_status",
                    "sentiment_score",
                    "mood",
                    "word_count",
                    "topic",
                    "crisis_flagged",
                ],
            ),
            models.Index(fields=["user", "-created_at"], name="entry_user_created"),
            # The analysis backlog, oldest first (a task tops its batch up from it).
            models.Index(
                fields=["analysis_requested_at", "id"],
                name="entry_pending_backlog",
                condition=models.Q(analysis_status="pending"),
            ),
            # A journal's vectors side by side, in index order: the exact per-user vector search reads this index
            # alone (an index-only scan) instead of one wide row per entry (entries.search, bench/search_bench.py).
            models.Index(
                fields=["user"],
                name="entry_user_vectors",
                include=["id", "entry_date", "embedding"],
                condition=models.Q(deleted_at__isnull=True, embedding__isnull=False),
            ),
            GinIndex(fields=["search_vector"], name="entry_search_gin"),
            GinIndex(fields=["tags"], name="entry_tags_gin"),
            HnswIndex(
                name="entry_embedding_hnsw",
                fields=["embedding"],
                m=16,
                ef_construction=64,
                opclasses=["vector_cosine_ops"],
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sentiment_score__isnull=True)
                | models.Q(sentiment_score__gte=-1, sentiment_score__lte=1),
                name="entry_sentiment_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(mood__isnull=True) | models.Q(mood__gte=1, mood__lte=5), name="entry_mood_scale"
            ),
            models.CheckConstraint(condition=~models.Q(content=""), name="entry_content_not_empty"),
        ]

    def __str__(self) -> str:
        return f"Entry #{self.pk}"  # no words of the entry: this lands in logs and the admin (pages use display_title)

    @property
    def purge_at(self) -> datetime.datetime | None:
        """When a trashed entry is deleted for good (TRASH_RETENTION_DAYS after it was trashed)."""
        return self.deleted_at + trash_retention() if self.deleted_at else None

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        first_line = self.content.strip().splitlines()[0] if self.content.strip() else ""
        return (first_line[:60] + "…") if len(first_line) > 60 else first_line or "Untitled"

    @property
    def is_trashed(self) -> bool:
        return self.deleted_at is not None

    @property
    def revision(self) -> str:
        """Which saved version this is, for an editor to say which one it edited (the edit page's hidden field, the
        API's ETag): updated_at changes on every edit and never when an analysis lands."""
        return self.updated_at.isoformat()

    @property
    def is_analysed(self) -> bool:
        """Whether the stored sentiment and emotions are those of the text as it stands (not a pending edit's)."""
        return self.analysis_status == AnalysisStatus.DONE

    @property
    def analysis_will_retry(self) -> bool:
        """Whether the sweep will try a failed analysis again: it gives up after ml_models.runner.MAX_ATTEMPTS,
        until the text is edited."""
        from ml_models.runner import MAX_ATTEMPTS

        return self.analysis_attempts < MAX_ATTEMPTS

    @property
    def top_emotions(self) -> list[tuple[str, float]]:
        return sorted(self.emotions.items(), key=lambda kv: kv[1], reverse=True)[:3]


def trash_retention() -> datetime.timedelta:
    return datetime.timedelta(days=settings.TRASH_RETENTION_DAYS)


from .models_portability import ImportJob, ImportRecord  # noqa: E402,F401

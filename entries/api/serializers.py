from django.conf import settings
from rest_framework import serializers

from entries import validation
from entries.models import Entry, Topic


class UserTopicField(serializers.PrimaryKeyRelatedField):
    """A topic id that must belong to the requesting user; anything else reads as unknown."""

    default_error_messages = {"does_not_exist": "Unknown topic."}

    def get_queryset(self):
        return Topic.objects.filter(user=self.context["request"].user)


class TopicSerializer(serializers.ModelSerializer):
    # No serializer default: on a PUT without a colour DRF applied it and reset the stored one. A new topic gets
    # the model's default colour.
    colour = serializers.RegexField(r"^#[0-9a-fA-F]{6}$", required=False)

    class Meta:
        model = Topic
        fields = ("id", "name", "colour", "description", "created_at")
        read_only_fields = ("id", "created_at")


class AnalysisSerializer(serializers.Serializer):
    """The analysis of the text as it stands: while an edit's analysis is pending (or after it failed) the
    sentiment, emotions and dominant emotion are empty, not the previous text's, as on the entry page."""

    status = serializers.CharField(source="analysis_status")
    error = serializers.CharField(source="analysis_error")
    analysed_at = serializers.DateTimeField(allow_null=True)
    sentiment = serializers.SerializerMethodField()
    emotions = serializers.SerializerMethodField()
    dominant_emotion = serializers.SerializerMethodField()
    crisis = serializers.SerializerMethodField()
    model_versions = serializers.DictField()

    def get_sentiment(self, entry) -> dict | None:
        if entry.sentiment_score is None or not entry.is_analysed:
            return None
        return {"label": entry.sentiment_label, "score": entry.sentiment_score}

    def get_emotions(self, entry) -> dict[str, float]:
        return dict(entry.emotions or {}) if entry.is_analysed else {}

    def get_dominant_emotion(self, entry) -> str:
        return entry.dominant_emotion if entry.is_analysed else ""

    def get_crisis(self, entry) -> dict:
        return {"flagged": entry.crisis_flagged, "level": entry.crisis_level or "none", "reasons": entry.crisis_reasons}


class TextField(serializers.CharField):
    """Line breaks become "\n" before the length is checked: "\r\n" counted every line break twice."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        return validation.unified_newlines(value)


class EntrySerializer(serializers.ModelSerializer):
    title = serializers.CharField(max_length=settings.ENTRY_TITLE_MAX_CHARS, required=False, allow_blank=True)
    content = TextField(max_length=settings.ENTRY_MAX_CHARS, trim_whitespace=False)
    topic = UserTopicField(required=False, allow_null=True)
    # Checked as the page's form checks them (validation.clean_tags): a leading "#", blanks and repeats are dropped
    # before the 50-character and 30-tag limits apply. The bound here only keeps absurd lists out.
    tags = serializers.ListField(
        child=serializers.CharField(allow_blank=True, max_length=200), required=False, max_length=200
    )
    entry_date = serializers.DateField(required=False)
    analysis = AnalysisSerializer(source="*", read_only=True)

    class Meta:
        model = Entry
        fields = (
            "id", "title", "content", "mood", "topic", "tags", "is_favourite", "entry_date", "word_count",
            "created_at", "updated_at", "deleted_at", "analysis",
        )  # fmt: skip
        read_only_fields = ("id", "word_count", "created_at", "updated_at", "deleted_at")

    def validate_content(self, value):
        return self._django(validation.clean_content, value)

    def validate_tags(self, value):
        return self._django(validation.clean_tags, value)

    @staticmethod
    def _django(fn, value):
        try:
            return fn(value)
        except validation.ValidationError as exc:
            raise serializers.ValidationError(list(exc.message_dict.values())[0]) from exc

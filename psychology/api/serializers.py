from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from psychology.instruments import INSTRUMENTS
from psychology.models import AssessmentResult, CrisisResource, Technique, Verdict


class TechniqueSerializer(serializers.ModelSerializer):
    family_label = serializers.CharField(source="get_family_display", read_only=True)
    page = serializers.SerializerMethodField()

    class Meta:
        model = Technique
        fields = (
            "slug", "name", "family", "family_label", "summary", "when_it_helps", "emotions", "steps",
            "duration_minutes", "sources", "page",
        )  # fmt: skip

    def get_page(self, obj) -> str:
        return reverse("psychology:technique", args=[obj.slug])


class TechniqueBriefSerializer(TechniqueSerializer):
    class Meta(TechniqueSerializer.Meta):
        fields = ("slug", "name", "family", "family_label", "summary", "duration_minutes", "page")


class CrisisResourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = CrisisResource
        fields = ("country", "name", "phone", "text", "whatsapp", "url", "emergency", "hours", "notes", "alternatives")


class SuggestionSerializer(serializers.Serializer):
    technique = TechniqueBriefSerializer()
    score = serializers.FloatField()
    why = serializers.CharField(help_text="Why this was suggested, in plain words.")
    reasons = serializers.ListField(child=serializers.CharField())
    feedback = serializers.CharField(source="verdict", allow_blank=True, help_text="helpful, dismissed or blank.")


class TrapHitSerializer(serializers.Serializer):
    slug = serializers.CharField(source="trap.slug")
    name = serializers.CharField(source="trap.name")
    description = serializers.CharField(source="trap.description")
    sentences = serializers.ListField(child=serializers.CharField(), help_text="The sentences that matched, quoted.")
    reframe = serializers.ListField(source="trap.reframe", child=serializers.CharField())


class EntrySupportSerializer(serializers.Serializer):
    entry = serializers.IntegerField()
    status = serializers.ChoiceField(
        choices=["pending", "crisis", "ready"],
        help_text="pending: not analysed yet; crisis: only crisis resources are returned; ready: suggestions.",
    )
    suggestions = SuggestionSerializer(many=True)
    thinking_traps = TrapHitSerializer(many=True, source="traps")
    crisis_resources = CrisisResourceSerializer(many=True, source="resources")


class FeedbackInputSerializer(serializers.Serializer):
    technique = serializers.SlugField(help_text="Slug of a suggested technique.")
    verdict = serializers.ChoiceField(choices=Verdict.choices)


class FeedbackSerializer(serializers.Serializer):
    entry = serializers.IntegerField(source="entry_id")
    technique = serializers.CharField(source="technique.slug")
    verdict = serializers.CharField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class PromptSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["lookback", "topic", "tag", "emotion", "general"])
    text = serializers.CharField()
    entry_id = serializers.IntegerField(allow_null=True)
    entry_date = serializers.DateField(allow_null=True)


class AssessmentInputSerializer(serializers.Serializer):
    instrument = serializers.CharField(help_text=f"One of {', '.join(INSTRUMENTS)}.")
    answers = serializers.ListField(
        child=serializers.JSONField(), help_text="One integer per item, in order (PHQ-9/GAD-7: 0-3; WHO-5: 0-5)."
    )


class AssessmentResultSerializer(serializers.ModelSerializer):
    instrument_name = serializers.CharField(source="definition.name", read_only=True)
    max_score = serializers.IntegerField(source="definition.max_score", read_only=True)
    band_label = serializers.CharField(read_only=True)
    suggests_professional = serializers.BooleanField(read_only=True)
    shows_crisis_resources = serializers.BooleanField(read_only=True)
    crisis_resources = serializers.SerializerMethodField(
        help_text="Crisis lines for your country whenever shows_crisis_resources is true (every read, not only the "
        "first), else empty."
    )

    class Meta:
        model = AssessmentResult
        fields = (
            "id", "instrument", "instrument_name", "answers", "score", "max_score", "band", "band_label",
            "suggests_professional", "shows_crisis_resources", "crisis_resources", "created_at",
        )  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(CrisisResourceSerializer(many=True))
    def get_crisis_resources(self, result) -> list:
        if not result.shows_crisis_resources:
            return []
        found = self.context.setdefault("crisis_resources", {})  # shared by a page's results: one lookup
        if "lines" not in found:
            from psychology import selectors

            request = self.context.get("request")
            country = request.user.country if request is not None else result.user.country
            found["lines"] = CrisisResourceSerializer(selectors.crisis_resources_for(country), many=True).data
        return found["lines"]

from django.contrib import admin

from .models import Entry, Topic

ANALYSIS_FIELDS = (
    "analysis_status", "analysis_error", "analysis_requested_at", "analysed_at", "analysis_attempts",
    "content_version", "analysed_version", "model_versions", "sentiment_label", "sentiment_score", "emotions",
    "dominant_emotion", "crisis_flagged", "crisis_level", "crisis_reasons",
)  # fmt: skip


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "user",
        "entry_date",
        "mood",
        "topic",
        "analysis_status",
        "sentiment_label",
        "deleted_at",
    )
    list_filter = ("analysis_status", "sentiment_label", "dominant_emotion", "mood", "is_favourite", "crisis_flagged")
    search_fields = ("title", "content", "user__username")
    date_hierarchy = "entry_date"
    raw_id_fields = ("user", "topic")
    readonly_fields = ("word_count", "created_at", "updated_at", *ANALYSIS_FIELDS)
    exclude = ("embedding",)
    list_select_related = ("user", "topic")


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "colour", "created_at")
    search_fields = ("name", "user__username")
    raw_id_fields = ("user",)

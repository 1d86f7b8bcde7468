"""Entries in the admin: an operator's view of the analysis pipeline, not a reader's.

What people write stays theirs (the privacy page, the crisis panel's promise): no titles, text, tags, emotions or
crisis reasons here, no search inside entries, and no edits (an edit outside entries.services would leave the
analysis describing the old text). An operator sees who, when, how long and where the analysis stands, and can
send entries to be analysed again.
"""

from django.contrib import admin, messages

from ml_models.dispatch import enqueue_in_batches

from .analysis import request_reanalysis
from .models import Entry, Topic

OPERATIONAL_FIELDS = (
    "id", "user", "entry_date", "created_at", "updated_at", "deleted_at", "word_count", "analysis_status",
    "analysis_error", "analysis_requested_at", "analysed_at", "analysis_attempts", "content_version",
    "analysed_version", "model_versions",
)  # fmt: skip


class _ById:
    """What an admin's row checkbox names: the id, not str(obj) (an entry's title or first line, a topic's name)."""

    def __init__(self, pk):
        self.pk = pk

    def __str__(self) -> str:
        return f"#{self.pk}"


class ViewOnlyAdmin(admin.ModelAdmin):
    def action_checkbox(self, obj):
        return super().action_checkbox(_ById(obj.pk))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # people delete their own entries; an account goes whole (accounts.portability.delete)


@admin.register(Entry)
class EntryAdmin(ViewOnlyAdmin):
    list_display = ("id", "user", "entry_date", "word_count", "analysis_status", "analysis_attempts", "deleted_at")
    list_filter = ("analysis_status",)
    search_fields = ("=user__username",)  # exact: no scan of anyone's text
    fields = OPERATIONAL_FIELDS
    readonly_fields = OPERATIONAL_FIELDS
    list_select_related = ("user",)
    show_full_result_count = False  # one COUNT over a large table, not two
    actions = ["analyse_again"]

    def get_queryset(self, request):
        return super().get_queryset(request).only(*OPERATIONAL_FIELDS, "user__username")

    @admin.action(description="Analyse the selected entries again", permissions=["view"])
    def analyse_again(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        request_reanalysis(entry_ids=ids)
        note = "" if enqueue_in_batches(ids) else " The broker is unreachable: the periodic sweep will send them."
        messages.success(request, f"{len(ids)} entries will be analysed again.{note}")


@admin.register(Topic)
class TopicAdmin(ViewOnlyAdmin):
    """Topic names are the writer's own words: counted, not shown."""

    list_display = ("id", "user", "created_at")
    list_display_links = None
    search_fields = ("=user__username",)
    list_select_related = ("user",)

    def has_view_permission(self, request, obj=None):
        return obj is None and super().has_view_permission(request)  # the list only: a topic's page is its name

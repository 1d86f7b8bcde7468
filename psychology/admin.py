"""Admin for the knowledge base only. Users' assessments and feedback are private and deliberately not listed."""

from django.contrib import admin
from django.db import transaction

from .models import CrisisResource, Technique, ThinkingTrap
from .tasks import enqueue_embedding


@admin.register(Technique)
class TechniqueAdmin(admin.ModelAdmin):
    list_display = ("name", "family", "duration_minutes", "is_active", "has_embedding", "updated_at")
    list_filter = ("family", "is_active", "duration_minutes")
    search_fields = ("name", "slug", "summary", "when_it_helps")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("embedded_text", "updated_at")
    exclude = ("embedding",)

    @admin.display(boolean=True, description="Embedded")
    def has_embedding(self, obj: Technique) -> bool:
        return obj.embedding_is_current

    def save_model(self, request, obj, form, change):
        if not obj.embedding_is_current:
            obj.embedding = None  # matching falls back to emotions until a worker embeds the new text, not the old
        super().save_model(request, obj, form, change)
        # The web process never loads a model: a worker re-embeds the edited text after the commit.
        if not obj.embedding_is_current:
            transaction.on_commit(lambda: enqueue_embedding([obj.pk]))


@admin.register(ThinkingTrap)
class ThinkingTrapAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(CrisisResource)
class CrisisResourceAdmin(admin.ModelAdmin):
    list_display = ("__str__", "country", "phone", "text", "whatsapp", "hours", "is_active", "last_verified")
    list_filter = ("is_active", "hours", "last_verified")
    search_fields = ("country", "name", "notes", "url")
    list_editable = ("is_active",)

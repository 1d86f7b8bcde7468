from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction

from entries.services import follow_language

from .models import User
from .portability.delete import delete_account


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (
        ("Journal", {"fields": ("display_name", "timezone", "language", "country", "preferences")}),
    )
    list_display = ("username", "email", "display_name", "timezone", "is_staff", "date_joined")
    list_filter = BaseUserAdmin.list_filter + ("timezone",)
    search_fields = ("username", "email", "display_name")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "language" in form.changed_data:
            # Search re-indexes the journal in the new language, as after the user's own change; after the commit,
            # or a quick worker would still read the old language.
            transaction.on_commit(lambda: follow_language(obj))

    def get_deleted_objects(self, objs, request):
        """The confirmation names the accounts only: listing their entries would print people's first lines."""
        perms_needed = set() if self.has_delete_permission(request) else {"user"}
        return [str(user) for user in objs], {"accounts": len(objs)}, perms_needed, []

    def delete_model(self, request, obj):
        delete_account(user=obj)  # sessions, cache keys and tokens too, as when people delete their own account

    def delete_queryset(self, request, queryset):
        for user in queryset:
            delete_account(user=user)
        messages.info(request, "Each account was deleted with everything in it, sessions and cached data included.")

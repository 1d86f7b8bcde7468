from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (
        ("Journal", {"fields": ("display_name", "timezone", "language", "country", "preferences")}),
    )
    list_display = ("username", "email", "display_name", "timezone", "is_staff", "date_joined")
    list_filter = BaseUserAdmin.list_filter + ("timezone",)
    search_fields = ("username", "email", "display_name")

"""Pages of this area. Owned by its feature; wired into journaling/urls.py."""

from django.urls import path  # noqa: F401

app_name = "insights"

urlpatterns: list = []

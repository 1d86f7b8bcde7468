from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"

    def ready(self):
        from . import signals  # noqa: F401 - connects the cache invalidation receivers

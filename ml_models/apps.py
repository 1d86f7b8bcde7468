from django.apps import AppConfig


class MlModelsConfig(AppConfig):
    name = "ml_models"
    verbose_name = "ML models"

    def ready(self):
        from . import signals  # noqa: F401

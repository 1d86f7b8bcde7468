from django.apps import AppConfig


class PsychologyConfig(AppConfig):
    name = "psychology"

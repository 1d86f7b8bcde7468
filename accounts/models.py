import zoneinfo

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"Unknown time zone {value!r}; use an IANA name such as Europe/London.")


class User(AbstractUser):
    email = models.EmailField(blank=True)
    display_name = models.CharField(max_length=100, blank=True)
    timezone = models.CharField(max_length=64, default="UTC", validators=[validate_timezone])
    language = models.CharField(max_length=10, default="en")
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166 code, for crisis resources.")
    preferences = models.JSONField(default=dict, blank=True)

    @property
    def name(self) -> str:
        return self.display_name or self.username

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

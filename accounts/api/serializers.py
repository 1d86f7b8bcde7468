import json

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from accounts.countries import normalise_country
from accounts.models import User

PREFERENCES_MAX_CHARS = 16_000


class MeSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ("id", "username", "email", "display_name", "timezone", "language", "country", "preferences")
        read_only_fields = ("id", "username")

    def validate_country(self, value):
        try:
            return normalise_country(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc

    def validate_preferences(self, value):
        if not isinstance(value, dict):
            raise serializers.ValidationError("Preferences must be a JSON object.")
        if _holds_nul(value):  # PostgreSQL's jsonb cannot store a NUL character, in a key or a value
            raise serializers.ValidationError("Preferences cannot contain NUL characters.")
        if len(json.dumps(value)) > PREFERENCES_MAX_CHARS:
            raise serializers.ValidationError(f"Preferences are limited to {PREFERENCES_MAX_CHARS} characters of JSON.")
        return value


def _holds_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    return isinstance(value, list) and any(map(_holds_nul, value))

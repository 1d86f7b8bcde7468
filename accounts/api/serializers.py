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
        depth, nul = _shape(value)
        if depth > PREFERENCES_MAX_DEPTH:  # checked first: deeper values would exhaust the stack further on
            raise serializers.ValidationError(f"Preferences can nest at most {PREFERENCES_MAX_DEPTH} levels deep.")
        if nul:  # PostgreSQL's jsonb cannot store a NUL character, in a key or a value
            raise serializers.ValidationError("Preferences cannot contain NUL characters.")
        if len(json.dumps(value)) > PREFERENCES_MAX_CHARS:
            raise serializers.ValidationError(f"Preferences are limited to {PREFERENCES_MAX_CHARS} characters of JSON.")
        return value


PREFERENCES_MAX_DEPTH = 20


def _shape(value) -> tuple[int, bool]:
    """(nesting depth, whether any key or string holds a NUL), walked without recursion: a body nested a few
    hundred levels deep parses, and a recursive walk ran out of stack on it (a 500)."""
    depth, nul, stack = 0, False, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, str):
            nul = nul or "\x00" in item
        elif isinstance(item, dict | list):
            depth = max(depth, level)
            if depth > PREFERENCES_MAX_DEPTH:
                return depth, nul
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return depth, nul

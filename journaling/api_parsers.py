"""The API's JSON parser: DRF's, plus three inputs it lets through as a 500 later turned into a 400 here."""

import json

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """Rejects nesting deeper than Python's recursion limit (DRF catches only ValueError), unpaired surrogates
    ("\\ud800"), which are not text: PostgreSQL, Redis keys and the password hashers all fail on them, and numbers
    too large for a float (1e400 reads as infinity, which an id lookup turns into an OverflowError)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - nested too deeply.") from None
        try:
            json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ParseError("JSON parse error - unpaired surrogate in a string.") from None
        except ValueError:
            raise ParseError("JSON parse error - a number is too large (numbers must be finite).") from None
        return data

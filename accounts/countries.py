"""Country codes for a user's crisis resources: ISO 3166-1 alpha-2, read from the tzdata package's iso3166.tab."""

import functools
from importlib import resources

from django.core.exceptions import ValidationError

# What people type for their country that is not its ISO code.
ALIASES = {"UK": "GB", "EL": "GR"}


@functools.cache
def country_names() -> dict[str, str]:
    """ISO code -> English name, for every country and territory tzdata lists."""
    text = resources.files("tzdata").joinpath("zoneinfo", "iso3166.tab").read_text(encoding="utf-8")
    rows = (line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))
    return {code: name.strip() for code, name in rows}


def normalise_country(value) -> str:
    """The ISO code for what was entered ("gb", " UK " -> "GB"); blank stays blank (the international default)."""
    code = str(value or "").strip().upper()
    code = ALIASES.get(code, code)
    if code and code not in country_names():
        raise ValidationError("Use a two-letter country code such as GB, US, DE or IN (ISO 3166).")
    return code

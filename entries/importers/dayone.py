"""Day One: the JSON export (a zip holding one Journal.json per journal, or a bare .json file).

Each item of `entries[]` has `uuid`, `creationDate` (UTC), `timeZone` (IANA), `text` (Markdown in which Day One
backslash-escapes most punctuation), `tags`, `starred`, and optionally `location` and `weather`. Photos, audio
and video are not imported: their `![](dayone-moment://...)` references become notes under the text.
"""

import re

from .base import ImportedEntry, Skipped, clean_tags, parse_iso_datetime, stable_id, timezone_or
from .jsonstream import parse_entries_array

SOURCE = "dayone"
_MEDIA = re.compile(r"!\[[^\]\n]*\]\((dayone-moment:[^)\s]*)\)")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
# Escapes that still mean something in Markdown stay escaped, so "\*not emphasis\*" keeps its meaning.
_MEANINGFUL = set("\\`*_[]<>|")
_BLANK_RUNS = re.compile(r"\n{3,}")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")


def parse(source, *, default_tz):
    yield from parse_entries_array(source, _entry, default_tz=default_tz)


def _entry(raw, *, where: str, default_tz):
    if not isinstance(raw, dict):
        return Skipped(where, "not a Day One entry (expected an object)")
    tz = timezone_or(raw.get("timeZone"), default_tz)
    created = parse_iso_datetime(raw.get("creationDate"), default_tz)
    if created is None:
        return Skipped(where, "missing or unreadable creationDate")
    text = raw.get("text") if isinstance(raw.get("text"), str) else ""
    notes = [f"Attachment not imported: {ref}" for ref in _MEDIA.findall(text)]
    text = _BLANK_RUNS.sub("\n\n", unescape(_MEDIA.sub("", text))).strip()
    title, text = _split_heading(text)
    notes += _place_and_weather(raw)
    if not text and not title and not notes:
        return Skipped(where, "no text")
    uuid = raw.get("uuid")
    source_id = str(uuid) if isinstance(uuid, str | int) and str(uuid) else stable_id(raw.get("creationDate"), text)
    return ImportedEntry(
        source=SOURCE,
        source_id=source_id,
        title=title,
        content=text or title,
        entry_date=created.astimezone(tz).date(),
        created_at=created,
        tags=clean_tags(raw.get("tags") or []),
        is_favourite=raw.get("starred") is True,
        notes=notes,
        where=where,
    )


def unescape(text: str) -> str:
    """Undo Day One's backslash escapes where they mean nothing in Markdown ("Hi\\!" -> "Hi!")."""

    def replace(match: re.Match) -> str:
        char = match[1]
        if char in _MEANINGFUL:
            return match[0]
        before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        if not before.strip() and char in "#-+=":  # would start a heading or a list item
            return match[0]
        if char in ".)" and before.strip().isdigit():  # "1\." would become an ordered list
            return match[0]
        return char

    return _ESCAPED.sub(replace, text)


def _split_heading(text: str) -> tuple[str, str]:
    """Day One has no title field; a first line written as a heading is the title."""
    first, _, rest = text.partition("\n")
    match = _HEADING.match(first)
    if not match:
        return "", text
    return match[1].strip(), rest.strip()


def _place_and_weather(raw: dict) -> list[str]:
    notes = []
    location = raw.get("location")
    if isinstance(location, dict):
        parts = [location.get(k) for k in ("placeName", "localityName", "administrativeArea", "country")]
        names = list(dict.fromkeys(p for p in parts if isinstance(p, str) and p.strip()))
        lat, lon = location.get("latitude"), location.get("longitude")
        if names:
            notes.append("Location: " + ", ".join(names))
        elif isinstance(lat, int | float) and isinstance(lon, int | float):
            notes.append(f"Location: {lat:.5f}, {lon:.5f}")
    weather = raw.get("weather")
    if isinstance(weather, dict):
        parts = []
        if isinstance(weather.get("conditionsDescription"), str):
            parts.append(weather["conditionsDescription"])
        if isinstance(weather.get("temperatureCelsius"), int | float):
            parts.append(f"{weather['temperatureCelsius']:.0f} °C")
        if parts:
            notes.append("Weather: " + ", ".join(parts))
    return notes

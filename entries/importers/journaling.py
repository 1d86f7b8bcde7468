"""Our own export (schema "journaling.export/1", see accounts/portability/SCHEMA.md): the zip or its entries.json.

Restores entries exactly: title, text, day, creation time, mood, tags, star, topic (with its colour and
description) and trash state. An entry's id is "<exporting user id>:<entry id>", so importing a second export
from the same account skips what the first one brought in.
"""

from .base import (
    ImportedEntry,
    ImportedTopic,
    Skipped,
    UnreadableFile,
    parse_iso_date,
    parse_iso_datetime,
    reading,
)
from .jsonstream import iter_top_level

SOURCE = "journaling"
SCHEMA_PREFIX = "journaling.export/"
SUPPORTED_VERSIONS = {"1"}


def parse(source, *, default_tz):
    docs = source.documents(names=("entries.json",)) if source.is_bundle else source.documents()
    if not docs:
        raise UnreadableFile("No entries.json in this archive; is it a Journaling export?")
    for doc in docs:
        state = {"schema": None, "user_id": "?", "number": 0}
        with reading(doc.name), source.open_text(doc) as text:
            for key, value in iter_top_level(text, name=doc.name, stream_keys={"topics", "entries"}):
                yield from _member(key, value, state, doc.name, default_tz)


def _member(key, value, state: dict, name: str, default_tz):
    if key == "schema":
        version = value.removeprefix(SCHEMA_PREFIX) if isinstance(value, str) else None
        if not isinstance(value, str) or not value.startswith(SCHEMA_PREFIX) or version not in SUPPORTED_VERSIONS:
            raise UnreadableFile(f"{name} has schema {value!r}; this version reads {SCHEMA_PREFIX}1.")
        state["schema"] = value
        return
    if key in ("topics", "entries") and state["schema"] is None:
        raise UnreadableFile(f'{name} has no "schema" before its {key}; is it a Journaling export?')
    if key == "user" and isinstance(value, dict):
        state["user_id"] = str(value.get("id", "?"))
    elif key == "topics" and isinstance(value, dict) and isinstance(value.get("name"), str):
        yield ImportedTopic(
            name=value["name"], colour=str(value.get("colour") or ""), description=str(value.get("description") or "")
        )
    elif key == "entries":
        state["number"] += 1
        yield _entry(value, state["user_id"], f"{name}, entry {state['number']}", default_tz)


def _entry(raw, user_id: str, where: str, default_tz):
    if not isinstance(raw, dict):
        return Skipped(where, "not an entry (expected an object)")
    day = parse_iso_date(raw.get("entry_date"))
    if day is None:
        return Skipped(where, "missing or unreadable entry_date")
    if "id" not in raw:
        return Skipped(where, "no id")
    mood = raw.get("mood")
    return ImportedEntry(
        source=SOURCE,
        source_id=f"{user_id}:{raw['id']}",
        title=raw.get("title") if isinstance(raw.get("title"), str) else "",
        content=raw.get("content") if isinstance(raw.get("content"), str) else "",
        entry_date=day,
        created_at=parse_iso_datetime(raw.get("created_at"), default_tz),
        tags=[t for t in raw.get("tags") or [] if isinstance(t, str)] if isinstance(raw.get("tags"), list) else [],
        is_favourite=raw.get("is_favourite") is True,
        mood=mood if isinstance(mood, int) and not isinstance(mood, bool) and 1 <= mood <= 5 else None,
        topic=raw["topic"] if isinstance(raw.get("topic"), str) else "",
        deleted_at=parse_iso_datetime(raw.get("deleted_at"), default_tz),
        where=where,
    )

"""Daylio: its CSV export, `full_date,date,weekday,time,mood,activities,note_title,note`.

Moods rad/good/meh/bad/awful become 5..1; a custom mood name is kept as a note. Activities ("a | b") become
tags. Times carry no zone: they are read in the user's. A check-in with no note still becomes an entry (its mood
and activities are the record), worded from them. Rows have no ids, so a row's id is a hash of its values.
"""

import csv
import datetime
import re

from .base import ImportedEntry, Skipped, UnreadableFile, clean_tags, parse_clock, parse_iso_date, reading, stable_id

SOURCE = "daylio"
MOODS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
REQUIRED = ("full_date", "mood")
ROW_IDENTITY = ("full_date", "time", "mood", "activities", "note_title", "note")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def parse(source, *, default_tz):
    for doc in source.documents(suffixes=(".csv",)):
        with reading(doc.name), source.open_text(doc, newline="") as text:
            yield from _rows(csv.DictReader(text), doc.name, default_tz)


def _rows(reader: csv.DictReader, name: str, default_tz):
    try:
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise UnreadableFile(f"{name} is not a readable CSV file ({exc}).") from exc
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise UnreadableFile(f"{name} doesn't look like a Daylio export: no {', '.join(missing)} column.")
    reader.fieldnames = header
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # After a malformed quote or an oversized field the reader can't be trusted to resync.
            raise UnreadableFile(f"{name}, line {reader.line_num}: {exc}; the rest of the file was not read.") from exc
        yield _entry(row, f"{name}, row {reader.line_num}", default_tz)


def _entry(row: dict, where: str, default_tz):
    if None in row:
        return Skipped(where, "more columns than the header")
    values = {k: (v or "").strip() for k, v in row.items()}
    day = parse_iso_date(values["full_date"])
    if day is None:
        return Skipped(where, f"unreadable full_date {values['full_date']!r}")
    clock = parse_clock(values.get("time", "")) if values.get("time") else datetime.time(0)
    mood_name = values["mood"]
    mood = MOODS.get(mood_name.lower())
    activities = [a.strip() for a in values.get("activities", "").split("|") if a.strip()]
    note = _BREAK.sub("\n", values.get("note", "")).strip()
    title = values.get("note_title", "")
    notes = [f"Daylio mood: {mood_name}"] if mood_name and mood is None else []
    if clock is None:  # the day, mood and note are still good: keep them at midnight, as jrnl's importer does
        clock = datetime.time(0)
        notes.append(f"Daylio time: {values['time']}")
    if not note:
        note = _summary(mood_name, activities)
    return ImportedEntry(
        source=SOURCE,
        source_id=stable_id(*(values.get(k, "") for k in ROW_IDENTITY)),
        title=title,
        content=note,
        entry_date=day,
        created_at=datetime.datetime.combine(day, clock, tzinfo=default_tz),
        tags=clean_tags(activities),
        mood=mood,
        notes=notes,
        where=where,
    )


def _summary(mood_name: str, activities: list[str]) -> str:
    text = f"Feeling {mood_name}." if mood_name else "Daylio check-in."
    return f"{text} Activities: {', '.join(activities)}." if activities else text

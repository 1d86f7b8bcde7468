"""jrnl (jrnl.sh): its JSON export and its plain-text journal file.

JSON: {"tags": {...}, "entries": [{"title", "body", "date": "YYYY-MM-DD", "time": "HH:MM", "tags": ["@x"],
"starred": bool}]}. Plain text: entries start with a line "[YYYY-MM-DD HH:MM] Title. Body", a trailing " *" on
that line marks a starred entry, and "@words" are tags. jrnl times carry no zone: they are read in the user's.
jrnl has no entry ids, so an entry's id is a hash of its date, title and body.
"""

import datetime
import re

from .base import ImportedEntry, Skipped, clean_tags, parse_clock, parse_iso_date, reading, stable_id
from .jsonstream import parse_entries_array

SOURCE = "jrnl"
_HEADER = re.compile(r"^\[(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)\] ?(.*)$")
_TAG = re.compile(r"(?<![\w@])@(\w[\w-]*)")
_SENTENCE = re.compile(r"^(.*?[.?!])(?:\s+|$)(.*)$", re.DOTALL)


def parse_json(source, *, default_tz):
    yield from parse_entries_array(source, _json_entry, default_tz=default_tz)


def _json_entry(raw, *, where: str, default_tz):
    if not isinstance(raw, dict):
        return Skipped(where, "not a jrnl entry (expected an object)")
    day = parse_iso_date(raw.get("date"))
    if day is None:
        return Skipped(where, "missing or unreadable date")
    clock = parse_clock(raw.get("time") or "00:00")
    title = raw.get("title") if isinstance(raw.get("title"), str) else ""
    body = raw.get("body") if isinstance(raw.get("body"), str) else ""
    tags = clean_tags(raw.get("tags") or []) or _tags_in(f"{title} {body}")
    return _entry(day, clock, title, body, raw.get("starred") is True, tags, where, default_tz)


def parse_text(source, *, default_tz):
    for doc in source.documents(suffixes=(".txt", ".jrnl")):
        with reading(doc.name), source.open_text(doc) as text:
            yield from _text_entries(text, doc.name, default_tz)


def _text_entries(lines, name: str, default_tz):
    current, stray = None, 0
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        match = _HEADER.match(line)
        if match:
            if current:
                yield _finish(current, default_tz)
            current = {"where": f"{name}, line {number}", "match": match, "body": []}
        elif current is not None:
            current["body"].append(line)
        elif line.strip():
            stray += 1
    if current:
        yield _finish(current, default_tz)
    if stray:
        yield Skipped(f"{name}, before the first entry", f"{stray} line(s) of text with no [date time] line above")


def _finish(current: dict, default_tz):
    date_text, time_text, first_line = current["match"].groups()
    day, clock = parse_iso_date(date_text), parse_clock(time_text)
    if day is None or clock is None or date_text != day.isoformat():
        return Skipped(current["where"], f"unreadable date or time [{date_text} {time_text}]")
    starred = first_line.rstrip().endswith(" *") or first_line.strip() == "*"
    first_line = first_line.rstrip()[:-1].rstrip() if starred else first_line.strip()
    sentence = _SENTENCE.match(first_line)
    title, rest = (sentence[1], sentence[2]) if sentence else (first_line, "")
    body = "\n".join([rest, *current["body"]] if rest else current["body"]).strip("\n").rstrip()
    return _entry(day, clock, title, body, starred, _tags_in(f"{title}\n{body}"), current["where"], default_tz)


def _entry(day, clock, title, body, starred, tags, where, default_tz):
    title = title.strip()
    if not body.strip():
        title, body = "", title  # a one-line entry is all text
    elif title.endswith(".") and not title.endswith(".."):
        title = title[:-1]  # jrnl's title is the first sentence; its full stop isn't part of a heading
    if not body.strip():
        return Skipped(where, "empty entry")
    created = datetime.datetime.combine(day, clock or datetime.time(0), tzinfo=default_tz)
    return ImportedEntry(
        source=SOURCE,
        source_id=stable_id(day, clock, title, body),
        title=title,
        content=body,
        entry_date=day,
        created_at=created,
        tags=tags,
        is_favourite=starred,
        where=where,
    )


def _tags_in(text: str) -> list[str]:
    return clean_tags(_TAG.findall(text))

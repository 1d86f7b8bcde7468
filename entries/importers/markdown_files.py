"""A folder or zip of Markdown files (Obsidian, Bear, our own export), each with optional YAML front matter.

Front matter keys read: title, date, tags, mood (1-5), favourite/starred, topic, id/uuid, created_at and
trashed_at. Without a `date`, a YYYY-MM-DD in the file name is used; a file with neither is skipped (we won't
guess a day). Without a title key, a leading "# Heading" is used, else the file name. A file's id is its
front-matter id, else its path.
"""

import datetime
import re

import yaml

from .base import (
    ImportedEntry,
    Skipped,
    clean_tags,
    parse_iso_date,
    parse_iso_datetime,
    stable_id,
)

SOURCE = "markdown"
SUFFIXES = (".md", ".markdown")
MAX_FILE_BYTES = 1024 * 1024
MAX_FRONT_MATTER_CHARS = 64 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"\A\s{0,3}#\s+(.+?)\s*#*\s*(?:\r?\n|\Z)")
_NAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse(source, *, default_tz):
    for doc in source.documents(suffixes=SUFFIXES):
        if doc.size > MAX_FILE_BYTES:
            yield Skipped(doc.name, f"larger than {MAX_FILE_BYTES // 1024:,} KB; too long for one entry")
            continue
        with source.open_binary(doc) as fh:
            raw = fh.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield Skipped(doc.name, "not UTF-8 text")
            continue
        yield _entry(text, doc.name, default_tz)


def _entry(text: str, name: str, default_tz):
    meta, body = {}, text
    match = _FRONT_MATTER.match(text)
    if match:
        if len(match[1]) > MAX_FRONT_MATTER_CHARS:
            return Skipped(name, "front matter too long")
        try:
            meta = yaml.safe_load(match[1]) or {}
        except yaml.YAMLError as exc:
            return Skipped(name, f"front matter is not valid YAML ({str(exc).splitlines()[0]})")
        except (ValueError, TypeError, RecursionError) as exc:  # PyYAML builds dates: "date: 2023-02-29"
            return Skipped(name, f"front matter holds a value that cannot be read ({str(exc)[:100]})")
        if isinstance(meta, dict):
            body = text[match.end() :]
        else:
            meta = {}  # text between two rules ("---"), not key: value lines: it is all body
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    created = parse_iso_datetime(meta.get("created_at") or meta.get("created"), default_tz)
    entry_date = _date_of(meta.get("date"), stem, created, default_tz)
    if entry_date is None:
        return Skipped(name, "no date: add 'date: YYYY-MM-DD' to the front matter or put it in the file name")
    title = meta.get("title")
    if "title" in meta and (title is None or isinstance(title, str)):
        title = title or ""  # explicit, even empty: our own export writes "title: ''" for an untitled entry
    else:
        heading = _HEADING.match(body)
        if heading:
            title, body = heading[1], body[heading.end() :]
        else:
            title = _NAME_DATE.sub("", stem).strip(" -_")
    body = body.strip("\n").rstrip()
    if not body.strip():
        return Skipped(name, "no text besides the front matter")
    mood = meta.get("mood")
    ident = meta.get("id") or meta.get("uuid")
    source_id = str(ident) if isinstance(ident, str | int) and str(ident) else name
    source_id = source_id if len(source_id) <= 200 else stable_id(source_id)
    legacy_id = ""
    raw_created = meta.get("created_at") or meta.get("created")
    if source_id != name and raw_created:
        # Ids are numbered per installation (two servers' notes both say "id: 1"): the creation time, as written
        # (so a change of the reader's time zone does not make it another note), goes into the identity.
        legacy_id, source_id = source_id, stable_id(source_id, str(raw_created))
    return ImportedEntry(
        source=SOURCE,
        source_id=source_id,
        legacy_id=legacy_id,
        title=str(title).strip(),
        content=body,
        entry_date=entry_date,
        created_at=created,
        tags=clean_tags(meta.get("tags") or []),
        is_favourite=any(meta.get(k) is True for k in ("favourite", "favorite", "starred", "is_favourite")),
        mood=mood if isinstance(mood, int) and not isinstance(mood, bool) and 1 <= mood <= 5 else None,
        topic=meta["topic"].strip() if isinstance(meta.get("topic"), str) else "",
        deleted_at=parse_iso_datetime(meta.get("trashed_at"), default_tz),
        where=name,
    )


def _date_of(value, stem: str, created, default_tz) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()  # the day as written, in the writer's own offset
    if value is not None:
        return parse_iso_date(value) if not isinstance(value, int | float) else None
    match = _NAME_DATE.search(stem)
    if match:
        return parse_iso_date(match[0])
    return created.astimezone(default_tz).date() if created else None

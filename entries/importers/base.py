"""What every importer yields, whatever the source app: entries in one shape, topics, and skips with a reason."""

import contextlib
import datetime
import hashlib
import re
import unicodedata
import zipfile
import zlib
import zoneinfo
from dataclasses import dataclass, field

from entries.validation import MARKS, TAG_CHARS

MAX_TAG_CHARS = 50


@dataclass
class ImportedEntry:
    source: str
    source_id: str
    title: str
    content: str
    entry_date: datetime.date
    created_at: datetime.datetime | None = None
    tags: list[str] = field(default_factory=list)
    is_favourite: bool = False
    mood: int | None = None
    # Facts with no field of their own (a place, the weather, a photo we can't store): appended to the text.
    notes: list[str] = field(default_factory=list)
    topic: str = ""
    deleted_at: datetime.datetime | None = None
    where: str = ""
    # The id versions before 2026-11-30 remembered this entry by, where it differs (a Markdown note's bare "id:").
    legacy_id: str = ""

    def full_content(self) -> str:
        if not self.notes:
            return self.content
        notes = "\n".join(f"- {note}" for note in self.notes)
        return f"{self.content.rstrip()}\n\n---\n\n{notes}" if self.content.strip() else notes


@dataclass
class ImportedTopic:
    name: str
    colour: str = ""
    description: str = ""


@dataclass
class Skipped:
    where: str
    reason: str


class UnreadableFile(Exception):
    """The file (or the rest of it) can't be read; the message is shown to the person importing."""


def stable_id(*parts) -> str:
    """An id for sources that have none: the same record always hashes to the same id."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:40]


def timezone_or(name, default: datetime.tzinfo) -> datetime.tzinfo:
    if isinstance(name, str) and name:
        with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(name)
    return default


def parse_iso_datetime(value, default_tz: datetime.tzinfo) -> datetime.datetime | None:
    """ISO 8601 text to an aware datetime; a naive one is read in default_tz."""
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, str) and value.strip():
        try:
            moment = datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=default_tz)


def parse_iso_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return datetime.date.fromisoformat(value.strip()[:10])
    return None


def parse_clock(value: str) -> datetime.time | None:
    """'21:05', '9:05 pm', '09:05:30 AM' -> a time."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?\s*", value or "")
    if not match:
        return None
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if match[4]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[4].lower() == "pm" else 0)
    try:
        return datetime.time(hour, minute, second)
    except ValueError:
        return None


def clean_tag(raw) -> str:
    """Fit a foreign tag to our rules (letters, digits, spaces, dashes) instead of dropping it."""
    if not isinstance(raw, str):
        return ""
    tag = unicodedata.normalize("NFC", raw).strip().lstrip("#@").lower()
    tag = re.sub(rf"[^{TAG_CHARS}]+", " ", tag)
    # A tag begins with a letter or digit: not a space, a dash, or a mark with no letter before it ("#-\u0301abc").
    tag = re.sub(r"\s+", " ", tag)
    tag = re.sub(rf"^[{MARKS}\- ]+", "", tag).rstrip(" -")
    return tag[:MAX_TAG_CHARS].rstrip(" -")


def clean_tags(raw_tags) -> list[str]:
    if isinstance(raw_tags, str):
        raw_tags = raw_tags.split(",")
    if not isinstance(raw_tags, list | tuple):
        return []
    tags: list[str] = []
    for raw in raw_tags:
        tag = clean_tag(raw)
        if tag and tag not in tags:
            tags.append(tag)
    return tags


@contextlib.contextmanager
def reading(name: str):
    """Turn low-level read faults into one clear message naming the file."""
    try:
        yield
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"{name} is not UTF-8 text; export it again as UTF-8.") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UnreadableFile(f"{name} is damaged inside the archive ({exc}).") from exc
    except RuntimeError as exc:
        if "encrypted" not in str(exc):  # zipfile's "File ... is encrypted, password required"; nothing else
            raise
        raise UnreadableFile(f"{name} is password-protected; export it again without a password.") from exc

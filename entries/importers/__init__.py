"""Parsers of other journaling apps' exports. Each yields ImportedEntry, ImportedTopic or Skipped items;
entries.importing turns them into entries. Nothing here touches the database."""

from . import daylio, dayone, journaling, jrnl, markdown_files
from .archive import MAX_UPLOAD_BYTES, Progress, Source
from .base import ImportedEntry, ImportedTopic, Skipped, UnreadableFile
from .detect import detect_format

FORMATS = {
    "dayone": ("Day One (zip or JSON export)", dayone.parse),
    "jrnl-json": ("jrnl (JSON export)", jrnl.parse_json),
    "jrnl-text": ("jrnl (plain-text journal)", jrnl.parse_text),
    "daylio": ("Daylio (CSV export)", daylio.parse),
    "markdown": ("Markdown files (zip or folder, optional YAML front matter)", markdown_files.parse),
    "journaling": ("Journaling (our own export zip or entries.json)", journaling.parse),
}
FORMAT_CHOICES = [("auto", "Detect automatically"), *((key, label) for key, (label, _) in FORMATS.items())]

__all__ = [
    "FORMATS",
    "FORMAT_CHOICES",
    "MAX_UPLOAD_BYTES",
    "ImportedEntry",
    "ImportedTopic",
    "Progress",
    "Skipped",
    "Source",
    "UnreadableFile",
    "detect_format",
    "parse",
]


def parse(source: Source, fmt: str, *, default_tz):
    """Iterate the items of `source` read as `fmt` ("auto" detects it first)."""
    if fmt == "auto":
        fmt = detect_format(source)
    _, parser = FORMATS[fmt]
    return fmt, parser(source, default_tz=default_tz)

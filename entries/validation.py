"""Field rules shared by the services, the forms and the API serializers."""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError


def _mark_ranges() -> str:
    """Combining marks (Unicode category M) of the Basic Multilingual Plane, as a regex class body. Python's \\w
    has none of them, so it cut Hindi, Tamil or Bengali words apart at every vowel sign: "हिंदी" was not a word."""
    ranges, start, previous = [], None, None
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if start is None:
                start = code
            previous = code
        elif start is not None:
            ranges.append(f"\\u{start:04x}-\\u{previous:04x}")
            start = None
    return "".join(ranges)


MARKS = _mark_ranges()
WORD_CHAR = rf"[\w{MARKS}]"
TAG_CHARS = rf"\w{MARKS}\- "  # a tag's characters, as a class body: letters with their marks, digits, dashes, spaces
TAG_RE = re.compile(rf"^\w[{TAG_CHARS}]{{0,49}}$")
MAX_TAGS = 30


_UNSTORABLE = re.compile("[\ud800-\udfff]")  # unpaired surrogates ("\\ud83d" in JSON: half an emoji)


# Control characters other than tab and line breaks: NUL can't be stored, and the rest are no part of a journal
# (search snippets use \x02 and \x03 as their highlight markers). Separators (vertical tab, form feed: Word's and
# FileMaker's line and page breaks; file, group and record separators) become line breaks, the rest spaces, so
# words stay apart.
_SEPARATORS = re.compile("[\x0b\x0c\x1c-\x1e]")
_CONTROL = re.compile("[\x01-\x08\x0e-\x1b\x1f\x7f]")


def storable(text: str) -> str:
    """Text PostgreSQL can store: NUL removed, other control characters made line breaks or spaces, an unpaired
    surrogate replaced by U+FFFD (the replacement mark)."""
    text = _CONTROL.sub(" ", _SEPARATORS.sub("\n", text.replace("\x00", "")))
    return _UNSTORABLE.sub("\ufffd", text)


def clean_content(content) -> str:
    if not isinstance(content, str):
        raise ValidationError({"content": "Content must be text."})
    content = unified_newlines(storable(content))
    if not content.strip():
        raise ValidationError({"content": "Write something first: an entry can't be empty."})
    if len(content) > settings.ENTRY_MAX_CHARS:
        limit = settings.ENTRY_MAX_CHARS
        raise ValidationError(
            {"content": f"Entries are limited to {limit:,} characters (this one has {len(content):,})."}
        )
    return content


def unified_newlines(text: str) -> str:
    """Browsers send a textarea's line breaks as CRLF, API clients and importers mostly as LF: store one kind."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_title(title) -> str:
    title = storable(title or "").strip()
    if len(title) > settings.ENTRY_TITLE_MAX_CHARS:
        raise ValidationError({"title": f"Titles are limited to {settings.ENTRY_TITLE_MAX_CHARS} characters."})
    return title


def clean_tags(tags) -> list[str]:
    if isinstance(tags, str):
        tags = tags.split(",")
    if not isinstance(tags, list | tuple):
        raise ValidationError({"tags": "Tags must be a list of words."})
    cleaned: list[str] = []
    for raw in tags:
        if not isinstance(raw, str):
            raise ValidationError({"tags": "Each tag must be text."})
        tag = unicodedata.normalize("NFC", raw).strip().lstrip("#").lower()
        if not tag:
            continue
        if not TAG_RE.match(tag):
            raise ValidationError({"tags": f"Tag {raw!r} may hold letters, digits, spaces and dashes (max 50)."})
        if tag not in cleaned:
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise ValidationError({"tags": f"At most {MAX_TAGS} tags per entry."})
    return cleaned


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


_WORD = re.compile(rf"{WORD_CHAR}+(?:['’]{WORD_CHAR}+)*")

"""Tell which app an export comes from, by its name and first bytes, when the person didn't say."""

import re

from .base import UnreadableFile

_JRNL_HEADER = re.compile(rb"^\s*\[\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}")


def detect_format(source) -> str:
    names = [n.lower() for n in source.names()]
    if source.is_bundle:
        if any(n.rsplit("/", 1)[-1] == "entries.json" for n in names):
            return "journaling"
        for doc in source.listing():
            kind = _json_kind(source.head(doc)) if doc.name.lower().endswith(".json") else None
            if kind:  # a JSON file of another kind (an app's settings) says nothing: look on
                return kind
        if any(n.endswith((".md", ".markdown")) for n in names):
            return "markdown"
        if any(n.endswith(".csv") for n in names):
            return "daylio"
        if any(n.endswith((".txt", ".jrnl")) for n in names):
            return "jrnl-text"
        return _unknown(source)
    doc = source.listing()[0]
    head = source.head(doc).lstrip(b"\xef\xbb\xbf")
    name = doc.name.lower()
    if name.endswith((".md", ".markdown")):
        return "markdown"
    if name.endswith(".csv") or head.lstrip().lower().startswith(b"full_date"):
        return "daylio"
    if head.lstrip().startswith((b"{", b"[")) and not _JRNL_HEADER.match(head):
        return _json_kind(head) or _unknown(source)
    if _JRNL_HEADER.match(head):
        return "jrnl-text"
    return _unknown(source)


def _json_kind(head: bytes) -> str | None:
    if b'"journaling.export/' in head:
        return "journaling"
    if b'"creationDate"' in head or b'"uuid"' in head:
        return "dayone"
    if b'"body"' in head or b'"starred"' in head:
        return "jrnl-json"
    return None


def _unknown(source):
    raise UnreadableFile(f"Couldn't tell which app {source.display_name} comes from; choose its format and retry.")

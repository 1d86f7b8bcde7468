"""Who an imported entry is: the identity it is remembered by, so that importing a file again adds nothing, and the
entries already here that an item names (records of earlier versions, our own export coming back)."""

import datetime

from entries.importers import ImportedEntry
from entries.importers.base import stable_id


# Our own export's ids are numbered per installation (every server's first user writes entry 1): the creation time
# goes into the identity, so two installations' exports merged into one journal don't take each other for
# duplicates. (A Markdown note's importer does the same with its "id:" and "created:"; other sources' ids, Day
# One's UUIDs or hashes of the text, are unique already.)
def record_id(item: ImportedEntry) -> str:
    """The identity an imported entry is remembered by (ImportRecord.source_id)."""
    if item.source == "journaling" and item.created_at:
        return f"{item.source_id}@{item.created_at.astimezone(datetime.UTC).isoformat()}"
    return item.source_id


def bare_id(item: ImportedEntry) -> str:
    """The id as the source numbers it, without a creation time or a copy's suffix: what versions before
    2026-11-30 recorded, and what our own export's entry ids are."""
    return (item.source_id if item.source == "journaling" else item.legacy_id).split("#", 1)[0]


def one_per_entry(candidates: list[tuple]) -> set[int]:
    """Of the items that name an entry already here (item, entry key, its created_at, its text), those that are
    it: created at the same time (an export without creation times: the id decides). Where a file holds several
    with one identity (a note copied with its front matter and then edited), only the one with the entry's text
    is; the others are new writing."""
    groups: dict[tuple, list[ImportedEntry]] = {}
    texts = {}
    for item, key, created, content in candidates:
        if item.created_at in (None, created):
            groups.setdefault(key, []).append(item)
            texts[key] = (content or "").strip()
    same = set()
    for key, items in groups.items():
        match = next((i for i in items if i.content.strip() == texts[key]), items[0])
        same.add(id(match))
    return same


def digest(item: ImportedEntry) -> str:
    """A fingerprint of the text an item brings (two items with one identity and different words are two notes)."""
    return stable_id(item.title, item.full_content())

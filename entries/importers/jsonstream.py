"""Read a large JSON object one array item at a time, so a 200 MB export never sits in memory whole.

ijson isn't available, so this walks the top level by hand and lets json.JSONDecoder.raw_decode parse each
value from a sliding text buffer. Only the arrays named in `stream_keys` are streamed; every other top-level
value (a "metadata" object, a "tags" summary) is decoded whole. Limit: one value, an array item or a non-streamed
top-level value, may be at most MAX_VALUE_CHARS long; beyond that the file is refused rather than buffered.
"""

import json
from collections.abc import Iterator

from .base import UnreadableFile, reading

CHUNK_CHARS = 256 * 1024
MAX_VALUE_CHARS = 16 * 1024 * 1024
_WHITESPACE = " \t\r\n"
_decoder = json.JSONDecoder()


class _Buffer:
    def __init__(self, stream, name: str):
        self.stream = stream
        self.name = name
        self.text = ""
        self.pos = 0
        self.offset = 0  # characters already dropped from the front, for error positions
        self.eof = False

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(CHUNK_CHARS)
        if not chunk:
            self.eof = True
            return False
        if self.pos > CHUNK_CHARS:  # drop what was consumed before growing
            self.offset += self.pos
            self.text, self.pos = self.text[self.pos :], 0
        self.text += chunk
        return True

    def fail(self, what: str) -> UnreadableFile:
        return UnreadableFile(f"{self.name} is not valid JSON: {what} (character {self.offset + self.pos:,}).")

    def next_char(self) -> str:
        """Skip whitespace and consume one character ('' at the end of the file)."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.text):
                self.pos += 1
                return self.text[self.pos - 1]
            if not self._fill():
                return ""

    def peek(self) -> str:
        char = self.next_char()
        if char:
            self.pos -= 1
        return char

    def value(self):
        self.peek()
        while True:
            try:
                value, end = _decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if len(self.text) - self.pos > MAX_VALUE_CHARS:
                    raise self.fail(f"one value is longer than {MAX_VALUE_CHARS:,} characters") from exc
                if not self._fill():
                    self.pos = max(self.pos, exc.pos)
                    raise self.fail(exc.msg) from exc
                continue
            # A value that ends exactly at the buffer's end may go on (a number cut in two): read more first.
            if end == len(self.text) and not self.eof and self._fill():
                continue
            self.pos = end
            return value

    def expect(self, wanted: str, what: str) -> None:
        char = self.next_char()
        if char != wanted:
            self.pos = max(self.pos - 1, 0)
            raise self.fail(f"expected {what}")


def parse_entries_array(source, build_entry, **kwargs):
    """Yield build_entry(item, where=..., **kwargs) for each item of every .json document's "entries" array.

    A bare top-level array counts as the entries; other top-level members (metadata, tag lists) are passed over.
    """
    for doc in source.documents(suffixes=(".json",)):
        number = 0
        # build_entry runs inside `reading` too, so a read fault it meets is still reported against this file.
        with reading(doc.name), source.open_text(doc) as text:
            for key, raw in iter_top_level(text, name=doc.name, stream_keys={"entries"}):
                if key not in ("entries", None):
                    continue
                number += 1
                yield build_entry(raw, where=f"{doc.name}, entry {number}", **kwargs)


def iter_top_level(stream, *, name: str, stream_keys: set[str]) -> Iterator[tuple[str | None, object]]:
    """Yield (key, value) for each top-level member, and (key, item) for each item of the streamed arrays.

    A top-level array (some tools export a bare list) yields (None, item) for each item.
    """
    buf = _Buffer(stream, name)
    first = buf.next_char()
    if first == "[":
        yield from _array_items(buf, None)
    elif first == "{":
        yield from _object_members(buf, stream_keys)
    else:
        buf.pos = max(buf.pos - 1, 0)
        raise buf.fail("expected an object or an array")
    if buf.next_char():
        buf.pos -= 1
        raise buf.fail("unexpected data after the end")


def _object_members(buf: _Buffer, stream_keys: set[str]):
    if buf.peek() == "}":
        buf.next_char()
        return
    while True:
        if buf.peek() != '"':
            raise buf.fail("expected a key")
        key = buf.value()
        buf.expect(":", "':'")
        if key in stream_keys and buf.peek() == "[":
            buf.next_char()
            yield from _array_items(buf, key)
        else:
            yield key, buf.value()
        separator = buf.next_char()
        if separator == "}":
            return
        if separator != ",":
            buf.pos = max(buf.pos - 1, 0)
            raise buf.fail("expected ',' or '}'")


def _array_items(buf: _Buffer, key):
    if buf.peek() == "]":
        buf.next_char()
        return
    while True:
        yield key, buf.value()
        separator = buf.next_char()
        if separator == "]":
            return
        if separator != ",":
            buf.pos = max(buf.pos - 1, 0)
            raise buf.fail("expected ',' or ']'")

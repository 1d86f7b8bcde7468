"""The file to import seen as named documents: a plain file, a zip archive (checked before use), or a folder (CLI).

Limits, chosen so that a hostile or broken upload costs bounded memory and time:
- an upload is at most MAX_UPLOAD_BYTES (200 MB);
- a zip may hold at most MAX_MEMBERS files and MAX_UNCOMPRESSED_BYTES (1 GiB) once unpacked, going by the sizes
  its directory declares; zipfile never returns more than the declared size, so a lying header can't exceed it;
- a zip member name that is absolute or climbs out with '..' makes the whole archive refused. Nothing is ever
  extracted to disk, but such a name only appears in crafted archives, so we say so instead of guessing.
"""

import io
import os
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .base import UnreadableFile

MAX_UPLOAD_BYTES = 200 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 1024**3
MAX_MEMBERS = 100_000
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


class Progress:
    """Bytes read so far out of the bytes of the documents being imported; reported at most every interval."""

    def __init__(self, callback: Callable[[int, int], None] | None = None, interval: float = 0.5):
        self.callback = callback
        self.interval = interval
        self.done = 0
        self.total = 0
        self._last = 0.0

    def set_total(self, total: int) -> None:
        self.total = total
        self.report()

    def advance(self, nbytes: int) -> None:
        self.done += nbytes
        if self.callback and time.monotonic() - self._last >= self.interval:
            self.report()

    def report(self) -> None:
        self._last = time.monotonic()
        if self.callback:
            self.callback(min(self.done, self.total) if self.total else self.done, self.total)


class _CountingReader(io.RawIOBase):
    def __init__(self, raw, progress: Progress):
        self._raw = raw
        self._progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self._raw.readinto(buffer)
        self._progress.advance(n or 0)
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


@dataclass(frozen=True)
class Document:
    name: str
    size: int


def unsafe_member_name(name: str) -> bool:
    normalised = name.replace("\\", "/")
    parts = PurePosixPath(normalised).parts
    return (
        normalised.startswith("/")
        or "\x00" in name
        or (len(normalised) > 1 and normalised[1] == ":")  # C:/...
        or ".." in parts
    )


def _ignored(name: str) -> bool:
    """Folders, macOS metadata, and hidden files and folders (an Obsidian vault's .obsidian/ settings and .trash/
    of deleted notes), as a folder import skips them."""
    parts = name.replace("\\", "/").split("/")
    return name.endswith("/") or parts[0] == "__MACOSX" or any(p.startswith(".") and p != "." for p in parts)


class Source:
    """One file, archive or folder to import from. Use as a context manager."""

    def __init__(self, path, *, display_name: str = "", progress: Progress | None = None):
        self.path = Path(path)
        self.display_name = display_name or self.path.name
        self.progress = progress or Progress()
        self._zip: zipfile.ZipFile | None = None
        if self.path.is_dir():
            self.kind = "folder"
            self._docs = self._folder_documents()
        elif self._looks_like_zip():
            self.kind = "zip"
            self._docs = self._zip_documents()
        else:
            self.kind = "file"
            self._docs = [Document(self.display_name, self.path.stat().st_size)]

    def __enter__(self) -> "Source":
        return self

    def __exit__(self, *exc) -> None:
        if self._zip is not None:
            self._zip.close()

    @property
    def is_bundle(self) -> bool:
        return self.kind != "file"

    def names(self) -> list[str]:
        return [doc.name for doc in self._docs]

    def listing(self) -> list[Document]:
        """Every document, without choosing any for reading (no progress total)."""
        return list(self._docs)

    def documents(self, *, suffixes: tuple[str, ...] = (), names: tuple[str, ...] = ()) -> list[Document]:
        """The documents an importer will read, chosen by suffix or base name (a plain file is always read).
        Their sizes are the progress total."""
        if self.kind == "file":
            chosen = list(self._docs)
        else:
            chosen = [
                d
                for d in self._docs
                if (suffixes and d.name.lower().endswith(suffixes))
                or (names and d.name.lower().rsplit("/", 1)[-1] in names)
            ]
        self.progress.set_total(sum(d.size for d in chosen))
        return chosen

    def open_binary(self, doc: Document) -> io.BufferedReader:
        return io.BufferedReader(_CountingReader(self._open_raw(doc), self.progress), buffer_size=256 * 1024)

    def open_text(self, doc: Document, *, newline: str | None = None) -> io.TextIOWrapper:
        return io.TextIOWrapper(self.open_binary(doc), encoding="utf-8-sig", errors="strict", newline=newline)

    def head(self, doc: Document, nbytes: int = 64 * 1024) -> bytes:
        """The first bytes of a document, for format detection; not counted as progress."""
        with self._open_raw(doc) as raw:
            return raw.read(nbytes)

    def _open_raw(self, doc: Document):
        if self.kind == "zip":
            try:
                return self._zip.open(doc.name)
            except RuntimeError as exc:
                raise UnreadableFile(f"{doc.name} is password-protected; export it again without a password.") from exc
        if self.kind == "folder":
            return open(self.path / doc.name, "rb")  # noqa: SIM115 - closed by the caller's with block
        return open(self.path, "rb")  # noqa: SIM115 - closed by the caller's with block

    def _looks_like_zip(self) -> bool:
        with open(self.path, "rb") as fh:
            return fh.read(4) in ZIP_MAGIC

    def _zip_documents(self) -> list[Document]:
        try:
            self._zip = zipfile.ZipFile(self.path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise UnreadableFile(f"{self.display_name} is not a readable zip archive ({exc}).") from exc
        if len(infos) > MAX_MEMBERS:
            raise UnreadableFile(f"The archive holds {len(infos):,} files; the limit is {MAX_MEMBERS:,}.")
        for info in infos:
            if unsafe_member_name(info.filename):
                raise UnreadableFile(
                    f"The archive contains an unsafe file name ({info.filename!r}); nothing was imported."
                )
        unpacked = sum(info.file_size for info in infos)
        if unpacked > MAX_UNCOMPRESSED_BYTES:
            raise UnreadableFile(
                f"The archive would unpack to {unpacked / 1024**2:,.0f} MB; the limit is "
                f"{MAX_UNCOMPRESSED_BYTES // 1024**2:,} MB. Split it into smaller archives."
            )
        return [Document(i.filename, i.file_size) for i in infos if not _ignored(i.filename)]

    def _folder_documents(self) -> list[Document]:
        docs = []
        for root, dirs, files in os.walk(self.path, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for filename in sorted(files):
                full = Path(root) / filename
                if full.is_symlink() or filename.startswith("."):
                    continue
                name = full.relative_to(self.path).as_posix()
                docs.append(Document(name, full.stat().st_size))
        return docs

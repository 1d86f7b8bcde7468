"""Refuse an upload over the import limit while it streams in, not after it has filled a temporary file."""

from django.core.files.uploadhandler import FileUploadHandler, StopUpload

from entries.importers import MAX_UPLOAD_BYTES
from entries.importing.services import TOO_LARGE_MESSAGE

# Multipart framing and the other form fields ride on top of the file itself.
FORM_OVERHEAD_BYTES = 64 * 1024

__all__ = ["TOO_LARGE_MESSAGE", "SizeLimitHandler", "declared_too_large", "limit_uploads"]


class SizeLimitHandler(FileUploadHandler):
    def __init__(self, request=None, limit: int | None = None):
        super().__init__(request)
        self.limit = MAX_UPLOAD_BYTES if limit is None else limit
        self.received = 0
        self.exceeded = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.exceeded = True
            raise StopUpload(connection_reset=False)  # the rest of the body is read and dropped
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) builds the file


def declared_too_large(request) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES
    except ValueError:
        return False


def limit_uploads(request) -> SizeLimitHandler:
    """Put the size check first in line; must run before anything reads request.POST or request.FILES."""
    handler = SizeLimitHandler(request)
    request.upload_handlers.insert(0, handler)
    return handler

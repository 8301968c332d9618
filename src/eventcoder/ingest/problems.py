"""Internal signal for a document that cannot be read; turned into a records.IngestError by the reader."""
from __future__ import annotations

from ..records import IngestError

# Reason codes an IngestError may carry (records.IngestError.reason).
REASONS = {
    "empty": "no text",
    "binary": "not a text document",
    "too_large": "over the size limit",
    "encoding": "undecodable bytes",
    "malformed": "a record or document that does not parse",
    "language": "not in an accepted language",
    "not_found": "path does not exist",
    "unreadable": "cannot be opened (permissions, I/O)",
    "fetch": "URL could not be fetched",
}


class Rejected(Exception):
    """Raised inside ingest when a document (or one row of it) must become an IngestError."""

    def __init__(self, reason: str, message: str, line: int | None = None):
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.line = line

    def to_error(self, origin: str, line: int | None = None) -> IngestError:
        return IngestError(origin=origin, reason=self.reason, message=self.message,
                           line=self.line if self.line is not None else line)

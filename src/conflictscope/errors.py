"""The exception tree of conflictscope.

    ConflictscopeError
    ├── InputError        an input could not be read (empty, binary, bad encoding, too big)
    ├── PipelineError     a pipeline was built wrongly (unknown stage, missing layer)
    ├── GazetteerError    the gazetteer index is missing or broken
    ├── StoreError        the event store failed (read-only, full disk, bad URL)
    └── EvaluationError   a gold file is malformed (names the first bad line)
"""

from __future__ import annotations


class ConflictscopeError(Exception):
    """Base class of every error conflictscope raises on purpose."""


class InputError(ConflictscopeError):
    """An input could not be read; the message names the input."""


class PipelineError(ConflictscopeError):
    """A pipeline was assembled from stages that do not fit together."""


class GazetteerError(ConflictscopeError):
    """The gazetteer index is missing, stale or unreadable."""


class StoreError(ConflictscopeError):
    """The event store could not be read or written."""


class EvaluationError(ConflictscopeError):
    """A gold-standard file is malformed."""

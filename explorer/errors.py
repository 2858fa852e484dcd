"""Errors a user can act on.

    ExplorerError
     ├── InputError   a file or argument we cannot use (missing, empty, binary, bad date)
     ├── StoreError   the database cannot be opened or written (locked, corrupt, read-only)
     └── ExportError  an export cannot be written

Anything else escaping the domain code is a bug and is reported as one.
"""


class ExplorerError(Exception):
    """Base of every expected failure; ``str(err)`` is a sentence for the user."""


class InputError(ExplorerError):
    pass


class StoreError(ExplorerError):
    pass


class ExportError(ExplorerError):
    pass

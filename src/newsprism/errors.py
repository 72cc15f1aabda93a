"""The errors newsprism raises: one root, a short tree, messages that say what to do next.

    NewsprismError
    ├── InputError          a file or stream cannot be read as an article
    │   └── EmptyArticleError   readable, but no article body is left after cleaning
    ├── CompareError        the articles cannot be compared (fewer than two, ...)
    ├── GoldSetError        a gold set does not follow GOLD_FORMAT.md
    ├── StoreError          the store cannot do what was asked (not a store, busy, unknown id, ...)
    ├── OutputError         an output file cannot be written (missing or read-only folder, full disk)
    ├── OptionsError        an options record (``GroupOptions``, ``AlignOptions``, ...) given a
    │                       value of the wrong type or out of range (also a ``ValueError``)
    └── MissingDependencyError  an optional extra is not installed

Every message is one line. Messages about a file start with the file's name, so the CLI
can print ``newsprism: error: <message>`` and a user knows where to look.
"""

from __future__ import annotations

import errno
import os


class NewsprismError(Exception):
    """Root of every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """A file or stream that cannot be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # picklable for worker processes
        return (type(self), (self.source, self.problem))


class EmptyArticleError(InputError):
    """The input was read, but no article body is left after cleaning."""


class CompareError(NewsprismError):
    """The given articles cannot be compared.

    ``warnings`` lists what was left out on the way (unreadable files, duplicates), so the
    CLI can name each file before the final error.
    """

    def __init__(self, message: str, warnings: tuple[str, ...] = ()) -> None:
        self.warnings = warnings
        super().__init__(message)


class GoldSetError(NewsprismError):
    """A gold set that does not follow the gold format."""


class StoreError(NewsprismError):
    """The store cannot do what was asked: the file is not a store, it is busy, an id is
    unknown, a search query is malformed. The message names the database file."""


class OptionsError(NewsprismError, ValueError):
    """An options record given a value it cannot use: the wrong type, out of its range, or at
    odds with another field. The message names the record, the field, the value and what is
    allowed, e.g. ``GroupOptions.rescue_floor must be a number from 0 to 1, not 1.5``."""


class MissingDependencyError(NewsprismError):
    """An optional part is not installed; the message names the install command."""


class OutputError(NewsprismError):
    """An output file cannot be written (a missing or read-only folder, a full disk, ...)."""

    @classmethod
    def from_os_error(cls, path: str, exc: OSError) -> OutputError:
        """The one-line error for ``exc``, met while writing ``path``."""
        parent = os.path.dirname(os.path.abspath(path))
        if exc.errno == errno.ENOENT and not os.path.isdir(parent):
            problem = f"cannot write: the folder {parent} does not exist"
        elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            problem = "cannot write: permission denied; choose another -o path"
        elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
            problem = "cannot write: no space left on the device"
        else:
            problem = f"cannot write: {(exc.strerror or str(exc)).lower()}"
        return cls(f"{path}: {problem}")

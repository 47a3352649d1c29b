"""The library's exceptions: one tree, so callers can catch everything with one name.

::

    YantaiPledgesError                 base class of every error this library raises
    ├── InputError(ValueError)         the input cannot be parsed at all
    │   ├── EmptyInputError            empty or whitespace-only text
    │   └── DecodingError              bytes in no supported encoding
    ├── DataFileError                  a bundled or user data file is malformed
    ├── TranslationError               a translation backend failed
    │   └── ModelNotInstalledError     no zh→en model is installed for the backend
    ├── MissingDependencyError(ImportError)   an optional extra is not installed
    └── ExportError(OSError)           a report could not be written
        └── UnsafeOutputError          an output refused before a run: its folder is missing
                                       or read-only, it is an input, or a file of another kind

Text that parses but has no recognisable structure is *not* an error: ``parse`` returns an
``Article`` whose ``warnings`` say what was missing.
"""

from __future__ import annotations

__all__ = [
    "DataFileError",
    "DecodingError",
    "EmptyInputError",
    "ExportError",
    "InputError",
    "MissingDependencyError",
    "ModelNotInstalledError",
    "TranslationError",
    "UnsafeOutputError",
    "YantaiPledgesError",
]


class YantaiPledgesError(Exception):
    """Base class of every exception raised by yantai_pledges."""


class InputError(YantaiPledgesError, ValueError):
    """The input cannot be parsed at all."""


class EmptyInputError(InputError):
    """The input is empty or holds only whitespace."""


class DecodingError(InputError):
    """The input bytes are not in any supported encoding."""


class DataFileError(YantaiPledgesError, ValueError):
    """A data file (bundled or supplied by the user) is malformed."""


class TranslationError(YantaiPledgesError):
    """A translation backend failed."""


class ModelNotInstalledError(TranslationError):
    """The backend needs a zh→en model and none is installed."""


class MissingDependencyError(YantaiPledgesError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""


class ExportError(YantaiPledgesError, OSError):
    """A report could not be written."""


class UnsafeOutputError(ExportError):
    """An output path was refused before anything was parsed (see ``export.preflight``)."""

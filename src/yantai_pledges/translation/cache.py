"""A persistent translation cache: a second run over the same texts does no MT work.

:class:`CachingTranslator` wraps any backend and is a backend itself. Entries live in an
SQLite database (stdlib ``sqlite3``), keyed by the backend's ``name``, its ``model_version``
(model, package version and decoding options, so a new model never serves stale output) and
the SHA-256 of the source text. ``None`` outputs ("no translation") are not stored, so a
later run retries them.

Location, first match wins:

1. the ``path`` argument (``":memory:"`` for a cache that lives only as long as the object);
2. the ``YANTAI_PLEDGES_CACHE`` environment variable (``off``, ``0`` or ``none`` disables it);
3. ``$XDG_CACHE_HOME/yantai_pledges/translations.sqlite3``, ``XDG_CACHE_HOME`` defaulting to
   ``~/.cache``.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType

from ..errors import TranslationError
from .base import Translator

__all__ = ["CACHE_ENV", "CachingTranslator", "default_cache_path", "resolve_cache_path"]

CACHE_ENV = "YANTAI_PLEDGES_CACHE"
MEMORY = ":memory:"
_DISABLED_VALUES = frozenset({"off", "0", "none", "false", "no", "disabled"})
_SQLITE_MAX_PARAMETERS = 900  # below SQLite's historical limit of 999 bound parameters

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    backend TEXT NOT NULL,
    model_version TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    output TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (backend, model_version, source_sha256)
)
"""


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/yantai_pledges/translations.sqlite3`` (``~/.cache`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "yantai_pledges" / "translations.sqlite3"


def resolve_cache_path(path: str | os.PathLike[str] | None = None) -> str | None:
    """The database to open (a file path or ``":memory:"``), or ``None`` when disabled."""
    from_environment = os.environ.get(CACHE_ENV, "").strip() or str(default_cache_path())
    chosen = os.fspath(path) if path is not None else from_environment
    if chosen.lower() in _DISABLED_VALUES:
        return None
    return chosen


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _storable(text: str) -> bool:
    """SQLite stores UTF-8: text with lone surrogates is served uncached instead."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class CachingTranslator:
    """Serve repeated texts from a persistent cache; send only the misses to ``inner``.

    ``hits`` and ``misses`` count texts since creation. Use as a context manager (or call
    :meth:`close`) to close the database.
    """

    def __init__(self, inner: Translator, path: str | os.PathLike[str] | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = resolve_cache_path(path)
        self.hits = 0
        self.misses = 0
        self._connection: sqlite3.Connection | None = None

    @property
    def model_version(self) -> str:
        """The wrapped backend's model version (empty when it has none)."""
        return str(getattr(self.inner, "model_version", ""))

    def _connect(self) -> sqlite3.Connection:
        if self._connection is not None:
            return self._connection
        path = self.path or MEMORY
        try:
            if path != MEMORY:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path)
            connection.execute(_SCHEMA)
            connection.commit()
        except (OSError, sqlite3.Error) as error:
            raise TranslationError(
                f"cannot open the translation cache {self.path}: {error}; set {CACHE_ENV} to a "
                f"writable file, or to 'off' to disable the cache"
            ) from error
        self._connection = connection
        return connection

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        """Translate ``texts``, calling the wrapped backend once for all cache misses."""
        if self.path is None:
            return self.inner.translate_batch(texts)
        backend, version = self.name, self.model_version
        keys = {text: _sha256(text) for text in texts}
        known = self._lookup(backend, version, sorted(set(keys.values())))
        missing = list(dict.fromkeys(text for text in texts if keys[text] not in known))
        cached = sum(1 for text in texts if keys[text] in known)
        self.hits += cached
        self.misses += len(texts) - cached
        if missing:
            outputs = self.inner.translate_batch(missing)
            if len(outputs) != len(missing):
                raise TranslationError(
                    f"the {self.name!r} backend returned {len(outputs)} translations "
                    f"for {len(missing)} texts"
                )
            fresh = {
                keys[text]: output
                for text, output in zip(missing, outputs, strict=True)
                if output is not None and _storable(output)
            }
            self._store(backend, version, fresh)
            known.update(fresh)
        return [known.get(keys[text]) for text in texts]

    def _lookup(self, backend: str, version: str, digests: Sequence[str]) -> dict[str, str]:
        connection = self._connect()
        found: dict[str, str] = {}
        try:
            for chunk in _chunks(digests, _SQLITE_MAX_PARAMETERS):
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    "SELECT source_sha256, output FROM translations WHERE backend = ? AND "
                    f"model_version = ? AND source_sha256 IN ({marks})",
                    (backend, version, *chunk),
                )
                found.update((digest, output) for digest, output in rows)
        except sqlite3.Error as error:
            raise TranslationError(
                f"the translation cache {self.path} cannot be read: {error}; delete the file "
                f"or set {CACHE_ENV}=off"
            ) from error
        return found

    def _store(self, backend: str, version: str, outputs: dict[str, str]) -> None:
        now = time.time()
        connection = self._connect()
        try:
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)",
                    [(backend, version, digest, text, now) for digest, text in outputs.items()],
                )
        except sqlite3.Error as error:
            raise TranslationError(
                f"cannot write to the translation cache {self.path}: {error}; set {CACHE_ENV} "
                f"to a writable file or to 'off'"
            ) from error

    def close(self) -> None:
        """Close the database (a later call reopens it)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> CachingTranslator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

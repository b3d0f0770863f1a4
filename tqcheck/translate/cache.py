"""A persistent translation cache: SQLite in the user cache directory.

The key of an entry is a SHA-256 of the package's identity (pair, version and a fingerprint of its
files on disk), the decoding options that can change the output, and the source text.  The
database runs in WAL mode with a busy timeout, so several tqcheck processes can read and write it at
once; a write that loses a race (the same key inserted by another process) is simply ignored, since
both computed the same value.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

CACHE_DIR_ENV = "TQCHECK_CACHE_DIR"
SCHEMA_VERSION = 1


def default_cache_dir() -> Path:
    """``TQCHECK_CACHE_DIR`` if set, else the platform's user cache directory for tqcheck."""
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("tqcheck", appauthor=False))


def cache_key(package_identity: str, options: Mapping[str, Any], text: str) -> str:
    """The key of one translation: package identity, decoding options, text."""
    payload = json.dumps(
        [SCHEMA_VERSION, package_identity, dict(sorted(options.items())), text],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class TranslationCache:
    """Translations keyed by :func:`cache_key`; safe to share between processes."""

    def __init__(self, path: Path | None = None, *, timeout: float = 60.0) -> None:
        self.path = path or default_cache_dir() / "translations.sqlite3"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
        self._db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        self._retry(lambda: self._db.execute("PRAGMA journal_mode = WAL"))
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._retry(
            lambda: self._db.execute(
                "CREATE TABLE IF NOT EXISTS translations ("
                " key TEXT PRIMARY KEY, translation TEXT NOT NULL, created REAL NOT NULL)"
            )
        )

    @staticmethod
    def _retry(action: Any, attempts: int = 20) -> Any:
        # Switching to WAL and creating the table need a moment of exclusive access; a concurrent
        # first run can hit "database is locked" even with a busy timeout.
        for attempt in range(attempts):
            try:
                return action()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == attempts - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        return None

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        """The cached translations among ``keys``."""
        found: dict[str, str] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT key, translation FROM translations WHERE key IN ({marks})", chunk
            ).fetchall()
            found.update((str(k), str(v)) for k, v in rows)
        return found

    def put_many(self, items: Iterable[tuple[str, str]]) -> None:
        """Store translations in one transaction (existing keys are left as they are)."""
        rows = [(key, value, time.time()) for key, value in items]
        if not rows:
            return

        def write() -> None:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "INSERT OR IGNORE INTO translations (key, translation, created) VALUES (?,?,?)",
                    rows,
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

        self._retry(write)

    def __len__(self) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM translations").fetchone()
        return int(row[0])

    def clear(self) -> None:
        self._db.execute("DELETE FROM translations")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

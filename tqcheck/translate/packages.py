"""Argos Translate packages: where they live, which are installed, and a hardened installer.

tqcheck shares the packages directory that ``argospm`` uses, resolved the way
``argostranslate.settings`` resolves it (``ARGOS_PACKAGES_DIR`` in the environment or in
``settings.json``, else ``$XDG_DATA_HOME/argos-translate/packages``), but without importing
argostranslate: importing it creates folders and freezes its settings at import time.  The
``--models-dir`` option and the ``TQCHECK_MODELS_DIR`` environment variable choose another.

Installation never calls argostranslate (its ``install_from_path`` imports the heavy translate
module) and never trusts the archive: every member name, type and size is checked before anything
is written, the archive is extracted into a temporary folder beside the models directory,
validated, and moved into place with one ``rename``.  On any refusal the models directory is left
exactly as it was.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import stat
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from tqcheck.errors import BackendError, InputError

logger = logging.getLogger(__name__)

MODELS_DIR_ENV = "TQCHECK_MODELS_DIR"
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
LANG_CODE_RE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")
PACKAGE_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_MIB = 1024 * 1024


class PackageError(InputError):
    """A package that cannot be installed, found or removed; the message says why."""


class DownloadError(BackendError):
    """A download (package or index) failed, typically because there is no network."""


@dataclass(frozen=True)
class ExtractionLimits:
    """Limits that stop zip bombs before anything is written."""

    #: Total uncompressed size of all members.
    max_total_bytes: int = 4 * 1024 * _MIB
    #: Uncompressed / compressed size, for members (and archives) above ``ratio_floor_bytes``.
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 1 * _MIB
    max_members: int = 10_000
    max_metadata_bytes: int = 1 * _MIB


@dataclass(frozen=True)
class InstalledPackage:
    """An installed translation package (one folder of the models directory)."""

    path: Path
    from_code: str
    to_code: str
    package_version: str
    from_name: str = ""
    to_name: str = ""
    target_prefix: str = ""
    metadata: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def pair(self) -> str:
        return f"{self.from_code}→{self.to_code}"

    def fingerprint(self) -> str:
        """Identity of the package's bytes on disk, cheap to compute: a reinstall (even of the same
        version) changes it, so cached translations never outlive the model that made them."""
        parts = [self.name, self.from_code, self.to_code, self.package_version]
        for rel in ("metadata.json", "model/model.bin", "model/config.json", "sentencepiece.model"):
            try:
                st = (self.path / rel).stat()
            except OSError:
                parts.append(f"{rel}:-")
            else:
                parts.append(f"{rel}:{st.st_size}:{st.st_mtime_ns}")
        return "|".join(parts)


# --------------------------------------------------------------------------- locations


def _argos_home() -> Path:
    if "SNAP" in os.environ and os.environ.get("SNAP_USER_DATA"):
        return Path(os.environ["SNAP_USER_DATA"])
    return Path.home()


def argos_data_dir() -> Path:
    """``argostranslate.settings.data_dir``, computed without importing argostranslate."""
    base = os.environ.get("XDG_DATA_HOME") or str(_argos_home() / ".local" / "share")
    return Path(base) / "argos-translate"


def _argos_settings_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(_argos_home() / ".config")
    return Path(base) / "argos-translate" / "settings.json"


def argos_setting(key: str) -> str | None:
    """A setting the way argostranslate reads it: environment first, then ``settings.json``."""
    value = os.environ.get(key)
    if value:
        return value
    try:
        data = json.loads(_argos_settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    found = data.get(key) if isinstance(data, dict) else None
    return str(found) if found not in (None, "") else None


def default_models_dir() -> Path:
    """The packages directory argospm uses."""
    configured = argos_setting("ARGOS_PACKAGES_DIR")
    return Path(configured).expanduser() if configured else argos_data_dir() / "packages"


def resolve_models_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """``--models-dir`` if given, else ``TQCHECK_MODELS_DIR``, else argospm's directory."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(MODELS_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return default_models_dir()


def index_url(option: str | None = None) -> str:
    """URL of the Argos package index (``index.json``)."""
    base = option or argos_setting("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX
    if base.endswith(".json"):
        return base
    return base.rstrip("/") + "/index.json"


def cached_index_path() -> Path:
    """Where argospm keeps its copy of the index (shared, so either tool refreshes it)."""
    return argos_data_dir() / "index.json"


# --------------------------------------------------------------------------- metadata and listing


def parse_metadata(raw: bytes | str, where: str) -> dict[str, Any]:
    """Parse and validate a package's ``metadata.json``; raises :class:`PackageError`."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise PackageError(f"{where}: metadata.json is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise PackageError(f"{where}: metadata.json must hold a JSON object")
    for key in ("from_code", "to_code"):
        value = data.get(key)
        if not isinstance(value, str) or not LANG_CODE_RE.match(value):
            raise PackageError(f"{where}: metadata.json has no valid {key!r} (got {value!r})")
    kind = data.get("type", "translate")
    if kind != "translate":
        raise PackageError(f"{where}: a {kind!r} package, not a translation package")
    for key in ("package_version", "target_prefix", "from_name", "to_name"):
        if key in data and not isinstance(data[key], str):
            raise PackageError(f"{where}: metadata.json {key!r} must be a string")
    return data


def _package_from_dir(path: Path) -> InstalledPackage:
    meta_path = path / "metadata.json"
    try:
        raw = meta_path.read_bytes()
    except FileNotFoundError:
        raise PackageError(f"{path}: no metadata.json") from None
    meta = parse_metadata(raw, str(path))
    return InstalledPackage(
        path=path,
        from_code=meta["from_code"],
        to_code=meta["to_code"],
        package_version=str(meta.get("package_version", "")),
        from_name=str(meta.get("from_name", "")),
        to_name=str(meta.get("to_name", "")),
        target_prefix=str(meta.get("target_prefix", "")),
        metadata=meta,
    )


def load_package(path: Path) -> InstalledPackage:
    """The installed package in folder ``path``."""
    return _package_from_dir(path)


def list_installed(models_dir: Path) -> list[InstalledPackage]:
    """Installed packages, sorted by pair; folders that are not packages are skipped with a
    warning (argostranslate itself crashes on them)."""
    if not models_dir.is_dir():
        return []
    found: list[InstalledPackage] = []
    for path in sorted(models_dir.iterdir()):
        if not path.is_dir() or path.name.startswith("."):
            continue
        try:
            found.append(_package_from_dir(path))
        except PackageError as exc:
            logger.warning("skipping %s", exc)
    return sorted(found, key=lambda p: (p.from_code, p.to_code, _version_key(p.package_version)))


def find_package(models_dir: Path, from_code: str, to_code: str) -> InstalledPackage | None:
    """The installed package for a pair (the newest version if, unusually, several are)."""
    pair = (from_code, to_code)
    matches = [p for p in list_installed(models_dir) if (p.from_code, p.to_code) == pair]
    return max(matches, key=lambda p: _version_key(p.package_version)) if matches else None


def _version_key(version: str) -> tuple[tuple[int, str], ...]:
    return tuple(
        (int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"[.\-_]", version)
    )


# --------------------------------------------------------------------------- hardened install


@dataclass(frozen=True)
class _Plan:
    top: str
    files: tuple[zipfile.ZipInfo, ...]
    dirs: tuple[str, ...]
    metadata: dict[str, Any]


def _member_key(info: zipfile.ZipInfo) -> str:
    return "/".join(p for p in PurePosixPath(info.filename).parts if p not in ("", "."))


def _check_member(info: zipfile.ZipInfo, where: str) -> PurePosixPath:
    name = info.filename
    if "\x00" in name or "\\" in name:
        raise PackageError(f"{where}: refused: member {name!r} has a backslash or NUL in its name")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise PackageError(f"{where}: refused: member {name!r} has an absolute path")
    path = PurePosixPath(name)
    if any(part == ".." for part in path.parts):
        raise PackageError(f"{where}: refused: member {name!r} escapes its folder ('..')")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise PackageError(f"{where}: refused: member {name!r} is a symbolic link")
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise PackageError(f"{where}: refused: member {name!r} is not a regular file")
    if info.flag_bits & 0x1:
        raise PackageError(f"{where}: refused: member {name!r} is encrypted")
    return path


def _plan(zf: zipfile.ZipFile, where: str, archive_size: int, limits: ExtractionLimits) -> _Plan:
    infos = zf.infolist()
    if not infos:
        raise PackageError(f"{where}: refused: the archive is empty")
    if len(infos) > limits.max_members:
        raise PackageError(f"{where}: refused: {len(infos)} members (limit {limits.max_members})")
    tops: set[str] = set()
    seen: set[str] = set()
    files: list[zipfile.ZipInfo] = []
    dirs: list[str] = []
    total = 0
    for info in infos:
        path = _check_member(info, where)
        parts = [p for p in path.parts if p not in ("", ".")]
        if not parts:
            continue
        key = "/".join(parts)
        if key in seen:
            raise PackageError(f"{where}: refused: member {key!r} appears twice")
        seen.add(key)
        tops.add(parts[0])
        if info.is_dir():
            dirs.append(key)
            continue
        if len(parts) == 1:
            raise PackageError(
                f"{where}: refused: file {key!r} at the top level (a package is one folder)"
            )
        total += info.file_size
        if total > limits.max_total_bytes:
            raise PackageError(
                f"{where}: refused: more than {limits.max_total_bytes} bytes uncompressed "
                "(zip bomb?)"
            )
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            fold = info.file_size // max(info.compress_size, 1)
            raise PackageError(
                f"{where}: refused: member {key!r} expands {fold}-fold "
                f"(limit {limits.max_ratio:g}; zip bomb?)"
            )
        files.append(info)
    if total > limits.ratio_floor_bytes and total > limits.max_ratio * max(archive_size, 1):
        raise PackageError(
            f"{where}: refused: the archive expands more than {limits.max_ratio:g}-fold"
        )
    if len(tops) != 1:
        shown = ", ".join(sorted(tops)[:5])
        raise PackageError(
            f"{where}: refused: {len(tops)} top-level folders ({shown}); a package has exactly one"
        )
    top = tops.pop()
    if not PACKAGE_NAME_RE.match(top):
        raise PackageError(f"{where}: refused: top-level folder name {top!r} is not a plain name")
    by_key = {_member_key(i): i for i in files}
    meta_info = by_key.get(f"{top}/metadata.json")
    if meta_info is None:
        raise PackageError(f"{where}: refused: no {top}/metadata.json")
    if meta_info.file_size > limits.max_metadata_bytes:
        raise PackageError(f"{where}: refused: metadata.json is implausibly large")
    metadata = parse_metadata(zf.read(meta_info), f"{where}: refused")
    for required in ("model/model.bin", "sentencepiece.model"):
        if f"{top}/{required}" not in by_key:
            hint = " (BPE packages are not supported)" if f"{top}/bpe.model" in by_key else ""
            raise PackageError(f"{where}: refused: no {top}/{required}{hint}")
    return _Plan(top, tuple(files), tuple(dirs), metadata)


def _extract(zf: zipfile.ZipFile, plan: _Plan, dest: Path, limits: ExtractionLimits) -> None:
    root = dest.resolve()
    written = 0
    for key in plan.dirs:
        (dest / key).mkdir(parents=True, exist_ok=True)
    for info in plan.files:
        rel = _member_key(info)
        target = (dest / rel).resolve()
        if not target.is_relative_to(root):  # belt and braces after _check_member
            raise PackageError(f"refused: member {info.filename!r} escapes the package")
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with zf.open(info) as src, open(target, "xb") as out:
                budget = info.file_size
                while chunk := src.read(_MIB):
                    budget -= len(chunk)
                    written += len(chunk)
                    if budget < 0 or written > limits.max_total_bytes:
                        raise PackageError(
                            f"refused: member {info.filename!r} is larger than it claims "
                            "(zip bomb?)"
                        )
                    out.write(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            # A damaged download: a CRC mismatch, a broken deflate stream, a truncated member.
            raise PackageError(
                f"refused: the archive is damaged: {info.filename!r} does not read back ({exc}); "
                "download it again"
            ) from None
        target.chmod(0o644)


def _validate_extracted(folder: Path) -> InstalledPackage:
    package = _package_from_dir(folder)
    config = folder / "model" / "config.json"
    if config.exists():
        try:
            json.loads(config.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise PackageError(f"{folder.name}: model/config.json is not valid JSON") from None
    return package


def install_archive(
    archive: Path,
    models_dir: Path,
    *,
    force: bool = False,
    limits: ExtractionLimits | None = None,
) -> InstalledPackage:
    """Install a local ``.argosmodel`` into ``models_dir``.

    Refuses (raising :class:`PackageError`, directory untouched) unsafe or malformed archives and a
    second package for an installed pair unless ``force``, which replaces it atomically.
    """
    limits = limits or ExtractionLimits()
    where = archive.name
    try:
        size = archive.stat().st_size
        zf = zipfile.ZipFile(archive)
    except FileNotFoundError:
        raise PackageError(f"{archive}: no such file") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackageError(f"{where}: refused: not a zip archive ({exc})") from None
    with zf:
        try:
            plan = _plan(zf, where, size, limits)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise PackageError(f"{where}: refused: the archive is damaged ({exc}); download it "
                               "again") from None
        meta = plan.metadata
        existing = find_package(models_dir, meta["from_code"], meta["to_code"])
        version = str(meta.get("package_version", ""))
        if existing is not None and not force:
            raise PackageError(
                f"{where}: refused: {existing.pair} {existing.package_version or '(no version)'} "
                f"is already installed ({existing.name}); use --force to replace it with "
                f"{version or '(no version)'}"
            )
        clash = models_dir / plan.top
        if clash.exists() and (existing is None or clash.resolve() != existing.path.resolve()):
            raise PackageError(
                f"{where}: refused: {clash} already exists and is not the {meta['from_code']}→"
                f"{meta['to_code']} package"
            )
        parent = models_dir.parent
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tqcheck-install-", dir=parent))
        try:
            _extract(zf, plan, staging / "new", limits)
            _validate_extracted(staging / "new" / plan.top)
            models_dir.mkdir(parents=True, exist_ok=True)
            if existing is not None:
                existing.path.rename(staging / "old")
            try:
                (staging / "new" / plan.top).rename(models_dir / plan.top)
            except OSError:
                if existing is not None:
                    (staging / "old").rename(existing.path)
                raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    installed = load_package(models_dir / plan.top)
    logger.info("installed %s %s into %s", installed.pair, installed.package_version, models_dir)
    return installed


def _download(url: str, dest: Path, limit: int) -> None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response, open(dest, "wb") as out:
            total = 0
            while chunk := response.read(_MIB):
                total += len(chunk)
                if total > limit:
                    raise PackageError(f"{url}: refused: larger than {limit} bytes")
                out.write(chunk)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DownloadError(f"cannot download {url}: {reason} (offline?)") from None


def install_url(
    url: str, models_dir: Path, *, force: bool = False, limits: ExtractionLimits | None = None
) -> InstalledPackage:
    """Download a ``.argosmodel`` and install it (same checks as :func:`install_archive`)."""
    limits = limits or ExtractionLimits()
    parent = models_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    name = Path(urllib.parse.urlparse(url).path).name or "package.argosmodel"
    with tempfile.TemporaryDirectory(prefix=".tqcheck-download-", dir=parent) as tmp:
        dest = Path(tmp) / (name if PACKAGE_NAME_RE.match(name) else "package.argosmodel")
        _download(url, dest, limits.max_total_bytes)
        return install_archive(dest, models_dir, force=force, limits=limits)


def load_index(url: str | None = None, *, refresh: bool = False) -> list[dict[str, Any]]:
    """The Argos package index: the cached copy unless ``refresh`` (or none is cached), else a
    fresh download (kept as the cache).  Offline with no cache is a :class:`DownloadError`."""
    location = index_url(url)
    cache = cached_index_path()
    raw: bytes | None = None
    if cache.exists() and not refresh:
        raw = cache.read_bytes()
    else:
        try:
            with urllib.request.urlopen(location, timeout=30) as response:
                raw = response.read(64 * _MIB)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            if cache.exists():
                logger.warning("cannot refresh the package index (%s); using %s", reason, cache)
                raw = cache.read_bytes()
            else:
                raise DownloadError(
                    f"cannot download the Argos package index {location}: {reason}; no cached "
                    f"index at {cache} (offline? install from a file: tqcheck models install "
                    "FILE.argosmodel)"
                ) from None
        else:
            with contextlib.suppress(OSError):
                cache.parent.mkdir(parents=True, exist_ok=True)
                tmp = cache.with_name(cache.name + f".{os.getpid()}.tmp")
                tmp.write_bytes(raw)
                tmp.replace(cache)
    try:
        data = json.loads(raw)
    except ValueError:
        raise PackageError(f"the package index {location} is not valid JSON") from None
    if not isinstance(data, list):
        raise PackageError(f"the package index {location} is not a list of packages")
    return [entry for entry in data if isinstance(entry, dict)]


def available_packages(index: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Translation packages of the index that name their languages and have download links."""
    return [
        entry
        for entry in index
        if entry.get("type", "translate") == "translate"
        and isinstance(entry.get("from_code"), str)
        and isinstance(entry.get("to_code"), str)
        and isinstance(entry.get("links"), list)
        and entry["links"]
    ]


def install_pair(
    from_code: str,
    to_code: str,
    models_dir: Path,
    *,
    force: bool = False,
    index: str | None = None,
    refresh: bool = False,
    limits: ExtractionLimits | None = None,
) -> InstalledPackage:
    """Install the newest index package for ``from_code``→``to_code``."""
    entries = available_packages(load_index(index, refresh=refresh))
    matches = [e for e in entries if (e["from_code"], e["to_code"]) == (from_code, to_code)]
    if not matches:
        targets = sorted({e["to_code"] for e in entries if e["from_code"] == from_code})
        hint = f"; from {from_code}: {', '.join(targets)}" if targets else ""
        raise PackageError(f"no {from_code}→{to_code} package in the index{hint}")
    best = max(matches, key=lambda e: _version_key(str(e.get("package_version", ""))))
    errors: list[str] = []
    for link in best["links"]:
        if not isinstance(link, str):
            continue
        try:
            return install_url(link, models_dir, force=force, limits=limits)
        except DownloadError as exc:
            errors.append(str(exc))
    raise DownloadError(errors[-1] if errors else f"{from_code}→{to_code}: no usable link")


def resolve_installed(models_dir: Path, spec: tuple[str, ...]) -> InstalledPackage:
    """The package named by a folder name or by ``FROM TO``."""
    packages = list_installed(models_dir)
    if len(spec) == 2:
        found = find_package(models_dir, spec[0], spec[1])
        if found is None:
            raise PackageError(f"no {spec[0]}→{spec[1]} package installed in {models_dir}")
        return found
    if len(spec) == 1:
        for package in packages:
            if spec[0] in (package.name, f"{package.from_code}_{package.to_code}"):
                return package
        raise PackageError(f"no package {spec[0]!r} installed in {models_dir}")
    raise PackageError("name a package by its folder name or by FROM TO")


def remove_package(package: InstalledPackage) -> None:
    """Remove an installed package: renamed aside first, so a failure never leaves half a
    package where the engine would find it."""
    parent = package.path.parent.parent
    staging = Path(tempfile.mkdtemp(prefix=".tqcheck-remove-", dir=parent))
    try:
        package.path.rename(staging / package.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

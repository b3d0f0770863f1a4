"""Configuration: ``[tool.tqcheck]`` in pyproject.toml or a ``tqcheck.toml``, found from the current
folder upwards (or given with ``--config``).  Unknown keys are errors.  Values become click's
``default_map``, so command-line flags override the file."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from tqcheck.errors import ConfigError


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise TypeError("a string")
    return v


def _strs(v: Any) -> list[str]:
    if isinstance(v, str):
        return [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise TypeError("a list of strings")
    return v


def _num(v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise TypeError("a number")
    return float(v)


def _int(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise TypeError("an integer")
    return v


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise TypeError("true or false")
    return v


def _choice(*choices: str) -> Callable[[Any], str]:
    def check(v: Any) -> str:
        if v not in choices:
            raise TypeError(f"one of {', '.join(choices)}")
        return str(v)

    return check


def _table_of_lists(v: Any) -> dict[str, list[str]]:
    if not isinstance(v, dict):
        raise TypeError("a table of lists")
    return {str(k): _strs(x) for k, x in v.items()}


def _path(v: Any) -> str:
    return _str(v)


# --------------------------------------------------------------------------- typed settings


@dataclass(frozen=True)
class Option:
    """How one settings field is set: its command-line flags and its configuration key.

    Everything that names an option derives from these: the click options
    (``tqcheck.commands.options``), the configuration keys and their validation (:data:`KEYS`),
    ``Rule.needs`` and the ``needs`` line of the rule docs.
    """

    #: Command-line flags, e.g. ``("-o", "--output")`` or ``("--color/--no-color",)``.
    flags: tuple[str, ...]
    help: str
    #: Key in the configuration file (None: command line only).
    key: str | None = None
    validate: Callable[[Any], Any] | None = None
    #: The key holds a path (or paths) relative to the configuration file.
    path: bool = False
    #: Further ``click.option`` arguments (type, is_flag, multiple, default, show_default …).
    click: Mapping[str, Any] = field(default_factory=dict)

    @property
    def flag(self) -> str:
        """The long flag (``--lang``), as documentation names it."""
        longs = [f for f in self.flags if f.startswith("--")]
        return longs[-1].split("/")[0] if longs else self.flags[-1]


def _opt(default: Any, *flags: str, help: str, key: str | None = None,
         validate: Callable[[Any], Any] | None = None, path: bool = False,
         **click: Any) -> Any:
    return field(default=default, metadata={"option": Option(flags, help, key, validate, path,
                                                             click)})


def _file_flag(*flags: str, help: str) -> Any:
    """A file named on the command line only (no configuration key)."""
    return _opt(None, *flags, type="file", help=help)


def _switch(*flags: str, help: str) -> Any:
    """An on/off flag of the command line only (no configuration key), off by default."""
    return _opt(False, *flags, is_flag=True, help=help)


def _optf(factory: Callable[[], Any], *flags: str, help: str, key: str | None = None,
          validate: Callable[[Any], Any] | None = None, **click: Any) -> Any:
    return field(default_factory=factory,
                 metadata={"option": Option(flags, help, key, validate, False, click)})


@dataclass(frozen=True)
class ReadSettings:
    """How files are read, and the source file readers pair with them."""

    encoding: str | None = _opt(None, "--encoding", key="encoding", validate=_str,
                                help="Encoding of files without a BOM (default UTF-8).")
    format_in: str | None = _opt(
        None, "--format-in", key="format-in", validate=_str,
        help="Force the input format instead of detecting it from the extension.")
    include_fuzzy: bool = _opt(
        False, "--include-fuzzy", key="include-fuzzy", validate=_bool, is_flag=True,
        help="Also check fuzzy PO entries (skipped by default, like obsolete ones).")
    include_obsolete: bool = False
    tmx_langs: str | None = _opt(None, "--tmx-langs", key="tmx-langs", validate=_str,
                                 help="Language pair to read from a TMX holding more: SRC,TGT.")
    source: str | None = _file_flag(
        "--source",
        help="Source text, line-aligned: enables re-translation fidelity checks. For JSON and "
             "subtitles: the source-language file, matched by key or cue.")
    #: Source language of PO entries that do not say (msgid is English by convention).
    po_source_lang: str = "en"
    stdin_filename: str | None = _opt(
        None, "--stdin-filename", metavar="NAME",
        help="The name of standard input (the path '-') in reports; its extension gives the "
             "format (e.g. --stdin-filename doc.md).")
    # Corpora (JSONL, TSV, Parquet, line-aligned pairs): where a record keeps its parts.
    text_field: str | None = _opt(
        None, "--text-field", key="text-field", validate=_str,
        help="JSONL/Parquet: the field of the translated text (default: text).")
    source_field: str | None = _opt(
        None, "--source-field", key="source-field", validate=_str,
        help="JSONL/Parquet: the field of the source text (enables the pair checks: numbers, "
             "URLs, placeholders, copies, length ratio …).")
    id_field: str | None = _opt(
        None, "--id-field", key="id-field", validate=_str,
        help="JSONL/Parquet: the field that names a record in findings (default: its line or "
             "row number).")
    columns: tuple[str, ...] = _opt(
        (), "--columns", key="columns", validate=_strs, multiple=True,
        help="TSV: the role of each column, comma-separated: source, target, id; other names "
             "are ignored (default: source,target).")


def read_settings(options: ReadSettings | Mapping[str, Any] | None) -> ReadSettings:
    """``options`` as :class:`ReadSettings` (a mapping holds its field names; None: defaults)."""
    if isinstance(options, ReadSettings):
        return options
    return ReadSettings(**{k: v for k, v in (options or {}).items() if v is not None})


@dataclass(frozen=True)
class LanguageSettings:
    """The languages of the text and the language data the checks use."""

    lang: str | None = _opt(
        None, "--lang", key="lang", validate=_str,
        help="Target language (BCP-47, e.g. en, de, pt-BR). Default: detected per file.")
    source_lang: str | None = _opt(
        None, "--source-lang", key="source-lang", validate=_str,
        help="Source language; chooses calque packs and re-translation.")
    language_data: tuple[str, ...] = _opt(
        (), "--language-data", key="language-data", validate=_strs, path=True, multiple=True,
        type="file", help="Extra language-data TOML files (merged into the built-in data).")
    calque_packs: tuple[str, ...] = _opt(
        (), "--calque-packs", key="calque-packs", validate=_strs, path=True, multiple=True,
        type="file", help="Extra calque pack TOML files.")
    prefer: tuple[str, ...] = _opt(
        (), "--prefer", key="prefer", validate=_strs, multiple=True,
        help="NAME=Spelling: the spelling a fix unifies a name or word to (TQ501, TQ502; "
             "repeatable). Default: the document's majority spelling.")


@dataclass(frozen=True)
class FidelitySettings:
    """Resources that fidelity checks compare the text with."""

    ref: str | None = _file_flag(
        "--ref",
        help="Reference translation, line-aligned: segments far below the document's chrF "
             "become findings.")
    glossary: str | None = _opt(
        None, "--glossary", key="glossary", validate=_str, path=True, type="file",
        help="Terminology (TBX or CSV: source term, required target term; an empty target "
             "means do not translate).")
    round_trip_via: str | None = _opt(
        None, "--round-trip-via", key="round-trip-via", validate=_str,
        help="Round-trip each sentence through this language (a hint, not a verdict).")
    #: TQ801: a line is flagged below ``max(floor, median - k * spread)`` of the document.
    ref_chrf_k: float | None = _opt(None, key="ref-chrf-k", validate=_num,
                                    help="TQ801: how many spreads below the median is low.")
    ref_chrf_floor: float | None = _opt(None, key="ref-chrf-floor", validate=_num,
                                        help="TQ801: a chrF below this is always low.")


@dataclass(frozen=True)
class DecodeSettings:
    """Offline machine translation (re-translation and round trips)."""

    models_dir: str | None = _opt(
        None, "--models-dir", key="models-dir", validate=_str, path=True, type="dir",
        help="Argos packages directory (default: $TQCHECK_MODELS_DIR, else the one argospm "
             "uses).")
    #: None: greedy decoding (a beam of 1).
    beam_size: int | None = _opt(None, "--beam-size", key="beam-size", validate=_int,
                                 type="positive", help="Beam size (default 1: greedy decoding).")
    compute_type: str | None = _opt(
        None, "--compute-type", key="compute-type", validate=_str,
        help="CTranslate2 compute type (default float32, which keeps every output independent "
             "of its batch; int8 is faster).")
    no_cache: bool = _switch("--no-cache",
                             help="Neither read nor write the translation cache.")
    #: A progress bar while translating (None: on a terminal, unless the report is for a program).
    progress: bool | None = _opt(None, "--progress/--no-progress", key="progress",
                                 validate=_bool,
                                 help="Progress bar while translating (default: when standard "
                                      "error is a terminal and the output is not for a "
                                      "program).")


@dataclass(frozen=True)
class OutputSettings:
    """What the command line does with a report."""

    format: str = _opt("text", "--format", key="format", validate=_str, show_default=True,
                       help="Output format: text, json, sarif, github, junit, gitlab, rdjsonl, "
                            "html.")
    output: tuple[str, ...] = _opt(
        (), "-o", "--output", multiple=True,
        help="Write the --format report to PATH instead of standard output, or FORMAT=PATH to "
             "write another format too (repeatable; each file is written atomically).")
    fail_on: str = _opt(
        "warning", "--fail-on", key="fail-on",
        validate=_choice("error", "warning", "info", "never"),
        type=("error", "warning", "info", "never"), show_default=True,
        help="Lowest severity that fails the gate (exit status 1).")
    baseline: str | None = _file_flag(
        "--baseline",
        help="Findings recorded in this baseline file are known: only new findings are shown "
             "and fail the gate.")
    write_baseline: str | None = _file_flag(
        "--write-baseline",
        help="Record the current findings in this baseline file (the gate then passes).")
    color: bool | None = _opt(None, "--color/--no-color",
                              help="Colour the text output (default: on a terminal).")
    quiet: bool = _switch("-q", "--quiet",
                          help="Findings only: no summary or notes.")
    show_source: bool = _opt(True, "--show-source/--no-show-source",
                             help="Show the line and a caret under each finding.")
    fix: bool = _switch("--fix",
                        help="Write the safe fixes into the audited files (atomically; a file changed "
                             "since it was read is left alone), then report what remains.")
    unsafe_fixes: bool = _switch("--unsafe-fixes",
                                 help="With --fix, --diff or --fix-only: apply the unsafe fixes too "
                                      "(they may change the meaning).")
    diff: bool = _switch("--diff",
                         help="Print a unified diff of what --fix would change, and change nothing "
                              "(exit status 1 when there is something to fix, else 0).")
    fix_only: bool = _switch("--fix-only",
                             help="Like --fix, but report nothing (exit status 0 unless a file could "
                                  "not be read or written).")


@dataclass(frozen=True)
class FilterSettings:
    """The outputs of ``tqcheck filter``."""

    keep: str | None = _file_flag("--keep", help="Write the records to keep here.")
    drop: str | None = _file_flag(
        "--drop",
        help="Write the dropped records here, each with the codes that dropped it (JSONL/Parquet: "
             "a field; TSV: a last column; line-aligned pairs: DROP.codes).")
    keep_source: str | None = _file_flag(
        "--keep-source",
        help="Line-aligned pairs: the source lines of the kept pairs (default: KEEP.src).")
    drop_source: str | None = _file_flag(
        "--drop-source",
        help="Line-aligned pairs: the source lines of the dropped pairs (default: DROP.src).")
    codes_field: str = _opt(
        "tq_codes", "--codes-field", key="codes-field", validate=_str, show_default=True,
        help="JSONL/Parquet: the field of a dropped record that holds its codes.")
    resume: bool = _switch(
        "--resume",
        help="Continue an interrupted run: keep the partitions it finished (checkpoints in a "
             "work folder beside the outputs).")
    #: The format of the summary on standard output (not ``--format`` of the audit's report).
    summary_format: str = _opt("text", "--format", type=("text", "json"), show_default=True,
                               help="Format of the summary on standard output.")


@dataclass(frozen=True)
class ScoreGateSettings:
    """Gates of ``tqcheck score`` (set on its command line or in the configuration)."""

    min_bleu: float | None = _opt(None, "--min-bleu", key="min-bleu", validate=_num, type=float,
                                  help="Gate: fail below this BLEU.")
    min_chrf: float | None = _opt(None, "--min-chrf", key="min-chrf", validate=_num, type=float,
                                  help="Gate: fail below this chrF.")
    max_ter: float | None = _opt(None, "--max-ter", key="max-ter", validate=_num, type=float,
                                 help="Gate: fail above this TER.")


@dataclass(frozen=True)
class Settings:
    """Everything that shapes an audit: one frozen, typed value.

    Each field's metadata (:class:`Option`) names its flag and configuration key.  Build one
    directly (``Settings(select=("TQ1",), language=LanguageSettings(lang="de"))``), from keyword
    arguments by field name (:meth:`of`), or from a configuration file (:func:`load_settings`).
    """

    select: tuple[str, ...] = _opt(
        (), "--select", key="select", validate=_strs, multiple=True,
        help="Only these checks: codes, prefixes, slugs or categories (comma-separated or "
             "repeated).")
    ignore: tuple[str, ...] = _opt(
        (), "--ignore", key="ignore", validate=_strs, multiple=True,
        help="Skip these checks (codes, prefixes, slugs, categories).")
    #: Glob patterns of files to leave out when walking directories and expanding globs.
    exclude: tuple[str, ...] = _opt(
        (), "--exclude", key="exclude", validate=_strs, multiple=True,
        help="Glob of files to skip when walking directories or expanding patterns "
             "(repeatable).")
    #: ``per-file-ignores``: glob -> codes suppressed in matching files (empty = every check).
    per_file_ignores: Mapping[str, tuple[str, ...]] = _optf(
        dict, "--per-file-ignores", key="per-file-ignores", validate=_table_of_lists,
        multiple=True,
        help="GLOB=CODE[,CODE]: suppress checks in matching files (repeatable; usually set in "
             "the configuration).")
    #: Processes that share the files (None: every core; 1: none).
    jobs: int | None = _opt(
        None, "-j", "--jobs", key="jobs", validate=_int, type="positive",
        help="Audit files in this many processes (default: every core; 1: no subprocesses). "
             "Output does not depend on it.")
    #: Where corpus partitions (and the files of an audit) run: "local" or "dask".
    engine: str = _opt(
        "local", "--engine", key="engine", validate=_choice("local", "dask"),
        type=("local", "dask"), show_default=True,
        help="Where corpus partitions run: this machine, or a Dask cluster (pip install "
             "'tqcheck[dask]'). Output does not depend on it.")
    scheduler: str | None = _opt(
        None, "--scheduler", key="scheduler", validate=_str,
        help="--engine dask: the address of the Dask scheduler (default: start a local "
             "cluster).")
    workers: int | None = _opt(
        None, "--workers", key="workers", validate=_int, type="positive",
        help="--engine dask without --scheduler: worker processes (default: every core).")
    #: Records per corpus partition (None: the default, 20000; Parquet: whole row groups).
    partition_size: int | None = _opt(
        None, "--partition-size", key="partition-size", validate=_int, type="positive",
        help="Records per partition (default 20000; Parquet: whole row groups).")
    read: ReadSettings = field(default_factory=ReadSettings)
    language: LanguageSettings = field(default_factory=LanguageSettings)
    fidelity: FidelitySettings = field(default_factory=FidelitySettings)
    decode: DecodeSettings = field(default_factory=DecodeSettings)
    output: OutputSettings = field(default_factory=OutputSettings)
    filter: FilterSettings = field(default_factory=FilterSettings)

    @classmethod
    def of(cls, **values: Any) -> Settings:
        """Settings from field names of any part (``Settings.of(lang="de", source="en.txt")``);
        an unknown name is a :class:`TypeError`."""
        parts: dict[str, dict[str, Any]] = {name: {} for name in PARTS}
        top: dict[str, Any] = {}
        for name, value in values.items():
            part = _FIELD_PART.get(name)
            if part is None:
                raise TypeError(f"unknown setting {name!r}")
            if part == "":
                top[name] = _tupled(value) if name not in _UNTUPLED else value
            else:
                parts[part][name] = _tupled(value)
        return cls(**top, read=ReadSettings(**parts["read"]),
                   language=LanguageSettings(**parts["language"]),
                   fidelity=FidelitySettings(**parts["fidelity"]),
                   decode=DecodeSettings(**parts["decode"]), output=OutputSettings(**parts["output"]),
                   filter=FilterSettings(**parts["filter"]))

    def enabled(self, name: str) -> bool:
        """Whether the optional setting ``name`` (a field of any part) holds a value: what
        ``Rule.needs`` asks."""
        part = _FIELD_PART.get(name)
        if part is None:
            raise KeyError(name)
        holder = self if part == "" else getattr(self, part)
        return getattr(holder, name) not in (None, False, (), "")

    def enabled_features(self) -> frozenset[str]:
        """Every ``Rule.needs`` name that these settings enable."""
        return frozenset(name for name in NEEDS if self.enabled(name))


def prefer_map(values: tuple[str, ...]) -> dict[str, str]:
    """``--prefer NAME=Spelling`` values as a mapping; a value without ``=`` is a
    :class:`ConfigError`."""
    out: dict[str, str] = {}
    for value in values:
        name, sep, spelling = value.partition("=")
        if not sep or not name.strip() or not spelling.strip():
            raise ConfigError(f"--prefer {value!r}: expected NAME=Spelling")
        out[name.strip()] = spelling.strip()
    return out


def _tupled(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(str(v) if isinstance(v, Path) else v for v in value)
    if isinstance(value, tuple):
        return tuple(str(v) if isinstance(v, Path) else v for v in value)
    return str(value) if isinstance(value, Path) else value


#: Part name -> settings class of that part.
PARTS: dict[str, type[ReadSettings | LanguageSettings | FidelitySettings | DecodeSettings
                     | OutputSettings | FilterSettings]] = {
    "read": ReadSettings,
    "language": LanguageSettings,
    "fidelity": FidelitySettings,
    "decode": DecodeSettings,
    "output": OutputSettings,
    "filter": FilterSettings,
}

#: Top-level fields :meth:`Settings.of` takes as they are.
_UNTUPLED = frozenset({"per_file_ignores", "jobs", "workers", "partition_size"})

#: Field name -> the part that holds it ("" for a field of :class:`Settings` itself).
_FIELD_PART: dict[str, str] = {
    **{f.name: "" for f in fields(Settings) if f.name not in PARTS},
    **{f.name: part for part, cls in PARTS.items() for f in fields(cls)},
}

#: Settings that a rule may need (``Rule.needs``): resources that switch checks on.
NEEDS: tuple[str, ...] = ("source", "ref", "glossary", "round_trip_via")


def option_of(name: str) -> Option:
    """The :class:`Option` of the settings field ``name`` (of any part, or of the score gates)."""
    for cls in (Settings, *PARTS.values(), ScoreGateSettings):
        for f in fields(cls):
            if f.name == name and "option" in f.metadata:
                option: Option = f.metadata["option"]
                return option
    raise KeyError(name)


def _all_options() -> dict[str, Option]:
    out: dict[str, Option] = {}
    for cls in (Settings, *PARTS.values(), ScoreGateSettings):
        for f in fields(cls):
            if "option" in f.metadata:
                out[f.name] = f.metadata["option"]
    return out


#: Click parameter name of a field whose name is not the parameter's.
PARAM_NAMES: dict[str, str] = {"format": "output_format"}

#: key in the file -> (validator, command-line parameter name); derived from the settings.
KEYS: dict[str, tuple[Callable[[Any], Any], str]] = {
    option.key: (option.validate or _str, PARAM_NAMES.get(name, name))
    for name, option in _all_options().items() if option.key
}

#: Keys whose paths are relative to the configuration file.
PATH_KEYS = {option.key for option in _all_options().values() if option.key and option.path}


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for d in [folder, *folder.parents]:
        for name in ("tqcheck.toml", ".tqcheck.toml"):
            if (d / name).is_file():
                return d / name
        pp = d / "pyproject.toml"
        if pp.is_file():
            try:
                data = tomllib.loads(pp.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "tqcheck" in data.get("tool", {}):
                return pp
    return None


def _own_file_table(path: Path, data: dict[str, Any]) -> Any:
    """The settings of a ``tqcheck.toml``: its top level, or a ``[tool.tqcheck]`` table pasted in
    from a pyproject.toml (the same keys either way, not both)."""
    tool = data.get("tool")
    if not isinstance(tool, dict) or "tqcheck" not in tool:
        return data
    if len(data) > 1 or len(tool) > 1:
        raise ConfigError(f"{path}: settings both at the top level and in [tool.tqcheck]; "
                          "keep one (in tqcheck.toml the table header is optional)")
    return tool["tqcheck"]


def load_config(path: Path) -> dict[str, Any]:
    """Validated settings from ``path``, keyed by command-line parameter name."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("tqcheck", {}) if path.name == "pyproject.toml" else (
        _own_file_table(path, data))
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.tqcheck] must be a table")
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{path}: unknown key {key!r} (known keys: {known})")
        validate, param = KEYS[key]
        try:
            value = validate(value)
        except TypeError as exc:
            raise ConfigError(f"{path}: {key!r} must be {exc}") from None
        if key in PATH_KEYS:
            value = ([str(path.parent / v) for v in value] if isinstance(value, list)
                     else str(path.parent / value))
        out[param] = value
    return out

"""Build genuine Argos Translate packages (``.argosmodel``) offline, for tests and benchmarks.

Nothing here is a mock: the packages are zip archives with one top-level folder holding
``metadata.json``, a SentencePiece model trained on real English news text (NTREX) and a CTranslate2
Transformer written with CTranslate2's own spec API.  ``tqcheck models install`` installs them and
tqcheck's engine runs them exactly like a package from the Argos index.

Two kinds of weights:

* **hand-wired copy / cipher** (:func:`build_copy_package`): a one-layer Transformer whose decoder
  attends, at step *t*, to source position *t* (queries and keys carry only a position code) and
  copies that position's token code (values carry only the token code).  The source gets ``</s>``
  appended (``add_source_eos``), so the copy ends with ``</s>`` too.  The output projection decides
  what the copy *means*: the identity copies the input exactly; a seeded permutation of pieces gives
  a deterministic "cipher", and the inverse permutation restores the input.
* **random Transformer-base** (:func:`build_random_package`): 6+6 layers, d=512, 8 heads, 2048 FFN,
  a 32k vocabulary -- the size of a real Argos package, with random weights (for speed benchmarks).

The token and position codes are balanced ±1 vectors, so every hidden state is zero-mean with unit
variance and the layer norms of the pre-norm Transformer leave it unchanged.
"""

from __future__ import annotations

import json
import shutil
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

NTREX_EN = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ntrex"
NTREX_EN = NTREX_EN.resolve() / "newstest2019-src.eng.txt"

TOKEN_DIM = 128
POSITION_DIM = 128
MAX_POSITIONS = 1024
SPECIALS = ("<unk>", "<s>", "</s>")


def ntrex_lines(path: Path = NTREX_EN) -> list[str]:
    """The English NTREX sentences (real news text)."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def train_sentencepiece(
    out_prefix: Path,
    lines: Iterable[str],
    *,
    vocab_size: int = 1000,
    model_type: str = "unigram",
    user_symbols: Sequence[str] = (),
) -> Path:
    """Train a SentencePiece model on ``lines``; returns the ``.model`` path."""
    import sentencepiece as spm

    out_prefix.parent.mkdir(parents=True, exist_ok=True)
    corpus = out_prefix.with_suffix(".txt")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(out_prefix),
        vocab_size=vocab_size,
        model_type=model_type,
        character_coverage=1.0,
        hard_vocab_limit=False,
        user_defined_symbols=list(user_symbols),
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=2,
        minloglevel=2,
    )
    corpus.unlink()
    return out_prefix.with_suffix(".model")


def sentencepiece_vocabulary(model: Path) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(model))
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def _balanced_codes(count: int, dim: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` vectors of ±1 with exactly ``dim/2`` ones each (zero mean, unit variance)."""
    base = np.array([1.0] * (dim // 2) + [-1.0] * (dim // 2), dtype=np.float32)
    return np.stack([rng.permutation(base) for _ in range(count)]).astype(np.float32)


def cipher_permutation(vocabulary: Sequence[str], seed: int) -> list[int]:
    """A seeded permutation of the pieces that a text round trip cannot disturb.

    Only single printable characters that NFKC leaves alone are permuted; special tokens and the
    word-boundary piece ``▁`` stay fixed, so a ciphered piece sequence decodes to text that
    re-encodes (with a character model) to exactly the same pieces.
    """
    movable = [
        i
        for i, piece in enumerate(vocabulary)
        if len(piece) == 1
        and piece != "\u2581"
        and piece not in SPECIALS
        and piece.isprintable()
        and not piece.isspace()
        and unicodedata.normalize("NFKC", piece) == piece
        and unicodedata.combining(piece) == 0
    ]
    rng = np.random.default_rng(seed)
    shuffled = [movable[i] for i in rng.permutation(len(movable))]
    perm = list(range(len(vocabulary)))
    for src, dst in zip(movable, shuffled, strict=True):
        perm[src] = dst
    return perm


def invert(perm: Sequence[int]) -> list[int]:
    inverse = [0] * len(perm)
    for src, dst in enumerate(perm):
        inverse[dst] = src
    return inverse


def _ln(spec: object, dim: int) -> None:
    spec.gamma = np.ones(dim, dtype=np.float32)  # type: ignore[attr-defined]
    spec.beta = np.zeros(dim, dtype=np.float32)  # type: ignore[attr-defined]


def _linear(spec: object, weight: np.ndarray) -> None:
    spec.weight = weight.astype(np.float32)  # type: ignore[attr-defined]
    spec.bias = np.zeros(weight.shape[0], dtype=np.float32)  # type: ignore[attr-defined]


def write_copy_model(
    model_dir: Path, vocabulary: Sequence[str], mapping: Sequence[int] | None = None, seed: int = 7
) -> None:
    """Write a hand-wired one-layer CTranslate2 Transformer that outputs ``mapping[token]`` for
    every source token, in order, then ``</s>`` (``mapping=None``: the identity)."""
    import ctranslate2

    vocab_size = len(vocabulary)
    mapping = list(range(vocab_size)) if mapping is None else list(mapping)
    m, k = TOKEN_DIM, POSITION_DIM
    d = m + k
    rng = np.random.default_rng(seed)
    tok = _balanced_codes(vocab_size, m, rng)
    pos = _balanced_codes(MAX_POSITIONS, k, rng)
    # Sharpness of the position-keyed attention: the worst margin between the right position and
    # any other, times this scale (after CTranslate2's 1/sqrt(d)), must dwarf log(length).
    gram = pos @ pos.T
    np.fill_diagonal(gram, -np.inf)
    margin = float(k - gram.max())
    assert margin > 0, "position codes are not separable"
    query_scale = 60.0 * np.sqrt(d) / margin

    spec = ctranslate2.specs.TransformerSpec.from_config(1, 1)
    enc, dec = spec.encoder, spec.decoder
    emb = np.zeros((vocab_size, d), dtype=np.float32)
    emb[:, :m] = tok
    pe = np.zeros((MAX_POSITIONS, d), dtype=np.float32)
    pe[:, m:] = pos
    enc.embeddings[0].weight = emb
    enc.scale_embeddings = False
    enc.position_encodings.encodings = pe
    dec.embeddings.weight = np.zeros((vocab_size, d), dtype=np.float32)
    dec.scale_embeddings = False
    dec.position_encodings.encodings = pe
    ffn_dim = 8
    zeros = np.zeros

    layer = enc.layer[0]
    _ln(layer.self_attention.layer_norm, d)
    _linear(layer.self_attention.linear[0], zeros((3 * d, d)))
    _linear(layer.self_attention.linear[1], zeros((d, d)))
    _ln(layer.ffn.layer_norm, d)
    _linear(layer.ffn.linear_0, zeros((ffn_dim, d)))
    _linear(layer.ffn.linear_1, zeros((d, ffn_dim)))
    _ln(enc.layer_norm, d)

    layer = dec.layer[0]
    _ln(layer.self_attention.layer_norm, d)
    _linear(layer.self_attention.linear[0], zeros((3 * d, d)))
    _linear(layer.self_attention.linear[1], zeros((d, d)))
    _ln(layer.attention.layer_norm, d)
    query = zeros((d, d))
    query[m:, m:] = np.eye(k) * query_scale
    _linear(layer.attention.linear[0], query)
    key_value = zeros((2 * d, d))
    key_value[m:d, m:d] = np.eye(k)  # keys: the source position code
    key_value[d : d + m, :m] = np.eye(m)  # values: the source token code
    _linear(layer.attention.linear[1], key_value)
    out = zeros((d, d))
    out[:m, :m] = np.eye(m)
    _linear(layer.attention.linear[2], out)
    _ln(layer.ffn.layer_norm, d)
    _linear(layer.ffn.linear_0, zeros((ffn_dim, d)))
    _linear(layer.ffn.linear_1, zeros((d, ffn_dim)))
    _ln(dec.layer_norm, d)

    projection = zeros((vocab_size, d))
    for src, dst in enumerate(mapping):
        projection[dst, :m] = tok[src]
    _linear(dec.projection, projection)

    spec.config.add_source_eos = True
    spec.register_source_vocabulary(list(vocabulary))
    spec.register_target_vocabulary(list(vocabulary))
    spec.validate()
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))


def write_random_model(
    model_dir: Path,
    vocabulary: Sequence[str],
    *,
    layers: int = 6,
    d_model: int = 512,
    heads: int = 8,
    ffn_dim: int = 2048,
    seed: int = 11,
    quantization: str | None = None,
) -> None:
    """A Transformer-base-sized CTranslate2 model with random weights (for speed benchmarks).

    ``quantization="int8"`` stores the weights as Argos's published packages do."""
    import ctranslate2

    rng = np.random.default_rng(seed)
    v, d = len(vocabulary), d_model

    def w(rows: int, cols: int) -> np.ndarray:
        return (rng.standard_normal((rows, cols), dtype=np.float32) / np.sqrt(cols)).astype(
            np.float32
        )

    spec = ctranslate2.specs.TransformerSpec.from_config(layers, heads)
    spec.encoder.embeddings[0].weight = w(v, d)
    spec.decoder.embeddings.weight = w(v, d)
    for layer in spec.encoder.layer:
        _ln(layer.self_attention.layer_norm, d)
        _linear(layer.self_attention.linear[0], w(3 * d, d))
        _linear(layer.self_attention.linear[1], w(d, d))
        _ln(layer.ffn.layer_norm, d)
        _linear(layer.ffn.linear_0, w(ffn_dim, d))
        _linear(layer.ffn.linear_1, w(d, ffn_dim))
    for layer in spec.decoder.layer:
        _ln(layer.self_attention.layer_norm, d)
        _linear(layer.self_attention.linear[0], w(3 * d, d))
        _linear(layer.self_attention.linear[1], w(d, d))
        _ln(layer.attention.layer_norm, d)
        _linear(layer.attention.linear[0], w(d, d))
        _linear(layer.attention.linear[1], w(2 * d, d))
        _linear(layer.attention.linear[2], w(d, d))
        _ln(layer.ffn.layer_norm, d)
        _linear(layer.ffn.linear_0, w(ffn_dim, d))
        _linear(layer.ffn.linear_1, w(d, ffn_dim))
    _ln(spec.encoder.layer_norm, d)
    _ln(spec.decoder.layer_norm, d)
    _linear(spec.decoder.projection, w(v, d))
    spec.register_source_vocabulary(list(vocabulary))
    spec.register_target_vocabulary(list(vocabulary))
    spec.validate()
    spec.optimize(quantization=quantization)
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))


def metadata(
    from_code: str, to_code: str, version: str = "1.0", **extra: object
) -> dict[str, object]:
    names = {"en": "English", "de": "German", "eo": "Esperanto", "fr": "French", "ar": "Arabic"}
    meta: dict[str, object] = {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": names.get(from_code, from_code),
        "to_code": to_code,
        "to_name": names.get(to_code, to_code),
        "type": "translate",
        "links": [],
    }
    meta.update(extra)
    return meta


def zip_package(folder: Path, archive: Path) -> Path:
    """Zip ``folder`` into ``archive`` with ``folder.name`` as the only top-level folder."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            arcname = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            if path.is_dir():
                zf.write(path, arcname + "/")
            else:
                zf.write(path, arcname)
    return archive


def build_package(
    work: Path,
    from_code: str,
    to_code: str,
    sp_model: Path,
    *,
    mapping: Sequence[int] | None = None,
    version: str = "1.0",
    random_weights: bool = False,
    random_size: dict[str, int] | None = None,
    quantization: str | None = None,
    extra_metadata: dict[str, object] | None = None,
) -> Path:
    """Build ``translate-<from>_<to>-<version>.argosmodel`` in ``work``; returns its path."""
    name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    folder = work / "build" / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    vocabulary = sentencepiece_vocabulary(sp_model)
    if random_weights:
        write_random_model(
            folder / "model", vocabulary, quantization=quantization, **(random_size or {})
        )
    else:
        write_copy_model(folder / "model", vocabulary, mapping)
    shutil.copyfile(sp_model, folder / "sentencepiece.model")
    meta = metadata(from_code, to_code, version, **(extra_metadata or {}))
    (folder / "metadata.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    (folder / "README.md").write_text(f"Test package {from_code}->{to_code}\n", encoding="utf-8")
    archive = zip_package(folder, work / f"{name}.argosmodel")
    shutil.rmtree(folder)
    return archive


def build_test_packages(work: Path, lines: Sequence[str] | None = None) -> dict[str, Path]:
    """The packages the integration tests install:

    * ``en_de``, ``de_en``: copy models on a unigram SentencePiece model (1,000 pieces);
    * ``en_eo``: a character cipher, ``eo_en`` its inverse (character SentencePiece model);
      ``eo`` → ``de`` has no direct package, so it pivots through English.
    """
    lines = list(lines if lines is not None else ntrex_lines())
    # News text has no underscores; one line with them makes "_" a piece, so tests can show that
    # tqcheck decodes it exactly (argostranslate's decode turns "_" into a space).
    lines.append("snake_case names like max_value and user_id stay intact")
    work.mkdir(parents=True, exist_ok=True)
    unigram = train_sentencepiece(work / "sp" / "unigram", lines, vocab_size=1000)
    chars = train_sentencepiece(work / "sp" / "chars", lines, vocab_size=200, model_type="char")
    perm = cipher_permutation(sentencepiece_vocabulary(chars), seed=2024)
    return {
        "en_de": build_package(work, "en", "de", unigram),
        "de_en": build_package(work, "de", "en", unigram),
        "en_eo": build_package(work, "en", "eo", chars, mapping=perm),
        "eo_en": build_package(work, "eo", "en", chars, mapping=invert(perm)),
    }


_BUILT: dict[str, dict[str, Path]] = {}


def cached_test_packages(work: Path) -> dict[str, Path]:
    """:func:`build_test_packages`, once per process (several test modules share the result)."""
    if "packages" not in _BUILT:
        _BUILT["packages"] = build_test_packages(work)
    return _BUILT["packages"]

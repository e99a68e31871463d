"""The index manager: documents in, chunks + BM25 tokens in state.json, vectors in chromadb.

state.json is the truth and is replaced atomically. Vectors of a new document version go in under new ids
before the state that names them is committed; old ids are deleted after. A run killed anywhere therefore
leaves the last committed state usable, and the next writer removes or re-adds whatever the vector store
holds beyond or short of it. Writers hold a file lock for the whole read-modify-commit cycle.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus import tokenize
from ..corpus.chunking import Chunk, chunk_source
from ..corpus.loaders import collect_files, load_source
from ..errors import CorpusError

STATE_FILE = "state.json"
LOCK_FILE = ".lock"
MODEL_DOCUMENT = "示范条款"
STATE_VERSION = 1
LOCK_TIMEOUT_S = 600


def default_index_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("charter-assistant", appauthor=False)) / "index"


def resolve_index_dir(directory: str | Path | None = None) -> Path:
    """--index DIR, else $CHARTER_INDEX, else the per-user data folder."""
    chosen = directory or os.environ.get("CHARTER_INDEX") or default_index_dir()
    return Path(chosen).expanduser().resolve()


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class DocumentInfo:
    name: str
    title: str
    source: str
    kind: str
    chunks: int
    added: str
    updated: str
    hash: str

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class AddReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    chunks: int = 0


@dataclass
class _Pending:
    """A loaded document waiting to be written."""

    name: str
    title: str
    source: str
    kind: str
    digest: str
    chunks: list[Chunk]


def _empty_state(key: str, embedder: str) -> dict:
    return {"version": STATE_VERSION, "generation": 1, "collection": f"charter-{key}-g1", "embedder": embedder,
            "documents": {}, "chunks": {}}


class Index:
    """A retrieval index in one folder (or a folder + a Chroma server)."""

    def __init__(self, directory: str | Path | None = None, *, chroma_url: str | None = None,
                 embedder: str | None = None, progress: Callable[[int, int], None] | None = None):
        """`progress(done, total)` is called as chunk vectors are written (a semantic embedder takes minutes)."""
        self.directory = resolve_index_dir(directory)
        self.progress = progress
        self.chroma_url = chroma_url or os.environ.get("CHARTER_CHROMA_URL") or None
        self.embedder_spec = embedder or os.environ.get("CHARTER_EMBEDDER") or None
        self._key = hashlib.sha1(str(self.directory).encode()).hexdigest()[:10]
        self._state: dict | None = None
        self._searcher = None
        self._client = None
        self._pending: list[dict] = []
        tokenize.configure(self.directory / "jieba")

    # ---- state -------------------------------------------------------------------------------------------
    @property
    def state_path(self) -> Path:
        return self.directory / STATE_FILE

    def _read_state(self) -> dict:
        try:
            state = json.loads(self.state_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            from .embedding import DEFAULT_EMBEDDER

            return _empty_state(self._key, self.embedder_spec or DEFAULT_EMBEDDER)
        except (OSError, json.JSONDecodeError) as err:
            raise CorpusError(f"索引状态文件已损坏，请运行 charter corpus rebuild：{err}",
                              where=str(self.state_path)) from None
        if state.get("version") != STATE_VERSION:
            raise CorpusError("索引版本不兼容，请删除该目录后重新添加文件", where=str(self.directory))
        return state

    def _commit_state(self, state: dict) -> None:
        """Write state.json atomically: temp file, fsync, os.replace."""
        data = json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=".state.", suffix=".part", dir=self.directory)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.state_path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)

    @property
    def state(self) -> dict:
        if self._state is None:
            self._state = self._read_state()
        return self._state

    # ---- vectors -----------------------------------------------------------------------------------------
    def _embedder(self, state: dict):
        from .embedding import make_embedder, register_all

        register_all()
        if self.embedder_spec and self.embedder_spec != state["embedder"] and state["documents"]:
            raise CorpusError(f"该索引使用“{state['embedder']}”向量化方式建立；如需更换，请运行 "
                              f"charter corpus rebuild --embedding {self.embedder_spec}", where=str(self.directory))
        return make_embedder(state["embedder"], cache_dir=self.directory)

    def _store(self, state: dict, name: str | None = None):
        from .store import VectorStore, open_client

        if self._client is None:
            self._client = open_client(self.directory, self.chroma_url)
        return VectorStore(self._client, name or state["collection"], self._embedder(state))

    @staticmethod
    def _vector_rows(chunks: list[dict]):
        ids = [c["vid"] for c in chunks]
        texts = [Chunk.from_dict(c).search_text for c in chunks]
        metas = [{"chunk_id": c["id"], "document": c["document"], "clause": c["clause"], "source": c["source"],
                  "heading": " > ".join(c["heading"]), "kind": c["kind"]} for c in chunks]
        return ids, texts, metas

    def _reconcile(self, state: dict, store) -> None:
        """Make the vector store hold exactly the committed chunks (repairs what a killed run left)."""
        wanted = {c["vid"]: c for c in state["chunks"].values()}
        present = store.ids()
        extra = present - wanted.keys()
        if extra:
            store.delete(extra)
        missing = [wanted[v] for v in wanted.keys() - present]
        if missing:
            store.add(*self._vector_rows(missing), progress=self.progress)

    # ---- writing -----------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _writing(self):
        from filelock import FileLock, Timeout

        self.directory.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.directory / LOCK_FILE))
        try:
            lock.acquire(timeout=LOCK_TIMEOUT_S)
        except Timeout:
            raise CorpusError("索引正被另一个进程写入，请稍后再试", where=str(self.directory)) from None
        try:
            state = self._read_state()
            store = self._store(state)
            self._reconcile(state, store)
            stale: list[str] = []
            self._pending: list[dict] = []
            self._ensure_model_clauses(state, store, stale)
            yield state, store, stale
            self._flush(store)
            self._commit_state(state)
            if stale:
                store.delete(stale)
            self._state, self._searcher = state, None
        finally:
            lock.release()

    def _put(self, state: dict, store, doc: _Pending, stale: list[str]) -> None:
        """Write the vectors of `doc` under new ids and point the state at them; old ids become stale."""
        old = state["documents"].get(doc.name)
        if old:
            stale.extend(state["chunks"].pop(cid)["vid"] for cid in old["chunk_ids"] if cid in state["chunks"])
        rows = []
        for chunk in doc.chunks:
            row = chunk.to_dict()
            row["vid"] = f"{doc.digest[:12]}:{chunk.id}"
            row["tokens"] = tokenize.tokens(chunk.search_text)
            rows.append(row)
        self._pending.extend(rows)
        for row in rows:
            state["chunks"][row["id"]] = row
        now = _now()
        state["documents"][doc.name] = {
            "name": doc.name, "title": doc.title, "source": doc.source, "kind": doc.kind, "hash": doc.digest,
            "added": old["added"] if old else now, "updated": now, "chunk_ids": [c.id for c in doc.chunks]}

    def _flush(self, store) -> None:
        """Write the vectors of every document put in this run, in as few chromadb calls as possible."""
        if self._pending:
            store.add(*self._vector_rows(self._pending), progress=self.progress)
        self._pending = []

    def _ensure_model_clauses(self, state: dict, store, stale: list[str]) -> None:
        doc = _model_document()
        current = state["documents"].get(MODEL_DOCUMENT)
        if current is None or current["hash"] != doc.digest:
            self._put(state, store, doc, stale)

    def ensure_ready(self) -> None:
        """Build the index on first use (the model clause set) and refresh it when the clause set changed."""
        state = self.state
        current = state["documents"].get(MODEL_DOCUMENT)
        if current is None or current["hash"] != _model_document().digest or not self.state_path.exists():
            with self._writing():
                pass

    def add(self, paths) -> AddReport:
        """Add files and folders; unchanged files are skipped, changed ones replace their chunks."""
        report = AddReport()
        files, missing = collect_files(paths)
        report.failed.extend((str(p), reason) for p, reason in missing)
        loaded = []
        for path in files:
            try:
                source = load_source(path)
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except CorpusError as err:
                report.failed.append((str(path), err.message))
                continue
            loaded.append((source, digest))
        if not loaded:
            if not self.state_path.exists():
                self.ensure_ready()
            return report
        with self._writing() as (state, store, stale):
            by_source = {d["source"]: d for d in state["documents"].values()}
            for source, digest in loaded:
                resolved = str(source.path.resolve())
                existing = by_source.get(resolved)
                if existing and existing["hash"] == digest:
                    report.unchanged.append(existing["name"])
                    continue
                name = existing["name"] if existing else _unique_name(source.name, source.path, state)
                chunks = chunk_source(source, document=name, kind="document")
                self._put(state, store, _Pending(name, source.title, resolved, "document", digest, chunks), stale)
                by_source[resolved] = state["documents"][name]
                (report.updated if existing else report.added).append(name)
                report.chunks += len(chunks)
        return report

    def remove(self, what: str) -> DocumentInfo:
        """Remove one document, named by its citation name, title, file name or path."""
        with self._writing() as (state, store, stale):
            name = _find_document(state, what)
            if name == MODEL_DOCUMENT:
                raise CorpusError("示范条款集始终保留在索引中，不能删除", where=what)
            info = _info(state["documents"][name])
            doc = state["documents"].pop(name)
            stale.extend(state["chunks"].pop(cid)["vid"] for cid in doc["chunk_ids"] if cid in state["chunks"])
        return info

    def rebuild(self) -> AddReport:
        """Re-read every document from its file (kept as stored if the file is gone) into a fresh collection."""
        report = AddReport()
        from filelock import FileLock

        self.directory.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.directory / LOCK_FILE), timeout=LOCK_TIMEOUT_S):
            old = self._read_state()
            from .embedding import DEFAULT_EMBEDDER

            state = _empty_state(self._key, self.embedder_spec or old.get("embedder") or DEFAULT_EMBEDDER)
            state["generation"] = old["generation"] + 1
            state["collection"] = f"charter-{self._key}-g{state['generation']}"
            self.embedder_spec = state["embedder"]
            store = self._store(state)
            self._reconcile(state, store)  # a collection left by a killed rebuild starts empty
            stale: list[str] = []
            self._pending = []
            self._ensure_model_clauses(state, store, stale)
            for doc in old["documents"].values():
                if doc["kind"] == "model":
                    continue
                path = Path(doc["source"])
                try:
                    source = load_source(path)
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                    chunks = chunk_source(source, document=doc["name"], kind=doc["kind"])
                except CorpusError as err:
                    report.failed.append((doc["source"], err.message + "（保留原有内容）"))
                    chunks = [Chunk.from_dict(old["chunks"][c]) for c in doc["chunk_ids"] if c in old["chunks"]]
                    digest = doc["hash"]
                self._put(state, store, _Pending(doc["name"], doc["title"], doc["source"], doc["kind"], digest,
                                                 chunks), stale)
                state["documents"][doc["name"]]["added"] = doc["added"]
                report.updated.append(doc["name"])
                report.chunks += len(chunks)
            self._flush(store)
            self._commit_state(state)
            if old["collection"] != state["collection"]:
                from chromadb.errors import NotFoundError

                with contextlib.suppress(NotFoundError, ValueError):  # already gone (a killed earlier rebuild)
                    self._client.delete_collection(old["collection"])
            self._state, self._searcher = state, None
        return report

    # ---- reading -----------------------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        self.ensure_ready()
        docs = [_info(d) for d in self.state["documents"].values()]
        return sorted(docs, key=lambda d: (d.kind != "model", d.name))

    def chunks(self) -> list[Chunk]:
        return [Chunk.from_dict(c) for c in self.state["chunks"].values()]

    @property
    def embedder(self) -> str:
        """The vector embedder this index was built with ("hash", "e5", ...)."""
        return self.state["embedder"]

    def searcher(self):
        """The hybrid searcher over the committed state (built on first use)."""
        if self._searcher is None:
            self.ensure_ready()
            from .hybrid import HybridSearcher

            state = self.state
            self._searcher = HybridSearcher(state, self._store(state))
        return self._searcher


def _info(doc: dict) -> DocumentInfo:
    return DocumentInfo(doc["name"], doc["title"], doc["source"], doc["kind"], len(doc["chunk_ids"]),
                        doc["added"], doc["updated"], doc["hash"])


def _unique_name(name: str, path: Path, state: dict) -> str:
    """Citation names must be unique: a second 认证认可条例 becomes 认证认可条例（认证认可条例-2020）."""
    if name not in state["documents"] and name != MODEL_DOCUMENT:
        return name
    candidate = f"{name}（{path.stem}）"
    n = 2
    while candidate in state["documents"]:
        candidate = f"{name}（{path.stem}-{n}）"
        n += 1
    return candidate


def _find_document(state: dict, what: str) -> str:
    docs = state["documents"]
    if what in docs:
        return what
    target = what.strip().strip("《》")
    for name, doc in docs.items():
        if target in (doc["title"], doc["source"], Path(doc["source"]).name, Path(doc["source"]).stem):
            return name
    with contextlib.suppress(OSError):
        resolved = str(Path(what).resolve())
        for name, doc in docs.items():
            if doc["source"] == resolved:
                return name
    raise CorpusError("索引中没有该文件（可用 charter corpus list 查看已收录的文件）", where=what)


@functools.lru_cache(maxsize=1)
def _model_document() -> _Pending:
    """The bundled model clause set as one document named 示范条款, indexed from ClauseLibrary.texts()."""
    from ..clauses import load_library, search_aliases
    from ..resources import corpus_dir

    try:
        library = load_library()
        texts = library.texts()
        aliases = search_aliases()
    except (OSError, KeyError, TypeError, ValueError) as err:
        raise CorpusError(f"无法加载示范条款集：{err}", where="corpus/clauses.yaml") from None
    source = str(corpus_dir() / "clauses.yaml")
    chunks = []
    for clause in texts:
        heading = tuple(clause.heading_path)
        chunks.append(Chunk(f"{MODEL_DOCUMENT}#{clause.id}", MODEL_DOCUMENT, source, clause.id, heading,
                            clause.text, clause.title, "model",
                            tuple(filter(None, (library.subject, *aliases.get(clause.id, ()))))))
    payload = json.dumps([[c.clause, c.heading, c.title, c.text, c.aliases] for c in chunks] + [library.title],
                         ensure_ascii=False)
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    return _Pending(MODEL_DOCUMENT, library.title, source, "model", digest, chunks)

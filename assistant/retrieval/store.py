"""The chromadb side: PersistentClient in the index folder, or a Chroma server through HttpClient."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from ..errors import CorpusError


def open_client(directory: Path, chroma_url: str | None):
    """PersistentClient at DIR/chroma, or HttpClient for http(s)://HOST:PORT. Telemetry off."""
    import chromadb
    import httpx
    from chromadb.config import Settings
    from chromadb.errors import ChromaError

    settings = Settings(anonymized_telemetry=False)
    if chroma_url:
        parsed = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise CorpusError("Chroma 服务地址应形如 http://主机:端口", where=chroma_url)
        port = parsed.port or (443 if parsed.scheme == "https" else 8000)
        try:
            client = chromadb.HttpClient(host=parsed.hostname, port=port, ssl=parsed.scheme == "https",
                                         settings=settings)
            client.heartbeat()
        except (ValueError, ConnectionError, ChromaError, httpx.HTTPError) as err:
            raise CorpusError(f"无法连接 Chroma 服务：{err}", where=chroma_url) from None
        return client
    path = directory / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


EXACT_LIMIT = 20_000  # above this many vectors, chromadb's approximate (HNSW) search


class VectorStore:
    """One chromadb collection holding the chunks of the current index generation."""

    def __init__(self, client, name: str, embedder):
        self.client = client
        self.name = name
        self.embedder = embedder
        self.collection = client.get_or_create_collection(
            # Past EXACT_LIMIT, HNSW answers: a wide beam keeps it close to exact.
            name, embedding_function=embedder,
            configuration={"hnsw": {"space": "cosine", "ef_construction": 200, "ef_search": 200}},
            metadata={"app": "charter-assistant"})
        self._exact: tuple | None = None  # (ids, documents, unit vectors, id order) for exact search

    def ids(self) -> set[str]:
        out: set[str] = set()
        offset, page = 0, 5000
        while True:
            got = self.collection.get(include=[], limit=page, offset=offset)
            out.update(got["ids"])
            if len(got["ids"]) < page:
                return out
            offset += page

    def add(self, ids: list[str], texts: list[str], metadatas: list[dict], progress=None) -> None:
        batch = min(500, self.client.get_max_batch_size())
        for start in range(0, len(ids), batch):
            end = start + batch
            self.collection.upsert(ids=ids[start:end], documents=texts[start:end], metadatas=metadatas[start:end])
            self._exact = None
            if progress is not None:
                progress(min(end, len(ids)), len(ids))

    def delete(self, ids) -> None:
        ids = list(ids)
        for start in range(0, len(ids), 5000):
            self.collection.delete(ids=ids[start:start + 5000])
            self._exact = None

    def query(self, text: str, k: int, documents=()) -> list[tuple[str, float]]:
        """(vector id, cosine similarity) of the nearest k, within the named documents when any are given.

        Up to EXACT_LIMIT vectors the search is exact, over the vectors read back from the collection: chromadb's
        HNSW graph is rebuilt on each load and returns different neighbours from process to process (its issue
        #2675), and an answer that changes between two runs of the same question is no answer to cite."""
        documents = sorted(documents)
        if self._exact is not None:  # loaded once per store: no count to ask for again on every search
            return self._exact_query(text, k, documents)
        count = self.collection.count()
        if not count:
            return []
        if count <= EXACT_LIMIT:
            self._exact = self._load_vectors()
            return self._exact_query(text, k, documents)
        where = None if not documents else (
            {"document": documents[0]} if len(documents) == 1 else {"document": {"$in": documents}})
        res = self.collection.query(query_texts=[text], n_results=min(k, count), where=where, include=["distances"])
        found = [(vid, 1.0 - float(dist)) for vid, dist in zip(res["ids"][0], res["distances"][0])]
        # Near-equal similarities come back in varying order; break ties by id so rankings repeat.
        return sorted(found, key=lambda row: (-round(row[1], 5), row[0]))

    def _exact_query(self, text: str, k: int, documents: list[str]) -> list[tuple[str, float]]:
        import numpy as np

        ids, docs, vectors, id_order = self._exact
        # a query vector, as chromadb's own query makes it (e5 prefixes queries and passages differently)
        query = np.asarray(self.embedder.embed_query([text])[0], dtype=np.float32)
        norm = float(np.linalg.norm(query))
        sims = vectors @ (query / norm) if norm else np.zeros(len(ids), dtype=np.float32)
        keep = np.isin(docs, documents) if documents else np.ones(len(ids), dtype=bool)
        order = np.lexsort((id_order, -np.round(sims, 5)))  # best first, ties by id
        order = order[keep[order]][:k]
        return [(ids[i], float(sims[i])) for i in order]

    def _load_vectors(self) -> tuple:
        import numpy as np

        ids: list[str] = []
        docs: list[str] = []
        rows = []
        offset, page = 0, 5000
        while True:
            got = self.collection.get(include=["embeddings", "metadatas"], limit=page, offset=offset)
            ids += got["ids"]
            docs += [(m or {}).get("document", "") for m in got["metadatas"]]
            rows += list(got["embeddings"])
            if len(got["ids"]) < page:
                break
            offset += page
        vectors = np.asarray(rows, dtype=np.float32).reshape(len(ids), -1)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = vectors / np.where(norms == 0, 1.0, norms)
        id_order = np.empty(len(ids), dtype=np.int64)
        id_order[np.argsort(np.asarray(ids, dtype=object))] = np.arange(len(ids))
        return ids, np.asarray(docs, dtype=object), vectors, id_order

    def drop(self) -> None:
        self.client.delete_collection(self.name)

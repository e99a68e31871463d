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


class VectorStore:
    """One chromadb collection holding the chunks of the current index generation."""

    def __init__(self, client, name: str, embedder):
        self.client = client
        self.name = name
        self.embedder = embedder
        self.collection = client.get_or_create_collection(
            # A wide search beam makes HNSW return the exact neighbours at our sizes, so results repeat run to run.
            name, embedding_function=embedder,
            configuration={"hnsw": {"space": "cosine", "ef_construction": 200, "ef_search": 200}},
            metadata={"app": "charter-assistant"})

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
            if progress is not None:
                progress(min(end, len(ids)), len(ids))

    def delete(self, ids) -> None:
        ids = list(ids)
        for start in range(0, len(ids), 5000):
            self.collection.delete(ids=ids[start:start + 5000])

    def query(self, text: str, k: int, documents=()) -> list[tuple[str, float]]:
        """(vector id, cosine similarity) of the nearest k, within the named documents when any are given."""
        count = self.collection.count()
        if not count:
            return []
        documents = sorted(documents)
        where = None if not documents else (
            {"document": documents[0]} if len(documents) == 1 else {"document": {"$in": documents}})
        res = self.collection.query(query_texts=[text], n_results=min(k, count), where=where, include=["distances"])
        found = [(vid, 1.0 - float(dist)) for vid, dist in zip(res["ids"][0], res["distances"][0])]
        # Near-equal similarities come back in varying order; break ties by id so rankings repeat.
        return sorted(found, key=lambda row: (-round(row[1], 5), row[0]))

    def drop(self) -> None:
        self.client.delete_collection(self.name)

"""The hybrid searcher as a langchain BaseRetriever, so it plugs into langchain chains (LCEL)."""
from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict


class CharterRetriever(BaseRetriever):
    """`CharterRetriever(searcher=Index(...).searcher(), k=5)`; metadata carries document, clause and citation."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    searcher: Any
    k: int = 5

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        docs = []
        for hit in self.searcher.search(query, self.k):
            c = hit.chunk
            docs.append(Document(page_content=c.text, id=c.id, metadata={
                "id": c.id, "document": c.document, "clause": c.clause, "source": c.source,
                "heading": " > ".join(c.heading), "title": c.title, "citation": c.citation,
                "score": hit.score, "kind": c.kind}))
        return docs


def as_retriever(index, k: int = 5) -> CharterRetriever:
    """A langchain retriever over an assistant.retrieval.index.Index."""
    return CharterRetriever(searcher=index.searcher(), k=k)

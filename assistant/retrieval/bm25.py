"""BM25 (Okapi) over jieba tokens with an inverted index, so a query touches only the chunks sharing a term."""
from __future__ import annotations

import math
from collections import Counter


class BM25Index:
    """Okapi BM25 (k1=1.5, b=0.75, as rank_bm25) over pre-tokenized chunks, addressed by position."""

    def __init__(self, docs: list[list[str]], k1: float = 1.5, b: float = 0.75):
        import numpy as np

        self.k1, self.b = k1, b
        self.size = len(docs)
        lengths = np.array([len(d) for d in docs], dtype=np.float32)
        self.avgdl = float(lengths.mean()) if self.size else 0.0
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for i, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                ids, tfs = postings.setdefault(term, ([], []))
                ids.append(i)
                tfs.append(tf)
        norm = k1 * (1 - b + b * lengths / self.avgdl) if self.size else lengths
        self._postings = {}
        self.idf: dict[str, float] = {}
        for term, (ids, tfs) in postings.items():
            df = len(ids)
            idf = math.log((self.size - df + 0.5) / (df + 0.5) + 1.0)  # Lucene's non-negative variant
            self.idf[term] = idf
            ids_a = np.array(ids, dtype=np.int64)
            tf_a = np.array(tfs, dtype=np.float32)
            self._postings[term] = (ids_a, (idf * tf_a * (k1 + 1) / (tf_a + norm[ids_a])).astype(np.float32))
        self.unseen_idf = math.log((self.size + 0.5) / 0.5 + 1.0)

    def scores(self, query: list[str], weights: dict[str, float] | None = None):
        """Dense score array over all chunks; `weights` scales single terms (synonym expansions)."""
        import numpy as np

        out = np.zeros(self.size, dtype=np.float32)
        for term in dict.fromkeys(query):
            hit = self._postings.get(term)
            if hit is not None:
                weight = weights.get(term, 1.0) if weights else 1.0
                out[hit[0]] += hit[1] * weight
        return out

    def top(self, query: list[str], k: int) -> list[tuple[int, float]]:
        """(position, score) of the best k chunks with a positive score."""
        import numpy as np

        if not self.size:
            return []
        scores = self.scores(query)
        k = min(k, self.size)
        idx = np.argpartition(-scores, k - 1)[:k]
        idx = idx[np.argsort(-scores[idx], kind="stable")]
        return [(int(i), float(scores[i])) for i in idx if scores[i] > 0]

    def term_idf(self, term: str) -> float:
        return self.idf.get(term, self.unseen_idf)

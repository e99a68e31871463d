"""The reranker: a linear model that reorders the best fused candidates, fitted by benchmarks/retrieval.py.

HybridSearcher fuses BM25, vector search, coverage and the question cues into one score; the reranker then weighs
that score together with other evidence about each of the best DEPTH candidates (FEATURES, computed by
HybridSearcher.candidate_features). Its weights are fitted by pairwise logistic regression (the expected unit
against every other candidate of the same question) on the development set and the held-out sets already read,
never on the fair ones, and live in ranker.json beside this module (ranker-e5.json for the e5 embedder). An
embedder without a fitted file keeps the fused order.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

# fused_score: the fused score in units of a first-rank RRF vote; fused_rank: 1/rank in the fused order;
# bm25_rank, vector_rank: the unit's RRF vote in each list (0 when absent); similarity: its vector cosine;
# coverage: IDF-weighted share of the question's words in it; sentence_coverage: the same share in its best
# sentence or item; log_length: log of its length in characters; bigram_share: share of the question's content
# bigrams in it; place_in_document: its position in its document, 0 first, towards 1 last; heading_coverage: the
# question's words found in its chapter and section headings; answers_list: the question asks "which ones" (哪些,
# 几类…) and the unit lists items; lists_items: the unit lists items (（一）（二）…, or a 下列 …；… list);
# asked_part_coverage: the coverage of the words of the question's last two clauses, where what is asked usually
# stands. (The bonuses of the question cues a unit answers, as a feature of their own, were tried and dropped: the
# fused score holds them, and the fit gave them nothing.)
FEATURES = ("fused_score", "fused_rank", "bm25_rank", "vector_rank", "similarity", "coverage", "sentence_coverage",
            "log_length", "bigram_share", "place_in_document", "heading_coverage",
            "answers_list", "lists_items", "asked_part_coverage")
DEPTH = 30  # the candidates reordered (more when a search asks for more)
L2 = 1.0
RANKER_FILE = Path(__file__).with_name("ranker.json")
EMBEDDER_RANKERS = {"hash": RANKER_FILE, "e5": Path(__file__).with_name("ranker-e5.json")}


@dataclass
class Ranker:
    weights: tuple[float, ...]
    features: tuple[str, ...] = FEATURES
    fitted_on: dict = field(default_factory=dict)

    def scores(self, rows: list[list[float]]) -> list[float]:
        return [sum(w * x for w, x in zip(self.weights, row)) for row in rows]

    def shares(self, rows: list[list[float]]) -> list[float]:
        """Each candidate's softmax share of the scores: positive, ordered like the scores, and a ratio between two
        of them is their odds (the answerer's runner-up rule compares such ratios)."""
        scores = self.scores(rows)
        if not scores:
            return []
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def to_dict(self) -> dict:
        return {"features": list(self.features), "weights": list(self.weights), "fitted_on": self.fitted_on}


def fitted_file(embedder: str) -> Path | None:
    """Where a ranker fitted for `embedder` is written, or None for an embedder the benchmark does not measure."""
    return EMBEDDER_RANKERS.get(embedder)


def load_ranker(embedder: str) -> Ranker | None:
    path = fitted_file(embedder)
    if path is None or not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:  # fitted on other features: its weights mean nothing here
        return None
    return Ranker(tuple(data["weights"]), tuple(data["features"]), data.get("fitted_on", {}))


def fit(groups: list[tuple[list[list[float]], list[int]]], l2: float = L2, steps: int = 100) -> Ranker:
    """Pairwise logistic regression (Newton's method) on feature differences, each expected candidate minus each
    other candidate of its question, scaled per feature by the mean absolute difference. Questions without both
    kinds of candidate are skipped."""
    import numpy as np

    diffs = []
    for rows, labels in groups:
        x, y = np.array(rows, dtype=float).reshape(len(rows), -1), np.array(labels, dtype=bool)
        if y.any() and not y.all():
            diffs.extend(p - x[~y] for p in x[y])
    if not diffs:
        raise ValueError("no question has both an expected and another candidate")
    d = np.vstack(diffs)
    scale = np.abs(d).mean(axis=0)
    scale[scale == 0] = 1.0
    d = d / scale
    w = np.zeros(d.shape[1])
    reg = l2 * np.eye(d.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(d @ w, -60, 60)))
        grad = d.T @ (p - 1.0) + reg @ w
        hess = (d.T * (p * (1 - p))) @ d + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return Ranker(tuple(float(v) for v in w / scale))

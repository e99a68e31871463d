"""The abstention model: logistic regression on evidence features, fitted by benchmarks/retrieval.py.

The feature names, fitted weights and decision threshold live in calibration.json beside this module (and in
calibration-e5.json for the e5 embedder, whose rankings give the features other values); they are measured on
the calibration split of benchmarks/data/questions.jsonl plus the held-out sets already read, never by hand.
The features themselves are computed by HybridSearcher.evidence (see FEATURES for their meaning).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")
# Embedders with a calibration of their own; any other uses CALIBRATION_FILE.
EMBEDDER_CALIBRATIONS = {"e5": Path(__file__).with_name("calibration-e5.json")}
# coverage: IDF-weighted share of the question's words found in the best hits; bigram_coverage: share of its
# character bigrams found there; unknown_key_term: 1 when a noun-like key word of the question (护照, 学历)
# occurs nowhere in the corpus; matched_terms: how many of the question's words (or their synonyms and bridged
# terms) the best of those hits contains, plus one when it is in a document the question names, so that a
# question matched on many words outweighs one peripheral absent word (菜市场 in a question on 电子秤 and
# 强制检定) and a short one naming its law (产品质量法什么时候施行) is not held back; asked_fact_missing: 1 when
# the question asks for a fact of a kind listed in facts.py (an address, a phone number, an amount, a validity
# period…) and no best hit states one. (The best hit's e5 cosine similarity was tried as a feature and dropped: everyday wording lowers
# it for answerable questions too.)
FEATURES = ("coverage", "bigram_coverage", "unknown_key_term", "matched_terms", "asked_fact_missing")
# A question asking for a fact (an amount, a time limit…) that no best hit states is never answered, however well
# its other words match: an extractive answer could not contain the fact (评估报告保存多少年, answered from an article
# that names the report but no period). The model still weighs the feature; this is a veto on top of it.
VETO = "asked_fact_missing"
L2 = 0.1  # ridge on the (standardized) weights: the calibration data are small and nearly separable


@dataclass
class Calibration:
    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    fitted_on: dict = field(default_factory=dict)
    features: tuple[str, ...] = FEATURES

    def probability(self, *features: float) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features))
        z = max(-60.0, min(60.0, z))
        return 1.0 / (1.0 + math.exp(-z))

    def probability_of(self, values: dict[str, float]) -> float:
        """Probability from named feature values (the names this calibration was fitted on)."""
        return self.probability(*(values[name] for name in self.features))

    def answers(self, values: dict[str, float]) -> bool:
        """The decision: answer when the probability reaches the threshold and no vetoing feature is set."""
        return self.probability_of(values) >= self.threshold and not values.get(VETO)

    def to_dict(self) -> dict:
        return {"features": list(self.features), "weights": list(self.weights), "bias": self.bias,
                "threshold": self.threshold, "fitted_on": self.fitted_on}


def _logit(p: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return math.log(p / (1 - p))


def fitted_file(embedder: str) -> Path:
    """Where a calibration fitted for `embedder` is written."""
    return EMBEDDER_CALIBRATIONS.get(embedder, CALIBRATION_FILE)


def calibration_file(embedder: str) -> Path:
    """The embedder's own calibration when it has one, else the lexical default."""
    own = EMBEDDER_CALIBRATIONS.get(embedder)
    return own if own is not None and own.exists() else CALIBRATION_FILE


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    data = json.loads(path.read_text(encoding="utf-8"))
    names = tuple(data.get("features") or FEATURES[:len(data["weights"])])
    return Calibration(tuple(data["weights"]), data["bias"], data["threshold"], data.get("fitted_on", {}), names)


def fit(rows: list[tuple[float, ...]], labels: list[int], l2: float = 0.01, steps: int = 50,
        features: tuple[str, ...] = FEATURES) -> Calibration:
    """Logistic regression (Newton's method, L2 on standardized features), then the threshold with the best
    accuracy on `rows` (with the VETO applied). Weights are returned on the features' own scale."""
    import numpy as np

    raw = np.array(rows, dtype=float).reshape(len(rows), -1)
    mean, scale = raw.mean(axis=0), raw.std(axis=0)
    scale[scale == 0] = 1.0
    x = np.hstack([np.ones((len(rows), 1)), (raw - mean) / scale])
    y = np.array(labels, dtype=float)
    w = np.zeros(x.shape[1])
    reg = l2 * np.eye(x.shape[1])
    reg[0, 0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + reg @ w
        hess = (x.T * (p * (1 - p))) @ x + reg + 1e-9 * np.eye(x.shape[1])
        w -= np.linalg.solve(hess, grad)
    weights = w[1:] / scale
    cal = Calibration(tuple(float(v) for v in weights), float(w[0] - weights @ mean), features=tuple(features))
    # The threshold: among the gaps between neighbouring fitted probabilities where accuracy on `rows` is best,
    # the middle (in log-odds) of the widest gap: a max-margin choice that does not jump when one question moves.
    logits = sorted({_logit(cal.probability(*r)) for r in rows})

    vetoed = [bool(r[features.index(VETO)]) if VETO in features else False for r in rows]

    def accuracy(cut: float) -> float:
        return sum((_logit(cal.probability(*r)) >= cut and not v) == bool(t)
                   for r, t, v in zip(rows, labels, vetoed)) / len(rows)

    gaps = [(a, b) for a, b in zip(logits, logits[1:])] or [(0.0, 0.0)]
    scored = [(accuracy((a + b) / 2), b - a, (a + b) / 2) for a, b in gaps]
    best = max(acc for acc, _, _ in scored)
    _, _, mid = max(g for g in scored if g[0] == best)
    cal.threshold = 1.0 / (1.0 + math.exp(-mid))
    return cal

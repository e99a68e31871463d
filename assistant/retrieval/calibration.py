"""The abstention model: logistic regression on two coverage features, fitted by benchmarks/retrieval.py.

The fitted weights and the decision threshold live in calibration.json beside this module; they are
measured on the calibration split of benchmarks/data/questions.jsonl, never set by hand.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")
FEATURES = ("coverage", "bigram_coverage")


@dataclass
class Calibration:
    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    fitted_on: dict = field(default_factory=dict)

    def probability(self, *features: float) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features))
        return 1.0 / (1.0 + math.exp(-z))

    def to_dict(self) -> dict:
        return {"features": list(FEATURES), "weights": list(self.weights), "bias": self.bias,
                "threshold": self.threshold, "fitted_on": self.fitted_on}


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Calibration(tuple(data["weights"]), data["bias"], data["threshold"], data.get("fitted_on", {}))


def fit(rows: list[tuple[float, ...]], labels: list[int], l2: float = 0.01, steps: int = 50) -> Calibration:
    """Logistic regression (Newton's method, small L2), then the threshold with the best accuracy on `rows`."""
    import numpy as np

    x = np.hstack([np.ones((len(rows), 1)), np.array(rows, dtype=float)])
    y = np.array(labels, dtype=float)
    w = np.zeros(x.shape[1])
    reg = l2 * np.eye(x.shape[1])
    reg[0, 0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + reg @ w
        hess = (x.T * (p * (1 - p))) @ x + reg + 1e-9 * np.eye(x.shape[1])
        w -= np.linalg.solve(hess, grad)
    cal = Calibration(tuple(float(v) for v in w[1:]), float(w[0]))
    probs = sorted({cal.probability(*r) for r in rows})
    cuts = [0.5] + [(a + b) / 2 for a, b in zip(probs, probs[1:])]

    def accuracy(cut: float) -> float:
        return sum((cal.probability(*r) >= cut) == bool(t) for r, t in zip(rows, labels)) / len(rows)

    best = max(accuracy(c) for c in cuts)
    # among the best cuts, the one nearest 0.5 keeps the model's own calibration where the data allows
    cal.threshold = float(min((c for c in cuts if accuracy(c) == best), key=lambda c: abs(c - 0.5)))
    return cal

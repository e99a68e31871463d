"""Optional answers from a language model (an OpenAI-compatible or Ollama endpoint, via langchain), verified.

The model sees only the retrieved chunks and must cite them. Every citation must name a retrieved chunk and
its quote must occur in that chunk's text; the rest are dropped, and an answer left with none is an
abstention. Imported only when --llm is given.
"""
from __future__ import annotations

import json
import os
import re
from typing import TYPE_CHECKING

from .errors import AssistantError
from .qa import MODEL_DOCUMENT, Answer, Citation, abstention, model_clause_note, retrieve

if TYPE_CHECKING:
    from .retrieval.hybrid import Hit, HybridSearcher

SYSTEM_PROMPT = (
    "你是自愿性产品认证技术专家组织章程起草助手。只能依据用户提供的编号资料回答，不得使用资料以外的知识。"
    "每个结论都必须引用资料原文。请只输出一个 JSON 对象，格式为："
    '{"answer": "中文回答，在引用处标注〔文件名 条款号〕", '
    '"citations": [{"document": "文件名", "clause": "条款号", "quote": "从该条原文中逐字摘录的句子"}]}。'
    "如果资料不足以回答，输出 {\"answer\": \"依据现有资料无法回答\", \"citations\": []}。"
    "“示范条款”是本项目自行编写的示范性条款，不是标准原文，引用时须说明。"
)
_MARKER = re.compile(r"〔([^〔〕\s]+)\s*([^〔〕]*)〕")
_SPACES = re.compile(r"[\s\u3000]+")


def make_chat_model(url: str, model: str, *, kind: str | None = None, temperature: float = 0.0):
    """ChatOllama for Ollama endpoints (port 11434 or kind="ollama"), else ChatOpenAI with base_url=url."""
    if not model:
        raise AssistantError("使用 --llm 时必须用 --model 指定模型名称", where=url)
    kind = kind or ("ollama" if ":11434" in url or "ollama" in url.lower() else "openai")
    try:
        if kind == "ollama":
            from langchain_ollama import ChatOllama

            return ChatOllama(base_url=url, model=model, temperature=temperature)
        from langchain_openai import ChatOpenAI
    except ImportError:
        raise AssistantError("使用大模型需要安装可选依赖：pip install 'charter-assistant[llm]'", where=url) from None
    return ChatOpenAI(base_url=url, model=model, temperature=temperature, max_retries=1,
                      api_key=os.environ.get("OPENAI_API_KEY") or "not-needed")


def build_messages(question: str, hits: list["Hit"]):
    from langchain_core.messages import HumanMessage, SystemMessage

    parts = []
    for number, hit in enumerate(hits, 1):
        c = hit.chunk
        kind = "（示范条款，不是标准原文）" if c.document == MODEL_DOCUMENT else ""
        parts.append(f"[{number}] 文件名：{c.document}；条款号：{c.clause}{kind}\n{c.text}")
    user = "资料：\n\n" + "\n\n".join(parts) + f"\n\n问题：{question}"
    return [SystemMessage(content=SYSTEM_PROMPT), HumanMessage(content=user)]


def parse_reply(content: str) -> dict | None:
    """The first JSON object in the reply (models wrap it in prose or ```json fences)."""
    start, end = content.find("{"), content.rfind("}")
    if start < 0 or end <= start:
        return None
    try:
        data = json.loads(content[start:end + 1])
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


def _norm_doc(name: str) -> str:
    name = _SPACES.sub("", str(name)).strip("《》〔〕")
    return name[len("中华人民共和国"):] if name.startswith("中华人民共和国") else name


def _norm_text(text: str) -> str:
    return _SPACES.sub("", str(text)).strip("“”\"'「」")


def verify(citations: list, hits: list["Hit"]) -> tuple[list[Citation], list[dict]]:
    """Keep citations that name a retrieved chunk and quote it verbatim (whitespace aside)."""
    chunks = {(_norm_doc(h.chunk.document), _SPACES.sub("", h.chunk.clause)): h.chunk for h in hits}
    kept: list[Citation] = []
    dropped: list[dict] = []
    for item in citations if isinstance(citations, list) else []:
        if not isinstance(item, dict):
            dropped.append({"citation": item, "reason": "格式错误"})
            continue
        key = (_norm_doc(item.get("document", "")), _SPACES.sub("", str(item.get("clause", ""))))
        chunk = chunks.get(key)
        quote = _norm_text(item.get("quote", ""))
        if chunk is None:
            dropped.append({**item, "reason": "引用的条款不在检索结果中"})
        elif len(quote) < 4 or quote not in _SPACES.sub("", chunk.text):
            dropped.append({**item, "reason": "引文与条款原文不符"})
        else:
            citation = Citation(chunk.document, chunk.clause, _original_span(chunk.text, quote))
            if citation not in kept:
                kept.append(citation)
    return kept, dropped


def _original_span(text: str, quote: str) -> str:
    """The quote as written in the chunk (with its original spacing)."""
    pattern = r"[\s\u3000]*".join(re.escape(ch) for ch in quote)
    m = re.search(pattern, text)
    return m.group(0) if m else quote


def _clean_answer(text: str, kept: list[Citation]) -> str:
    """Remove 〔…〕 markers that do not name a verified citation."""
    valid = {(_norm_doc(c.document), _SPACES.sub("", c.clause)) for c in kept}

    def keep(m: re.Match) -> str:
        key = (_norm_doc(m.group(1)), _SPACES.sub("", m.group(2)))
        return m.group(0) if key in valid else ""

    return _MARKER.sub(keep, str(text)).strip()


def llm_answer(question: str, searcher: "HybridSearcher", chat_model, *, k: int = 5,
               retrieval_query: str | None = None, hits: list["Hit"] | None = None) -> Answer:
    """Ask `chat_model` to answer from the retrieved chunks only, then verify every citation."""
    found = retrieve(question, searcher, k=k, retrieval_query=retrieval_query, hits=hits)
    if found.abstained:
        return found.abstained
    question, hits, evidence = found.question, found.hits, found.evidence
    reply = chat_model.invoke(build_messages(question, hits))
    content = reply.content if isinstance(reply.content, str) else str(reply.content)
    data = parse_reply(content)
    if data is None:
        return abstention(question, hits, "模型的回答无法解析", evidence.probability)
    kept, dropped = verify(data.get("citations", []), hits)
    if not kept:
        reason = "模型给出的引用无法在检索到的条款中核实" if dropped else "模型没有给出可核实的引用"
        return abstention(question, hits, reason, evidence.probability)
    text = _clean_answer(data.get("answer", ""), kept)
    if not any(c.marker in text for c in kept):
        text += "\n依据：" + "".join(f"“{c.quote}”{c.marker}" for c in kept)
    if dropped:
        text += f"\n（已删除 {len(dropped)} 处无法核实的引用）"
    if any(c.document == MODEL_DOCUMENT for c in kept):
        text += "\n" + model_clause_note()
    return Answer(question, text, False, kept, hits, evidence.probability)


def answerer_for(chat_model):
    """An answer function with the same signature as qa.answer, for ChatSession and batch runs."""
    def run(question: str, searcher: "HybridSearcher", *, k: int = 5, retrieval_query: str | None = None,
            hits: list["Hit"] | None = None) -> Answer:
        return llm_answer(question, searcher, chat_model, k=k, retrieval_query=retrieval_query, hits=hits)

    return run

"""Commands: corpus (add, list, remove, rebuild), search, ask, chat."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def _index_options(func):
    func = click.option("--embedding", envvar="CHARTER_EMBEDDER", metavar="SPEC",
                        help="向量化方式：hash（默认，离线、最快）、e5（语义向量，需安装 semantic 附加包，建库较慢）、"
                             "st:本地模型目录、openai:URL#模型名。")(func)
    func = click.option("--chroma-url", envvar="CHARTER_CHROMA_URL", metavar="URL",
                        help="使用 Chroma 服务（http://主机:端口），默认使用索引目录中的本地库。")(func)
    func = click.option("--index", "index_dir", envvar="CHARTER_INDEX", type=click.Path(file_okay=False, path_type=Path),
                        help="索引目录（默认：用户数据目录）。")(func)
    return func


def _llm_options(func):
    func = click.option("--model", envvar="CHARTER_LLM_MODEL", metavar="NAME", help="大模型名称（与 --llm 一起使用）。")(func)
    func = click.option("--llm", "llm_url", envvar="CHARTER_LLM_URL", metavar="URL",
                        help="OpenAI 兼容或 Ollama 接口地址；不指定时使用离线摘录式回答。")(func)
    return func


def _vector_progress(done: int, total: int) -> None:
    """Vectors written so far, on stderr when it is a terminal (a semantic embedder takes a while)."""
    if total >= 500 and sys.stderr.isatty():
        click.echo(f"\r正在写入向量：{done}/{total}", err=True, nl=done >= total)


def _open(index_dir, chroma_url, embedding, progress=None):
    from assistant.retrieval.index import Index

    return Index(index_dir, chroma_url=chroma_url, embedder=embedding, progress=progress)


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False)


@click.group()
def corpus() -> None:
    """管理检索索引中的资料（示范条款集始终在索引中）。"""


@corpus.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_index_options
def corpus_add(paths, index_dir, chroma_url, embedding) -> None:
    """添加文件或文件夹（.md .txt .docx .pdf）；未变化的文件跳过，已变化的替换。"""
    index = _open(index_dir, chroma_url, embedding, _vector_progress)
    report = index.add(paths)
    for name in report.added:
        click.echo(f"已添加：{name}")
    for name in report.updated:
        click.echo(f"已更新：{name}")
    for name in report.unchanged:
        click.echo(f"未变化：{name}")
    for path, reason in report.failed:
        click.echo(f"无法读取：{path}：{reason}", err=True)
    click.echo(f"新增或更新 {len(report.added) + len(report.updated)} 个文件（{report.chunks} 条），"
               f"未变化 {len(report.unchanged)} 个，失败 {len(report.failed)} 个。索引：{index.directory}")
    if report.failed:
        sys.exit(1)


@corpus.command("list")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@_index_options
def corpus_list(as_json, index_dir, chroma_url, embedding) -> None:
    """列出索引中的文件、条数和更新时间。"""
    index = _open(index_dir, chroma_url, embedding)
    docs = index.documents()
    if as_json:
        click.echo(_dump({"embedder": index.embedder, "documents": [d.to_dict() for d in docs]}))
        return
    for d in docs:
        kind = "示范条款集" if d.kind == "model" else "文件"
        click.echo(f"{d.name}\t{d.chunks} 条\t{kind}\t更新于 {d.updated}\t{d.source}")
    click.echo(f"共 {len(docs)} 个文件，{sum(d.chunks for d in docs)} 条。向量化方式：{index.embedder}。")


@corpus.command("remove")
@click.argument("document")
@_index_options
def corpus_remove(document, index_dir, chroma_url, embedding) -> None:
    """从索引中删除一个文件（按文件名、标题或路径）。"""
    info = _open(index_dir, chroma_url, embedding).remove(document)
    click.echo(f"已删除：{info.name}（{info.chunks} 条）")


@corpus.command("rebuild")
@_index_options
def corpus_rebuild(index_dir, chroma_url, embedding) -> None:
    """从原文件重新建立整个索引（可用 --embedding 更换向量化方式）。"""
    report = _open(index_dir, chroma_url, embedding, _vector_progress).rebuild()
    for path, reason in report.failed:
        click.echo(f"无法读取：{path}：{reason}", err=True)
    click.echo(f"已重建：{len(report.updated)} 个文件（{report.chunks} 条），另含示范条款集。")


def _batch(file, handle) -> None:
    """JSON Lines in, JSON Lines out; progress on stderr; exit 1 if any line failed."""
    from assistant.qa import run_batch

    stream = sys.stdin if str(file) == "-" else open(file, encoding="utf-8-sig")
    failed = 0
    try:
        for number, result in run_batch(stream, handle):
            failed += "error" in result
            click.echo(_dump(result))
            status = "失败" if "error" in result else "完成"
            click.echo(f"[第 {number} 行] {status}", err=True)
    finally:
        if stream is not sys.stdin:
            stream.close()
    if failed:
        click.echo(f"{failed} 行无法处理", err=True)
        sys.exit(1)


@click.command()
@click.argument("question", required=False)
@click.option("-k", "k", default=10, show_default=True, type=click.IntRange(1, 100), help="返回条数。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.option("--batch", type=click.Path(dir_okay=False, allow_dash=True), help="JSON Lines 文件（- 为标准输入），每行一个问题。")
@_index_options
def search(question, k, as_json, batch, index_dir, chroma_url, embedding) -> None:
    """检索与问题最相关的条款。"""
    if not question and not batch:
        raise click.UsageError("请提供问题，或使用 --batch")
    searcher = _open(index_dir, chroma_url, embedding).searcher()
    if batch:
        _batch(batch, lambda item: {"question": item["question"], "results": [
            h.to_dict() for h in searcher.search(item["question"], int(item.get("k", k)))]})
        return
    hits = searcher.search(question, k)
    if as_json:
        click.echo(_dump({"results": [h.to_dict() for h in hits]}))
        return
    if not hits:
        click.echo("没有找到相关条款。")
    for rank, hit in enumerate(hits, 1):
        c = hit.chunk
        heading = " > ".join(c.heading + ((c.title,) if c.title else ()))
        click.echo(f"{rank}. {c.citation} {heading}  （得分 {hit.score:.4f}）")
        click.echo(f"   {c.text.replace(chr(10), ' ')[:160]}")


@click.command()
@click.argument("question", required=False)
@click.option("-k", "k", default=5, show_default=True, type=click.IntRange(1, 50), help="检索条数。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.option("--batch", type=click.Path(dir_okay=False, allow_dash=True), help="JSON Lines 文件（- 为标准输入），每行一个问题。")
@_llm_options
@_index_options
def ask(question, k, as_json, batch, llm_url, model, index_dir, chroma_url, embedding) -> None:
    """回答问题并标注引用〔文件名 条款号〕；依据不足时说明无法回答。"""
    from assistant.qa import make_answerer

    if not question and not batch:
        raise click.UsageError("请提供问题，或使用 --batch")
    answerer = make_answerer(llm_url, model)
    searcher = _open(index_dir, chroma_url, embedding).searcher()
    if batch:
        _batch(batch, lambda item: answerer(item["question"], searcher, k=k).to_dict())
        return
    result = answerer(question, searcher, k=k)
    click.echo(_dump(result.to_dict()) if as_json else result.text)


@click.command()
@click.option("-k", "k", default=5, show_default=True, type=click.IntRange(1, 50), help="检索条数。")
@_llm_options
@_index_options
def chat(k, llm_url, model, index_dir, chroma_url, embedding) -> None:
    """连续问答：可追问；/sources 查看上一回答的引用，/quit 退出。"""
    from assistant.qa import ChatSession, make_answerer

    session = ChatSession(_open(index_dir, chroma_url, embedding).searcher(), make_answerer(llm_url, model), k=k)
    interactive = sys.stdin.isatty()
    if interactive:
        try:
            import readline  # noqa: F401 - line editing and ↑ history in the prompt
        except ImportError:
            pass
    click.echo("条款问答：输入问题后回车；/sources 查看引用，/help 帮助，/quit 退出。", err=True)
    while True:
        try:
            line = input("问> ") if interactive else sys.stdin.readline()
        except (EOFError, KeyboardInterrupt):
            click.echo("", err=True)
            break
        if not interactive and not line:
            break
        line = line.strip()
        if not line:
            continue
        if line in ("/quit", "/exit", "/q"):
            break
        if line == "/help":
            click.echo("直接输入问题；可针对上一问题追问（如“那副主任委员呢？”）。/sources 查看上一回答的引用原文，/quit 退出。")
            continue
        if line == "/sources":
            citations = session.last_citations
            if not citations:
                click.echo("上一回答没有引用。")
            for c in citations:
                click.echo(f"{c.marker}“{c.quote}”")
            continue
        if line.startswith("/"):
            click.echo(f"未知命令：{line}（可用 /sources /help /quit）")
            continue
        if not interactive:
            click.echo(f"问：{line}")
        click.echo(session.ask(line).text)
        click.echo("")


COMMANDS = [corpus, search, ask, chat]

"""The charter (章程): chapters and articles from templates/charter/charter.yaml, each traced to its model clause."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..clauses import load_library, referenced_params
from ..cn import cn_number, item_label
from ..errors import TemplateError
from ..render.blocks import AnnexLabel, Article, ChapterHeading, PageBreak, Paragraph, Subtitle, Table, Title
from ..spec import Spec
from .context import as_list, load_template, template_context


@dataclass(frozen=True)
class TraceRow:
    article: str
    clause_id: str
    clause_title: str
    params: str


def charter_articles(spec: Spec, template_dir: Path | None = None) -> tuple[str, list]:
    """(title, blocks of chapters and articles) with continuous 第X章 / 第X条 numbering."""
    template = load_template("charter", template_dir)
    library = load_library()
    context = template_context(spec)
    params = spec.parameters
    title = template.render(template.data["title"], context, "title")
    blocks: list = []
    article_no = 0
    for c, chapter in enumerate(template.data["chapters"]):
        blocks.append(ChapterHeading(f"第{cn_number(c + 1)}章\u3000{chapter['title']}"))
        for a, entry in enumerate(chapter["articles"]):
            where = f"chapters[{c}].articles[{a}]"
            if not template.when(entry, context, where):
                continue
            clause_id = str(entry["clause"])
            if clause_id not in library:
                raise TemplateError(f"示范条款 {clause_id} 不存在", where=f"{template.path.name}: {where}")
            article_no += 1
            sources = as_list(entry["text"]) + as_list(entry.get("items"))
            # A paragraph whose {% if %} is false renders empty and is left out.
            paragraphs = [text for t in as_list(entry["text"]) if (text := template.render(t, context, where))]
            items = [item_label(i + 1) + template.render(t, context, where)
                     for i, t in enumerate(as_list(entry.get("items")))]
            used = set().union(*(referenced_params(s) for s in sources))
            if any("term_years" in s for s in sources):
                used.add("term_years")
            blocks.append(Article(f"第{cn_number(article_no)}条", paragraphs, items, clause_id,
                                  {name: params.display(name) for name in sorted(used) if name in params.values}))
    return title, blocks


def trace_rows(articles: list) -> list[TraceRow]:
    library = load_library()
    rows = []
    for block in articles:
        if isinstance(block, Article):
            clause = library.get(block.clause_id)
            values = "；".join(f"{name} = {value}" for name, value in block.params.items()) or "—"
            rows.append(TraceRow(block.label, clause.id, clause.title, values))
    return rows


def charter_blocks(spec: Spec, template_dir: Path | None = None, *, annex_prefix: str = "") -> list:
    """The whole charter: title, notice, chapters, then the 条款对照表 annex."""
    library = load_library()
    title, articles = charter_articles(spec, template_dir)
    blocks: list = [Title(title), Subtitle("（草案）"),
                     Paragraph(f"注：本章程依据{library.title}起草，{library.label}不是标准原文，各条所依据的条款见附表。",
                               indent=False, align="center", note=True)]
    blocks += articles
    blocks += [
        PageBreak(),
        AnnexLabel(f"{annex_prefix}附：条款对照表"),
        Title("章程条款与示范条款对照表"),
        Paragraph(f"说明：本表列出本章程每一条所依据的{library.label}编号及所用参数取值。"
                  f"关于{library.label}：{library.notice}"),
        Table(["章程条款", "示范条款", "条款标题", "参数取值"],
              [[r.article, r.clause_id, r.clause_title, r.params] for r in trace_rows(articles)],
              widths_mm=[28, 18, 42, 68], font_pt=10.5),
    ]
    return blocks

"""Answers: extractive quotes that exist verbatim in the sources, abstention, and the verified LLM path."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.qa import ABSTAIN_PREFIX, answer


@pytest.fixture(scope="module")
def model_texts() -> dict[str, str]:
    from assistant.clauses import load_library

    return {c.id: c.text for c in load_library().texts()}


def law_text(laws_dir: Path, document: str) -> str:
    for path in laws_dir.glob("*.md"):
        if path.stem.split("-")[0] == document:
            return path.read_text(encoding="utf-8")
    raise AssertionError(f"no law file for {document}")


def article_text(source: str, clause: str) -> str:
    """The lines of one article in the file: from "第X条 " up to the next article or heading."""
    lines = source.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(clause + " "))
    out = [lines[start]]
    for line in lines[start + 1:]:
        if line.startswith("#") or (line.startswith("第") and "条 " in line[:8]):
            break
        out.append(line)
    return "\n".join(out)


ANSWERABLE = [
    "认证机构的注册资本最少要多少？",
    "取得认证机构资质要符合哪些条件？",
    "社会团体的章程必须写明哪些事项？",
    "不符合强制性标准的产品可以销售吗？",
    "因为产品缺陷受到损害，要求赔偿的诉讼时效是多久？",
    "委员会的法定人数是多少？",
    "技术决议要多少赞成票才算通过？",
    "换届前要做财务审计吗？",
    "伪造、变造认证证书的，罚多少钱？",
]


@pytest.mark.parametrize("question", ANSWERABLE)
def test_citations_exist_verbatim_in_the_sources(law_searcher, laws_dir, model_texts, question):
    result = answer(question, law_searcher)
    assert not result.abstained, result.text
    assert result.citations
    for citation in result.citations:
        assert citation.marker in result.text
        assert len(citation.quote) >= 4
        if citation.document == "示范条款":
            assert citation.quote in model_texts[citation.clause]
        else:
            assert citation.quote in article_text(law_text(laws_dir, citation.document), citation.clause)


def test_registered_capital_answer(law_searcher):
    result = answer("认证机构的注册资本最少要多少？", law_searcher)
    assert result.citations[0].document == "认证认可条例" and result.citations[0].clause == "第十条"
    assert "注册资本不得少于人民币300万元" in result.text
    assert "〔认证认可条例 第十条〕" in result.text


def test_a_question_asking_an_amount_quotes_the_sentence_that_states_it(law_searcher):
    # the article's lead sentence names the fine; without the preference the matching list item alone was quoted
    result = answer("在浙江，伪造、变造认证证书的，罚多少钱？", law_searcher)
    first = next(c for c in result.citations if (c.document, c.clause) == ("浙江省检验机构管理条例", "第四十九条"))
    assert "处三万元以上十万元以下罚款" in first.quote
    assert any(c.quote.startswith("（一）") and "伪造" in c.quote for c in result.citations)


def test_list_questions_quote_the_items(law_searcher):
    result = answer("取得认证机构资质要符合哪些条件？", law_searcher)
    quotes = [c.quote for c in result.citations if c.clause == "第十条"]
    assert quotes[0] == "取得认证机构资质，应当符合下列条件："
    assert [q[:3] for q in quotes[1:6]] == ["（一）", "（二）", "（三）", "（四）", "（五）"]


def test_model_clause_answers_say_they_are_not_the_standard(law_searcher):
    result = answer("委员会的法定人数是多少？", law_searcher)
    assert result.citations[0].document == "示范条款" and result.citations[0].clause == "5.4.4"
    assert "〔示范条款 5.4.4〕" in result.text
    assert "示范条款" in result.text and "不是标准原文" in result.text


@pytest.mark.parametrize("question", [
    "个人所得税的起征点是多少？",
    "驾驶证到期了怎么换证？",
    "股票交易的印花税税率是多少？",
    "城镇职工医保住院报销比例是多少？",
    "航空公司托运行李的重量限制是多少？",
])
def test_abstains_outside_the_corpus(law_searcher, question):
    result = answer(question, law_searcher)
    assert result.abstained
    assert result.citations == []
    assert result.text.startswith(ABSTAIN_PREFIX)
    assert "最接近的条款" in result.text and "〔" in result.text


def test_ask_json_right_after_install(tmp_path):
    """No corpus add: the model clause set is indexed on first use."""
    from cli.main import cli

    result = CliRunner().invoke(cli, ["ask", "委员会的法定人数是多少？", "--json"],
                                env={"CHARTER_INDEX": str(tmp_path / "new-index")})
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"question", "answer", "abstained", "citations"}
    assert data["abstained"] is False
    assert data["citations"][0] == {"document": "示范条款", "clause": "5.4.4",
                                    "quote": "全体委员会议应有三分之二以上有表决权的委员出席方能举行。"}


def test_ask_text_and_abstention_json(law_index_dir):
    from cli.main import cli

    runner = CliRunner()
    text = runner.invoke(cli, ["ask", "认证人员能不能同时在两家认证机构执业？", "--index", str(law_index_dir)])
    assert text.exit_code == 0 and "〔认证认可条例 第十四条〕" in text.output
    none = runner.invoke(cli, ["ask", "增值税专用发票怎么开具？", "--json", "--index", str(law_index_dir)])
    data = json.loads(none.output)
    assert data["abstained"] is True and data["citations"] == []
    assert data["answer"].startswith("依据现有资料无法回答：")
    assert "资料中没有出现问题里的“增值税”" in data["answer"]  # the reason names what the texts lack
    fee = runner.invoke(cli, ["ask", "认证认可监督管理部门在哪个区办公？", "--json", "--index", str(law_index_dir)])
    data = json.loads(fee.output)
    assert data["abstained"] is True and "检索到的条款未载明所问的地址" in data["answer"]


def test_ask_batch(law_index_dir, tmp_path):
    from cli.main import cli

    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": 1, "question": "委员会的法定人数是多少？"}\n"个人所得税的起征点是多少？"\n{"q": "x"}\n',
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["ask", "--batch", str(batch), "--index", str(law_index_dir)])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["id"] == 1 and rows[0]["abstained"] is False
    assert rows[1]["question"] == "个人所得税的起征点是多少？" and rows[1]["abstained"] is True
    assert rows[2] == {"line": 3, "error": "每行应为含 question 字段的 JSON 对象"}
    assert "[第 1 行] 完成" in result.stderr and "[第 3 行] 失败" in result.stderr


# ---- the LLM path, with langchain_core's fake chat models -------------------------------------------------------

def fake(*replies: str):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    return FakeListChatModel(responses=list(replies))


def reply(answer_text: str, *citations: tuple[str, str, str]) -> str:
    return "```json\n" + json.dumps({"answer": answer_text, "citations": [
        {"document": d, "clause": c, "quote": q} for d, c, q in citations]}, ensure_ascii=False) + "\n```"


def test_llm_answer_with_verified_citation(law_searcher):
    from assistant.llm import llm_answer

    model = fake(reply("认证机构的注册资本不得少于人民币300万元〔认证认可条例 第十条〕。",
                       ("中华人民共和国认证认可条例", "第十条", "注册资本不得少于人民币300万元")))
    result = llm_answer("认证机构的注册资本最少要多少？", law_searcher, model)
    assert not result.abstained
    assert [c.to_dict() for c in result.citations] == [
        {"document": "认证认可条例", "clause": "第十条", "quote": "注册资本不得少于人民币300万元"}]
    assert result.text.startswith("认证机构的注册资本不得少于人民币300万元〔认证认可条例 第十条〕")


def test_llm_invented_citation_is_dropped(law_searcher):
    from assistant.llm import llm_answer

    model = fake(reply("注册资本不得少于300万元〔认证认可条例 第十条〕，且须有20名专职人员〔认证机构管理办法 第五条〕。",
                       ("认证认可条例", "第十条", "注册资本不得少于人民币300万元"),
                       ("认证机构管理办法", "第五条", "应当有20名以上专职认证人员"),
                       ("认证认可条例", "第十条", "注册资本不得少于人民币500万元")))
    result = llm_answer("认证机构的注册资本最少要多少？", law_searcher, model)
    assert not result.abstained
    assert [(c.document, c.clause) for c in result.citations] == [("认证认可条例", "第十条")]
    assert "〔认证机构管理办法 第五条〕" not in result.text
    assert "已删除 2 处无法核实的引用" in result.text


def test_llm_answer_with_only_invented_citations_abstains(law_searcher):
    from assistant.llm import llm_answer

    model = fake(reply("技术专家组的法定人数为过半数〔专家组管理规定 第八条〕。",
                       ("专家组管理规定", "第八条", "过半数委员出席")))
    result = llm_answer("委员会的法定人数是多少？", law_searcher, model)
    assert result.abstained and result.citations == []
    assert result.text.startswith("依据现有资料无法回答：模型给出的引用无法在检索到的条款中核实")


@pytest.mark.parametrize("content", ["我认为是三分之二。", reply("三分之二。")])
def test_llm_unparseable_or_uncited_reply_abstains(law_searcher, content):
    from assistant.llm import llm_answer

    result = llm_answer("委员会的法定人数是多少？", law_searcher, fake(content))
    assert result.abstained


def test_llm_is_not_called_when_evidence_is_weak(law_searcher):
    from assistant.llm import llm_answer

    model = fake(reply("起征点为5000元〔计量法 第二十七条〕。", ("计量法", "第二十七条", "没收计量器具和违法所得")))
    result = llm_answer("个人所得税的起征点是多少？", law_searcher, model)
    assert result.abstained
    assert model.i == 0  # the model was never asked


def test_llm_model_clause_citation_gets_the_label(law_searcher):
    from assistant.llm import llm_answer

    model = fake(reply("需三分之二以上有表决权的委员出席〔示范条款 5.4.4〕。",
                       ("示范条款", "5.4.4", "全体委员会议应有三分之二以上有表决权的委员出席方能举行")))
    result = llm_answer("委员会的法定人数是多少？", law_searcher, model)
    assert not result.abstained and "不是标准原文" in result.text


def test_llm_prompt_contains_only_retrieved_chunks(law_searcher):
    from assistant.llm import build_messages

    hits = law_searcher.search("认证机构的注册资本最少要多少？", 3)
    messages = build_messages("认证机构的注册资本最少要多少？", hits)
    assert "只能依据" in messages[0].content
    assert messages[1].content.count("文件名：") == 3
    assert "[1] 文件名：认证认可条例；条款号：第十条" in messages[1].content


def test_llm_option_without_the_extra_is_a_user_error(law_index_dir):
    import importlib.util

    from cli.main import cli

    if importlib.util.find_spec("langchain_openai"):
        pytest.skip("langchain-openai is installed here")
    result = CliRunner().invoke(cli, ["ask", "法定人数", "--llm", "http://127.0.0.1:9/v1", "--model", "m",
                                      "--index", str(law_index_dir)])
    assert result.exit_code == 2
    assert "pip install 'charter-assistant[llm]'" in result.output and "Traceback" not in result.output

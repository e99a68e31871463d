"""The chat REPL: follow-up questions, /sources, /quit, and a pipe on stdin."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.qa import ChatSession
from assistant.retrieval.index import Index

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def index_dir(laws_dir, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("chat") / "index"
    Index(directory).add([laws_dir / "认证认可条例-2023.md", laws_dir / "社会团体登记管理条例-2016.md"])
    return directory


def test_follow_up_uses_the_previous_question(index_dir):
    session = ChatSession(Index(index_dir).searcher())
    first = session.ask("委员会的法定人数是多少？")
    assert first.citations[0].clause == "5.4.4"
    follow = session.ask("那技术决议的表决呢？")
    assert session.is_follow_up("那技术决议的表决呢？")
    assert follow.citations[0].document == "示范条款" and follow.citations[0].clause == "5.4.6"
    assert session.last_citations == follow.citations
    assert not session.is_follow_up("认证机构的注册资本最少要多少？")


def test_follow_up_on_term_then_delay(index_dir):
    session = ChatSession(Index(index_dir).searcher())
    assert session.ask("技术专家组织每届任期是几年？").citations[0].clause == "5.2.1"
    assert session.ask("那延期换届呢？").citations[0].clause == "5.2.4"


def test_chat_with_piped_stdin(index_dir):
    from cli.main import cli

    script = "委员会的法定人数是多少？\n\n/sources\n/unknown\n认证机构的注册资本最少要多少？\n/quit\n这一行不会被处理\n"
    result = CliRunner().invoke(cli, ["chat", "--index", str(index_dir)], input=script)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "问：委员会的法定人数是多少？" in out
    assert "〔示范条款 5.4.4〕“全体委员会议应有三分之二以上有表决权的委员出席方能举行。”" in out  # /sources
    assert "未知命令：/unknown" in out
    assert "〔认证认可条例 第十条〕" in out
    assert "这一行不会被处理" not in out
    assert "/quit 退出" in result.stderr


def test_chat_ends_at_end_of_input_and_sources_before_any_answer(index_dir):
    from cli.main import cli

    result = CliRunner().invoke(cli, ["chat", "--index", str(index_dir)], input="/sources\n个人所得税的起征点是多少？\n")
    assert result.exit_code == 0
    assert "上一回答没有引用。" in result.stdout
    assert "依据现有资料无法回答：" in result.stdout


def test_chat_in_a_real_pipe(index_dir):
    env = dict(os.environ, PYTHONPATH=str(ROOT), CHARTER_INDEX=str(index_dir))
    proc = subprocess.run([sys.executable, "-m", "cli.main", "chat"], input="委员会的法定人数是多少？\n/sources\n",
                          cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert "〔示范条款 5.4.4〕" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_chat_session_with_a_fake_llm(index_dir):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from assistant.llm import answerer_for

    reply = json.dumps({"answer": "应有三分之二以上有表决权的委员出席〔示范条款 5.4.4〕。", "citations": [
        {"document": "示范条款", "clause": "5.4.4", "quote": "三分之二以上有表决权的委员出席"}]}, ensure_ascii=False)
    session = ChatSession(Index(index_dir).searcher(), answerer_for(FakeListChatModel(responses=[reply])))
    result = session.ask("委员会的法定人数是多少？")
    assert not result.abstained
    assert session.last_citations[0].quote == "三分之二以上有表决权的委员出席"

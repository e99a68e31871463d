"""The index manager: first use, idempotent add, changed files, remove, rebuild, locking, killed runs, server mode."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.errors import CorpusError
from assistant.retrieval.index import MODEL_DOCUMENT, Index

ROOT = Path(__file__).resolve().parents[1]

# Prints {"state": [vector ids the committed state names], "store": [vector ids chromadb holds]} for an index,
# from a fresh process (so no in-process chromadb cache can hide what is on disk).
INSPECT = """
import json, sys
from assistant.retrieval.index import Index
ix = Index(sys.argv[1])
state = ix._read_state()
store = ix._store(state)
print(json.dumps({"state": sorted(c["vid"] for c in state["chunks"].values()), "store": sorted(store.ids()),
                  "documents": sorted(state["documents"])}, ensure_ascii=False))
"""


def run_py(code: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("CHARTER_INDEX", None)
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=check)


def inspect(directory: Path) -> dict:
    return json.loads(run_py(INSPECT, str(directory)).stdout)


def law_paths(laws_dir: Path) -> list[Path]:
    return sorted(p for p in laws_dir.glob("*.md") if p.name != "SOURCES.md")


@pytest.fixture(scope="module")
def law_index(laws_dir, tmp_path_factory) -> Index:
    index = Index(tmp_path_factory.mktemp("laws") / "index")
    report = index.add(law_paths(laws_dir))
    assert report.failed == [] and len(report.added) == 14
    return index


def test_first_use_builds_the_model_clause_set(tmp_path):
    from assistant.clauses import load_library

    index = Index(tmp_path / "fresh")
    docs = index.documents()
    assert [d.name for d in docs] == [MODEL_DOCUMENT]
    assert docs[0].kind == "model"
    assert docs[0].chunks == len(load_library().texts())
    assert (tmp_path / "fresh" / "state.json").exists()
    chunk = {c.clause: c for c in index.chunks()}["5.4.4"]
    assert chunk.id == "示范条款#5.4.4" and chunk.title == "法定出席人数"


def test_progress_reports_every_written_vector(tmp_path, laws_dir):
    calls: list[tuple[int, int]] = []
    index = Index(tmp_path / "ix", progress=lambda done, total: calls.append((done, total)))
    report = index.add(sorted(p for p in laws_dir.glob("*.md") if p.name != "SOURCES.md"))
    written = report.chunks + len(index.searcher().doc_positions[MODEL_DOCUMENT])  # laws + model clauses
    assert len(calls) >= 2 and calls[-1] == (written, written)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)  # batches of at most 500, in order
    assert all(b - a <= 500 for (a, _), (b, _) in zip([(0, 0), *calls], calls))


def test_list_shows_documents_counts_and_dates(law_index):
    docs = {d.name: d for d in law_index.documents()}
    assert len(docs) == 15
    assert docs["认证认可条例"].chunks == 77
    assert docs["认证认可条例"].title == "中华人民共和国认证认可条例"
    assert docs["认证认可条例"].added.startswith("20")
    assert list(docs)[0] == MODEL_DOCUMENT


def test_readding_unchanged_files_changes_nothing(law_index, laws_dir):
    before = json.loads(law_index.state_path.read_text(encoding="utf-8"))
    report = law_index.add(law_paths(laws_dir))
    assert sorted(report.unchanged) == sorted(d for d in before["documents"] if d != MODEL_DOCUMENT)
    assert report.added == report.updated == []
    after = json.loads(law_index.state_path.read_text(encoding="utf-8"))
    assert after == before
    seen = inspect(law_index.directory)
    assert seen["store"] == seen["state"]


def test_changed_file_replaces_its_chunks(tmp_path, laws_dir):
    copy = tmp_path / "计量法-2018.md"
    shutil.copy(laws_dir / "计量法-2018.md", copy)
    index = Index(tmp_path / "index")
    assert index.add([copy]).added == ["计量法"]
    old_vids = {c["vid"] for c in index.state["chunks"].values() if c["document"] == "计量法"}
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("第三十四条 本法自1986年7月1日起施行。", ""), encoding="utf-8")
    report = index.add([copy])
    assert report.updated == ["计量法"]
    docs = {d.name: d for d in index.documents()}
    assert docs["计量法"].chunks == 33
    seen = inspect(index.directory)
    assert seen["store"] == seen["state"]
    assert not old_vids & set(seen["store"])


def test_remove_by_name_or_path(tmp_path, laws_dir):
    index = Index(tmp_path / "index")
    index.add([laws_dir / "计量法-2018.md", laws_dir / "标准化法-2017.md"])
    assert index.remove("计量法").chunks == 34
    assert index.remove(str(laws_dir / "标准化法-2017.md")).name == "标准化法"
    assert [d.name for d in index.documents()] == [MODEL_DOCUMENT]
    seen = inspect(index.directory)
    assert seen["store"] == seen["state"]
    with pytest.raises(CorpusError, match="索引中没有该文件"):
        index.remove("计量法")
    with pytest.raises(CorpusError, match="不能删除"):
        index.remove(MODEL_DOCUMENT)


def test_same_title_from_another_file_gets_a_distinct_name(tmp_path, laws_dir):
    other = tmp_path / "认证认可条例-旧版.md"
    other.write_text("# 中华人民共和国认证认可条例\n\n第一条 旧版条文。\n", encoding="utf-8")
    index = Index(tmp_path / "index")
    report = index.add([laws_dir / "认证认可条例-2023.md", other])
    assert report.added == ["认证认可条例", "认证认可条例（认证认可条例-旧版）"]


def test_unreadable_file_is_reported_and_the_others_go_in(tmp_path, laws_dir):
    from cli.main import cli

    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"this is not a docx")
    index_dir = tmp_path / "index"
    result = CliRunner().invoke(cli, ["corpus", "add", str(bad), str(laws_dir / "计量法-2018.md"),
                                      "--index", str(index_dir)])
    assert result.exit_code == 1
    assert f"无法读取：{bad}：" in result.output and "DOCX" in result.output
    assert "已添加：计量法" in result.output
    assert "计量法" in {d.name for d in Index(index_dir).documents()}


def test_corpus_cli_list_remove_rebuild(tmp_path, laws_dir):
    from cli.main import cli

    runner = CliRunner()
    env = {"CHARTER_INDEX": str(tmp_path / "index")}
    assert runner.invoke(cli, ["corpus", "add", str(laws_dir / "计量法-2018.md")], env=env).exit_code == 0
    listed = runner.invoke(cli, ["corpus", "list", "--json"], env=env)
    assert listed.exit_code == 0
    names = {d["name"]: d for d in json.loads(listed.output)["documents"]}
    assert names["计量法"]["chunks"] == 34 and MODEL_DOCUMENT in names
    assert json.loads(listed.output)["embedder"] == "hash"
    plain = runner.invoke(cli, ["corpus", "list"], env=env)
    assert "计量法\t34 条" in plain.output and "共 2 个文件" in plain.output and "向量化方式：hash" in plain.output
    rebuilt = runner.invoke(cli, ["corpus", "rebuild"], env=env)
    assert rebuilt.exit_code == 0 and "已重建：1 个文件（34 条）" in rebuilt.output
    state = json.loads((tmp_path / "index" / "state.json").read_text(encoding="utf-8"))
    assert state["generation"] == 2 and state["collection"].endswith("-g2")
    seen = inspect(tmp_path / "index")
    assert seen["store"] == seen["state"] and len(seen["state"]) == 34 + names[MODEL_DOCUMENT]["chunks"]
    removed = runner.invoke(cli, ["corpus", "remove", "计量法"], env=env)
    assert removed.exit_code == 0 and "已删除：计量法（34 条）" in removed.output
    missing = runner.invoke(cli, ["corpus", "remove", "不存在的文件"], env=env)
    assert missing.exit_code == 2
    assert missing.output.startswith("Error: 不存在的文件: 索引中没有该文件") and "Traceback" not in missing.output


def test_concurrent_adds_neither_corrupt_nor_lose_chunks(tmp_path, laws_dir):
    paths = law_paths(laws_dir)
    index_dir = tmp_path / "index"
    code = "import sys; from assistant.retrieval.index import Index; Index(sys.argv[1]).add(sys.argv[2:])"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", code, str(index_dir), *map(str, part)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for part in (paths[:7], paths[7:])]
    for proc in procs:
        _, err = proc.communicate()
        assert proc.returncode == 0, err.decode()
    seen = inspect(index_dir)
    assert len(seen["documents"]) == 15
    assert seen["store"] == seen["state"]
    total = sum(d.chunks for d in Index(index_dir).documents())
    assert len(seen["state"]) == total


KILL_AFTER_VECTORS = """
import os, sys
from assistant.retrieval import index as m
m.Index._commit_state = lambda self, state: os._exit(9)   # dies after writing vectors, before the commit
m.Index(sys.argv[1]).add(sys.argv[2:])
"""

KILL_DURING_VECTORS = """
import os, sys
from assistant.retrieval import store as s
real = s.VectorStore.add
def add(self, ids, texts, metas, progress=None):
    real(self, ids[:50], texts[:50], metas[:50])   # half-written vectors
    os._exit(9)
s.VectorStore.add = add
from assistant.retrieval.index import Index
Index(sys.argv[1]).add(sys.argv[2:])
"""


@pytest.mark.parametrize("killer", [KILL_AFTER_VECTORS, KILL_DURING_VECTORS], ids=["before-commit", "mid-vectors"])
def test_killed_add_leaves_the_last_complete_state(tmp_path, laws_dir, killer):
    index_dir = tmp_path / "index"
    run_py("import sys; from assistant.retrieval.index import Index; Index(sys.argv[1]).add(sys.argv[2:])",
           str(index_dir), str(laws_dir / "计量法-2018.md"))
    state_before = (index_dir / "state.json").read_bytes()
    killed = run_py(killer, str(index_dir), str(laws_dir / "标准化法-2017.md"), str(laws_dir / "认证认可条例-2023.md"),
                    check=False)
    assert killed.returncode == 9
    assert (index_dir / "state.json").read_bytes() == state_before
    assert not list(index_dir.glob(".state.*.part"))
    docs = json.loads(run_py("import sys, json; from assistant.retrieval.index import Index; "
                             "print(json.dumps([d.name for d in Index(sys.argv[1]).documents()], ensure_ascii=False))",
                             str(index_dir)).stdout)
    assert docs == [MODEL_DOCUMENT, "计量法"]
    # the next writer removes what the killed run left in the vector store, then completes normally
    run_py("import sys; from assistant.retrieval.index import Index; Index(sys.argv[1]).add(sys.argv[2:])",
           str(index_dir), str(laws_dir / "标准化法-2017.md"))
    seen = inspect(index_dir)
    assert seen["documents"] == sorted([MODEL_DOCUMENT, "计量法", "标准化法"])
    assert seen["store"] == seen["state"]


def test_search_ignores_vectors_the_state_does_not_name(tmp_path, laws_dir):
    index_dir = tmp_path / "index"
    run_py("import sys; from assistant.retrieval.index import Index; Index(sys.argv[1]).add(sys.argv[2:])",
           str(index_dir), str(laws_dir / "计量法-2018.md"))
    run_py(KILL_AFTER_VECTORS, str(index_dir), str(laws_dir / "认证认可条例-2023.md"), check=False)
    hits = Index(index_dir).searcher().search("认证机构的注册资本", 10)
    assert all(h.chunk.document != "认证认可条例" for h in hits)


def test_jieba_cache_lives_in_the_index_folder(tmp_path, laws_dir):
    run_py("import sys; from assistant.retrieval.index import Index; Index(sys.argv[1]).add(sys.argv[2:])",
           str(tmp_path / "index"), str(laws_dir / "计量法-2018.md"))
    assert (tmp_path / "index" / "jieba" / "jieba.cache").stat().st_size > 1_000_000


def test_index_location_from_environment(tmp_path, monkeypatch):
    from assistant.retrieval.index import resolve_index_dir

    monkeypatch.setenv("CHARTER_INDEX", str(tmp_path / "from-env"))
    assert resolve_index_dir() == tmp_path / "from-env"
    assert resolve_index_dir(tmp_path / "explicit") == tmp_path / "explicit"
    monkeypatch.delenv("CHARTER_INDEX")
    assert resolve_index_dir().name == "index" and "charter-assistant" in str(resolve_index_dir())


def test_switching_embedder_needs_a_rebuild(tmp_path, laws_dir):
    index = Index(tmp_path / "index")
    index.add([laws_dir / "计量法-2018.md"])
    with pytest.raises(CorpusError, match="corpus rebuild --embedding hash:512"):
        Index(tmp_path / "index", embedder="hash:512").add([laws_dir / "标准化法-2017.md"])
    Index(tmp_path / "index", embedder="hash:512").rebuild()
    state = json.loads((tmp_path / "index" / "state.json").read_text(encoding="utf-8"))
    assert state["embedder"] == "hash:512"
    assert Index(tmp_path / "index").searcher().search("计量检定系统表", 1)[0].chunk.clause == "第十条"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def chroma_server(tmp_path):
    import httpx

    chroma = Path(sys.executable).with_name("chroma")
    if not chroma.exists():
        pytest.skip("the chroma server script is not installed next to this Python")
    port = _free_port()
    log = open(tmp_path / "chroma.log", "wb")
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # wait for the heartbeat (up to ~60 s on a slow machine); nothing is asserted on time
            if proc.poll() is not None:
                pytest.fail(f"chroma run exited: {(tmp_path / 'chroma.log').read_text(errors='replace')}")
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        else:
            pytest.fail("chroma server did not answer its heartbeat")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_server_mode_through_http_client(tmp_path, laws_dir, chroma_server):
    from cli.main import cli

    index = Index(tmp_path / "index", chroma_url=chroma_server)
    report = index.add([laws_dir / "认证认可条例-2023.md", laws_dir / "计量法-2018.md"])
    assert report.added == ["认证认可条例", "计量法"]
    assert not (tmp_path / "index" / "chroma").exists()  # vectors live on the server, state stays local
    hits = index.searcher().search("认证机构的注册资本最少要多少", 3)
    assert hits[0].chunk.id == "认证认可条例#第十条"
    assert hits[0].vector_rank is not None

    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=int(chroma_server.rsplit(":", 1)[1]))
    state = json.loads((tmp_path / "index" / "state.json").read_text(encoding="utf-8"))
    collection = client.get_collection(state["collection"])
    assert collection.count() == len(state["chunks"])
    result = CliRunner().invoke(cli, ["search", "计量检定系统表", "--json", "-k", "1", "--index",
                                      str(tmp_path / "index"), "--chroma-url", chroma_server])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"][0]["clause"] == "第十条"


def test_unreachable_server_is_a_user_error(tmp_path):
    from cli.main import cli

    result = CliRunner().invoke(cli, ["search", "法定人数", "--index", str(tmp_path / "i"),
                                      "--chroma-url", f"http://127.0.0.1:{_free_port()}"])
    assert result.exit_code == 2
    assert "无法连接 Chroma 服务" in result.output and "Traceback" not in result.output

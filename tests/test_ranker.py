"""The reranker: fitting, loading, and how the searcher uses it."""
from __future__ import annotations

import json
import random

import pytest

from assistant.retrieval import ranker


def _groups(seed: int, n: int) -> list[tuple[list[list[float]], list[int]]]:
    """Questions of 10 candidates each: feature 0 is higher for the expected one, feature 1 is noise."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        labels = [0] * 10
        labels[rng.randrange(10)] = 1
        out.append(([[rng.gauss(3.0 * y, 1.0), rng.gauss(0.0, 1.0)] for y in labels], labels))
    return out


def test_fit_learns_which_feature_tells_the_answer():
    fitted = ranker.fit(_groups(1, 300))
    assert fitted.weights[0] > 5 * abs(fitted.weights[1])
    held_out = _groups(2, 300)
    first = sum(labels[max(range(10), key=lambda i: fitted.scores(rows)[i])] for rows, labels in held_out)
    assert first > 0.7 * len(held_out)  # chance is a tenth


def test_fit_needs_a_question_with_both_kinds_of_candidate():
    with pytest.raises(ValueError):
        ranker.fit([([[1.0], [2.0]], [0, 0]), ([[1.0]], [1])])


def test_shares_keep_the_order_and_compare_as_odds():
    r = ranker.Ranker((1.0, -2.0), features=("a", "b"))
    rows = [[3.0, 1.0], [1.0, 0.0], [0.0, 2.0]]
    shares = r.shares(rows)
    scores = r.scores(rows)
    assert sorted(range(3), key=lambda i: -shares[i]) == sorted(range(3), key=lambda i: -scores[i])
    assert sum(shares) == pytest.approx(1.0)
    assert shares[0] / shares[1] == pytest.approx(2.718281828 ** (scores[0] - scores[1]))


def test_only_a_file_fitted_on_the_current_features_is_used(tmp_path, monkeypatch):
    path = tmp_path / "ranker.json"
    monkeypatch.setitem(ranker.EMBEDDER_RANKERS, "hash", path)
    assert ranker.load_ranker("hash") is None  # no file
    path.write_text(json.dumps({"features": ["old"], "weights": [1.0]}), encoding="utf-8")
    assert ranker.load_ranker("hash") is None
    path.write_text(json.dumps(ranker.Ranker((0.5,) * len(ranker.FEATURES)).to_dict()), encoding="utf-8")
    assert ranker.load_ranker("hash").weights == (0.5,) * len(ranker.FEATURES)
    assert ranker.load_ranker("st:/some/model") is None  # an embedder the benchmark never fitted


def test_the_shipped_rankers_fit_the_current_features():
    for embedder, path in ranker.EMBEDDER_RANKERS.items():
        if path.exists():
            assert ranker.load_ranker(embedder) is not None, path.name
    assert ranker.load_ranker("hash") is not None


def test_the_searcher_reorders_its_best_fused_candidates(law_searcher):
    question = "产品质量检验机构出具虚假检验结果会怎么处理？"
    assert law_searcher.ranker is not None
    fused = law_searcher.search(question, ranker.DEPTH, rerank=False)
    reranked = law_searcher.search(question, ranker.DEPTH)
    assert {h.chunk.id for h in fused} == {h.chunk.id for h in reranked}
    shares = [h.score for h in reranked]
    assert shares == sorted(shares, reverse=True) and 0 < sum(shares) <= 1.0 + 1e-9
    features = law_searcher.candidate_features(law_searcher.prepare(question), fused)
    expected = law_searcher.ranker.shares(features)
    by_id = {h.chunk.id: s for h, s in zip(fused, expected)}
    assert [h.score for h in reranked] == pytest.approx([by_id[h.chunk.id] for h in reranked])


def test_without_a_ranker_the_fused_order_stands(law_searcher, monkeypatch):
    question = "认证机构的设立需要什么条件？"
    fused = [h.chunk.id for h in law_searcher.search(question, 10, rerank=False)]
    monkeypatch.setattr(law_searcher, "ranker", None)
    assert [h.chunk.id for h in law_searcher.search(question, 10)] == fused


def test_an_asked_fact_must_be_stated_in_the_fused_best_hits_too(law_searcher):
    """The reranker may lift a unit that states a period about something else into the best three; the asked-fact
    check then still looks at the fused best (a lab's report deadline is answered by no 工作日 of another rule)."""
    import re

    from assistant.retrieval.hybrid import Hit

    question = "我在上海开了个检测公司，客户送样以后，规定最多几个工作日内必须把报告出给人家？"
    fused = law_searcher.search(question, 10, rerank=False)
    assert law_searcher.evidence(question, fused).missing_facts
    lifted = next(c for c in law_searcher.chunks if re.search(r"[一二三四五六七八九十]+个工作日", c.text)
                  and c.id not in {h.chunk.id for h in fused})
    reordered = [Hit(lifted, 1.0, fused_rank=len(fused) + 1), *fused[:9]]
    assert law_searcher.evidence(question, reordered).missing_facts
    as_if_fused_first = [Hit(lifted, 1.0, fused_rank=1), *(Hit(h.chunk, h.score, fused_rank=h.fused_rank + 1)
                                                         for h in fused[:9])]
    assert not law_searcher.evidence(question, as_if_fused_first).missing_facts


def test_a_list_question_and_the_units_that_list_items(law_searcher):
    from assistant.retrieval.hybrid import enumerated_items

    assert enumerated_items("产品质量应当符合下列要求：\n（一）不存在危险；\n（二）具备性能；\n（三）符合标准。") == 3
    assert enumerated_items("委员有下列情形之一的，应予解聘：岗位变动；不能履职；连续2次缺席。") == 3
    assert enumerated_items("认可证书应当包括认可范围、认可标准、认可领域和有效期限。") == 0
    assert enumerated_items("检验合格的，出具证明；不合格的，出具通知。") == 0  # no 下列 list, only two clauses

    names = list(ranker.FEATURES)
    for question, asks in (("产品质量法对生产者的产品提出了哪些要求？", 1.0), ("生产者的产品质量要求是什么？", 0.0)):
        hits = law_searcher.search(question, ranker.DEPTH, rerank=False)
        rows = law_searcher.candidate_features(law_searcher.prepare(question), hits)
        assert all(len(row) == len(names) for row in rows)
        for hit, row in zip(hits, rows):
            lists = float(enumerated_items(hit.chunk.text) > 0)
            assert row[names.index("lists_items")] == lists
            assert row[names.index("answers_list")] == asks * lists


def test_the_asked_part_is_the_questions_last_two_clauses(law_searcher):
    question = "我在上海开了个小厂，去年被人举报过，检测公司出具的报告里必须写明哪些内容？"
    query = law_searcher.prepare(question)
    hits = law_searcher.search(question, ranker.DEPTH, rerank=False)
    rows = law_searcher.candidate_features(query, hits)
    at = list(ranker.FEATURES).index("asked_part_coverage")
    asked = [g for g in query.groups if g[1][0] in "去年被人举报过检测公司出具的报告里必须写明哪些内容"]
    assert asked and len(asked) < len(query.groups)  # 小厂 sets the scene and is not asked
    for hit, row in zip(hits, rows):
        pos = law_searcher.pos_by_id[hit.chunk.id]
        assert row[at] == pytest.approx(law_searcher.coverage(query, pos, asked))

"""The model clause set and the charter template are consistent data (one source per number)."""
import re

import pytest

from assistant import yamlio
from assistant.clauses import load_library, referenced_params, search_aliases
from assistant.params import load_parameters, parameter_set
from assistant.resources import templates_dir


def charter_template():
    return yamlio.load_file(templates_dir() / "charter" / "charter.yaml")


def test_clause_set_is_labelled_and_large_enough():
    library = load_library()
    assert len(library.clauses) >= 40
    assert library.label == "示范条款"
    assert "不是标准原文" in library.notice
    ids = [c.id for c in library.clauses]
    assert len(ids) == len(set(ids))
    assert {c.chapter for c in library.clauses} >= {"4", "5", "6"}
    assert any(c.id.startswith("5.1.") for c in library.clauses) and any(c.id.startswith("5.4.") for c in library.clauses)


def test_every_clause_has_search_aliases_that_add_words():
    library = load_library()
    aliases = search_aliases()
    assert set(aliases) == {c.id for c in library.clauses}
    texts = {t.id: t.text for t in library.texts()}
    for clause_id, words in aliases.items():
        assert len(words) >= 3, clause_id
        assert not any(w in texts[clause_id] for w in words), clause_id  # an alias the text has adds nothing


def test_aliases_of_an_unknown_clause_are_refused(tmp_path, monkeypatch):
    import assistant.clauses as clauses

    (tmp_path / "clause_aliases.yaml").write_text('"4.3.7": [一家单位派几个人]\n"9.9": [没有这一条]\n', encoding="utf-8")
    monkeypatch.setattr(clauses, "corpus_dir", lambda: tmp_path)
    with pytest.raises(ValueError, match="9.9 不是"):
        clauses.search_aliases.__wrapped__()


def test_every_parameter_has_range_provenance_and_is_used():
    defs = load_parameters()
    used = set().union(*(set(c.params) for c in load_library().clauses))
    for name, param in defs.items():
        assert param.provenance in ("project", "analogue", "law"), name
        assert param.source, name
        if param.type in ("int", "share", "fraction"):
            assert param.min is not None and param.max is not None, name
    assert set(defs) <= used


def test_clause_texts_reference_only_their_declared_parameters_and_use_gbt11_forms():
    defs = load_parameters()
    for clause in load_library().clauses:
        refs = referenced_params(clause.template)
        assert refs <= set(clause.params), clause.id
        assert set(clause.params) <= set(defs), clause.id
        assert "必须" not in clause.template and "应当" not in clause.template, clause.id
    texts = load_library().texts()
    assert all("{{" not in t.text for t in texts)


def test_no_bare_rule_numbers_in_clause_text():
    # Digits may only come from parameters (or standard numbers such as GB/T 27000).
    for clause in load_library().clauses:
        stripped = re.sub(r"\{\{.*?\}\}", "", clause.template)
        stripped = re.sub(r"GB/T\s*\d+(\.\d+)*(-\d+)?", "", stripped)
        assert not re.search(r"\d", stripped), (clause.id, stripped)


def test_charter_articles_point_at_existing_clauses_and_known_parameters():
    library = load_library()
    defs = load_parameters()
    data = charter_template()
    titles = [c["title"] for c in data["chapters"]]
    assert titles == ["总则", "工作职责", "组织机构", "委员的权利和义务", "组建、换届和调整", "工作程序", "秘书处",
                      "经费", "监督、纪律和回避", "附则"]
    for chapter in data["chapters"]:
        for article in chapter["articles"]:
            assert str(article["clause"]) in library
            texts = article["text"] if isinstance(article["text"], list) else [article["text"]]
            for text in texts + list(article.get("items") or []):
                assert referenced_params(text) <= set(defs)
                assert "必须" not in text


def test_overrides_outside_range_are_refused():
    params, problems = parameter_set({"members.max": 10_000, "quorum": "3/2", "nope": 1})
    assert {name for name, _ in problems} == {"members.max", "quorum", "nope"}
    params, problems = parameter_set({"members.max": 25, "quorum": "3/4"})
    assert not problems and params.display("quorum") == "四分之三" and params["members.max"] == 25

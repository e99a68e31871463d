"""The held-out set tool of benchmarks/: what writers and checkers see, and what the checks refuse."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("heldout", ROOT / "benchmarks" / "heldout.py")
heldout = importlib.util.module_from_spec(spec)
spec.loader.exec_module(heldout)

ARTICLE = "第九条 认证机构应当在批准的范围内从事认证活动，并对认证结果负责。"


def _write(d: Path, questions: list[dict], labels: list[dict] | None = None) -> None:
    slots = [{"kind": "answerable", "document": "认证认可条例", "clause": "第九条", "heading": "第二章",
              "text": ARTICLE, "register": "everyday", "id": "t001"},
             {"kind": "unanswerable", "register": "plain", "id": "t002"}]
    heldout.write_jsonl(d / "slots.jsonl", slots)
    (d / "corpus.txt").write_text(f"【认证认可条例 第九条】 第二章\n{ARTICLE}\n\n【示范条款 5.2.1】 5 组建\n每届任期为3年。\n\n",
                                  encoding="utf-8")
    heldout.write_jsonl(d / "questions.jsonl", questions)
    if labels is not None:
        heldout.write_jsonl(d / "labels.jsonl", labels)


def test_check_accepts_a_good_set_and_names_each_problem(tmp_path):
    good = [{"id": "t001", "question": "认证公司能不能超出批下来的业务去做认证？", "register": "everyday",
             "expected": [{"document": "认证认可条例", "clause": "第九条"}]},
            {"id": "t002", "question": "认证机构的办公地址在哪里？", "register": "plain", "expected": []}]
    _write(tmp_path, good)
    assert heldout.check(tmp_path) == []

    bad = [dict(good[0], question="认证机构应当在批准的范围内干活吗？", register="plain"),
           dict(good[1], expected=[{"document": "认证认可条例", "clause": "第九条"}])]
    _write(tmp_path, bad)
    problems = heldout.check(tmp_path)
    assert any(p.startswith("t001: copies 5 consecutive characters") for p in problems)
    assert "t001: register must be everyday" in problems
    assert "t002: an unanswerable slot needs expected []" in problems


def test_label_check_needs_verbatim_quotes_and_apply_relabels(tmp_path):
    questions = [{"id": "t001", "question": "认证公司能不能超范围做认证？", "register": "everyday",
                  "expected": [{"document": "认证认可条例", "clause": "第九条"}]},
                 {"id": "t002", "question": "委员一届干几年？", "register": "plain", "expected": []}]
    unit = {"document": "示范条款", "clause": "5.2.1"}
    _write(tmp_path, questions, [{"id": "t002", "verdict": "answered", "units": [dict(unit, quote="每届任期为五年")]}])
    assert heldout.check_labels(tmp_path) == ["t002: the quote is not verbatim in 示范条款 5.2.1"]

    _write(tmp_path, questions, [{"id": "t002", "verdict": "answered", "units": [dict(unit, quote="每届任期为3年")]}])
    assert heldout.check_labels(tmp_path) == []
    heldout.apply_labels(tmp_path, tmp_path / "out.jsonl")
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert out[0] == questions[0] and out[1]["expected"] == [unit]


def test_draw_shows_writers_every_unit_but_draws_no_short_one(tmp_path):
    if not heldout.LAWS.is_dir():
        pytest.skip("../shared/reference/laws is not here")
    heldout.draw(15, tmp_path, "t")
    texts = heldout.units_of((tmp_path / "corpus.txt").read_text(encoding="utf-8"))
    assert texts[("示范条款", "5.2.1")].startswith("技术专家组织每届任期为3年")  # a short unit, shown
    assert any(t.endswith("起施行。") and len(t) <= 30 for t in texts.values())
    slots = heldout.read_jsonl(tmp_path / "slots.jsonl")
    targets = [s for s in slots if s["kind"] == "answerable"]
    assert len(slots) == 84 and len(targets) == 66
    assert all(len(s["text"]) > heldout.MIN_TARGET_CHARS for s in targets)
    assert sum(s["document"] == "示范条款" for s in targets) == heldout.MODEL_TARGETS
    brief = (tmp_path / "brief.txt").read_text(encoding="utf-8")
    assert f"{tmp_path}/corpus.txt" in brief and "84 slots" in brief and "{dir}" not in brief

"""`charter batch` end to end: real workbooks in, real DOCX and reports out, worker processes, signals."""
from __future__ import annotations

import copy
import csv
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.batch.example import write_workbook
from assistant.render import readback

ROOT = Path(__file__).resolve().parents[1]
COUNT = 300
MISSING_NAME, BAD_DATE, BAD_CATEGORY, TOO_MANY, EVIL = 10, 50, 100, 200, 250  # organization ids (= seq + 1)
EXTRA_MEMBERS = [  # 12 more voting members, quotas kept: 33 voting > members.max 31 (C01, 4.3.1) and nothing else
    ("生产企业", 2), ("使用方", 3), ("行业组织", 1), ("检测机构", 2), ("科研院所", 2), ("标准化组织", 2)]


def make_specs(base: dict, count: int, *, bad: bool = True) -> list[tuple[str, dict]]:
    """`count` organizations varied from the example spec; with `bad`, the issue's four bad rows and ../../evil."""
    specs = []
    for number in range(1, count + 1):
        spec = copy.deepcopy(base)
        spec["name"] = base["name"].replace("技术委员会", f"第{number}技术委员会")
        specs.append((str(number), spec))
    if bad:
        specs[MISSING_NAME - 1][1].pop("name")
        specs[BAD_DATE - 1][1]["date"] = "2026-02-30"
        specs[BAD_CATEGORY - 1][1]["members"][3]["stakeholder"] = "其他机构"
        extra = specs[TOO_MANY - 1][1]["members"]
        for category, n in EXTRA_MEMBERS:
            for k in range(n):
                extra.append({"name": f"增补{category}{k}", "role": "委员", "employer": f"{category}增补单位{k}",
                              "title": "高级工程师", "stakeholder": category, "province": "河北省"})
        specs[EVIL - 1][1]["name"] = "../../evil"
    return specs


def member_row(specs, org_index: int, member_index: int) -> int:
    return 2 + sum(len(s["members"]) for _, s in specs[:org_index]) + member_index


def run_cli(*args):
    from click.testing import CliRunner

    from cli.main import cli

    return CliRunner().invoke(cli, [str(a) for a in args])


def read_report(out_dir: Path) -> tuple[list[dict], dict]:
    with (out_dir / "report.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return rows, json.loads((out_dir / "report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """The 300-row workbook, run once with --jobs 2."""
    from assistant import yamlio
    from assistant.resources import corpus_dir

    base = tmp_path_factory.mktemp("big")
    specs = make_specs(yamlio.load_file(corpus_dir() / "examples" / "spec.yaml"), COUNT)
    workbook = write_workbook(base / "orgs.xlsx", specs)
    out = base / "out"
    result = run_cli("batch", workbook, "--kind", "application", "--out-dir", out, "--jobs", "2")
    return {"base": base, "specs": specs, "workbook": workbook, "out": out, "result": result}


def test_bad_rows_are_reported_and_skipped_the_rest_produced(big):
    result, out, specs = big["result"], big["out"], big["specs"]
    assert result.exit_code == 1, result.output
    docs = sorted(out.glob("*.docx"))
    assert len(docs) == COUNT - 4
    rows, report = read_report(out)
    assert len(rows) == COUNT and report["summary"] == {"total": 300, "ok": 296, "invalid": 4, "failed": 0,
                                                       "cancelled": 0}
    bad = {r["id"]: (r["status"], r["sheet"], int(r["row"]), r["column"]) for r in rows if r["status"] != "ok"}
    assert bad == {
        str(MISSING_NAME): ("invalid", "organizations", MISSING_NAME + 1, "name"),
        str(BAD_DATE): ("invalid", "organizations", BAD_DATE + 1, "date"),
        str(BAD_CATEGORY): ("invalid", "members", member_row(specs, BAD_CATEGORY - 1, 3), "stakeholder"),
        str(TOO_MANY): ("invalid", "organizations", TOO_MANY + 1, ""),
    }
    reasons = {r["id"]: r["reason"] + r["findings"] for r in rows}
    assert "缺少必填字段" in reasons[str(MISSING_NAME)]
    assert "日期应为 YYYY-MM-DD 格式的有效日期" in reasons[str(BAD_DATE)]
    assert "未知类别 \"其他机构\"" in reasons[str(BAD_CATEGORY)]
    too_many = report["organizations"][TOO_MANY - 1]
    assert [(f["id"], f["clause"], f["severity"]) for f in too_many["findings"]] == [("C01", "4.3.1", "error")]
    assert f"organizations 第{BAD_DATE + 1}行 date" in result.output  # the summary names the cell too
    assert "已生成 296，数据有误 4" in result.output


def test_names_are_sanitized_and_nothing_is_written_outside_the_out_dir(big):
    base, out = big["base"], big["out"]
    rows, _ = read_report(out)
    evil = next(r for r in rows if r["id"] == str(EVIL))
    assert evil["status"] == "ok" and evil["output"] == f"{EVIL}-_evil.docx" and (out / evil["output"]).is_file()
    outside = [p for p in base.rglob("*") if p.is_file() and out not in p.parents]
    assert outside == [big["workbook"]]
    assert not list(base.parent.glob("evil*")) and not list(base.parent.parent.glob("evil*"))
    assert not list(out.glob(".*"))  # no temp files left
    assert {p.name for p in out.iterdir()} == {r["output"] for r in rows if r["output"]} | {"report.csv", "report.json"}


def test_documents_are_real_applications_with_the_charter_annex(big):
    out = big["out"]
    name = big["specs"][6][1]["name"]
    text = readback.text(out / f"7-{name}.docx")
    assert name in text and "附件" in text and "第一章" in text


def test_rerun_without_force_refuses_and_names_the_existing_files(big):
    out = big["out"]
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    result = run_cli("batch", big["workbook"], "--kind", "application", "--out-dir", out)
    assert result.exit_code == 2, result.output
    assert "以下 298 个文件已存在，未指定 --force 时不覆盖" in result.output  # 296 documents + the two reports
    first = big["specs"][0][1]["name"]
    assert f"1-{first}.docx" in result.output and "Traceback" not in result.output
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before


@pytest.mark.parametrize("signals, code", [([signal.SIGINT], 130), ([signal.SIGTERM], 143),
                                           ([signal.SIGINT, signal.SIGINT], 130)])
def test_a_killed_run_keeps_finished_files_and_leaves_no_partial_docx(big, tmp_path, signals, code):
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "batch", str(big["workbook"]), "--kind", "application",
         "--out-dir", str(out), "--jobs", "2"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while not list(out.glob("*.docx")):
            assert process.poll() is None, process.communicate()
            time.sleep(0.02)
        for signum in signals:
            process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=300)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == code, stdout + stderr
    assert "Traceback" not in stderr and "已中止" in stdout
    assert not [p for p in out.iterdir() if p.name.startswith(".") or p.suffix == ".part"]
    docs = {p.name for p in out.glob("*.docx")}
    for name in docs:
        assert readback.paragraphs(out / name)  # every file that exists is complete
    rows, report = read_report(out)
    assert report["status"] == "cancelled" and report["signal"] == signals[0].name
    assert {r["output"] for r in rows if r["status"] == "ok"} == docs
    assert {r["status"] for r in rows} <= {"ok", "invalid", "cancelled"} and len(rows) == COUNT


def _sheet_to_csv(workbook: Path, sheet: str, target: Path) -> Path:
    from openpyxl import load_workbook

    book = load_workbook(workbook, read_only=True)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for row in book[sheet].iter_rows(values_only=True):
            writer.writerow(["" if v is None else v.date().isoformat() if hasattr(v, "date") else v for v in row])
    book.close()
    return target


def test_a_document_a_terminated_worker_never_reported_is_removed(tmp_path):
    import os

    from assistant.batch.report import OK, Outcome
    from assistant.batch.runner import _Planned, _remove_unreported_documents

    older, unreported, reported = (tmp_path / f"{n}.docx" for n in ("older", "unreported", "reported"))
    older.write_bytes(b"kept under --force from an earlier run")
    os.utime(older, ns=(time.time_ns() - 10**10, time.time_ns() - 10**10))
    start = time.time_ns()
    unreported.write_bytes(b"finished after the second Ctrl-C")
    reported.write_bytes(b"done")
    plan = [_Planned(None, Outcome(i, str(i), "", "", None), path) for i, path in enumerate((older, unreported, reported))]
    plan[2].outcome.status = OK
    _remove_unreported_documents(plan, since_ns=start)
    assert older.exists() and not unreported.exists() and reported.exists()


def test_csv_and_yaml_inputs_give_the_same_documents_as_xlsx(tmp_path, example_spec_data):
    from assistant.yamlio import dump_yaml

    specs = make_specs(example_spec_data, 4, bad=False)
    specs[1][1]["params"] = {"members.max": 25, "quorum": "3/4", "regulators.voting": False}
    specs[2][1]["work_plan"] = ["只有任务的一行", {"task": "带时间", "due": "2026年8月"}]
    specs[3][1]["members"][2]["stakeholder"] = "不存在的类别"
    workbook = write_workbook(tmp_path / "in.xlsx", specs)
    orgs = _sheet_to_csv(workbook, "organizations", tmp_path / "orgs.csv")
    members = _sheet_to_csv(workbook, "members", tmp_path / "members.csv")
    listing = tmp_path / "specs.yaml"
    listing.write_text(dump_yaml([{"id": i, **s} for i, s in specs]), encoding="utf-8")
    runs = {
        "xlsx": run_cli("batch", workbook, "--kind", "charter", "--out-dir", tmp_path / "xlsx"),
        "csv": run_cli("batch", orgs, "--members", members, "--kind", "charter", "--out-dir", tmp_path / "csv"),
        "yaml": run_cli("batch", listing, "--kind", "charter", "--out-dir", tmp_path / "yaml"),
    }
    texts = {}
    for label, result in runs.items():
        assert result.exit_code == 1, (label, result.output)
        rows, _ = read_report(tmp_path / label)
        assert [r["status"] for r in rows] == ["ok", "ok", "ok", "invalid"], label
        texts[label] = {p.name: readback.text(p) for p in sorted((tmp_path / label).glob("*.docx"))}
    assert len(texts["xlsx"]) == 3 and texts["csv"] == texts["xlsx"] and texts["yaml"] == texts["xlsx"]
    assert "四分之三" in texts["xlsx"][f"2-{specs[1][1]['name']}.docx"]  # the quorum parameter reached the charter
    xlsx_bad = read_report(tmp_path / "xlsx")[0][3]
    csv_bad = read_report(tmp_path / "csv")[0][3]
    yaml_bad = read_report(tmp_path / "yaml")[0][3]
    assert (xlsx_bad["sheet"], xlsx_bad["column"]) == ("members", "stakeholder")
    assert (csv_bad["sheet"], csv_bad["row"], csv_bad["column"]) == ("members.csv", xlsx_bad["row"], "stakeholder")
    assert (yaml_bad["sheet"], yaml_bad["row"], yaml_bad["column"]) == ("specs.yaml", "4", "members[2].stakeholder")


def test_strict_turns_warnings_into_invalid_rows(tmp_path, example_spec_data):
    example_spec_data["members"] = [m for m in example_spec_data["members"] if m["name"] != "罗斌"]  # 20 voting: even
    workbook = write_workbook(tmp_path / "in.xlsx", [("W1", example_spec_data)])
    relaxed = run_cli("batch", workbook, "--kind", "charter", "--out-dir", tmp_path / "a")
    assert relaxed.exit_code == 0, relaxed.output
    rows, report = read_report(tmp_path / "a")
    assert rows[0]["status"] == "ok" and "C01（示范条款 4.3.2）提示" in rows[0]["findings"]
    strict = run_cli("batch", workbook, "--kind", "charter", "--out-dir", tmp_path / "b", "--strict")
    assert strict.exit_code == 1 and not list((tmp_path / "b").glob("*.docx"))
    assert read_report(tmp_path / "b")[0][0]["status"] == "invalid" and "4.3.2" in strict.output


def test_example_workbook_round_trips_with_exit_0(tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "x.xlsx"
    assert run_cli("batch", "example", target).exit_code == 0
    again = run_cli("batch", "example", target)
    assert again.exit_code == 2 and "--force" in again.output
    book = load_workbook(target)
    assert book.sheetnames == ["organizations", "members", "说明"]
    comment = book["organizations"]["C1"].comment.text
    assert book["organizations"]["C1"].value == "name" and "组织名称（必填）" in comment
    assert "可选：认证机构" in book["members"]["F1"].comment.text
    result = run_cli("batch", target, "--kind", "application", "--out-dir", tmp_path / "out", "-j", "1")
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("*.docx"))) == 2


def test_input_errors_exit_2_and_write_nothing(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "organizations"
    book.active.append(["id", "name"])
    book.create_sheet("members").append(["org_id", "name"])
    book.save(tmp_path / "bad.xlsx")
    result = run_cli("batch", tmp_path / "bad.xlsx", "--kind", "charter", "--out-dir", tmp_path / "out")
    assert result.exit_code == 2 and "缺少必需的列：kind（组织类型）" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()
    missing = run_cli("batch", tmp_path / "nope.xlsx", "--kind", "charter", "--out-dir", tmp_path / "out")
    assert missing.exit_code == 2 and "不存在" in missing.output
    bad_name = run_cli("batch", tmp_path / "bad.xlsx", "--kind", "charter", "--out-dir", tmp_path / "o", "--name", "{x}")
    assert bad_name.exit_code == 2 and "--name: 文件名模式无效" in bad_name.output


def test_duplicate_ids_and_orphan_members_are_reported(tmp_path, example_spec_data):
    specs = [("D1", example_spec_data), ("D1", copy.deepcopy(example_spec_data))]
    workbook = write_workbook(tmp_path / "in.xlsx", specs)
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    book["members"].append(["ZZ", "无主成员", "委员", "某单位", "工程师", "使用方"])
    book.save(workbook)
    result = run_cli("batch", workbook, "--kind", "charter", "--out-dir", tmp_path / "out")
    assert result.exit_code == 1, result.output
    rows, _ = read_report(tmp_path / "out")
    # Members are linked by id: with the id twice, neither roster is known, so both rows are invalid.
    assert [(r["id"], r["status"], r["row"], r["column"]) for r in rows] == [
        ("D1", "invalid", "2", "id"), ("D1", "invalid", "3", "id"), ("ZZ", "invalid", str(2 + 2 * 22), "org_id")]
    assert "组织编号“D1”重复（另见第 2 行）" in rows[1]["reason"] and "ZZ" in rows[2]["reason"]
    assert "成员的组织编号“ZZ”在组织表中不存在" in result.output
    assert not list((tmp_path / "out").glob("*.docx"))


def test_batch_help_shows_both_forms():
    result = run_cli("batch", "--help")
    assert result.exit_code == 0 and "charter batch example OUT.xlsx" in result.output and "130" in result.output
    assert run_cli("batch", "run", "--help").exit_code == 0

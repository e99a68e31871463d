"""Benchmark `charter batch` (issue 5): throughput, peak memory, and a docxtpl baseline measured in the same run.

    .venv/bin/python benchmarks/batch.py [--count 1000] [--small 100] [--repeats 3] [--jobs 2] [--write-results]

* Input: the bundled example spec grown to 25 members, varied by id and name, written as one XLSX workbook.
* Ours: `python -m cli.main batch IN.xlsx --kind application --out-dir OUT --jobs N` in a subprocess; wall time
  includes start-up, reading the workbook and writing the reports. Peak memory: the sum of RSS (and of PSS, which
  counts pages shared between the parent and its forked workers once) over the parent and its workers, sampled
  every 50 ms with psutil.
* Baseline: a docxtpl template made here with python-docx (cover, the basic-information table, the roster, the
  composition tables, the work plan, the seal blocks and the charter annex: the same sections and tables), filled
  with the same content (validate_spec_data + drafting.build_blocks) in a warm pool of N processes, each file
  written atomically. Its pool start-up is not timed, which favours the baseline.
"""
from __future__ import annotations

import argparse
import copy
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _machine import machine_facts  # noqa: E402  (benchmarks/, next to this script)
from results import replace_section  # noqa: E402

EXTRA = [  # 3 more members: 25 in all, 23 voting (the 2 regulators do not vote), quotas kept
    {"name": "钱晓东", "role": "委员", "employer": "苏宁电器采购中心（示例）", "title": "高级经济师", "stakeholder": "使用方",
     "province": "江苏省"},
    {"name": "沈立群", "role": "委员", "employer": "湖南华菱家电有限公司（示例）", "title": "高级工程师",
     "stakeholder": "生产企业", "province": "湖南省"},
    {"name": "黄卫国", "role": "委员", "employer": "浙江省市场监督管理局（示例）", "title": "一级主任科员",
     "stakeholder": "监管部门", "province": "浙江省"},
]


def make_specs(count: int) -> list[tuple[str, dict]]:
    from assistant import yamlio
    from assistant.resources import corpus_dir

    base = yamlio.load_file(corpus_dir() / "examples" / "spec.yaml")
    base["members"] += EXTRA
    specs = []
    for number in range(1, count + 1):
        spec = copy.deepcopy(base)
        spec["name"] = base["name"].replace("技术委员会", f"第{number}技术委员会")
        specs.append((f"B{number:04d}", spec))
    return specs


# ---------------------------------------------------------------- ours, in a subprocess, with a memory sampler

class TreeSampler(threading.Thread):
    """Peak of the summed RSS and PSS of a process and all its descendants."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        import psutil

        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak_rss = self.peak_pss = 0
        self.peak_processes = 0
        self.stop = threading.Event()

    def run(self) -> None:
        import psutil

        tick = 0
        while not self.stop.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            full = tick % 10 == 0  # PSS reads smaps: costly, so every 10th sample; RSS every sample
            rss = pss = 0
            for process in processes:
                try:
                    info = process.memory_full_info() if full else process.memory_info()
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                rss += info.rss
                pss += getattr(info, "pss", info.rss)
            self.peak_rss = max(self.peak_rss, rss)
            if full:
                self.peak_pss = max(self.peak_pss, pss)
            self.peak_processes = max(self.peak_processes, len(processes))
            tick += 1
            self.stop.wait(self.interval)


def run_ours(workbook: Path, out_dir: Path, jobs: int) -> dict:
    command = [sys.executable, "-m", "cli.main", "batch", str(workbook), "--kind", "application",
               "--out-dir", str(out_dir), "--jobs", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    sampler = TreeSampler(process.pid)
    sampler.start()
    stdout, _ = process.communicate()
    wall = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"batch failed ({process.returncode}):\n{stdout}")
    report = json.loads((out_dir / "report.json").read_text(encoding="utf-8"))
    docs = report["summary"]["ok"]
    return {"docs": docs, "wall": wall, "inner": report["seconds"], "read": report["read_seconds"],
            "docs_per_s": docs / wall,
            "rss": sampler.peak_rss, "pss": sampler.peak_pss, "processes": sampler.peak_processes}


# ---------------------------------------------------------------- the docxtpl baseline

SEGMENT_KINDS = ("title", "head", "art", "pb", "body")


def _segments(blocks) -> tuple[list[list[dict]], list]:
    """Split drafting blocks into paragraph segments around the tables (the template's fixed shape)."""
    from assistant.render.blocks import (AnnexLabel, Article, ChapterHeading, Heading, PageBreak, Paragraph, Subtitle,
                                         Table, Title)

    segments: list[list[dict]] = [[]]
    tables = []
    for block in blocks:
        if isinstance(block, Table):
            tables.append(block)
            segments.append([])
        elif isinstance(block, Article):
            segments[-1].append({"k": "art", "label": block.label, "t": (block.paragraphs or [""])[0]})
            segments[-1] += [{"k": "body", "t": text} for text in block.paragraphs[1:] + block.items]
        elif isinstance(block, (Title, Subtitle)):
            segments[-1].append({"k": "title", "t": block.text})
        elif isinstance(block, (Heading, ChapterHeading, AnnexLabel)):
            segments[-1].append({"k": "head", "t": block.text})
        elif isinstance(block, PageBreak):
            segments[-1].append({"k": "pb", "t": ""})
        elif isinstance(block, Paragraph):
            segments[-1].append({"k": "body", "t": block.text})
    return segments, tables


def build_template(path: Path, tables) -> Path:
    """A docxtpl template: per segment a paragraph loop with one formatted paragraph per kind; per table a row loop."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)

    def run(paragraph, text, font, size, bold=False):
        r = paragraph.add_run(text)
        fonts = r._element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), font)
        r.font.size, r.font.bold = Pt(size), bold
        return r

    def tag(text):
        document.add_paragraph(text)

    for index in range(len(tables) + 1):
        tag(f"{{%p for b in s{index} %}}")
        tag('{%p if b.k == "title" %}')
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run(p, "{{ b.t }}", "方正小标宋简体", 22)
        tag('{%p elif b.k == "head" %}')
        run(document.add_paragraph(), "{{ b.t }}", "黑体", 16)
        tag('{%p elif b.k == "art" %}')
        p = document.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(32)
        run(p, "{{ b.label }}\u3000", "黑体", 16)
        run(p, "{{ b.t }}", "仿宋_GB2312", 16)
        tag('{%p elif b.k == "pb" %}')
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        tag("{%p else %}")
        p = document.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(32)
        run(p, "{{ b.t }}", "仿宋_GB2312", 16)
        tag("{%p endif %}")
        tag("{%p endfor %}")
        if index < len(tables):
            columns = len(tables[index].header)
            table = document.add_table(rows=4, cols=columns)
            table.style = "Table Grid"
            for c in range(columns):
                run(table.cell(0, c).paragraphs[0], f"{{{{ h{index}[{c}] }}}}", "黑体", 12)
                run(table.cell(2, c).paragraphs[0], f"{{{{ r[{c}] }}}}", "仿宋_GB2312", tables[index].font_pt)
            table.cell(1, 0).paragraphs[0].add_run(f"{{%tr for r in t{index} %}}")
            table.cell(3, 0).paragraphs[0].add_run("{%tr endfor %}")
    document.save(path)
    return path


def baseline_render(task) -> float:
    """One document through docxtpl: the same validation and content as ours, then the template, atomically."""
    from docxtpl import DocxTemplate

    from assistant.drafting import build_blocks
    from assistant.fsutil import atomic_path
    from assistant.spec import validate_spec_data

    template, data, out = task
    start = time.perf_counter()
    spec = validate_spec_data(data)
    segments, tables = _segments(build_blocks(spec, "application"))
    context = {f"s{i}": s for i, s in enumerate(segments)}
    for i, table in enumerate(tables):
        context[f"h{i}"], context[f"t{i}"] = table.header, [[str(v) for v in row] for row in table.rows]
    document = DocxTemplate(template)
    document.render(context, autoescape=True)
    with atomic_path(out, force=True) as tmp:
        document.save(tmp)
    return time.perf_counter() - start


def _warm() -> None:
    import docxtpl  # noqa: F401

    from assistant import drafting, spec  # noqa: F401


def run_baseline(template: Path, specs, out_dir: Path, jobs: int) -> dict:
    out_dir.mkdir(parents=True, exist_ok=True)
    tasks = [(str(template), spec, str(out_dir / f"{org_id}.docx")) for org_id, spec in specs]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm) as pool:
        list(pool.map(time.sleep, [0.2] * jobs))  # workers up and warm before timing
        start = time.perf_counter()
        per_doc = list(pool.map(baseline_render, tasks, chunksize=4))
        wall = time.perf_counter() - start
    return {"docs": len(tasks), "wall": wall, "docs_per_s": len(tasks) / wall, "median_doc_s": statistics.median(per_doc)}


def single_process_ms(template: Path, specs, out_dir: Path, n: int = 20) -> tuple[float, float]:
    """Median milliseconds per document in this process: ours (validate + check + draft) and the baseline."""
    from assistant.batch.worker import Task, process

    out_dir.mkdir(parents=True, exist_ok=True)
    ours, base = [], []
    for index, (org_id, spec) in enumerate(specs[: n + 2]):
        result = process(Task(index, spec, str(out_dir / f"o{org_id}.docx"), "application", True, False))
        assert result["status"] == "ok", result
        seconds = baseline_render((str(template), spec, str(out_dir / f"b{org_id}.docx")))
        if index >= 2:  # first two warm caches up
            ours.append(result["seconds"])
            base.append(seconds)
    return statistics.median(ours) * 1000, statistics.median(base) * 1000


# ---------------------------------------------------------------- report

NOTES = (
    "Notes: reading is serial, because members need not be sorted by organization, so every member row is read "
    "before the first organization is complete; openpyxl's read-only reader on an openpyxl-written workbook "
    "(inline strings: in a profile about a third of the reading time is openpyxl building inline-string "
    "objects, which Excel's shared strings would avoid; not measured here) is the largest fixed cost left. Memory: "
    "workers are forked before the input is read; the parent keeps organizations and members as compact tuples "
    "(strings interned) and builds each spec dict just before it is submitted, with at most 4 × jobs in flight; "
    "workers write their own files.")
PACKAGES = ("python-docx", "docxtpl", "openpyxl", "pydantic", "jinja2", "lxml", "click", "psutil")


def mib(n: float) -> str:
    return f"{n / 2 ** 20:.0f} MiB"


def markdown(results: dict) -> str:
    big, small, base = results["ours_big"], results["ours_small"], results["baseline"]
    med = lambda runs, key: statistics.median(r[key] for r in runs)  # noqa: E731
    rates = lambda runs: ", ".join(f"{r['docs_per_s']:.1f}" for r in runs)  # noqa: E731
    ours_rate, base_rate = med(big, "docs_per_s"), med(base, "docs_per_s")
    rss_ratio = med(big, "rss") / med(small, "rss")
    pss_ratio = med(big, "pss") / med(small, "pss")
    n, s, j = results["count"], results["small"], results["jobs"]
    lines = [
        "## Batch",
        "",
        f"`benchmarks/batch.py --count {n} --small {s} --repeats {results['repeats']} --jobs {j}`, "
        f"run {results['date']}. {n} organizations × 25 members, `--kind application` (the application with the "
        "charter as annex 2), one XLSX workbook in, one DOCX per organization out.",
        "",
        *machine_facts(PACKAGES),
        "",
        "| Measure (median of runs) | Value | Target | Met |",
        "|---|---|---|---|",
        f"| Throughput, `charter batch` {n} docs, `--jobs {j}`, wall time incl. start-up and reports | "
        f"**{ours_rate:.1f} docs/s** ({med(big, 'wall'):.1f} s) | ≥ 20 docs/s | {'yes' if ours_rate >= 20 else 'no'} |",
        f"| of which: reading the workbook (openpyxl read-only, {n * 26:,} rows, incl. imports) / the rest | "
        f"{med(big, 'read'):.1f} s / {med(big, 'wall') - med(big, 'read'):.1f} s | | |",
        f"| docxtpl baseline, same content, warm pool of {j} (start-up not timed) | {base_rate:.1f} docs/s "
        f"({med(base, 'wall'):.1f} s for {base[0]['docs']} docs) | | |",
        f"| Ratio ours / baseline | **{ours_rate / base_rate:.2f}×** | ≥ 1.5× | {'yes' if ours_rate / base_rate >= 1.5 else 'no'} |",
        f"| Peak RSS, parent + {j} workers, {s} orgs | {mib(med(small, 'rss'))} | | |",
        f"| Peak RSS, parent + {j} workers, {n} orgs | {mib(med(big, 'rss'))} | | |",
        f"| RSS ratio {n} / {s} | **{rss_ratio:.3f}** | ≤ 1.2 | {'yes' if rss_ratio <= 1.2 else 'no'} |",
        f"| Peak PSS (shared pages counted once), {s} / {n} orgs | {mib(med(small, 'pss'))} / {mib(med(big, 'pss'))}"
        f" (ratio {pss_ratio:.3f}) | | |",
        f"| Single process, median per document: ours (validate + check + draft) / baseline | "
        f"{results['single_ms'][0]:.0f} ms / {results['single_ms'][1]:.0f} ms | | |",
        "",
        f"Runs (docs/s): ours {n}: {rates(big)}; ours {s}: {rates(small)}; baseline: {rates(base)}.",
        "Throughput of ours counts the whole command (Python start-up, worker start-up, reading the workbook, the "
        "reports); the baseline's clock starts with warm workers, so the ratio is conservative.",
        "",
        NOTES,
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--baseline-count", type=int, default=300, help="documents per baseline run")
    parser.add_argument("--write-results", action="store_true", help="update the Batch section of RESULTS.md")
    args = parser.parse_args()
    from assistant.batch.example import write_workbook

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as scratch:
        tmp = Path(scratch)
        specs = make_specs(args.count)
        big_book = write_workbook(tmp / "big.xlsx", specs)
        small_book = write_workbook(tmp / "small.xlsx", specs[: args.small])
        from assistant.drafting import build_blocks
        from assistant.spec import validate_spec_data

        template = build_template(tmp / "baseline.docx", _segments(build_blocks(validate_spec_data(specs[0][1]),
                                                                                "application"))[1])
        results = {"count": args.count, "small": args.small, "repeats": args.repeats, "jobs": args.jobs,
                   "date": time.strftime("%Y-%m-%d"),
                   "ours_big": [], "ours_small": [], "baseline": []}
        results["single_ms"] = single_process_ms(template, specs, tmp / "single")
        print(f"single process: ours {results['single_ms'][0]:.0f} ms/doc, baseline {results['single_ms'][1]:.0f} ms/doc",
              flush=True)
        for repeat in range(args.repeats):
            for key, book in (("ours_small", small_book), ("ours_big", big_book)):
                out = tmp / f"{key}-{repeat}"
                results[key].append(run_ours(book, out, args.jobs))
                print(key, repeat, {k: round(v, 2) for k, v in results[key][-1].items()}, flush=True)
                subprocess.run(["rm", "-rf", str(out)], check=True)
            base = run_baseline(template, specs[: args.baseline_count], tmp / f"baseline-{repeat}", args.jobs)
            results["baseline"].append(base)
            print("baseline", repeat, {k: round(v, 3) for k, v in base.items()}, flush=True)
            subprocess.run(["rm", "-rf", str(tmp / f"baseline-{repeat}")], check=True)
    section = markdown(results)
    print(section)
    if args.write_results:
        replace_section(ROOT / "benchmarks" / "RESULTS.md", "## Batch", section)


if __name__ == "__main__":
    main()

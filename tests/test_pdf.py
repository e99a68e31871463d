"""Both documents convert to PDF with LibreOffice, and the PDF text carries the organization's and a member's name."""
import os
import shutil
import subprocess

import pytest

from assistant.examples import run_demo
from assistant.spec import load_spec


def _tools():
    missing = [t for t in ("soffice", "pdftotext", "pdfinfo") if not shutil.which(t)]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (see .ci/run)")
        pytest.skip(f"not installed: {missing}")


def test_documents_render_to_pdf(tmp_path):
    _tools()
    files = run_demo(tmp_path / "demo")
    spec = load_spec(files["spec"])
    docs = [files["charter"], files["application"]]
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, docs)],
                   check=True, capture_output=True, timeout=300)
    for doc in docs:
        pdf = tmp_path / "pdf" / (doc.stem + ".pdf")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert pages >= 5
        assert "(A4)" in info
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        flat = "".join(text.split())
        assert spec.name in flat
        assert spec.members[0].name in flat or doc.stem == "charter"
        assert "第一条" in flat

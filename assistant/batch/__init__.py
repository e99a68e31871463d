"""Batch production: one charter or application per organization of a spreadsheet or spec list (issue 5)."""
from .runner import DOCUMENT_KINDS, BatchResult, default_jobs, run_batch
from .example import write_example

__all__ = ["DOCUMENT_KINDS", "BatchResult", "default_jobs", "run_batch", "write_example"]

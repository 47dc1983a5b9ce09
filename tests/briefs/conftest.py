"""Fixtures for brief tests: sample records and a way to read a PDF's text back."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pypdf
import pytest

from huedesk.records import RecordService
from tests.briefs import samples


@pytest.fixture
def visit(svc: RecordService) -> samples.Visit:
    return samples.gifu_visit(svc)


@pytest.fixture
def case(svc: RecordService) -> samples.Case:
    return samples.stranded_worker_case(svc)


@pytest.fixture
def aid(svc: RecordService) -> samples.Aid:
    return samples.koica_clinic(svc)


def pdf_pages(path: Path) -> list[str]:
    """Each page's extracted text, with line wraps and runs of spaces collapsed to one space."""
    reader = pypdf.PdfReader(path)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def pdf_text(path: Path) -> str:
    """The whole document's text (see ``pdf_pages``); asserted to be NFC as extracted."""
    text = " ".join(pdf_pages(path))
    assert unicodedata.is_normalized("NFC", text)
    return text

"""Fixtures for brief tests: sample records and a way to read a PDF's text back."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from huedesk import clock
from huedesk.records import RecordService
from tests.briefs import samples

# Briefs are printed a week before the Gifu visit of 12-15 March 2025.
PRINTED_AT = dt.datetime(2025, 3, 5, 3, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _printed_before_the_visit() -> Iterator[None]:
    with clock.use(clock.fixed(PRINTED_AT)):
        yield


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

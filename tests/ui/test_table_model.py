"""The generic table model: lazy pages by id, database sorting and filtering, model checks."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from huedesk.records import ListQuery, RecordService
from huedesk.ui import table_model
from huedesk.ui.table_model import RecordTableModel
from tests.ui.conftest import make_delegations


@pytest.fixture
def model(ctx: Any, svc: RecordService, partner: dict) -> RecordTableModel:
    make_delegations(svc, 30, partner["id"])
    m = RecordTableModel(ctx.ws, "delegation", "vi")
    m.set_query(ListQuery())
    return m


def test_model_passes_qt_model_checks(qtmodeltester: Any, model: RecordTableModel) -> None:
    qtmodeltester.check(model, force_py=True)


def test_cells_show_labels_dates_and_referenced_names(model: RecordTableModel) -> None:
    assert model.rowCount() == 30
    row = {f.name: model.data(model.index(0, c)) for c, f in enumerate(model.columns)}
    assert row["direction"] == "Đoàn vào"
    assert row["status"] == "Dự kiến"
    assert row["partner_id"] == "Tỉnh Gifu"
    assert row["country_code"] == "Nhật Bản (JP)"
    assert row["start_date"] == "01/01/2024"
    assert model.headerData(model.column_of("title"), Qt.Orientation.Horizontal) == "Tên đoàn"


def test_rows_are_read_a_page_at_a_time(
    model: RecordTableModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table_model, "PAGE_SIZE", 7)
    model.refresh()
    model.data(model.index(0, 0))
    assert list(model._pages) == [0]
    assert len(model._pages[0]) == 7
    model.data(model.index(29, 0))
    assert sorted(model._pages) == [0, 4]


def test_sorting_happens_in_the_database(model: RecordTableModel) -> None:
    col = model.column_of("title")
    model.sort(col, Qt.SortOrder.DescendingOrder)
    titles = [model.data(model.index(r, col)) for r in range(model.rowCount())]
    assert titles[0].startswith("Đoàn Z") or titles == sorted(titles, reverse=True)
    assert model.query.sort == "title" and model.query.descending
    model.sort(model.column_of("partner_id"), Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 30


def test_filters_narrow_the_ids(model: RecordTableModel) -> None:
    model.set_query(ListQuery(filters={"status": "approved"}))
    assert model.rowCount() == 10
    model.set_query(ListQuery(text="so 007"))  # accents optional
    assert model.rowCount() == 1
    model.set_query(ListQuery(year=2025))
    assert model.rowCount() == 15

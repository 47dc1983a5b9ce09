"""Table headers: a short header stays whole; a long one over a narrow number still wraps.

A consent table printed "Ngày đồng" with "ý" alone on the next line: the header's
natural width was its longest word. Headers a little wider than their column's text
now keep their line; "Giải ngân các năm trước (đồng)" over an amount still wraps, so
the text columns of the wide aid tables keep their room.
"""

from __future__ import annotations

from huedesk.briefs.fonts import BOLD, register_fonts
from huedesk.briefs.grid import PAD_X, Col, _width, layout

ROOM = 450.0  # points: a portrait A4 page inside the Decree 30 margins


def _consents() -> tuple[list[Col], list[list[str]]]:
    cols = [Col("Người đồng ý"), Col("Được chuyển thông tin cho"), Col("Phạm vi")]
    cols += [Col("Ngày đồng ý", "C", wrap=False), Col("Ngày rút", "C", wrap=False)]
    rows = [
        [
            "Lê Phương Hà",
            "Bộ Ngoại giao (Cục Lãnh sự)",
            "Thông tin nhân thân và diễn biến vụ việc, chuyển cho cơ quan đại diện",
            "01/03/2026",
            "",
        ]
    ]
    return cols, rows


def test_a_header_a_little_wider_than_its_dates_keeps_its_line() -> None:
    register_fonts()
    cols, rows = _consents()
    lay = layout(cols, rows, ROOM)
    header = _width("Ngày đồng ý", BOLD, lay.size) + 2 * PAD_X
    assert lay.widths[3] >= header
    assert abs(sum(lay.widths) - ROOM) < 0.01


def test_a_long_header_over_an_amount_still_wraps() -> None:
    register_fonts()
    cols = [Col("Dự án, khoản viện trợ")]
    cols += [Col(h, "R", wrap=False) for h in ("Cam kết (đồng)", "Giải ngân các năm trước (đồng)")]
    cols += [
        Col(h, "R", wrap=False) for h in ("Giải ngân trong năm (đồng)", "Chưa giải ngân (đồng)")
    ]
    rows = [
        [
            "Phòng chống thiên tai dựa vào cộng đồng tại phường Hương Thủy VT-2024-0013",
            "8.899.995.750",
            "2.264.012.618",
            "6.579.900.968",
            "0",
        ]
    ]
    lay = layout(cols, rows, ROOM)
    whole = _width("Giải ngân các năm trước (đồng)", BOLD, lay.size) + 2 * PAD_X
    assert lay.widths[2] < whole
    assert lay.widths[0] == max(lay.widths)

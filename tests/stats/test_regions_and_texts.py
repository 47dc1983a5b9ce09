"""Regions users edit and the written parts of a yearly review: services, rights, command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.accounts.roles import Principal, Role
from huedesk.cli import main as cli
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError, NotFoundError, PermissionDenied
from huedesk.records import RecordService
from huedesk.records.history import AuditLog
from huedesk.stats.regions import Regions
from huedesk.stats.review_texts import ReviewTexts


def _org(svc: RecordService, name: str, country: str = "LA") -> int:
    row = svc.create(
        "organisation", {"name": name, "org_type": "partner_locality", "country_code": country}
    )
    return int(row["id"])


def test_regions_are_edited_and_audited(db: Database, svc: RecordService) -> None:
    salavan, sekong = _org(svc, "Tỉnh Salavan"), _org(svc, "Tỉnh Sekong")
    regions = Regions(db, "kiemthu")
    seeded = regions.find("cac tinh nam lao")
    assert [r.name for r in regions.list()] == ["Các tỉnh Nam Lào"]
    regions.save("Các tỉnh Nam Lào", [salavan, sekong], name_en="Southern Laos", region_id=seeded)
    assert [m.name for m in regions.list()[0].members] == ["Tỉnh Salavan", "Tỉnh Sekong"]
    central = regions.save("Miền Trung Lào", [sekong])
    assert {r.name for r in regions.list()} == {"Các tỉnh Nam Lào", "Miền Trung Lào"}
    with pytest.raises(HueDeskError, match="exists already"):
        regions.save("các tỉnh nam lào", [])
    with pytest.raises(HueDeskError, match="must not be empty"):
        regions.save("   ", [])
    with pytest.raises(NotFoundError, match="no organisation with id 999"):
        regions.save("Vùng khác", [999])
    regions.delete(central)
    assert [r.name for r in regions.list()] == ["Các tỉnh Nam Lào"]
    svc.delete("organisation", sekong)
    assert [m.name for m in regions.list()[0].members] == ["Tỉnh Salavan"], "members go with it"
    log = AuditLog(db, "kiemthu").page(kind="region")
    assert [e.action.value for e in log] == ["delete", "create", "update"]
    with pytest.raises(PermissionDenied):
        Regions(db, Principal("xem", Role.VIEWER)).save("Vùng", [])
    assert Regions(db, Principal("xem", Role.VIEWER)).list(), "viewers read them"


def test_review_texts_per_year_and_language(db: Database) -> None:
    texts = ReviewTexts(db, "kiemthu")
    assert texts.get(2025).assessment == ""
    texts.set(2025, "assessment", "  Năm 2025, công tác đối ngoại đạt nhiều kết quả.\n")
    texts.set(2025, "tasks", "1. Tổ chức Festival Huế 2026.\n2. Mở rộng hợp tác với Nam Lào.")
    vi = texts.get(2025)
    assert vi.assessment == "Năm 2025, công tác đối ngoại đạt nhiều kết quả."
    assert vi.tasks.startswith("1. Tổ chức")
    en = texts.get(2025, "en")
    assert en.fallback and en.assessment == vi.assessment, "English falls back to Vietnamese"
    texts.set(2025, "assessment", "In 2025 foreign affairs achieved much.", lang="en")
    assert not texts.get(2025, "en").fallback
    assert texts.get(2024).tasks == "", "kept per year"
    texts.set(2025, "tasks", "")
    assert texts.get(2025).tasks == ""
    with pytest.raises(HueDeskError, match="control character"):
        texts.set(2025, "tasks", "a\x1b[31mb")
    with pytest.raises(HueDeskError, match="no section"):
        texts.set(2025, "plans", "x")
    with pytest.raises(HueDeskError, match="longer than"):
        texts.set(2025, "tasks", "x" * 50_001)
    with pytest.raises(PermissionDenied):
        ReviewTexts(db, Principal("xem", Role.VIEWER)).set(2025, "tasks", "x")
    assert len(AuditLog(db, "kiemthu").page(kind="review_text")) == 4


def test_command_line(
    db_arg: str, db: Database, svc: RecordService, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _org(svc, "Tỉnh Salavan")
    _org(svc, "Tỉnh Attapeu")
    db.dispose()
    base = ["--db", db_arg]
    assert cli.main([*base, "region", "set", "Các tỉnh Nam Lào", "--add", "salavan", "--add",
                     "Attapeu"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "Các tỉnh Nam Lào (2)" in out and "Tỉnh Attapeu" in out
    assert cli.main([*base, "region", "add", "Vùng thử", "--member", "Viêng Chăn"]) == 2
    assert "Không tìm thấy cơ quan, tổ chức" in capsys.readouterr().err
    assert cli.main([*base, "region", "add", "Vùng thử", "--member", "Tỉnh"]) == 2
    assert "hãy ghi số hiệu" in capsys.readouterr().err
    assert cli.main([*base, "region", "delete", "Vùng không có", "--yes"]) == 2
    text = tmp_path / "danh-gia.txt"
    text.write_text("\ufeffĐánh giá chung năm 2025.", encoding="utf-8")
    assert cli.main([*base, "review-text", "2025", "assessment", "--file", str(text)]) == 0
    assert capsys.readouterr().out.strip() == "Đánh giá chung năm 2025."
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    assert cli.main([*base, "review-text", "2025", "assessment", "--file", str(bad)]) == 2
    assert (
        cli.main([*base, "review-text", "2025", "assessment", "--file", str(tmp_path / "x")]) == 2
    )
    err = capsys.readouterr().err
    assert "không phải văn bản UTF-8" in err and "Không đọc được tệp" in err
    assert "Traceback" not in err
    assert cli.main([*base, "review-text", "2025", "assessment", "--clear"]) == 0
    assert capsys.readouterr().out == ""

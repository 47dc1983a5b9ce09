"""Document settings: kept in the database, checked, administrators only; numbers from the register."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from huedesk import document_settings
from huedesk.accounts.service import AccountService
from huedesk.briefs import render_brief, render_year_review
from huedesk.db.engine import Database
from huedesk.db.enums import NumberMode, SignAuthority
from huedesk.errors import PermissionDenied, ValidationError
from tests.briefs import samples
from tests.briefs.conftest import pdf_pages, pdf_text


def _values(**changes: object) -> dict[str, object]:
    return {**document_settings.DEFAULTS.__dict__, **changes}


def test_settings_print_on_every_brief(db: Database, visit: samples.Visit, tmp_path: Path) -> None:
    document_settings.save(
        db,
        "kiemthu",
        _values(
            parent_agency="Ủy ban nhân dân thành phố Huế",
            agency="Sở Ngoại vụ thành phố Huế",
            agency_code="snv",  # kept in capitals
            authority=SignAuthority.TL.value,
            head_title="Giám đốc",
            signer_title="Chánh Văn phòng",
            signer_name="Lê Thị Thu Hà",
        ),
    )
    first = pdf_pages(render_brief(db, "delegation", visit.delegation_id, tmp_path / "d.pdf"))
    text = " ".join(first)
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ" in first[0] and "SỞ NGOẠI VỤ THÀNH PHỐ HUẾ" in first[0]
    assert "Số: /BC-SNV" in first[0]
    assert "TL. GIÁM ĐỐC CHÁNH VĂN PHÒNG Lê Thị Thu Hà" in text


def test_bad_settings_are_refused_naming_each_field(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        document_settings.save(
            db, "kiemthu", _values(agency="  ", agency_code="S-N V", authority="ky thay")
        )
    assert set(caught.value.fields) == {"agency", "agency_code", "authority"}
    assert "Cơ quan ban hành: không được để trống" in caught.value.vi
    assert "Agency code: capital letters and digits only" in caught.value.en
    assert document_settings.read(db) == document_settings.DEFAULTS


def test_only_an_administrator_changes_them(db: Database) -> None:
    accounts = AccountService(db)
    admin = accounts.create_first_admin("quantri", "mat-khau-dai-1")
    accounts.add(admin, "canbo", "mat-khau-dai-2", "officer")
    with pytest.raises(PermissionDenied):
        document_settings.save(db, "canbo", _values(signer_name="Ai đó"))
    saved = document_settings.save(db, admin, _values(signer_name="Nguyễn Văn Phương"))
    assert saved.signer_name == "Nguyễn Văn Phương"


def test_the_change_is_audited(db: Database) -> None:
    document_settings.save(db, "kiemthu", _values(signer_name="Nguyễn Văn Phương"))
    with db.read() as s:
        rows = s.execute(
            text("SELECT actor, changes FROM audit_entry WHERE kind = 'document_settings'")
        ).all()
    assert len(rows) == 1 and rows[0][0] == "kiemthu" and "Nguyễn Văn Phương" in rows[0][1]


def test_register_numbers_briefs_once_a_year_and_a_reprint_keeps_its_number(
    db: Database, visit: samples.Visit, tmp_path: Path
) -> None:
    document_settings.save(db, "kiemthu", _values(number_mode=NumberMode.REGISTER.value))
    one = render_brief(db, "delegation", visit.delegation_id, tmp_path / "a.pdf", actor="kiemthu")
    again = render_brief(db, "delegation", visit.delegation_id, tmp_path / "b.pdf", actor="kiemthu")
    other = render_year_review(db, 2025, tmp_path / "c.pdf", actor="kiemthu")
    assert "Số: 01/BC-SNV" in pdf_text(one) and "Số: 01/BC-SNV" in pdf_text(again)
    assert "Số: 02/BC-SNV" in pdf_text(other)
    # a preview without a user leaves the number to the records office
    preview = render_brief(db, "delegation", visit.delegation_id, tmp_path / "p.pdf")
    assert "Số: /BC-SNV" in pdf_text(preview)

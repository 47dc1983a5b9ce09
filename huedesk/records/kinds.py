"""The record kinds HueDesk keeps, and what the services need to know about each.

One ``KindSpec`` per table: its model, labels, reference-number prefix, which
date gives the reference year, its parent (for child rows such as delegation
members), its status workflow, extra validation rules and derived fields, the
columns a list shows and the field that names a record to people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase

from huedesk.db import models as m
from huedesk.errors import FieldProblem
from huedesk.records import rules, workflows
from huedesk.records.fields import FieldSpec, fields_of
from huedesk.records.workflows import Workflow

Rule = Callable[[dict[str, Any], dict[str, FieldSpec]], list[FieldProblem]]
Derive = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class KindSpec:
    """How the services treat one record kind."""

    name: str
    model: type[DeclarativeBase]
    label_vi: str
    label_en: str
    title_field: str
    ref_prefix: str | Callable[[dict[str, Any]], str] | None = None
    ref_date_field: str | None = None
    parent: tuple[str, str] | None = None  # (parent kind, foreign-key field)
    workflow: Workflow | None = None
    rules: tuple[Rule, ...] = ()
    derive: Derive | None = None
    list_columns: tuple[str, ...] = ()
    sensitive: bool = False  # holds personal data of consular cases
    order_by: tuple[str, ...] = ("id",)
    extra: dict[str, Any] = field(default_factory=dict)

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi

    @cached_property
    def fields(self) -> dict[str, FieldSpec]:
        return fields_of(self.model)

    @property
    def table(self) -> Table:
        """The kind's table, for core queries."""
        return cast(Table, self.model.__table__)  # type: ignore[attr-defined]

    @property
    def has_ref(self) -> bool:
        return self.ref_prefix is not None

    def prefix_for(self, values: dict[str, Any]) -> str:
        if callable(self.ref_prefix):
            return self.ref_prefix(values)
        assert self.ref_prefix is not None
        return self.ref_prefix

    @property
    def children(self) -> list[KindSpec]:
        """Kinds whose rows belong to a row of this kind (deleted with it)."""
        return [k for k in KINDS.values() if k.parent and k.parent[0] == self.name]


def _delegation_prefix(values: dict[str, Any]) -> str:
    return "ĐR" if str(values.get("direction")) == "out" else "ĐV"


_SPECS = [
    KindSpec(
        "country",
        m.Country,
        "Quốc gia",
        "Country",
        "name_vi",
        list_columns=("code", "name_vi", "name_en"),
        order_by=("code",),
    ),
    KindSpec(
        "organisation",
        m.Organisation,
        "Cơ quan, tổ chức",
        "Organisation",
        "name",
        ref_prefix="TC",
        list_columns=("ref", "name", "org_type", "country_code"),
    ),
    KindSpec(
        "person",
        m.Person,
        "Cá nhân",
        "Person",
        "full_name",
        ref_prefix="NG",
        rules=(rules.email_ok,),
        list_columns=("ref", "full_name", "position", "nationality", "organisation_id"),
    ),
    KindSpec(
        "partnership",
        m.Partnership,
        "Quan hệ đối tác",
        "Partnership",
        "partner_id",
        ref_prefix="HT",
        ref_date_field="since",
        workflow=workflows.PARTNERSHIP,
        rules=(rules.dates_ordered("since", "ended_on"),),
        list_columns=(
            "ref",
            "partner_id",
            "country_code",
            "relation_type",
            "level",
            "since",
            "status",
        ),
    ),
    KindSpec(
        "agreement",
        m.Agreement,
        "Thỏa thuận quốc tế",
        "International agreement",
        "title",
        ref_prefix="TT",
        ref_date_field="signed_on",
        workflow=workflows.AGREEMENT,
        rules=(
            rules.dates_ordered("signed_on", "expires_on"),
            rules.dates_ordered("effective_from", "expires_on"),
            rules.dates_ordered("signed_on", "terminated_on"),
        ),
        list_columns=(
            "ref",
            "title",
            "counterpart_id",
            "country_code",
            "signed_on",
            "expires_on",
            "status",
        ),
    ),
    KindSpec(
        "delegation",
        m.Delegation,
        "Đoàn",
        "Delegation",
        "title",
        ref_prefix=_delegation_prefix,
        ref_date_field="start_date",
        workflow=workflows.DELEGATION,
        rules=(rules.dates_ordered("start_date", "end_date"),),
        list_columns=(
            "ref",
            "direction",
            "title",
            "country_code",
            "partner_id",
            "start_date",
            "end_date",
            "status",
        ),
    ),
    KindSpec(
        "delegation_member",
        m.DelegationMember,
        "Thành viên đoàn",
        "Delegation member",
        "person_id",
        parent=("delegation", "delegation_id"),
        list_columns=(
            "precedence",
            "person_id",
            "title",
            "form_of_address",
            "language",
            "dietary_needs",
            "is_head",
        ),
        order_by=("precedence", "id"),
    ),
    KindSpec(
        "programme_item",
        m.ProgrammeItem,
        "Chương trình làm việc",
        "Programme item",
        "activity",
        parent=("delegation", "delegation_id"),
        rules=(rules.dates_ordered("starts_at", "ends_at"),),
        list_columns=(
            "starts_at",
            "ends_at",
            "place",
            "activity",
            "hue_participants",
            "responsible_office",
        ),
        order_by=("starts_at", "id"),
    ),
    KindSpec(
        "gift",
        m.Gift,
        "Quà tặng",
        "Gift",
        "description",
        parent=("delegation", "delegation_id"),
        list_columns=("direction", "description", "giver", "recipient", "value_vnd"),
    ),
    KindSpec(
        "consular_case",
        m.ConsularCase,
        "Vụ việc lãnh sự",
        "Consular case",
        "title",
        ref_prefix="LS",
        ref_date_field="opened_on",
        workflow=workflows.CASE,
        rules=(rules.dates_ordered("opened_on", "closed_on"),),
        sensitive=True,
        list_columns=(
            "ref",
            "case_type",
            "title",
            "country_code",
            "opened_on",
            "deadline",
            "status",
        ),
    ),
    KindSpec(
        "case_person",
        m.CasePerson,
        "Người liên quan",
        "Person involved",
        "person_id",
        parent=("consular_case", "case_id"),
        sensitive=True,
        list_columns=("person_id", "role", "notes"),
    ),
    KindSpec(
        "case_consent",
        m.CaseConsent,
        "Đồng ý chia sẻ thông tin",
        "Consent",
        "recipient",
        parent=("consular_case", "case_id"),
        sensitive=True,
        rules=(rules.dates_ordered("given_on", "withdrawn_on"),),
        list_columns=("person_id", "recipient", "scope", "given_on", "withdrawn_on"),
    ),
    KindSpec(
        "case_action",
        m.CaseAction,
        "Diễn biến xử lý",
        "Case action",
        "action",
        parent=("consular_case", "case_id"),
        sensitive=True,
        list_columns=("taken_at", "action", "officer", "next_step"),
        order_by=("taken_at", "id"),
    ),
    KindSpec(
        "aid_project",
        m.AidProject,
        "Dự án viện trợ",
        "Aid project",
        "title",
        ref_prefix="VT",
        ref_date_field="approved_on",
        workflow=workflows.AID,
        rules=(rules.currency_known, rules.dates_ordered("start_date", "end_date")),
        list_columns=(
            "ref",
            "title",
            "donor_id",
            "sector",
            "committed_amount",
            "currency",
            "approved_on",
            "status",
        ),
    ),
    KindSpec(
        "aid_transaction",
        m.AidTransaction,
        "Giao dịch viện trợ",
        "Aid transaction",
        "tranche",
        parent=("aid_project", "project_id"),
        rules=(rules.currency_known, rules.rate_for_foreign_currency),
        derive=rules.vnd_value,
        list_columns=(
            "value_date",
            "tx_type",
            "tranche",
            "amount",
            "currency",
            "rate_to_vnd",
            "amount_vnd",
            "document_ref",
        ),
        order_by=("value_date", "id"),
    ),
    KindSpec(
        "fdi_project",
        m.FdiProject,
        "Dự án FDI",
        "FDI project",
        "name",
        ref_prefix="FDI",
        ref_date_field="licence_date",
        workflow=workflows.FDI,
        rules=(rules.currency_known, rules.dates_ordered("licence_date", "terminated_on")),
        list_columns=(
            "ref",
            "name",
            "investor_id",
            "country_code",
            "sector",
            "registered_capital",
            "currency",
            "licence_date",
            "status",
        ),
    ),
    KindSpec(
        "event",
        m.Event,
        "Sự kiện quốc tế",
        "International event",
        "title",
        ref_prefix="SK",
        ref_date_field="start_date",
        workflow=workflows.EVENT,
        rules=(rules.dates_ordered("start_date", "end_date"),),
        list_columns=(
            "ref",
            "title",
            "event_type",
            "start_date",
            "end_date",
            "venue",
            "foreign_participants",
            "status",
        ),
    ),
    KindSpec(
        "follow_up_task",
        m.FollowUpTask,
        "Công việc theo dõi",
        "Follow-up task",
        "title",
        ref_prefix="CV",
        ref_date_field="due_date",
        workflow=workflows.TASK,
        list_columns=("ref", "title", "due_date", "assignee", "status"),
    ),
    KindSpec(
        "attachment",
        m.Attachment,
        "Tệp đính kèm",
        "Attachment",
        "filename",
        rules=(rules.attachment_ok,),
        derive=rules.attachment_stored_name,
        list_columns=("filename", "media_type", "size", "description", "created_at"),
    ),
]

KINDS: dict[str, KindSpec] = {k.name: k for k in _SPECS}

# Main kinds a user browses (the rest are reference data, children or attachments).
TOP_LEVEL = (
    "delegation",
    "consular_case",
    "aid_project",
    "partnership",
    "agreement",
    "fdi_project",
    "event",
    "follow_up_task",
    "organisation",
    "person",
)


def kind_spec(name: str) -> KindSpec:
    """The spec of kind ``name``; raises a readable error for an unknown kind."""
    from huedesk.errors import HueDeskError

    try:
        return KINDS[name]
    except KeyError:
        known = ", ".join(KINDS)
        raise HueDeskError(
            f"Không có loại hồ sơ '{name}' (có: {known}).",
            f"No record kind '{name}' (known: {known}).",
        ) from None


def kind_of_model(model: type[DeclarativeBase]) -> KindSpec:
    return next(k for k in KINDS.values() if k.model is model)

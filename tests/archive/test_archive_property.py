"""Property: whatever records are made, export → import gives the same records, field for field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huedesk.archive import export_bundle, import_bundle
from huedesk.db.engine import Database
from huedesk.records import RecordService
from huedesk.store import open_store
from tests.archive.conftest import dump

VIET = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐƯƠ "
)
MAX_MINOR = 2**63 - 1

text = st.text(alphabet=VIET + "ABCXYZ0123456789,.-'\n", min_size=1, max_size=80).filter(
    lambda s: s.strip() != ""
)
optional_text = st.none() | text
day = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
amount = st.integers(min_value=0, max_value=MAX_MINOR)

project = st.fixed_dictionaries(
    {
        "title": text,
        "sector": st.sampled_from(["health", "education", "disaster_relief", "culture"]),
        "committed_amount": amount,
        "currency": st.sampled_from(["VND", "USD", "JPY", "EUR"]),
        "status": st.sampled_from(["proposed", "approved", "in_progress", "closed"]),
        "beneficiary": optional_text,
        "approval_decision": optional_text.map(lambda t: t[:120] if t else t),
        "approved_on": st.none() | day,
        "notes": optional_text,
    }
)
vnd_tx = st.fixed_dictionaries(
    {
        "tx_type": st.sampled_from(["pledge", "commitment", "disbursement"]),
        "value_date": day,
        "amount": amount,
        "currency": st.just("VND"),
        "tranche": optional_text.map(lambda t: t[:60] if t else t),
        "document_ref": optional_text.map(lambda t: t[:120] if t else t),
    }
)
foreign_tx = st.fixed_dictionaries(
    {
        "tx_type": st.sampled_from(["commitment", "disbursement"]),
        "value_date": day,
        "amount": st.integers(min_value=0, max_value=10**12),
        "currency": st.just("USD"),
        "rate_to_vnd": st.decimals(min_value=1, max_value=30000, places=2),
    }
)
person = st.fixed_dictionaries(
    {
        "full_name": text.map(lambda t: t[:200]),
        "gender": st.none() | st.sampled_from(["female", "male"]),
        "date_of_birth": st.none() | day,
        "nationality": st.none() | st.sampled_from(["VN", "KR", "JP", "LA"]),
        "passport_no": st.none() | st.from_regex(r"[A-Z][0-9]{7}", fullmatch=True),
        "notes": optional_text,
    }
)


@pytest.fixture(scope="module")
def laptops(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Database]]:
    """Two databases kept across examples: each example adds records and re-syncs them."""
    folder = tmp_path_factory.mktemp("prop")
    source = open_store(folder / "a" / "huedesk.sqlite3")
    target = open_store(folder / "b" / "huedesk.sqlite3")
    yield source, target
    source.dispose()
    target.dispose()


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    projects=st.lists(
        st.tuples(project, st.lists(vnd_tx | foreign_tx, max_size=3)), min_size=1, max_size=3
    ),
    people=st.lists(person, max_size=3),
)
def test_round_trip_preserves_every_field(
    laptops: tuple[Database, Database],
    projects: list[tuple[dict[str, object], list[dict[str, object]]]],
    people: list[dict[str, object]],
) -> None:
    source, target = laptops
    svc = RecordService(source, "prop")
    donor = svc.create("organisation", {"name": "Nhà tài trợ", "org_type": "donor"})
    for values, txs in projects:
        p = svc.create("aid_project", {**values, "donor_id": donor["id"]})
        for tx in txs:
            svc.create("aid_transaction", {**tx, "project_id": p["id"]})
    for values in people:
        svc.create("person", {**values, "organisation_id": donor["id"]})
    bundle = source.path.parent / "bundle.zip"
    export_bundle(source, bundle)
    import_bundle(target, bundle, actor="prop")
    assert dump(target) == dump(source)

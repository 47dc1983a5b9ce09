"""Search latency on a large database: the FTS5 index against a LIKE scan of folded text.

Usage (from the repository root)::

    /work/venv/bin/python benchmarks/search_bench.py [--records 200000] [--db PATH] [--runs 15]

Builds (or reuses) a demo database of ``--records`` records with
``huedesk.demo.generate`` when that module exists, otherwise with the small
generator below; times the index build (``reindex_all``), then each query of a
realistic set (Vietnamese with and without marks, prefixes as typed, reference
numbers) through ``huedesk.search.search`` and through a LIKE scan over the same
folded text, and prints medians and 95th percentiles side by side.
Targets for the index: median < 20 ms, p95 < 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select, text

from huedesk.db import enums as e
from huedesk.db import models as m
from huedesk.db.engine import Database
from huedesk.records import events
from huedesk.records.refs import format_ref
from huedesk.search import reindex_all, search
from huedesk.search.fts_query import parse
from huedesk.store import open_store

QUERIES = [
    "salavan",
    "salav",
    "Champasak",
    "gifu",
    "Đoàn Đại sứ",
    "doan dai su",
    "Huế",
    "hue",
    "Nguyễn Thị",
    "nguyen thi hoa",
    "kim min",
    "bảo hộ công dân",
    "bao ho cong dan",
    "viện trợ y tế",
    "chan may",
    "hội thảo quốc tế",
    "festival",
    "LS-2025-0007",
    "ĐV-2024-0123",
    "DV-2024-0123",
]

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ"]
_MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang"]
_GIVEN = ["An", "Bình", "Châu", "Dũng", "Hoa", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương"]
_FOREIGN = [
    "Kim Min-jun",
    "Park Ji-won",
    "Lee Seo-yeon",
    "Tanaka Hiroshi",
    "Suzuki Yuki",
    "Sato Kenji",
    "Bounmy Phommachanh",
    "Khamphone Sisavath",
    "Wang Wei",
    "Marie Dubois",
    "John Smith",
    "Anna Müller",
]
_PARTNERS = [
    ("Tỉnh Salavan", "LA"),
    ("Tỉnh Champasak", "LA"),
    ("Tỉnh Sekong", "LA"),
    ("Tỉnh Savannakhet", "LA"),
    ("Tỉnh Attapeu", "LA"),
    ("Tỉnh Gifu", "JP"),
    ("Tỉnh Niigata", "JP"),
    ("Tỉnh Nara", "JP"),
    ("Phủ Kyoto", "JP"),
    ("Tỉnh Shiga", "JP"),
    ("Thành phố Gyeongju", "KR"),
    ("Thành phố Gwangju", "KR"),
    ("Thành phố Namyangju", "KR"),
    ("Huyện Wando", "KR"),
    ("Tỉnh Chungcheongnam", "KR"),
    ("Tỉnh Chiết Giang", "CN"),
    ("Khu tự trị Quảng Tây", "CN"),
    ("Vùng Wallonie-Bruxelles", "BE"),
    ("Tỉnh Vladimir", "RU"),
    ("Vùng Nouvelle-Aquitaine", "FR"),
]
_DELEGATION = [
    "Đoàn Đại sứ {c} thăm và làm việc tại Huế",
    "Đoàn {p} thăm Huế",
    "Đoàn doanh nghiệp {c} tìm hiểu cơ hội đầu tư",
    "Đoàn lãnh đạo thành phố Huế công tác tại {p}",
    "Đoàn tổ chức phi chính phủ {c} khảo sát dự án",
]
_PURPOSE = [
    "Trao đổi hợp tác văn hóa, du lịch và giáo dục",
    "Xúc tiến đầu tư vào Khu kinh tế Chân Mây - Lăng Cô",
    "Tham dự Festival Huế và tuần lễ nghệ thuật quốc tế",
    "Ký kết biên bản ghi nhớ hợp tác hữu nghị",
    "Khảo sát dự án viện trợ y tế và giáo dục",
]
_CASE = [
    "Bảo hộ công dân Huế bị tai nạn tại {c}",
    "Công dân {c} mất hộ chiếu tại Huế",
    "Tranh chấp lao động của công dân Huế tại {c}",
    "Hỗ trợ thân nhân công dân tử vong tại {c}",
]
_AID = [
    "Viện trợ trang thiết bị y tế cho bệnh viện tuyến huyện",
    "Học bổng cho học sinh nghèo vượt khó",
    "Cứu trợ khẩn cấp sau bão lũ miền Trung",
    "Xây dựng trường mẫu giáo vùng cao A Lưới",
]
_EVENT = [
    "Festival Huế {y}",
    "Hội thảo quốc tế về bảo tồn di sản",
    "Tuần lễ nghệ thuật quốc tế Huế",
    "Diễn đàn Kinh tế Việt Nam - Thụy Sĩ",
]


def _vn_name(rng: random.Random) -> str:
    return f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def _date(rng: random.Random) -> dt.date:
    return dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))


def fallback_generate(db: Database, records: int, seed: int) -> None:
    """A small stand-in for ``huedesk.demo.generate``: realistic text, bulk-inserted."""
    rng = random.Random(seed)
    share = {
        "organisation": 0.03,
        "person": 0.30,
        "delegation": 0.25,
        "consular_case": 0.15,
        "aid_project": 0.10,
        "fdi_project": 0.05,
        "event": 0.05,
        "agreement": 0.02,
        "follow_up_task": 0.05,
    }
    n = {k: max(1, int(records * v)) for k, v in share.items()}
    counters: dict[tuple[str, int], int] = {}

    def ref(prefix: str, when: dt.date) -> str:
        key = (prefix, when.year)
        counters[key] = counters.get(key, 0) + 1
        return format_ref(prefix, when.year, counters[key])

    def add(session: Any, model: Any, rows: list[dict[str, Any]]) -> None:
        for start in range(0, len(rows), 5000):
            session.execute(insert(model), rows[start : start + 5000])

    with db.write() as s:
        orgs = [
            {
                "ref": ref("TC", dt.date(2024, 1, 1)),
                "name": p if i < len(_PARTNERS) else f"Công ty {rng.choice(_FOREIGN)} số {i}",
                "org_type": e.OrgType.PARTNER_LOCALITY if i < len(_PARTNERS) else e.OrgType.COMPANY,
                "country_code": c,
            }
            for i, (p, c) in enumerate(
                _PARTNERS + [rng.choice(_PARTNERS) for _ in range(n["organisation"])]
            )
        ]
        add(s, m.Organisation, orgs)
        n_org = len(orgs)
        people = [
            {
                "ref": ref("NG", dt.date(2024, 1, 1)),
                "full_name": _vn_name(rng) if rng.random() < 0.6 else rng.choice(_FOREIGN),
                "position": rng.choice(["Phó Chủ tịch", "Giám đốc", "Chuyên viên", "Đại sứ"]),
                "organisation_id": rng.randint(1, n_org),
            }
            for _ in range(n["person"])
        ]
        add(s, m.Person, people)
        dels, members, items = [], [], []
        for i in range(n["delegation"]):
            partner, country = _PARTNERS[rng.randrange(len(_PARTNERS))]
            start = _date(rng)
            out = rng.random() < 0.3
            title = rng.choice(_DELEGATION).format(c=country, p=partner)
            dels.append(
                {
                    "ref": ref("ĐR" if out else "ĐV", start),
                    "direction": e.Direction.OUTBOUND if out else e.Direction.INBOUND,
                    "title": title,
                    "partner_id": rng.randint(1, len(_PARTNERS)),
                    "country_code": country,
                    "purpose": rng.choice(_PURPOSE),
                    "start_date": start,
                    "status": rng.choice(list(e.DelegationStatus)),
                }
            )
            for k in range(2):
                members.append(
                    {
                        "delegation_id": i + 1,
                        "person_id": rng.randint(1, n["person"]),
                        "title": "Trưởng đoàn" if k == 0 else "Thành viên",
                        "precedence": k,
                        "is_head": k == 0,
                    }
                )
                items.append(
                    {
                        "delegation_id": i + 1,
                        "starts_at": dt.datetime.combine(start, dt.time(8 + 3 * k)),
                        "activity": rng.choice(["Hội đàm", "Tham quan Đại Nội", "Chiêu đãi"]),
                        "place": rng.choice(["Trụ sở UBND thành phố", "Đại Nội Huế", "Chân Mây"]),
                    }
                )
        add(s, m.Delegation, dels)
        add(s, m.DelegationMember, members)
        add(s, m.ProgrammeItem, items)
        cases, actions = [], []
        for i in range(n["consular_case"]):
            opened = _date(rng)
            country = rng.choice(["JP", "KR", "LA", "TW", "DE", "US"])
            cases.append(
                {
                    "ref": ref("LS", opened),
                    "case_type": rng.choice(list(e.CaseType)),
                    "title": rng.choice(_CASE).format(c=country),
                    "country_code": country,
                    "opened_on": opened,
                    "status": rng.choice(list(e.CaseStatus)),
                    "information_source": rng.choice(list(e.InformationSource)),
                }
            )
            actions.append(
                {
                    "case_id": i + 1,
                    "taken_at": dt.datetime.combine(opened, dt.time(9)),
                    "action": "Liên hệ Đại sứ quán, thông báo cho gia đình",
                    "officer": _vn_name(rng),
                }
            )
        add(s, m.ConsularCase, cases)
        add(s, m.CaseAction, actions)
        add(
            s,
            m.AidProject,
            [
                {
                    "ref": ref("VT", (d := _date(rng))),
                    "title": rng.choice(_AID),
                    "donor_id": rng.randint(1, n_org),
                    "sector": rng.choice(list(e.Sector)),
                    "committed_amount": rng.randrange(10**8, 10**11),
                    "currency": "VND",
                    "approved_on": d,
                    "status": rng.choice(list(e.AidStatus)),
                }
                for _ in range(n["aid_project"])
            ],
        )
        add(
            s,
            m.FdiProject,
            [
                {
                    "ref": ref("FDI", (d := _date(rng))),
                    "name": f"Nhà máy {rng.choice(['may mặc', 'linh kiện', 'chế biến'])} {i}",
                    "country_code": rng.choice(["JP", "KR", "SG", "US", "TW"]),
                    "sector": e.Sector.MANUFACTURING,
                    "registered_capital": rng.randrange(10**6, 10**8),
                    "currency": "USD",
                    "licence_date": d,
                    "location": "Khu kinh tế Chân Mây - Lăng Cô",
                    "status": rng.choice(list(e.FdiStatus)),
                }
                for i in range(n["fdi_project"])
            ],
        )
        add(
            s,
            m.Event,
            [
                {
                    "ref": ref("SK", (d := _date(rng))),
                    "title": rng.choice(_EVENT).format(y=d.year),
                    "event_type": rng.choice(list(e.EventType)),
                    "start_date": d,
                    "status": rng.choice(list(e.EventStatus)),
                    "venue": "Đại Nội Huế",
                }
                for _ in range(n["event"])
            ],
        )
        add(
            s,
            m.Agreement,
            [
                {
                    "ref": ref("TT", (d := _date(rng))),
                    "title": f"Biên bản ghi nhớ hợp tác với {rng.choice(_PARTNERS)[0]}",
                    "agreement_type": e.AgreementType.MOU,
                    "signing_level": e.SigningLevel.CITY_COMMITTEE,
                    "signed_on": d,
                    "status": rng.choice(list(e.AgreementStatus)),
                }
                for _ in range(n["agreement"])
            ],
        )
        add(
            s,
            m.FollowUpTask,
            [
                {
                    "ref": ref("CV", (d := _date(rng))),
                    "title": f"Báo cáo kết quả làm việc với {rng.choice(_PARTNERS)[0]}",
                    "due_date": d,
                    "status": rng.choice(list(e.TaskStatus)),
                    "assignee": _vn_name(rng),
                }
                for _ in range(n["follow_up_task"])
            ],
        )
        # The index catches up once, as after any bulk load.
        loaded = (
            m.Organisation,
            m.Person,
            m.Delegation,
            m.DelegationMember,
            m.ProgrammeItem,
            m.ConsularCase,
            m.CaseAction,
            m.AidProject,
            m.FdiProject,
            m.Event,
            m.Agreement,
            m.FollowUpTask,
        )
        events.emit_bulk(s, frozenset(k.__tablename__ for k in loaded))


def generate(db: Database, records: int, seed: int) -> None:
    try:
        from huedesk.demo import generate as demo_generate  # the lead's generator, once merged
    except ImportError:
        fallback_generate(db, records, seed)
    else:
        demo_generate(db, records=records, seed=seed)


def like_scan(db: Database, query: str) -> int:
    """The same query without the index: every word as LIKE over the folded text."""
    parsed = parse(query)
    words = parsed.folded_text.split()
    where = " AND ".join(
        f"(ref || ' ' || title || ' ' || body) LIKE :w{i}" for i in range(len(words))
    )
    params = {f"w{i}": f"%{w}%" for i, w in enumerate(words)}
    with db.read() as s:
        return len(s.execute(text(f"SELECT rowid FROM search_fts WHERE {where}"), params).all())


def _time(fn: Callable[[], Any], runs: int) -> list[float]:
    fn()  # warm the page cache
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", type=Path, help="reuse or create this database file")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--like-runs", type=int, default=3)
    ap.add_argument("--no-rebuild", action="store_true", help="skip timing a full rebuild")
    args = ap.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.sqlite3"
    fresh = not path.exists()
    db = open_store(path)
    with db.read() as s:
        have = s.scalar(select(func.count()).select_from(m.Delegation))
    if fresh or not have:
        t = time.perf_counter()
        generate(db, args.records, args.seed)
        print(f"generated {args.records} records in {time.perf_counter() - t:.1f} s ({path})")
    if not args.no_rebuild:
        t = time.perf_counter()
        with db.write() as s:
            indexed = reindex_all(s)
        build = time.perf_counter() - t
        print(f"index build (reindex_all): {indexed} records in {build:.1f} s")
    print(f"\n{'query':<20} {'hits':>5} {'fts med':>8} {'fts p95':>8} {'like med':>9} {'ratio':>6}")
    all_fts: list[float] = []
    all_like: list[float] = []
    for q in QUERIES:
        fts = _time(lambda q=q: search(db, q), args.runs)
        like = _time(lambda q=q: like_scan(db, q), args.like_runs)
        all_fts += fts
        all_like += like
        hits = len(search(db, q))
        fm, lm = statistics.median(fts), statistics.median(like)
        print(f"{q:<20} {hits:>5} {fm:>8.1f} {_p95(fts):>8.1f} {lm:>9.1f} {lm / fm:>6.0f}x")
    fm, lm = statistics.median(all_fts), statistics.median(all_like)
    print(
        f"\nall queries: FTS median {fm:.1f} ms, p95 {_p95(all_fts):.1f} ms; "
        f"LIKE median {lm:.1f} ms, p95 {_p95(all_like):.1f} ms; LIKE/FTS median ratio {lm / fm:.0f}x"
    )
    ok = fm < 20 and _p95(all_fts) < 50
    print("targets (median < 20 ms, p95 < 50 ms):", "met" if ok else "NOT met")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

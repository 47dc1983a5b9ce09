"""Render every brief, in both languages, with typical and extreme data, for review and the docs.

    .venv/bin/python benchmarks/brief_samples.py [OUT_DIR] [--png]

Writes to OUT_DIR (default ``brief-samples/``): the delegation brief (typical;
60 programme items over 5 days; a partner with 200 earlier visits, short and
``--full``), the consular case summary (and redacted), the aid statement (a
project; a year of 500 transactions, summary and with detail) and the yearly
review, each in Vietnamese and English. With ``--png`` every page is also
written as a PNG (needs poppler's ``pdftoppm``; the application itself does not).
The same records as the tests (``tests/briefs/samples.py``); briefs dated 5 March 2025.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from huedesk import clock
from huedesk.briefs import render_aid_statement, render_brief, render_year_review
from huedesk.records import RecordService
from huedesk.store import open_store
from tests.briefs import samples

PRINTED_AT = dt.datetime(2025, 3, 5, 3, 0, tzinfo=dt.UTC)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="brief-samples", type=Path)
    parser.add_argument("--png", action="store_true", help="also write every page as PNG")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, clock.use(clock.fixed(PRINTED_AT)):
        db = open_store(Path(tmp) / "samples.sqlite3")
        svc = RecordService(db, "mau")
        made = samples.printing_set(svc)
        typical, long, busy, case, aid = made.typical, made.long, made.busy, made.case, made.aid
        written = []
        for lang in ("vi", "en"):
            jobs = {
                "delegation": lambda p, lang=lang: render_brief(
                    db, "delegation", typical.delegation_id, p, lang=lang
                ),
                "delegation-60-items": lambda p, lang=lang: render_brief(
                    db, "delegation", long.delegation_id, p, lang=lang
                ),
                "delegation-200-visits": lambda p, lang=lang: render_brief(
                    db, "delegation", busy.delegation_id, p, lang=lang
                ),
                "delegation-200-visits-full": lambda p, lang=lang: render_brief(
                    db, "delegation", busy.delegation_id, p, lang=lang, full=True
                ),
                "case": lambda p, lang=lang: render_brief(
                    db, "consular_case", case.case_id, p, lang=lang
                ),
                "case-redacted": lambda p, lang=lang: render_brief(
                    db, "consular_case", case.case_id, p, lang=lang, redact=True
                ),
                "aid-project": lambda p, lang=lang: render_brief(
                    db, "aid_project", aid.project_id, p, lang=lang
                ),
                "aid-year-500": lambda p, lang=lang: render_aid_statement(
                    db, p, year=2025, lang=lang
                ),
                "aid-year-500-detail": lambda p, lang=lang: render_aid_statement(
                    db, p, year=2025, lang=lang, detail=True
                ),
                "year-review": lambda p, lang=lang: render_year_review(db, 2025, p, lang=lang),
            }
            for name, job in jobs.items():
                path = job(out / f"{name}-{lang}.pdf")
                written.append(path)
        db.dispose()
    for path in written:
        pages = _pages(path)
        print(f"{path.name:<40} {pages:>3} pages")
        if args.png:
            if shutil.which("pdftoppm") is None:
                sys.exit("pdftoppm (poppler-utils) is needed for --png")
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", str(path), str(path.with_suffix(""))], check=True
            )


def _pages(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(path).pages)


if __name__ == "__main__":
    main()

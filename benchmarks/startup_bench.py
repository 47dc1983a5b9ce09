"""Whole-process start-up: ``huedesk --version``, a delegation brief, and LibreOffice, side by side.

    python benchmarks/startup_bench.py [--runs 9] [--program PATH] [--records 2000]

Run it with the development environment's Python (``pip install -e ".[test]"``: it reads
the brief's text with pypdf); ``--program`` may name any installed HueDesk.

LibreOffice, for the comparison, on Debian/Ubuntu::

    sudo apt-get install --no-install-recommends libreoffice-writer-nogui

(without it the LibreOffice row is left out and no ratio is printed).

Each figure is a fresh process, timed from outside as a person would feel it (wall
clock, and the CPU time the process used), run in turn — version, brief, LibreOffice,
version, brief, … — so a machine that slows down mid-run slows all of them alike. It
prints the median, minimum and maximum of each, the ratio LibreOffice / brief (medians,
and pair by pair), the load average before and after, and each target met or not.

- ``huedesk --version`` and ``huedesk brief delegation REF -o OUT.pdf`` on a demo
  database (``--records``, made first), the brief of an inbound visit (partner profile,
  members, programme). The database has **no accounts**, so the brief does not
  sign in; the row *signed in* prints the same brief from a copy of the database that
  has an administrator and an officer, as the officer (``HUEDESK_USER`` /
  ``HUEDESK_PASSWORD``): that adds the password check (Argon2id) and the officer's
  masking.
- ``--program`` times another HueDesk, e.g. the desktop build ``dist/HueDesk/huedesk``;
  the default is the ``huedesk`` command next to this Python (the README's way of
  running it).
- Bytecode: the first, untimed, brief and ``--version`` run with
  ``PYTHONDONTWRITEBYTECODE`` unset, so HueDesk's ``.pyc`` files exist as they do in an
  installed program (pip compiles at install, the desktop build ships them). Without
  them every run compiles HueDesk's ~140 modules from source (~0.1 s more).
- What a brief is made of, in the same run (when the program is a Python console script,
  not the desktop build): the interpreter alone (``python -c pass``); with SQLAlchemy
  (its Core) imported; with SQLAlchemy's ORM and ReportLab's platypus too (the libraries
  a brief cannot do without); and the same with HueDesk's ORM models declared (a brief
  configures no mapper: it reads with Core statements) — these with the garbage
  collector set and the ending (``os._exit``) a HueDesk command uses, so they compare.
  The brief's time minus the last row is HueDesk's own work (its services, opening the
  database, gathering, layout, PDF).
- LibreOffice converting an equivalent Word file to PDF: the same brief's text,
  paragraph for paragraph, in a .docx set in Times New Roman 13 pt, converted with
  ``soffice --headless --convert-to pdf`` (its own profile folder, warmed up first, so
  the one-off profile creation is not counted).

Targets (issue #16): ``--version`` ≤ 0.15 s; the brief ≤ 0.45 s and at least 3× faster
than LibreOffice in the same run (wall clock, medians). Quote medians and ratios, and say
whether the machine was shared: absolute times on a busy machine mean little. The last
line sets the 3× against the libraries' own start-up: a third of LibreOffice's time less
what Python, SQLAlchemy and ReportLab take to import is all a brief may spend on
everything else (negative when the target is under the stack's floor).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]


def _timed(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one fresh process; fails loudly if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, env=env, cwd=cwd, timeout=300)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _docx(paragraphs: list[str], out: Path) -> Path:
    """A minimal Word document: one paragraph per line, Times New Roman 13 pt, A4."""
    runs = "".join(
        '<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
        f'<w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        for text in paragraphs
    )
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>'
        f'{runs}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" '
        'w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" '
        'w:gutter="0"/></w:sectPr></w:body></w:document>'
    )
    ct = "http://schemas.openxmlformats.org/package/2006/content-types"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ct}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{rel}" Target="word/document.xml"/></Relationships>',
        )
        zf.writestr("word/document.xml", document)
    return out


def _brief_paragraphs(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [
        line.strip()
        for page in PdfReader(pdf).pages
        for line in page.extract_text().splitlines()
        if line.strip()
    ]


def _row(label: str, values: list[float]) -> str:
    return f"{label:<50} {statistics.median(values):8.3f} {min(values):8.3f} {max(values):8.3f}"


def _interpreter(program: Path) -> str | None:
    """The Python behind a console script (its ``#!`` line); None for the desktop build."""
    try:
        first = program.read_bytes()[:200].split(b"\n", 1)[0]
    except OSError:
        return None
    if not first.startswith(b"#!") or b"python" not in first:
        return None
    return first[2:].decode().strip()


# As a command runs (huedesk.cli.main.run): the collector every 250,000 allocations, and
# os._exit at the end (no interpreter teardown), so the rows compare with the brief's.
_AS_A_COMMAND = "import gc, os; gc.set_threshold(250_000, 10, 10); "
CORE = _AS_A_COMMAND + "import sqlalchemy; os._exit(0)"
LIBRARIES = _AS_A_COMMAND + "import sqlalchemy.orm, reportlab.platypus; os._exit(0)"
# The models declared; a brief configures no mapper (it reads with Core statements).
MODELS = _AS_A_COMMAND + (
    "import sqlalchemy.orm, reportlab.platypus, huedesk.db.models; os._exit(0)"
)


def _run(cmd: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    return done.stdout


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--program", type=Path, help="the huedesk program to time")
    args = parser.parse_args()
    program = (
        args.program
        or Path(sys.executable).with_name("huedesk.exe" if os.name == "nt" else "huedesk")
    ).absolute()  # the runs start in a scratch folder
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    python = _interpreter(program)
    load_before = _load()

    with tempfile.TemporaryDirectory(prefix="huedesk-startup-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("HUEDESK_")}
        env["HUEDESK_DB"] = str(work / "huedesk.sqlite3")
        env.pop("PYTHONPATH", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed HueDesk has its .pyc files
        _run([str(program), "demo", "--records", str(args.records), "--seed", "1"], env)
        listing = _run(
            [str(program), "list", "delegation", "--json", "--limit", "500", "--sort", "ref"],
            env,
        )
        # An inbound visit (ĐV-…): its brief has the partner's profile, members and programme.
        ref = next(r["ref"] for r in json.loads(listing)["rows"] if r["ref"][1] == "V")
        # The same data with accounts: an administrator, and the officer who prints.
        signed = dict(env, HUEDESK_DB=str(work / "accounts.sqlite3"))
        shutil.copyfile(work / "huedesk.sqlite3", work / "accounts.sqlite3")
        _run(
            [str(program), "user", "init", "admin"],
            dict(signed, HUEDESK_NEW_PASSWORD="a-Pass-1234"),
        )
        _run(
            [str(program), "user", "add", "lan", "--role", "officer"],
            dict(signed, HUEDESK_USER="admin", HUEDESK_PASSWORD="a-Pass-1234",
                 HUEDESK_NEW_PASSWORD="l-Pass-5678"),
        )  # fmt: skip
        signed.update(HUEDESK_USER="lan", HUEDESK_PASSWORD="l-Pass-5678")

        brief = work / "brief.pdf"
        brief_cmd = [str(program), "brief", "delegation", ref, "-o", str(brief)]
        runs: dict[str, tuple[list[str], dict[str, str]]] = {
            "huedesk --version": ([str(program), "--version"], env),
            f"huedesk brief delegation {ref}": (brief_cmd, env),
            "  the same brief, signed in as an officer": (brief_cmd, signed),
        }
        for cmd, cmd_env in runs.values():
            _timed(cmd, cmd_env, work)  # writes the .pyc files, warms the file cache
        paragraphs = _brief_paragraphs(brief)
        if python is not None:
            runs["  python -c pass"] = ([python, "-c", "pass"], env)
            runs["  python: import SQLAlchemy (Core)"] = ([python, "-c", CORE], env)
            runs["  python: … + its ORM, ReportLab"] = ([python, "-c", LIBRARIES], env)
            runs["  python: … + HueDesk's models declared"] = ([python, "-c", MODELS], env)
        if soffice:
            docx = _docx(paragraphs, work / "brief.docx")
            profile = (work / "lo-profile").as_uri()
            lo = [
                soffice, f"-env:UserInstallation={profile}", "--headless",
                "--convert-to", "pdf", "--outdir", str(work / "lo"), str(docx),
            ]  # fmt: skip
            _timed(lo, env, work)  # creates the profile: a one-off, not counted
            runs["soffice --convert-to pdf (same text, .docx)"] = (lo, env)
        else:
            print(
                "LibreOffice not found: sudo apt-get install --no-install-recommends "
                "libreoffice-writer-nogui"
            )

        wall: dict[str, list[float]] = {name: [] for name in runs}
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.runs):
            for name, (cmd, cmd_env) in runs.items():
                w, c = _timed(cmd, cmd_env, work)
                wall[name].append(w)
                cpu[name].append(c)

    print(
        f"{args.runs} runs each, interleaved; program {program}; brief of {len(paragraphs)} "
        f"lines; {os.cpu_count()} CPUs; load average before {load_before}, after {_load()}"
    )
    print(f"{'wall seconds':<50} {'median':>8} {'min':>8} {'max':>8}")
    for name in runs:
        print(_row(name, wall[name]))
    print(f"{'CPU seconds (user + system)':<50}")
    for name in runs:
        print(_row(name, cpu[name]))
    version = statistics.median(wall["huedesk --version"])
    brief_w = wall[f"huedesk brief delegation {ref}"]
    print(f"target --version <= 0.15 s: {version:.3f} s, {'met' if version <= 0.15 else 'NOT met'}")
    median = statistics.median(brief_w)
    print(f"target brief <= 0.45 s: {median:.3f} s, {'met' if median <= 0.45 else 'NOT met'}")
    lo_name = "soffice --convert-to pdf (same text, .docx)"
    if lo_name in wall:
        lo_w = wall[lo_name]
        ratio = statistics.median(lo_w) / median
        pairwise = [lo / b for lo, b in zip(lo_w, brief_w, strict=True)]
        print(
            f"LibreOffice / HueDesk brief: {ratio:.2f}× (medians); pair by pair median "
            f"{statistics.median(pairwise):.2f}×, min {min(pairwise):.2f}×, "
            f"max {max(pairwise):.2f}×; target >= 3×: {'met' if ratio >= 3 else 'NOT met'}"
        )
        libraries = "  python: … + its ORM, ReportLab"
        if libraries in wall:
            # What the 3× leaves once the libraries every brief needs are imported (#16).
            budget = statistics.median(lo_w) / 3
            floor = statistics.median(wall[libraries])
            print(
                f"3× budget: a third of LibreOffice is {budget:.3f} s; Python with SQLAlchemy "
                f"(Core, ORM) and ReportLab alone take {floor:.3f} s, leaving HueDesk "
                f"{budget - floor:+.3f} s for its models, services, database and PDF"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Whole-process start-up: ``huedesk --version``, a delegation brief, and LibreOffice, side by side.

    python benchmarks/startup_bench.py [--runs 9] [--program PATH] [--records 2000]

Run it with the development environment's Python (``pip install -e ".[test]"``: it reads
the brief's text with pypdf); ``--program`` may name any installed HueDesk.

Each figure is a fresh process, timed from outside as a person would feel it (wall
clock, and the CPU time the process used), run in turn — version, brief, LibreOffice,
version, brief, … — so a machine that slows down mid-run slows all three alike. It
prints the median, minimum and maximum of each, and the ratio LibreOffice / brief
(medians, and pair by pair).

- ``huedesk --version`` and ``huedesk brief delegation REF -o OUT.pdf`` on a demo
  database (``--records``, made first). ``--program`` times another HueDesk, e.g. the
  desktop build ``dist/HueDesk/huedesk``; the default is the ``huedesk`` command next
  to this Python.
- LibreOffice converting an equivalent Word file to PDF: the same brief's text,
  paragraph for paragraph, in a .docx set in Times New Roman 13 pt, converted with
  ``soffice --headless --convert-to pdf`` (its own profile folder, warmed up first, so
  the one-off profile creation is not counted). Install it on Debian/Ubuntu with
  ``sudo apt-get install --no-install-recommends libreoffice-writer-nogui``; without it
  the LibreOffice column is left out.

Targets (issue #16): ``--version`` ≤ 0.15 s; the brief ≤ 0.45 s and at least 3× faster
than LibreOffice in the same run. Quote medians and ratios, and say whether the machine
was shared: absolute times on a busy machine mean little.
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
    return f"{label:<44} {statistics.median(values):8.3f} {min(values):8.3f} {max(values):8.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--program", type=Path, help="the huedesk program to time")
    args = parser.parse_args()
    program = args.program or Path(sys.executable).with_name(
        "huedesk.exe" if os.name == "nt" else "huedesk"
    )
    soffice = shutil.which("soffice") or shutil.which("libreoffice")

    with tempfile.TemporaryDirectory(prefix="huedesk-startup-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("HUEDESK_")}
        env["HUEDESK_DB"] = str(work / "huedesk.sqlite3")
        env.pop("PYTHONPATH", None)
        subprocess.run(
            [str(program), "demo", "--records", str(args.records), "--seed", "1"],
            check=True,
            env=env,
            capture_output=True,
        )
        listing = subprocess.run(
            [str(program), "list", "delegation", "--json", "--limit", "500", "--sort", "ref"],
            check=True,
            env=env,
            capture_output=True,
            text=True,
        )
        # An inbound visit (ĐV-…): its brief has the partner's profile, members and programme.
        ref = next(r["ref"] for r in json.loads(listing.stdout)["rows"] if r["ref"][1] == "V")
        brief = work / "brief.pdf"
        commands: dict[str, list[str]] = {
            "huedesk --version": [str(program), "--version"],
            f"huedesk brief delegation {ref}": [
                str(program),
                "brief",
                "delegation",
                ref,
                "-o",
                str(brief),
            ],
        }
        _timed(commands[f"huedesk brief delegation {ref}"], env, work)  # warm the file cache
        paragraphs = _brief_paragraphs(brief)
        if soffice:
            docx = _docx(paragraphs, work / "brief.docx")
            profile = (work / "lo-profile").as_uri()
            lo = [
                soffice, f"-env:UserInstallation={profile}", "--headless",
                "--convert-to", "pdf", "--outdir", str(work / "lo"), str(docx),
            ]  # fmt: skip
            _timed(lo, env, work)  # creates the profile: a one-off, not counted
            commands["soffice --convert-to pdf (same text, .docx)"] = lo
        else:
            print("LibreOffice not found: apt-get install libreoffice-writer-nogui to compare")

        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                w, c = _timed(cmd, env, work)
                wall[name].append(w)
                cpu[name].append(c)

    print(
        f"{args.runs} runs each, interleaved; program {program}; brief of {len(paragraphs)} "
        f"lines; {os.cpu_count()} CPUs"
    )
    print(f"{'wall seconds':<44} {'median':>8} {'min':>8} {'max':>8}")
    for name in commands:
        print(_row(name, wall[name]))
    print(f"{'CPU seconds (user + system)':<44}")
    for name in commands:
        print(_row(name, cpu[name]))
    names = list(commands)
    if len(names) == 3:
        brief_w, lo_w = wall[names[1]], wall[names[2]]
        pairwise = [lo / b for lo, b in zip(lo_w, brief_w, strict=True)]
        print(
            f"LibreOffice / HueDesk brief: {statistics.median(lo_w) / statistics.median(brief_w):.2f}× "
            f"(medians); pair by pair median {statistics.median(pairwise):.2f}×, "
            f"min {min(pairwise):.2f}×, max {max(pairwise):.2f}×"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Inspect a built wheel: every package file and shipped resource, metadata, entry points.

    python tools/check_wheel.py dist/reviewer-0.1.0-py3-none-any.whl

Exits 1 and lists what is wrong: a file under reviewer/ (icon, sample, translations, check
data, code) missing from the wheel, a .ts without its compiled .qm, compiled or test files in
it, license metadata not in the PEP 639 form, entry points or requirements that differ from
pyproject.toml.
"""

from __future__ import annotations

import configparser
import email.parser
import os
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "reviewer"
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # every compiled Qt translation


def source_files() -> set[str]:
    """Every file below reviewer/ that belongs in the wheel (not caches or build leftovers)."""
    found: set[str] = set()
    for top, dirs, names in os.walk(ROOT / PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in names:
            if name.endswith((".pyc", ".pyo")) or name.endswith("~"):
                continue
            found.add((Path(top) / name).relative_to(ROOT).as_posix())
    return found


def problems(wheel: Path) -> list[str]:
    out: list[str] = []
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        dist_info = next(n.split("/")[0] for n in names if n.split("/")[0].endswith(".dist-info"))
        meta = email.parser.Parser().parsestr(zf.read(f"{dist_info}/METADATA").decode())
        entry_points = zf.read(f"{dist_info}/entry_points.txt").decode()

    out += [f"missing from the wheel: {n}" for n in sorted(source_files() - names)]
    package_files = {n for n in names if not n.startswith(dist_info)}
    out += [f"does not belong in the wheel: {n}" for n in sorted(package_files - source_files())]
    resources = [n for n in names if n.startswith(f"{PACKAGE}/resources/")]
    for needed in ("icons/reviewer.svg", "sample/", "linux/reviewer.desktop"):
        if not any(n.startswith(f"{PACKAGE}/resources/{needed}") for n in resources):
            out.append(f"no {needed} in reviewer/resources")
    out += translation_problems(wheel, names)

    if meta.get("License-Expression") != project["license"]:
        out.append(f"License-Expression is {meta.get('License-Expression')!r}")
    classifiers = meta.get_all("Classifier") or []
    if meta.get("License") or any(c.startswith("License ::") for c in classifiers):
        out.append("legacy License field or license classifier next to License-Expression")
    for license_file in project["license-files"]:
        if f"{dist_info}/licenses/{license_file}" not in names:
            out.append(f"license file not in the wheel: {license_file}")
    wanted = sorted(project["dependencies"])
    got = sorted(r for r in meta.get_all("Requires-Dist") or [] if "extra ==" not in r)
    if got != wanted:
        out.append(f"Requires-Dist {got} differs from pyproject's dependencies {wanted}")

    parser = configparser.ConfigParser()
    parser.read_string(entry_points)
    for section, table in (("console_scripts", "scripts"), ("gui_scripts", "gui-scripts")):
        have = dict(parser[section]) if parser.has_section(section) else {}
        if have != project.get(table, {}):
            out.append(f"{section} {have} differs from pyproject's {table}")
    return out


def translation_problems(wheel: Path, names: set[str]) -> list[str]:
    """Each .ts of the source tree has its compiled .qm in the wheel, and the .qm is one."""
    out: list[str] = []
    folder = ROOT / PACKAGE / "resources" / "i18n"
    catalogs = sorted(folder.glob("*.ts"))
    if not catalogs:
        out.append("no translation (.ts) in reviewer/resources/i18n")
    with zipfile.ZipFile(wheel) as zf:
        for ts in catalogs:
            qm = f"{PACKAGE}/resources/i18n/{ts.stem}.qm"
            if qm not in names:
                out.append(f"no compiled translation {qm} (run `python dev.py i18n`)")
                continue
            data = zf.read(qm)
            if not data.startswith(QM_MAGIC) or len(data) < 1024:
                out.append(f"{qm} is not a compiled Qt translation with content")
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    wheel = Path(argv[0])
    found = problems(wheel)
    for problem in found:
        print(f"FAIL {problem}")
    if found:
        return 1
    with zipfile.ZipFile(wheel) as zf:
        resources = [n for n in zf.namelist() if n.startswith(f"{PACKAGE}/resources/")]
    print(f"ok   {wheel.name}: every file of {PACKAGE}/ ({len(resources)} resources), metadata")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Reading the "Corrected target" cells of an exported issue sheet (XLSX or CSV) back in."""

from __future__ import annotations

import contextlib
import csv
import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from reviewer.core.errors import FormatError
from reviewer.core.export_rows import COLUMNS, neutralize
from reviewer.core.export_xlsx import xlsx_text

HEADERS = {name: header for name, header, _ in COLUMNS}
# The columns an import reads; every other column may be moved, hidden or deleted.
REQUIRED = ("file", "id", "source", "corrected_target")
# A workbook is a zip: its parts may not unpack to more than this (zip bombs).
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One filled "Corrected target" cell with what identifies its segment."""

    file: str
    id: str
    source: str
    corrected: str
    line: int  # the sheet's row number
    cell: str  # e.g. "D12", for messages
    problem: str = ""  # why the cell cannot be used (a formula, a date)


@dataclass(frozen=True, slots=True)
class Sheet:
    kind: str  # "XLSX" or "CSV"
    rows: list[SheetRow]
    # How the exporter wrote an article's source into this kind of sheet, to compare with it.
    source_form: Callable[[str], str]


def _columns(header: Sequence[Any], name: str, where: str) -> dict[str, int]:
    """Column index of each required field, or a FormatError naming the missing column."""
    found: dict[str, int] = {}
    for k, value in enumerate(header):
        text = str(value).strip() if value is not None else ""
        for field_name in REQUIRED:
            if text.casefold() == HEADERS[field_name].casefold():
                if field_name in found:
                    raise FormatError(
                        f"has two {HEADERS[field_name]!r} columns in {where}; keep one and "
                        "import again.",
                        name,
                        1,
                    )
                found[field_name] = k
    for field_name in REQUIRED:
        if field_name not in found:
            present = ", ".join(repr(str(v)) for v in header if v not in (None, "")) or "nothing"
            raise FormatError(
                f"has no {HEADERS[field_name]!r} column in {where} (it has {present}). The "
                "sheet's layout was changed: put the column back with that heading, or export "
                "the sheet again.",
                name,
                1,
            )
    return found


def _letter(col: int) -> str:
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _cell_text(value: Any) -> tuple[str, str]:
    """(text, problem) of a cell a user typed in; numbers become their digits."""
    if value is None:
        return "", ""
    if isinstance(value, bool):
        return "", "holds TRUE/FALSE, not text"
    if isinstance(value, int):
        return str(value), ""
    if isinstance(value, float):
        return (str(int(value)) if value.is_integer() else repr(value)), ""
    if isinstance(value, datetime | date | time | timedelta):
        return "", "holds a date or time, not text; format the cell as text and type it again"
    # Spreadsheets on Windows may store a line break as CR LF; articles never hold a CR.
    return str(value).replace("\r\n", "\n"), ""


def _rows(
    table: Iterator[tuple[int, Sequence[Any], Callable[[int], bool]]],
    columns: dict[str, int],
    unneutralize: bool,
) -> list[SheetRow]:
    out: list[SheetRow] = []
    for line, values, is_formula in table:

        def get(field_name: str, values: Sequence[Any] = values) -> Any:
            k = columns[field_name]
            return values[k] if k < len(values) else None

        fix_col = columns["corrected_target"]
        cell = f"{_letter(fix_col)}{line}"
        if is_formula(fix_col):
            corrected, problem = "", "holds a formula; formulas are never run: type the text"
        else:
            corrected, problem = _cell_text(get("corrected_target"))
            if not corrected and not problem:
                continue
        if unneutralize and corrected[:1] == "'" and corrected[1:].startswith(_FORMULA_START):
            corrected = corrected[1:]  # the apostrophe the export adds before =, +, -, @
        file_name, _ = _cell_text(get("file"))
        pair_id, _ = _cell_text(get("id"))
        source, _ = _cell_text(get("source"))
        problem = f"cell {cell} {problem}" if problem else ""
        out.append(SheetRow(file_name, pair_id.strip(), source, corrected, line, cell, problem))
    return out


def _damaged(name: str, exc: BaseException) -> FormatError:
    return FormatError(
        f"could not be read as a workbook ({type(exc).__name__}: {exc}).",
        name,
        hint="Open it in Excel or LibreOffice, save it again as .xlsx and import that file.",
    )


def read_xlsx(data: bytes, name: str) -> Sheet:
    """The filled "Corrected target" cells of the Issues sheet; formulas are never evaluated."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FormatError(
            "is not an Excel workbook (.xlsx).", name, hint="Save it as .xlsx and try again."
        ) from None
    except Exception as exc:  # a damaged zip raises more: NotImplementedError, EOFError, …
        raise _damaged(name, exc) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise FormatError(
            f"would unpack to {unpacked // 1_048_576} MB; an issue sheet is far smaller, and "
            f"the limit is {MAX_UNPACKED_BYTES // 1_048_576} MB.",
            name,
            hint="Check that this is the right file.",
        )
    from openpyxl import load_workbook

    try:
        # data_only=False: a formula cell reads as its formula, so none is ever evaluated.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        raise _damaged(name, exc) from None
    try:
        ws = book["Issues"] if "Issues" in book.sheetnames else book.worksheets[0]
        rows = ws.iter_rows()
        header = next(rows, ())
        columns = _columns([c.value for c in header], name, f"row 1 of sheet {ws.title!r}")

        def table() -> Iterator[tuple[int, Sequence[Any], Callable[[int], bool]]]:
            for line, cells in enumerate(rows, start=2):
                values = [c.value for c in cells]
                types = [getattr(c, "data_type", "") for c in cells]

                def is_formula(k: int, types: list[str] = types) -> bool:
                    return k < len(types) and types[k] == "f"

                yield line, values, is_formula

        found = _rows(table(), columns, unneutralize=False)
    except FormatError:
        raise
    except Exception as exc:
        # A read-only workbook unpacks and parses its sheet while the rows are read, so a
        # damaged part (zlib.error, a parse error, a bad value) shows up only now.
        raise _damaged(name, exc) from None
    finally:
        with contextlib.suppress(Exception):
            book.close()
    return Sheet("XLSX", found, xlsx_text)


def read_csv(data: bytes, name: str) -> Sheet:
    """The filled "Corrected target" cells of an exported CSV (comma, semicolon or tab)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormatError(
            "is not UTF-8 text.",
            name,
            line,
            hint='In Excel, save it as "CSV UTF-8 (comma delimited)" and import that file.',
        ) from None
    first = text.split("\n", 1)[0]
    # Excel in a Dutch locale writes semicolons: take the delimiter that yields our headings.
    delimiter = max(",;\t", key=lambda d: first.count(d))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, [])
        columns = _columns(header, name, "the header line")

        def table() -> Iterator[tuple[int, Sequence[Any], Callable[[int], bool]]]:
            for values in reader:
                yield reader.line_num, values, lambda _k: False

        found = _rows(table(), columns, unneutralize=True)
    except csv.Error as exc:
        raise FormatError(f"is not a readable CSV file: {exc}.", name, reader.line_num) from None
    return Sheet("CSV", found, neutralize)

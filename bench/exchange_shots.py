"""Screenshots of File › Import's preview and File › Export's dialog (used by screenshots.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"


def shoot_exchange(
    window: Any, work: Path, shoot: Callable[[Any, str], None], settle: Callable[[], None]
) -> None:
    """The preview of an XLIFF file another tool changed, and the export dialog."""
    from reviewer.core.export_formats import ExportRequest, write_export
    from reviewer.core.importing import plan_import
    from reviewer.gui.export_dialog import ExportDialog
    from reviewer.gui.import_dialog import ImportPreview

    session = window.session
    xlf = work / (Path(session.doc.path).stem + ".xlf")
    write_export([session], ExportRequest(str(xlf), "xliff"))
    # As a translator would in a CAT tool: reword three targets, and one unit whose source
    # the tool changed (rejected).
    root = etree.fromstring(xlf.read_bytes())
    units = list(root.iter(f"{{{XLIFF12}}}trans-unit"))
    edits = {4: ("Inmiddels ", ""), 9: ("", " Zie hieronder."), 12: ("Let op: ", "")}
    for k, (before, after) in edits.items():
        target = units[k].find(f"{{{XLIFF12}}}target")
        target.text = before + (target.text or "")
        last = target[-1] if len(target) else None
        if last is not None:
            last.tail = (last.tail or "") + after
        else:
            target.text += after
    source = units[6].find(f"{{{XLIFF12}}}source")
    source.text = "Changed in the tool: " + (source.text or "")
    xlf.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    plan = plan_import(session, str(xlf), "Ann de Vries")
    preview = ImportPreview(window, plan, Path(session.doc.path).name)
    preview.resize(900, 600)
    preview.show()
    settle()
    shoot(preview, "import-preview.png")
    preview.close()
    dialog = ExportDialog(window, session.doc.path)
    dialog.set_format("xliff")
    dialog.show()
    settle()
    shoot(dialog, "export-dialog.png")
    dialog.close()

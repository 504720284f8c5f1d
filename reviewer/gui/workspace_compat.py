"""The core Workspace when it exists; a minimal stand-in with the same interface until then."""

from __future__ import annotations

import json
import os
from typing import Any

from reviewer.core import errors as _errors
from reviewer.core.errors import ReviewerError
from reviewer.core.fileio import atomic_write, digest, load_document, read_bytes
from reviewer.core.session import ReviewSession

try:  # pragma: no cover - depends on what core has landed
    from reviewer.core import workspace as _core_workspace
except ImportError:  # pragma: no cover
    _core_workspace = None  # type: ignore[assignment]


def _error_class(name: str) -> type[ReviewerError]:
    for module in (_core_workspace, _errors):
        found = getattr(module, name, None) if module is not None else None
        if isinstance(found, type) and issubclass(found, ReviewerError):
            return found
    return type(name, (ReviewerError,), {"__doc__": f"Stand-in for the core's {name}."})


ExternalChangeError = _error_class("ExternalChangeError")
SaveError = _error_class("SaveError")
SidecarError = _error_class("SidecarError")
HAVE_CORE_WORKSPACE = _core_workspace is not None and hasattr(_core_workspace, "open_article")


class FallbackWorkspace:
    """Article plus a small JSON sidecar; used only while reviewer.core.workspace is missing."""

    def __init__(self, path: str, session: ReviewSession, data: bytes) -> None:
        self.path = path
        self.sidecar_path = path + ".review.json"
        self.session = session
        self.load_messages: list[str] = []
        self.disk_digest = digest(data)

    def changed_on_disk(self) -> bool:
        try:
            return digest(read_bytes(self.path)) != self.disk_digest
        except ReviewerError:
            return True

    def save(self, *, force: bool = False) -> None:
        if not force and os.path.exists(self.path) and self.changed_on_disk():
            raise ExternalChangeError(f"{self.path} was changed by another program.")
        data = self.session.doc.serialize()
        try:
            atomic_write(self.path, data)
            atomic_write(self.sidecar_path, json.dumps(self._sidecar(), indent=1).encode())
        except OSError as exc:
            raise SaveError(f"{self.path}: could not be saved: {exc.strerror}.") from None
        self.session.doc.mark_saved(data)
        self.disk_digest = digest(data)

    def save_as(self, path: str) -> None:
        self.path = path
        self.sidecar_path = path + ".review.json"
        self.session.doc.path = path
        self.save(force=True)

    def reload(self) -> None:
        data = read_bytes(self.path)
        from reviewer.core.format import parse

        self.session = ReviewSession(parse(data, self.path), user=self.session.user)
        self.disk_digest = digest(data)

    def _sidecar(self) -> dict[str, Any]:
        segments = []
        for review in self.session.reviews:
            segments.append(
                {
                    "id": review.pair_id,
                    "state": review.state.value,
                    "issues": [
                        {
                            "category": i.category,
                            "severity": i.severity.value,
                            "comment": i.comment,
                            "status": i.status.value,
                            "uid": i.uid,
                        }
                        for i in review.issues
                    ],
                    "dismissed": sorted(review.dismissed),
                }
            )
        return {"article": os.path.basename(self.path), "segments": segments}


def open_article(path: str, user: str = "", config: Any = None) -> Any:
    """A Workspace for ``path`` from the core when available, else the stand-in."""
    if HAVE_CORE_WORKSPACE:
        return _core_workspace.open_article(path, user=user, config=config)
    doc = load_document(path)
    data = doc.text.encode("utf-8")
    return FallbackWorkspace(path, ReviewSession(doc, user=user), data)

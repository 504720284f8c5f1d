"""Reading the review sidecar: safe YAML, every defect a SidecarError with its line."""

from __future__ import annotations

from typing import Any

from reviewer.core import yamlio
from reviewer.core.errors import FormatError
from reviewer.core.fileio import read_optional
from reviewer.core.mqm import Issue, IssueStatus, Severity
from reviewer.core.segments import SegmentReview, State
from reviewer.core.store import MAX_SIDECAR_BYTES, SCHEMA_VERSION, Record, SidecarData, SidecarError


class _Invalid(Exception):
    def __init__(self, message: str, segment: int | None = None, key: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.segment = segment
        self.key = key


def read_sidecar(path: str) -> SidecarData | None:
    """The sidecar at ``path``, None when there is none, SidecarError when it is unusable."""
    try:
        raw = read_optional(path, MAX_SIDECAR_BYTES, "review data")
    except FormatError as exc:
        raise SidecarError(path, exc.message + (" " + exc.hint if exc.hint else "")) from None
    if raw is None:
        return None
    return parse_sidecar(raw, path)


def parse_sidecar(raw: bytes, path: str) -> SidecarData:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise SidecarError(path, "is not UTF-8 text.", line) from None
    import yaml  # for its error class: a start that reads no sidecar never imports it

    try:
        # A safe loader only: tags such as !!python/object/apply are refused, never executed;
        # so are aliases (no expansion bombs) and a key given twice (a bad hand merge).
        data = yamlio.safe_load_fast(text, unique_keys=True)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise SidecarError(
            path,
            f"is corrupt: {problem}.",
            mark.line + 1 if mark is not None else None,
        ) from None
    except (ValueError, TypeError, IndexError, KeyError, AttributeError, RecursionError) as exc:
        # The safe constructors raise plain errors on values such as !!int '', !!bool yes2 or
        # an impossible date, and deep nesting exhausts the stack.
        raise SidecarError(
            path, f"is corrupt: a value YAML cannot read ({type(exc).__name__}: {exc})."
        ) from None
    try:
        with yamlio.paused_gc():  # 50,000 records, none of them in a cycle
            return _validate(data)
    except _Invalid as exc:
        raise SidecarError(path, exc.message, _locate(text, exc.segment, exc.key)) from None


def sidecar_from_data(data: Any, path: str) -> SidecarData:
    """Review data already loaded (a journal's review block) checked as a sidecar's is."""
    try:
        with yamlio.paused_gc():
            return _validate(data)
    except _Invalid as exc:
        raise SidecarError(path, exc.message) from None


def _locate(text: str, segment: int | None, key: str | None) -> int | None:
    """Line of a segment entry (or one of its keys), found again by composing the YAML nodes."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return 1
    for k, v in root.value:
        if segment is None:
            if key is not None and k.value == key:
                return int(k.start_mark.line) + 1
            continue
        if k.value == "segments" and isinstance(v, yaml.SequenceNode) and segment < len(v.value):
            node = v.value[segment]
            if key is not None and isinstance(node, yaml.MappingNode):
                for kk, _ in node.value:
                    if kk.value == key:
                        return int(kk.start_mark.line) + 1
            return int(node.start_mark.line) + 1
    return None


def _text(value: Any, what: str, segment: int | None, key: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    raise _Invalid(f"{what} must be text, not {type(value).__name__}.", segment, key)


def _validate(data: Any) -> SidecarData:
    if not isinstance(data, dict):
        raise _Invalid("is not review data: expected a YAML mapping with a 'schema' field.")
    schema = data.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise _Invalid("is not review data: no whole-number 'schema' field.", key="schema")
    if schema > SCHEMA_VERSION:
        raise _Invalid(
            f"was written by a newer version of reviewer (schema {schema}; this version reads "
            f"up to {SCHEMA_VERSION}). Update reviewer to keep this review data.",
            key="schema",
        )
    if schema < 1:
        raise _Invalid(f"has an invalid schema number {schema}.", key="schema")
    segments = data.get("segments") or []
    if not isinstance(segments, list):
        raise _Invalid("'segments' must be a list.", key="segments")
    if schema >= 2:
        count = data.get("segment_count")
        if count is None:
            raise _Invalid(
                "is incomplete: its end marker (segment_count) is missing, so the file was cut "
                "short (an interrupted copy or save?). Restore it from a backup or version "
                "control.",
                key="segments",
            )
        if isinstance(count, bool) or not isinstance(count, int) or count != len(segments):
            raise _Invalid(
                f"is incomplete: it holds {len(segments)} segment entries but its end marker "
                f"says {count!r}, so part of it is missing. Restore it from a backup or "
                "version control.",
                key="segment_count",
            )
    out = SidecarData(
        schema,
        _text(data.get("article"), "'article'", None, "article"),
        _text(data.get("prefix"), "'prefix'", None, "prefix"),
        _text(data.get("digest"), "'digest'", None, "digest"),
    )
    for n, entry in enumerate(segments):
        out.records.append(_record(entry, n))
    return out


def _record(entry: Any, n: int) -> Record:
    if not isinstance(entry, dict):
        raise _Invalid(f"segment entry {n + 1} is not a mapping.", n)
    pair_id = _text(entry.get("id"), "'id'", n, "id")
    if not pair_id:
        raise _Invalid(f"segment entry {n + 1} has no id.", n)
    if "source" not in entry:
        raise _Invalid(f"segment {pair_id} has no source.", n)
    source = _text(entry.get("source"), "'source'", n, "source")
    raw_state = entry.get("state", State.UNREVIEWED.value)
    try:
        state = State(raw_state)
    except ValueError:
        known = ", ".join(s.value for s in State)
        raise _Invalid(
            f"segment {pair_id} has unknown state {raw_state!r} (known: {known}).", n, "state"
        ) from None
    source_changed = entry.get("source_changed", False)
    if not isinstance(source_changed, bool):
        raise _Invalid(f"segment {pair_id}: 'source_changed' must be true or false.", n)
    dismissed = entry.get("dismissed") or []
    if not isinstance(dismissed, list):
        raise _Invalid(f"segment {pair_id}: 'dismissed' must be a list of check codes.", n)
    issues_raw = entry.get("issues") or []
    if not isinstance(issues_raw, list):
        raise _Invalid(f"segment {pair_id}: 'issues' must be a list.", n, "issues")
    previous = entry.get("previous_source")
    review = SegmentReview(
        pair_id,
        source if previous is None else _text(previous, "'previous_source'", n, "previous_source"),
        "",
        state,
        [_issue(i, pair_id, n) for i in issues_raw],
        {_text(c, "a dismissed code", n, "dismissed") for c in dismissed},
        _text(entry.get("changed_by"), "'changed_by'", n, "changed_by"),
        _text(entry.get("changed_at"), "'changed_at'", n, "changed_at"),
        source_changed,
    )
    original = _text(entry.get("original_target"), "'original_target'", n, "original_target")
    detached = entry.get("detached", False)
    if not isinstance(detached, bool):
        raise _Invalid(f"segment {pair_id}: 'detached' must be true or false.", n, "detached")
    occurrence = entry.get("occurrence", 0)
    if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 0:
        raise _Invalid(f"segment {pair_id}: 'occurrence' must be a whole number.", n, "occurrence")
    target_digest = _text(entry.get("target_digest"), "'target_digest'", n, "target_digest")
    return Record(pair_id, source, review, original, 0, detached, target_digest, occurrence)


def _issue(raw: Any, pair_id: str, n: int) -> Issue:
    if not isinstance(raw, dict):
        raise _Invalid(f"segment {pair_id}: an issue is not a mapping.", n, "issues")
    category = _text(raw.get("category"), "an issue's category", n, "issues")
    if not category:
        raise _Invalid(f"segment {pair_id}: an issue has no category.", n, "issues")
    try:
        severity = Severity(raw.get("severity"))
    except ValueError:
        known = ", ".join(s.value for s in Severity)
        raise _Invalid(
            f"segment {pair_id}: issue severity {raw.get('severity')!r} is unknown "
            f"(known: {known}).",
            n,
            "issues",
        ) from None
    try:
        status = IssueStatus(raw.get("status", IssueStatus.OPEN.value))
    except ValueError:
        known = ", ".join(s.value for s in IssueStatus)
        raise _Invalid(
            f"segment {pair_id}: issue status {raw.get('status')!r} is unknown (known: {known}).",
            n,
            "issues",
        ) from None
    issue = Issue(
        category,
        severity,
        _text(raw.get("comment"), "an issue's comment", n, "issues"),
        _text(raw.get("author"), "an issue's author", n, "issues"),
        _text(raw.get("created"), "an issue's created time", n, "issues"),
        status,
        _text(raw.get("check_code"), "an issue's check code", n, "issues"),
    )
    uid = _text(raw.get("uid"), "an issue's uid", n, "issues")
    if uid:
        issue.uid = uid
    return issue

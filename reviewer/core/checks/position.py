"""Markup position: formatting that is all there but sits in the wrong place in the sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reviewer.core.checks.analysis import CODE, MASKS, analyse, readable, word_set
from reviewer.core.checks.base import Level, register_pair_check

MARKUP = "design-and-markup/markup-tag"
NONE: tuple[str, ...] = ()
_WORD_RE = re.compile(r"[^\W\d_]+")
# How far (as a share of the segment's length) a lone code span may travel before it is taken
# for moved: Dutch word order moves verbs, rarely a whole sentence's length.
_MOVED = 0.6
_MIN_WORDS = 5


@register_pair_check("inline-code-moved", Level.WARNING, MARKUP, "Inline code moved")
def check_inline_code_moved(source: str, target: str) -> Iterable[str]:
    """The one inline code span of the segment moved from one end of the sentence to the other
    ("Run `Get-MsolAccountSku` to view …" → "… in elk `Get-MsolAccountSku` abonnement …")."""
    if source.count("`") < 2 or target.count("`") < 2:
        return NONE
    sa, ta = analyse(source), analyse(target)
    if len(sa.codes) != 1 or len(ta.codes) != 1 or sa.codes[0].strip() != ta.codes[0].strip():
        return NONE
    s, t = sa.masked.strip(), ta.masked.strip()
    if len(_WORD_RE.findall(s)) < _MIN_WORDS:
        return NONE
    ps, pt = s.find(CODE) / len(s), t.find(CODE) / len(t)
    if abs(ps - pt) <= _MOVED:
        return NONE
    where = "the end" if pt > ps else "the start"
    return (f"`{sa.codes[0].strip()}` moved from {_part(ps)} of the sentence to {where}",)


def _part(position: float) -> str:
    return "the start" if position < 1 / 3 else "the end" if position > 2 / 3 else "the middle"


_OUTSIDE_WORD_RE = re.compile(r"[^\W\d_][\w-]*")
# Capitalised words that open a sentence or list item rather than belong to a label.
_CLAUSE_OPENERS = word_set(
    "De Het Een Deze Dit Die Uw Je Kies Selecteer Klik Ga Typ Voer Open Tik Zie Gebruik In Op"
)


@register_pair_check("bold-cut", Level.WARNING, MARKUP, "Bold label or link text cut short")
def check_bold_cut(source: str, target: str) -> Iterable[str]:
    """A bold label or link text of several words kept only one word, and a capitalised word of
    it stands right beside: "**Cancel subscription**" → "Abonnement **annuleren**",
    "[Safe Links warning page](…)" → "[Safe](…) Koppelingen"."""
    out: list[str] = []
    if source.count("**") >= 2 and target.count("**") >= 2:
        sa, ta = analyse(source), analyse(target)
        s_bold, t_spans = sa.bold_texts(), ta.bold_spans()
        if len(s_bold) == len(t_spans):
            spans = [(a, b, a - 2, b + 2) for a, b in t_spans]
            title = len(s_bold) == 1 and _is_title(sa.masked)
            out.extend(_cuts(s_bold, spans, ta.masked, "bold", title))
    if "](" in source and "](" in target:
        sa, ta = analyse(source), analyse(target)
        s_links = [link.text for link in sa.links if link.kind in ("link", "ref")]
        spans = _link_spans(ta.masked)
        if s_links and len(s_links) == len(spans):
            out.extend(_cuts(s_links, spans, ta.masked, "link"))
            out.extend(_title_verb_outside(s_links, spans, ta.masked))
    return out


# English verbs that open an article title ("Create a shared mailbox"): a Dutch title ends in
# the infinitive ("Een gedeeld postvak maken"), which MT may leave outside the link.
_TITLE_VERBS = word_set(
    "Create Deploy Configure Set Manage Use Add Remove Delete Enable Turn Search Find Get "
    "Install Assign Change Connect View Restore Recover Reset Migrate Run Import Export Plan "
    "Prepare Protect Monitor Review Block Allow Share Move Upload Download Update Upgrade "
    "Activate Cancel Renew Buy Purchase Edit Investigate Onboard Offboard Identify Troubleshoot "
    "Fix Check Verify Start Stop Send Collect Define Apply Archive Track Customize Disable "
    "Schedule Open Close Test Evaluate Respond Rename Convert Register Provision Secure "
    "Restrict Limit Reduce Improve"
)


def _title_verb_outside(
    s_texts: list[str], spans: list[tuple[int, int, int, int]], masked: str
) -> list[str]:
    """A link to an article whose title opens with a verb ("[Create a shared mailbox](…)")
    and whose Dutch infinitive now stands right after the link: "[Een gedeeld postvak](…)
    maken"."""
    from reviewer.core.checks.grammar import infinitives

    verbs = infinitives()
    out: list[str] = []
    for s_text, (a, b, _outer_a, outer_b) in zip(s_texts, spans, strict=True):
        first = s_text.split()[:1]
        t_words = _WORD_RE.findall(masked[a:b])
        if not first or first[0] not in _TITLE_VERBS or not t_words:
            continue
        after = _word_after(masked, outer_b)
        if after in verbs and not any(w in verbs for w in t_words):
            shown = readable(f"[{masked[a:b].strip()}]")
            out.append(f"link {shown} lost {after!r} (source [{s_text.strip()}])")
    return out


_LINK_SPAN_RE = re.compile("\ue007([^\ue007\ue008]*)\ue008\ue003")


def _link_spans(masked: str) -> list[tuple[int, int, int, int]]:
    """(text start, text end, link start, link end) of each link in a masked text."""
    return [
        (m.start(1), m.end(1), m.start(), m.end())
        for m in _LINK_SPAN_RE.finditer(masked)
        if masked[m.start() - 1 : m.start()] != "!"  # an image, not a link
    ]


def _cuts(
    s_texts: list[str],
    spans: list[tuple[int, int, int, int]],
    masked: str,
    what: str,
    title: bool = False,
) -> list[str]:
    out: list[str] = []
    for s_text, (a, b, outer_a, outer_b) in zip(s_texts, spans, strict=True):
        t_text = masked[a:b]
        if len(_WORD_RE.findall(s_text)) < 2 or len(_WORD_RE.findall(t_text)) != 1:
            continue
        left = _word_before(masked, outer_a)
        if left and (
            left in _CLAUSE_OPENERS
            or _sentence_start(masked, len(masked[:outer_a].rstrip()) - len(left))
        ):
            left = ""  # "Selecteer **Quarantainebericht**": the verb opens the sentence
        right = _word_after(masked, outer_b)
        if t_text.rstrip()[-1:] in ".:;,!?" or right.isupper() or right in _CLAUSE_OPENERS:
            right = ""  # "**Accountnaam:** MICROSOFT": the label ended before the next word
        stray = next((w for w in (left, right) if w and w[0].isupper()), None)
        if stray is None and title:
            # A bold title ("**Manage devices**") that kept one word in bold.
            stray = (left or right) or None
        if stray is None:
            continue
        if what == "bold":
            shown, was = f"**{t_text.strip()}**", f"**{s_text.strip()}**"
        else:
            shown, was = f"[{t_text.strip()}]", f"[{s_text.strip()}]"
        out.append(f"{what} {readable(shown)} lost {stray!r} (source {readable(was)})")
    return out


def _is_title(masked: str) -> bool:
    """The whole segment is one bold span: a title or a label on a line of its own."""
    core = masked.strip().rstrip(".:")
    return core.startswith(("**", "__")) and core.endswith(("**", "__")) and core.count("**") == 2


def _word_before(masked: str, end: int) -> str:
    head = masked[:end]
    if not head.endswith(" ") or head.rstrip()[-1:] in MASKS + "*_":
        return ""
    words = head.split()
    return words[-1] if words and _OUTSIDE_WORD_RE.fullmatch(words[-1]) else ""


def _word_after(masked: str, start: int) -> str:
    tail = masked[start:]
    if not tail.startswith(" ") or tail.lstrip()[:1] in MASKS + "*_":
        return ""
    words = tail.split()
    return words[0] if words and _OUTSIDE_WORD_RE.fullmatch(words[0]) else ""


def _sentence_start(masked: str, at: int) -> bool:
    before = masked[:at].rstrip()
    return not before or before[-1] in ".:!?>|-*" + MASKS

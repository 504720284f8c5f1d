"""Typing undoes in the steps a text editor uses: a word (with the spaces after it), or a pause."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewer.core.edits import SetTarget
from reviewer.core.fileio import load_document
from reviewer.core.session import ReviewSession
from reviewer.core.typing_steps import PAUSE, KeyClock, TextChange, TypingRun, text_change

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def steps(before: str, keys: list[tuple[str, float]]) -> list[str]:
    """Type ``keys`` (the text after each key, and when) and return the text after each step."""
    ends: list[str] = []
    run: TypingRun | None = None
    text = before
    for k, (after, clock) in enumerate(keys):
        change = text_change(text, after)
        if run is None or not run.extend(change, clock):
            if k:
                ends.append(text)
            run = TypingRun.begin(change, clock)
        text = after
    ends.append(text)
    return ends


def typed(start: str, chars: str, t0: float = 0.0, gap: float = 0.1) -> list[tuple[str, float]]:
    out, text = [], start
    for k, ch in enumerate(chars):
        text += ch
        out.append((text, t0 + k * gap))
    return out


def test_text_change_finds_the_one_changed_span() -> None:
    assert text_change("abc", "abXc") == TextChange(2, "", "X")
    assert text_change("abc", "ac") == TextChange(1, "b", "")
    assert text_change("aaa", "aa") == TextChange(2, "a", "")
    assert text_change("kat", "hond") == TextChange(0, "kat", "hond")
    assert text_change("x", "x") == TextChange(1, "", "")


def test_a_word_with_its_spaces_is_one_step() -> None:
    assert steps("Een", typed("Een", " twee drie")) == ["Een twee ", "Een twee drie"]
    # Punctuation and line breaks end a word too.
    assert steps("", typed("", "ja, nee\nmisschien")) == ["ja, ", "ja, nee\n", "ja, nee\nmisschien"]


def test_a_pause_ends_a_step() -> None:
    keys = typed("", "abc") + typed("abc", "def", t0=0.2 + PAUSE + 0.1)
    assert steps("", keys) == ["abc", "abcdef"]


def test_backspaces_run_together_a_word_at_a_time() -> None:
    # Mirror of typing: a word with the spaces before it (deleted after it) is one step.
    text, keys, clock = "Een twee drie", [], 0.0
    while text:
        text = text[:-1]
        clock += 0.1
        keys.append((text, clock))
    assert steps("Een twee drie", keys) == ["Een twee", "Een", ""]


def test_a_jump_a_paste_or_a_change_of_kind_starts_a_new_step() -> None:
    keys = [("ab", 0.0), ("abc", 0.1), ("Xabc", 0.2)]  # the cursor moved to the start
    assert steps("a", keys) == ["abc", "Xabc"]
    keys = [("ab", 0.0), ("ab plak", 0.1), ("ab plakx", 0.2)]  # a paste stands alone
    assert steps("a", keys) == ["ab", "ab plak", "ab plakx"]
    keys = [("ab", 0.0), ("a", 0.1)]  # typing, then deleting
    assert steps("a", keys) == ["ab", "a"]


@given(st.text(alphabet="ab ,\n", max_size=30))
def test_undoing_every_step_in_turn_walks_back_through_what_was_typed(chars: str) -> None:
    keys = typed("", chars)
    ends = steps("", keys)
    assert ends[-1] == chars
    assert all(chars.startswith(e) for e in ends)  # every step ends on a prefix of the typing
    assert ends == sorted(ends, key=len)


def test_set_target_edits_merge_by_the_same_rule() -> None:
    session = ReviewSession(load_document(CORPUS / "change-nameservers.md"))
    start = session.doc.pairs[1].target
    first: SetTarget | None = None
    kept: list[SetTarget] = []
    for text, clock in typed(start, " een twee"):
        edit = SetTarget(row=1, new_target=text, clock=clock)
        session.apply(edit)
        if first is None or not first.merge(edit):
            first = edit
            kept.append(edit)
    assert [e.new_target for e in kept] == [start + " een ", start + " een twee"]
    # Reverting the steps in reverse order walks back to the start.
    for edit in reversed(kept):
        session.revert(edit)
    assert session.doc.pairs[1].target == start
    # Keys on another segment never merge into this one.
    other = SetTarget(row=2, new_target=session.doc.pairs[2].target + "x", clock=0.0)
    session.apply(other)
    assert not kept[0].merge(other)


class FakeTime:
    """A clock the test moves: how late the loop is, how long the user paused."""

    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_key_clock_spaces_keys_by_their_event_timestamps_however_late_they_are_handled() -> None:
    time_ = FakeTime()
    clock = KeyClock(time_)
    first = clock.key(50_000)
    time_.t += 3.0  # the loop was busy: both keys are handled seconds later
    second = clock.key(50_100)
    time_.t += 0.01
    third = clock.key(52_100)  # a real pause of two seconds
    assert second - first == pytest.approx(0.1)
    assert third - second == pytest.approx(2.0)


def test_key_clock_without_timestamps_counts_only_the_time_spent_waiting_for_a_key() -> None:
    time_ = FakeTime()
    clock = KeyClock(time_)
    first = clock.key(0)
    time_.t += 3.0  # handling the first key took long; the next was queued meanwhile
    clock.handled()
    second = clock.key(0)
    assert second - first < PAUSE
    clock.handled()
    time_.t += PAUSE + 0.5  # the editor sat idle: the user paused
    third = clock.key(0)
    assert third - second == pytest.approx(PAUSE + 0.5)
    time_.t += 0.2  # a key that changed nothing (an arrow) counts from its own arrival
    fourth = clock.key(0)
    assert fourth - third == pytest.approx(0.2)

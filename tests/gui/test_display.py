"""The pre-Qt display check: which platform Qt would use and what to install for X11."""

from __future__ import annotations

import ctypes

import pytest

from reviewer.gui import display


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({}, False),
    ],
)
def test_uses_xcb(env: dict[str, str], expected: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(display.sys, "platform", "linux")
    assert display.uses_xcb(env) is expected


def test_missing_libraries_name_the_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ctypes.CDLL

    def fake_cdll(name: str, *args: object, **kwargs: object) -> object:
        if name in ("libxcb-icccm.so.4", "libxcb-cursor.so.0"):
            raise OSError(f"{name}: cannot open shared object file")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(display.ctypes, "CDLL", fake_cdll)
    monkeypatch.setattr(display, "uses_xcb", lambda environ=None: True)
    message = display.xcb_problem()
    assert message is not None
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in message


def test_no_message_when_qt_would_not_use_x11(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(display, "uses_xcb", lambda environ=None: False)
    assert display.xcb_problem() is None

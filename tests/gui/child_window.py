"""Run the real app in a child process with a test script beside its window.

    python -m tests.gui.child_window SCRIPT.py [main.py arguments...]

The app is started exactly as ``main.py`` starts it; the only difference is that the window,
right after it is built (before any file opens), runs SCRIPT with ``window`` in its namespace.
The hook lives here, in the tests: the shipped app has none.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    script, app_args = argv[0], argv[1:]
    from reviewer.gui import app, main_window

    real = main_window.MainWindow

    class ScriptedWindow(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            with open(script, encoding="utf-8") as fh:
                code = compile(fh.read(), script, "exec")
            exec(code, {"__name__": "__child_window_script__", "window": self})

    main_window.MainWindow = ScriptedWindow  # type: ignore[misc]
    return app.main(app_args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

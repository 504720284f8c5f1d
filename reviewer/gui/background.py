"""Running the automatic checks off the GUI thread: a forked worker on Linux, else a thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from reviewer.core import check_jobs
from reviewer.core.check_jobs import Done, Message, Request
from reviewer.core.check_prestart import EarlyJob

log = logging.getLogger(__name__)


def start(
    req: Request, deliver: Callable[[Message], None], early: EarlyJob | None = None
) -> threading.Thread:
    """Check ``req.doc``; every message (the rows in view, then all) goes to ``deliver`` on a
    worker thread, and the last one is always a ``Done`` (``failed`` when the run failed).

    A thread alone would hold the GIL for seconds on a big article and make typing sluggish,
    so on Linux a forked child (which shares the parsed document copy-on-write) does the work,
    with a helper on the second core, and pipes the results back; the thread here only waits
    on the pipe. ``early``: a job started with the program for this article; its results are
    taken when it checked this text with these settings, else the checks run as usual.
    """
    use_fork = check_jobs.can_fork()

    def in_thread() -> None:
        done = False
        try:
            if early is not None:
                for message in early.messages(req.key, req.digest):
                    done = done or isinstance(message, Done)
                    deliver(message)
                if done:
                    return
            # The child loads the data it needs: the window process keeps only what its own
            # features read (gui/check_data.py).
            messages = check_jobs.run_forked(req) if use_fork else check_jobs.run(req)
            for message in messages:
                done = done or isinstance(message, Done)
                deliver(message)
        except Exception:
            log.exception("the automatic checks failed")
        finally:
            if not done:
                deliver(Done([], None, failed=True))

    thread = threading.Thread(target=in_thread, name="checks", daemon=True)
    thread.start()
    return thread

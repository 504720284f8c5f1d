"""Entry point for ``python -m reviewer.cli``."""

from __future__ import annotations

import sys

from reviewer.cli.entry import main

sys.exit(main())

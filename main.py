"""Launch the window from a clone: python main.py [FILE | --sample] [--screenshot OUT.png]."""

from __future__ import annotations

import sys

from reviewer.launch import main

if __name__ == "__main__":
    sys.exit(main(from_source=True))

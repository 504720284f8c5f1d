"""The two sides of an article a preview renders, apart so that naming one imports no renderer."""

from __future__ import annotations

TARGET = "target"
SOURCE = "source"

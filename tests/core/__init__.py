"""Tests of the Qt-free core: format, round trip, properties, CLI."""

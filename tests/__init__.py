"""Test suite of the reviewer project."""

"""reviewer: a bilingual review editor for sxs-lookup localization files."""

__version__ = "0.1.0"

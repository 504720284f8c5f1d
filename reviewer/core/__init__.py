"""Pure-Python core: format, review data, checks, exporters. Never imports Qt."""

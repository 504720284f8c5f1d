"""Rendering articles as readers see them: Markdown to safe HTML, per block and per segment."""

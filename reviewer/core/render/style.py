"""Style sheets for rendered articles: one Qt's rich text understands, one for browsers."""

from __future__ import annotations

# Classes a view may give segments with ArticlePreview.set_marks.
CURRENT = "seg-current"
ERROR = "seg-error"
WARNING = "seg-warning"
INFO = "seg-info"

# QTextDocument.setDefaultStyleSheet understands class selectors and these properties.
PREVIEW_CSS = """
.seg-current { background-color: #fff0a8; }
.seg-error { background-color: #fbd3d3; }
.seg-warning { background-color: #ffeccc; }
.seg-info { background-color: #e3eefb; }
.seg-current.seg-error, .seg-current.seg-warning { background-color: #ffd98a; }
.ph { color: #5b3f8c; background-color: #efe9f7; }
.ph-tag { color: #a3122b; background-color: #fbe7ea; }
.page-title { color: #6b6b6b; font-style: italic; }
.callout-title { margin-bottom: 2px; }
table.md-table { border-color: #c4c4c4; border-style: solid; border-collapse: collapse; }
table.md-table-cont { margin-top: 0px; }
th { background-color: #f0f2f5; }
code { background-color: #f2f2f2; font-family: monospace; }
pre { background-color: #f6f6f6; font-family: monospace; }
a.link-xref { color: #5b3f8c; }
a.link-blocked { color: #8a8a8a; text-decoration: line-through; }
"""

# The same look in a browser, with what Qt's subset lacks (borders, rounded callouts).
EXPORT_CSS = (
    PREVIEW_CSS
    + """
.ph { border-radius: 3px; padding: 0 .2em; font-size: .92em; }
table.md-table { border-collapse: collapse; margin: .4em 0; }
table.md-table td, table.md-table th { border: 1px solid #c4c4c4; padding: .25em .5em;
  vertical-align: top; }
table.callout { border-left: 4px solid #8aa9d6; margin: .6em 0; border-radius: 3px; }
table.callout-tip { border-left-color: #6fb37f; }
table.callout-important { border-left-color: #9b7bd0; }
table.callout-warning { border-left-color: #e0a340; }
table.callout-caution { border-left-color: #d06060; }
code { padding: 0 .2em; border-radius: 3px; }
pre { padding: .5em; overflow-x: auto; }
"""
)

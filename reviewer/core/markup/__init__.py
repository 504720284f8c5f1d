"""Markup-aware text tools shared by the checks, the diff, the editor help and the preview."""

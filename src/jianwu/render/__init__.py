"""Renderers: library results -> text for terminals and files."""

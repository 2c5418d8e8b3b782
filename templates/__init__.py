"""Jinja2 templates rendered by the generators (package data only)."""

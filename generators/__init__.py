"""Drafts, reports and comparisons generated from the graph."""

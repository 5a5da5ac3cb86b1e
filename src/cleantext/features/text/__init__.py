"""Measures of text pages: per-line scores, page scans, the main run's extension."""

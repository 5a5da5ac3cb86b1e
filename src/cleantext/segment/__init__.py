"""Segmenters: turn a page (HTML or text) into the list of blocks the rules label."""

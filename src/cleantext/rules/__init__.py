"""The rules, one module per family. Each module exports RULES, a list in its own chain order.

RULE_MODULES is the chain order of the families: markup and region first (HTML only), then rules on
single blocks (media, counters, phrases), then context rules (layout), then the title and kicker.
"""

from __future__ import annotations

from . import (
    counters,
    html_boilerplate,
    html_lines,
    html_structure,
    layout,
    markup,
    media,
    page_lines,
    phrases,
    region,
    text_lines,
    text_region,
    text_streams,
    title,
)

RULE_MODULES = (markup, region, html_boilerplate, html_structure, html_lines, media, page_lines, counters, phrases,
                text_lines, layout, title, text_region, text_streams)

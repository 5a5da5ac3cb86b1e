"""The rules, one module per family. Each module exports RULES, a list in its own chain order.

RULE_MODULES is the chain order of the families: markup and region first (HTML only), then rules on
single blocks (media, counters, phrases), then context rules (layout), then the title and kicker.
"""

from __future__ import annotations

from . import counters, layout, markup, media, phrases, region, title

RULE_MODULES = (markup, region, media, counters, phrases, layout, title)

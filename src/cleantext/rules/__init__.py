"""The rules, by where they run. Each family module exports RULES, a list in its own chain order.

- ``rules/html/``: HTML pages only (markup, content region, furniture by class words and by shape, HTML lines).
- ``rules/lines/``: both modes, single lines and their neighbours (media, page lines, counters, phrases, menus,
  layout).
- ``rules/text/``: text input only (alt text, line shapes, headline and kicker, the main run, streams).

The order of the whole chain is stated in one place: cleantext.presets.
"""

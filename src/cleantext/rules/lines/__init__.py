"""Rules that read single lines (and their neighbours) the same way in both modes: media, counters, phrases,
page lines, menus, layout."""

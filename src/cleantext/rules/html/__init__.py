"""Rules that run on HTML pages only: markup, content region, furniture by class words and by shape, HTML lines."""

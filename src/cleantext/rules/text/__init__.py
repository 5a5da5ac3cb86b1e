"""Rules that run on text input only: line shapes, the main run of text (region), streams, headline and kicker,
alt text."""

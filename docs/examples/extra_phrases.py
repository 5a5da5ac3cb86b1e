"""Add your own phrases: a house-style prompt the built-in packs do not know."""

import cleantext

page = """Council approves new budget for city parks

The city council voted on Tuesday to approve a new budget that doubles spending on public parks.

Supporters said the money would repair playgrounds, plant trees and reopen two swimming pools.

Lisez aussi notre dossier spécial

Soutenez le journalisme local
"""

doc = cleantext.clean(page, mode="text", extra_phrases={
    "newsletter-prompt": ["soutenez le journalisme"],  # joins the built-in newsletter-prompt rule
    "read-more": ["lisez aussi"],                       # a kind of your own: the caller-phrase rule
})
for block in doc.removed:
    print(f"{block.rule} ({block.kind}): {block.text!r}\n    {block.reason}")
assert "Soutenez le journalisme local" not in doc.paragraphs
assert "Lisez aussi notre dossier spécial" not in doc.paragraphs

"""Turn a kind of boilerplate off: keep photo credits and captions, for an archive that wants them."""

import cleantext

page = """Volunteers restore the old river footbridge

After two years of weekend work, the 1904 iron footbridge reopens to walkers this Saturday.

The restored footbridge at dawn. (Photo: Jane Doe/Riverside Gazette)

The footbridge links the market square with the east bank, and was closed in 1998 after a flood.
"""

by_default = cleantext.clean(page, mode="text")
print("default:      ", [(b.rule, b.kind) for b in by_default.removed])

kept = cleantext.clean(page, mode="text", disable={"photo-credit"})  # a kind, or a single rule's name
print("kind disabled:", [(b.rule, b.kind) for b in kept.removed])
assert "The restored footbridge at dawn. (Photo: Jane Doe/Riverside Gazette)" in kept.paragraphs

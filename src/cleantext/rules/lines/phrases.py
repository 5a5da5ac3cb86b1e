"""Rules: phrases. A line made of (or short and containing) a phrase from a kind's phrase pack.

The packs are data (src/cleantext/phrases/<kind>.json, one list per language). Callers add phrases with
Options.extra_phrases={kind: [phrases]}: phrases of a kind that has a rule here join that rule; phrases of any
other kind are handled by the "caller-phrase" rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ...context import Context
from ...document import Block
from ...features.shape import block_norm, block_norms, block_tokens, block_words
from ...phrases import PhraseMatch, caller_pack, load_index, load_pack
from ...rule import BOTH, Mark, Rule, rule


def match_kind(kind: str, block: Block, ctx: Context) -> PhraseMatch | None:
    """The built-in or caller phrase of ``kind`` that the block's line matches, if any."""
    pack = load_pack(kind)
    text, words, norm, tokens = block.text, block_words(block), block_norm(block), block_tokens(block)
    found = pack.match(text, words, norm, tokens)
    if found is None:
        for extra_kind, phrases in ctx.options.extra_phrases:
            if extra_kind == kind and phrases:
                found = caller_pack(kind, tuple(phrases), pack.max_words if pack.size else 15).match(
                    text, words, norm, tokens)
                if found is not None:
                    break
    return found


def _candidates(ctx: Context) -> dict[str, list[int]]:
    """For each built-in kind, the body lines its pack may match (a superset, in order), from one index scan of
    the page. Computed at the first phrase rule: a line marked later is skipped by the rule that reads it, and
    a marked line never returns to the body, so the lists stay valid for the whole document."""
    body = [b for b in ctx.blocks if b.label == "body"]
    found = load_index(PHRASE_KINDS).scan(block_norms(body), [block_words(b) for b in body])
    return {kind: [body[i].index for i in positions] for kind, positions in found.items()}


def phrase_rule(name: str, kind: str, description: str, modes: frozenset[str] = BOTH) -> Rule:
    """A rule that marks every body line matching the phrase pack of ``kind``."""

    def run(ctx: Context) -> Iterator[Mark]:
        blocks = ctx.blocks
        if any(extra_kind == kind and phrases for extra_kind, phrases in ctx.options.extra_phrases):
            indices: Iterable[int] = range(len(blocks))  # caller phrases are not in the index: every line
        else:
            indices = ctx.memo("phrase-candidates", lambda: _candidates(ctx), labels=False).get(kind, ())
        for i in indices:
            block = blocks[i]
            if block.label != "body":
                continue
            found = match_kind(kind, block, ctx)
            if found is not None:
                yield block.index, f"{found.describe()} ({block_words(block)} words)"

    run.__doc__ = description
    return Rule(name, kind, description, run, modes)


SKIP_LINK = phrase_rule(
    "skip-link", "navigation",
    'A site-steering line: "Skip to main content", "Back to top", "Menu", a breadcrumb ("You are here: …").')
NEWSLETTER = phrase_rule(
    "newsletter-prompt", "newsletter-prompt",
    'A newsletter or subscription prompt ("Join our newsletter…", "Newsletter abonnieren", "No spam").')
ENGAGEMENT = phrase_rule(
    "engagement-prompt", "engagement-prompt",
    'A prompt asking the reader to react ("Enjoyed this article?", "War dieser Artikel hilfreich?").')
SOCIAL = phrase_rule(
    "social-links", "social-links",
    'A share or follow line ("Follow Us:", "Suivez-nous", "Share on Facebook", a bare network name).')
COMMENTS = phrase_rule(
    "comments-widget", "comments-widget",
    'A comment widget line ("Loading comments...", "Leave a reply", "Cargando comentarios…").')

RELATED = phrase_rule(
    "related-line", "related-links",
    'A pointer to other articles ("Related articles", "Read more", "Most popular", "Lesen Sie auch", "Tags:").')
COOKIES = phrase_rule(
    "cookie-line", "cookie-notice",
    'A cookie or consent banner line ("We use cookies…", "Accept all", "Wir verwenden Cookies").')
LEGAL = phrase_rule(
    "legal-line", "legal-footer",
    'A legal footer line ("All rights reserved", "Impressum", "Terms of use", "Mentions légales").')

AUTHOR = phrase_rule(
    "author-line", "author-box",
    'An author box heading ("About the author", "Über den Autor", "À propos de l\'auteur").')

ADVERT = phrase_rule(
    "advert-label", "advert",
    'The label of an ad slot ("Advertisement", "Anzeige", "Publicidad", "Sponsored content").')

PLAYER = phrase_rule(
    "player-controls", "media-player",
    'The controls of an embedded video or audio player ("Play Video", "This is a modal window.", "Vollbild").')

CAPTION = phrase_rule(
    "caption-label", "image-caption",
    'A figure caption opened by its label ("Figure 2:", "Abbildung 4:", "Vergrößern", "Click to enlarge").')

PHRASE_RULES = (SKIP_LINK, NEWSLETTER, ENGAGEMENT, SOCIAL, COMMENTS, RELATED, COOKIES, LEGAL, AUTHOR, ADVERT, PLAYER,
                CAPTION)
BUILTIN_KINDS = frozenset(r.kind for r in PHRASE_RULES)
PHRASE_KINDS = tuple(sorted(BUILTIN_KINDS))


@rule("caller-phrase", "caller-phrase")
def caller_phrase(ctx: Context) -> Iterator[Mark]:
    """A line with a phrase the caller passed in Options.extra_phrases for a kind no built-in rule covers."""
    packs = [(kind, caller_pack(kind, tuple(phrases))) for kind, phrases in ctx.options.extra_phrases
             if kind not in BUILTIN_KINDS and phrases]
    if not packs:
        return
    for block in ctx.blocks:
        if block.label != "body":
            continue
        words = block_words(block)
        for _kind, pack in packs:
            found = pack.match(block.text, words, block_norm(block))
            if found is not None:
                yield block.index, f'{found.describe().replace(" caller ", " caller-supplied ")} ({words} words)'
                break


RULES: list[Rule] = [*PHRASE_RULES, caller_phrase]

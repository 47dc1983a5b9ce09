"""Turning what a user typed into what the index looks for, safely.

The query is cut into words (letters and digits; everything else, quotes, ``*``,
``^``, ``:``, brackets, emoji, is a separator) and handed to the index as
phrases of words (``huedesk.db.fulltext.Match``), never as query syntax: ``AND``,
``NEAR(`` or an unbalanced ``"`` are just words or nothing.

Words typed together without spaces (``LS-2025-0007``, ``123/QĐ-UBND``) stay
together as a phrase, so a reference number matches only in that order. The last
word is a prefix while the user is still typing it (``salav`` → Salavan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from huedesk.db.fulltext import Match, Phrase
from huedesk.text import fold, nfc

# A word as the index cuts text: letters and digits (underscore separates).
WORD_RE = re.compile(r"[^\W_]+")

# A one-letter prefix would expand to a large part of the vocabulary for little use.
MIN_PREFIX = 2


def words(text: str) -> list[str]:
    """The words of ``text`` as the index sees them (letters and digits)."""
    return WORD_RE.findall(text)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return " ".join(words(fold(word)))


def normalise(text: str) -> str:
    """The folded, punctuation-free form stored in the index's matching columns.

    Equal to ``" ".join(words(fold(text)))`` for NFC text, but folds each distinct
    whitespace-separated chunk once: record text reuses a small vocabulary, and
    folding is the costly part of rebuilding the index. (Chunks, not words: a stray
    combining mark inside a word splits it before folding but not after.)
    """
    return " ".join(filter(None, (_fold_word(w) for w in nfc(text).split())))


@dataclass(frozen=True)
class Chunk:
    """Words typed together (between spaces): as typed and folded, and whether a prefix."""

    original: tuple[str, ...]
    folded: tuple[str, ...]
    prefix: bool

    @property
    def accented(self) -> bool:
        """Whether the user typed tone marks or đ here (so exact spelling should rank first)."""
        typed = " ".join(self.original).casefold()
        return typed != " ".join(self.folded)

    def phrase(self, tokens: tuple[str, ...]) -> Phrase:
        return Phrase(tokens, self.prefix)


@dataclass(frozen=True)
class ParsedQuery:
    """A user's query cut into chunks of words, ready to become what the index looks for."""

    chunks: tuple[Chunk, ...]

    def __bool__(self) -> bool:
        return bool(self.chunks)

    @property
    def folded_text(self) -> str:
        return " ".join(" ".join(c.folded) for c in self.chunks)

    @property
    def has_marks(self) -> bool:
        return any(c.accented for c in self.chunks)

    @property
    def looks_like_ref(self) -> bool:
        """One chunk of several words with a digit, like ``LS-2025-0007`` or ``ĐV-2025``."""
        if len(self.chunks) != 1 or len(self.chunks[0].folded) < 2:
            return False
        return any(ch.isdigit() for ch in self.folded_text)

    def folded_match(self) -> Match:
        """Match however it is spelled: any case, with or without marks."""
        return Match(tuple(c.phrase(c.folded) for c in self.chunks))

    def exact_match(self) -> Match:
        """Like ``folded_match``, but chunks typed with marks must match them exactly.

        A word with marks can only be found where the text is kept as written.
        """
        return Match(tuple(c.phrase(c.original if c.accented else c.folded) for c in self.chunks))

    def ref_match(self) -> Match:
        """The whole query as a complete reference number (no prefix)."""
        return Match((Phrase(tuple(self.folded_text.split())),), field="ref")

    def highlights(self, folded_word: str) -> bool:
        """Whether a (folded) word of a record is one the user searched for."""
        for c in self.chunks:
            for i, token in enumerate(c.folded):
                last = i == len(c.folded) - 1
                if folded_word == token or (c.prefix and last and folded_word.startswith(token)):
                    return True
        return False


def parse(text: str) -> ParsedQuery:
    """Cut ``text`` into chunks; the last word is a prefix unless the user typed a space after it."""
    text = nfc(text or "")
    chunks: list[Chunk] = []
    pieces = text.split()
    for n, piece in enumerate(pieces):
        original = tuple(words(piece))
        folded = tuple(w for o in original for w in words(fold(o)))
        if not folded:
            continue
        last = n == len(pieces) - 1
        prefix = last and not text[-1:].isspace() and len(folded[-1]) >= MIN_PREFIX
        chunks.append(Chunk(original, folded, prefix))
    return ParsedQuery(tuple(chunks))

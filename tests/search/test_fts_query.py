"""Cutting queries into words and folding them the way the index stores text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from huedesk.search.parsing import normalise, parse, words
from huedesk.text import fold, nfc


@given(st.text(max_size=60))
def test_normalise_equals_folding_then_cutting(value: str) -> None:
    value = nfc(value)
    assert normalise(value) == " ".join(words(fold(value)))


def test_chunks_prefix_and_marks() -> None:
    q = parse("Đoàn dai su LS-2025-00")
    assert [c.folded for c in q.chunks] == [("doan",), ("dai",), ("su",), ("ls", "2025", "00")]
    assert [c.prefix for c in q.chunks] == [False, False, False, True]
    assert [c.accented for c in q.chunks] == [True, False, False, False]
    assert q.has_marks and not q.looks_like_ref
    assert parse("ĐV-2025-0012").looks_like_ref
    assert not parse("salavan ").chunks[-1].prefix
    assert not parse("s").chunks[-1].prefix  # one letter is not worth a prefix search


def test_highlight_words() -> None:
    q = parse("hue salav")
    assert q.highlights("hue") and q.highlights("salavan")
    assert not q.highlights("huen") and not q.highlights("sala")

"""The snippet's window: the first run of ``WINDOW`` words holding the most different
matched words, found in one pass however often a long record names them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from huedesk.search.parsing import WORD_RE, parse
from huedesk.search.snippets import LEAD, WINDOW, _marks, _window, snippet_html


def _window_by_definition(text: str, marks: list[tuple[int, int, str]]) -> tuple[int, int]:
    """Every match tried as the window's LEAD-th word, every window counted afresh."""
    spans = [(m.start(), m.end()) for m in WORD_RE.finditer(text)]
    if len(spans) <= WINDOW:
        return 0, len(text)
    at = {start: i for i, (start, _end) in enumerate(spans)}
    positions = [(at[s], word) for s, _e, word in marks]
    best, best_score = 0, -1
    for i, _word in positions:
        first = max(0, i - LEAD)
        last = min(len(spans), first + WINDOW)
        score = len({w for j, w in positions if first <= j < last})
        if score > best_score:
            best, best_score = first, score
    last = min(len(spans), best + WINDOW)
    return spans[best][0], (spans[last - 1][1] if last < len(spans) else len(text))


QUERY = parse("huế lễ hội festival")
WORDS = ["Huế", "hue", "Lễ", "hội", "Festival", "năm", "2024", "tại", "Đại", "Nội", "và", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=120))
def test_the_window_is_the_first_with_the_most_different_words(words: list[str]) -> None:
    text = " ".join(words)
    marks = _marks(QUERY, text)
    assert _window(text, marks) == _window_by_definition(text, marks)


def test_a_record_naming_the_word_on_every_line_gets_one_window() -> None:
    body = "\n".join(f"Festival Huế {n}: đoàn {n} tại Đại Nội." for n in range(20_000))
    html = snippet_html(parse("festival hue dai noi"), "", "Lễ hội", body)
    assert html.startswith("<b>Festival</b> <b>Huế</b> 0") and html.endswith("…")
    assert html.count("<b>") == 3 * 4  # the window: 24 words, three lines of eight

"""The text handling the crisis detector quotes from: its offsets must always lead back to the writer's words."""

from psychology import crisis_text as T


def test_normalise_lowercases_drops_in_word_apostrophes_and_maps_back():
    text = "I DON'T know, ‘really’ ok, the dogs'"
    norm, index = T.normalise(text)
    assert norm == 'i dont know, "really" ok, the dogs'  # quote marks kept as quotes; a final possessive dropped
    assert len(index) == len(norm)
    assert all(text[j].lower() == c for c, j in zip(norm, index) if c != '"')


def test_sentence_spans_split_at_ends_of_sentences_and_lines():
    norm = "one two. three! four?\nfive; six… seven"
    assert [norm[s:e].strip() for s, e in T.sentence_spans(norm)] == [
        "one two",
        "three",
        "four",
        "five",
        "six",
        "seven",
    ]
    assert T.sentence_spans(" . ! ") == []


def test_pieces_cut_an_unpunctuated_run_at_spaces_within_the_limit():
    norm = " ".join(f"word{i}" for i in range(150))  # about 1,000 characters, no full stop
    parts = T.pieces(norm, (0, len(norm)))
    assert all(e - s <= 300 for s, e in parts) and len(parts) >= 4
    assert parts[0][0] == 0 and parts[-1][1] == len(norm)
    assert all(a[1] == b[0] and norm[a[1]] == " " for a, b in zip(parts, parts[1:]))  # contiguous, at spaces


def test_span_of_finds_the_sentence_of_a_position_or_none_between_them():
    spans = [(0, 5), (10, 20)]
    starts = [s for s, _ in spans]
    assert T.span_of(spans, starts, 3) == (0, 5)
    assert T.span_of(spans, starts, 15) == (10, 20)
    assert T.span_of(spans, starts, 7) is None and T.span_of(spans, starts, 25) is None


def test_quote_gives_whole_words_of_the_original_text_around_a_match_in_a_long_sentence():
    text = ("Filler words go on " * 12) + "I can't do this anymore " + ("and more words follow " * 10)
    norm, index = T.normalise(text)
    start = norm.index("i cant do this")
    quoted = T.quote(text, index, (0, len(norm)), (start, start + len("i cant do this anymore")))
    assert "I can't do this anymore" in quoted
    assert len(quoted) < len(text) / 2
    assert all(word in text.split() for word in quoted.split())  # no word cut in half


def test_sentences_keeps_those_of_three_words_or_more_in_the_writers_spelling():
    assert T.sentences("OK. I can't sleep again. Fine! Went for a long walk") == [
        "I can't sleep again",
        "Went for a long walk",
    ]

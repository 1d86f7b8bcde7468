from ml_models.chunking import chunk_text, clean_text, split_pieces, split_sentences


def words(text):
    return len(text.split())


def test_short_text_is_one_chunk():
    assert chunk_text("One. Two.", words, 10) == ["One. Two."]


def test_long_text_is_split_on_sentences_within_the_limit_and_keeps_every_word():
    text = " ".join(f"Sentence number {i} is here." for i in range(50))
    chunks = chunk_text(text, words, 20)
    assert len(chunks) > 5
    assert all(words(c) <= 20 for c in chunks)
    assert " ".join(chunks).split() == text.split()


def test_a_sentence_longer_than_the_limit_is_split_by_words():
    text = "word " * 95
    chunks = chunk_text(text, words, 10)
    assert all(words(c) <= 10 for c in chunks)
    assert sum(words(c) for c in chunks) == 95


def test_control_characters_are_removed_and_newlines_split_sentences():
    assert clean_text("a\x00b\x07c") == "a b c"
    assert split_sentences("first line\nsecond line") == ["first line", "second line"]


def test_text_without_spaces_is_split_not_cut():
    text = "今日は長い一日だった" * 240  # 2,400 characters, no spaces and no sentence end
    chunks = chunk_text(text, len, 254)
    assert "".join(c.replace(" ", "") for c in chunks) == text
    assert len(chunks) >= 10 and all(len(c) <= 254 for c in chunks)


def test_cjk_sentence_ends_split_sentences():
    assert split_sentences("今日は晴れ。明日は雨！本当？ Fine. 3.5 stays") == [
        "今日は晴れ。",
        "明日は雨！",
        "本当？",
        "Fine.",
        "3.5 stays",
    ]


def test_an_over_long_word_inside_a_sentence_keeps_every_character():
    url = "https://example.org/" + "a" * 900
    text = f"I saved this link {url} for later reading tonight."
    pieces = split_pieces(text, len, 100)
    assert all(len(p) <= 100 for p in pieces)
    assert "".join(p.replace(" ", "") for p in pieces) == text.replace(" ", "")

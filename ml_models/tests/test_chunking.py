from ml_models.chunking import chunk_text, clean_text, split_sentences


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

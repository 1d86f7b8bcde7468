"""Split long entries into sentence-aligned chunks that fit a model's token limit (no silent truncation)."""

import re

import numpy as np

# Western sentence ends need the space after them ("3.5", "e.g."); CJK ones are followed by none.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[。！？])\s*|\n{1,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    return _CONTROL.sub(" ", text or "").strip()


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def split_pieces(text: str, count_tokens, max_tokens: int) -> list[str]:
    """Sentences, with any sentence longer than max_tokens split by words."""
    pieces: list[str] = []
    for sentence in split_sentences(text):
        if count_tokens(sentence) <= max_tokens:
            pieces.append(sentence)
            continue
        words, window = sentence.split(), []
        for word in words:
            window.append(word)
            if count_tokens(" ".join(window)) > max_tokens:
                window.pop()
                if window:
                    pieces.append(" ".join(window))
                window = [word]
                if count_tokens(word) > max_tokens:  # one "word" over the limit: text without spaces, a long URL
                    pieces.extend(_split_word(word, count_tokens, max_tokens))
                    window = []
        if window:
            pieces.append(" ".join(window))
    return pieces


def _split_word(word: str, count_tokens, max_tokens: int) -> list[str]:
    """Consecutive slices of an over-long word, each within max_tokens, together the whole word."""
    out, start = [], 0
    while start < len(word):
        size = max(1, min(len(word) - start, max_tokens))
        while size > 1 and count_tokens(word[start : start + size]) > max_tokens:
            size //= 2
        out.append(word[start : start + size])
        start += size
    return out


def chunk_text(text: str, count_tokens, max_tokens: int) -> list[str]:
    """Greedily pack whole sentences into chunks of at most max_tokens; split over-long sentences by words."""
    pieces = split_pieces(text, count_tokens, max_tokens)
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    for piece in pieces:
        size = count_tokens(piece)
        if current and used + size > max_tokens:
            chunks.append(" ".join(current))
            current, used = [], 0
        current.append(piece)
        used += size
    if current:
        chunks.append(" ".join(current))
    return chunks or [text[:1000]]


def chunk_many(texts: list[str], count_tokens, max_tokens: int):
    """(chunks, owner index of each chunk, its length in tokens) for a batch of texts."""
    chunks, owners, weights = [], [], []
    for i, text in enumerate(texts):
        for chunk in chunk_text(text, count_tokens, max_tokens):
            chunks.append(chunk)
            owners.append(i)
            weights.append(max(1, count_tokens(chunk)))
    return chunks, np.array(owners, dtype=np.int64), np.array(weights, dtype=np.float32)


def weighted_mean(rows: np.ndarray, owners: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    """Average chunk rows per text, weighted by chunk length in tokens."""
    out = np.zeros((n, rows.shape[1]), dtype=np.float32)
    np.add.at(out, owners, rows * weights[:, None])
    totals = np.bincount(owners, weights=weights, minlength=n)[:, None]
    return out / np.where(totals == 0, 1, totals)

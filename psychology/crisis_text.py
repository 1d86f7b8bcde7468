"""The text handling the crisis detector and its head's training share: normalising an entry (with a map back to
the writer's own characters), cutting it into sentences and model-sized pieces, and quoting them."""

import re
from bisect import bisect_right


def normalise(text: str) -> tuple[str, list[int]]:
    """Lower-case and drop in-word apostrophes; also return a map back to `text`."""
    out, index = [], []
    for i, ch in enumerate(text):
        if ch in "'’‘ʼ`":
            if text[i - 1 : i].isalpha() and (text[i + 1 : i + 2].isalpha() or i + 1 == len(text)):
                continue
            ch = '"'  # a quote mark rather than an apostrophe: keeps quoted lyrics visible
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
        index.append(i)
    return "".join(out), index


def sentence_spans(norm: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a normalised text: split at . ! ? ; … and line breaks."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?;\n…]+", norm) if m.group().strip()]


def pieces(norm: str, span: tuple[int, int], limit: int = 300) -> list[tuple[int, int]]:
    """Cut an unpunctuated run at spaces into model-sized pieces."""
    (start, end), out = span, []
    while end - start > limit:
        cut = norm.rfind(" ", start + limit // 2, start + limit)
        out.append((start, cut if cut > start else start + limit))
        start = out[-1][1]
    return out + [(start, end)]


def quote(text: str, index: list[int], span: tuple[int, int], match: tuple[int, int]) -> str:
    """The writer's own sentence, or whole words around the match when the sentence is long."""
    s, e = span
    if e - s > 160:
        s, e = max(s, match[0] - 60), min(e, match[1] + 60)
    words = text[index[s] : index[e - 1] + 1].split()
    words = words[s > span[0] : len(words) - (e < span[1])] or words  # drop words cut in half
    return " ".join(words).strip("\"'“”,")


def span_of(spans: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int] | None:
    """The sentence span containing `pos` (spans sorted, `starts` their start offsets)."""
    i = bisect_right(starts, pos) - 1
    return spans[i] if i >= 0 and spans[i][0] <= pos < spans[i][1] else None


def sentences(text: str) -> list[str]:
    """Every sentence of three words or more, quoted as detect_crisis quotes it to the model."""
    norm, index = normalise(text)
    out = []
    for span in sentence_spans(norm):
        for piece in pieces(norm, span):
            if len(norm[piece[0] : piece[1]].split()) >= 3:
                out.append(quote(text, index, piece, piece))
    return out

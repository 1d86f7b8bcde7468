"""The weekly review: the last 7 days in the writer's own words, and questions built from their own topics.

Nothing here invents text about the writer: a highlight is a sentence copied from the entry, and prompts are fixed
templates filled with the user's own topics, tags and analysed emotions.
"""

import datetime as dt
import re
from collections import Counter
from statistics import fmean

from entries.models import AnalysisStatus, Mood
from entries.rendering import logical_lines

from . import entry_picks
from .periods import JournalLinks, Window

MIN_HIGHLIGHT_WORDS = 5
MAX_HIGHLIGHT_CHARS = 280
MAX_PROMPTS = 3
_BLOCK_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_INLINE_MARKUP = re.compile(r"[*_`~]{1,3}")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")

EMOTION_PROMPTS = {
    "joy": "Joy showed up in your writing this week. What helped it happen, and how could you make room for more?",
    "sadness": "Some of this week felt heavy. What, if anything, brought you even a little comfort?",
    "anger": "Anger came up this week. What was it protecting, or asking you to change?",
    "fear": "Worry came up this week. What part of it is within your reach next week, and what could you set down?",
    "surprise": "Something surprised you this week. What did it show you?",
    "disgust": "Something bothered you this week. Which of your values did it touch?",
    "neutral": "Much of this week read as steady. What would make next week feel meaningful to you?",
}
GENTLE_PROMPTS = [
    "What is one small, kind thing you could do for yourself tomorrow?",
    "Who is someone you could reach out to this week, even briefly?",
]
OPEN_PROMPT = "What would you like next week to hold?"


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _plain(line: str) -> str:
    line = _BLOCK_MARKUP.sub("", line)
    return _INLINE_MARKUP.sub("", _LINK.sub(r"\1", line)).strip()


def highlight_sentence(text: str) -> str | None:
    """The first sentence with some substance (5+ words), verbatim apart from Markdown markup; else the first one."""
    sentences = [s.strip() for line in logical_lines(text) for s in _SENTENCE_END.split(_plain(line)) if s.strip()]
    if not sentences:
        return None
    chosen = next((s for s in sentences if len(s.split()) >= MIN_HIGHLIGHT_WORDS), sentences[0])
    if len(chosen) > MAX_HIGHLIGHT_CHARS:
        chosen = chosen[:MAX_HIGHLIGHT_CHARS].rsplit(" ", 1)[0] + "…"
    return chosen


def prompts_for(topics: Counter, tags: Counter, emotions: Counter, *, gentle: bool) -> list[str]:
    """Questions for next week from the week's own topics, tags and dominant emotion (softer after a crisis flag)."""
    prompts = []
    if topics:
        topic, n = topics.most_common(1)[0]
        prompts.append(f"You wrote about “{topic}” {_times(n)} this week. What would you like to remember about it?")
    tag = next((t for t, _ in tags.most_common() if t.lower() not in {k.lower() for k in topics}), None)
    if tag:
        prompts.append(f"You tagged “#{tag}” {_times(tags[tag])}. What is one small step you could take with it?")
    if gentle:
        return (prompts[:1] + GENTLE_PROMPTS)[:MAX_PROMPTS]
    if emotions:
        prompts.append(EMOTION_PROMPTS.get(emotions.most_common(1)[0][0], OPEN_PROMPT))
    return prompts[:MAX_PROMPTS] or [OPEN_PROMPT]


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(fmean(values), 4) if values else None


def weekly_review(user, today: dt.date, links: JournalLinks) -> dict:
    """Entries of the last 7 days (today included), the mood arc, emotions, topics, highlights and prompts."""
    window = Window("week", today - dt.timedelta(days=6), today)
    rows = entry_picks.entries_in(user, window)
    flagged = entry_picks.latest_is_crisis_flagged(user)
    for row in rows:
        row["analysed"] = row["analysis_status"] == AnalysisStatus.DONE and row["sentiment_score"] is not None
    arc = []
    for offset in range(7):
        day = window.start + dt.timedelta(days=offset)
        todays = [r for r in rows if r["entry_date"] == day]
        arc.append(
            {
                "date": day,
                "entries": len(todays),
                "average_mood": _mean(r["mood"] for r in todays),
                "average_sentiment": _mean(r["sentiment_score"] for r in todays if r["analysed"]),
                "entries_url": links.dates(day, day),
            }
        )
    topics, tags, emotions = _counts(rows)
    entries = [
        {
            "id": r["id"],
            # A crisis-flagged entry is listed but never quoted back: not its opening as a title, nor a highlight;
            # nor is an entry the crisis detector has not read yet highlighted.
            "title": entry_picks.entry_title(
                r["title"], r["content"] if r["analysed"] and not r["crisis_flagged"] else ""
            ),
            "entry_date": r["entry_date"],
            "mood": r["mood"],
            "mood_label": Mood(r["mood"]).label if r["mood"] else None,
            "sentiment_score": r["sentiment_score"] if r["analysed"] else None,
            "sentiment_label": r["sentiment_label"] if r["analysed"] else "",
            "dominant_emotion": r["dominant_emotion"] if r["analysed"] else "",
            "highlight": highlight_sentence(r["content"]) if r["analysed"] and not r["crisis_flagged"] else None,
            "url": links.entry(r["id"]),
        }
        for r in rows
    ]
    return {
        "window": window.as_dict(links),
        "entries": entries,
        "arc": arc,
        "emotions": [{"label": k, "entries": n} for k, n in emotions.most_common()],
        "topics": [{"name": k, "entries": n} for k, n in topics.most_common()],
        "tags": [{"name": k, "entries": n, "entries_url": links.range(window, tag=k)} for k, n in tags.most_common()],
        # The counts above cover the whole week; a crisis-flagged entry's topic, tags and emotion never feed prompts.
        "prompts": prompts_for(*_counts([r for r in rows if not r["crisis_flagged"]]), gentle=flagged),
        "crisis_flagged_latest": flagged,
    }


def _counts(rows: list[dict]) -> tuple[Counter, Counter, Counter]:
    """(topics, tags, dominant emotions of the analysed entries) over `rows`, in prompts_for's order."""
    topics = Counter(r["topic__name"] for r in rows if r["topic__name"])
    tags = Counter(tag for r in rows for tag in r["tags"])
    return topics, tags, Counter(r["dominant_emotion"] for r in rows if r["analysed"] and r["dominant_emotion"])

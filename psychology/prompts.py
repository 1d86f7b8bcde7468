"""Personalised writing prompts: recent themes and look-backs, with general prompts to fill the gaps.

Only analysed entries that were not flagged by the crisis detector are ever used or quoted: a prompt must
never bring someone back to their worst moment uninvited, and a pending entry might still be flagged.
"""

import datetime
from collections import Counter
from dataclasses import asdict, dataclass

from django.utils import timezone

from . import selectors

RECENT_DAYS = 14
MIN_REPEATS = 2  # a theme has to come up at least this often to count as one
# (days ago, tolerance in days, how to say it)
LOOKBACKS = ((30, 5, "A month ago"), (365, 7, "A year ago"))

EMOTION_PROMPTS = {
    "sadness": "Heavier feelings have come up in your recent entries. What has been hardest lately, and what has "
    "helped, even a little?",
    "fear": "Worry has shown up a few times lately. What is one worry you could write down here and set aside until "
    "tomorrow?",
    "anger": "Frustration has come up recently. What would you want the people involved to understand?",
    "disgust": "Something has been rubbing you up the wrong way lately. Which of your values did it go against?",
    "joy": "There has been a lot of joy in your recent entries. What made those moments good, and how could you "
    "make room for more of them?",
    "surprise": "A few things have caught you off guard lately. What surprised you, and what did it show you?",
    "neutral": "Your recent entries have had a fairly even tone. What small thing would you like to notice more "
    "of this week?",
}
GENERAL_PROMPTS = (
    "What is one thing that went better than expected today?",
    "What is taking up the most room in your head right now?",
    "Describe a moment from today that you would like to remember.",
    "What do you need more of this week, and what less?",
    "Who made a difference to your day, even in a small way?",
    "What would you say to a friend who had the day you had?",
    "What is something you are looking forward to?",
    "What did your body need today, and did it get it?",
    "What is one thing you would like to let go of before tomorrow?",
    "What has been on your mind that you have not said out loud?",
)


@dataclass(frozen=True)
class Prompt:
    kind: str  # "lookback" | "topic" | "tag" | "emotion" | "general"
    text: str
    entry_id: int | None = None
    entry_date: datetime.date | None = None

    def as_dict(self) -> dict:
        data = asdict(self)
        data["entry_date"] = self.entry_date.isoformat() if self.entry_date else None
        return data


def prompts_for(user, *, today: datetime.date | None = None, limit: int = 3) -> list[Prompt]:
    """Up to `limit` prompts for this user today: look-backs first, then recent themes, then general ones."""
    today = today or timezone.now().astimezone(user.tz).date()
    prompts = [*_lookbacks(user, today), *_themes(user, today)][:limit]
    # Rotate the general prompts daily, and differently per user, so the page does not feel stuck.
    start = (today.toordinal() + user.pk) % len(GENERAL_PROMPTS)
    rotation = GENERAL_PROMPTS[start:] + GENERAL_PROMPTS[:start]
    prompts += [Prompt(kind="general", text=text) for text in rotation[: max(0, limit - len(prompts))]]
    return prompts


def _lookbacks(user, today: datetime.date) -> list[Prompt]:
    found = []
    for days, tolerance, when in LOOKBACKS:
        target = today - datetime.timedelta(days=days)
        window = datetime.timedelta(days=tolerance)
        candidates = selectors.safe_entries(user, start=target - window, end=target + window)
        entry = min(candidates, key=lambda e: (abs((e.entry_date - target).days), -e.pk), default=None)
        if entry is not None:
            text = f"{when} you wrote “{entry.display_title}”. How do things look from here?"
            found.append(Prompt(kind="lookback", text=text, entry_id=entry.pk, entry_date=entry.entry_date))
    return found


def _themes(user, today: datetime.date) -> list[Prompt]:
    entries = list(selectors.safe_entries(user, start=today - datetime.timedelta(days=RECENT_DAYS), end=today))
    topics = Counter(e.topic.name for e in entries if e.topic)
    tags = Counter(tag for e in entries for tag in e.tags)
    emotions = Counter(e.dominant_emotion for e in entries if e.dominant_emotion in EMOTION_PROMPTS)
    found = []
    if (top := _most_common(topics)) is not None:
        name, n = top
        text = f"You have written about {name} {n} times in the last two weeks. What is something about it you "
        found.append(Prompt(kind="topic", text=text + "have not put into words yet?"))
    if (top := _most_common(tags)) is not None:
        text = f"#{top[0]} keeps coming up. What would you like to remember about it a year from now?"
        found.append(Prompt(kind="tag", text=text))
    if (top := _most_common(emotions)) is not None:
        found.append(Prompt(kind="emotion", text=EMOTION_PROMPTS[top[0]]))
    return found


def _most_common(counts: Counter) -> tuple[str, int] | None:
    # Ties go to the alphabetically first name, so the prompt is stable within a day.
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0] if ranked and ranked[0][1] >= MIN_REPEATS else None

"""Which techniques to suggest for an analysed entry, and which thinking traps its sentences may show.

A technique's score adds three signals and the user's own feedback:
  emotions  - the entry's emotion probabilities on the emotions the technique is meant for (its list is
              ordered, most relevant first, so the first counts most);
  sentiment - agreement between the entry's tone and the technique's (gratitude for bright days, thought
              records for heavy ones);
  meaning   - cosine similarity, computed in PostgreSQL, between the entry's embedding and the technique's
              ("name. when it helps"), relative to the average over all techniques; skipped while either
              embedding is missing, so the rules alone still work.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Subquery
from pgvector.django import CosineDistance

from entries.models import AnalysisStatus, Entry
from entries.rendering import logical_lines

from . import selectors
from .models import CrisisResource, Technique, ThinkingTrap, Verdict

POSITION_WEIGHTS = (1.0, 0.6, 0.4, 0.3, 0.2)
NEGATIVE_EMOTIONS = frozenset({"anger", "disgust", "fear", "sadness"})
W_EMOTION, W_SENTIMENT, W_MEANING = 1.0, 0.25, 2.0
HELPFUL_BONUS, HELPFUL_CAP = 0.15, 2
DISMISSED_PENALTY, DISMISSED_CAP = 0.2, 3
MAX_SUGGESTIONS = 3
KEEP_WITHIN = 0.6  # a second or third suggestion must score at least this share of the best one
MEANING_REASON_AT, MEANING_MARGIN = 0.3, 0.12  # when "close to what you wrote" is worth saying
EMOTION_REASON_AT = 0.15
MAX_TRAPS, MAX_QUOTES, MAX_QUOTE_CHARS = 3, 2, 300
EMOTION_WORDS = {
    "anger": "anger",
    "disgust": "disgust",
    "fear": "fear or worry",
    "joy": "joy",
    "neutral": "a calm, even tone",
    "sadness": "sadness",
    "surprise": "surprise",
}


@dataclass
class Suggestion:
    technique: Technique
    score: float
    reasons: list[str]
    similarity: float | None = None
    verdict: str = ""  # this user's feedback on it for this entry, if any

    @property
    def why(self) -> str:
        return " ".join(self.reasons)


@dataclass
class TrapHit:
    trap: ThinkingTrap
    sentences: list[str]


@dataclass
class EntrySupport:
    status: str  # "pending" | "crisis" | "ready"
    suggestions: list[Suggestion] = field(default_factory=list)
    traps: list[TrapHit] = field(default_factory=list)
    feedback: dict[int, str] = field(default_factory=dict)
    resources: list[CrisisResource] = field(default_factory=list)


def support_for(entry: Entry, user) -> EntrySupport:
    """Everything the entry page and API show under an entry. A flagged entry gets resources, nothing else."""
    if entry.crisis_flagged:
        return EntrySupport(status="crisis", resources=selectors.crisis_resources_for(user.country))
    if entry.analysis_status != AnalysisStatus.DONE:
        return EntrySupport(status="pending")
    feedback = selectors.feedback_on_entry(user, entry)
    suggestions = suggest_techniques(entry, user=user)
    for suggestion in suggestions:
        suggestion.verdict = feedback.get(suggestion.technique.pk, "")
    return EntrySupport(
        status="ready", suggestions=suggestions, traps=find_thinking_traps(entry.content), feedback=feedback
    )


def suggest_techniques(entry: Entry, *, user, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """One to `limit` techniques, best first, at most one per family; none dismissed on this entry."""
    chosen, families = [], set()
    for suggestion in rank_techniques(entry, user=user):
        if len(chosen) == limit:
            break
        if suggestion.technique.family in families:
            continue
        if chosen and suggestion.score < KEEP_WITHIN * chosen[0].score:
            break
        chosen.append(suggestion)
        families.add(suggestion.technique.family)
    return chosen


def rank_techniques(entry: Entry, *, user) -> list[Suggestion]:
    """Every active technique not dismissed on this entry, scored, best first (ties by slug, so stable)."""
    here = selectors.feedback_on_entry(user, entry)
    dismissed = [pk for pk, verdict in here.items() if verdict == Verdict.DISMISSED]
    # The distance is computed in PostgreSQL: the entry's vector never leaves the database.
    entry_vector = Subquery(Entry.objects.filter(pk=entry.pk).values("embedding")[:1])
    candidates = list(
        selectors.active_techniques()
        .exclude(pk__in=dismissed)
        .annotate(distance=CosineDistance("embedding", entry_vector))
    )
    similarities = [1.0 - t.distance for t in candidates if t.distance is not None]
    # Absolute cosine similarities from a sentence model sit in a narrow band (about 0.1 to 0.6 here), so what
    # says "this entry is about sleep" is how much closer a technique is than the others are.
    baseline = sum(similarities) / len(similarities) if similarities else 0.0
    history = selectors.feedback_history(user, excluding_entry=entry)
    scored = [
        _score(t, entry, history.get(t.pk, Counter()), baseline=baseline, marked_helpful=here.get(t.pk) == "helpful")
        for t in candidates
    ]
    return sorted(scored, key=lambda s: (-s.score, s.technique.slug))


def _score(
    technique: Technique, entry: Entry, history: Counter, *, baseline: float, marked_helpful: bool
) -> Suggestion:
    emotions = {k: float(v) for k, v in (entry.emotions or {}).items() if isinstance(v, int | float)}
    emotion_fit = sum(
        emotions.get(label, 0.0) * POSITION_WEIGHTS[min(i, len(POSITION_WEIGHTS) - 1)]
        for i, label in enumerate(technique.emotions)
    )
    tone = float(entry.sentiment_score or 0.0)
    polarity = _polarity(technique.emotions)
    similarity = None if technique.distance is None else 1.0 - float(technique.distance)
    helpful = min(history["helpful"], HELPFUL_CAP)
    dismissed = min(history["dismissed"], DISMISSED_CAP)
    score = (
        W_EMOTION * emotion_fit
        + W_SENTIMENT * tone * polarity
        + W_MEANING * (0.0 if similarity is None else similarity - baseline)
        + HELPFUL_BONUS * helpful
        - DISMISSED_PENALTY * dismissed
    )
    closer = similarity is not None and similarity >= MEANING_REASON_AT and similarity - baseline >= MEANING_MARGIN
    reasons = _reasons(technique, emotions, tone, polarity, closer, helpful=helpful or marked_helpful)
    return Suggestion(technique=technique, score=round(score, 4), reasons=reasons, similarity=similarity)


def _polarity(labels: list[str]) -> float:
    """+1 for techniques meant only for good feelings, -1 for those meant only for painful ones."""
    if not labels:
        return 0.0
    return (("joy" in labels) - sum(label in NEGATIVE_EMOTIONS for label in labels)) / len(labels)


def _reasons(technique, emotions, tone, polarity, closer: bool, *, helpful: bool) -> list[str]:
    reasons = []
    matched = sorted(
        (
            (label, emotions.get(label, 0.0))
            for label in technique.emotions
            if emotions.get(label, 0.0) >= EMOTION_REASON_AT
        ),
        key=lambda kv: -kv[1],
    )[:2]
    if matched:
        felt = " and ".join(f"{EMOTION_WORDS.get(label, label)} ({p:.0%})" for label, p in matched)
        reasons.append(f"Your entry showed {felt}, which this is meant for.")
    if closer:
        reasons.append(
            f"What you wrote is close to when it tends to help: “{_first_sentence(technique.when_it_helps)}”"
        )
    if tone <= -0.3 and polarity < 0:
        reasons.append("The overall tone was heavy, and this is built for harder days.")
    elif tone >= 0.3 and polarity > 0:
        reasons.append("The overall tone was bright, and this helps good moments last.")
    if helpful:
        reasons.append("You marked it helpful before.")
    return reasons or ["A short, general practice that suits most days."]


def _first_sentence(text: str, limit: int = 160) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”')\]]))\s+")
_MARKDOWN_LEAD = re.compile(r"^\s*(?:[#>*+-]+|\d+[.)])\s+")


def split_sentences(text: str) -> list[str]:
    """Sentences of an entry as the writer typed them, with Markdown list/heading/quote markers removed."""
    lines = (_MARKDOWN_LEAD.sub("", line) for line in logical_lines(text))
    pieces = (piece.strip() for line in lines for piece in _SENTENCE_END.split(line))
    return [p for p in pieces if p]


# Phones and Macs type ’ for an apostrophe; the patterns are written with '. Same length, so quotes stay exact.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
# A thought the writer disowns ("I don't think I'm a failure any more", "I used to tell myself I'm stupid"),
# someone else's words ("My therapist says I should feel proud"), or a machine that fails ("The printer won't
# work"): quoting these back as the writer's thinking trap would get them wrong.
# Each guard must govern the match: stand right before it ("I no longer feel that | I'm a failure") or right after
# it ("I'm a failure, | not any more"), or in its own clause. A cue elsewhere ("I don't feel safe anywhere, | it's all
# my fault") leaves the thought held.
_DISOWNED_BEFORE = re.compile(
    r"\b(?:(?:don't|do not|no longer|never)\s+(?:really\s+|actually\s+)?(?:think|believe|feel)|"
    r"used to (?:think|believe|feel|tell myself|say)|stopped (?:thinking|believing|feeling|telling myself)|"
    # The writer watching the thought rather than holding it: "I caught myself thinking", "part of me wanted to
    # say", "it's tempting to think", "I was about to write".
    r"(?:caught|catch|catching) myself (?:thinking|saying|assuming|telling myself)|"
    r"part of me (?:wanted to |wants to |was going to )?(?:say|think|believe)s?|"
    r"(?:it's|its) tempting to (?:think|say|believe|assume)|(?:was|am) about to (?:write|say|think|type)|"
    r"(?:i'd|i would) have (?:said|thought|believed))"
    r"(?:\s+(?:that|like|the))?[\s,]*$",
    re.IGNORECASE,
)
# A thought in quotation marks that the writer wrote down, heard or noticed ("I wrote down 'I always mess things
# up'", "a small voice said 'this always happens'") is examined, not held; one they keep thinking is held.
_QUOTED_BEFORE = re.compile(
    r"\b(?:wrote(?: down)?|write|writing|said|says|say|saying|noticed|noticing|voice|thought|thinking|told myself|"
    r"tell myself|heard|hear)\b[^'\"“‘]{0,30}(?<!\w)['\"“‘][^'\"”’]{0,40}$",  # not the ' of "I'd" or "it's"
    re.IGNORECASE,
)
_HELD_QUOTE = re.compile(r"\b(?:keep|kept|can't stop|cant stop|always|still)\s+(?:thinking|telling myself|saying)\b",
                         re.IGNORECASE)  # fmt: skip
# The quoted thought named as a thing afterwards ("the 'what if it all goes wrong' spiral started").
_QUOTED_AFTER = re.compile(
    r"^[^'\"”’]{0,60}['\"”’]\s+(?:spiral|voice|thought|story|loop|narrative|script|thing|feeling)\b", re.IGNORECASE
)
# Negated right before: "isn't the end of the world", "not a total failure".
_NEGATED_BEFORE = re.compile(r"\b(?:isn't|isnt|is not|wasn't|wasnt|was not|not|hardly)\s+(?:the\s+|a\s+|an\s+)?$",
                             re.IGNORECASE)  # fmt: skip
# Only a "not" or "no longer" right after the thought takes it back ("I'm a failure, not any more"): "Nobody cares
# about me anymore" and "I can't do anything right anymore" hold it more firmly, not less.
_DISOWNED_AFTER = re.compile(
    r"^[\s,;:—–-]*(?:but\s+|or\s+)?(?:not\s+(?:now|any ?more)|no longer)\b",
    re.IGNORECASE,
)
_REPORTED_BEFORE = re.compile(
    r"(?:\b(?!i\b)\w+\s+(?:says|said|tells me|told me|keeps saying|insists|insisted)|"
    # Someone else's belief ("some people at work think you should never leave early"), never the writer's own
    # ("I really think"): the believer is named.
    r"\b(?:people|they|he|she|someone|somebody|others|mum|mom|dad|my \w+)\b(?:(?!\bi\b)[^.!?,]){0,20}\s"
    r"(?:think|thinks|believe|believes|reckon|reckons))"
    r"(?:[\s,]+(?:that|again|honestly|once|always))*[\s,]*$",
    re.IGNORECASE,
)
_MACHINE = re.compile(
    r"\b(?:printer|car|laptop|computer|phone|wi-?fi|internet|router|tv|heating|boiler|engine|app|website|oven|"
    r"washing machine|dishwasher|key|door|lock|battery|scanner|charger)\s+(?:still\s+|just\s+)?"
    r"(?:won't|will not|isn't going to)\b",
    re.IGNORECASE,
)


_GUARD_REACH = 160


def _writers_own(sentence: str, match: re.Match) -> bool:
    """Whether a pattern's match is a thought the writer holds now (see the guards above)."""
    # A guard governs its match from a clause away at most: looking further would make a 100,000-character
    # sentence with a match every few words quadratic.
    start, end = match.start(), match.end()
    before, after = sentence[max(0, start - _GUARD_REACH) : start], sentence[end : end + _GUARD_REACH]
    if _DISOWNED_BEFORE.search(before) or _DISOWNED_AFTER.search(after) or _REPORTED_BEFORE.search(before):
        return False
    if _NEGATED_BEFORE.search(before) or _QUOTED_AFTER.search(after):
        return False
    if _QUOTED_BEFORE.search(before) and not _HELD_QUOTE.search(before):
        return False
    return not _MACHINE.search(sentence[max(0, match.start() - 40) : match.end()])


def find_thinking_traps(text: str, traps: list[ThinkingTrap] | None = None) -> list[TrapHit]:
    """Traps whose patterns match a sentence, each with the sentences (quoted) that triggered it."""
    traps = selectors.active_traps() if traps is None else traps
    compiled = [(trap, [re.compile(p, re.IGNORECASE) for p in trap.patterns]) for trap in traps]
    hits: dict[str, TrapHit] = {}
    for sentence in split_sentences(text):
        probe = sentence.translate(_APOSTROPHES)
        for trap, patterns in compiled:
            if any(_writers_own(probe, m) for p in patterns for m in p.finditer(probe)):
                hit = hits.setdefault(trap.slug, TrapHit(trap=trap, sentences=[]))
                if len(hit.sentences) < MAX_QUOTES:
                    hit.sentences.append(_clip(sentence))
    ranked = sorted(hits.values(), key=lambda h: (-len(h.sentences), h.trap.name))
    return ranked[:MAX_TRAPS]


def _clip(sentence: str) -> str:
    return sentence if len(sentence) <= MAX_QUOTE_CHARS else sentence[: MAX_QUOTE_CHARS - 1].rstrip() + "…"

"""Crisis-language detection for journal entries.

Regex rules over sentences always run; an optional sentence-embedding signal
adds recall for indirect phrasing that no rule list can enumerate. No Django
imports, so web requests, workers and tests can all call it directly.
The rule tables and the embedding prototypes live in crisis_patterns.py, the text handling in crisis_text.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import crisis_head
from . import crisis_patterns as P
from . import crisis_text as T
from .crisis_patterns import CONCERN, NONE, URGENT

_RANK = {NONE: 0, CONCERN: 1, URGENT: 2}

# A sentence must be this close (cosine) to a crisis prototype and MARGIN closer to it than to any hard
# negative; a plan-or-means prototype matched at EMBED_URGENT or more makes the entry urgent. Chosen by
# sweeping the embedding signal on its own (as if no rule had fired) over crisis_dev.jsonl and 1,255 ordinary
# entries from ml_models/eval: at 0.60/0.05 it finds about half of the indirect crisis entries with under 2%
# false alarms on hard negatives and 0.3% on ordinary entries; 0.55 adds ~5 points of recall for 5x the
# ordinary false alarms, and with the rules in front it added no recall on the dev set.
EMBED_THRESHOLD = 0.60
EMBED_MARGIN = 0.05
EMBED_URGENT = 0.70
# MiniLM scores short fragments ("Sat there for an hour") high against anything; they need a closer match.
EMBED_SHORT_WORDS, EMBED_SHORT_EXTRA = 6, 0.05
# ... and so do negated sentences: it barely registers "not", so "I don't want to disappear, I want to be seen"
# sits close to "I don't want to exist anymore".
EMBED_NEGATED_EXTRA = 0.03
# ... and sentences that name an everyday reason (a holiday, a solicitor, the climbing wall). These three were
# set on the same sweep: each removed dev-set false alarms for at most a point or two of the model's recall.
EMBED_CONTEXT_EXTRA = 0.08
_MAX_EMBED_SENTENCES = 256  # bounds model latency on pathological entries
_MAX_REASONS = 10

PROTOTYPES, HARD_NEGATIVES = P.PROTOTYPES, P.HARD_NEGATIVES


@dataclass(frozen=True)
class CrisisResult:
    flagged: bool
    level: str  # "none" | "concern" | "urgent"
    reasons: list[str]

    def as_dict(self) -> dict:
        return {"flagged": self.flagged, "level": self.level, "reasons": list(self.reasons)}


_COMPILED = [(*key, re.compile("|".join(pats))) for key, pats in P.RULES + P.RULES_BROAD]


# Context checks look at most _CONTEXT characters around a match: enough for a clause, and it keeps
# a 100,000-character unpunctuated entry linear.
_CONTEXT = 200


def _negated(prefix: str, head: str = "") -> bool:
    """A negation just before the match ("I don't want to die") unless a reversal follows it ("can't stop",
    "don't know why", "can't wait for"); `head` is the match's first word."""
    m = P.NEGATION.search(P.CLAUSE.split(prefix[-_CONTEXT:])[-1])
    words = (m.group(1) or m.group(2) or "").split() if m else []
    if m and m.group(1) and _new_clause(words):
        return False  # "im not okay i want to die": unpunctuated, the "i" starts a new clause the "not" is not in
    words += head.split()[:1] if m and not words else []  # "can't wait for", not "don't want to stop existing"
    return bool(m) and not (set(words) & P.REVERSAL)


def _new_clause(words: list[str]) -> bool:
    """Whether the words between a negation and a match start a new first-person clause ("not okay i")."""
    first = next((i for i, w in enumerate(words) if w in P.FIRST), None)
    return first is not None and not set(words[:first]) & P.CLAUSE_VERBS


def _not_writer(prefix: str) -> bool:
    subjects = P.SUBJECT.findall(prefix[-_CONTEXT:])
    return bool(subjects) and subjects[-1] not in P.FIRST  # no subject: a journal's implied "I"


def _accidental(near: str, after: str) -> bool:
    """'I cut myself shaving', 'burned myself on the oven': an activity follows, and no stated intent."""
    return not P.INTENT.search(near) and bool(P.ACCIDENT.search(near) or P.ACTIVITY_AFTER.search(after))


def _suppressed(sent: str, m: re.Match, checks: str, before: str = "") -> bool:
    """Whether a match is not the writer's own current crisis; `before` is the text just before the sentence."""
    lo = max(0, m.start() - _CONTEXT)
    prefix, after, near = sent[lo : m.start()], sent[m.end() : m.end() + _CONTEXT], sent[lo : m.end() + _CONTEXT]
    if "n" in checks and (_negated(prefix, m.group()) or P.ASKED.search(P.CLAUSE.split(prefix)[-1])):
        return True
    if "s" in checks and (_not_writer(prefix) or P.REPORTED_THOUGHT.search(prefix)):
        return True
    if "a" in checks and _accidental(near, after):
        return True
    if "g" in checks and (
        P.GOODBYE_CONTEXT.search(sent[max(0, m.start() - 80) : m.end() + 80]) or P.GOODBYE_BEFORE.search(before)
    ):
        return True  # narrower inside long run-ons; "Surgery on Tuesday. I've written letters just in case."
    if "r" in checks and P.RELATIONSHIP.search(near):
        return True
    if "m" in checks and P.BENIGN_MEANS.search(sent[max(0, m.start() - 80) : m.end() + 80]):
        return True
    everyday = "e" in checks and P.EVERYDAY_MATCH.search(m.group()) and P.EVERYDAY_AFTER.search(after)
    if everyday and not P.EVERYDAY_CANCELLED.search(sent[: m.start()] + sent[m.end() :]):
        return True  # "I can't go on living in this mess", unless the sentence is about life or death after all
    if P.FIGURATIVE_AFTER.search(after) or P.PURE_JOKE.search(near):
        return True
    if P.TRIVIAL.search(near) and (P.HYPERBOLE.search(near) or P.JOKE.search(near)):
        return True  # "if I have to sit through one more meeting I'll kill myself lol"
    in_quotes = prefix.count('"') % 2 == 1 or prefix.count("“") > prefix.count("”")
    if in_quotes and _reported(prefix):
        return True
    return bool(P.MEDIA.search(near)) and (in_quotes or prefix.rstrip().endswith("about"))


def _reported(prefix: str) -> bool:
    """The match is inside someone else's quoted words ('Jake texted "I'm going to ..."'), not the writer's."""
    lead = prefix[: max(prefix.rfind('"'), prefix.rfind("“"))]
    verb = P.REPORTED.search(lead)
    if not verb or not lead[: verb.start()].strip():
        return False  # 'Wrote "I want to die" on my hand': a verb that opens the sentence has the diary's implied "I"
    subjects = P.SUBJECT.findall(lead[: verb.start()])
    return not subjects or subjects[-1] not in P.FIRST


def _pair_hits(norm: str, spans: list[tuple[int, int]]) -> list[tuple]:
    """Two statements that only mean something together ("gave my guitar away" + "I won't need it")."""
    hits, starts = [], [s for s, _ in spans]
    for (cat, lvl, kind), first, second, *context_cancels in P.PAIRS:
        context_cancels = context_cancels[0] if context_cancels else True
        for m in second.finditer(norm):
            span = T.span_of(spans, starts, m.start())
            f = first.search(norm, max(0, m.start() - P.PAIR_WINDOW), m.end() + P.PAIR_WINDOW)
            if span is None or f is None:
                continue
            f_span = T.span_of(spans, starts, f.start()) or span
            both = norm[span[0] : span[1]] + " " + norm[f_span[0] : f_span[1]]
            if context_cancels and P.GOODBYE_CONTEXT.search(both):
                continue  # "Gave my bike away when I moved, I won't need it"
            sent = norm[span[0] : span[1]]
            local = second.match(sent, m.start() - span[0])
            if local and not _suppressed(sent, local, "ns"):
                hits.append((cat, lvl, kind, span, (m.start(), m.end())))
                break
    return hits


def version() -> str:
    """Recorded with every analysis: rules and prototypes, and the trained head when one is loaded."""
    head = crisis_head.version()
    return f"rules+prototypes+{head}" if head else "rules+prototypes"


def detect_crisis(text: str, embed=None, use_head: bool = True, classifier: tuple | None = None) -> CrisisResult:
    """Classify one journal entry as none / concern / urgent, with quoted reasons.

    With `embed`, sentences no rule matched are also compared with crisis prototypes and, unless `use_head` is
    false, scored by the trained classifier head (crisis_head.py). `classifier` is the fine-tuned model's
    (probability, threshold) for the entry: that of its most alarming chunk (ml_models/finetuned.py), which reads
    meaning across sentences."""
    norm, index, spans, seen, recovered, level, reasons = _rule_pass(text)
    if embed is not None and level != URGENT:
        keep = _model_sentences(text, norm, index, spans, seen, recovered)
        vectors = embed([s for s, _, _ in keep]) if keep else None
        found = _embedding_reasons(keep, vectors, embed) if keep else []
        if level == NONE or any(lvl == URGENT for lvl, _ in found):
            for lvl, reason in found:
                level = max(level, lvl, key=_RANK.get)
                if len(reasons) < _MAX_REASONS:
                    reasons.append(reason)
        if level == NONE and keep and use_head:
            # The head only adds concern: urgency needs a rule or a plan prototype to say so.
            for sentence in crisis_head.flagged(keep, vectors, embed)[:_MAX_REASONS]:
                level = CONCERN
                reasons.append(f'classifier: "{sentence}"')
    if level == NONE and classifier is not None and classifier[0] >= classifier[1]:
        level = CONCERN  # like the head, the model only adds concern
        reasons.append(f"a passage of the entry reads like crisis language (model confidence {classifier[0]:.2f})")
    return CrisisResult(flagged=level != NONE, level=level, reasons=reasons)


def _rule_pass(text: str) -> tuple:
    """The regex rules: (norm, index, spans, seen, recovered, level, reasons); `seen` are spans any rule matched."""
    norm, index = T.normalise(text or "")
    spans = T.sentence_spans(norm)
    hits, seen = [], set()  # hit: (category, level, kind, span, match); seen: spans any rule matched
    for span in spans:
        sent = norm[span[0] : span[1]]
        for cat, lvl, kind, checks, rx in _COMPILED:
            for m in rx.finditer(sent):
                seen.add(span)
                if not _suppressed(sent, m, checks, norm[max(0, span[0] - 120) : span[0]]):
                    hits.append((cat, lvl, kind, span, (span[0] + m.start(), span[0] + m.end())))
                    break  # one reason per rule and sentence is enough
    hits += _pair_hits(norm, spans)
    if hits or any(P.HOPELESS.search(norm[s:e]) for s, e in spans):
        for span in spans:
            for m in P.IF_HOPELESS.finditer(norm[span[0] : span[1]]):
                if not _negated(norm[max(span[0], span[0] + m.start() - _CONTEXT) : span[0] + m.start()]):
                    hits.append(("hopelessness", CONCERN, "ideation", span, (span[0] + m.start(), span[0] + m.end())))

    recovered = P.RECOVERED.search(norm) and not re.search(r"\b(?:again|relaps\w*)\b", norm)
    coped = P.COPED.search(norm)
    scored = []
    for cat, lvl, kind, span, match in hits:
        if coped and P.URGE.search(norm[match[0] : match[1]]):
            continue  # an urge the writer says they rode out
        if P.PAST.search(norm[max(span[0], match[0] - _CONTEXT) : min(span[1], match[1] + _CONTEXT)]):  # history
            if recovered:
                continue
            cat, lvl, kind = f"past {cat}", CONCERN, "past"
        scored.append((cat, lvl, kind, span, match))

    # A plan: current ideation plus means or resolve anywhere in the entry, ideation with a timeline in the
    # same sentence ("I'm ending it tonight"), or means plus resolve ("I bought a rope. I know what to do").
    current = {h[3] for h in scored if h[2] in ("ideation", "prep", "selfharm")}
    already_urgent = {h[3] for h in scored if h[1] == URGENT}
    means_in_entry = P.MEANS.search(norm)
    for span in spans:
        sent = norm[span[0] : span[1]]
        if span in already_urgent:
            continue
        means, resolve = P.MEANS.search(sent), P.RESOLVE.search(sent)
        m = (means or resolve) if current else (resolve if means_in_entry else None)
        m = m or (P.TIMELINE.search(sent) if span in current else None)
        if m and not (means and (P.ACCIDENT.search(sent) or P.BENIGN_MEANS.search(sent))):
            scored.append(("plan or means", URGENT, "plan", span, (span[0] + m.start(), span[0] + m.end())))

    level, reasons = NONE, []
    for cat, lvl, _kind, span, match in scored:
        level = max(level, lvl, key=_RANK.get)
        reason = f'{cat}: "{T.quote(text, index, span, match)}"'
        if reason not in reasons and len(reasons) < _MAX_REASONS:
            reasons.append(reason)
    return norm, index, spans, seen, recovered, level, reasons


def model_sentences(text: str) -> tuple[str, list[tuple[str, bool, float]]]:
    """(rules' level, the sentences the embedding signals would score) for one entry: used to train the head."""
    norm, index, spans, seen, recovered, level, _ = _rule_pass(text)
    return level, _model_sentences(text, norm, index, spans, seen, recovered)


def _model_sentences(text, norm, index, spans, seen, recovered) -> list[tuple[str, bool, float]]:
    """(quoted sentence, negated, extra margin) for each sentence the embedding signals may judge.

    The model is for indirect wording. Sentences with explicit crisis words were the rules' call: their negation
    and figurative handling beats MiniLM, which barely registers "not". The model also misses what the rules'
    suppressors see, so a sentence about someone else, a past one in an entry that says it is over, or one
    describing a song or a book is skipped; short and everyday-context sentences need a closer match.
    """
    rest = [p for sp in spans if sp not in seen for p in T.pieces(norm, sp) if not P.EXPLICIT.search(norm[p[0] : p[1]])]
    keep = []
    for sp in rest:
        sent = norm[sp[0] : sp[1]]
        if len(sent.split()) < 3 or _third_person(sent) or (recovered and P.PAST.search(sent)):
            continue
        if P.MEDIA.search(sent) and not set(P.SUBJECT.findall(sent)) & P.FIRST:
            continue  # "The song is about wanting to sleep forever"
        everyday = bool(P.BENIGN_MEANS.search(sent) or P.GOODBYE_CONTEXT.search(sent))
        short = len(sent.split()) < EMBED_SHORT_WORDS
        extra = (EMBED_SHORT_EXTRA if short else 0) + (EMBED_CONTEXT_EXTRA if everyday else 0)
        keep.append((T.quote(text, index, sp, sp), bool(P.POLARITY.search(sent)), extra))
    return keep[:_MAX_EMBED_SENTENCES]


_proto_cache: dict = {}


def _prototype_vectors(embed):
    try:
        return _proto_cache[embed]
    except (KeyError, TypeError):
        pass
    protos = embed(PROTOTYPES + HARD_NEGATIVES)
    try:
        if len(_proto_cache) > 8:  # callers that build a new callable per call
            _proto_cache.clear()
        _proto_cache[embed] = protos
    except TypeError:  # unhashable callable: recompute next time
        pass
    return protos


def _third_person(sent: str) -> bool:
    """'My friend told me she has been saving her pills': someone else is the subject and the writer never is."""
    subjects = P.SUBJECT.findall(sent)
    return bool(subjects) and subjects[0] not in P.FIRST and not (set(subjects) & (P.FIRST - {"me", "myself"}))


def _embedding_reasons(keep: list, vectors, embed) -> list[tuple[str, str]]:
    """(level, reason) for sentences close to a crisis prototype and clearly closer to it than to any negative.

    A sentence is only compared with prototypes of its own polarity ("I'm not stockpiling anything" is not close
    to "I've been stockpiling tablets"), and negated ones need a closer match (EMBED_NEGATED_EXTRA).
    """
    protos = _prototype_vectors(embed)
    n_pos = len(PROTOTYPES)
    sims = vectors @ protos.T
    found = []
    for (s, negated, extra), row in zip(keep, sims):
        same = [i for i in range(n_pos) if _PROTO_POLARITY[i] == negated]
        if not same:
            continue
        b = max(same, key=lambda i: row[i])
        p, n = row[b], row[n_pos:].max()
        need = EMBED_THRESHOLD + extra + (EMBED_NEGATED_EXTRA if negated else 0)
        if p < need or p - n < EMBED_MARGIN:
            continue
        if P.PROTOTYPE_KINDS[b] == "plan" and p >= EMBED_URGENT:
            found.append((URGENT, f'possible plan or means (similarity {p:.2f}): "{s}"'))
        else:
            found.append((CONCERN, f'possible crisis language (similarity {p:.2f}): "{s}"'))
    found.sort(key=lambda f: _RANK[f[0]], reverse=True)
    return found[:_MAX_REASONS]


# Whether each prototype is negated, with the same normalisation as entries (computed once).
_PROTO_POLARITY = [bool(P.POLARITY.search(T.normalise(s)[0])) for s in PROTOTYPES]

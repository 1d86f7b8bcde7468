"""Thinking traps measured on labelled diary sentences: the dev set that tuned the patterns, and a test set written
blind afterwards (scored, never tuned on). Floors sit just under the figures in bench/results/thinking-traps.json."""

import importlib

import pytest
from django.apps import apps as django_apps

from ml_models.training import read_rows as read_cases
from psychology.matching import find_thinking_traps
from psychology.models import ThinkingTrap
from psychology.trap_eval import DEV, TEST, score_traps


def slugs(sentence: str) -> set[str]:
    return {hit.trap.slug for hit in find_thinking_traps(sentence)}


@pytest.mark.django_db
def test_the_blind_test_set_finds_a_third_of_the_traps_and_flags_few_cheerful_sentences(knowledge_base):
    result = score_traps(read_cases(TEST), list(ThinkingTrap.objects.all()))
    assert result["n"] == {"trap": 130, "lookalike": 200, "disowned": 60}
    assert result["recall"] >= 0.29  # 0.30; the patterns before this set was written found 0.15
    assert result["lookalike_flagged"] <= 0.02  # 0.015 (before: 0.045)
    assert result["disowned_flagged"] <= 0.06  # 0.050 (before: 0.033)


@pytest.mark.django_db
def test_the_dev_set_the_patterns_were_tuned_on_still_scores_as_tuned(knowledge_base):
    result = score_traps(read_cases(DEV), list(ThinkingTrap.objects.all()))
    assert result["recall"] >= 0.93 and result["lookalike_flagged"] == 0 and result["disowned_flagged"] <= 0.02


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sentence",
    [
        "She makes me feel so safe.",
        "I always make pancakes on Sundays.",
        "Missing the bus isn't the end of the world.",
        "It doesn't matter, we'll go tomorrow instead.",
        "Some people at work think you should never leave before six; I go at five.",
        "I wrote down 'I always mess things up' and then listed the times I didn't.",
        "I caught myself thinking it's all my fault, which isn't fair.",
        "The 'what if it all goes wrong' spiral started, then I made a plan.",
        # A review's cheerful sentences that an earlier draft of the patterns flagged:
        "I have to say that today was the best day ever.",
        "The snow has probably cleared by now.",
        "I could see in her eyes how happy she was.",
        "She's already decided on the venue.",
        "She's the one, I just know it!",
        "By summer I'll have quit smoking.",
        "We order the same thing every Friday.",
        "The party was a success because of me!",
        "She's the reason I can't stop smiling.",
        "Running has made me into a morning person.",
        "I'd be so happy if she would come visit.",
        "I felt so proud, which shows how far I've come.",
        "All this week was sunny.",
        # and a second review's:
        "My dog is the reason I'm not sad anymore.",
        "I could see on his face he didn't want to leave the party, so sweet.",
        "They've already decided that I'm the best man!",
        "It's because of me that we won the quiz!",
        "That's on me for the drinks!",
        "Other people are at work while I'm on holiday doing nothing, bliss.",
        "I'll be alone at home for the weekend, bliss.",
        "If they had told me, I would have baked a cake!",
        "I have to dance every single time this song plays.",
        "I always get it right when I bake bread now!",
    ],
)
def test_cheerful_reported_and_examined_thoughts_show_no_trap(knowledge_base, sentence):
    assert slugs(sentence) == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sentence,slug",
    [
        ("I really think everyone hates me.", "overgeneralisation"),  # "really think" is the writer's own belief
        ("I keep thinking 'I'm such an idiot' all day.", "labelling"),  # a quoted thought the writer keeps holding
        ("She makes me feel so small.", "blaming"),
        ("I always mess things up.", "overgeneralisation"),
        ("I said I'd go, but I'm such a burden.", "labelling"),  # the ' of "I'd" opens no quotation
        ("I thought we'd manage but it's all my fault.", "personalisation"),
        ("Since she left I think I'm unlovable.", "labelling"),  # the writer's belief, not hers
    ],
)
def test_thoughts_the_writer_holds_are_still_found(knowledge_base, sentence, slug):
    assert slug in slugs(sentence)


@pytest.mark.django_db
def test_the_migration_updates_patterns_nobody_edited_and_keeps_an_admins_edit(knowledge_base):
    migration = importlib.import_module("psychology.migrations.0004_thinking_trap_patterns")
    ThinkingTrap.objects.filter(slug="blaming").update(patterns=migration.PREVIOUS["blaming"])
    ThinkingTrap.objects.filter(slug="labelling").update(patterns=[r"\bmy own pattern\b"])
    migration.update(django_apps, None)
    assert ThinkingTrap.objects.get(slug="blaming").patterns != migration.PREVIOUS["blaming"]
    assert ThinkingTrap.objects.get(slug="labelling").patterns == [r"\bmy own pattern\b"]


def test_no_trap_pattern_backtracks_on_a_long_run_on_sentence():
    """Patterns run on every page view of an entry, in the web process: a pattern whose cost grows with the square
    of a sentence's length froze it (a review measured 15 minutes for 100,000 characters). Counted in steps, not
    timed: each pattern on inputs 4x apart must scale linearly, within a factor that leaves quadratic far behind."""
    import json
    import re
    import time

    from psychology.trap_eval import SETS

    patterns = [
        p for trap in json.loads((SETS.parent / "data" / "thinking_traps.json").read_text()) for p in trap["patterns"]
    ]

    def cost(pattern, n):
        probes = ["my x" + " " * n + "y", "he " + "is " * (n // 3), "i feel " * (n // 7), "a " * (n // 2)]
        start = time.perf_counter()
        for probe in probes:
            re.compile(pattern, re.IGNORECASE).search(probe)
        return time.perf_counter() - start

    slow = []
    for pattern in patterns:
        small, large = min(cost(pattern, 2_000) for _ in range(5)), min(cost(pattern, 8_000) for _ in range(5))
        if large > 0.05 and large / max(small, 1e-6) > 10:  # linear: ~4x and ~10 ms; quadratic: ~16x and seconds
            slow.append((pattern[:60], round(small, 4), round(large, 4)))
    assert slow == []

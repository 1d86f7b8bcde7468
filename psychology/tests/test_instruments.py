"""Scoring of the PHQ-9, GAD-7 and WHO-5 against worked examples, band edges and invalid answers (pure Python)."""

import pytest
from django.core.exceptions import ValidationError

from psychology.instruments import GAD7, INSTRUMENTS, PHQ9, WHO5, get_instrument


def answers_totalling(total: int, items: int, top: int = 3) -> list[int]:
    answers = []
    for _ in range(items):
        answers.append(min(top, total))
        total -= answers[-1]
    assert total == 0
    return answers


def test_published_item_counts_ranges_and_answer_labels():
    assert (len(PHQ9.items), PHQ9.max_score) == (9, 27)
    assert (len(GAD7.items), GAD7.max_score) == (7, 21)
    assert (len(WHO5.items), WHO5.max_score) == (5, 100)
    assert [label for _, label in PHQ9.options] == [
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    ]
    assert [v for v, _ in WHO5.options] == [5, 4, 3, 2, 1, 0]
    assert WHO5.options[0][1] == "All of the time" and WHO5.options[-1][1] == "At no time"
    assert PHQ9.items[8] == "Thoughts that you would be better off dead or of hurting yourself in some way"
    assert GAD7.items[0] == "Feeling nervous, anxious or on edge"
    assert WHO5.items[3] == "I woke up feeling fresh and rested"


@pytest.mark.parametrize(
    "answers,score,band",
    [
        ([0, 0, 0, 0, 0, 0, 0, 0, 0], 0, "minimal"),
        ([2, 1, 3, 0, 1, 2, 1, 0, 0], 10, "moderate"),  # a worked example: 2+1+3+0+1+2+1+0+0
        ([1, 1, 1, 1, 1, 1, 1, 1, 1], 9, "mild"),
        ([3, 3, 3, 3, 3, 3, 3, 3, 3], 27, "severe"),
    ],
)
def test_phq9_worked_examples(answers, score, band):
    assert PHQ9.score(answers) == (score, band)


@pytest.mark.parametrize(
    "total,band",
    [(4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
     (15, "moderately_severe"), (19, "moderately_severe"), (20, "severe"), (27, "severe")],
)  # fmt: skip
def test_phq9_band_edges(total, band):
    assert PHQ9.score(answers_totalling(total, 9)) == (total, band)


@pytest.mark.parametrize(
    "total,band",
    [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
     (15, "severe"), (21, "severe")],
)  # fmt: skip
def test_gad7_band_edges(total, band):
    assert GAD7.score(answers_totalling(total, 7)) == (total, band)


def test_gad7_worked_example():
    assert GAD7.score([1, 2, 1, 0, 3, 2, 1]) == (10, "moderate")


@pytest.mark.parametrize(
    "answers,percent,band",
    [
        ([5, 5, 5, 5, 5], 100, "not_low"),
        ([3, 3, 3, 2, 2], 52, "not_low"),  # raw 13: the lowest total above the 50% line
        ([3, 3, 2, 2, 2], 48, "low"),  # raw 12 -> 48%: below 50
        ([5, 5, 5, 5, 1], 84, "low"),  # high total, but one item answered 1
        ([5, 5, 5, 5, 0], 80, "low"),  # ... or 0
        ([2, 2, 2, 2, 2], 40, "low"),
        ([0, 0, 0, 0, 0], 0, "low"),
        ([4, 3, 2, 4, 3], 64, "not_low"),  # worked example: (4+3+2+4+3) x 4
    ],
)
def test_who5_percentage_and_low_wellbeing_rule(answers, percent, band):
    assert WHO5.score(answers) == (percent, band)


def test_bands_that_suggest_a_professional_start_at_moderate():
    assert PHQ9.professional_bands == {"moderate", "moderately_severe", "severe"}
    assert GAD7.professional_bands == {"moderate", "severe"}
    assert WHO5.professional_bands == {"low"}


def test_phq9_item_nine_above_zero_needs_crisis_resources():
    assert PHQ9.needs_crisis_resources([0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert not PHQ9.needs_crisis_resources([3, 3, 3, 3, 3, 3, 3, 3, 0])
    assert not GAD7.needs_crisis_resources([3] * 7)


@pytest.mark.parametrize(
    "instrument,answers,message",
    [
        ("phq9", [0] * 8, "PHQ-9 needs exactly 9 answers; got 8."),
        ("phq9", [0] * 10, "PHQ-9 needs exactly 9 answers; got 10."),
        ("gad7", [], "GAD-7 needs exactly 7 answers; got 0."),
        ("phq9", [0, 0, 4, 0, 0, 0, 0, 0, 0], "Answer 3 is 4; each answer must be an integer from 0 to 3."),
        ("gad7", [0, -1, 0, 0, 0, 0, 0], "Answer 2 is -1; each answer must be an integer from 0 to 3."),
        ("who5", [6, 0, 0, 0, 0], "Answer 1 is 6; each answer must be an integer from 0 to 5."),
        ("who5", [1, "2", 0, 0, 0], "Answer 2 must be an integer, not '2'."),
        ("who5", [1, 2, 1.5, 0, 0], "Answer 3 must be an integer, not 1.5."),
        ("gad7", [0, 0, 0, 0, 0, 0, None], "Answer 7 must be an integer, not None."),
        ("gad7", [True, 0, 0, 0, 0, 0, 0], "Answer 1 must be an integer, not True."),
        ("phq9", "000000000", "Send a list of integers, one answer per item."),
    ],
)
def test_invalid_answers_are_rejected_with_a_clear_message(instrument, answers, message):
    with pytest.raises(ValidationError) as caught:
        INSTRUMENTS[instrument].score(answers)
    assert caught.value.message_dict == {"answers": [message]}


@pytest.mark.parametrize("key", ["PANAS", "phq-9", "", None, 3])
def test_unknown_instruments_are_rejected(key):
    with pytest.raises(ValidationError) as caught:
        get_instrument(key)
    assert "instrument" in caught.value.message_dict

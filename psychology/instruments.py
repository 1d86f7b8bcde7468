"""The self-assessment questionnaires: published items, answer scales, scoring and bands. Pure Python.

Wording checked against published copies of each form (see psychology/README.md). They are shown here for
self-monitoring only: a score is not a diagnosis, and the pages say so.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

# Shared by the PHQ-9 and the GAD-7.
FREQUENCY_OPTIONS = ((0, "Not at all"), (1, "Several days"), (2, "More than half the days"), (3, "Nearly every day"))
WHO5_OPTIONS = (
    (5, "All of the time"),
    (4, "Most of the time"),
    (3, "More than half of the time"),
    (2, "Less than half of the time"),
    (1, "Some of the time"),
    (0, "At no time"),
)
PFIZER_CREDIT = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational "
    "grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute."
)


@dataclass(frozen=True)
class Instrument:
    key: str
    name: str
    title: str
    measures: str
    question: str
    items: tuple[str, ...]
    options: tuple[tuple[int, str], ...]
    bands: tuple[tuple[int, str, str], ...]  # (lowest score, key, label), ascending; ignored by WHO-5 scoring
    professional_bands: frozenset[str]
    credit: str
    multiplier: int = 1  # WHO-5 reports the raw 0-25 total times 4 (a 0-100 percentage)

    @property
    def min_answer(self) -> int:
        return min(value for value, _ in self.options)

    @property
    def max_answer(self) -> int:
        return max(value for value, _ in self.options)

    @property
    def max_score(self) -> int:
        return len(self.items) * self.max_answer * self.multiplier

    def band_label(self, band: str) -> str:
        return next((label for _, key, label in self.bands if key == band), band)

    def band_for(self, score: int, answers: list[int]) -> str:
        if self.key == "who5":
            # The WHO-5 guidance flags low wellbeing below 50%, or when any single item is answered 0 or 1.
            return "low" if score < 50 or any(a <= 1 for a in answers) else "not_low"
        return [key for lowest, key, _ in self.bands if score >= lowest][-1]

    def needs_crisis_resources(self, answers: list[int]) -> bool:
        """PHQ-9 item 9 asks about thoughts of death or self-harm; any answer above 0 shows crisis resources."""
        return self.key == "phq9" and len(answers) == 9 and answers[8] > 0

    def validate(self, answers) -> list[int]:
        """Return the answers if they fit this questionnaire; otherwise raise ValidationError on "answers"."""
        if not isinstance(answers, list | tuple):
            raise ValidationError({"answers": "Send a list of integers, one answer per item."})
        if len(answers) != len(self.items):
            raise ValidationError(
                {"answers": f"{self.name} needs exactly {len(self.items)} answers; got {len(answers)}."}
            )
        for position, value in enumerate(answers, start=1):
            # bool is an int subclass; True would silently count as 1.
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError({"answers": f"Answer {position} must be an integer, not {value!r}."})
            if not self.min_answer <= value <= self.max_answer:
                raise ValidationError(
                    {
                        "answers": f"Answer {position} is {value}; each answer must be an integer "
                        f"from {self.min_answer} to {self.max_answer}."
                    }
                )
        return list(answers)

    def score(self, answers) -> tuple[int, str]:
        """Validate and score: (total, band key). WHO-5's total is the 0-100 percentage."""
        answers = self.validate(answers)
        total = sum(answers) * self.multiplier
        return total, self.band_for(total, answers)


PHQ9 = Instrument(
    key="phq9",
    name="PHQ-9",
    title="Patient Health Questionnaire (PHQ-9)",
    measures="low mood",
    question="Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety "
        "or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    options=FREQUENCY_OPTIONS,
    bands=(
        (0, "minimal", "Minimal"),
        (5, "mild", "Mild"),
        (10, "moderate", "Moderate"),
        (15, "moderately_severe", "Moderately severe"),
        (20, "severe", "Severe"),
    ),
    professional_bands=frozenset({"moderate", "moderately_severe", "severe"}),
    credit=PFIZER_CREDIT,
)

GAD7 = Instrument(
    key="gad7",
    name="GAD-7",
    title="Generalized Anxiety Disorder scale (GAD-7)",
    measures="anxiety",
    question="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ),
    options=FREQUENCY_OPTIONS,
    bands=((0, "minimal", "Minimal"), (5, "mild", "Mild"), (10, "moderate", "Moderate"), (15, "severe", "Severe")),
    professional_bands=frozenset({"moderate", "severe"}),
    credit=PFIZER_CREDIT,
)

WHO5 = Instrument(
    key="who5",
    name="WHO-5",
    title="WHO-5 Well-Being Index",
    measures="wellbeing",
    question="Please indicate for each of the five statements which is closest to how you have been feeling over "
    "the last two weeks. Notice that higher numbers mean better well-being.",
    items=(
        "I have felt cheerful and in good spirits",
        "I have felt calm and relaxed",
        "I have felt active and vigorous",
        "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me",
    ),
    options=WHO5_OPTIONS,
    bands=((0, "low", "Low wellbeing"), (50, "not_low", "No sign of low wellbeing")),
    professional_bands=frozenset({"low"}),
    credit="Psychiatric Research Unit, WHO Collaborating Center for Mental Health, Frederiksborg General Hospital, "
    "Hillerød, Denmark.",
    multiplier=4,
)

INSTRUMENTS: dict[str, Instrument] = {i.key: i for i in (PHQ9, GAD7, WHO5)}


def get_instrument(key) -> Instrument:
    """The questionnaire for a key, or ValidationError on "instrument"."""
    if not isinstance(key, str) or key not in INSTRUMENTS:
        raise ValidationError(
            {"instrument": f"Unknown instrument {key!r}; choose one of {', '.join(sorted(INSTRUMENTS))}."}
        )
    return INSTRUMENTS[key]

from django import forms

from .instruments import Instrument
from .models import Verdict


class AssessmentForm(forms.Form):
    """One radio group per questionnaire item, in the published order and with the published answer labels."""

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        for number, item in enumerate(instrument.items, start=1):
            self.fields[f"item_{number}"] = forms.TypedChoiceField(
                label=f"{number}. {item}",
                choices=[(value, label) for value, label in instrument.options],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Please choose an answer for this item."},
            )

    @property
    def answers(self) -> list[int]:
        return [self.cleaned_data[f"item_{n}"] for n in range(1, len(self.instrument.items) + 1)]


class FeedbackForm(forms.Form):
    technique = forms.SlugField()
    verdict = forms.ChoiceField(choices=Verdict.choices)

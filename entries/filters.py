"""One filter set for the journal page and the API: topic, tag, mood, favourite, date range, text."""

import django_filters
from django import forms

from ml_models.registry import EMOTION_LABELS

from .models import AnalysisStatus, Entry, Mood, Topic
from .selectors import text_search
from .text_config import search_config_for

EMOTION_CHOICES = [(label, label.capitalize()) for label in EMOTION_LABELS]


class EntryFilterForm(forms.Form):
    """A range whose end comes before its start is a mistake to point out, not a reason to show nothing."""

    RANGES = (
        ("date_from", "date_to", "The end date is before the start date."),
        ("sentiment_min", "sentiment_max", "The upper bound is below the lower bound."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "mood" in self.fields:
            # What a browser sends when no mood is picked; without it the select showed "Awful" first and every
            # Apply or Search filtered to mood 1. (Only the page's select: the API's schema lists the moods.)
            self.fields["mood"].choices = [("", "Any mood"), *self.fields["mood"].choices]

    def clean(self):
        data = super().clean()
        for low, high, message in self.RANGES:
            if data.get(low) is not None and data.get(high) is not None and data[low] > data[high]:
                self.add_error(high, message)
        return data


def any_filter_set(params, *, besides=("page",)) -> bool:
    """Whether a query string sets a filter (not just blank fields, a page number or the `besides` keys)."""
    return any(value.strip() for key, value in params.items() if key not in besides)


class StarredCheckbox(forms.CheckboxInput):
    """A checkbox on the page; over the API also "0", "no" and "off" mean false (Django reads any other word,
    "0" included, as a ticked box, so ?favourite=0 returned only the starred entries)."""

    FALSE = {"", "0", "false", "no", "off"}

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        return value.strip().lower() not in self.FALSE if isinstance(value, str) else bool(value)


class EntryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Search", max_length=500)
    topic = django_filters.ModelChoiceFilter(queryset=Topic.objects.none(), label="Topic")
    tag = django_filters.CharFilter(field_name="tags", lookup_expr="contains", method="filter_tag", max_length=50)
    mood = django_filters.TypedChoiceFilter(choices=Mood.choices, coerce=int, empty_value=None)
    favourite = django_filters.BooleanFilter(method="filter_favourite", widget=StarredCheckbox, label="Starred only")
    date_from = django_filters.DateFilter(
        field_name="entry_date", lookup_expr="gte", widget=forms.DateInput(attrs={"type": "date"}), label="From"
    )
    date_to = django_filters.DateFilter(
        field_name="entry_date", lookup_expr="lte", widget=forms.DateInput(attrs={"type": "date"}), label="To"
    )

    # The analysis filters read only analyses of the text as it stands: an entry edited since keeps its old
    # emotion and score until the new analysis lands (or for good, if it failed), and matched "joy" meanwhile.
    emotion = django_filters.ChoiceFilter(
        field_name="dominant_emotion", choices=EMOTION_CHOICES, label="Emotion", method="filter_emotion"
    )
    sentiment_min = django_filters.NumberFilter(
        field_name="sentiment_score", lookup_expr="gte", min_value=-1, max_value=1, label="Sentiment from",
        method="filter_sentiment_min",
    )  # fmt: skip
    sentiment_max = django_filters.NumberFilter(
        field_name="sentiment_score", lookup_expr="lte", min_value=-1, max_value=1, label="Sentiment to",
        method="filter_sentiment_max",
    )  # fmt: skip

    class Meta:
        model = Entry
        form = EntryFilterForm
        fields = ["q", "topic", "tag", "mood", "favourite", "date_from", "date_to", "emotion"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user or getattr(self.request, "user", None)
        if self.user is not None and self.user.is_authenticated:
            self.filters["topic"].queryset = Topic.objects.filter(user=self.user)

    def filter_q(self, queryset, name, value):
        # The page passes user=, the API passes request=: either way, words are parsed in the writer's language.
        config = search_config_for(getattr(self.user, "language", None))
        return text_search(queryset, value, config) if value.strip() else queryset

    def filter_favourite(self, queryset, name, value):
        # An unticked box means "all entries", not "only unstarred ones".
        return queryset.filter(is_favourite=True) if value else queryset

    def filter_emotion(self, queryset, name, value):
        return queryset.filter(dominant_emotion=value, analysis_status=AnalysisStatus.DONE)

    def filter_sentiment_min(self, queryset, name, value):
        return queryset.filter(sentiment_score__gte=value, analysis_status=AnalysisStatus.DONE)

    def filter_sentiment_max(self, queryset, name, value):
        return queryset.filter(sentiment_score__lte=value, analysis_status=AnalysisStatus.DONE)

    def filter_tag(self, queryset, name, value):
        return queryset.filter(tags__contains=[value.strip().lstrip("#").lower()])

"""Response shapes of /api/v1/insights/ (output only; they document the schema and fix the field types)."""

from rest_framework import serializers

from insights.periods import DEFAULT_PERIOD, PERIOD_CHOICES


def _num(**kw):
    return serializers.FloatField(allow_null=True, **kw)


class PeriodQuerySerializer(serializers.Serializer):
    period = serializers.ChoiceField(
        choices=PERIOD_CHOICES,
        default=DEFAULT_PERIOD,
        help_text="Days ending today in the user's time zone: week 7, month 30, quarter 90, year 365; all: everything.",
    )


class WindowSerializer(serializers.Serializer):
    period = serializers.CharField()
    start = serializers.DateField(allow_null=True, help_text="null for all time")
    end = serializers.DateField()
    entries_url = serializers.CharField(help_text="The journal page filtered to these dates.")


class VolumeSerializer(serializers.Serializer):
    entries = serializers.IntegerField()
    words = serializers.IntegerField()
    average_words = _num()
    days_written = serializers.IntegerField()
    analysed = serializers.IntegerField()
    average_sentiment = _num()


class SlopeSerializer(serializers.Serializer):
    n = serializers.IntegerField(help_text="Analysed entries in the fit.")
    slope_per_week = _num(help_text="Change in sentiment (-1..1 scale) per week, least squares.")
    ci_low = _num(help_text="95% confidence interval, per week.")
    ci_high = _num()
    p_value = _num(help_text="Two-sided, against a slope of zero.")
    r_squared = _num()
    direction = serializers.ChoiceField(choices=["rising", "falling", "unclear", "insufficient"])
    entries_url = serializers.CharField()


class StreakSerializer(serializers.Serializer):
    suppressed = serializers.BooleanField(help_text="Hidden while the latest entry is crisis-flagged.")
    current = serializers.IntegerField(allow_null=True)
    longest = serializers.IntegerField(allow_null=True)
    current_start = serializers.DateField(allow_null=True, required=False)
    current_end = serializers.DateField(allow_null=True, required=False)
    longest_start = serializers.DateField(allow_null=True, required=False)
    longest_end = serializers.DateField(allow_null=True, required=False)
    current_url = serializers.CharField(allow_null=True, required=False)
    longest_url = serializers.CharField(allow_null=True, required=False)


class StreaksSerializer(StreakSerializer):
    today = serializers.DateField(help_text="Today in the user's time zone.")


class MoodLevelSerializer(serializers.Serializer):
    mood = serializers.IntegerField()
    label = serializers.CharField()
    average_sentiment = _num()
    entries = serializers.IntegerField()
    entries_url = serializers.CharField()


class MoodSerializer(serializers.Serializer):
    levels = MoodLevelSerializer(many=True)
    correlation = _num(help_text="Pearson r between mood and sentiment.")
    p_value = _num()
    entries = serializers.IntegerField()


class TopicStatSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    colour = serializers.CharField()
    entries = serializers.IntegerField()
    analysed = serializers.IntegerField()
    average_sentiment = _num()
    entries_url = serializers.CharField()


class TagStatSerializer(serializers.Serializer):
    name = serializers.CharField()
    entries = serializers.IntegerField()
    analysed = serializers.IntegerField()
    average_sentiment = _num()
    entries_url = serializers.CharField()


class WeekdaySerializer(serializers.Serializer):
    weekday = serializers.IntegerField(help_text="ISO: 1 is Monday.")
    name = serializers.CharField()
    average_sentiment = _num()
    entries = serializers.IntegerField()


class WeekdaysSerializer(serializers.Serializer):
    days = WeekdaySerializer(many=True)
    best = serializers.CharField(allow_null=True)
    worst = serializers.CharField(allow_null=True)
    min_entries = serializers.IntegerField()


class EntryRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    entry_date = serializers.DateField()
    url = serializers.CharField()


class SimilarSerializer(serializers.Serializer):
    entry = EntryRefSerializer()
    similar = EntryRefSerializer()
    similarity = serializers.FloatField(help_text="Cosine similarity of the embeddings.")


class SummarySerializer(serializers.Serializer):
    window = WindowSerializer()
    today = serializers.DateField()
    volume = VolumeSerializer()
    slope = SlopeSerializer()
    streak = StreakSerializer()
    mood = MoodSerializer()
    topics = TopicStatSerializer(many=True)
    tags = TagStatSerializer(many=True)
    weekdays = WeekdaysSerializer()
    most_similar = SimilarSerializer(allow_null=True)
    crisis_flagged_latest = serializers.BooleanField()


class TrendBucketSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
    average_sentiment = _num()
    entries = serializers.IntegerField()
    entries_url = serializers.CharField()
    rolling_average = _num(required=False, help_text="Daily only: entry-weighted mean of the 7 days up to this one.")
    rolling_entries = serializers.IntegerField(required=False)


class TrendsSerializer(serializers.Serializer):
    window = WindowSerializer()
    grain = serializers.CharField(help_text="The series the dashboard draws for this period.")
    daily = TrendBucketSerializer(many=True)
    weekly = TrendBucketSerializer(many=True)
    monthly = TrendBucketSerializer(many=True)
    slope = SlopeSerializer()


class EmotionSerializer(serializers.Serializer):
    label = serializers.CharField()
    share = _num(help_text="Mean probability over analysed entries.")
    previous_share = _num()
    change = _num()
    dominant_entries = serializers.IntegerField()
    previous_dominant_entries = serializers.IntegerField(allow_null=True)


class EmotionsSerializer(serializers.Serializer):
    window = WindowSerializer()
    previous_window = WindowSerializer(allow_null=True)
    analysed = serializers.IntegerField()
    previous_analysed = serializers.IntegerField(allow_null=True)
    emotions = EmotionSerializer(many=True)


class HeatmapDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    entries = serializers.IntegerField()


class HeatmapMonthSerializer(serializers.Serializer):
    month = serializers.DateField()
    entries = serializers.IntegerField()
    entries_url = serializers.CharField()


class HeatmapSerializer(serializers.Serializer):
    suppressed = serializers.BooleanField(
        default=False,  # reports cached before the field existed
        help_text="Hidden while the latest entry is crisis-flagged, like the streak: counts are null, days empty.",
    )
    start = serializers.DateField()
    end = serializers.DateField()
    total = serializers.IntegerField(allow_null=True)
    days_written = serializers.IntegerField(allow_null=True)
    max = serializers.IntegerField(allow_null=True)
    days = HeatmapDaySerializer(many=True, help_text="Days with at least one entry.")
    months = HeatmapMonthSerializer(many=True)


class OnThisDayEntrySerializer(EntryRefSerializer):
    years_ago = serializers.IntegerField()


class OnThisDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    entries = OnThisDayEntrySerializer(many=True)


class WeeklyEntrySerializer(EntryRefSerializer):
    mood = serializers.IntegerField(allow_null=True)
    mood_label = serializers.CharField(allow_null=True)
    sentiment_score = _num()
    sentiment_label = serializers.CharField(allow_blank=True)
    dominant_emotion = serializers.CharField(allow_blank=True)
    highlight = serializers.CharField(
        allow_null=True, help_text="A sentence copied from the entry; null if crisis-flagged."
    )


class ArcDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    entries = serializers.IntegerField()
    average_mood = _num()
    average_sentiment = _num()
    entries_url = serializers.CharField()


class NamedCountSerializer(serializers.Serializer):
    name = serializers.CharField()
    entries = serializers.IntegerField()


class LabelCountSerializer(serializers.Serializer):
    label = serializers.CharField()
    entries = serializers.IntegerField()


class WeeklySerializer(serializers.Serializer):
    window = WindowSerializer()
    entries = WeeklyEntrySerializer(many=True)
    arc = ArcDaySerializer(many=True)
    emotions = LabelCountSerializer(many=True)
    topics = NamedCountSerializer(many=True)
    tags = NamedCountSerializer(many=True)
    prompts = serializers.ListField(child=serializers.CharField())
    crisis_flagged_latest = serializers.BooleanField()

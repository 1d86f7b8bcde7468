"""GET-only insight endpoints for the signed-in user (session or JWT); each returns one cached report section."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from insights import reports

from . import serializers as s

PERIOD = [s.PeriodQuerySerializer]


class _SectionView(APIView):
    section: str
    response_serializer: type
    uses_period = False

    def section_response(self, request) -> Response:
        period = None
        if self.uses_period:
            query = s.PeriodQuerySerializer(data=request.query_params)
            query.is_valid(raise_exception=True)  # 400 {"period": [...]} for an unknown period
            period = query.validated_data["period"]
        return Response(self.response_serializer(reports.section(request.user, self.section, period)).data)


class SummaryView(_SectionView):
    """Headline numbers for a period: volume, trend slope, streak, mood vs. sentiment, topics, tags, weekdays."""

    section, response_serializer, uses_period = "summary", s.SummarySerializer, True

    @extend_schema(parameters=PERIOD, responses=s.SummarySerializer, tags=["insights"])
    def get(self, request):
        return self.section_response(request)


class TrendsView(_SectionView):
    """Mean analysed sentiment per day (with a 7-day rolling mean), ISO week and month, plus the trend slope."""

    section, response_serializer, uses_period = "trends", s.TrendsSerializer, True

    @extend_schema(parameters=PERIOD, responses=s.TrendsSerializer, tags=["insights"])
    def get(self, request):
        return self.section_response(request)


class EmotionsView(_SectionView):
    """Emotion distribution over the period and its change against the previous period of the same length."""

    section, response_serializer, uses_period = "emotions", s.EmotionsSerializer, True

    @extend_schema(parameters=PERIOD, responses=s.EmotionsSerializer, tags=["insights"])
    def get(self, request):
        return self.section_response(request)


class StreaksView(_SectionView):
    """Current and longest writing streaks in the user's time zone (hidden after a crisis-flagged entry)."""

    section, response_serializer = "streaks", s.StreaksSerializer

    @extend_schema(responses=s.StreaksSerializer, tags=["insights"])
    def get(self, request):
        return self.section_response(request)


class HeatmapView(_SectionView):
    """Entries per day over the last year, in whole weeks ending today (hidden after a crisis-flagged entry)."""

    section, response_serializer = "heatmap", s.HeatmapSerializer

    @extend_schema(responses=s.HeatmapSerializer, tags=["insights"])
    def get(self, request):
        return self.section_response(request)


class OnThisDayView(_SectionView):
    """Entries written on today's month and day in earlier years."""

    section, response_serializer = "on_this_day", s.OnThisDaySerializer

    @extend_schema(responses=s.OnThisDaySerializer, tags=["insights"])
    def get(self, request):
        return self.section_response(request)


class WeeklyView(_SectionView):
    """The last 7 days: entries with a quoted highlight, mood arc, emotions, topics, tags and prompts."""

    section, response_serializer = "weekly", s.WeeklySerializer

    @extend_schema(responses=s.WeeklySerializer, tags=["insights"])
    def get(self, request):
        return self.section_response(request)

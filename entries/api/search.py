from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response
from rest_framework.views import APIView

from entries import selectors
from entries.filters import EntryFilter
from entries.search import CANDIDATES, MAX_QUERY_CHARS, MODES, run_search, similar_entries
from entries.text_config import search_config_for

PAGE_SIZE = 20
# Hybrid search fuses up to CANDIDATES word matches and CANDIDATES meaning matches: every hit `count` reports can be
# paged to, as on the search page.
MAX_PAGES = -(-2 * CANDIDATES // PAGE_SIZE)


class EntrySummarySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField(source="display_title")
    entry_date = serializers.DateField()
    topic = serializers.IntegerField(source="topic_id", allow_null=True)
    tags = serializers.ListField(child=serializers.CharField())
    # The analysis of the text as it stands: empty while an edit's analysis is pending or after it failed.
    sentiment_label = serializers.SerializerMethodField()
    dominant_emotion = serializers.SerializerMethodField()

    def get_sentiment_label(self, entry) -> str:
        return entry.sentiment_label if entry.is_analysed else ""

    def get_dominant_emotion(self, entry) -> str:
        return entry.dominant_emotion if entry.is_analysed else ""


class HitSerializer(serializers.Serializer):
    entry = EntrySummarySerializer()
    score = serializers.FloatField()
    snippet = serializers.CharField(help_text="HTML-escaped text with <mark> around matched words.")
    text_rank = serializers.IntegerField(allow_null=True)
    semantic_rank = serializers.IntegerField(allow_null=True)


class SearchParamsSerializer(serializers.Serializer):
    q = serializers.CharField(max_length=MAX_QUERY_CHARS, trim_whitespace=True)
    mode = serializers.ChoiceField(choices=MODES, default="hybrid")
    page = serializers.IntegerField(min_value=1, max_value=MAX_PAGES, default=1)


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    mode = serializers.CharField()
    notice = serializers.CharField()
    results = HitSerializer(many=True)


class SearchView(APIView):
    """Search the signed-in user's entries by words, meaning or both (reciprocal rank fusion)."""

    @extend_schema(
        parameters=[
            SearchParamsSerializer,
            *[
                OpenApiParameter(name, OpenApiTypes.STR, required=False)
                for name in (
                    "topic",
                    "tag",
                    "mood",
                    "date_from",
                    "date_to",
                    "emotion",
                    "sentiment_min",
                    "sentiment_max",
                )
            ],
        ],
        responses=SearchResponseSerializer,
    )
    def get(self, request):
        params = SearchParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = request.query_params.copy()
        data.pop("q", None)
        entry_filter = EntryFilter(data, queryset=selectors.entries_for(request.user), request=request)
        if not entry_filter.is_valid():
            raise ValidationError(entry_filter.errors)
        config = search_config_for(request.user.language)
        q, mode = params.validated_data["q"], params.validated_data["mode"]
        result = run_search(entry_filter.qs, q, mode, config=config, user_id=request.user.pk)
        page = params.validated_data["page"]
        hits = result.hits[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        body = {"count": len(result.hits), "page": page, "mode": result.mode, "notice": result.notice, "results": hits}
        return Response(SearchResponseSerializer(body).data)


class SimilarHitSerializer(serializers.Serializer):
    entry = EntrySummarySerializer()
    similarity = serializers.FloatField(source="score")


class SimilarEntriesView(APIView):
    """Entries of the same user nearest in meaning to this one (empty until it is analysed)."""

    @extend_schema(
        parameters=[OpenApiParameter("k", OpenApiTypes.INT, required=False, description="1-20, default 5")],
        responses=SimilarHitSerializer(many=True),
    )
    def get(self, request, pk: int):
        entry = get_object_or_404(selectors.entries_for(request.user), pk=pk)
        try:
            k = int(request.query_params.get("k", 5))
        except ValueError:
            raise ValidationError({"k": ["k must be a whole number from 1 to 20."]}) from None
        if not 1 <= k <= 20:
            raise ValidationError({"k": ["k must be a whole number from 1 to 20."]})
        hits = similar_entries(entry, selectors.entries_for(request.user), k=k)
        return Response(SimilarHitSerializer(hits, many=True).data)

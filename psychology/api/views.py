"""Wellbeing API. Entries and results are only ever fetched through the signed-in user's own querysets."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from entries.selectors import entries_for
from psychology import selectors, services
from psychology.matching import support_for
from psychology.models import AssessmentResult, Technique
from psychology.prompts import prompts_for

from .serializers import (
    AssessmentInputSerializer,
    AssessmentResultSerializer,
    EntrySupportSerializer,
    FeedbackInputSerializer,
    FeedbackSerializer,
    PromptSerializer,
    TechniqueSerializer,
)


class EntrySuggestionsView(APIView):
    """Techniques suggested for one of your entries, with why, and likely thinking traps quoting your sentences.

    A crisis-flagged entry returns crisis resources for your country (or the international default) instead.
    """

    @extend_schema(responses=EntrySupportSerializer)
    def get(self, request, pk: int):
        entry = get_object_or_404(entries_for(request.user), pk=pk)
        support = support_for(entry, request.user)
        data = EntrySupportSerializer(
            {
                "entry": entry.pk,
                "status": support.status,
                "suggestions": support.suggestions,
                "traps": support.traps,
                "resources": support.resources,
            }
        ).data
        return Response(data)


class EntrySuggestionFeedbackView(APIView):
    """Say whether a suggested technique helped. Dismissed ones are not suggested for this entry again."""

    @extend_schema(request=FeedbackInputSerializer, responses={200: FeedbackSerializer})
    def post(self, request, pk: int):
        entry = get_object_or_404(entries_for(request.user), pk=pk)
        given = FeedbackInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        technique = selectors.active_techniques().filter(slug=given.validated_data["technique"]).first()
        if technique is None:
            raise serializers.ValidationError({"technique": ["Unknown technique."]})
        feedback = services.record_feedback(
            user=request.user, entry=entry, technique=technique, verdict=given.validated_data["verdict"]
        )
        return Response(FeedbackSerializer(feedback).data, status=status.HTTP_200_OK)


class TechniqueListView(generics.ListAPIView):
    """The knowledge base of self-help techniques, each with its sources. Filter with ?family=."""

    serializer_class = TechniqueSerializer
    filterset_fields = ["family"]

    def get_queryset(self):
        return selectors.active_techniques().order_by("family", "name")


class TechniqueDetailView(generics.RetrieveAPIView):
    serializer_class = TechniqueSerializer
    lookup_field = "slug"
    filterset_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Technique.objects.none()
        return selectors.active_techniques()


class PromptListView(APIView):
    """Personalised writing prompts for today (look-backs, recent themes), never drawn from flagged entries."""

    @extend_schema(responses=inline_serializer("Prompts", {"prompts": PromptSerializer(many=True)}))
    def get(self, request):
        prompts = [p.as_dict() for p in prompts_for(request.user)]
        return Response({"prompts": PromptSerializer(prompts, many=True).data})


class AssessmentListCreateView(generics.ListCreateAPIView):
    """Your PHQ-9, GAD-7 and WHO-5 results (newest first); POST answers to score and keep a new one.

    Self-monitoring only, not a diagnosis. A PHQ-9 with item 9 above 0 also returns crisis resources.
    """

    serializer_class = AssessmentResultSerializer
    filterset_fields = ["instrument"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AssessmentResult.objects.none()
        return selectors.assessments_for(self.request.user)

    @extend_schema(request=AssessmentInputSerializer, responses={201: AssessmentResultSerializer})
    def post(self, request, *args, **kwargs):
        given = AssessmentInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        result = services.record_assessment(user=request.user, **given.validated_data)
        data = AssessmentResultSerializer(result, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)


class AssessmentDetailView(generics.RetrieveAPIView):
    serializer_class = AssessmentResultSerializer
    filterset_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AssessmentResult.objects.none()
        return selectors.assessments_for(self.request.user)

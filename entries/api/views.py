from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.generics import get_object_or_404  # non-numeric ids answer 404, not 500
from rest_framework.response import Response

from entries import selectors, services
from entries.filters import EntryFilter
from entries.models import Entry, Topic

from .serializers import EntrySerializer, TopicSerializer

TRASHED = OpenApiParameter(
    "trashed", OpenApiTypes.BOOL, required=False, description="1: the trash instead (ids for restore and purge)"
)


def _trashed_param(value: str | None) -> bool:
    """?trashed as the schema's boolean: 1/true/yes/on or 0/false/no/off, any case; anything else is a 400."""
    word = (value or "").strip().lower()
    if word in {"", "0", "false", "no", "off"}:
        return False
    if word in {"1", "true", "yes", "on"}:
        return True
    raise ValidationError({"trashed": ["Use 1 for the trash or 0 for the journal."]})


class EntryChanged(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "entry_changed"

    def __init__(self, current: Entry):
        super().__init__(
            f"The entry was saved since the version you sent If-Match for; nothing was changed. Its ETag is now "
            f"{_etag(current)}: GET it again, or send that ETag to replace it."
        )


def _etag(entry: Entry) -> str:
    return f'"{entry.revision}"'


def _if_match(request, entry: Entry) -> str | None:
    """The revision an If-Match header names (None without one, or for "*"): a write from a client that read an
    older version is refused with 412 rather than overwriting what was saved meanwhile."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    if entry.revision in (t.strip().removeprefix("W/").strip('"') for t in header.split(",")):
        return entry.revision  # checked again, locked, by the service
    raise EntryChanged(entry)


IF_MATCH = OpenApiParameter(
    "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
    description="The ETag of the version being edited (from GET): 412 if the entry was saved since.",
)  # fmt: skip


@extend_schema_view(
    list=extend_schema(parameters=[TRASHED]),
    retrieve=extend_schema(parameters=[TRASHED]),
    update=extend_schema(parameters=[IF_MATCH]),
    partial_update=extend_schema(parameters=[IF_MATCH]),
)
class EntryViewSet(viewsets.ModelViewSet):
    """Journal entries of the signed-in user. DELETE moves an entry to the trash; see restore and purge."""

    serializer_class = EntrySerializer
    filterset_class = EntryFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Entry.objects.none()
        # ?trashed=1 shows the trash; it never lets an edit or a second delete through to a trashed entry (a delete
        # would restart its 30-day clock).
        reading = self.action in {"list", "retrieve"} and _trashed_param(self.request.query_params.get("trashed"))
        trashed = self.action in {"restore", "purge"} or reading
        return selectors.entries_for(self.request.user, trashed=trashed)

    def perform_create(self, serializer):
        serializer.instance = services.create_entry(user=self.request.user, **serializer.validated_data)

    def retrieve(self, request, *args, **kwargs):
        entry = self.get_object()
        return Response(self.get_serializer(entry).data, headers={"ETag": _etag(entry)})

    def update(self, request, *args, **kwargs):
        response = super().update(request, *args, **kwargs)
        response["ETag"] = _etag(self.updated)
        return response

    def perform_update(self, serializer):
        expected = _if_match(self.request, serializer.instance)
        try:
            serializer.instance = self.updated = services.update_entry(
                entry=serializer.instance, expected_revision=expected, **serializer.validated_data
            )
        except services.EditConflict as conflict:
            raise EntryChanged(conflict.current) from conflict

    def perform_destroy(self, instance):
        services.trash_entry(entry=instance)

    @extend_schema(request=None, responses=EntrySerializer)
    @action(detail=True, methods=["post"])
    def restore(self, request, pk=None, **kwargs):  # kwargs: format, from the .json suffix routes
        entry = services.restore_entry(entry=self.get_object())
        return Response(self.get_serializer(entry).data)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"])
    def purge(self, request, pk=None, **kwargs):
        services.purge_entry(entry=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


class TopicViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Topics of the signed-in user; names are unique per user (case-insensitive)."""

    serializer_class = TopicSerializer
    filterset_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Topic.objects.none()
        return Topic.objects.filter(user=self.request.user)

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def perform_create(self, serializer):
        serializer.instance = services.create_topic(user=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.update_topic(topic=serializer.instance, **serializer.validated_data)

    def perform_destroy(self, instance):
        services.delete_topic(topic=instance)

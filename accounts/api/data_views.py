"""API of My data: imports (upload, follow, confirm), the export zip, and deleting the account."""

import tempfile

from django.contrib.auth import logout
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import generics, renderers, serializers, status
from rest_framework.exceptions import Throttled
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import lockout
from accounts.portability.delete import confirmation_errors, delete_account
from accounts.portability.export import export_filename, write_export
from accounts.portability.uploads import TOO_LARGE_MESSAGE, declared_too_large, limit_uploads
from entries.importers import FORMAT_CHOICES
from entries.importing import services as imports
from entries.importing.selectors import import_jobs_for, job_state
from entries.models_portability import ImportJob


class ImportJobSerializer(serializers.Serializer):
    """An import job as the progress page shows it (see entries.importing.selectors.job_state)."""

    id = serializers.IntegerField()
    filename = serializers.CharField()
    format = serializers.CharField()
    dry_run = serializers.BooleanField()
    status = serializers.ChoiceField(choices=ImportJob.Status.choices)
    status_label = serializers.CharField()
    finished = serializers.BooleanField()
    processed_bytes = serializers.IntegerField()
    total_bytes = serializers.IntegerField()
    percent = serializers.IntegerField()
    report = serializers.JSONField(allow_null=True, help_text="new, duplicate, skipped, reasons[], stopped, format")
    error = serializers.CharField()
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)

    def to_representation(self, instance):
        return job_state(instance)


class ImportCreateSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=TOO_LARGE_MESSAGE)
    format = serializers.ChoiceField(choices=FORMAT_CHOICES, default="auto")
    dry_run = serializers.BooleanField(default=True, help_text="Only count; confirm the job to import for real.")


class ImportListCreateView(generics.ListAPIView):
    """Your import jobs, newest first; POST a file (multipart) to preview (dry_run) or import it."""

    serializer_class = ImportJobSerializer
    parser_classes = [MultiPartParser, FormParser]

    def initialize_request(self, request, *args, **kwargs):
        # Before authentication: the session CSRF check reads the body, and the size check must see it first.
        self.size_check = limit_uploads(request) if request.method == "POST" else None
        return super().initialize_request(request, *args, **kwargs)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ImportJob.objects.none()
        return import_jobs_for(self.request.user)

    @extend_schema(request=ImportCreateSerializer, responses={202: ImportJobSerializer})
    def post(self, request):
        if declared_too_large(request) or self.size_check.exceeded:
            return Response({"file": [TOO_LARGE_MESSAGE]}, status=status.HTTP_400_BAD_REQUEST)
        incoming = ImportCreateSerializer(data=request.data)
        if self.size_check.exceeded:
            return Response({"file": [TOO_LARGE_MESSAGE]}, status=status.HTTP_400_BAD_REQUEST)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        job = imports.start_import(user=request.user, upload=data["file"], fmt=data["format"], dry_run=data["dry_run"])
        return Response(job_state(job), status=status.HTTP_202_ACCEPTED)


class ImportDetailView(generics.RetrieveAPIView):
    """One import job: its progress while it runs, its report when finished."""

    serializer_class = ImportJobSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ImportJob.objects.none()
        return import_jobs_for(self.request.user)


class ImportConfirmView(APIView):
    """Import for real the file of a finished preview (a job with status "previewed")."""

    @extend_schema(request=None, responses={202: ImportJobSerializer})
    def post(self, request, pk: int):
        job = get_object_or_404(import_jobs_for(request.user), pk=pk)
        imports.confirm_import(job=job)
        return Response(job_state(job), status=status.HTTP_202_ACCEPTED)


class ZipRenderer(renderers.BaseRenderer):
    """Lets a client ask for the zip it gets (Accept: application/zip). Never renders anything itself: the view
    answers with a FileResponse, and errors with JSON (ExportView.handle_exception)."""

    media_type, format, charset, render_style = "application/zip", "zip", None, "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        raise NotImplementedError("the export streams its zip as a FileResponse")


class ExportView(APIView):
    """Everything of yours as one zip (entries.json, Markdown files, analysis.json, assessments.json)."""

    renderer_classes = [renderers.JSONRenderer, ZipRenderer]

    def handle_exception(self, exc):
        self.request.accepted_renderer = renderers.JSONRenderer()  # an error is JSON, never labelled a zip
        self.request.accepted_media_type = "application/json"
        return super().handle_exception(exc)

    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY})
    def get(self, request):
        spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes (and so deletes) it when sent
        write_export(user=request.user, fileobj=spool)
        spool.seek(0)
        return FileResponse(
            spool, as_attachment=True, filename=export_filename(request.user), content_type="application/zip"
        )


ACCOUNT_DELETE = inline_serializer(
    "AccountDelete", {"username": serializers.CharField(), "password": serializers.CharField()}
)


class AccountDeleteView(APIView):
    """Delete your account and all of its data, for good. The body repeats your username and password.

    DELETE with that body, or POST it to /me/account/delete/ (OpenAPI tools drop bodies of DELETE requests)."""

    @extend_schema(request=ACCOUNT_DELETE, responses={204: None})
    def post(self, request):
        return self.delete(request)

    @extend_schema(request=ACCOUNT_DELETE, responses={204: None})
    def delete(self, request):
        data = request.data if hasattr(request.data, "get") else {}
        ip = lockout.client_ip(request)
        if lockout.is_locked(request.user.username, ip):
            raise Throttled(detail=lockout.LOCKED_MESSAGE, wait=lockout.retry_after())
        errors = confirmation_errors(
            user=request.user, username=str(data.get("username", "")), password=str(data.get("password", "")), ip=ip
        )
        if errors:
            return Response({field: [message] for field, message in errors.items()}, status=400)
        delete_account(user=request.user)
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)

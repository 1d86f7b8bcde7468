"""DRF exception handler: Django validation errors become 400s with field messages, a database outage a 503 with
Retry-After (journaling.outages); never 500s."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback


def exception_handler(exc, context):
    from .outages import is_database_outage, unavailable_response

    if is_database_outage(exc):
        set_rollback()  # an ATOMIC_REQUESTS transaction, if any, must not commit half a request
        return unavailable_response(context["request"], exc)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    return drf_exception_handler(exc, context)

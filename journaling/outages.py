"""A database that is briefly away (restart, failover, every pooled connection busy) answers 503 with Retry-After,
never a 500: clients and people are told to try again, and nothing half-saved is reported as saved."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5
MESSAGE = "The journal's database is briefly unavailable. Nothing was lost; please try again in a few seconds."
_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Back in a moment · Journaling</title></head>'
    "<body><main><h1>Back in a moment</h1><p>{message}</p></main></body></html>"
)


def _unavailable_errors() -> tuple[type[BaseException], ...]:
    from psycopg_pool import PoolTimeout

    return OperationalError, InterfaceError, PoolTimeout


def is_database_outage(exc: BaseException) -> bool:
    return isinstance(exc, _unavailable_errors())


def unavailable_response(request, exc: BaseException) -> HttpResponse:
    logger.warning("database unavailable on %s %s: %s", request.method, request.path, exc)
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": MESSAGE}, status=503)
    else:  # a standalone page: the site's base template reads the session and the user, i.e. the database
        response = HttpResponse(_PAGE.format(message=MESSAGE), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return unavailable_response(request, exception)
        return None

"""A database that is briefly away (restart, failover, every pooled connection busy) answers 503 with Retry-After,
never a 500: clients and people are told to try again. Only connection-level failures count: a statement timeout,
a deadlock or a query bug stays a logged 500, so real bugs are not disguised as outages."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5
MESSAGE = "The journal's database is briefly unavailable, so this was not saved or shown. Please try again shortly."
_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Back in a moment · Journaling</title></head>'
    "<body><main><h1>Back in a moment</h1><p>{message}</p></main></body></html>"
)
# SQLSTATEs of an unreachable or restarting server: connection exceptions (class 08), admin/crash shutdown,
# cannot connect now (starting up or shutting down), too many connections.
_OUTAGE_STATES = {"57P01", "57P02", "57P03", "53300"}


def is_database_outage(exc: BaseException) -> bool:
    from psycopg_pool import PoolTimeout

    if isinstance(exc, PoolTimeout | InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    if isinstance(cause, PoolTimeout):  # includes TooManyRequests
        return True
    state = getattr(cause, "sqlstate", None)
    return state is None or state.startswith("08") or state in _OUTAGE_STATES


def unavailable_response(request, exc: BaseException) -> HttpResponse:
    logger.warning("database unavailable on %s %s: %s", request.method, request.path_info, exc)
    if request.path_info.startswith("/api/"):
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

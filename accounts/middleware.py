"""Pages show times in the reader's own time zone (their preference), not the server's UTC."""

import zoneinfo

from django.db import DatabaseError
from django.utils import timezone


class UserTimezoneMiddleware:
    """Activates the signed-in user's time zone for the HTML pages. The API keeps answering in UTC: a client
    converts for its own reader, and a response that changed offset with a preference would surprise it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            try:
                user = request.user  # loads the session: the first database read of the request
                if user.is_authenticated:
                    timezone.activate(user.tz)
            except DatabaseError as exc:
                from journaling.outages import is_database_outage, unavailable_response

                if is_database_outage(exc):  # answered now: the view would wait out the pool's timeout again
                    return unavailable_response(request, exc)
                raise
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()

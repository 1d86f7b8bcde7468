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
            except DatabaseError:
                pass  # raised again inside the view, where the outage middleware answers 503 rather than 500
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()

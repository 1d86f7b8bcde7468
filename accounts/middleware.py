"""Pages show times in the reader's own time zone (their preference), not the server's UTC."""

import zoneinfo

from django.utils import timezone


class UserTimezoneMiddleware:
    """Activates the signed-in user's time zone for the HTML pages. The API keeps answering in UTC: a client
    converts for its own reader, and a response that changed offset with a preference would surprise it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith("/api/"):
            try:
                timezone.activate(user.tz)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()

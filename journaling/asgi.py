"""ASGI entry point: HTTP through Django, WebSockets through Channels (served by daphne)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journaling.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from insights.routing import websocket_urlpatterns  # noqa: E402
from insights.ws_auth import OriginCheckedOrTokenOnly, SessionOrTokenAuthMiddleware  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": OriginCheckedOrTokenOnly(SessionOrTokenAuthMiddleware(URLRouter(websocket_urlpatterns))),
    }
)

"""Content-Security-Policy: every asset is local; no inline scripts anywhere."""

from django.conf import settings
from django.core.exceptions import DisallowedHost

_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'{style_extra}; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'{sockets}; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'self'; object-src 'none'"
)
# connect-src names this site's own WebSocket URL as well as 'self' (which covers it in CSP 3, but not in Safari
# before 16); a bare ws: or wss: would let injected script send a journal to any host.
# Swagger UI (served from drf-spectacular-sidecar) sets inline styles; scripts stay 'self' only.
_RELAXED_STYLE_PREFIXES = ("/api/v1/docs/",)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        relaxed = request.path.startswith(_RELAXED_STYLE_PREFIXES) or request.path.startswith("/admin/")
        try:
            host = request.get_host()  # checked against ALLOWED_HOSTS
            sockets = f" wss://{host}" if request.is_secure() else f" ws://{host} wss://{host}"
        except DisallowedHost:  # the request was refused (400); nothing on it opens a socket
            sockets = ""
        policy = _POLICY.format(style_extra=" 'unsafe-inline'" if relaxed else "", sockets=sockets)
        response.headers.setdefault("Content-Security-Policy", policy)
        if settings.SECURE:
            response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response

"""Content-Security-Policy: every asset is local; no inline scripts anywhere."""

from django.conf import settings

_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'{style_extra}; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'self'; object-src 'none'"
)
# connect-src 'self' covers this site's own ws:// and wss:// (CSP 3); a bare ws: or wss: would let injected script
# send a journal to any host.
# Swagger UI (served from drf-spectacular-sidecar) sets inline styles; scripts stay 'self' only.
_RELAXED_STYLE_PREFIXES = ("/api/v1/docs/",)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        relaxed = request.path.startswith(_RELAXED_STYLE_PREFIXES) or request.path.startswith("/admin/")
        policy = _POLICY.format(style_extra=" 'unsafe-inline'" if relaxed else "")
        response.headers.setdefault("Content-Security-Policy", policy)
        if settings.SECURE:
            response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response

"""WebSocket auth: the browser's session cookie, or a JWT access token (?token=...) for API clients; and the Origin
check that keeps other sites' pages from using a browser's cookie (cross-site WebSocket hijacking)."""

from urllib.parse import parse_qs

from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from channels.security.websocket import AllowedHostsOriginValidator
from django.contrib.auth.models import AnonymousUser


def _token_user(raw: str):
    """The token's user, with the API's own checks: active, and the password unchanged since it was issued."""
    from rest_framework.exceptions import AuthenticationFailed
    from rest_framework_simplejwt.authentication import JWTAuthentication
    from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
    from rest_framework_simplejwt.tokens import AccessToken

    try:
        return JWTAuthentication().get_user(AccessToken(raw))
    except (TokenError, InvalidToken, AuthenticationFailed, ValueError):
        return AnonymousUser()


_user_from_token = database_sync_to_async(_token_user)


def credential_of(scope) -> tuple[str, str]:
    """How a connection signed in: ("session", its key) or ("token", the access token)."""
    session = scope.get("session")
    if session is not None and getattr(session, "session_key", None) and scope.get("token_auth") is not True:
        return "session", session.session_key
    return "token", parse_qs(scope.get("query_string", b"").decode()).get("token", [""])[0]


@database_sync_to_async
def still_signed_in(credential: tuple[str, str], user_id: int) -> bool:
    """Whether the credential a socket connected with still signs this user in: not signed out, the password not
    changed since, the account active, the token not expired. An open socket outlived all of these before."""
    from importlib import import_module
    from types import SimpleNamespace

    from django.conf import settings
    from django.contrib.auth import get_user

    kind, value = credential
    if kind == "session":
        store = import_module(settings.SESSION_ENGINE).SessionStore(session_key=value)
        user = get_user(SimpleNamespace(session=store))  # checks the password hash and that the user is active
    else:
        user = _token_user(value) if value else AnonymousUser()
    return bool(user.is_authenticated) and user.pk == user_id


class _TokenAuthMiddleware:
    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        token = parse_qs(scope.get("query_string", b"").decode()).get("token", [None])[0]
        if token and not getattr(scope.get("user"), "is_authenticated", False):
            scope = dict(scope, user=await _user_from_token(token), token_auth=True)
        return await self.inner(scope, receive, send)


def SessionOrTokenAuthMiddleware(inner):  # noqa: N802 - reads like the Channels middleware it wraps
    return AuthMiddlewareStack(_TokenAuthMiddleware(inner))


class OriginCheckedOrTokenOnly:
    """A browser always sends Origin, and it must be one of our hosts. A client that sends none is not a browser
    (Python's websockets, OkHttp): no other site can be using it, so it may connect, but only a token signs it in;
    a cookie it sends is dropped. (Channels' own validator refuses every connection without an Origin.)"""

    def __init__(self, inner):
        self.inner = inner
        self.browser = AllowedHostsOriginValidator(inner)

    async def __call__(self, scope, receive, send):
        headers = scope.get("headers", [])
        if any(name == b"origin" for name, _ in headers):
            return await self.browser(scope, receive, send)
        scope = dict(scope, headers=[(name, value) for name, value in headers if name != b"cookie"])
        return await self.inner(scope, receive, send)

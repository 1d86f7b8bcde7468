from drf_spectacular.contrib.rest_framework_simplejwt import TokenRefreshSerializerExtension
from rest_framework import generics
from rest_framework.exceptions import Throttled
from rest_framework.throttling import ScopedRateThrottle
from rest_framework_simplejwt import serializers as jwt_serializers
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from accounts import lockout
from entries.services import follow_language

from .serializers import MeSerializer


class MeView(generics.RetrieveUpdateAPIView):
    """The signed-in user's profile and preferences."""

    serializer_class = MeSerializer

    def get_object(self):
        return self.request.user

    def perform_update(self, serializer):
        follow_language(serializer.save())


class ThrottledTokenObtainPairView(TokenObtainPairView):
    """JWT login with the same failed-attempt lockout as the login page."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"

    def post(self, request, *args, **kwargs):
        username = str(request.data.get("username", "")) if hasattr(request.data, "get") else ""
        ip = lockout.client_ip(request)
        if lockout.is_locked(username, ip):
            raise Throttled(detail=lockout.LOCKED_MESSAGE, wait=lockout.retry_after())
        response = super().post(request, *args, **kwargs)
        if response.status_code == 200:
            lockout.clear(username, ip)
        return response

    def handle_exception(self, exc):
        from rest_framework.exceptions import AuthenticationFailed

        if isinstance(exc, AuthenticationFailed):
            username = str(self.request.data.get("username", "")) if hasattr(self.request.data, "get") else ""
            lockout.record_failure(username, lockout.client_ip(self.request))
        return super().handle_exception(exc)


class TokenRefreshSerializer(jwt_serializers.TokenRefreshSerializer):
    """simplejwt checks the password digest when a token authenticates, not when a refresh token is exchanged.
    (Named as simplejwt's, so the OpenAPI component keeps its name for generated clients.)"""

    def validate(self, attrs):
        from rest_framework.exceptions import AuthenticationFailed
        from rest_framework_simplejwt.settings import api_settings
        from rest_framework_simplejwt.utils import get_md5_hash_password

        from accounts.models import User

        payload = self.token_class(attrs["refresh"]).payload
        user = User.objects.filter(pk=payload.get(api_settings.USER_ID_CLAIM)).first()
        if user is None:
            raise AuthenticationFailed("This account no longer exists.")
        digest = payload.get(api_settings.REVOKE_TOKEN_CLAIM)
        if digest is None:  # issued before tokens carried the digest
            raise AuthenticationFailed("This token is no longer accepted: sign in again.")
        if digest != get_md5_hash_password(user.password):
            raise AuthenticationFailed("The password was changed since this token was issued: sign in again.")
        return super().validate(attrs)


class _TokenRefreshSchema(TokenRefreshSerializerExtension):
    """drf-spectacular's fix for simplejwt's refresh schema (only `access` comes back without rotation) matches
    simplejwt's own class only: the same for this one."""

    target_class = TokenRefreshSerializer


class SafeTokenRefreshView(TokenRefreshView):
    """Refreshing a token whose user was deleted, or whose password changed since, is a 401."""

    serializer_class = TokenRefreshSerializer

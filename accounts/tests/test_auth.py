import pytest
from django.contrib.auth.hashers import check_password
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User


@pytest.mark.django_db
def test_signup_creates_user_and_logs_in(client):
    response = client.post(
        reverse("accounts:signup"),
        {"username": "ada", "email": "ada@example.com", "display_name": "Ada", "timezone": "Europe/London",
         "password1": "a-long-passphrase-9", "password2": "a-long-passphrase-9"},
    )  # fmt: skip
    assert response.status_code == 302
    user = User.objects.get(username="ada")
    assert user.timezone == "Europe/London"
    assert client.get(reverse("entries:list")).status_code == 200


@pytest.mark.django_db
def test_signup_errors_are_shown(client):
    response = client.post(reverse("accounts:signup"), {"username": "ada", "password1": "x", "password2": "y"})
    assert response.status_code == 400
    assert "didn’t match" in response.content.decode() or "didn't match" in response.content.decode()


@pytest.mark.django_db
def test_passwords_are_hashed_with_argon2(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = User.objects.create_user("h", password="s3cret-pass-phrase")
    assert user.password.startswith("argon2")
    assert check_password("s3cret-pass-phrase", user.password)


@pytest.mark.django_db
def test_login_locks_out_after_repeated_failures(client, user, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        response = client.post(reverse("login"), {"username": user.username, "password": "wrong"})
        assert response.status_code == 200
    response = client.post(reverse("login"), {"username": user.username, "password": "correct horse battery"})
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_blank_password_does_not_reset_the_lockout(client, user, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(2):
        client.post(reverse("login"), {"username": user.username, "password": "wrong"})
    client.post(reverse("login"), {"username": user.username, "password": ""})  # checks no password
    client.post(reverse("login"), {"username": user.username, "password": "wrong"})  # the third failure
    response = client.post(reverse("login"), {"username": user.username, "password": "correct horse battery"})
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_and_logout(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": "correct horse battery"})
    assert response.status_code == 302
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("entries:list")).status_code == 302


@pytest.mark.django_db
def test_password_change(browser_client, user):
    response = browser_client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "correct horse battery",
            "new_password1": "new-pass-phrase-42",
            "new_password2": "new-pass-phrase-42",
        },
    )  # fmt: skip
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("new-pass-phrase-42")


@pytest.mark.django_db
def test_preferences_reject_unknown_timezone(browser_client, user):
    response = browser_client.post(reverse("accounts:preferences"), {"timezone": "Mars/Olympus", "language": "en"})
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.timezone == "UTC"


@pytest.mark.django_db
def test_jwt_obtain_refresh_and_use(user):
    client = APIClient()
    response = client.post("/api/v1/auth/token/", {"username": user.username, "password": "correct horse battery"})
    assert response.status_code == 200
    tokens = response.json()
    refreshed = client.post("/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]})
    assert refreshed.status_code == 200 and "access" in refreshed.json()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    me = client.get("/api/v1/me/")
    assert me.status_code == 200 and me.json()["username"] == user.username


@pytest.mark.django_db
def test_jwt_login_is_throttled_after_failures(user, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    client = APIClient()
    for _ in range(2):
        assert client.post("/api/v1/auth/token/", {"username": user.username, "password": "no"}).status_code == 401
    response = client.post("/api/v1/auth/token/", {"username": user.username, "password": "correct horse battery"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) == settings.LOGIN_FAILURE_WINDOW_SECONDS  # when to try again


@pytest.mark.django_db
def test_me_updates_preferences_and_validates(api, user):
    response = api.patch("/api/v1/me/", {"display_name": "Z", "preferences": {"theme": "dark"}}, format="json")
    assert response.status_code == 200 and response.json()["preferences"] == {"theme": "dark"}
    bad = api.patch("/api/v1/me/", {"timezone": "Nowhere/Land"}, format="json")
    assert bad.status_code == 400 and "timezone" in bad.json()
    assert api.patch("/api/v1/me/", {"preferences": [1]}, format="json").status_code == 400


@pytest.mark.django_db
def test_api_refuses_anonymous_requests():
    client = APIClient()
    for url in ("/api/v1/me/", "/api/v1/entries/", "/api/v1/topics/"):
        assert client.get(url).status_code == 401


@pytest.mark.django_db
def test_refreshing_a_token_of_a_deleted_account_is_401(user):
    client = APIClient()
    tokens = client.post("/api/v1/auth/token/", {"username": user.username, "password": "correct horse battery"}).json()
    user.delete()
    assert client.post("/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]}).status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url,data",
    [
        ("accounts:signup", {"username": "newbie", "password1": "a-long-passphrase-1", "password2": "different"}),
        ("accounts:preferences", {"email": "not an address", "timezone": "UTC", "language": "en"}),
        ("entries:create", {"content": " ", "entry_date": "2026-02-30"}),
        ("entries:search", {"q": "walk", "date_from": "not a date"}),
    ],
)
def test_every_field_description_a_form_points_to_is_on_the_page(client, user, url, data):
    """aria-describedby names the ids of a field's help text and errors; a missing id leaves them unannounced."""
    import re

    from django.urls import reverse

    if url != "accounts:signup":
        client.force_login(user)
    response = client.post(reverse(url), data) if url != "entries:search" else client.get(reverse(url), data)
    html = response.content.decode()
    assert response.status_code == 400
    described = {ref for refs in re.findall(r'aria-describedby="([^"]+)"', html) for ref in refs.split()}
    assert any(ref.endswith("_error") for ref in described)
    assert described and all(f'id="{ref}"' in html for ref in described), described


@pytest.mark.django_db
def test_changing_the_password_ends_every_token_issued_before(client, user):
    """As it ends the other sessions: a stolen token must not outlive the password it was issued for."""
    from channels.testing import WebsocketCommunicator
    from rest_framework_simplejwt.tokens import RefreshToken

    from insights.tests.test_consumers import run
    from journaling.asgi import application

    old = RefreshToken.for_user(user)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {old.access_token}")
    assert api.get("/api/v1/me/").status_code == 200
    client.force_login(user)
    changed = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "correct horse battery",
            "new_password1": "a-new-long-pass-9",
            "new_password2": "a-new-long-pass-9",
        },
    )
    assert changed.status_code == 302
    assert api.get("/api/v1/me/").status_code == 401
    refresh = APIClient().post("/api/v1/auth/token/refresh/", {"refresh": str(old)}, format="json")
    assert refresh.status_code == 401 and "password was changed" in refresh.json()["detail"]

    async def socket():
        ws = WebsocketCommunicator(application, f"/ws/updates/?token={old.access_token}", headers=[])
        await ws.connect()
        message = await ws.receive_output()
        await ws.disconnect()
        return message

    assert run(socket()) == {"type": "websocket.close", "code": 4401}
    fresh = APIClient().post(
        "/api/v1/auth/token/", {"username": user.username, "password": "a-new-long-pass-9"}, format="json"
    )
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {fresh.json()['access']}")
    assert api.get("/api/v1/me/").status_code == 200


@pytest.mark.django_db
def test_the_api_lockout_counts_a_name_with_spaces_as_the_same_name(user, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    for _ in range(2):
        APIClient().post("/api/v1/auth/token/", {"username": user.username, "password": "wrong"}, format="json")
    for variant in (f" {user.username}", f"{user.username}\t", user.username.upper()):
        response = APIClient().post(
            "/api/v1/auth/token/", {"username": variant, "password": "correct horse battery"}, format="json"
        )
        assert response.status_code == 429, variant


@pytest.mark.django_db
def test_the_old_password_on_the_change_form_is_throttled_like_a_sign_in(client, user, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    client.force_login(user)
    url = reverse("accounts:password_change")
    new = {"new_password1": "a-new-long-pass-9", "new_password2": "a-new-long-pass-9"}
    for _ in range(3):
        assert client.post(url, {"old_password": "guess", **new}).status_code == 200  # form error
    response = client.post(url, {"old_password": "correct horse battery", **new})
    assert response.status_code == 200 and "Too many failed sign-in attempts" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("correct horse battery")


@pytest.mark.django_db
@pytest.mark.parametrize("hops,forwarded,peer,expected", [
    (0, "6.6.6.6", "10.0.0.2", "10.0.0.2"),  # no proxy trusted: a client's header is ignored
    (1, "6.6.6.6, 203.0.113.7", "10.0.0.2", "203.0.113.7"),  # what our TLS proxy saw, not what the client wrote
    (1, "", "10.0.0.2", "10.0.0.2"),
])  # fmt: skip
def test_the_lockout_and_throttles_key_on_the_address_a_trusted_proxy_saw(
    settings, rf, hops, forwarded, peer, expected
):
    from rest_framework.throttling import AnonRateThrottle

    from accounts import lockout

    settings.TRUSTED_PROXY_HOPS = hops
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": hops}
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}  # a proxy that sends none: the peer
    request = rf.get("/", REMOTE_ADDR=peer, **headers)
    assert lockout.client_ip(request) == expected
    assert AnonRateThrottle().get_ident(request) == expected


@pytest.mark.django_db
def test_the_token_refresh_schema_keeps_its_component_name(api):
    schema = api.get(reverse("api:schema"), {"format": "json"}).json()
    assert "TokenRefresh" in schema["components"]["schemas"]

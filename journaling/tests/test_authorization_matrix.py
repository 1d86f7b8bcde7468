"""Authorization matrix: every route the URL resolver serves, as a stranger, as another user and as the owner.

Routes are enumerated from django.urls.get_resolver(), so a new route fails test_every_route_is_in_the_matrix
until it is listed here as public, admin or in ROUTES with its methods and the kind of object its id names.
For each private route: anonymous requests are refused (API 401/403, pages redirect to the login page); another
user's object id answers 404 with none of the owner's titles, words, tags or topic names in the body and nothing
changed; the owner's own id works (so the 404 is about ownership, not a broken URL).
"""

import datetime
import io
import json
import re
import zipfile
from dataclasses import dataclass
from urllib.parse import urlparse

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from entries.models import Entry, Topic
from entries.models_portability import ImportJob
from journaling.testing.factories import EntryFactory, TopicFactory, UserFactory
from psychology.models import AssessmentResult, Technique
from psychology.services import record_assessment

# Secrets of the victim: none may appear in any response another user gets.
MARKERS = ("Zanzibarquill", "quokkasecret", "marmaladetag", "Obsidianriver")
VICTIM_VECTOR = [0.123456789] + [0.05] * 383
INTRUDER_VECTOR = [2 * x for x in VICTIM_VECTOR]  # the same direction: nearest possible neighbour

PUBLIC = {
    "": "the root redirect to the journal (unnamed: keyed by its pattern)",
    "health": "load balancers",
    "login": "signing in",
    "privacy": "the privacy notice",
    "accounts:signup": "creating an account",
    "accounts:logout": "signing out (POST; harmless when anonymous)",
    "psychology:help": "crisis resources must be reachable without an account",
    "api:token_obtain_pair": "JWT sign-in",
    "api:token_refresh": "JWT refresh (needs a valid refresh token)",
    "api:schema": "the OpenAPI document",
    "api:docs": "Swagger UI",
    "admin:login": "the admin's own sign-in",
}


@dataclass(frozen=True)
class Spec:
    methods: tuple[str, ...]
    obj: str | None = None  # what the id in the URL names: entry, trashed, topic, assessment, import


E, T = "entry", "topic"
GET, POST, GP = ("GET",), ("POST",), ("GET", "POST")
ROUTES = {
    "entries:list": Spec(GET),
    "entries:create": Spec(GP),
    "entries:search": Spec(GET),
    "entries:detail": Spec(GET, E),
    "entries:edit": Spec(GP, E),
    "entries:trash_entry": Spec(POST, E),
    "entries:restore": Spec(POST, "trashed"),
    "entries:purge": Spec(POST, "trashed"),
    "entries:trash": Spec(GET),
    "entries:trash_empty": Spec(GP),
    "entries:topics": Spec(GP),
    "entries:topic_edit": Spec(GP, T),
    "entries:topic_delete": Spec(POST, T),
    "insights:dashboard": Spec(GET),
    "insights:weekly": Spec(GET),
    "psychology:index": Spec(GET),
    "psychology:technique": Spec(GET),
    "psychology:assessment_history": Spec(GET),
    "psychology:assessment_result": Spec(GET, "assessment"),
    "psychology:assessment_take": Spec(GP),
    "psychology:feedback": Spec(POST, E),
    "data:index": Spec(GET),
    "data:import": Spec(POST),
    "data:import_job": Spec(GET, "import"),
    "data:import_status": Spec(GET, "import"),
    "data:import_confirm": Spec(POST, "import"),
    "data:export": Spec(GET),
    "data:book": Spec(GET),
    "data:delete_account": Spec(GP),
    "accounts:preferences": Spec(GP),
    "accounts:password_change": Spec(GP),
    "api:api-root": Spec(GET),
    "api:me": Spec(("GET", "PUT", "PATCH")),
    "api:account-delete": Spec(("DELETE",)),
    "api:account-delete-post": Spec(("POST",)),
    "api:search": Spec(GET),
    "api:entry-list": Spec(GP),
    "api:entry-detail": Spec(("GET", "PUT", "PATCH", "DELETE"), E),
    "api:entry-restore": Spec(POST, "trashed"),
    "api:entry-purge": Spec(("DELETE",), "trashed"),
    "api:entry-similar": Spec(GET, E),
    "api:entry-suggestions": Spec(GET, E),
    "api:entry-suggestion-feedback": Spec(POST, E),
    "api:topic-list": Spec(GP),
    "api:topic-detail": Spec(("GET", "PUT", "PATCH", "DELETE"), T),
    "api:technique-list": Spec(GET),
    "api:technique-detail": Spec(GET),
    "api:prompts": Spec(GET),
    "api:assessment-list": Spec(GP),
    "api:assessment-detail": Spec(GET, "assessment"),
    "api:import-list": Spec(GP),
    "api:import-detail": Spec(GET, "import"),
    "api:import-confirm": Spec(POST, "import"),
    "api:export": Spec(GET),
    **{f"api:insights-{s}": Spec(GET) for s in ("summary", "trends", "emotions", "streaks", "heatmap", "weekly")},
    "api:insights-on-this-day": Spec(GET),
}


def _walk(patterns, prefix="", namespaces=()):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(
                p.url_patterns, prefix + str(p.pattern), namespaces + ((p.namespace,) if p.namespace else ())
            )
        elif isinstance(p, URLPattern):
            pattern = prefix + str(p.pattern)
            yield pattern, ":".join((*namespaces, p.name)) if p.name else pattern  # unnamed: keyed by pattern


ALL_ROUTES = sorted(set(_walk(get_resolver().url_patterns)), key=lambda r: r[0])


def is_admin(pattern: str) -> bool:
    return pattern.startswith("admin/")


def build_url(pattern: str, values: dict) -> str:
    """A concrete path for a resolver pattern (path() converters and regex groups alike)."""
    url = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), pattern)
    url = url.replace("<drf_format_suffix:format>", ".<format>")  # DRF's converter includes the dot
    url = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), url)
    url = "/" + url.replace("^", "").replace("$", "").replace("\\.", ".").replace("/?", "")
    assert resolve(url), url
    return url


@pytest.fixture
def world(db):
    """A victim with one of everything (all carrying MARKERS), and an intruder with their own, smaller, journal."""
    if not Technique.objects.exists():  # transactional tests elsewhere flush the data migration's rows
        import importlib

        from django.apps import apps as django_apps

        importlib.import_module("psychology.migrations.0002_load_knowledge_base").load(django_apps, None)
    victim, intruder = UserFactory(), UserFactory()
    objs = {}
    for who, vector, n in ((victim, VICTIM_VECTOR, 5), (intruder, INTRUDER_VECTOR, 2)):
        topic = TopicFactory(user=who, name=f"Obsidianriver {who.pk}" if who is victim else "Mine")
        words = "Zanzibarquill quokkasecret" if who is victim else "my own words"
        tags = ["marmaladetag"] if who is victim else ["own"]
        analysed = {
            "analysis_status": "done",
            "analysed_version": 1,
            "sentiment_label": "negative",
            "sentiment_score": -0.5,
            "emotions": {"sadness": 0.9, "neutral": 0.1},
            "dominant_emotion": "sadness",
            "embedding": vector,
        }
        entries = [
            EntryFactory(
                user=who, title=f"{words} {i}", content=f"{words} text {i}", topic=topic, tags=tags, **analysed
            )
            for i in range(n)
        ]
        trashed = EntryFactory(
            user=who, title=f"{words} trashed", content=words, tags=tags, deleted_at=entries[0].created_at
        )
        objs[who.pk] = {
            "entry": entries[0].pk,
            "trashed": trashed.pk,
            "topic": topic.pk,
            "assessment": record_assessment(user=who, instrument="phq9", answers=[1] * 9).pk,
            "import": ImportJob.objects.create(user=who, filename=f"{words}.json", status="previewed").pk,
        }
    return {
        "victim": victim,
        "intruder": intruder,
        "objs": objs,
        "slug": Technique.objects.values_list("slug", flat=True).first(),
    }


def snapshot(user) -> dict:
    """Everything of the victim's that a request by someone else could change."""
    entry_fields = ("pk", "title", "content", "deleted_at", "topic_id", "tags")
    return {
        "entries": sorted(Entry.objects.filter(user=user).values_list(*entry_fields)),
        "topics": sorted(Topic.objects.filter(user=user).values_list("pk", "name", "colour")),
        "assessments": sorted(AssessmentResult.objects.filter(user=user).values_list("pk", "score")),
        "imports": sorted(ImportJob.objects.filter(user=user).values_list("pk", "status")),
    }


def url_for(pattern: str, spec_obj: str | None, world, owner) -> str:
    values = {"format": "json", "slug": world["slug"], "instrument": "phq9"}
    if spec_obj:
        values["pk"] = values["entry_pk"] = world["objs"][owner.pk][spec_obj]
    return build_url(pattern, values)


def body_for(name: str, world) -> dict:
    if "topic" in name:
        return {"name": "Hijacked", "colour": "#123456", "description": ""}
    if "feedback" in name:
        return {"technique": world["slug"], "verdict": "dismissed"}
    return {"title": "Hijacked", "content": "Hijacked", "entry_date": "2026-01-01", "tags": ""}


def send(client, method: str, url: str, data=None):
    if isinstance(client, APIClient):
        payload = None if data is None else json.dumps(data)
        return client.generic(method, url, data=payload, content_type="application/json")
    return client.post(url, data or {}) if method == "POST" else client.get(url)


def assert_no_markers(response, where: str) -> None:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/zip"):
        archive = zipfile.ZipFile(io.BytesIO(body))
        body = b"".join(archive.read(name) for name in archive.namelist())
    for marker in MARKERS:
        assert marker.encode() not in body, f"{where} leaks {marker!r}"


def test_every_route_is_in_the_matrix():
    names = {name for pattern, name in ALL_ROUTES if not is_admin(pattern)}
    missing = names - set(ROUTES) - set(PUBLIC)
    assert not missing, f"routes without an authorization spec (add them to ROUTES or PUBLIC): {sorted(missing)}"
    stale = (set(ROUTES) | set(PUBLIC)) - {name for _, name in ALL_ROUTES}
    assert not stale, f"specs for routes that no longer exist: {sorted(stale)}"
    assert len(ALL_ROUTES) > 60  # the walk really sees the whole resolver


PRIVATE = [(p, n) for p, n in ALL_ROUTES if n in ROUTES]


@pytest.mark.parametrize("pattern, name", PRIVATE, ids=[p for p, _ in PRIVATE])
def test_anonymous_requests_are_refused(pattern, name, world, client):
    spec = ROUTES[name]
    url = url_for(pattern, spec.obj, world, world["victim"])
    for method in spec.methods:
        if name.startswith("api:"):
            response = send(APIClient(), method, url, body_for(name, world) if method != "GET" else None)
            assert response.status_code in (401, 403), (method, url, response.status_code)
        else:
            response = send(client, method, url, body_for(name, world))
            assert response.status_code == 302, (method, url, response.status_code)
            assert urlparse(response["Location"]).path == "/login/", response["Location"]
        assert_no_markers(response, f"anonymous {method} {url}")


@pytest.mark.parametrize("pattern, name", PRIVATE, ids=[p for p, _ in PRIVATE])
def test_another_users_objects_answer_404_and_leak_nothing(pattern, name, world, client):
    spec = ROUTES[name]
    victim, intruder = world["victim"], world["intruder"]
    if name.startswith("api:"):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(intruder)}")
    else:
        client.force_login(intruder)
    before = snapshot(victim)
    if spec.obj:
        url = url_for(pattern, spec.obj, world, victim)
        for method in spec.methods:
            response = send(client, method, url, body_for(name, world))
            assert response.status_code == 404, (method, url, response.status_code)
            assert_no_markers(response, f"intruder {method} {url}")
        own = url_for(pattern, spec.obj, world, intruder)
        if "GET" in spec.methods:  # control: the same route with the intruder's own id works
            assert send(client, "GET", own).status_code in (200, 302), own
    else:  # lists, search, insights, export, forms: the intruder's own view, with none of the victim's data
        url = url_for(pattern, None, world, intruder)
        for method in spec.methods:
            response = send(client, method, url, body_for(name, world))
            assert response.status_code < 500, (method, url, response.status_code)
            assert_no_markers(response, f"intruder {method} {url}")
    assert snapshot(victim) == before, f"{name} changed another user's data"


ADMIN = [(p, n) for p, n in ALL_ROUTES if is_admin(p) and n != "admin:login"]


@pytest.mark.parametrize("pattern, name", ADMIN, ids=[p for p, _ in ADMIN])
def test_admin_is_closed_to_strangers_and_to_ordinary_users(pattern, name, world, client):
    from django.contrib.contenttypes.models import ContentType

    entry = world["objs"][world["victim"].pk]["entry"]
    values = {"object_id": entry, "id": world["victim"].pk, "app_label": "entries", "url": "nothing-here/",
              "content_type_id": ContentType.objects.get_for_model(Entry).pk}  # fmt: skip
    url = build_url(pattern, values)
    for who in (None, world["intruder"]):
        if who:
            client.force_login(who)
        response = client.get(url, follow=True)
        assert response.request["PATH_INFO"] == "/admin/login/", (url, who, response.redirect_chain)
        assert_no_markers(response, f"admin {url}")


PUBLIC_ROUTES = [(p, n) for p, n in ALL_ROUTES if n in PUBLIC]


@pytest.mark.parametrize("pattern, name", PUBLIC_ROUTES, ids=[p for p, _ in PUBLIC_ROUTES])
def test_public_routes_answer_strangers_without_private_data(pattern, name, world, client):
    response = client.get(build_url(pattern, {}), follow=True)
    assert response.status_code in (200, 405), (pattern, response.status_code)  # 405: POST-only (token, logout)
    assert_no_markers(response, pattern)


def test_search_similar_and_counts_see_only_the_users_own_entries(world, monkeypatch):
    from ml_models import query_embedding

    monkeypatch.setattr(query_embedding, "embed_query", lambda text, timeout=3.0, scope=None: VICTIM_VECTOR)
    intruder = world["intruder"]
    api = APIClient()
    api.force_authenticate(intruder)
    own = set(Entry.objects.filter(user=intruder, deleted_at__isnull=True).values_list("pk", flat=True))
    for mode in ("text", "hybrid", "semantic"):
        found = api.get("/api/v1/search/", {"q": "Zanzibarquill quokkasecret", "mode": mode}).json()
        assert {hit["entry"]["id"] for hit in found["results"]} <= own, mode
        assert "Zanzibarquill" not in str(found)
    # The victim's entries have the very same direction: the nearest neighbours, were they visible.
    similar = api.get(f"/api/v1/entries/{world['objs'][intruder.pk]['entry']}/similar/", {"k": 20}).json()
    assert {hit["entry"]["id"] for hit in similar} <= own and similar
    assert api.get("/api/v1/entries/").json()["count"] == len(own)
    assert api.get("/api/v1/entries/", {"trashed": 1}).json()["count"] == 1
    assert api.get("/api/v1/insights/summary/", {"period": "all"}).json()["volume"]["entries"] == len(own)
    assert api.get("/api/v1/entries/", {"tag": "marmaladetag"}).json()["count"] == 0
    topic = world["objs"][world["victim"].pk]["topic"]
    assert api.get("/api/v1/entries/", {"topic": topic}).status_code == 400  # not a topic of theirs
    assert api.post("/api/v1/entries/", {"content": "x", "topic": topic}, format="json").status_code == 400


def test_emptying_the_trash_empties_only_ones_own(world, client):
    client.force_login(world["intruder"])
    confirmed = {"asked_at": datetime.datetime.now(datetime.UTC).isoformat()}
    assert client.post("/journal/trash/empty/", confirmed).status_code == 302
    assert Entry.objects.filter(pk=world["objs"][world["victim"].pk]["trashed"]).exists()
    assert not Entry.objects.filter(user=world["intruder"], deleted_at__isnull=False).exists()


# --- The WebSocket: one route, refused (4401) without a valid identity, and only ever the user's own events. ---
WS_ROUTES = {"ws/updates/"}


def test_every_websocket_route_is_in_the_matrix():
    from insights.routing import websocket_urlpatterns

    assert {str(p.pattern) for p in websocket_urlpatterns} == WS_ROUTES


def _ws_scenario(path: str, *, victim_entry=None, cookie: str = ""):
    """Connect, read the hello, optionally fire the victim's analysis event; (connected, close code, frames)."""
    import asyncio

    from channels.testing import WebsocketCommunicator

    from insights.notify import notify_entry_analysis
    from journaling.asgi import application

    async def scenario():
        headers = [(b"origin", b"http://localhost")] + ([(b"cookie", cookie.encode())] if cookie else [])
        ws = WebsocketCommunicator(application, path, headers=headers)
        connected, code = await ws.connect(timeout=10)
        frames = []
        if connected:
            first = await ws.receive_output(timeout=5)
            if first["type"] == "websocket.close":  # refused: accepted, then closed so that a browser sees the code
                return False, first.get("code"), frames
            frames.append(json.loads(first["text"]))
            await ws.send_json_to({"type": "subscribe", "group": f"user.{getattr(victim_entry, 'user_id', 0)}"})
            frames.append(await ws.receive_json_from(timeout=5))
            if victim_entry is not None:
                await asyncio.get_running_loop().run_in_executor(None, notify_entry_analysis, victim_entry)
            while not await ws.receive_nothing(timeout=1):
                frames.append(await ws.receive_json_from())
            await ws.disconnect()
        return connected, code, frames

    return asyncio.run(asyncio.wait_for(scenario(), timeout=30))


@pytest.mark.django_db(transaction=True)
def test_websocket_refuses_anonymous_and_bad_tokens_with_4401():
    import datetime

    user, gone = UserFactory(), UserFactory(is_active=False)
    expired = AccessToken.for_user(user)
    expired.set_exp(lifetime=-datetime.timedelta(minutes=1))
    from rest_framework_simplejwt.tokens import RefreshToken

    for query in ("", "?token=", "?token=not-a-jwt", f"?token={expired}", f"?token={AccessToken.for_user(gone)}",
                  f"?token={RefreshToken.for_user(user)}", f"?user_id={user.pk}"):  # fmt: skip
        connected, code, _ = _ws_scenario(f"/ws/updates/{query}")
        assert (connected, code) == (False, 4401), query


@pytest.mark.django_db(transaction=True)
def test_websocket_sends_only_the_users_own_events(client):
    victim, intruder = UserFactory(), UserFactory()
    entry = EntryFactory(user=victim, title="Zanzibarquill", content="quokkasecret", analysis_status="done",
                         sentiment_label="negative", sentiment_score=-0.5, emotions={"sadness": 0.9})  # fmt: skip
    client.force_login(intruder)
    by_session = _ws_scenario(f"/ws/updates/?user_id={victim.pk}", victim_entry=entry,
                              cookie=f"sessionid={client.cookies['sessionid'].value}")  # fmt: skip
    by_token = _ws_scenario(f"/ws/updates/?token={AccessToken.for_user(intruder)}&user={victim.pk}", victim_entry=entry)
    for connected, _, frames in (by_session, by_token):
        assert connected and frames[0] == {"type": "hello", "user_id": intruder.pk}
        assert [f["type"] for f in frames[1:]] == ["error"], frames  # the subscribe attempt; no victim event
        assert not any(m in str(frames) for m in MARKERS) and entry.pk not in [f.get("entry_id") for f in frames]
    # Control: the owner does receive it.
    _, _, frames = _ws_scenario(f"/ws/updates/?token={AccessToken.for_user(victim)}", victim_entry=entry)
    assert [f.get("entry_id") for f in frames if f["type"] == "entry.analysis"] == [entry.pk]

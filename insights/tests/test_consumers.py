"""The /ws/updates/ consumer against the real Redis channel layer and the full ASGI stack."""

import asyncio

import pytest
from channels.testing import WebsocketCommunicator
from rest_framework_simplejwt.tokens import AccessToken

from insights.notify import notify_entry_analysis
from journaling.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://localhost")


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, timeout=20))


def communicator(path="/ws/updates/", headers=(ORIGIN,)):
    return WebsocketCommunicator(application, path, headers=list(headers))


def token_path(user):
    return f"/ws/updates/?token={AccessToken.for_user(user)}"


def test_anonymous_connections_are_closed_with_4401_which_a_browser_can_see():
    async def scenario():
        ws = communicator()
        await ws.connect()  # accepted, then closed: a refused handshake would reach a browser only as 1006
        message = await ws.receive_output()
        await ws.disconnect()
        return message

    assert run(scenario()) == {"type": "websocket.close", "code": 4401}


def test_a_client_without_an_origin_connects_with_a_token_but_not_with_a_cookie(client, user):
    """Non-browser clients send no Origin header; no other site can be driving them, so a token is enough."""
    client.force_login(user)
    cookie = (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())

    async def scenario():
        ws = communicator(token_path(user), headers=[])
        connected, _ = await ws.connect()
        hello = await ws.receive_json_from() if connected else None
        await ws.disconnect()
        by_cookie = communicator(headers=[cookie])
        await by_cookie.connect()
        closed = await by_cookie.receive_output()
        await by_cookie.disconnect()
        return connected, hello, closed

    connected, hello, closed = run(scenario())
    assert connected and hello == {"type": "hello", "user_id": user.pk}
    assert closed == {"type": "websocket.close", "code": 4401}  # a cookie alone needs a browser's Origin


def test_invalid_token_is_refused():
    async def scenario():
        ws = communicator("/ws/updates/?token=not-a-jwt")
        await ws.connect()
        message = await ws.receive_output()
        await ws.disconnect()
        return message

    assert run(scenario()) == {"type": "websocket.close", "code": 4401}


def test_foreign_origin_is_refused(user):
    async def scenario():
        ws = communicator(token_path(user), headers=[(b"origin", b"https://evil.example")])
        connected, _ = await ws.connect()
        await ws.disconnect()
        return connected

    assert run(scenario()) is False


def test_session_cookie_authenticates(client, user):
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()

    async def scenario():
        ws = communicator(headers=[ORIGIN, (b"cookie", cookie)])
        connected, _ = await ws.connect()
        hello = await ws.receive_json_from()
        await ws.disconnect()
        return connected, hello

    connected, hello = run(scenario())
    assert connected and hello == {"type": "hello", "user_id": user.pk}


def test_events_reach_only_their_owner(user, other_user, entry_factory):
    entry = entry_factory(user=user, analysis_status="done", sentiment_label="positive", sentiment_score=0.8,
                          emotions={"joy": 0.7, "neutral": 0.2, "sadness": 0.1})  # fmt: skip

    async def scenario():
        mine, theirs = communicator(token_path(user)), communicator(token_path(other_user))
        assert (await mine.connect())[0] and (await theirs.connect())[0]
        await mine.receive_json_from()
        await theirs.receive_json_from()
        await asyncio.get_running_loop().run_in_executor(None, notify_entry_analysis, entry)
        event = await mine.receive_json_from(timeout=5)
        leaked = not await theirs.receive_nothing(timeout=1)
        await mine.disconnect()
        await theirs.disconnect()
        return event, leaked

    event, leaked = run(scenario())
    assert event["type"] == "entry.analysis" and event["entry_id"] == entry.pk and event["status"] == "done"
    assert event["sentiment"] == {"label": "positive", "score": 0.8}
    assert event["top_emotions"][0] == {"label": "joy", "score": 0.7}
    assert leaked is False


@pytest.mark.parametrize(
    "frame",
    ["not json", "[1, 2]", '{"type": "subscribe", "group": "user.1"}', " ", '{"type": "sync", "entries": "1"}',
     '{"type": "sync", "entries": [true]}', '{"type": "sync", "entries": [' + ",".join(["1"] * 101) + "]}",
     "[" * 5000],
)  # fmt: skip
def test_malformed_or_unknown_messages_get_an_error_frame_and_the_socket_stays_open(user, frame):
    async def scenario():
        ws = communicator(token_path(user))
        await ws.connect()
        await ws.receive_json_from()
        await ws.send_to(text_data=frame)
        error = await ws.receive_json_from()
        await ws.send_json_to({"type": "ping"})
        pong = await ws.receive_json_from()
        await ws.disconnect()
        return error, pong

    error, pong = run(scenario())
    assert error["type"] == "error" and pong == {"type": "pong"}


def test_a_page_that_syncs_gets_the_current_state_of_its_own_entries_only(user, other_user, entry_factory):
    """An analysis that landed before the socket joined its group is not lost: the page asks on connect."""
    done = entry_factory(user=user, analysis_status="done", sentiment_label="negative", sentiment_score=-0.6,
                         emotions={"sadness": 0.8, "neutral": 0.2})  # fmt: skip
    pending = entry_factory(user=user)
    theirs = entry_factory(user=other_user, analysis_status="done", sentiment_label="positive", sentiment_score=0.9)

    async def scenario():
        ws = communicator(token_path(user))
        await ws.connect()
        await ws.receive_json_from()
        await ws.send_json_to({"type": "sync", "entries": [theirs.pk, pending.pk, done.pk, 10**9]})
        events = [await ws.receive_json_from(timeout=5), await ws.receive_json_from(timeout=5)]
        quiet = await ws.receive_nothing(timeout=1)
        await ws.disconnect()
        return events, quiet

    events, quiet = run(scenario())
    by_id = {e["entry_id"]: e for e in events}
    assert set(by_id) == {done.pk, pending.pk} and quiet  # never another user's entry, nor an unknown id
    assert by_id[done.pk]["status"] == "done" and by_id[done.pk]["sentiment"] == {"label": "negative", "score": -0.6}
    assert by_id[pending.pk]["status"] == "pending"


def test_an_open_socket_is_closed_once_its_sign_in_ends(client, user, entry_factory, monkeypatch):
    """Sign-out (cookie) and a password change (token): the next event closes the socket with 4401, unsent."""
    from channels.db import database_sync_to_async

    monkeypatch.setattr("insights.consumers.RECHECK_SECONDS", 0.0)  # every event checks (15 s in production)
    from django.contrib.auth import get_user_model

    entry = entry_factory(user=user, analysis_status="done", sentiment_label="positive", sentiment_score=0.8)
    client.force_login(user)
    cookie = (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())

    async def scenario():
        by_cookie, by_token = communicator(headers=[ORIGIN, cookie]), communicator(token_path(user))
        for ws in (by_cookie, by_token):
            assert (await ws.connect())[0]
            await ws.receive_json_from()
        executor = asyncio.get_running_loop().run_in_executor
        await executor(None, notify_entry_analysis, entry)  # both still signed in: both get it
        first = [(await ws.receive_json_from(timeout=5))["type"] for ws in (by_cookie, by_token)]
        await database_sync_to_async(client.logout)()  # closes its thread's connection, unlike a bare executor
        await executor(None, notify_entry_analysis, entry)
        after_logout = [await by_cookie.receive_output(timeout=5), await by_token.receive_json_from(timeout=5)]

        def change_password():
            account = get_user_model().objects.get(pk=user.pk)
            account.set_password("a-new-pass-phrase-77")
            account.save()

        await database_sync_to_async(change_password)()
        await by_token.send_json_to({"type": "sync", "entries": [entry.pk]})
        after_password = await by_token.receive_output(timeout=5)
        for ws in (by_cookie, by_token):
            await ws.disconnect()
        return first, after_logout, after_password

    first, after_logout, after_password = run(scenario())
    assert first == ["entry.analysis", "entry.analysis"]
    assert after_logout[0] == {"type": "websocket.close", "code": 4401}
    assert after_logout[1]["type"] == "entry.analysis"  # the token is a sign-in of its own
    assert after_password == {"type": "websocket.close", "code": 4401}


def test_a_burst_of_events_checks_the_sign_in_at_most_once_per_interval(user, entry_factory, monkeypatch):
    """An import sends an event per entry: each must not cost a session and user lookup on the shared DB thread."""
    entry = entry_factory(user=user, analysis_status="done", sentiment_label="positive", sentiment_score=0.8)
    calls = []

    async def counting(credential, user_id):
        calls.append(user_id)
        return True

    monkeypatch.setattr("insights.consumers.still_signed_in", counting)

    async def scenario():
        ws = communicator(token_path(user))
        assert (await ws.connect())[0]
        await ws.receive_json_from()
        for _ in range(20):
            await asyncio.get_running_loop().run_in_executor(None, notify_entry_analysis, entry)
        received = [await ws.receive_json_from(timeout=5) for _ in range(20)]
        await ws.disconnect()
        return received

    assert len(run(scenario())) == 20 and calls == []  # the connection's own sign-in holds for the first 15 s

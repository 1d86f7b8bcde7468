"""/ws/updates/: a signed-in user's live events (analysis finished or failed, insight changes)."""

import json
import time

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.db import DatabaseError

from .notify import entry_event, user_group
from .ws_auth import credential_of, still_signed_in

MAX_SYNC = 100
RECHECK_SECONDS = 15.0  # how long a socket's sign-in check holds before the next event asks again
ACCEPTED = '{"type": "ping"} or {"type": "sync", "entries": [ids]}'


class UpdatesConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if not getattr(user, "is_authenticated", False):
            # Accepted and then closed, so the code reaches the page (a refused handshake reaches a browser as 1006):
            # the page stops reconnecting to a session that has ended.
            await self.accept()
            await self.close(code=4401)
            return
        self.group, self.user_id, self.credential = user_group(user.pk), user.pk, credential_of(self.scope)
        self.checked_until = time.monotonic() + RECHECK_SECONDS  # just signed in
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json({"type": "hello", "user_id": user.pk})

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        try:
            message = json.loads(text_data or "")
        except (TypeError, ValueError, RecursionError):
            await self.send_json({"type": "error", "error": "messages must be JSON objects"})
            return
        kind = message.get("type") if isinstance(message, dict) else None
        ids = _entry_ids(message.get("entries")) if kind == "sync" else None
        if ids is not None and not await self._still_signed_in():
            return
        if kind == "ping":
            await self.send_json({"type": "pong"})
        elif ids is not None:
            # A page asks for the current state of the entries it shows: an analysis that finished between the
            # page's render and this connection (or during a reconnect) would otherwise never reach it.
            for event in await self._current_events(ids):
                await self.send_json(event)
        else:
            await self.send_json({"type": "error", "error": f"unknown message; only {ACCEPTED} is accepted"})

    @database_sync_to_async
    def _current_events(self, ids: list[int]) -> list[dict]:
        from entries import selectors

        rows = selectors.entries_for(self.scope["user"]).filter(pk__in=ids).order_by("pk")
        return [entry_event(entry) for entry in rows]

    async def entry_analysis(self, event):
        if await self._still_signed_in():
            await self.send_json({k: v for k, v in event.items()})

    async def insights_changed(self, event):
        if await self._still_signed_in():
            await self.send_json({k: v for k, v in event.items()})

    async def _still_signed_in(self) -> bool:
        """Checked before anything about the journal is sent: a sign-out, a password change, a deactivated account
        or an expired token ends the socket (4401) rather than leaving it fed. The answer holds for RECHECK_SECONDS:
        an import sends an event per entry, and every check queues on the one thread database calls run on."""
        if time.monotonic() < self.checked_until:
            return True
        try:
            valid = await still_signed_in(self.credential, self.user_id)
        except DatabaseError:
            return True  # an outage is not a sign-out; the next event asks again
        if valid:
            self.checked_until = time.monotonic() + RECHECK_SECONDS
            return True
        await self.close(code=4401)
        return False

    async def send_json(self, payload: dict):
        await self.send(text_data=json.dumps(payload))


def _entry_ids(value) -> list[int] | None:
    """Up to MAX_SYNC entry ids, or None when the list is malformed."""
    if not isinstance(value, list) or len(value) > MAX_SYNC:
        return None
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return None
    return value

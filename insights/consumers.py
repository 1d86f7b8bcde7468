"""/ws/updates/: a signed-in user's live events (analysis finished or failed, insight changes)."""

import json

from channels.generic.websocket import AsyncWebsocketConsumer

from .notify import user_group


class UpdatesConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if not getattr(user, "is_authenticated", False):
            await self.close(code=4401)
            return
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json({"type": "hello", "user_id": user.pk})

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        try:
            message = json.loads(text_data or "")
        except (TypeError, ValueError):
            await self.send_json({"type": "error", "error": "messages must be JSON objects"})
            return
        if isinstance(message, dict) and message.get("type") == "ping":
            await self.send_json({"type": "pong"})
        else:
            await self.send_json({"type": "error", "error": 'unknown message; only {"type": "ping"} is accepted'})

    async def entry_analysis(self, event):
        await self.send_json({k: v for k, v in event.items()})

    async def insights_changed(self, event):
        await self.send_json({k: v for k, v in event.items()})

    async def send_json(self, payload: dict):
        await self.send(text_data=json.dumps(payload))

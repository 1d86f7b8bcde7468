"""Push analysis events to the owner's WebSocket group ("user.<id>"); nobody else's."""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def entry_event(entry) -> dict:
    return {
        "type": "entry.analysis",
        "entry_id": entry.pk,
        "status": entry.analysis_status,
        "error": entry.analysis_error,
        "retrying": entry.analysis_status == "failed" and entry.analysis_will_retry,
        "sentiment": (
            {"label": entry.sentiment_label, "score": entry.sentiment_score}
            if entry.sentiment_score is not None
            else None
        ),
        "top_emotions": [{"label": k, "score": v} for k, v in entry.top_emotions],
        "crisis": {"flagged": entry.crisis_flagged, "level": entry.crisis_level or "none"},
    }


def notify_entry_analysis(entry) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(user_group(entry.user_id), entry_event(entry))
    except Exception as exc:  # noqa: BLE001 - a missed live update is harmless: pages read state from the server
        logger.warning("could not send live update for entry %s: %s", entry.pk, exc)

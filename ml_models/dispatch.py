"""The web side of analysis: put entry ids on the inference queue. Never imports torch."""

import logging

logger = logging.getLogger(__name__)


def enqueue_analysis(entry_ids: list[int], *, alone: bool = False) -> bool:
    """Send ids to the workers. If the broker is unreachable the entries stay pending and the sweep retries.
    `alone`: analyse just these, with nothing from the backlog beside them (an entry a worker died on)."""
    from .tasks import analyze_entries

    if not entry_ids:
        return True
    try:
        kwargs = {"alone": True} if alone else {}
        analyze_entries.apply_async(args=[list(entry_ids)], kwargs=kwargs, retry=False)
    except Exception as exc:  # noqa: BLE001 - any broker fault must not lose the already-committed entry
        logger.warning("could not enqueue analysis for %s: %s; the sweep will retry", entry_ids, exc)
        return False
    return True


MESSAGE_BATCH = 32  # ids per message for a long list: a worker analyses one message's entries in one pass


def enqueue_in_batches(entry_ids: list[int]) -> bool:
    """enqueue_analysis for a long list, MESSAGE_BATCH ids per message; False if any could not be sent."""
    sent = [enqueue_analysis(entry_ids[i : i + MESSAGE_BATCH]) for i in range(0, len(entry_ids), MESSAGE_BATCH)]
    return all(sent)

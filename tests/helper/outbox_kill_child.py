# SPDX-License-Identifier: MIT
"""The child of test_outbox_kill: enqueue and flush, to be SIGKILLed anywhere.

``python -m tests.helper.outbox_kill_child DB URL CA_PEM LOG`` starts a
"zygote": it imports everything once (httpx, sqlite3, the helper), prints
``ready``, then obeys one command per stdin line:

- ``go SEED``: fork a worker and print ``pid N``. The worker opens the outbox,
  and for a few rounds enqueues some events (appending each committed event id
  to LOG once ``enqueue`` returned) and flushes them to the collector at URL
  (trusting CA_PEM only), then exits 0. The parent kills it at a random moment;
- ``reap``: wait for the worker and print ``done N killed|exit CODE``. The
  worker is reaped only when asked, so the parent never signals a recycled pid.

Forking from a warm process makes each run cost milliseconds instead of the
~150 ms of a fresh interpreter, so hundreds of kills fit in a few seconds. The
zygote never opens the database itself: a SQLite connection must not cross a
fork.
"""

from __future__ import annotations

import os
import random
import signal
import ssl
import sys
from pathlib import Path

from helper.report.delivery import Flusher
from helper.report.http import make_http_client
from helper.report.outbox import Outbox
from helper.report.token import StaticTokenProvider
from tests.helper.report_server import sample_event

ROUNDS = 4
EVENTS_PER_ROUND = 3


def _work(db: str, url: str, context: ssl.SSLContext, log: str, seed: int) -> None:
    rng = random.Random(seed)
    outbox = Outbox(Path(db))
    client = make_http_client(verify=context, timeout=5.0)
    # The real collector (tests/collector/test_kill_postgres.py) needs a real
    # token; the test server takes any.
    token = os.environ.get("OUTBOX_KILL_TOKEN", "tok-1")
    flusher = Flusher(
        outbox, client, url, StaticTokenProvider([token]), rand=rng.random
    )
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    for _ in range(ROUNDS):
        for _ in range(rng.randint(1, EVENTS_PER_ROUND)):
            event = outbox.enqueue(sample_event())
            os.write(fd, event.event_id.encode() + b"\n")
        flusher.flush(force=True)
    os.close(fd)
    client.close()
    outbox.close()


def main(argv: list[str]) -> int:
    db, url, ca_pem, log = argv
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cafile=ca_pem)
    sample_event()  # warm every lazy import before the first fork
    print("ready", flush=True)
    pid = 0
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "go":
            pid = os.fork()
            if pid == 0:  # the worker
                code = 0
                try:
                    _work(db, url, context, log, int(arg))
                except BaseException:
                    code = 1
                os._exit(code)
            print(f"pid {pid}", flush=True)
        elif command == "reap":
            _, status = os.waitpid(pid, 0)
            if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
                print(f"done {pid} killed", flush=True)
            else:
                print(
                    f"done {pid} exit {os.waitstatus_to_exitcode(status)}", flush=True
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

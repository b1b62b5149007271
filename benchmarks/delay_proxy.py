"""A TCP proxy that delays every chunk by half the round-trip time in each direction, with no
bandwidth cap: a stand-in for an internet path where ``tc netem`` is not available.

    python -m benchmarks.delay_proxy --listen 40022 --to 127.0.0.1:22 --rtt-ms 20

Each chunk read from one side is written to the other side RTT/2 after it was read, in order;
reading never waits for writing, so a window's worth of data is in flight as on a real path.
Runs until killed (the latency benchmark starts and stops it by its PID). Prints "ready" on a
line of its own once it listens.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections import deque

# asyncio keeps only weak references to tasks: these keep every connection's tasks alive.
_TASKS: set[asyncio.Task[None]] = set()


def _keep(task: asyncio.Task[None]) -> asyncio.Task[None]:
    _TASKS.add(task)
    task.add_done_callback(_TASKS.discard)
    return task


async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    loop = asyncio.get_running_loop()
    queue: deque[tuple[float, bytes]] = deque()
    more = asyncio.Event()
    done = False

    async def send() -> None:
        while True:
            while not queue:
                if done:
                    return
                more.clear()
                await more.wait()
            due, data = queue.popleft()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            if writer.transport.get_write_buffer_size() > 4 * 1024 * 1024:
                await writer.drain()

    sender = _keep(asyncio.create_task(send()))
    try:
        while data := await reader.read(1024 * 1024):
            queue.append((loop.time() + delay, data))
            more.set()
    except (ConnectionError, OSError):
        pass
    done = True
    more.set()
    with contextlib.suppress(ConnectionError, OSError):
        await sender
        await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()


async def _handle(
    client_r: asyncio.StreamReader,
    client_w: asyncio.StreamWriter,
    host: str,
    port: int,
    delay: float,
) -> None:
    try:
        server_r, server_w = await asyncio.open_connection(host, port)
    except OSError:
        client_w.close()
        return
    for w in (client_w, server_w):
        sock = w.get_extra_info("socket")
        if sock is not None:
            import socket

            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    await asyncio.gather(
        _pump(client_r, server_w, delay), _pump(server_r, client_w, delay), return_exceptions=True
    )
    for w in (client_w, server_w):
        with contextlib.suppress(Exception):
            w.close()


async def serve(listen: int, host: str, port: int, rtt_ms: float) -> None:
    delay = rtt_ms / 2000.0

    def connected(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        _keep(asyncio.ensure_future(_handle(r, w, host, port, delay)))

    server = await asyncio.start_server(connected, "127.0.0.1", listen)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


def main() -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.delay_proxy")
    ap.add_argument("--listen", type=int, required=True)
    ap.add_argument("--to", required=True, help="host:port")
    ap.add_argument("--rtt-ms", type=float, default=20.0)
    args = ap.parse_args()
    host, _, port = args.to.rpartition(":")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.listen, host, int(port), args.rtt_ms))
    return 0


if __name__ == "__main__":
    sys.exit(main())

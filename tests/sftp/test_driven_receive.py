"""Downloads read on the download's own thread (fastpipe.BulkReceiver.drive) into whole SFTP
replies (fastpipe.ReplySink), against a real OpenSSH sshd: every byte arrives, paramiko's
rekeying keeps working, cancel and a cut connection end as before, and the connection is
usable afterwards (what the sink held goes back to paramiko's reads)."""

from __future__ import annotations

import random
import struct
import threading
from pathlib import Path

import paramiko
import pytest

from bowebb_console.sftp import fastpipe
from bowebb_console.sftp.connection import SftpConnection, Tuning
from bowebb_console.sftp.engine import TransferEngine
from tests.sftp.conftest import Sshd, open_conn, sha256sum, write_random

MiB = 1024 * 1024


def _receiver(c: SftpConnection) -> fastpipe.BulkReceiver:
    transport = c.client.get_transport()
    assert transport is not None
    receiver = fastpipe.receiver_of(transport)
    assert receiver is not None
    return receiver


def _dirs(tmp_path: Path) -> tuple[Path, Path]:
    remote, back = tmp_path / "remote", tmp_path / "back"
    remote.mkdir()
    back.mkdir()
    return remote, back


@pytest.mark.sshd
def test_driven_download_is_byte_exact(sshd: Sshd, tmp_path: Path) -> None:
    remote, back = _dirs(tmp_path)
    size = 24 * MiB + 4321  # not a multiple of the 255 KiB requests
    expected = write_random(remote / "big.bin", size)
    with open_conn(sshd) as c:
        receiver = _receiver(c)
        records = []
        eng = TransferEngine.for_connection(c, records.append)
        r = eng.download_file(str(remote / "big.bin"), back)
        assert records == [r]
        assert (r.result, r.size, r.sha256) == ("ok", size, expected), r
        assert receiver.driven_packets > size // (64 * 1024)  # read on the reader's thread
        # Afterwards the transport thread reads again: paramiko's own requests work.
        assert c.sftp.stat(str(remote / "big.bin")).st_size == size
        assert c.sftp.listdir(str(back)) == ["big.bin"]
        # An empty file and a one-byte file go the same way.
        for name, n in (("empty", 0), ("one", 1)):
            want = write_random(remote / name, n)
            r = eng.download_file(str(remote / name), back)
            assert (r.result, r.sha256) == ("ok", want)
    assert sha256sum(back / "big.bin") == expected
    assert sorted(p.name for p in back.iterdir()) == ["big.bin", "empty", "one"]


@pytest.mark.sshd
def test_rekey_while_the_reader_drives(sshd: Sshd, tmp_path: Path) -> None:
    remote, back = _dirs(tmp_path)
    size = 20 * MiB + 7
    expected = write_random(remote / "big.bin", size)
    with open_conn(sshd) as c:
        receiver = _receiver(c)
        transport = c.client.get_transport()
        assert transport is not None
        kex = []
        activate = transport._activate_inbound

        def counted() -> None:
            kex.append(1)
            activate()

        transport._activate_inbound = counted  # type: ignore[method-assign]
        transport.packetizer.REKEY_BYTES = 3 * MiB  # paramiko's is 512 MiB
        eng = TransferEngine.for_connection(c, lambda r: None)
        r = eng.download_file(str(remote / "big.bin"), back)
        assert (r.result, r.sha256) == ("ok", expected), r
        assert len(kex) >= 3, kex  # new keys every 3 MiB received, while the reader drove
        assert receiver.driven_packets > 0 and receiver.slow_calls > 0
        # And again on the keys exchanged meanwhile.
        (back / "big.bin").unlink()
        r = eng.download_file(str(remote / "big.bin"), back)
        assert (r.result, r.sha256) == ("ok", expected), r
    assert sha256sum(back / "big.bin") == expected


@pytest.mark.sshd
def test_cancel_while_the_reader_drives(sshd: Sshd, tmp_path: Path) -> None:
    """Cancel mid-file: nothing left behind, the replies in flight are collected (through
    what the sink gave back) and the same connection downloads the next file exactly."""
    remote, back = _dirs(tmp_path)
    expected = write_random(remote / "big.bin", 32 * MiB)
    with open_conn(sshd) as c:
        receiver = _receiver(c)
        eng = TransferEngine.for_connection(c, lambda r: None)
        cancel = threading.Event()

        def stop(done: int, total: int) -> None:
            if done > 5 * MiB:
                cancel.set()

        r = eng.download_file(str(remote / "big.bin"), back, progress=stop, cancel=cancel)
        assert r.result == "cancelled" and r.sha256 is None
        assert list(back.iterdir()) == []
        assert receiver.driven_packets > 0
        r = eng.download_file(str(remote / "big.bin"), back)
        assert (r.result, r.sha256) == ("ok", expected), r
        assert c.sftp.stat(str(remote / "big.bin")).st_size == 32 * MiB


@pytest.mark.sshd
def test_cut_while_the_reader_drives(own_sshd: Sshd, tmp_path: Path) -> None:
    """The server's sessions killed mid-file: connection_lost (not a timeout, and without
    waiting for one), the part kept, and a new connection resumes it exactly."""
    remote, back = _dirs(tmp_path)
    expected = write_random(remote / "big.bin", 48 * MiB)
    c = open_conn(own_sshd, tuning=Tuning(stall_timeout=30.0))
    receiver = _receiver(c)
    eng = TransferEngine.for_connection(c, lambda r: None)

    def cut(done: int, total: int) -> None:
        if done > total // 3:
            own_sshd.kill_sessions()

    r = eng.download_file(str(remote / "big.bin"), back, progress=cut)
    assert receiver.driven_packets > 0
    c.close()
    assert (r.result, r.error_kind) == ("failed", "connection_lost"), r
    assert r.duration_s < 20
    assert 0 < (back / "big.bin.part").stat().st_size < 48 * MiB
    with open_conn(own_sshd) as c:
        r = TransferEngine.for_connection(c, lambda r: None).download_file(
            str(remote / "big.bin"), back
        )
    assert r.result == "ok" and r.resumed_from and r.sha256 == expected


@pytest.mark.sshd
@pytest.mark.parametrize(
    "tuning",
    [Tuning(drive_receive=False), Tuning(reply_sink=False), Tuning(read_batch=1)],
    ids=["transport-thread-feeds-the-sink", "no-sink", "one-request-at-a-time"],
)
def test_the_switches(sshd: Sshd, tmp_path: Path, tuning: Tuning) -> None:
    remote, back = _dirs(tmp_path)
    expected = write_random(remote / "f.bin", 6 * MiB + 5)
    with open_conn(sshd, tuning=tuning) as c:
        receiver = _receiver(c)
        r = TransferEngine.for_connection(c, lambda r: None).download_file(
            str(remote / "f.bin"), back
        )
        assert (r.result, r.sha256) == ("ok", expected), r
        assert (receiver.driven_packets > 0) == (tuning.drive_receive and tuning.reply_sink)


def _sftp_stream(rng: random.Random) -> tuple[bytes, list[tuple[int, int, bytes]]]:
    """SFTP messages as sftp-server frames them: DATA replies of many sizes (0 included),
    STATUS replies, a DATA whose length does not match its message, a message too short for
    a request id. Returns the stream and (type, request id, what _read_data_reply reads)."""
    out, want = [], []
    for num in range(60):
        kind = rng.random()
        if kind < 0.7:
            data = rng.randbytes(rng.choice([0, 1, 13, 4096, 255 * 1024, rng.randrange(300000)]))
            out.append(struct.pack(">IBII", 9 + len(data), 103, num, len(data)) + data)
            want.append((103, num, data))
        elif kind < 0.9:
            body = struct.pack(">II", 1, 5) + b"\0\0\0\0"
            out.append(struct.pack(">IBI", 5 + len(body), 101, num) + body)
            want.append((101, num, body))
        elif kind < 0.95:
            body = struct.pack(">I", 10) + b"short"  # says 10 bytes, has 5
            out.append(struct.pack(">IBI", 5 + len(body), 103, num) + body)
            want.append((103, num, body))
        else:
            out.append(struct.pack(">IB", 3, 101) + b"\x00\x07")
            want.append((101, 0x00070000, b""))
    return b"".join(out), want


@pytest.mark.parametrize("seed", range(6))
def test_reply_sink_reads_what_paramiko_reads(seed: int) -> None:
    """Fed in pieces of any size (through either feed), the sink gives each message as
    _read_data_reply reads it; detached at any point, the pipe holds exactly the bytes not
    yet taken, in order."""
    rng = random.Random(seed)
    stream, want = _sftp_stream(rng)
    pipe = fastpipe.ChunkPipe()
    pool = fastpipe.BufferPool(255 * 1024)
    sink = pipe.attach_sink(pool)
    assert sink is not None and pipe.attach_sink() is None  # one at a time
    stop_after = rng.randrange(len(want))
    got: list[tuple[int, int, bytes]] = []
    consumed = 0
    pos = 0
    while pos < len(stream) and len(got) < stop_after:
        n = rng.choice([1, 7, 13, 16 * 1024, 32 * 1024, 70000])
        piece = stream[pos : pos + n]
        pos += len(piece)
        if rng.random() < 0.5:
            pipe.feed_view(memoryview(bytearray(piece)))
        else:
            pipe.feed(piece)
        while len(got) < stop_after:
            with pipe._lock:
                item = sink.wait(0)
            if item is None:
                break
            t, num, body, raw = item
            if isinstance(body, bytearray):
                got.append((t, num, bytes(body)))
                pool.give(body)
            else:
                assert body[0] == t
                got.append((t, num, body[5:]))
            consumed += raw
    assert got == want[: len(got)]
    pipe.detach_sink(sink)
    pipe.feed(stream[pos:])  # what comes after the detach is plain buffered data
    assert len(pipe) == len(stream) - consumed
    assert pipe.empty() == stream[consumed:]


def test_reply_sink_refuses_garbage_and_gives_it_back() -> None:
    pipe = fastpipe.ChunkPipe()
    sink = pipe.attach_sink()
    assert sink is not None
    good = struct.pack(">IBII", 9 + 3, 103, 1, 3) + b"abc"
    bad = b"\x01\x00\x00\x00garbage"
    pipe.feed(good + bad)
    with pipe._lock:
        assert sink.wait(0)[:2] == (103, 1)
        assert sink.wait(0)[0] == -1  # the reader raises "Garbage packet received"
    pipe.detach_sink(sink)
    assert pipe.read(100) == bad


def test_reply_sink_wakes_on_close_and_times_out() -> None:
    pipe = fastpipe.ChunkPipe()
    sink = pipe.attach_sink()
    assert sink is not None
    with pipe._lock, pytest.raises(paramiko.buffered_pipe.PipeTimeout):
        sink.get(0.05)
    threading.Timer(0.05, pipe.close).start()
    with pipe._lock, pytest.raises(EOFError):
        sink.get(5.0)

"""Downloads through fastpipe.BulkReceiver (AES-GCM channel packets read many per recv,
decrypted with paramiko's state and handed to their channel past paramiko's per-packet path),
against a real OpenSSH sshd: every byte arrives, paramiko's rekeying keeps working, anything
unusual goes paramiko's own way.

Cancel, a cut connection and resume mid-download run through the same path in
test_transfer.py and test_no_wrong_ok.py."""

from __future__ import annotations

import threading
from pathlib import Path

import paramiko
import pytest
from paramiko.buffered_pipe import PipeTimeout

from bowebb_console.sftp import fastpipe, wire
from bowebb_console.sftp.connection import SftpConnection, Tuning
from bowebb_console.sftp.engine import TransferEngine
from bowebb_console.sftp.queue import TransferRecord
from tests.sftp.conftest import Sshd, open_conn, sha256sum, write_random

MiB = 1024 * 1024


def _download(c: SftpConnection, tmp_path: Path, size: int) -> tuple[TransferRecord, str, Path]:
    remote, back = tmp_path / "remote", tmp_path / "back"
    remote.mkdir()
    back.mkdir()
    expected = write_random(remote / "big.bin", size)
    records: list[TransferRecord] = []
    eng = TransferEngine.for_connection(c, records.append)
    r = eng.download_file(str(remote / "big.bin"), back)
    assert records == [r]
    return r, expected, back / "big.bin"


def _assert_exact(r: TransferRecord, expected: str, target: Path, size: int) -> None:
    assert (r.result, r.reason, r.error_kind) == ("ok", None, None), r
    assert r.size == size and r.sha256 == expected
    assert sha256sum(target) == expected
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no part left


def _receiver(c: SftpConnection) -> tuple[paramiko.Transport, fastpipe.BulkReceiver | None]:
    transport = c.client.get_transport()
    assert transport is not None
    return transport, fastpipe.receiver_of(transport)


@pytest.mark.sshd
def test_bulk_download_is_byte_exact(sshd: Sshd, tmp_path: Path) -> None:
    size = 24 * MiB + 12345
    with open_conn(sshd) as c:
        assert "gcm" in c.cipher
        transport, receiver = _receiver(c)
        assert receiver is not None
        r, expected, target = _download(c, tmp_path, size)
        assert receiver.fast_packets > size // (64 * 1024)  # sshd sends 16-32 KiB packets
        # The connection still works for paramiko's own requests afterwards.
        assert c.sftp.stat(str(tmp_path / "remote" / "big.bin")).st_size == size
        assert transport.is_active()
    _assert_exact(r, expected, target, size)


@pytest.mark.sshd
def test_rekey_in_the_middle_of_a_download(sshd: Sshd, tmp_path: Path) -> None:
    size = 20 * MiB + 7
    with open_conn(sshd) as c:
        transport, receiver = _receiver(c)
        assert receiver is not None
        kex = []
        activate = transport._activate_inbound

        def counted() -> None:
            kex.append(1)
            activate()

        transport._activate_inbound = counted  # type: ignore[method-assign]
        transport.packetizer.REKEY_BYTES = 3 * MiB  # paramiko's is 512 MiB
        r, expected, target = _download(c, tmp_path, size)
        assert len(kex) >= 3, kex  # new keys every 3 MiB received
        assert receiver.fast_packets > 0 and receiver.slow_calls > 0
        assert c.sftp.stat(str(target)).st_size == size
        # And again, on keys exchanged while this path was reading.
        (tmp_path / "back" / "big.bin").unlink()
        r2 = TransferEngine.for_connection(c, lambda r: None).download_file(
            str(tmp_path / "remote" / "big.bin"), tmp_path / "back"
        )
        assert r2.sha256 == expected
    _assert_exact(r, expected, target, size)


@pytest.mark.sshd
def test_other_ciphers_go_paramikos_way_down(sshd: Sshd, tmp_path: Path) -> None:
    size = 5 * MiB + 3
    with open_conn(sshd, tuning=Tuning(ciphers=("aes128-ctr",))) as c:
        assert c.cipher == "aes128-ctr"
        _, receiver = _receiver(c)
        assert receiver is not None
        r, expected, target = _download(c, tmp_path, size)
        assert receiver.fast_packets == 0 and receiver.slow_calls > size // (256 * 1024)
    _assert_exact(r, expected, target, size)


@pytest.mark.sshd
def test_bulk_receive_can_be_switched_off(sshd: Sshd, tmp_path: Path) -> None:
    size = 3 * MiB
    with open_conn(sshd, tuning=Tuning(bulk_receive=False)) as c:
        _, receiver = _receiver(c)
        assert receiver is None
        r, expected, target = _download(c, tmp_path, size)
    _assert_exact(r, expected, target, size)


@pytest.mark.sshd
def test_uploads_and_listings_through_the_receiver(sshd: Sshd, tmp_path: Path) -> None:
    """Uploads get their replies and window adjusts through it too; small requests work."""
    out, remote = tmp_path / "out", tmp_path / "remote"
    out.mkdir()
    remote.mkdir()
    expected = write_random(out / "up.bin", 9 * MiB + 1)
    with open_conn(sshd) as c:
        _, receiver = _receiver(c)
        assert receiver is not None
        eng = TransferEngine.for_connection(c, lambda r: None)
        r = eng.upload_file(out / "up.bin", str(remote))
        assert r.result == "ok" and sha256sum(remote / "up.bin") == expected
        names = [a.filename for a in wire.listdir_attr(c.sftp, str(remote))]
        assert names == ["up.bin"]
        assert receiver.fast_packets > 0


def test_chunk_pipe_timeout_counts_from_the_last_bytes() -> None:
    """A reader waiting for a whole message is not woken by every packet; its timeout still
    counts from the last bytes that arrived (a slow trickle is not a stall)."""
    pipe = fastpipe.ChunkPipe()
    stop = threading.Event()

    def trickle() -> None:
        for _ in range(20):
            if stop.wait(0.1):
                return
            pipe.feed(b"x")

    t = threading.Thread(target=trickle)
    t.start()
    try:
        assert pipe.read_exact(20, timeout=1.0) == b"x" * 20  # takes ~2 s: longer than 1.0
    finally:
        stop.set()
        t.join()
    with pytest.raises(PipeTimeout):
        pipe.read_exact(1, timeout=0.2)  # nothing arrives: a stall
    pipe.feed(b"ab")
    assert pipe.read_exact(1) == b"a" and pipe.read(5) == b"b"
    pipe.close()
    assert pipe.read_exact(3) == b""


def test_bulk_receive_reads_what_paramiko_reads() -> None:
    """The same stream of AES-GCM packets read by paramiko's Packetizer.read_message and by
    BulkReceiver: the same channel data, the same other messages (with their sequence
    numbers), the same cipher state and counts after, and the end of the stream is paramiko's
    EOFError."""
    import socket
    import types

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from paramiko.common import cMSG_CHANNEL_DATA, cMSG_CHANNEL_WINDOW_ADJUST, cMSG_IGNORE

    key, iv = bytes(range(16)), bytes(range(100, 112))
    messages = []
    # 600 000 bytes: larger than BulkReceiver takes (paramiko reads that one itself).
    for i, size in enumerate([32704, 16384, 5, 1000, 0, 17, 262000, 600000, 1, 16, 40000]):
        m = paramiko.Message()
        m.add_byte(cMSG_CHANNEL_DATA)
        m.add_int(9 if i == 3 else 7)  # channel 9 is not open: paramiko's way
        m.add_string(bytes([i + 1]) * size)
        messages.append(m)
        if i in (2, 6):
            other = paramiko.Message()
            other.add_byte(cMSG_CHANNEL_WINDOW_ADJUST if i == 2 else cMSG_IGNORE)
            other.add_int(7)
            other.add_int(12345)
            messages.append(other)

    writers = []

    def stream() -> socket.socket:
        a, b = socket.socketpair()

        def write() -> None:
            pk = paramiko.Packetizer(a)
            pk.set_outbound_cipher(AESGCM(key), 16, None, 16, b"", aead=True, iv_out=iv)
            for m in messages:
                pk.send_message(m)
            a.close()

        writers.append(threading.Thread(target=write, daemon=True))
        writers[-1].start()
        return b

    def reader(sock: socket.socket) -> paramiko.Packetizer:
        pk = paramiko.Packetizer(sock)
        pk.set_inbound_cipher(AESGCM(key), 16, None, 16, b"", aead=True, iv_in=iv)
        return pk

    theirs = reader(stream())
    expected_fed, expected_returned = [], []
    with pytest.raises(EOFError):
        while True:
            cmd, msg = theirs.read_message()
            body = msg.asbytes()
            if cmd == 94 and msg.get_int() == 7:
                expected_fed.append(msg.get_binary())
            else:
                expected_returned.append((cmd, body, msg.seqno))

    ours = reader(stream())
    fed: list[bytes] = []
    chan = types.SimpleNamespace(_feed=fed.append)

    class FakeTransport:  # what BulkReceiver reads of a Transport (weak-referenceable)
        active, in_kex, _expected_packet = True, False, ()
        packetizer, _channels = ours, {7: chan}

    transport = FakeTransport()
    receiver = fastpipe.install_receiver(transport)  # type: ignore[arg-type]
    returned = []
    with pytest.raises(EOFError):
        while True:
            cmd, msg = ours.read_message()
            body = msg.asbytes()
            if cmd == 94 and msg.get_int() == 7:  # as Transport.run hands it on
                fed.append(msg.get_binary())
            else:
                returned.append((cmd, body, msg.seqno))
    assert fed == expected_fed and returned == expected_returned
    assert receiver.fast_packets == len(expected_fed) - 1 and receiver.returned_packets == 3
    assert receiver.slow_calls >= 2  # the large packet, and the end of the stream
    for name in ("iv_in", "sequence_number_in", "received_bytes", "received_packets"):
        assert getattr(ours, f"_Packetizer__{name}") == getattr(theirs, f"_Packetizer__{name}")
    for w in writers:
        w.join()


@pytest.mark.sshd
def test_download_after_the_channel_gave_out_a_fileno(sshd: Sshd, tmp_path: Path) -> None:
    """Channel.fileno() hands the pipe paramiko's own event (a pipe, not a threading.Event)."""
    size = 2 * MiB + 5
    with open_conn(sshd) as c:
        chan = c.sftp.get_channel()
        assert chan is not None and chan.fileno() >= 0
        r, expected, target = _download(c, tmp_path, size)
    _assert_exact(r, expected, target, size)

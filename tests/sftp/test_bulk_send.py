"""Uploads through fastpipe.BulkSender (channel packets framed and encrypted in bulk, past
paramiko's per-packet path), against a real OpenSSH sshd: every byte arrives, paramiko's
rekeying and window accounting keep working, anything unusual goes paramiko's own way.

Cancel and a cut connection mid-upload run through the same path in test_transfer.py
(test_cancel_one_and_all, test_server_killed_mid_upload_then_resume)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bowebb_console.sftp import fastpipe, files, wire
from bowebb_console.sftp.connection import SftpConnection, Tuning
from bowebb_console.sftp.engine import TransferEngine
from bowebb_console.sftp.queue import TransferRecord
from tests.sftp.conftest import Sshd, open_conn, sha256sum, write_random

KiB = 1024

MiB = 1024 * 1024


def _upload(c: SftpConnection, tmp_path: Path, size: int) -> tuple[TransferRecord, str, Path]:
    out, remote = tmp_path / "out", tmp_path / "remote"
    out.mkdir()
    remote.mkdir()
    expected = write_random(out / "big.bin", size)
    records: list[TransferRecord] = []
    r = TransferEngine.for_connection(c, records.append).upload_file(out / "big.bin", str(remote))
    assert records == [r]
    return r, expected, remote / "big.bin"


def _sender(c: SftpConnection) -> fastpipe.BulkSender:
    sender = fastpipe.sender_of(c.sftp)
    assert sender is not None
    return sender


def _senders(c: SftpConnection) -> list[fastpipe.BulkSender]:
    """The main session's and the extra sessions' (striped uploads)."""
    out = [_sender(c)]
    for other in wire._EXTRA.get(c.sftp, []):
        sender = fastpipe.sender_of(other)
        assert sender is not None
        out.append(sender)
    return out


def _assert_exact(r: TransferRecord, expected: str, target: Path, size: int) -> None:
    assert (r.result, r.reason, r.error_kind) == ("ok", None, None), r
    assert r.size == size and r.sha256 == expected
    assert sha256sum(target) == expected
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temp left


@pytest.mark.sshd
@pytest.mark.parametrize("depth", [8, 40], ids=["window-open", "window-shut"])
def test_bulk_upload_is_byte_exact(sshd: Sshd, tmp_path: Path, depth: int) -> None:
    # 40 x 255 KiB in flight is five times sshd's 2 MiB window: sends wait for window adjusts.
    size = 24 * MiB + 12345
    with open_conn(sshd, tuning=Tuning(write_depth=depth, upload_channels=1)) as c:
        assert "gcm" in c.cipher
        r, expected, target = _upload(c, tmp_path, size)
        sender = _sender(c)
        assert sender.fast_packets > size // (32 * 1024) and sender.slow_packets == 0
        # The channel still works for paramiko's own requests afterwards.
        assert c.sftp.stat(str(target)).st_size == size
    _assert_exact(r, expected, target, size)


@pytest.mark.sshd
def test_rekey_in_the_middle_of_an_upload(sshd: Sshd, tmp_path: Path) -> None:
    size = 20 * MiB + 7
    with open_conn(sshd) as c:
        transport = c.client.get_transport()
        assert transport is not None
        kex = []
        activate = transport._activate_outbound

        def counted() -> None:
            kex.append(1)
            activate()

        transport._activate_outbound = counted  # type: ignore[method-assign]
        assert len(wire.extra_opener(c.sftp, c.tuning).get()) == 1  # open: the upload uses it
        transport.packetizer.REKEY_BYTES = 3 * MiB  # paramiko's is 512 MiB
        r, expected, target = _upload(c, tmp_path, size)
        senders = _senders(c)
        assert len(senders) == 2  # striped over two channels: both keep the one key state
        assert len(kex) >= 3, kex  # new keys every 3 MiB sent, plus the exchange itself
        assert all(s.fast_packets > 0 for s in senders)
        assert sum(s.slow_packets for s in senders) > 0
        assert c.sftp.stat(str(target)).st_size == size
    _assert_exact(r, expected, target, size)


@pytest.mark.sshd
def test_other_ciphers_go_paramikos_way(sshd: Sshd, tmp_path: Path) -> None:
    size = 5 * MiB + 3
    with open_conn(sshd, tuning=Tuning(ciphers=("aes128-ctr",))) as c:
        assert c.cipher == "aes128-ctr"
        r, expected, target = _upload(c, tmp_path, size)
        sender = _sender(c)
        assert sender.fast_packets == 0 and sender.slow_packets > size // (32 * 1024)
    _assert_exact(r, expected, target, size)


@pytest.mark.sshd
def test_bulk_send_can_be_switched_off(sshd: Sshd, tmp_path: Path) -> None:
    size = 3 * MiB
    with open_conn(sshd, tuning=Tuning(bulk_send=False)) as c:
        assert fastpipe.sender_of(c.sftp) is None
        r, expected, target = _upload(c, tmp_path, size)
    _assert_exact(r, expected, target, size)


def test_split_into_packets() -> None:
    views = [memoryview(b"abc"), memoryview(b"defghij"), memoryview(b"k")]
    packets, rest = fastpipe._split(views, 9, 4)
    assert [b"".join(p) for p in packets] == [b"abcd", b"efgh", b"i"]
    assert [bytes(v) for v in rest] == [b"j", b"k"]
    packets, rest = fastpipe._split(rest, 2, 4)
    assert [b"".join(p) for p in packets] == [b"jk"] and rest == []


@pytest.mark.sshd
@pytest.mark.parametrize("channels", [2, 3])
def test_striped_upload_is_byte_exact(sshd: Sshd, tmp_path: Path, channels: int) -> None:
    size = 40 * MiB + 4321
    with open_conn(sshd, tuning=Tuning(upload_channels=channels)) as c:
        # Opened ahead here so that every one surely joins (an upload does not wait).
        first = wire.extra_opener(c.sftp, c.tuning).get()
        assert len(first) == channels - 1
        r, expected, target = _upload(c, tmp_path, size)
        senders = _senders(c)
        assert len(senders) == channels
        assert all(s.fast_packets > 0 for s in senders)  # every channel carried data
        # The sessions stay open for the next upload, and the main one still works.
        assert c.sftp.stat(str(target)).st_size == size
        assert wire.extra_opener(c.sftp, c.tuning).get() == first
    _assert_exact(r, expected, target, size)


@pytest.mark.sshd
def test_striped_upload_cancelled_leaves_nothing(sshd: Sshd, tmp_path: Path) -> None:
    out, remote = tmp_path / "out", tmp_path / "remote"
    out.mkdir()
    remote.mkdir()
    write_random(out / "big.bin", 40 * MiB)
    with open_conn(sshd) as c:
        assert len(wire.extra_opener(c.sftp, c.tuning).get()) == 1  # so it surely is striped
        eng = TransferEngine.for_connection(c, lambda r: None)
        cancel = __import__("threading").Event()
        r = eng.upload_file(
            out / "big.bin", str(remote), progress=lambda d, t: d > t // 3 and cancel.set(),
            cancel=cancel,
        )  # fmt: skip
        assert r.result == "cancelled" and list(remote.iterdir()) == []
        # Both channels were drained: the connection carries the next upload.
        write_random(out / "next.bin", 20 * MiB)
        r = eng.upload_file(out / "next.bin", str(remote))
        assert r.result == "ok" and sha256sum(remote / "next.bin") == r.sha256


@pytest.mark.sshd
def test_resume_backs_off_over_a_striped_gap(sshd: Sshd, tmp_path: Path) -> None:
    """A striped upload cut off may leave a gap (one channel's writes not yet made) within
    STRIPE_SPAN of the temporary file's end: a resume re-sends that stretch."""
    out, remote = tmp_path / "out", tmp_path / "remote"
    out.mkdir()
    remote.mkdir()
    src = out / "big.bin"
    expected = write_random(src, 30 * MiB)
    data = src.read_bytes()
    temp = Path(files._temp_name(str(remote), "big.bin", src.stat()))
    there = 20 * MiB
    gap = bytearray(data[:there])
    gap[there - 3 * MiB : there - 2 * MiB] = bytes(MiB)  # never written: zeros
    temp.write_bytes(bytes(gap))
    with open_conn(sshd) as c:
        r = TransferEngine.for_connection(c, lambda r: None).upload_file(src, str(remote))
    assert (r.result, r.resumed_from) == ("ok", there - wire.STRIPE_SPAN)
    assert r.sha256 == expected == sha256sum(remote / "big.bin")
    assert not temp.exists()


def test_bulk_packets_are_byte_for_byte_paramikos(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same channel data through paramiko's Packetizer.send_message and through
    BulkSender gives the same bytes on the wire and the same cipher state after."""
    import os
    import socket
    import types

    import paramiko
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from paramiko.common import cMSG_CHANNEL_DATA

    # Padding is random on both paths (drawn per packet or per batch): zeros here, so the
    # bytes can be compared.
    monkeypatch.setattr(os, "urandom", bytes)
    key, iv = bytes(range(16)), bytes(range(100, 112))
    sizes = [32704, 32704, 5, 1000, 32703, 17, 32704, 1, 2, 3, 14, 15, 16]
    chunks = [bytes([i + 1]) * size for i, size in enumerate(sizes)]

    def packetizer() -> tuple[paramiko.Packetizer, socket.socket]:
        a, b = socket.socketpair()
        pk = paramiko.Packetizer(a)
        pk.set_outbound_cipher(AESGCM(key), 16, None, 16, b"", aead=True, iv_out=iv)
        return pk, b

    theirs, their_sock = packetizer()
    for data in chunks:
        m = paramiko.Message()
        m.add_byte(cMSG_CHANNEL_DATA)
        m.add_int(7)
        m.add_string(data)
        theirs.send_message(m)
    ours, our_sock = packetizer()
    chan = types.SimpleNamespace(transport=None, remote_chanid=7, out_max_packet_size=32768)
    sender = fastpipe.BulkSender(chan)  # type: ignore[arg-type]
    packets = [[memoryview(d)] for d in chunks]
    assert sender._encrypt_and_write(ours, packets) == len(chunks)

    def drain(sock: socket.socket) -> bytes:
        sock.setblocking(False)
        out = b""
        while True:
            try:
                got = sock.recv(1 << 20)
            except BlockingIOError:
                return out
            out += got

    wire_theirs, wire_ours = drain(their_sock), drain(our_sock)
    assert len(wire_ours) > sum(map(len, chunks)) and wire_ours == wire_theirs
    for name in ("iv_out", "sequence_number_out", "sent_bytes", "sent_packets"):
        assert getattr(ours, f"_Packetizer__{name}") == getattr(theirs, f"_Packetizer__{name}")

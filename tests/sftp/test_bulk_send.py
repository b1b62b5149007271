"""Uploads through fastpipe.BulkSender (channel packets framed and encrypted in bulk, past
paramiko's per-packet path), against a real OpenSSH sshd: every byte arrives, paramiko's
rekeying and window accounting keep working, anything unusual goes paramiko's own way.

Cancel and a cut connection mid-upload run through the same path in test_transfer.py
(test_cancel_one_and_all, test_server_killed_mid_upload_then_resume)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bowebb_console.sftp import fastpipe
from bowebb_console.sftp.connection import SftpConnection, Tuning
from bowebb_console.sftp.engine import TransferEngine
from bowebb_console.sftp.queue import TransferRecord
from tests.sftp.conftest import Sshd, open_conn, sha256sum, write_random

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
    with open_conn(sshd, tuning=Tuning(write_depth=depth)) as c:
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
        transport.packetizer.REKEY_BYTES = 3 * MiB  # paramiko's is 512 MiB
        r, expected, target = _upload(c, tmp_path, size)
        sender = _sender(c)
        assert len(kex) >= 5, kex  # new keys about every 3 MiB sent
        assert sender.fast_packets > 0 and sender.slow_packets > 0
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

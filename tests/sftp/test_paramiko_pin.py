"""The SFTP engine drives paramiko's private API (the list, and why: the top of
bowebb_console/sftp/wire.py). These tests fail loudly, naming what to re-check, when paramiko
is a major version nobody has read against that list, or when one of the names moved.

Private API read identical in paramiko 3.4.0, 3.5.1, 4.0.0, 5.0.0 and 5.1.0 (sftp_client.py,
sftp.py, sftp_file.py, channel.py, buffered_pipe.py, transport.py).
"""

from __future__ import annotations

import importlib.metadata
import inspect
from pathlib import Path

import paramiko
import paramiko.buffered_pipe
import paramiko.common
import paramiko.sftp
import pytest

from bowebb_console.sftp import fastpipe, wire
from bowebb_console.sftp.connection import SftpConnection

PARAMIKO_MAJOR = 5  # keep equal to the major of the pin in pyproject.toml

RECHECK = (
    "Re-check every private paramiko name listed at the top of bowebb_console/sftp/wire.py "
    "against this paramiko's source (sftp_client.py, sftp.py, sftp_file.py, channel.py, "
    "buffered_pipe.py, transport.py), run tests/sftp/ and `python -m benchmarks.sftp`, then "
    "update PARAMIKO_MAJOR in tests/sftp/test_paramiko_pin.py and the paramiko pin in "
    "pyproject.toml."
)

# (owner, name) -> the call signature the engine relies on.
SIGNATURES = {
    (paramiko.SFTPClient, "_async_request"): "(self, fileobj, t, *args)",
    (paramiko.SFTPClient, "_read_response"): "(self, waitfor=None)",
    (paramiko.SFTPClient, "_convert_status"): "(self, msg)",
    (paramiko.SFTPClient, "_request"): "(self, t, *args)",
    (paramiko.SFTPAttributes, "_from_msg"): "(msg, filename=None, longname=None)",
    (paramiko.SFTPClient, "_read_all"): "(self, n)",
    (paramiko.SFTPClient, "_write_all"): "(self, out)",
    (paramiko.SFTPClient, "_read_packet"): "(self)",
    (paramiko.SFTPClient, "_send_packet"): "(self, t, packet)",
    (paramiko.SFTPFile, "_async_response"): "(self, t, msg, num)",
    (paramiko.SFTPFile, "__init__"): "(self, sftp, handle, mode='r', bufsize=-1)",
    (paramiko.Channel, "_check_add_window"): "(self, n)",
    (paramiko.Transport, "_send_user_message"): "(self, data)",
    (paramiko.Channel, "_wait_for_send_window"): "(self, size)",
    (paramiko.Packetizer, "write_all"): "(self, out)",
    (paramiko.Packetizer, "_trigger_rekey"): "(self)",
    (paramiko.Packetizer, "_log"): "(self, level, msg)",
    (paramiko.Packetizer, "send_message"): "(self, data)",
    (paramiko.Packetizer, "read_message"): "(self)",
    (paramiko.Packetizer, "read_all"): "(self, n, check_rekey=False)",
    (paramiko.Channel, "_feed"): "(self, m)",
    (paramiko.Packetizer, "_check_keepalive"): "(self)",
}

# paramiko's own code that our replacements and requests must fit (source fragments).
CALLS = {
    (paramiko.SFTPClient, "_read_packet"): ["self._read_all("],
    (paramiko.SFTPClient, "_send_packet"): ["self._write_all("],
    (paramiko.SFTPClient, "_async_request"): [
        "self._lock",
        "self.request_number",
        "self._expecting[num] = fileobj",
        "self._send_packet(t, msg)",
    ],
    (paramiko.SFTPClient, "_read_response"): [
        "self._expecting",
        "fileobj._async_response(t, msg, num)",
    ],
    (paramiko.Channel, "recv"): ["self.in_buffer.read(", "self._check_add_window("],
    # fastpipe.BulkSender does what these do, for many packets at once.
    (paramiko.Channel, "send"): ["m.add_byte(cMSG_CHANNEL_DATA)", "m.add_int(self.remote_chanid)"],
    (paramiko.Channel, "_send"): [
        "self.lock.acquire()",
        "size = self._wait_for_send_window(size)",
        "m.add_string(s[:size])",
        "self.transport._send_user_message(m)",
    ],
    (paramiko.Channel, "_wait_for_send_window"): [
        "self.out_window_size -= size",
        "if self.out_max_packet_size - 64 < size:",
    ],
    (paramiko.Transport, "_send_user_message"): [
        "self.clear_to_send_lock.acquire()",
        "if self.clear_to_send.is_set():",
        "self._send_message(data)",
    ],
    (paramiko.Transport, "_send_message"): ["self.packetizer.send_message(data)"],
    (paramiko.Packetizer, "send_message"): [
        "self.__write_lock.acquire()",
        "self.__compress_engine_out",
        "packet = self._build_packet(data)",
        "self.__dump_packets",
        "elif self.__aead_out:",
        "out = packet[0:4] + self.__block_engine_out.encrypt(\n"
        "                        self.__iv_out, packet[4:], packet[0:4]\n",
        "self.__iv_out = self._inc_iv_counter(self.__iv_out)",
        "if self.__block_engine_out is not None and not self.__aead_out:",
        "next_seq = (self.__sequence_number_out + 1) & xffffffff",
        "self.__sequence_number_out = next_seq",
        "self.write_all(out)",
        "self.__sent_bytes += len(out)",
        "self.__sent_packets += 1",
        "self.__sent_packets >= self.REKEY_PACKETS",
        "or self.__sent_bytes >= self.REKEY_BYTES",
        "self.__received_bytes_overflow = 0",
        "self.__received_packets_overflow = 0",
        "self._trigger_rekey()",
    ],
    (paramiko.Packetizer, "_build_packet"): [
        "addlen = 4 if self.__etm_out or self.__aead_out else 8",
        "padding = 3 + bsize - ((len(payload) + addlen) % bsize)",
        'packet = struct.pack(">IB", len(payload) + padding + 1, padding)',
        "packet += os.urandom(padding)",
    ],
    # fastpipe.BulkReceiver does what these do, for AES-GCM channel data.
    (paramiko.Transport, "run"): [
        # (a rekey asked for by a packet the driving reader handed over is started here)
        "if self.packetizer.need_rekey() and not self.in_kex:",
        "self._send_kex_init()",
        "ptype, m = self.packetizer.read_message()",
        "if len(self._expected_packet) > 0:",
        "elif ptype in self._channel_handler_table:",
        "chanid = m.get_int()",
        "chan = self._channels.get(chanid)",
        "self._channel_handler_table[ptype](chan, m)",
    ],
    (paramiko.Channel, "_feed"): ["s = m.get_binary()", "self.in_buffer.feed(s)"],
    (paramiko.Packetizer, "read_all"): [
        "if len(self.__remainder) > 0:",
        "out = self.__remainder[:n]",
        "self.__remainder = self.__remainder[n:]",
        "x = self.__socket.recv(n)",
        # BulkReceiver.drive does what read_all does when a recv times out
        "except socket.timeout:",
        "if self.__closed:",
        "self._check_keepalive()",
    ],
    (paramiko.Packetizer, "read_message"): [
        "header = self.read_all(self.__block_size_in, check_rekey=True)",
        "if self.__aead_in:",
        "aad = header[:4]",
        "packet_size - self.__block_size_in + 4 + self.__mac_size_in",
        "header = self.__block_engine_in.decrypt(self.__iv_in, packet, aad)",
        "self.__iv_in = self._inc_iv_counter(self.__iv_in)",
        "padding = byte_ord(packet[0])",
        "payload = packet[1 : packet_size - padding]",
        "msg = Message(payload[1:])",
        "msg.seqno = self.__sequence_number_in",
        "self.__sequence_number_in = next_seq",
        "raw_packet_size = packet_size + self.__mac_size_in + 4",
        "self.__received_bytes += raw_packet_size",
        "self.__received_packets += 1",
        "if self.__need_rekey:",
        "elif (self.__received_packets >= self.REKEY_PACKETS) or (",
        "self.__received_bytes >= self.REKEY_BYTES",
        "self._trigger_rekey()",
        "cmd = byte_ord(payload[0])",
        "return cmd, msg",
    ],
    (paramiko.Packetizer, "_inc_iv_counter"): [
        "iv_counter_b = iv[4:]",
        'inc_iv_counter_b = inc_iv_counter.to_bytes(8, "big")',
        "new_iv = iv[0:4] + inc_iv_counter_b",
    ],
}


def _installed() -> str:
    return importlib.metadata.version("paramiko")


def test_paramiko_major_is_the_pinned_one() -> None:
    installed = _installed()
    major = int(installed.split(".")[0])
    assert major == PARAMIKO_MAJOR, (
        f"paramiko {installed} is installed, but the engine's use of paramiko's private API "
        f"was checked against paramiko {PARAMIKO_MAJOR}.x only. {RECHECK}"
    )


@pytest.mark.parametrize(
    ("owner", "name"), list(SIGNATURES), ids=[f"{o.__name__}.{n}" for o, n in SIGNATURES]
)
def test_private_name_keeps_its_signature(owner: type, name: str) -> None:
    where = f"paramiko {_installed()}: {owner.__name__}.{name}"
    func = getattr(owner, name, None)
    assert func is not None, f"{where} is gone. {RECHECK}"
    got = str(inspect.signature(func))
    assert got == SIGNATURES[(owner, name)], (
        f"{where}{got} was {SIGNATURES[(owner, name)]}. {RECHECK}"
    )


@pytest.mark.parametrize(
    ("owner", "name"), list(CALLS), ids=[f"{o.__name__}.{n}" for o, n in CALLS]
)
def test_paramiko_still_calls_what_we_replace(owner: type, name: str) -> None:
    source = inspect.getsource(getattr(owner, name))
    for fragment in CALLS[(owner, name)]:
        assert fragment in source, (
            f"paramiko {_installed()}: {owner.__name__}.{name} no longer contains "
            f"{fragment!r}. {RECHECK}"
        )


def test_module_names_and_protocol_numbers() -> None:
    where = f"paramiko {_installed()}"
    assert (
        paramiko.sftp.CMD_READ,
        paramiko.sftp.CMD_WRITE,
        paramiko.sftp.CMD_STATUS,
        paramiko.sftp.CMD_DATA,
    ) == (5, 6, 101, 103), f"{where}: SFTP message numbers. {RECHECK}"
    assert issubclass(paramiko.sftp.int64, int), f"{where}: paramiko.sftp.int64. {RECHECK}"
    assert paramiko.common.cMSG_CHANNEL_WINDOW_ADJUST == bytes([93]), f"{where}. {RECHECK}"
    assert issubclass(paramiko.buffered_pipe.PipeTimeout, Exception), f"{where}. {RECHECK}"


def test_chunk_pipe_has_every_method_of_buffered_pipe() -> None:
    """Channel calls its in_buffer's methods; ChunkPipe replaces it and must answer them all."""
    chan = paramiko.Channel(0)
    pipe_type = type(chan.in_buffer)
    assert pipe_type is paramiko.buffered_pipe.BufferedPipe, f"Channel.in_buffer. {RECHECK}"
    assert isinstance(chan.remote_chanid, int) and hasattr(chan, "timeout"), RECHECK
    public = [n for n in vars(pipe_type) if not n.startswith("_") or n == "__len__"]
    assert public, RECHECK
    for name in public:
        ours = getattr(fastpipe.ChunkPipe, name, None)
        assert ours is not None, f"BufferedPipe.{name} is new; ChunkPipe lacks it. {RECHECK}"
        theirs = inspect.signature(getattr(pipe_type, name))
        assert _shape(inspect.signature(ours)) == _shape(theirs), (
            f"BufferedPipe.{name}{theirs}. {RECHECK}"
        )


def _shape(sig: inspect.Signature) -> list[tuple[str, object, object]]:
    """Names, kinds and defaults: what a caller sees (our annotations aside)."""
    return [(p.name, p.kind, p.default) for p in sig.parameters.values()]


def test_wire_lists_every_private_name() -> None:
    doc = wire.__doc__ or ""
    for _owner, name in SIGNATURES:
        if name.startswith("_") and name != "__init__":
            assert name in doc, f"{name} is used but not listed at the top of wire.py"


def test_connect_keywords_exist() -> None:
    """Public, but added in 3.2-3.4 and what connection.connect is built on."""
    connect = inspect.signature(paramiko.SSHClient.connect).parameters
    for kw in ("transport_factory", "auth_strategy", "channel_timeout", "auth_timeout"):
        assert kw in connect, f"SSHClient.connect lost {kw}. {RECHECK}"
    transport = inspect.signature(paramiko.Transport.__init__).parameters
    for kw in ("default_window_size", "default_max_packet_size", "disabled_algorithms"):
        assert kw in transport, f"Transport() lost {kw}. {RECHECK}"


@pytest.mark.sshd
def test_live_client_has_the_private_state(conn: SftpConnection, tmp_path: Path) -> None:
    """The instance attributes send_write and fastpipe use, on a real session."""
    sftp = conn.sftp
    assert isinstance(sftp.request_number, int), f"SFTPClient.request_number. {RECHECK}"
    assert hasattr(sftp._lock, "__enter__"), f"SFTPClient._lock. {RECHECK}"
    assert hasattr(sftp._expecting, "__setitem__"), f"SFTPClient._expecting. {RECHECK}"
    chan = sftp.get_channel()
    assert chan is not None and isinstance(chan.in_buffer, fastpipe.ChunkPipe), RECHECK
    assert callable(chan.transport._send_user_message), RECHECK
    (tmp_path / "f").write_bytes(b"x")
    f = sftp.open(str(tmp_path / "f"), "rb")
    try:
        assert isinstance(f.handle, bytes), f"SFTPFile.handle. {RECHECK}"
    finally:
        f.close()


@pytest.mark.sshd
def test_live_packetizer_has_the_private_state(conn: SftpConnection) -> None:
    """The state fastpipe.BulkSender reads and advances, on a real AES-GCM session."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    transport = conn.client.get_transport()
    assert transport is not None and "gcm" in conn.cipher
    pk = transport.packetizer
    names = [
        "write_lock", "block_engine_out", "iv_out", "aead_out", "etm_out",
        "compress_engine_out", "dump_packets", "need_rekey", "block_size_out",
        "sequence_number_out", "sent_bytes", "sent_packets", "received_bytes_overflow",
        "received_packets_overflow",
    ]  # fmt: skip
    for name in names:
        assert hasattr(pk, f"_Packetizer__{name}"), f"Packetizer.__{name}. {RECHECK}"
    assert type(pk._Packetizer__block_engine_out) is AESGCM, RECHECK
    assert isinstance(pk._Packetizer__iv_out, bytes) and len(pk._Packetizer__iv_out) == 12
    assert pk._Packetizer__block_size_out == 16 and pk._Packetizer__aead_out is True, RECHECK
    assert hasattr(transport.clear_to_send, "is_set"), RECHECK
    assert hasattr(transport.clear_to_send_lock, "acquire") and transport.active, RECHECK
    # fastpipe.BulkReceiver's side.
    names = [
        "block_engine_in", "iv_in", "aead_in", "etm_in", "compress_engine_in", "block_size_in",
        "mac_size_in", "sequence_number_in", "received_bytes", "received_packets", "remainder",
        "socket", "closed",
    ]  # fmt: skip
    for name in names:
        assert hasattr(pk, f"_Packetizer__{name}"), f"Packetizer.__{name}. {RECHECK}"
    assert type(pk._Packetizer__block_engine_in) is AESGCM, RECHECK
    assert pk._Packetizer__mac_size_in == 16 and pk._Packetizer__aead_in is True, RECHECK
    assert isinstance(transport.in_kex, bool) and transport._expected_packet == (), RECHECK
    assert fastpipe.receiver_of(transport) is not None
    assert pk.read_message == fastpipe.receiver_of(transport).read_message, RECHECK
    chan = conn.sftp.get_channel()
    assert chan is not None and transport._channels.get(chan.chanid) is chan, RECHECK
    assert chan is not None and hasattr(chan.lock, "acquire"), RECHECK
    assert isinstance(chan.out_window_size, int) and isinstance(chan.out_max_packet_size, int)
    assert hasattr(chan, "out_buffer_cv") and isinstance(chan.closed, bool), RECHECK

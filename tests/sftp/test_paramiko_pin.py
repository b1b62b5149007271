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

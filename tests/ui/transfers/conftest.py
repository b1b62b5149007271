"""The real sshd of the SFTP tests, for the Transfers screen's tests."""

from tests.sftp.conftest import own_sshd, sshd

__all__ = ["own_sshd", "sshd"]

"""The real logins of the security tests (``logins``)."""

from tests.store.security.conftest import logins  # noqa: F401 - a fixture

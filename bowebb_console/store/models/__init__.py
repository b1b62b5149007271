"""SQLAlchemy 2.0 typed ORM models, one module per feature's tables. The schema itself is
made by Alembic migrations (store/migrations); these classes must match them, which a test
checks. Every table is imported here, so ``Base.metadata`` holds them all and
``from bowebb_console.store.models import Customer`` is the one way to name a table.
"""

from bowebb_console.store.models.base import NAMING, Base
from bowebb_console.store.models.breaches import Breach
from bowebb_console.store.models.customers import (
    EMAIL_MAX,
    NAME_MAX,
    PHONE_MAX,
    Contact,
    Customer,
    CustomerStatus,
    NoticeExport,
)
from bowebb_console.store.models.erasure import (
    ErasureCertificate,
    ErasureRequest,
    ErasureWipeDue,
    ErasureXact,
    PurgeApproval,
)
from bowebb_console.store.models.log import LogChainHead, LogEvent, LogPayload, PendingChange
from bowebb_console.store.models.meta import AppMeta, LifecycleSetting
from bowebb_console.store.models.processing import LIFECYCLE_FIELDS, Processing
from bowebb_console.store.models.review import SessionSummaryRow
from bowebb_console.store.models.subprocessors import (
    EVIDENCE_MAX_BYTES,
    DpaChecklistItem,
    SubProcessor,
    SubProcessorChange,
    SubProcessorEvidence,
    SubProcessorObjection,
)
from bowebb_console.store.models.transfers import HostKey, SftpProfile

__all__ = [
    "EMAIL_MAX",
    "EVIDENCE_MAX_BYTES",
    "LIFECYCLE_FIELDS",
    "NAME_MAX",
    "NAMING",
    "PHONE_MAX",
    "AppMeta",
    "Base",
    "Breach",
    "Contact",
    "Customer",
    "CustomerStatus",
    "DpaChecklistItem",
    "ErasureCertificate",
    "ErasureRequest",
    "ErasureWipeDue",
    "ErasureXact",
    "HostKey",
    "LifecycleSetting",
    "LogChainHead",
    "LogEvent",
    "LogPayload",
    "NoticeExport",
    "PendingChange",
    "Processing",
    "PurgeApproval",
    "SessionSummaryRow",
    "SftpProfile",
    "SubProcessor",
    "SubProcessorChange",
    "SubProcessorEvidence",
    "SubProcessorObjection",
]

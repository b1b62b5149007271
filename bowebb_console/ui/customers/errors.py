"""What the Customers screen says when something fails or is refused: texts by error code.

The codes come from the domain (``email.*``, ``phone.*``, ``name.*``, ``orgnr.*``), the
customers store (``customers.*``, ``notices.*``, ``import.*``) and ``save.unknown``. A
``field`` value (``name.missing``: which name) is itself translated by :data:`FIELD_NAMES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bowebb_console.domain.errors import ShownError
from bowebb_console.ui.kit.errors import error_text

if TYPE_CHECKING:  # the lookup screen is built before SQLAlchemy has loaded (start-up)
    from bowebb_console.services.customers import RowError

FIELD_NAMES = {
    "org_number": QT_TRANSLATE_NOOP("FieldNames", "organisation number"),
    "name": QT_TRANSLATE_NOOP("FieldNames", "name"),
    "company_name": QT_TRANSLATE_NOOP("FieldNames", "company name"),
    "contact_name": QT_TRANSLATE_NOOP("FieldNames", "contact name"),
    "status": QT_TRANSLATE_NOOP("FieldNames", "status"),
    "dpa_signed_on": QT_TRANSLATE_NOOP("FieldNames", "DPA signed"),
    "trial_registered_on": QT_TRANSLATE_NOOP("FieldNames", "trial registered"),
    "customer_since": QT_TRANSLATE_NOOP("FieldNames", "customer since"),
    "email": QT_TRANSLATE_NOOP("FieldNames", "e-mail"),
    "phone": QT_TRANSLATE_NOOP("FieldNames", "phone"),
    "title": QT_TRANSLATE_NOOP("FieldNames", "role"),
    "customer_id": QT_TRANSLATE_NOOP("FieldNames", "customer"),
}

TEXTS: dict[str, str] = {
    # e-mail
    "email.missing": QT_TRANSLATE_NOOP("Errors", "The e-mail address is missing."),
    "email.too_long": QT_TRANSLATE_NOOP(
        "Errors", "The e-mail address is too long (%(length)s characters; at most %(max)s)."
    ),
    "email.no_at": QT_TRANSLATE_NOOP(
        "Errors", "The e-mail address has no @: it should look like anna@example.se."
    ),
    "email.no_domain": QT_TRANSLATE_NOOP(
        "Errors", "The e-mail address has no domain (the part after @)."
    ),
    "email.no_local_part": QT_TRANSLATE_NOOP(
        "Errors", "The e-mail address has no name before the @."
    ),
    "email.many_at": QT_TRANSLATE_NOOP("Errors", "The e-mail address has more than one @."),
    "email.domain_incomplete": QT_TRANSLATE_NOOP(
        "Errors", "The domain (the part after @) is incomplete: it needs a dot, as in example.se."
    ),
    "email.local_part_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The part before the @ is too long (at most %(max)s characters)."
    ),
    "email.invalid": QT_TRANSLATE_NOOP("Errors", "The e-mail address is not valid: %(detail)s"),
    # phone
    "phone.missing": QT_TRANSLATE_NOOP("Errors", "The phone number is missing."),
    "phone.input_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The phone number is too long (%(length)s characters; at most %(max)s)."
    ),
    "phone.bad_characters": QT_TRANSLATE_NOOP(
        "Errors",
        "The phone number may only contain digits, spaces, dashes, parentheses and a leading +.",
    ),
    "phone.too_short": QT_TRANSLATE_NOOP(
        "Errors", "The phone number is too short: check for a missing digit."
    ),
    "phone.too_long": QT_TRANSLATE_NOOP(
        "Errors", "The phone number is too long: check for an extra digit."
    ),
    "phone.country_code": QT_TRANSLATE_NOOP(
        "Errors", "The country code is not recognised: start with + and a country code, e.g. +46."
    ),
    "phone.invalid": QT_TRANSLATE_NOOP(
        "Errors", "The phone number is not valid: check the digits and the area code."
    ),
    "phone.not_a_number": QT_TRANSLATE_NOOP(
        "Errors", "This is not a phone number: check the digits."
    ),
    # names (company, contact, role)
    "name.missing": QT_TRANSLATE_NOOP("Errors", "The %(field)s is missing."),
    "name.too_long": QT_TRANSLATE_NOOP(
        "Errors", "The %(field)s is too long (%(length)s characters; at most %(max)s)."
    ),
    "name.control_character": QT_TRANSLATE_NOOP(
        "Errors",
        "The %(field)s contains an invisible control character (%(character)s): "
        "remove it and try again.",
    ),
    # organisation numbers
    "orgnr.missing": QT_TRANSLATE_NOOP("Errors", "The organisation number is missing."),
    "orgnr.too_long": QT_TRANSLATE_NOOP("Errors", "The organisation number is too long."),
    "orgnr.bad_characters": QT_TRANSLATE_NOOP(
        "Errors", "An organisation number has only digits and a dash (NNNNNN-NNNN)."
    ),
    "orgnr.prefix_16": QT_TRANSLATE_NOOP(
        "Errors", "The 16 prefix is for organisations; this is a personal number."
    ),
    "orgnr.prefix_century": QT_TRANSLATE_NOOP(
        "Errors", "A century prefix (19/20) is only used for personal numbers."
    ),
    "orgnr.prefix_unknown": QT_TRANSLATE_NOOP(
        "Errors", "A 12-digit number must start with 16 (organisation) or 19/20."
    ),
    "orgnr.length": QT_TRANSLATE_NOOP(
        "Errors", "An organisation number has ten digits (NNNNNN-NNNN); this has %(digits)s."
    ),
    "orgnr.check_digit": QT_TRANSLATE_NOOP(
        "Errors", "The check digit is wrong: check the number for a typo."
    ),
    "orgnr.not_valid": QT_TRANSLATE_NOOP("Errors", "Not a valid organisation or personal number."),
    "orgnr.personal": QT_TRANSLATE_NOOP(
        "Errors", "This is a personal identity number, not an organisation number."
    ),
    # customers and contacts
    "customers.input": QT_TRANSLATE_NOOP(
        "Errors", "Some fields are not valid: see the messages beside them."
    ),
    "customers.status_unknown": QT_TRANSLATE_NOOP(
        "Errors", "The status must be one of %(statuses)s."
    ),
    "customers.duplicate_org": QT_TRANSLATE_NOOP(
        "Errors", "A customer with organisation number %(org_number)s already exists: %(name)s."
    ),
    "customers.not_trial": QT_TRANSLATE_NOOP("Errors", "Only a trial can be converted."),
    "customers.gone": QT_TRANSLATE_NOOP("Errors", "This customer no longer exists."),
    "customers.stale_edit": QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else saved this record while you were editing it. Nothing was overwritten "
        "and your input is still here.",
    ),
    "customers.stale_deleted": QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else deleted this record while you were editing it. Nothing was saved; "
        "your input is still here to copy.",
    ),
    "save.unknown": QT_TRANSLATE_NOOP(
        "Errors",
        "The connection to the database was lost and it is not known whether your change "
        "was saved. It is still here: check the customer card when the database answers, "
        "then save again if needed.",
    ),
    # notice export
    "notices.reason_missing": QT_TRANSLATE_NOOP(
        "Errors", "Say why the addresses are exported (the disruption)."
    ),
    "notices.reason_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The reason is too long (at most %(max)s characters)."
    ),
    "notices.actor_missing": QT_TRANSLATE_NOOP(
        "Errors", "The signed-in user is needed to record the export."
    ),
    # CSV import: the file
    "import.too_large": QT_TRANSLATE_NOOP("Errors", "the file is larger than %(megabytes)s MB"),
    "import.not_utf8": QT_TRANSLATE_NOOP(
        "Errors", "the file is not UTF-8 (byte %(byte)s): save it as 'CSV UTF-8' in Excel"
    ),
    "import.no_header": QT_TRANSLATE_NOOP("Errors", "the file is empty or has no header line"),
    "import.unknown_column": QT_TRANSLATE_NOOP(
        "Errors", "line 1: unknown column '%(column)s'; the columns are %(columns)s"
    ),
    "import.missing_column": QT_TRANSLATE_NOOP(
        "Errors", "line 1: required column '%(column)s' is missing"
    ),
    "import.column_twice": QT_TRANSLATE_NOOP("Errors", "line 1: a column is named twice"),
    "import.too_many_fields": QT_TRANSLATE_NOOP(
        "Errors", "line %(line)s: %(fields)s fields but the header has %(header)s"
    ),
    "import.bad_csv": QT_TRANSLATE_NOOP("Errors", "line %(line)s: %(detail)s"),
    "import.unreadable": QT_TRANSLATE_NOOP("Errors", "cannot read %(path)s: %(detail)s"),
    "import.cancelled": QT_TRANSLATE_NOOP(
        "Errors", "the import was cancelled: nothing was imported"
    ),
    # CSV import: a row
    "import.duplicate_org_name": QT_TRANSLATE_NOOP(
        "Errors",
        "duplicate org number %(org_number)s with a different company name than line %(line)s",
    ),
    "import.duplicate_org_status": QT_TRANSLATE_NOOP(
        "Errors", "duplicate org number %(org_number)s with a different status than line %(line)s"
    ),
    "import.duplicate_email": QT_TRANSLATE_NOOP(
        "Errors", "duplicate e-mail for this company (also on line %(line)s)"
    ),
}


def field_name(key: str) -> str:
    return QCoreApplication.translate("FieldNames", FIELD_NAMES.get(key, key))


def shown_text(exc: BaseException) -> str:
    """The translated sentence for a failure on this screen (never a class name)."""
    if isinstance(exc, ShownError) and "field" in exc.params:
        exc = ShownError(exc.code, exc.message, _with_field(exc.params))
    return error_text(exc, TEXTS)


def row_reason(error: RowError) -> str:
    """Why an import row is bad, translated by its code."""
    return shown_text(ShownError(error.code, error.reason, error.params))


def _with_field(params: Mapping[str, str]) -> dict[str, str]:
    return {**params, "field": field_name(params["field"])}

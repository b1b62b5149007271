"""DPA checklists as data: items with their article and text in Swedish and English.

The items live in ``resources/checklists/<id>.json`` (not in code), each citing the article
it comes from (policy clause 11). A checklist is complete when every item is "yes"; an item
never assessed counts as "not_assessed".
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from bowebb_console.resources import resource_path

YES, NO, PARTLY, NOT_ASSESSED = "yes", "no", "partly", "not_assessed"
STATUSES = (YES, NO, PARTLY, NOT_ASSESSED)
DPA_ART28 = "dpa_art28"


class ChecklistFormatError(ValueError):
    pass


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    article: str
    text_sv: str
    text_en: str

    def text(self, lang: str) -> str:
        return self.text_sv if lang == "sv" else self.text_en


@dataclass(frozen=True)
class Checklist:
    id: str
    title_sv: str
    title_en: str
    items: tuple[ChecklistItem, ...]

    def title(self, lang: str) -> str:
        return self.title_sv if lang == "sv" else self.title_en

    def item(self, key: str) -> ChecklistItem | None:
        return next((i for i in self.items if i.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(i.key for i in self.items)


def parse_checklist(data: Mapping[str, Any]) -> Checklist:
    """Validate the file's structure: every item has a unique key, an article and both texts."""
    try:
        items = []
        for raw in data["items"]:
            item = ChecklistItem(
                str(raw["key"]), str(raw["article"]), str(raw["sv"]), str(raw["en"])
            )
            if not (item.key and item.article.startswith("Art.") and item.text_sv and item.text_en):
                raise ChecklistFormatError(f"checklist item {item.key!r} is incomplete")
            items.append(item)
        title = data["title"]
        checklist = Checklist(str(data["id"]), str(title["sv"]), str(title["en"]), tuple(items))
    except (KeyError, TypeError) as exc:
        raise ChecklistFormatError(f"checklist file is malformed: {exc}") from None
    if len(set(checklist.keys)) != len(checklist.items) or not checklist.items:
        raise ChecklistFormatError("checklist keys must be unique and there must be items")
    return checklist


@cache
def load_checklist(checklist_id: str = DPA_ART28) -> Checklist:
    path = resource_path(f"checklists/{checklist_id}.json")
    return parse_checklist(json.loads(path.read_text(encoding="utf-8")))


def status_of(statuses: Mapping[str, str], key: str) -> str:
    status = statuses.get(key, NOT_ASSESSED)
    return status if status in STATUSES else NOT_ASSESSED


def open_items(checklist: Checklist, statuses: Mapping[str, str]) -> tuple[ChecklistItem, ...]:
    """Items whose status is not "yes" (not assessed, no, partly), in checklist order."""
    return tuple(i for i in checklist.items if status_of(statuses, i.key) != YES)


def is_complete(checklist: Checklist, statuses: Mapping[str, str]) -> bool:
    return not open_items(checklist, statuses)


def counts(checklist: Checklist, statuses: Mapping[str, str]) -> dict[str, int]:
    out = dict.fromkeys(STATUSES, 0)
    for item in checklist.items:
        out[status_of(statuses, item.key)] += 1
    return out

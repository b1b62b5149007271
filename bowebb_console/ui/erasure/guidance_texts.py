"""The guidance texts of wizard 1, kept as JSON in resources/guidance (editable without code).

No Qt here: a text file per language, ``guidance_<lang>.json``, with topics of steps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bowebb_console.resources import resource_path


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    steps: tuple[str, ...]


def load_topics(language: str) -> list[Topic]:
    path = resource_path(f"guidance/guidance_{language}.json")
    if not path.exists():
        path = resource_path("guidance/guidance_en.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [
        Topic(str(t["id"]), str(t["title"]), tuple(map(str, t["steps"]))) for t in raw["topics"]
    ]

"""One change signal per kind of record, on the app context (``ctx.changes``).

A screen that wrote something through a service (and the service said it is saved) emits the
matching signal; every screen that shows that kind of record listens and reloads, keeping the
user's selection where it still exists. So a change made anywhere in this console is shown
everywhere at once, with no manual refresh for the agent's own actions. (Changes made by other
people on a shared database still arrive with Refresh/F5.)

This is no application-wide event bus: it lives on the context handed to each view, carries
ids only, and only the UI emits it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Changes(QObject):
    # (session uuid, what: "started" | "recorded" | or the kind of the event just logged:
    # "note_added", "tool_recorded", "session_ended", "session_ended_late")
    sessions_changed = Signal(str, str)
    customers_changed = Signal(int)  # customer id (0: several or unknown)
    # Show a screen (its navigation key, or "lifecycle" for that dialog) at one record (an id
    # the screen knows: a customer, a request, a breach; 0 for none). The privacy dashboard
    # asks; the main window switches.
    show_requested = Signal(str, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Sessions shown in a running-session panel of this console right now: open in the
        # log, but running, not "left open by a crash".
        self.running: set[str] = set()

    def session_running(self, session_uuid: str, on: bool) -> None:
        if on:
            self.running.add(session_uuid)
        else:
            self.running.discard(session_uuid)

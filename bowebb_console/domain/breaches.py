"""Breach rules (GDPR Art. 33/34). Pure: ``now`` is always passed in.

IMY must be notified without undue delay and, where feasible, within 72 hours of becoming
aware of the breach (Art. 33(1)); the clock runs from ``discovered_at`` until the decision on
notifying IMY is recorded (notified, or why not).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

NOTIFY_WITHIN = dt.timedelta(hours=72)
IMY_DECISIONS = ("undecided", "notify", "not_notify")


@dataclass(frozen=True)
class Clock:
    deadline: dt.datetime
    remaining: dt.timedelta  # negative once overdue
    running: bool  # False once the IMY decision is recorded

    @property
    def overdue(self) -> bool:
        return self.running and self.remaining < dt.timedelta(0)


def clock(discovered_at: dt.datetime, imy_decision: str, now: dt.datetime) -> Clock:
    deadline = discovered_at + NOTIFY_WITHIN
    return Clock(deadline, deadline - now, imy_decision == "undecided")


def hours_and_minutes(delta: dt.timedelta) -> tuple[int, int]:
    """Whole hours and minutes of ``abs(delta)``."""
    minutes = int(abs(delta).total_seconds()) // 60
    return minutes // 60, minutes % 60

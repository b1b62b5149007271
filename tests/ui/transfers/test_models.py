"""The remote listing shows refused names as refused (not rewritten); sizes and progress."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bowebb_console.sftp.plan import RemoteEntry
from bowebb_console.ui.transfers.models import QueueModel, QueueRow, RemoteModel, human_size


def test_refused_names_are_shown_as_refused(qapp) -> None:  # type: ignore[no-untyped-def]
    model = RemoteModel()
    model.set_rows(
        [
            RemoteEntry("rapport.pdf", "/in/rapport.pdf", 2048, 0, False, False, None),
            RemoteEntry("..\\evil", "/in/..\\evil", 1, 0, False, False, "contains \\"),
            RemoteEntry("ny\nrad", "/in/ny\nrad", 1, 0, False, False, "control character"),
        ]
    )
    shown = [[model.index(r, c).data() for c in range(2)] for r in range(3)]
    assert shown[0] == ["rapport.pdf", "File"]
    assert shown[1] == ["..\\evil", "Refused: contains \\"]  # the name as it is
    assert shown[2] == ["ny\\nrad", "Refused: control character"]  # visible, not rewritten
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_queue_rows_update_in_place(qapp) -> None:  # type: ignore[no-untyped-def]
    model = QueueModel()
    model.add([QueueRow((1, 0), "upload", "a.bin", 4 * 1024 * 1024)])
    model.update((1, 0), done=1024 * 1024, state="running")
    assert model.index(0, QueueModel.COL_PROGRESS).data() == "25 %"
    assert model.index(0, QueueModel.COL_SIZE).data() == human_size(4 * 1024 * 1024) == "4.0 MiB"
    model.update((1, 0), state="ok", done=4 * 1024 * 1024, detail="SHA-256 ab")
    model.clear_finished()
    assert model.rowCount() == 0

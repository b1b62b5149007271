"""Transfers: SFTP inside an open file-transfer session, every file verified and logged.

The agent picks one of their open file-transfer sessions (consent agreed, scope file transfer,
purpose a purchased service or support with its reference), a connection profile of that
customer, and connects. First contact asks to confirm the host key's fingerprint; a changed key
is refused with a warning. Uploads (buttons or dropping files on the remote pane) and downloads
run in a per-host queue (queue.HostQueue); nothing here waits on the network or database.
The view owns its helpers (connecting.Connector, panel.QueuePanel): it tells them what is
selected and listens to their signals.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services import transfers
from bowebb_console.services.transfers import Link, ProfileRow, TransferSession
from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.transfers.connecting import Connector
from bowebb_console.ui.transfers.errors import shown_text
from bowebb_console.ui.transfers.models import RemoteModel
from bowebb_console.ui.transfers.panel import QueuePanel
from bowebb_console.ui.transfers.queue import HostQueue
from bowebb_console.ui.transfers.remote_table import RemoteTable


class TransfersView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.link: Link | None = None
        self.queue: HostQueue | None = None
        self.remote_dir = ""
        self.profiles: list[ProfileRow] = []
        self.sessions: list[TransferSession] = []
        self._wanted: str | None = None  # a session just started: select it when listed
        self.connector = Connector(ctx, lambda: (self.session(), self.profile()), self)
        self.connector.status.connect(self.show_status)
        self.connector.busy_changed.connect(self._update_buttons)
        self.connector.connected.connect(self.connected)
        self.connector.profiles_changed.connect(self.reload_profiles)
        self._build()
        app = QCoreApplication.instance()
        if app is not None:  # quitting must not wait for a multi-gigabyte file to finish
            app.aboutToQuit.connect(self.panel.cancel_everything)
        ctx.changes.sessions_changed.connect(self._sessions_changed)
        self.reload_sessions()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.session_combo = QComboBox()
        self.session_combo.currentIndexChanged.connect(self._session_changed)
        self.refresh_sessions = QPushButton(self.tr("Refresh"))
        icons.give(self.refresh_sessions, "refresh")
        self.refresh_sessions.clicked.connect(self.reload_sessions)
        self.start_session_button = QPushButton(self.tr("Start a session…"))
        icons.give(self.start_session_button, "start_session")
        self.start_session_button.clicked.connect(self.start_session)
        self.pending_button = QPushButton(self.tr("Host keys waiting for approval…"))
        self.pending_button.setVisible(self.ctx.is_lead)
        self.pending_button.clicked.connect(self.connector.show_pending)
        self.session_info = QLabel()
        self.session_info.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File-transfer session")))
        top.addWidget(self.session_combo, 1)
        top.addWidget(self.start_session_button)
        top.addWidget(self.refresh_sessions)
        top.addWidget(self.pending_button)

        self.profile_combo = QComboBox()
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.new_profile = QPushButton(self.tr("New profile…"))
        self.edit_profile = QPushButton(self.tr("Edit…"))
        self.delete_profile = QPushButton(self.tr("Delete"))
        self.connect_button = QPushButton(self.tr("Connect"))
        self.disconnect_button = QPushButton(self.tr("Disconnect"))
        self.new_profile.clicked.connect(lambda: self.connector.edit_profile(None))
        self.edit_profile.clicked.connect(lambda: self.connector.edit_profile(self.profile()))
        self.delete_profile.clicked.connect(self.connector.delete_profile)
        self.connect_button.clicked.connect(self.connector.start)
        self.disconnect_button.clicked.connect(self.ask_disconnect)
        prof = QHBoxLayout()
        prof.addWidget(QLabel(self.tr("Connection profile")))
        prof.addWidget(self.profile_combo, 1)
        for b in (
            self.new_profile,
            self.edit_profile,
            self.delete_profile,
            self.connect_button,
            self.disconnect_button,
        ):
            prof.addWidget(b)
        self.demo_note = QLabel(
            self.tr(
                "This is a demo profile: the demo server is not reachable, so connecting "
                "fails with “refused”. Create a profile for a real server to transfer files."
            )
        )
        self.demo_note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Local side: a folder and file pickers.
        self.local_dir = QLineEdit(str(_default_local_dir()))
        self.local_dir.textChanged.connect(self._local_changed)
        self.choose_local = QPushButton(self.tr("Choose…"))
        self.choose_local.clicked.connect(self._choose_local)
        self.upload_files = QPushButton(self.tr("Upload files…"))
        icons.give(self.upload_files, "upload")
        self.upload_folder = QPushButton(self.tr("Upload folder…"))
        icons.give(self.upload_folder, "upload")
        self.resume_button = QPushButton(self.tr("Resume interrupted downloads"))
        self.upload_files.clicked.connect(lambda: self._pick_upload(folder=False))
        self.upload_folder.clicked.connect(lambda: self._pick_upload(folder=True))
        self.resume_button.clicked.connect(self.resume_downloads)
        local = QGroupBox(self.tr("This computer"))
        lay = QVBoxLayout(local)
        row = QHBoxLayout()
        row.addWidget(self.local_dir, 1)
        row.addWidget(self.choose_local)
        lay.addWidget(QLabel(self.tr("Downloads go to this folder:")))
        lay.addLayout(row)
        lay.addWidget(self.upload_files)
        lay.addWidget(self.upload_folder)
        lay.addWidget(self.resume_button)
        hint = QLabel(self.tr("Tip: drop files or folders on the server's list to upload them."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        lay.addStretch(1)

        # Remote side.
        self.remote_model = RemoteModel(self)
        self.remote_table = RemoteTable()
        self.remote_table.setModel(self.remote_model)
        self.remote_table.dropped.connect(self.upload_paths)
        self.remote_table.doubleClicked.connect(self._open_remote)
        self.remote_table.horizontalHeader().setSectionResizeMode(
            RemoteModel.COL_NAME, QHeaderView.ResizeMode.Stretch
        )
        self.remote_path = QLabel()
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(self._go_up)
        self.reload_remote = QPushButton(self.tr("Refresh"))
        icons.give(self.reload_remote, "refresh")
        self.reload_remote.clicked.connect(lambda: self.list_remote(self.remote_dir))
        self.download_button = QPushButton(self.tr("Download"))
        icons.give(self.download_button, "download")
        self.download_button.clicked.connect(self.download_selected)
        remote = QGroupBox(self.tr("Server"))
        rlay = QVBoxLayout(remote)
        bar = QHBoxLayout()
        bar.addWidget(self.remote_path, 1)
        bar.addWidget(self.up_button)
        bar.addWidget(self.reload_remote)
        rlay.addLayout(bar)
        rlay.addWidget(self.remote_table, 1)
        rlay.addWidget(self.download_button)
        split = QSplitter()
        split.addWidget(local)
        split.addWidget(remote)
        split.setStretchFactor(1, 3)

        self.panel = QueuePanel(self.ctx.prompts, self)
        self.panel.status.connect(self.show_status)
        self.panel.batch_done.connect(self._batch_done)
        self.panel.server_error.connect(self.connector.remote_error)
        self.panel.resubmit.connect(self._resubmit)
        # Shortcuts to the queue panel's widgets (tests and the rest of the view use them).
        self.queue_model = self.panel.queue_model
        self.file_bar, self.total_bar = self.panel.file_bar, self.panel.total_bar
        self.cancel_all = self.panel.cancel_all

        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(split)
        vertical.addWidget(self.panel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.session_info)
        layout.addLayout(prof)
        layout.addWidget(self.demo_note)
        layout.addWidget(self.status)
        layout.addWidget(vertical, 1)
        self._update_buttons()
        self._local_changed()

    def alive(self) -> bool:
        """False once Qt deleted the widgets (a late result after the window closed)."""
        return shiboken6.isValid(self) and shiboken6.isValid(self.status)

    # --- sessions and profiles ------------------------------------------------------------

    def session(self) -> TransferSession | None:
        i = self.session_combo.currentIndex()
        return self.sessions[i] if 0 <= i < len(self.sessions) else None

    def session_uuid(self) -> str | None:
        session = self.session()
        return session.session_uuid if session is not None else None

    def profile(self) -> ProfileRow | None:
        i = self.profile_combo.currentIndex()
        return self.profiles[i] if 0 <= i < len(self.profiles) else None

    def reload_sessions(self) -> None:
        self.ctx.runner.start(
            transfers.open_sessions,
            self.ctx.database,
            self.ctx.identity,
            tag="transfers.sessions",
            owner=self,
            on_result=self._sessions_loaded,
            on_error=self._load_failed,
        )

    def _sessions_changed(self, session_uuid: str, what: str) -> None:
        """A session was started, noted or ended anywhere in this console: follow it. The
        session just started is the one files are for now (unless connected in another)."""
        if what == "started":
            self._wanted = session_uuid
        self.reload_sessions()

    def start_session(self) -> None:
        """Pick the customer, record the agreement (kind: file transfer); the new session is
        then selected here."""
        from bowebb_console.ui.sessions.pick import CustomerPicker

        picker = CustomerPicker(self.ctx, self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.picked.connect(self._picked)
        self.picker = picker
        picker.open()

    def _picked(self, customer_id: int, contact: int | None) -> None:
        from bowebb_console.ui.sessions.consent import start_session_for

        self.consent_dialog = start_session_for(
            self.ctx,
            customer_id,
            self,  # the running session (notes, end) opens in its own window
            contact_id=contact,
            session_kind="file_transfer",
        )

    def _sessions_loaded(self, found: list[TransferSession]) -> None:
        if not self.alive():
            return
        keep = before = self.session_uuid()
        wanted, self._wanted = self._wanted, None
        if self.link is None and not self.connector.busy and wanted is not None:
            keep = wanted  # follow the session just started (not while files move)
        self.sessions = found
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        for t in found:
            kind = self.tr("order") if t.purpose_kind == "purchased_service" else self.tr("ticket")
            self.session_combo.addItem(f"{t.customer_name} — {kind} {t.purpose_reference}")
        uuids = [t.session_uuid for t in found]
        self.session_combo.setCurrentIndex(uuids.index(keep) if keep in uuids else 0)
        self.session_combo.blockSignals(False)
        if self.session_uuid() != before or self.link is None:
            self._session_changed()  # (a connection keeps its profile while others change)

    def _session_changed(self) -> None:
        t = self.session()
        if t is None:
            self.session_info.setText(
                self.tr(
                    "You have no open file-transfer session. Start one from Sessions: record "
                    "the customer's agreement with the scope “file transfer” and its purpose, "
                    "a purchased service with its order reference or support with its ticket "
                    "reference. Files can only be transferred inside such a session."
                )
            )
            self.profiles = []
            self.profile_combo.clear()
            self._update_buttons()
            return
        what = (
            self.tr("Purchased service, order %1")
            if t.purpose_kind == "purchased_service"
            else self.tr("Support, ticket %1")
        ).replace("%1", t.purpose_reference)
        self.session_info.setText(f"{t.customer_name}: {what}. {t.purpose}")
        self.reload_profiles()

    def reload_profiles(self, select_id: int | None = None) -> None:
        session = self.session()
        if session is None:
            return
        self.ctx.runner.start(
            transfers.list_profiles,
            self.ctx.database,
            session.customer_id,
            tag="transfers.profiles",
            owner=self,
            on_result=lambda rows: self._profiles_loaded(rows, select_id),
            on_error=self._load_failed,
        )

    def _profiles_loaded(self, rows: list[ProfileRow], select_id: int | None) -> None:
        if not self.alive():
            return
        self.profiles = rows
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for p in rows:
            self.profile_combo.addItem(f"{p.name} ({p.username}@{p.host}:{p.port})")
        ids = [p.id for p in rows]
        if select_id in ids:
            self.profile_combo.setCurrentIndex(ids.index(select_id))
        self.profile_combo.blockSignals(False)
        self._profile_changed()

    def _profile_changed(self) -> None:
        p = self.profile()
        self.demo_note.setVisible(p is not None and p.demo)
        self._update_buttons()

    def _load_failed(self, exc: BaseException) -> None:
        if not self.alive():
            return
        self.show_status(
            self.tr("Could not load from the database: %1 Press Refresh to try again.").replace(
                "%1", shown_text(exc)
            ),
            error=True,
        )

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020; font-weight: bold" if error else "")
        self.status.setText(text)

    def _update_buttons(self) -> None:
        connected = self.link is not None
        has = self.profile() is not None and self.session_uuid() is not None
        busy = self.connector.busy
        self.connect_button.setEnabled(has and not connected and not busy)
        self.disconnect_button.setEnabled(connected)
        self.new_profile.setEnabled(self.session_uuid() is not None and not connected)
        self.edit_profile.setEnabled(has and not connected)
        self.delete_profile.setEnabled(has and not connected)
        self.session_combo.setEnabled(not connected and not busy)
        self.profile_combo.setEnabled(not connected and not busy)
        for b in (
            self.upload_files,
            self.upload_folder,
            self.download_button,
            self.up_button,
            self.reload_remote,
        ):
            b.setEnabled(connected)
        self.remote_table.setAcceptDrops(connected)
        self._local_changed()

    # --- connected ------------------------------------------------------------------------

    def connected(self, link: Link) -> None:
        self.link = link
        self.queue = HostQueue(self.ctx, link, self)
        self.panel.watch(self.queue)
        self.remote_dir = link.start_dir
        self.remote_path.setText(link.start_dir)
        self.remote_model.set_rows(link.listing)
        p = self.profile()
        where = f"{p.username}@{p.host}:{p.port}" if p else ""
        self.show_status(
            self.tr("Connected to %1 (host key %2).")
            .replace("%1", where)
            .replace("%2", link.fingerprint)
        )
        self._update_buttons()

    def ask_disconnect(self) -> None:
        if self.queue is not None and self.queue.busy:
            self.ctx.prompts.confirm(
                self.tr("Disconnect"),
                self.tr("Transfers are still running. Cancel them and disconnect?"),
                self._disconnect_if,
            )
            return
        self._disconnect_now()

    def _disconnect_if(self, yes: bool) -> None:
        if yes:
            self._disconnect_now()

    def _disconnect_now(self) -> None:
        link, self.link = self.link, None
        if self.queue is not None:
            self.queue.cancel_all()
            queue, self.queue = self.queue, None
            self.panel.watch(None)
            # Close only after the running batch has stopped (it uses the connection).
            queue.batch_finished.connect(lambda *_: link and self.ctx.runner.start(link.close))
            if queue.running is None and link is not None:
                self.ctx.runner.start(link.close)
        elif link is not None:
            self.ctx.runner.start(link.close)
        self.remote_model.set_rows([])
        self.remote_path.clear()
        self.show_status(self.tr("Disconnected."))
        self._update_buttons()

    def list_remote(self, path: str) -> None:
        if self.link is None:
            return
        self.ctx.runner.start(
            transfers.list_dir,
            self.link,
            path,
            tag="transfers.list",
            owner=self,
            on_result=self._listed,
            on_error=self.connector.remote_error,
        )

    def _listed(self, result: tuple[str, list[Any]]) -> None:
        if not self.alive():
            return
        self.remote_dir, rows = result
        self.remote_path.setText(self.remote_dir)
        self.remote_model.set_rows(rows)

    def _open_remote(self, index: Any) -> None:
        entry = self.remote_model.row_at(index.row())
        if entry.is_dir and not entry.is_symlink and entry.refused is None:
            self.list_remote(entry.path)

    def _go_up(self) -> None:
        self.list_remote(posixpath.dirname(self.remote_dir.rstrip("/")) or "/")

    # --- queueing -------------------------------------------------------------------------

    def _choose_local(self) -> None:
        self.ctx.prompts.ask_path(
            self.tr("Download folder"),
            lambda path: self.local_dir.setText(str(path)),
            save=False,
            folder=True,
            suggested=self.local_dir.text(),
        )

    def _pick_upload(self, *, folder: bool) -> None:
        start = self.local_dir.text()
        if folder:
            self.ctx.prompts.ask_path(
                self.tr("Upload"),
                lambda path: self.upload_paths([str(path)]),
                save=False,
                folder=True,
                suggested=start,
            )
        else:
            self.ctx.prompts.ask_paths(
                self.tr("Upload"),
                lambda paths: self.upload_paths([str(p) for p in paths]),
                suggested=start,
            )

    def upload_paths(self, paths: list[str]) -> None:
        """Queue local files and folders for upload into the remote folder shown."""
        su = self.session_uuid()
        if self.queue is None or su is None or not paths:
            return
        sources = [(p, Path(p).is_dir()) for p in paths]
        self.queue.submit("upload", sources, self.remote_dir, su)

    def download_selected(self) -> None:
        su = self.session_uuid()
        if self.queue is None or su is None:
            return
        rows = sorted({i.row() for i in self.remote_table.selectionModel().selectedRows()})
        entries = [self.remote_model.row_at(r) for r in rows]
        sources = [(e.path, e.is_dir) for e in entries if e.refused is None and not e.is_symlink]
        if len(sources) < len(entries):
            self.ctx.prompts.show_info(
                self.tr("Download"),
                self.tr("Refused names and links are not downloaded; the rest is queued."),
            )
        if sources:
            self.queue.submit("download", sources, self.local_dir.text(), su)

    def _resubmit(self, jobs: list[Any], overwrite: bool) -> None:
        """Queue files again: failed ones (the engine resumes them) or, after the agent said
        yes, existing ones to replace."""
        su = self.session_uuid()
        if self.queue is None or su is None:
            return
        for job in jobs:
            self.queue.submit(
                job.direction,
                [(str(job.source), False)],
                str(job.target_dir),
                su,
                overwrite=overwrite,
            )

    def _batch_done(self, direction: str) -> None:
        if not self.alive():
            return
        if direction == "upload":
            self.list_remote(self.remote_dir)
        self._local_changed()

    def resume_downloads(self) -> None:
        su = self.session_uuid()
        found = transfers.interrupted_downloads(self.local_dir.text())
        if self.queue is None or su is None or not found:
            return
        self.queue.submit("download", [(r, False) for r, _ in found], self.local_dir.text(), su)
        self.resume_button.setEnabled(False)

    def _local_changed(self) -> None:
        if hasattr(self, "resume_button"):
            waiting = bool(transfers.interrupted_downloads(self.local_dir.text()))
            self.resume_button.setEnabled(waiting and self.link is not None)


def _default_local_dir() -> Path:
    downloads = Path.home() / "Downloads"
    return downloads if downloads.is_dir() else Path.home()

"""Issue 18, item 14: the main actions carry one consistent icon set (the desktop theme's,
else the bundled Lucide icons), and every bundled SVG renders."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication

from bowebb_console.resources import resource_path
from bowebb_console.ui.kit import icons
from bowebb_console.ui.main_window import MainWindow
from bowebb_console.ui.sessions.running import RunningSessionPanel
from tests.store.log_helpers import add_customer, consent


def _drawn(icon: QIcon, size: int = 24) -> bool:
    """The icon has a pixmap with something drawn on it (not only transparency)."""
    pixmap = icon.pixmap(size, size)
    if pixmap.isNull():
        return False
    image = pixmap.toImage()
    return any(
        QColor(image.pixel(x, y)).alpha() > 0
        for x in range(image.width())
        for y in range(image.height())
    )


def test_every_bundled_svg_renders(qapp: QApplication) -> None:
    files = {p.stem for p in resource_path("icons/lucide").glob("*.svg")}
    assert files == {lucide for _theme, lucide in icons.ICONS.values()}  # none unused, none missing
    assert (resource_path("icons/lucide") / "LICENSE").read_text().startswith("ISC License")
    for key in icons.ICONS:
        icon = icons.bundled_icon(key)
        assert not icon.isNull(), key
        assert _drawn(icon), key
        assert _drawn(icon, 16) and _drawn(icon, 32), key
        assert not icon.pixmap(24, 24, QIcon.Mode.Disabled).isNull(), key


def test_every_main_action_has_an_icon(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(make_ctx(demo_url, role="lead"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    missing = []

    def check(name: str, icon: QIcon) -> None:
        if icon.isNull() or icon.pixmap(16, 16).isNull():
            missing.append(name)

    # the navigation and its View menu entries
    for i in range(window.nav.count()):
        item = window.nav.item(i)
        check(f"nav {item.text()}", item.icon())
    for key, action in window.screen_actions.items():
        check(f"View menu {key}", action.icon())
    # the menus' own actions
    for name in ("settings", "lock", "quit", "refresh", "about"):
        check(name, getattr(window, f"{name}_action").icon())
    # the buttons the issue names, on every screen
    lookup = window.views["customers"]
    search = [a for a in lookup.search.actions() if a is lookup.search_icon]
    assert search
    check("search", search[0].icon())
    check("export notice recipients", lookup.export_button.icon())
    sessions = window.views["sessions"]
    check("start a session", sessions.start_button.icon())
    check("sessions refresh", sessions.refresh_button.icon())
    transfers = window.views["transfers"]
    for name in (
        "start_session_button",
        "refresh_sessions",
        "upload_files",
        "upload_folder",
        "download_button",
        "reload_remote",
    ):
        check(f"transfers {name}", getattr(transfers, name).icon())
    erasure = window.views["erasure"]
    check("erasure request", erasure.request_button.icon())
    check("erase (end / purge)", erasure.end_button.icon())
    check("certificate PDF", erasure.save_pdf_button.icon())
    check("erasure refresh", erasure.request_frame.refresh_button.icon())
    review = window.views["review"]
    for name in ("refresh_button", "csv_button", "pdf_button"):
        check(f"review {name}", getattr(review, name).icon())
    sub = window.views["sub_processors"]
    check("register CSV", sub.export_csv_button.icon())
    check("register PDF", sub.export_pdf_button.icon())
    check("breaches CSV", window.views["breaches"].export_button.icon())
    # the running session's own buttons: add note, end session
    from bowebb_console.store.db.engine import make_engine

    engine = make_engine(demo_url)
    customer, contact = add_customer(engine)
    su = consent(engine, customer, contact).session_uuid
    engine.dispose()
    panel = RunningSessionPanel(window.ctx, su)
    qtbot.addWidget(panel)
    check("add note", panel.note_button.icon())
    check("end session", panel.end_button.icon())
    assert missing == []


def test_the_icons_load_from_a_pyinstaller_bundle(
    qapp: QApplication, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """build.spec bundles resources/ as ``sys._MEIPASS/resources``: the icons are read there."""
    import shutil
    import sys

    from bowebb_console import resources

    shutil.copytree(resource_path("icons"), tmp_path / "resources" / "icons")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources.resources_dir.cache_clear()
    icons.bundled_icon.cache_clear()
    try:
        assert icons.svg_path("search").startswith(str(tmp_path))
        assert _drawn(icons.bundled_icon("search"))
    finally:
        monkeypatch.undo()
        resources.resources_dir.cache_clear()
        icons.bundled_icon.cache_clear()
    spec = (resource_path("..") / "build.spec").read_text()
    assert '("resources", "resources")' in spec and "PySide6.QtSvg" in spec

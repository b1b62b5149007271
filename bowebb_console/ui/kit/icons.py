"""One icon set for the main actions: the desktop theme's icon when it has one, else the
bundled Lucide icon (resources/icons/lucide, ISC licence), so the console looks the same on
Windows, where there is no icon theme.

Lucide draws with ``stroke="currentColor"``: the bundled SVG is coloured with the palette's
button text and rendered at the usual sizes, so it reads on light and dark palettes alike
(Qt greys it when disabled).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractButton, QApplication

from bowebb_console.resources import resource_path

# What each action is: (freedesktop theme name, bundled Lucide file).
ICONS: dict[str, tuple[str, str]] = {
    # the navigation (and the View menu)
    "customers": ("system-users", "users"),
    "sessions": ("video-display", "monitor"),
    "transfers": ("network-transmit-receive", "arrow-left-right"),
    "erasure": ("edit-clear", "eraser"),
    "sub_processors": ("network-workgroup", "building-2"),
    "review": ("view-task", "clipboard-check"),
    "breaches": ("dialog-warning", "shield-alert"),
    "privacy": ("security-high", "shield-check"),
    # actions
    "search": ("edit-find", "search"),
    "start_session": ("media-playback-start", "play"),
    "add_note": ("document-edit", "notebook-pen"),
    "end_session": ("media-playback-stop", "circle-stop"),
    "upload": ("go-up", "upload"),
    "download": ("go-down", "download"),
    "export": ("document-save-as", "file-down"),
    "refresh": ("view-refresh", "refresh-cw"),
    "erase": ("edit-delete", "trash-2"),
    "settings": ("preferences-system", "settings"),
    "lock": ("system-lock-screen", "lock"),
    "quit": ("application-exit", "log-out"),
    "about": ("help-about", "info"),
}

# Rendered at these sizes (others are scaled from the nearest); the disabled look is Qt's
# own, derived from these. Three renders per icon keep the start-up's share to a few ms.
SIZES = (16, 24, 32)


def svg_path(key: str) -> str:
    return str(resource_path(f"icons/lucide/{ICONS[key][1]}.svg"))


def _render(svg: bytes, color: QColor, size: int, ratio: float) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer  # the first icon pays for it, not start-up

    data = svg.replace(b"currentColor", color.name().encode())
    renderer = QSvgRenderer(QByteArray(data))
    pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


@cache
def bundled_icon(key: str) -> QIcon:
    """The bundled Lucide icon for ``key``, in the palette's colours."""
    with open(svg_path(key), "rb") as f:
        svg = f.read()
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    ratio = app.devicePixelRatio() if isinstance(app, QApplication) else 1.0
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_render(svg, normal, size, ratio), QIcon.Mode.Normal)
    return icon


def icon(key: str) -> QIcon:
    """The theme's icon for ``key`` when the desktop has one, else the bundled one."""
    theme = ICONS[key][0]
    if QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    return bundled_icon(key)


def give(target: QAbstractButton | QAction, key: str) -> None:
    """Put ``key``'s icon on a button or action."""
    target.setIcon(icon(key))

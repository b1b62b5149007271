"""Translations: the committed .ts files hold every string of the GUI sources, Swedish is
complete, and the compiled .qm translates."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from bowebb_console.resources import resource_path
from bowebb_console.ui import i18n_build
from bowebb_console.ui.i18n import choose_language


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or ""): m
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }


def test_ts_files_are_up_to_date_and_swedish_is_complete(tmp_path: Path) -> None:
    for part, sources in i18n_build.parts().items():
        fresh = tmp_path / f"{part}_fresh.ts"
        args = i18n_build.lupdate_args(sources, [fresh])
        subprocess.run(args, check=True, capture_output=True)
        committed_file = i18n_build.ts_file(part, "sv")
        assert committed_file.exists(), f"no {committed_file.name}: run i18n_build"
        committed = messages(committed_file)
        assert set(messages(fresh)) == set(committed), f"{part}: run i18n_build"
        unfinished = [key for key, m in committed.items() if m.find("translation").get("type")]
        assert unfinished == [], f"{part}: Swedish translations missing"
    assert resource_path("translations/bowebb_sv.qm").exists()
    assert resource_path("translations/bowebb_en.qm").exists()


def test_swedish_qm_translates(language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    assert QCoreApplication.translate("MainWindow", "Customers") == "Kunder"
    assert QCoreApplication.translate("ResultsModel", "Company") == "Företag"


def test_language_default_follows_the_system_locale() -> None:
    assert choose_language("", QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)) == "sv"
    assert choose_language("", QLocale(QLocale.Language.Swedish, QLocale.Country.Finland)) == "sv"
    assert choose_language("", QLocale(QLocale.Language.German)) == "en"
    assert choose_language("en", QLocale(QLocale.Language.Swedish)) == "en"
    assert choose_language("sv", QLocale(QLocale.Language.English)) == "sv"

"""Settings: persisted per user, validated, never holding a secret; URL precedence."""

from __future__ import annotations

import json

import pytest

from bowebb_console.config import (
    Paths,
    Settings,
    SettingsError,
    load_settings,
    resolve_database_url,
    save_settings,
)


def test_round_trip(fresh_paths: Paths) -> None:
    s = Settings(
        language="sv",
        idle_lock_minutes=5,
        database_url="postgresql://anna@db.example/bowebb?sslmode=verify-full",
    )
    save_settings(fresh_paths, s)
    loaded = load_settings(fresh_paths)
    assert (loaded.language, loaded.idle_lock_minutes) == ("sv", 5)
    assert loaded.database_url.endswith("sslmode=verify-full")


@pytest.mark.parametrize(
    "change, fragment",
    [
        ({"database_url": "postgresql://anna:secret@db/bowebb"}, "must not contain a password"),
        ({"database_url": "nonsense://"}, "Unsupported"),
        ({"language": "de"}, "Unknown language"),
        ({"idle_lock_minutes": 0}, "idle lock"),
        ({"review_max_hours": 0}, "session-length limit"),
        ({"review_max_files": 0}, "file limits"),
        ({"review_max_megabytes": 0}, "file limits"),
    ],
)
def test_invalid_settings_are_refused_and_nothing_is_written(fresh_paths, change, fragment) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises((SettingsError, ValueError), match=fragment):
        save_settings(fresh_paths, Settings(**change))
    assert not fresh_paths.settings_file.exists()


def test_damaged_file_gives_defaults_and_is_kept_aside(fresh_paths: Paths) -> None:
    fresh_paths.settings_file.write_text("{not json", encoding="utf-8")
    assert load_settings(fresh_paths) == Settings()
    assert fresh_paths.settings_file.with_suffix(".damaged.json").exists()


def test_bad_values_in_file_fall_back_one_by_one(fresh_paths: Paths) -> None:
    fresh_paths.settings_file.write_text(
        json.dumps({"language": "xx", "grace_period_days": 30, "idle_lock_minutes": "ten"}),
        encoding="utf-8",
    )
    loaded = load_settings(fresh_paths)
    assert (loaded.language, loaded.idle_lock_minutes) == ("", 15)


def test_an_old_file_with_workstation_lifecycle_fields_still_loads(fresh_paths: Paths) -> None:
    """The grace period and log retention moved into the database (issue 14): a file written
    before keeps its other values, and saving it again drops the old fields."""
    fresh_paths.settings_file.write_text(
        json.dumps(
            {
                "language": "sv",
                "grace_period_days": 0,
                "session_log_retention_days": 1095,
                "idle_lock_minutes": 7,
            }
        ),
        encoding="utf-8",
    )
    loaded = load_settings(fresh_paths)
    assert (loaded.language, loaded.idle_lock_minutes) == ("sv", 7)
    assert not hasattr(loaded, "grace_period_days")
    save_settings(fresh_paths, loaded)
    saved = json.loads(fresh_paths.settings_file.read_text(encoding="utf-8"))
    assert "grace_period_days" not in saved and saved["idle_lock_minutes"] == 7


def test_url_precedence(fresh_paths: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(database_url="postgresql://from-settings/db")
    assert resolve_database_url(None, Settings(), fresh_paths).startswith("sqlite:///")
    assert str(fresh_paths.data_dir) in resolve_database_url(None, Settings(), fresh_paths)
    assert resolve_database_url(None, settings, fresh_paths) == "postgresql://from-settings/db"
    monkeypatch.setenv("BOWEBB_DATABASE_URL", "postgresql://from-env/db")
    assert resolve_database_url(None, settings, fresh_paths) == "postgresql://from-env/db"
    assert (
        resolve_database_url("postgresql://from-cli/db", settings, fresh_paths)
        == "postgresql://from-cli/db"
    )

"""Sentences of problems with the local store, signing in, officials' accounts, backups and
written files (app/store, app/files.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

TEXTS: dict[str, Callable[[], str]] = {
    "store.busy": lambda: translate(
        "StoreProblems", "The data is busy (another window or desk is writing); try again in a moment."),
    "store.disk_full": lambda: translate(
        "StoreProblems", "The disk holding %(folder) is full: free some space, then try again. Nothing was "
                         "lost."),
    "store.closed": lambda: translate("StoreProblems", "The data is closed; sign in again."),
    "auth.recovery_key_wrong": lambda: translate("StoreProblems", "This is not the recovery key of this desk."),
    "auth.recovery_key_length": lambda: translate(
        "StoreProblems", "A recovery key has 40 letters and digits (10 groups of 4); %(count) were entered."),
    "auth.recovery_key_characters": lambda: translate(
        "StoreProblems", "A recovery key holds only the letters A–Z and the digits 2–7."),
    "account.exists": lambda: translate("accounts", "The user name %(username) is already taken."),
    "account.exists_deactivated": lambda: translate(
        "accounts", "%(username) already exists and is deactivated: reset their password to let them work "
                    "again."),
    "account.unknown_user": lambda: translate("accounts", "There is no official %(username)."),
    "account.last_admin": lambda: translate(
        "accounts", "%(username) is the last active administrator. Make another official an administrator "
                    "first."),
    "account.already_deactivated": lambda: translate("accounts", "%(username) is already deactivated."),
    "account.same_password": lambda: translate("accounts", "The new password must differ from the current one."),
    "account.username_bad": lambda: translate(
        "accounts", "A user name has 3–32 lower-case letters, digits, “.”, “_” or “-”."),
    "account.role_bad": lambda: translate("accounts", "Choose a role from the list."),
    "account.name_required": lambda: translate("accounts", "Enter the full name."),
    "account.name_too_long": lambda: translate("accounts", "The name is longer than %(max) characters."),
    "account.password_too_short": lambda: translate("accounts", "At least %(min) characters."),
    "backup.missing": lambda: translate("StoreProblems", "The backup %(file) no longer exists."),
    "backup.unreadable": lambda: translate(
        "StoreProblems", "%(file) is not a whole MotCua Desk backup, or cannot be read to the end; nothing was "
                         "restored."),
    "backup.damaged": lambda: translate(
        "StoreProblems", "The backup %(file) is damaged; nothing was restored. Try an older backup."),
    "backup.key_does_not_open": lambda: translate(
        "StoreProblems", "The password or recovery key given does not open the backup %(file)."),
    "backup.pages_missing": lambda: translate(
        "StoreProblems", "%(count) scanned page(s) of the backup %(file) are missing or damaged; nothing was "
                         "restored."),
    "backup.folder_missing": lambda: translate(
        "StoreProblems", "The backup folder %(folder) is not there (is the USB drive plugged in?). No backup was "
                         "made; nothing was lost. It is tried again next time."),
    "backup.folder_full": lambda: translate(
        "StoreProblems", "The disk of the backup folder %(folder) is full. No backup was made; nothing was lost. "
                         "Free some space or choose another folder."),
    "backup.folder_read_only": lambda: translate(
        "StoreProblems", "The backup folder %(folder) cannot be written (read-only or locked). No backup was "
                         "made; nothing was lost."),
    "backup.folder_failed": lambda: translate(
        "StoreProblems", "Backing up into %(folder) failed. No backup was made; nothing was lost. It is tried "
                         "again next time."),
    "backup.written_badly": lambda: translate(
        "StoreProblems", "The backup written into %(folder) did not read back whole, so it was not kept and does "
                         "not count. It is tried again next time."),
    "backup.time_bad": lambda: translate("StoreProblems", "Backup time: %(value) is not a time of day (HH:MM)."),
    "backup.keep_bad": lambda: translate("StoreProblems", "Keep between %(min) and %(max) backups."),
    "backup.folder_relative": lambda: translate(
        "StoreProblems", "Backup folder: %(folder) is not a full path (e.g. E:\\SaoLuu)."),
    "backup.check_failed": lambda: translate(
        "StoreProblems", "The backup %(file) was restored, but the full check found %(count) problem(s); ask "
                         "for support before working on it."),
    "files.disk_full": lambda: translate("StoreProblems", "%(file) could not be written: the disk is full."),
    "files.cannot_write": lambda: translate(
        "StoreProblems", "%(file) could not be written there; choose another folder."),
}

CLASS_TEXTS: dict[str, Callable[[], str]] = {
    "store_missing": lambda: translate("StoreProblems", "There is no data of MotCua Desk on this computer yet."),
    "store_exists": lambda: translate("StoreProblems", "MotCua Desk data already exists here; nothing was changed."),
    "migration": lambda: translate(
        "StoreProblems", "Upgrading the data failed; it was left as it was before the upgrade."),
    "account_disabled": lambda: translate(
        "auth", "This account has been deactivated. Ask an administrator to reset its password to use it "
                "again."),
    "password_change_required": lambda: translate(
        "StoreProblems", "An administrator set this password: choose a new one to go on."),
}

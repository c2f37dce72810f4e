"""The unit's own scanner list: network scanners by address and folders scanners save into.

mDNS finds most driverless scanners by itself, but not across subnets or on networks that
block multicast, and a scanner that saves to a share is only a folder: both are named here by
an administrator and kept in the store's settings, so every official of the desk sees them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app import options
from app.capture.sources.discovery import base_url_from_address
from app.errors import InputError

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

ESCL_SETTING = options.ESCL_ADDRESSES.key
FOLDERS_SETTING = options.WATCH_FOLDERS.key


@dataclass(frozen=True)
class ScannerSettings:
    escl_addresses: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()


def split_list(text: str) -> tuple[str, ...]:
    """"a; b ;;c" -> ("a", "b", "c"): how a person types several addresses or folders."""
    return tuple(part.strip() for part in text.replace("\n", ";").split(";") if part.strip())


def read_scanner_settings(store: Store) -> ScannerSettings:
    escl = store.get_setting(ESCL_SETTING, []) or []
    folders = store.get_setting(FOLDERS_SETTING, []) or []
    return ScannerSettings(tuple(str(a) for a in escl), tuple(str(f) for f in folders))


def check_scanner_settings(escl_addresses: tuple[str, ...], folders: tuple[str, ...]) -> ScannerSettings:
    """Refuse what cannot work, naming it: an address that is not a scanner URL, a folder that
    does not exist. Nothing is saved unless everything is right."""
    for address in escl_addresses:
        base_url_from_address(address)
    for folder in folders:
        if not Path(folder).expanduser().is_dir():
            raise InputError(f"scanner folder {folder!r}: not a folder on this computer",
                             kind="capture.scan_folder_missing", params={"folder": str(folder)})
    return ScannerSettings(escl_addresses, folders)


def save_scanner_settings(store: Store, settings: ScannerSettings) -> None:
    checked = check_scanner_settings(settings.escl_addresses, settings.folders)
    store.set_setting(ESCL_SETTING, list(checked.escl_addresses))
    store.set_setting(FOLDERS_SETTING, list(checked.folders))

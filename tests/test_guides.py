"""The guides show every screen they must, in both languages, with pictures that exist.

A guide that links docs/screens/X.png when X.png is not there, a required screen missing from
one language's guide, or a README that does not lead to the guides fails here: an official
learning from the guide must see the screen the text describes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SCREENS = DOCS / "screens"

USER_GUIDES = ("user-guide.md", "user-guide.en.md")
ADMIN_GUIDES = ("admin-guide.md", "admin-guide.vi.md")

# Screen -> the picture that shows it. Every guide of the pair must show each one.
USER_SCREENS = {
    "reception": "reception.png",
    "capture": "reception-capture.png",
    "receipt": "receipt-viewer.png",
    "return": "return.png",
    "lifecycle actions": "detail-actions.png",
    "Hồ sơ list": "list.png",
    "dossier detail": "detail.png",
    "Đồng bộ": "sync.png",
    "Báo cáo": "reports.png",
    "training mode": "training-main.png",
}
ADMIN_SCREENS = {
    "setup": "setup.png",
    "users": "users-admin.png",
    "backups": "backup-settings.png",
    "checklist": "settings-checklist.png",
    "calendar": "calendar.png",
}

IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
SCREEN_MENTION = re.compile(r"(?:docs/)?screens/[\w.\-]+\.png")


def pictures_shown(text: str) -> set[str]:
    """File names of the images a Markdown text embeds from screens/."""
    return {Path(link).name for link in IMAGE_LINK.findall(text) if "screens/" in link}


def missing_pictures(guide: Path) -> list[str]:
    """Every screens/*.png a guide embeds or names that docs/screens does not hold."""
    text = guide.read_text(encoding="utf-8")
    named = {Path(link).name for link in IMAGE_LINK.findall(text) if "screens/" in link}
    named |= {Path(m).name for m in SCREEN_MENTION.findall(text)}
    return sorted(name for name in named if not (SCREENS / name).is_file())


def unshown_screens(guide: Path, required: dict[str, str]) -> list[str]:
    """The required screens a guide does not embed a picture of."""
    shown = pictures_shown(guide.read_text(encoding="utf-8"))
    return sorted(screen for screen, picture in required.items() if picture not in shown)


@pytest.mark.parametrize("name", USER_GUIDES + ADMIN_GUIDES)
def test_every_picture_a_guide_links_exists(name: str) -> None:
    guide = DOCS / name
    assert guide.is_file(), f"docs/{name} is missing"
    assert missing_pictures(guide) == [], f"docs/{name} links screenshots that are not in docs/screens"


@pytest.mark.parametrize("name", USER_GUIDES)
def test_user_guides_show_every_screen_an_official_uses(name: str) -> None:
    assert unshown_screens(DOCS / name, USER_SCREENS) == [], f"docs/{name} does not show these screens"


@pytest.mark.parametrize("name", ADMIN_GUIDES)
def test_admin_guides_show_every_screen_an_administrator_uses(name: str) -> None:
    assert unshown_screens(DOCS / name, ADMIN_SCREENS) == [], f"docs/{name} does not show these screens"


def test_required_pictures_exist() -> None:
    needed = set(USER_SCREENS.values()) | set(ADMIN_SCREENS.values())
    assert sorted(p for p in needed if not (SCREENS / p).is_file()) == []


def test_readme_links_the_four_guides() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = set(re.findall(r"\]\(([^)\s]+)\)", readme))
    for name in USER_GUIDES + ADMIN_GUIDES:
        assert f"docs/{name}" in links, f"README.md does not link docs/{name}"


def test_the_checks_catch_a_missing_picture(tmp_path: Path) -> None:
    # The checks above are only worth something if a gap makes them fail.
    guide = tmp_path / "guide.md"
    guide.write_text("![Tiếp nhận](screens/reception.png)\n![Không có](screens/khong-co-anh.png)\n",
                     encoding="utf-8")
    assert missing_pictures(guide) == ["khong-co-anh.png"]
    assert "capture" in unshown_screens(guide, USER_SCREENS)
    assert "reception" not in unshown_screens(guide, USER_SCREENS)

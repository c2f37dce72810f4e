"""Marks and degradations for generated test pages: seal, signature, paper, tilt, phone photo.

Each function takes a page image (RGB) and a seeded random source and returns a new image,
so `specimens.py` can compose pages deterministically. Inks are applied by multiplying, the
way real ink darkens paper: black print under a red seal stays black, the seal stays red.
"""

from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image
from PIL import ImageChops
from PIL import ImageDraw
from PIL import ImageFilter
from PIL import ImageFont

from app.paths import resource

SEAL_RED = (205, 32, 40)
SIGNATURE_BLUE = (25, 45, 170)
DESK_BROWN = (86, 70, 58)  # the table a phone photo is taken on


def font(size_px: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    """Liberation Serif (shipped in resources/fonts) at a pixel size."""
    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    return ImageFont.truetype(str(resource("fonts", name)), size_px)


def multiply(page: Image.Image, ink: Image.Image) -> Image.Image:
    """Lay an ink layer (white = no ink) on a page like real ink does."""
    return ImageChops.multiply(page.convert("RGB"), ink.convert("RGB"))


def seal(page: Image.Image, centre: tuple[int, int], dpi: int, ring_text: str,
         rng: random.Random) -> Image.Image:
    """A round red commune seal (two rings, text around, star in the middle) over the page."""
    radius = round(35 / 2 / 25.4 * dpi)  # real commune seals are ~35 mm across
    size = 2 * radius + 8
    layer = Image.new("L", (size, size), 0)  # ink coverage 0..255
    draw = ImageDraw.Draw(layer)
    c = size // 2
    width = max(2, dpi // 70)
    draw.ellipse((c - radius, c - radius, c + radius, c + radius), outline=255, width=width)
    inner = round(radius * 0.68)
    draw.ellipse((c - inner, c - inner, c + inner, c + inner), outline=255, width=max(1, width // 2))
    _ring_text(layer, ring_text, c, round(radius * 0.84), round(radius * 0.2))
    _star(draw, c, c, round(inner * 0.42))
    # Stamps never ink evenly: thin the coverage at random so the paper shows through.
    patchy = np.asarray(layer, dtype=np.float32) * _np_rng(rng).uniform(0.55, 1.0, (size, size))
    layer = Image.fromarray(patchy.astype(np.uint8)).rotate(rng.uniform(-25, 25), resample=Image.Resampling.BICUBIC)
    return _apply_ink(page, layer, SEAL_RED, (centre[0] - c, centre[1] - c))


def _ring_text(layer: Image.Image, text: str, c: int, radius: int, size_px: int) -> None:
    """Write `text` clockwise around a circle, each letter upright towards the outside."""
    face = font(size_px, bold=True)
    step = 360.0 / len(text)
    for index, char in enumerate(text):
        angle = -90 + index * step  # start at the top
        glyph = Image.new("L", (size_px * 2, size_px * 2), 0)
        ImageDraw.Draw(glyph).text((size_px, size_px), char, font=face, fill=255, anchor="mm")
        glyph = glyph.rotate(-angle - 90, resample=Image.Resampling.BICUBIC)
        x = c + radius * math.cos(math.radians(angle)) - size_px
        y = c + radius * math.sin(math.radians(angle)) - size_px
        layer.paste(255, (round(x), round(y)), glyph)


def _star(draw: ImageDraw.ImageDraw, cx: int, cy: int, r: int) -> None:
    points = []
    for k in range(10):
        rad = r if k % 2 == 0 else r * 0.4
        a = math.radians(-90 + k * 36)
        points.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    draw.polygon(points, fill=255)


def signature(page: Image.Image, origin: tuple[int, int], dpi: int, rng: random.Random) -> Image.Image:
    """A blue handwritten-looking signature: a few smooth random loops and a flourish."""
    width, height = round(dpi * 1.6), round(dpi * 0.6)
    layer = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(layer)
    pen = max(2, dpi // 90)
    x, y = width * 0.05, height * 0.6
    points: list[tuple[float, float]] = []
    for _ in range(rng.randint(4, 6)):  # loops of the name
        loop_w, loop_h = rng.uniform(0.11, 0.19) * width, rng.uniform(0.4, 0.85) * height
        for t in np.linspace(0, 2 * math.pi, 40):
            points.append((x + loop_w * (t / (2 * math.pi)) + loop_w * 0.35 * math.sin(t),
                           y - loop_h * 0.5 * (1 - math.cos(t)) * rng.uniform(0.9, 1.0)))
        x += loop_w
    end_x = min(width * 0.95, x + width * 0.2)
    for t in np.linspace(0, 1, 30):  # the underline flourish
        points.append((x + (end_x - x) * t, y + height * 0.15 * math.sin(t * math.pi)))
    draw.line(points, fill=255, width=pen, joint="curve")
    return _apply_ink(page, layer.filter(ImageFilter.GaussianBlur(0.6)), SIGNATURE_BLUE, origin)


def _apply_ink(page: Image.Image, coverage: Image.Image, colour: tuple[int, int, int],
               at: tuple[int, int]) -> Image.Image:
    ink = Image.new("RGB", page.size, "white")
    solid = Image.new("RGB", coverage.size, colour)
    ink.paste(solid, at, coverage)
    return multiply(page, ink)


def tilt(page: Image.Image, degrees: float) -> Image.Image:
    """Rotate the page content as a crooked feed would, filling the corners with white."""
    return page.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor="white")


def paper_noise(page: Image.Image, rng: random.Random, *, strength: float = 1.0) -> Image.Image:
    """Recycled-paper look: tinted fibre texture, dust speckles, uneven light and a slight blur."""
    nrng = _np_rng(rng)
    arr = np.asarray(page.convert("RGB"), dtype=np.float32)
    h, w = arr.shape[:2]
    # Low-frequency texture: small noise blown up, so it reads as fibres/blotches, not grain.
    blotch = cv2.resize(nrng.normal(0, 6 * strength, (h // 24 + 1, w // 24 + 1)).astype(np.float32),
                        (w, h), interpolation=cv2.INTER_CUBIC)
    grain = nrng.normal(0, 5 * strength, (h, w)).astype(np.float32)
    arr = arr * np.array([0.97, 0.95, 0.90], dtype=np.float32) + (blotch + grain)[..., None]
    arr *= _light_gradient(h, w, nrng, depth=0.18 * strength)[..., None]
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    img = _speckles(img, nrng, count=int(w * h / 4000 * strength))
    return img.filter(ImageFilter.GaussianBlur(0.7))


def _speckles(img: Image.Image, nrng: np.random.Generator, *, count: int) -> Image.Image:
    draw = ImageDraw.Draw(img)
    xs = nrng.integers(0, img.width, count)
    ys = nrng.integers(0, img.height, count)
    sizes = nrng.choice([1, 1, 1, 2, 2, 3], count)
    shades = nrng.integers(40, 150, count)
    for x, y, s, g in zip(xs, ys, sizes, shades):
        draw.ellipse((int(x), int(y), int(x + s), int(y + s)), fill=(int(g),) * 3)
    return img


def _light_gradient(h: int, w: int, nrng: np.random.Generator, *, depth: float) -> np.ndarray:
    """1.0 at a random bright spot falling to 1-depth far from it: a desk lamp or a window."""
    cy, cx = nrng.uniform(0, h), nrng.uniform(0, w)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dist = np.sqrt((yy - cy) ** 2 + (xx - cx) ** 2) / math.hypot(h, w)
    return (1.0 - depth * np.clip(dist, 0, 1)).astype(np.float32)


def phone_photo(page: Image.Image, rng: random.Random) -> Image.Image:
    """The page photographed from above at an angle: perspective, dark desk around, uneven light."""
    nrng = _np_rng(rng)
    w, h = page.size
    out_w, out_h = round(w * 1.18), round(h * 1.12)
    margin_x, margin_y = out_w * 0.06, out_h * 0.04

    def jitter(scale: float) -> float:
        return rng.uniform(-scale, scale)

    corners = np.array([
        (margin_x + jitter(w * 0.04) + w * 0.05, margin_y + jitter(h * 0.02)),
        (out_w - margin_x + jitter(w * 0.03) - w * 0.05, margin_y + jitter(h * 0.02) + h * 0.02),
        (out_w - margin_x + jitter(w * 0.02), out_h - margin_y + jitter(h * 0.02)),
        (margin_x + jitter(w * 0.02), out_h - margin_y + jitter(h * 0.01)),
    ], dtype=np.float32)
    src = np.array([(0, 0), (w, 0), (w, h), (0, h)], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, corners)
    desk = np.empty((out_h, out_w, 3), dtype=np.uint8)
    desk[:] = DESK_BROWN
    warped = cv2.warpPerspective(np.asarray(page.convert("RGB")), matrix, (out_w, out_h),
                                 dst=desk, borderMode=cv2.BORDER_TRANSPARENT, flags=cv2.INTER_AREA)
    arr = warped.astype(np.float32) * _light_gradient(out_h, out_w, nrng, depth=0.35)[..., None]
    arr += nrng.normal(0, 4, arr.shape[:2]).astype(np.float32)[..., None]  # sensor noise
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return img.filter(ImageFilter.GaussianBlur(0.8))


def _np_rng(rng: random.Random) -> np.random.Generator:
    """A NumPy generator drawn from the page's random source, so one seed fixes everything."""
    return np.random.default_rng(rng.getrandbits(64))

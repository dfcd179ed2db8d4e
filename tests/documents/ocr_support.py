"""What the OCR tests share: skip markers for tesseract's Vietnamese data and the font, and a scan builder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _tesseract_has_vie() -> bool:
    exe = shutil.which("tesseract")
    if exe is None:
        return False
    out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, check=False)
    return "vie" in (out.stdout + out.stderr).split()


needs_ocr = pytest.mark.skipif(
    not _tesseract_has_vie(), reason="Máy chưa cài tesseract với dữ liệu tiếng Việt (gói tesseract-ocr-vie); bỏ qua kiểm thử nhận dạng chữ."
)
needs_osd = pytest.mark.skipif(
    not shutil.which("tesseract")
    or "osd" not in subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False).stdout.split(),
    reason="Máy chưa có dữ liệu nhận biết hướng trang của tesseract (osd); bỏ qua kiểm thử trang quét nằm ngang.",
)
needs_font = pytest.mark.skipif(not FONT.exists(), reason="Máy chưa cài phông DejaVu (gói fonts-dejavu-core); bỏ qua kiểm thử ảnh quét.")


def text_scan(size: tuple[int, int], lines: list[tuple[int, int, str]], font_size: int) -> Image.Image:
    """A white greyscale page with each ``(x, y, text)`` drawn in black DejaVu Sans."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), font_size)
    for x, y, text in lines:
        draw.text((x, y), text, font=font, fill=0)
    return image

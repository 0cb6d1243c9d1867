"""Draw NormFit's icon (assets/icons/normfit.png, .ico, .icns) with Pillow.

A blue rounded square with nine gain bars of different heights (the RMSNorm
gains an adapter changes).  Run: .venv/bin/python tools/make_icons.py
"""
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "assets" / "icons"


def draw(size: int = 1024) -> Image.Image:
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    m = size // 16
    d.rounded_rectangle([m, m, size - m, size - m], radius=size // 5, fill=(37, 99, 235, 255))
    heights = [0.45, 0.62, 0.38, 0.70, 0.52, 0.80, 0.58, 0.66, 0.48]
    left, right, bottom = size * 0.2, size * 0.8, size * 0.78
    w = (right - left) / len(heights)
    for i, h in enumerate(heights):
        x0 = left + i * w + w * 0.15
        d.rounded_rectangle([x0, bottom - h * size * 0.55, x0 + w * 0.7, bottom], radius=w * 0.2,
                            fill=(255, 255, 255, 255) if i != 5 else (250, 204, 21, 255))
    d.line([size * 0.18, size * 0.82, size * 0.82, size * 0.82], fill=(255, 255, 255, 200), width=size // 64)
    return im


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.LANCZOS).save(OUT / "normfit.png")
    big.save(OUT / "normfit.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.resize((512, 512), Image.LANCZOS).save(OUT / "normfit.icns")
    for p in sorted(OUT.iterdir()):
        print(p.name, p.stat().st_size)

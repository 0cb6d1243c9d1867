"""The shootout's two PNG charts (Qt's painter, offscreen): a research tool, not the engine."""
from __future__ import annotations

import math
from pathlib import Path

from ..engine.methods import METHODS


def charts(rep: dict, out: Path) -> None:
    """Two grouped bar charts (held-out and general perplexity) drawn with Qt, no plotting library."""
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen
    app = QGuiApplication.instance() or QGuiApplication([])
    colours = {"norm": QColor("#2b8a3e"), "lora": QColor("#1c7ed6"), "full": QColor("#e8590c")}
    for key, title, fname in (("heldout_ppl_after", "Held-out perplexity (lower is better, log scale)",
                               "heldout_ppl.png"),
                              ("general_ppl_after", "General-text perplexity (lower is better, log scale)",
                               "general_ppl.png")):
        W, H, pad = 900, 460, 70
        img = QImage(W, H, QImage.Format_ARGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        p.setRenderHint(QPainter.Antialiasing)
        p.setFont(QFont("DejaVu Sans", 11))
        p.drawText(QRectF(0, 8, W, 24), Qt.AlignCenter, title)
        before_key = key.replace("_after", "_before")
        dashed = QPen(QColor("#222"), 1.5, Qt.DashLine)
        vals = [a[key]["mean"] for by in rep["aggregate"].values() for a in by.values()
                if a[key]["mean"] is not None]
        vals += [a[before_key] for by in rep["aggregate"].values() for a in by.values() if a.get(before_key)]
        if not vals:
            p.end()
            continue
        lo, hi = math.log10(max(1.0, min(vals) * 0.8)), math.log10(max(vals) * 1.25)
        y = lambda v: H - pad - (math.log10(v) - lo) / max(hi - lo, 1e-9) * (H - 2 * pad)
        p.setPen(QPen(QColor("#444")))
        p.drawLine(pad, H - pad, W - 20, H - pad)
        users = list(rep["aggregate"])
        gw = (W - pad - 40) / max(1, len(users))
        bw = gw / 4.5
        for i, u in enumerate(users):
            x0 = pad + 10 + i * gw
            p.drawText(QRectF(x0, H - pad + 8, gw, 20), Qt.AlignHCenter, u)
            for j, m in enumerate(METHODS):
                a = rep["aggregate"][u].get(m)
                if not a or a[key]["mean"] is None:
                    continue
                v = a[key]["mean"]
                top = y(v)
                p.fillRect(QRectF(x0 + j * bw * 1.2, top, bw, H - pad - top), colours[m])
                p.drawText(QRectF(x0 + j * bw * 1.2 - 10, top - 20, bw + 20, 18), Qt.AlignHCenter,
                           f"{v:,.0f}" if v >= 100 else f"{v:.1f}")
            # The base model's perplexity on the same text: a dashed line over the group.
            b = next((a.get(before_key) for a in rep["aggregate"][u].values() if a.get(before_key)), None)
            if b:
                p.save()
                p.setPen(dashed)
                p.drawLine(int(x0 - 6), int(y(b)), int(x0 + 3 * bw * 1.2), int(y(b)))
                p.restore()
        for j, m in enumerate(METHODS):
            p.fillRect(QRectF(W - 345 + j * 85, 40, 14, 14), colours[m])
            p.drawText(QRectF(W - 327 + j * 85, 38, 70, 18), Qt.AlignLeft, m)
        p.save()
        p.setPen(dashed)
        p.drawLine(W - 90, 47, W - 66, 47)
        p.restore()
        p.drawText(QRectF(W - 62, 38, 60, 18), Qt.AlignLeft, "base")
        p.end()
        img.save(str(out / fname))

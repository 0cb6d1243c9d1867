"""Two small charts drawn with QPainter (no Qt Charts add-on needed).

Colours come from the palette where they can, so the charts follow the system
light or dark theme; the series colours are chosen to read on both.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..engine.methods import spec
from .words import dec, method_name, num, ppl_text, tr

BASE_GREY = "#8a8f98"


def colour(m: str, default: QColor) -> QColor:
    """A method's colour from its Spec (engine/methods.py), read when drawn; the base's grey."""
    s = spec(m)
    return QColor(s.colour) if s is not None else (QColor(BASE_GREY) if m == "base" else default)


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return [lo]
    raw = (hi - lo) / max(1, n)
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=10 * mag)
    start = math.ceil(lo / step) * step
    out, v = [], start
    while v <= hi + step * 1e-9:
        out.append(round(v, 10))
        v += step
    return out


def _tick_label(v: float) -> str:
    if abs(v) >= 10 or v == int(v):
        return num(v)
    if abs(v) < 1:
        return dec(v, max(1, 1 - math.floor(math.log10(abs(v))))) if v else num(0)
    return dec(v)


class Chart(QWidget):
    """Common frame: palette colours, margins, empty-state message."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        return QSize(560, 260)

    def changeEvent(self, ev) -> None:
        # Labels are drawn with tr() at paint time: a new language needs a repaint.
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)

    def retranslate(self) -> None:
        self.update()

    def fg(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def grid(self) -> QColor:
        c = QColor(self.fg())
        c.setAlpha(40)
        return c

    def background(self, p: QPainter) -> None:
        p.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        pen = QPen(self.grid())
        p.setPen(pen)
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))

    def empty(self, p: QPainter, text: str) -> None:
        c = QColor(self.fg())
        c.setAlpha(150)
        p.setPen(c)
        p.drawText(self.rect().adjusted(12, 12, -12, -12), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                   text)


class LossChart(Chart):
    """Training loss per step (a thin raw line and a smoothed one) with the
    validation checks as dots; one colour per method in comparison mode."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.clear()
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(tr("Training progress chart"))
        self.refresh()

    def clear(self) -> None:
        self.losses: dict[str, list[tuple[int, float]]] = {}
        self.checks: dict[str, list[tuple[int, float, bool]]] = {}
        self.update()

    def add_loss(self, method: str, step: int, loss: float) -> None:
        if math.isfinite(loss):
            self.losses.setdefault(method, []).append((step, loss))

    def add_check(self, method: str, step: int, loss: float, best: bool) -> None:
        if math.isfinite(loss):
            self.checks.setdefault(method, []).append((step, loss, best))

    def refresh(self) -> None:
        self.setAccessibleDescription(self._summary())
        self.update()

    def point_count(self) -> int:
        return sum(len(v) for v in self.losses.values())

    def _summary(self) -> str:
        parts = []
        for m, pts in self.losses.items():
            parts.append(tr("{name}: step {step}, loss {loss}").format(
                name=method_name(m), step=num(pts[-1][0]), loss=dec(pts[-1][1], 2)))
        return "; ".join(parts)

    def paintEvent(self, _ev) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.background(p)
        if not self.losses:
            self.empty(p, tr("The training loss will appear here once training starts.\n"
                             "Lower means the model predicts your writing better."))
            return
        fm = QFontMetrics(self.font())
        frame = self._frame(fm)
        if frame is None:
            return
        self._axes(p, fm, *frame)
        self._legend(p, fm, frame[0])
        p.setClipRect(frame[0].adjusted(-6, -6, 6, 6))
        self._curves(p, *frame[:3])

    def _frame(self, fm: QFontMetrics):
        """(plot rectangle, step -> x, loss -> y, y ticks, last step) or None when too small."""
        all_pts = [(s, l) for v in self.losses.values() for s, l in v] + \
                  [(s, l) for v in self.checks.values() for s, l, _ in v]
        ys = sorted(l for _, l in all_pts)
        pad = max(1e-3, (ys[-1] - ys[0]) * 0.08)
        y_lo, y_hi = ys[0] - pad, ys[-1] + pad
        x_hi = max(max(s for s, _ in all_pts), 1)
        yt = nice_ticks(y_lo, y_hi, 4)
        left = max(fm.horizontalAdvance(_tick_label(t)) for t in yt) + 16
        legend_h = fm.height() + 10
        plot = QRectF(left, 10 + legend_h, self.width() - left - 14, self.height() - 30 - fm.height() - legend_h)
        if plot.width() < 20 or plot.height() < 20:
            return None

        def X(s): return plot.left() + s / x_hi * plot.width()
        def Y(v): return plot.bottom() - (min(max(v, y_lo), y_hi) - y_lo) / (y_hi - y_lo) * plot.height()
        return plot, X, Y, yt, x_hi

    def _axes(self, p: QPainter, fm: QFontMetrics, plot: QRectF, X, Y, yt, x_hi) -> None:
        p.setPen(QPen(self.grid()))
        for t in yt:
            p.drawLine(QPointF(plot.left(), Y(t)), QPointF(plot.right(), Y(t)))
        p.setPen(self.fg())
        for t in yt:
            r = QRectF(0, Y(t) - fm.height() / 2, plot.left() - 6, fm.height())
            p.drawText(r, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, _tick_label(t))
        for t in nice_ticks(0, x_hi, 6):
            if t != int(t):
                continue
            r = QRectF(X(t) - 30, plot.bottom() + 4, 60, fm.height())
            p.drawText(r, Qt.AlignmentFlag.AlignHCenter, _tick_label(t))
        p.drawText(QRectF(plot.left(), plot.bottom() + 4 + fm.height(), plot.width(), fm.height() + 4),
                   Qt.AlignmentFlag.AlignHCenter, tr("training step"))
        p.setPen(QPen(self.grid()))
        p.drawRect(plot)

    def _legend(self, p: QPainter, fm: QFontMetrics, plot: QRectF) -> None:
        lx = plot.left()
        for m in list(self.losses):
            c = colour(m, self.fg())
            p.setPen(QPen(c, 3))
            p.drawLine(QPointF(lx, 10 + fm.height() / 2), QPointF(lx + 18, 10 + fm.height() / 2))
            p.setPen(self.fg())
            label = method_name(m) + " " + tr("(loss)")
            p.drawText(QPointF(lx + 24, 10 + fm.ascent()), label)
            lx += 24 + fm.horizontalAdvance(label) + 18
        if self.checks:
            p.setBrush(self.fg())
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPointF(lx + 5, 10 + fm.height() / 2), 4, 4)
            p.setPen(self.fg())
            p.drawText(QPointF(lx + 14, 10 + fm.ascent()), tr("check on text kept aside"))

    def _curves(self, p: QPainter, plot: QRectF, X, Y) -> None:
        """Each method's loss, faint as measured and bold smoothed; checks as dots (the kept one larger)."""
        for m, pts in self.losses.items():
            c = colour(m, self.fg())
            faint = QColor(c)
            faint.setAlpha(70)
            # at most ~2 points per pixel column
            stride = max(1, len(pts) // max(1, int(plot.width() * 2)))
            shown = pts[::stride]
            path = QPainterPath(QPointF(X(shown[0][0]), Y(shown[0][1])))
            for s, l in shown[1:]:
                path.lineTo(X(s), Y(l))
            p.setPen(QPen(faint, 1.2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
            ema, spath = None, None
            for s, l in pts:
                ema = l if ema is None else 0.85 * ema + 0.15 * l
                if spath is None:
                    spath = QPainterPath(QPointF(X(s), Y(ema)))
                else:
                    spath.lineTo(X(s), Y(ema))
            p.setPen(QPen(c, 2.4))
            p.drawPath(spath)
        for m, pts in self.checks.items():
            c = colour(m, self.fg())
            for s, l, best in pts:
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1.5))
                p.setBrush(c.darker(130) if best else c)
                p.drawEllipse(QPointF(X(s), Y(l)), 5 if best else 4, 5 if best else 4)


class BarChart(Chart):
    """Perplexity after training per method, for one measure (lower is better);
    the base model is the first, grey bar. Log scale when values differ wildly
    (full fine-tuning can collapse to perplexities in the tens of thousands)."""

    def __init__(self, title: str = "", parent=None):
        super().__init__(parent)
        self.bars: list[tuple[str, float | None]] = []
        self.empty_text: str | None = None      # None: "No results yet." in the current language
        self.set_title(title)

    def set_title(self, title: str) -> None:
        self.title = title
        self.setAccessibleName(title)
        self.update()

    def retranslate(self) -> None:
        self.set_bars(self.bars)

    def set_bars(self, bars: list[tuple[str, float | None]]) -> None:
        self.bars = bars
        self.setAccessibleDescription("; ".join(f"{method_name(m)}: {ppl_text(v)}" for m, v in bars))
        self.update()

    def paintEvent(self, _ev) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.background(p)
        fm = QFontMetrics(self.font())
        bold = p.font()
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(self.fg())
        p.drawText(QRectF(10, 6, self.width() - 20, fm.height() + 2), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(self.font())
        vals = [v for _, v in self.bars if v is not None and math.isfinite(v) and v > 0]
        if not vals:
            self.empty(p, self.empty_text or tr("No results yet."))
            return
        log_scale = max(vals) / min(vals) > 20
        top = 16 + fm.height() * 3
        names_h = fm.height() * 2 + 8
        plot = QRectF(10, top, self.width() - 20, self.height() - top - names_h)
        hi = max(vals) * 1.05

        def H(v):
            if log_scale:
                lo = math.log10(min(vals)) - 0.3
                return (math.log10(v) - lo) / (math.log10(hi) - lo) * plot.height()
            return v / hi * plot.height()

        n = len(self.bars)
        slot = plot.width() / n
        bw = min(70.0, slot * 0.6)
        for i, (m, v) in enumerate(self.bars):
            cx = plot.left() + slot * (i + 0.5)
            c = colour(m, self.fg())
            if v is not None and math.isfinite(v) and v > 0:
                h = max(2.0, H(v))
                r = QRectF(cx - bw / 2, plot.bottom() - h, bw, h)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(c)
                p.drawRoundedRect(r, 3, 3)
                p.setPen(self.fg())
                p.drawText(QRectF(cx - slot / 2, r.top() - fm.height() - 2, slot, fm.height()),
                           Qt.AlignmentFlag.AlignHCenter, ppl_text(v))
            else:
                p.setPen(self.fg())
                p.drawText(QRectF(cx - slot / 2, plot.bottom() - fm.height(), slot, fm.height()),
                           Qt.AlignmentFlag.AlignHCenter, tr("not run"))
            p.setPen(self.fg())
            p.drawText(QRectF(cx - slot / 2 + 2, plot.bottom() + 4, slot - 4, names_h - 4),
                       Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, method_name(m))
        p.setPen(QPen(self.grid()))
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        note = tr("lower is better") + (tr(", log scale") if log_scale else "")
        c = QColor(self.fg())
        c.setAlpha(150)
        p.setPen(c)
        p.drawText(QRectF(10, 8 + fm.height(), self.width() - 20, fm.height() + 2), Qt.AlignmentFlag.AlignLeft, note)

"""Step 2 of the window, Personalise: its controller. It owns the run (its live
state, its job, the ticker that repaints it), the "keep the best result?"
question of a stopped run, what the last run measured of itself (slowest step,
how fast a cancel was honoured) and the training overrides tests and
benchmarks pass in; the choices, starting and cancelling a run, live progress
from the engine's events, and keeping the best result of a stopped run. It
asks the Documents step through its public methods, and hands a finished
outcome to the window through `outcome_ready`."""
from __future__ import annotations

import dataclasses
import logging
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from .pages import named
from ..engine import events as ev     # torch-free: events are told apart by type
from ..engine.methods import SHAREABLE, names
from .state import Outcome, RunState, engine
from .words import clock, method_name, num, tr
from .worker import Failure, Job

log = logging.getLogger("normfit.ui")


def comparison_methods() -> tuple[str, ...]:
    """What the window compares: every registered method (engine/methods.py), read when a job starts."""
    return names()


class PersonaliseController(QObject):
    """Step 2's state and behaviour. `win` gives the page, the settings, the base,
    the jobs and error boxes; `docs` (the DocumentsController) answers
    whether there is enough text and which documents to train on."""
    run_finished = Signal()           # a run ended, however (done, failed, stopped)
    outcome_ready = Signal(object)    # an Outcome to show on the Results page
    changed = Signal()                # a run started or ended: the navigation follows

    def __init__(self, win, docs, train_overrides: dict | None = None):
        super().__init__(win)
        self.win, self.docs = win, docs
        self.page = win.train_page
        self.train_overrides = dict(train_overrides or {})
        self.run: RunState | None = None
        self.run_job: Job | None = None
        self.keep_box: QMessageBox | None = None
        self.last_step_seconds = 0.0
        self.last_cancel_latency: float | None = None
        self.ticker = QTimer(self)
        self.ticker.setInterval(100)       # progress and chart repaint at 10 Hz, however fast events come
        self.ticker.timeout.connect(self.tick)
        t = self.page
        t.start.clicked.connect(self.start)
        t.cancel.clicked.connect(self.cancel)
        t.compare.toggled.connect(self._compare_toggled)
        t.budget_group.idToggled.connect(self._budget_toggled)
        t.guard_group.idToggled.connect(self._guard_toggled)
        self._phase(lambda: tr("Ready when you are."))

    def running(self) -> bool:
        return self.run_job is not None and self.run_job.isRunning()

    def retranslate(self) -> None:
        self.time_note()
        if self.run is not None:
            self.tick()

    def _compare_toggled(self, on: bool) -> None:
        self.win.settings.compare = on
        self.time_note()

    def time_note(self) -> None:
        on = self.page.compare.isChecked()
        m = self.page.budget_group.checkedId()
        m = m if m > 0 else self.win.settings.budget_minutes
        self.page.compare_note.setText(
            tr("With the comparison it takes {k} times as long: about {n} minutes.").format(
                k=num(len(comparison_methods())), n=num(len(comparison_methods()) * m)) if on
            else (tr("Takes about 1 minute.") if m == 1 else tr("Takes about {n} minutes.").format(n=num(m))))

    def _budget_toggled(self, minutes: int, checked: bool) -> None:
        if checked:
            self.win.settings.budget_minutes = minutes
            self.time_note()

    def _guard_toggled(self, button_id: int, checked: bool) -> None:
        if checked:
            self.win.settings.max_drift_pct = 0 if button_id == 100 else button_id

    def start(self) -> None:
        if self.running() or self.win.base is None:
            return
        if not self.docs.enough_text():
            self.win.show_error(tr("Not enough text"), self.win.docs_page.warning.text())
            return
        if self.win.class_dialog is not None and self.win.class_dialog.running():
            self.win.show_error(tr("Not ready yet"), tr("A class is being personalised (File > Class...); "
                                                        "wait until it has finished or stop it."))
            return
        pct = self.win.settings.max_drift_pct
        from ..paths import scores_cache_dir
        api_cfg = dict(minutes=float(self.win.settings.budget_minutes), max_drift=pct / 100.0 if pct else None,
                       cache_dir=str(scores_cache_dir()))
        api_cfg.update(self.train_overrides)
        compare = self.page.compare.isChecked()
        methods = comparison_methods() if compare else (SHAREABLE,)
        base, docs = self.win.base, list(self.docs.documents)
        from ..engine.names import clean_label
        label = clean_label(self.page.who.text())
        self.win.settings.save()

        def work(emit, stop):
            api = engine()
            from ..engine.session import Session
            session = Session(base, api.TrainConfig(**api_cfg), methods, label=label,
                              on_event=lambda m, e: emit((m, e)), should_stop=stop)
            return session.run(session.prepare(docs))

        t = self.page
        t.chart.clear()
        t.progress.setValue(0)
        self.win._forget_live_text("phase")      # the ticker words the phase while it runs
        t.phase.setText(tr("Getting your text ready..."))
        t.stats.setText("")
        self.win._forget_live_text("train-busy")
        t.busy.setText("")
        t.busy.setVisible(False)
        self.run = RunState(methods, api_cfg["minutes"] * 60.0, api_cfg.get("max_steps"))
        self.run_job = self.win._start_job("train", work, self._trained, on_event=self.engine_event,
                                           on_failed=self._train_failed)
        self._lock_settings(True)
        self.ticker.start()
        self.changed.emit()
        t.cancel.setFocus()
        log.info("training started: methods=%s budget=%.0fs overrides=%s", methods, self.run.budget_s,
                 self.train_overrides)

    def engine_event(self, item) -> None:
        """Engine events (queued from the training thread): record, repaint later."""
        method, e = item
        run = self.run
        if run is None:
            return
        if isinstance(e, ev.StepDone):
            now = time.monotonic()
            if run.last_step_at is not None and run.method == method:
                run.step_seconds = max(run.step_seconds, now - run.last_step_at)
            run.last_step_at = now
            run.method, run.step, run.elapsed_in_method = method, e.step, e.elapsed_s
            run.tokens_per_s = e.tokens_per_s
            self.page.chart.add_loss(method, e.step, e.loss)
        elif isinstance(e, ev.Validated):
            self.page.chart.add_check(method, e.step, e.loss, e.best)
        elif isinstance(e, ev.Phase):
            run.method, run.phase = method, e.name
            if e.name == "training":
                run.step, run.elapsed_in_method = 0, 0.0
        elif isinstance(e, ev.Started):
            run.method = method
        elif isinstance(e, ev.Busy):
            self.win._live_text("train-busy", self._show_busy)

    def _show_busy(self) -> None:
        b = self.page.busy
        b.setText(tr("This computer is busy; NormFit is using the time it has."))
        b.setVisible(True)

    def _phase_text(self) -> str:
        run = self.run
        if run.cancel_at is not None:
            return tr("Stopping...")
        name = method_name(run.method)
        return {
            "preparing": tr("Getting your text ready..."),
            "evaluating-before": tr("Measuring the base model on the text kept aside..."),
            "training": tr("Training: {name}").format(name=name) if len(run.methods) > 1 else
            tr("Training: learning your writing..."),
            "evaluating-after": tr("Measuring {name} on the text kept aside...").format(name=name),
        }.get(run.phase, tr("Starting..."))

    def tick(self) -> None:
        run = self.run
        if run is None:
            return
        t = self.page
        elapsed = time.monotonic() - run.t0
        i = run.methods.index(run.method) if run.method in run.methods else 0
        frac_m = min(1.0, run.elapsed_in_method / max(1e-9, run.budget_s))
        if run.max_steps:
            frac_m = max(frac_m, min(1.0, run.step / run.max_steps))
        if run.phase == "evaluating-after":
            frac_m = 1.0
        frac = (i + frac_m) / len(run.methods)
        t.progress.setValue(int(frac * 1000))
        total = run.budget_s * len(run.methods)
        left = max(0.0, total - elapsed)
        if frac > 0.05:
            left = min(left, elapsed * (1 - frac) / frac)
        t.times.setText(tr("{e} elapsed  ·  about {l} left").format(e=clock(elapsed), l=clock(left)))
        if run.phase == "training" and run.step:
            t.stats.setText(tr("step {s}  ·  {tps} tokens a second").format(
                s=num(run.step), tps=num(run.tokens_per_s)))
        t.phase.setText(self._phase_text())
        t.chart.refresh()

    def cancel(self) -> None:
        if self.running():
            self.run.cancel_at = time.monotonic()
            self.run_job.cancel()
            self.page.cancel.setEnabled(False)
            self._phase(lambda: tr("Stopping..."))
            log.info("cancel requested")

    def _phase(self, text) -> None:
        self.win._live_text("phase", lambda: self.page.phase.setText(text()))

    def _training_over(self) -> None:
        self.ticker.stop()
        if self.run is not None:
            self.tick()
            self.last_step_seconds = self.run.step_seconds
            if self.run.cancel_at is not None:
                self.last_cancel_latency = time.monotonic() - self.run.cancel_at
                log.info("cancelled in %.2f s", self.last_cancel_latency)
        self._lock_settings(False)
        self.run_job = None
        self.changed.emit()

    def _lock_settings(self, running: bool) -> None:
        """While a run goes, its settings and documents cannot change under it."""
        t = self.page
        t.start.setEnabled(not running)
        t.cancel.setEnabled(running)
        for w in (t.compare, t.who, *t.budget_buttons.values(), *t.guard_buttons.values(), self.win.docs_page):
            w.setEnabled(not running)

    def _train_failed(self, f: Failure) -> None:
        self._training_over()
        self._phase(lambda: tr("Training did not finish."))
        self.win.show_error(tr("Training did not finish"), f)
        self.run = None
        self.run_finished.emit()

    def _trained(self, outcome: Outcome) -> None:
        self._training_over()
        log.info("training finished: %s", [r.summary() for r in outcome.results])
        if outcome.cancelled:
            self._offer_keep(outcome)
        else:
            self._phase(lambda: tr("Done."))
            self.page.progress.setValue(1000)
            self.outcome_ready.emit(outcome)
        self.run = None
        self.run_finished.emit()

    def _offer_keep(self, outcome: Outcome) -> None:
        stopped = [r for r in outcome.results if r.cancelled]
        useful = [r for r in stopped if r.best_step > 0] + [r for r in outcome.results if not r.cancelled]
        if not useful:
            self._phase(lambda: tr("Stopped before the model had learned anything; nothing to keep."))
            return
        self._phase(lambda: tr("Stopped."))
        r = stopped[0]
        box = QMessageBox(QMessageBox.Icon.Question, tr("Training stopped"),
                          tr("Training stopped. Keep the best result so far?"), QMessageBox.StandardButton.NoButton,
                          self.win)
        box.setInformativeText(tr("The best point was reached at step {s}. NormFit will measure it on the text "
                                  "kept aside, which takes a few seconds.").format(s=r.best_step) if r.best_step
                               else tr("The finished methods are kept."))
        keep = box.addButton(tr("&Keep it"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(tr("&Discard"), QMessageBox.ButtonRole.RejectRole)
        named(keep, tr("Keep the best result so far"))
        named(discard, tr("Discard the result"))
        box.setDefaultButton(keep)
        box.setAccessibleName(tr("Training stopped"))
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(button):
            self.keep_box = None
            if button is keep:
                self._keep(outcome)
        box.buttonClicked.connect(answered)
        box.open()
        self.keep_box = box

    def _keep(self, outcome: Outcome) -> None:
        base = self.win.base
        self._phase(lambda: tr("Measuring the best result so far..."))
        results = [r for r in outcome.results if not r.cancelled or r.best_step > 0]

        def work(emit, stop):
            api = engine()
            out = [api.measure_kept(base, outcome.data, r, outcome.general, should_stop=stop) for r in results]
            return dataclasses.replace(outcome, results=out)

        def done(o):
            self._phase(lambda: tr("Stopped early; the best result so far was kept."))
            self.outcome_ready.emit(o)

        self.win._start_job("measure-kept", work, done)

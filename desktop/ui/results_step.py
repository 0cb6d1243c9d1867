"""Step 3 of the window, Results: its controller. It owns the outcome shown,
the adapter opened for "Try it" (and the base release it was made for), the
adapter dialog and whether a file is being written; the outcome in words, the
comparison table and charts, saving (named after "Who is this for?") and
sharing, the saved adapters by name, opening an adapter and "Try it" (try_it.py,
which it creates). It asks the Documents step through its public methods."""
from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableWidgetItem

from ..engine.methods import names
from ..paths import adapters_dir, ensure
from . import language, saved
from .dialogs import AdapterDialog
from .pages import tone
from .state import ADAPTER_FILTER, RESULTS, Outcome, device_words, engine
from .try_it import TryIt
from .words import (Row, adapter_sentence, clock, count_text, dec, general_sentence, heldout_sentence,
                    method_name, num, pareto_verdict, pct, ppl_text, size_text, tr)

log = logging.getLogger("normfit.ui")


class ResultsController(QObject):
    """Step 3's state and behaviour. `win` gives the page, the settings, the base,
    the jobs and error boxes; `docs` (the DocumentsController) answers
    whether there is text to check an adapter on."""
    changed = Signal()                # a result is shown: the navigation follows

    def __init__(self, win, docs):
        super().__init__(win)
        self.win, self.docs = win, docs
        self.page = r = win.results_page
        self.outcome: Outcome | None = None
        self.try_adapter = None         # an opened AdapterFile used by "Try it"
        self.try_base = None            # ...and the base release it was made for
        self.adapter_dialog: AdapterDialog | None = None
        self._writing = False           # a Save or Share is writing its file
        self._general_level = "note"    # the colour of the general-text sentence
        self.try_it = TryIt(win, r.try_box, self.try_sides, docs)     # Try it wires its own controls
        r.save.clicked.connect(self.save_adapter)
        r.share.clicked.connect(self.share_result)
        r.open.clicked.connect(self.choose_adapter)
        r.open_saved.clicked.connect(self._open_selected_saved)
        r.share_saved.clicked.connect(self.share_selected_saved)
        r.saved_list.itemActivated.connect(self._saved_activated)
        r.show_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ensure(adapters_dir())))))
        self.win._live_text("mine_label", lambda: r.mine_label.setText(tr("Personalised model")))

    def retranslate(self) -> None:
        self.refresh_saved()
        if self.outcome is not None:
            self._describe_outcome(self.outcome)

    def retone(self) -> None:
        """The theme changed (light/dark): re-pick the coloured text."""
        self.page.general.setStyleSheet(tone(self.win, self._general_level))

    def try_sides(self):
        """What "Try it" compares: (base release, adapter or None): an opened adapter, else the chosen result."""
        if self.try_adapter is not None:
            return self.try_base, self.try_adapter
        return self.win.base, self.chosen_result()

    def writing(self) -> bool:
        """Whether a Save or Share is still writing its file."""
        return self._writing

    def show_outcome(self, outcome: Outcome) -> None:
        self.outcome = outcome
        page = self.page
        page.has_result = True
        self._describe_outcome(outcome)
        page.which.clear()
        for r in outcome.results:
            page.which.addItem(method_name(r.method), r.method)
        page.which.setVisible(len(outcome.results) > 1)
        # A run that kept the base has nothing to save: the sentence above says so.
        page.save.setEnabled(outcome.cancelled or any(r.learned for r in outcome.results))
        page.share.setEnabled(page.save.isEnabled())
        self.win._live_text("mine_label", lambda: page.mine_label.setText(tr("Personalised model")))
        self.try_adapter = self.try_base = None
        self.try_it.reset()
        self.changed.emit()
        from .explain_view import explain_outcome
        explain_outcome(self.win, outcome)

    @staticmethod
    def _chance_text(result) -> str:
        """How large a change the measured text can tell from chance (engine: change_margin)."""
        m = result.summary().get("heldout_change_margin_pct")
        if m is None:
            return ""
        return " " + tr("With this much text kept aside, a change smaller than {m} could be chance.").format(
            m=pct(m, 1))

    def _describe_outcome(self, outcome: Outcome) -> None:
        """The result in words (again after a language switch)."""
        page = self.page
        by = outcome.by_method()
        main = by.get("norm") or outcome.results[0]
        hb = main.heldout_before.ppl if main.heldout_before else None
        ha = main.heldout_after.ppl if main.heldout_after else None
        page.headline.setText(heldout_sentence(hb, ha))
        page.headline.setAccessibleName(page.headline.text())
        if ha is not None:
            page.detail.setText(tr(
                "Measured on {w} words of your writing that NormFit kept aside and never trained on: "
                "perplexity {b} before, {a} after (lower is better); {bb} → {ab} bits per byte.").format(
                w=num(outcome.heldout_words), b=ppl_text(hb), a=ppl_text(ha),
                bb=dec(main.heldout_before.bpb, 2), ab=dec(main.heldout_after.bpb, 2))
                + self._chance_text(main))
        gb = main.general_before.ppl if main.general_before else None
        ga = main.general_after.ppl if main.general_after else None
        g = general_sentence(gb, ga)
        page.general.setText(g.text)
        self._general_level = g.level
        page.general.setStyleSheet(tone(self.win, g.level))
        notes = engine().outcome_notes(main, lambda text: QCoreApplication.translate("notes", text))
        if outcome.cancelled:
            page.stopped.setText(tr("Training was stopped early; this is the best result it had reached."))
        else:
            share = getattr(outcome.data, "train_share", 1.0)
            sample = [tr("Your documents are long, so it learned from a sample of {p} of their text, "
                         "as much as the time allowed.").format(p=pct(100.0 * share))] if share < 1 else []
            m = main.metrics()      # steps trained, as the command line and the class report count them
            page.stopped.setText(" ".join([tr("Trained for {s} steps in {t}. {device}.").format(
                s=num(m.steps), t=clock(m.seconds), device=device_words(self.win.device_info) if self.win.device_info
                else main.device)] + sample + [n.text for n in notes]))
        if any(n.warning for n in notes):
            page.stopped.setStyleSheet(tone(self.win, "warning"))
        else:
            page.stopped.setStyleSheet("")
        multi = len(outcome.results) > 1 or outcome.compare
        page.compare_box.setVisible(multi)
        if multi:
            self._fill_comparison(outcome)
        for i in range(page.which.count()):
            page.which.setItemText(i, method_name(page.which.itemData(i)))

    def _fill_comparison(self, outcome: Outcome) -> None:
        page = self.page
        by = outcome.by_method()
        first = outcome.results[0]
        rows = [("base", first.heldout_before.ppl, first.general_before.ppl if first.general_before else None,
                 None, None, None)]
        for m in names():
            r = by.get(m)
            if r is None:
                rows.append((m, None, None, None, None, None))
                continue
            rows.append((m, r.heldout_after.ppl if r.heldout_after else None,
                         r.general_after.ppl if r.general_after else None, r.trainable_params,
                         outcome.sizes.get(m), r.seconds))
        t = page.table
        t.setRowCount(len(rows))
        for i, (m, h, g, n, size, secs) in enumerate(rows):
            cells = [method_name(m), ppl_text(h), ppl_text(g), count_text(n) if n is not None else "—",
                     size_text(size), clock(secs) if secs is not None else "—"]
            for c, text in enumerate(cells):
                it = QTableWidgetItem(text)
                if c:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if m == "norm":
                    f = it.font()
                    f.setBold(True)
                    it.setFont(f)
                t.setItem(i, c, it)
        t.resizeRowsToContents()
        t.setFixedHeight(t.horizontalHeader().height() + sum(t.rowHeight(i) for i in range(t.rowCount())) + 4)
        page.bars_general.empty_text = (tr("Not checked: this base model ships no general reference text.")
                                        if not outcome.general.present else tr("No results yet."))
        page.bars_heldout.set_bars([(m, h) for m, h, *_ in rows])
        page.bars_general.set_bars([(m, g) for m, _, g, *_ in rows])
        page.verdict.setText(pareto_verdict([Row(m, h, g, s) for m, h, g, _, s, _ in rows[1:] if m in by]))

    def default_adapter_name(self, folder: Path, method: str, label: str | None = None) -> str:
        """The name typed in "Who is this for?" (made safe), else my-writing-<date>."""
        from ..engine.names import safe_file_stem, unique_name
        if label:
            stem = safe_file_stem(label)
        else:
            stem = "my-writing" + time.strftime("-%Y-%m-%d")
        if method != "norm":
            stem += f"-{method}"
        return unique_name(stem, ".safetensors", lambda n: (folder / n).exists())

    def chosen_result(self):
        if self.outcome is None:
            return None
        method = self.page.which.currentData() or "norm"
        return self.outcome.by_method().get(method) or self.outcome.results[0]

    def save_adapter(self) -> None:
        r = self.chosen_result()
        if self._still_writing():
            return
        if r is None:
            self.win.statusBar().showMessage(tr("Personalise first; then there is an adapter to save."), 5000)
            return
        folder = Path(self.win.settings.save_folder) if self.win.settings.save_folder and \
            Path(self.win.settings.save_folder).is_dir() else ensure(adapters_dir())
        path, _ = QFileDialog.getSaveFileName(self.win, tr("Save adapter"),
                                              str(folder / self.default_adapter_name(folder, r.method,
                                                                                     self.outcome.label)),
                                              tr(ADAPTER_FILTER), "",
                                              QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return
        p = Path(path)
        if p.suffix.lower() != ".safetensors":
            p = p.with_name(p.name + ".safetensors")
        exists = p.exists()
        if exists:
            ans = QMessageBox.question(
                self.win, tr("Replace the file?"),
                tr("A file named “{name}” already exists in this folder. Replace it?").format(name=p.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if ans != QMessageBox.StandardButton.Yes:
                return
        base, label, general = self.win.base, self.outcome.label, self.outcome.general

        def work(emit, stop):
            return engine().export_adapter(p, r, base, overwrite=exists, label=label, general=general)

        def done(n):
            self.win.settings.save_folder = str(p.parent)
            self.win.settings.save()
            self.win._live_text("saved_note", lambda: self.page.saved_note.setText(
                tr("Saved “{name}” ({size}) in {folder}.").format(name=p.name, size=size_text(n), folder=p.parent)))
            log.info("saved adapter %s (%d bytes)", p, n)
            self.refresh_saved()
        self._write_in_background("save-adapter", work, done, tr("The adapter was not saved"))

    def _write_in_background(self, name: str, work, done, failed_title: str, cleanup=lambda: None) -> None:
        """Writing a file (save, share: fsync, signing) runs in a job, so a slow USB
        stick never freezes the window; one write at a time."""
        self._writing = True

        def finish(then):
            def run(value):
                self._writing = False
                cleanup()
                then(value)
            return run
        self.win._start_job(name, work, finish(done),
                        on_failed=finish(lambda f: self.win.show_error(failed_title, f)), uses_base=False)

    def _still_writing(self) -> bool:
        if self._writing:
            self.win.statusBar().showMessage(tr("Still writing the last file; try again in a moment."), 5000)
            return True
        return False

    def refresh_saved(self) -> None:
        """Saved adapters by name (their label), so each student on a shared PC finds theirs."""
        from PySide6.QtCore import QCollator
        from PySide6.QtWidgets import QTreeWidgetItem
        tree = self.page.saved_list
        tree.clear()
        d = adapters_dir()
        collator = QCollator(language.locale_for(language.current()))
        groups = saved.scan(d, sort_key=collator.sortKey)
        mine = self.win.train_page.who.text().strip()
        for g in groups:
            top = QTreeWidgetItem([tr("{name} ({n})").format(name=g.label or tr("Without a name"),
                                                              n=num(len(g.items)))])
            f = top.font(0)
            f.setBold(True)
            top.setFont(0, f)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for a in g.items:
                it = QTreeWidgetItem([f"{a.path.name}  ({size_text(a.size)})"])
                it.setData(0, Qt.ItemDataRole.UserRole, str(a.path))
                it.setToolTip(0, str(a.path))
                top.addChild(it)
            tree.addTopLevelItem(top)
            # With many students, show only the group of the name typed in (all when none).
            top.setExpanded(not mine or len(groups) < 4 or g.label.casefold() == mine.casefold())
        if not groups:
            it = QTreeWidgetItem([tr("None yet. Adapters you save in {folder} appear here.").format(folder=d)])
            it.setFlags(Qt.ItemFlag.NoItemFlags)
            tree.addTopLevelItem(it)
        self.page.open_saved.setEnabled(bool(groups))
        self.page.share_saved.setEnabled(bool(groups))

    def _saved_activated(self, item, _column=0) -> None:
        path = item.data(0, Qt.ItemDataRole.UserRole)
        if path:
            self.open_adapter(path)

    def _open_selected_saved(self) -> None:
        it = self.page.saved_list.currentItem()
        if it is not None:
            self._saved_activated(it)

    def choose_adapter(self) -> None:
        folder = self.win.settings.save_folder or str(ensure(adapters_dir()))
        path, _ = QFileDialog.getOpenFileName(self.win, tr("Open adapter"), folder, tr(ADAPTER_FILTER))
        if path:
            self.open_adapter(path)

    def open_adapter(self, path: str) -> None:
        if self.win.base is None:
            self.win.show_error(tr("Not ready yet"), tr("The base model is still loading; try again in a moment."))
            return
        base = self.win.base
        # An adapter opens with the base release it was made for (older ones keep working).
        self.win._start_job("open-adapter", lambda emit, stop: engine().open_adapter_with_its_base(path, base),
                        lambda res: self._adapter_opened(path, *res),
                        on_failed=lambda f: self.win.show_error(tr("This adapter cannot be used"), f))

    def _adapter_opened(self, path: str, af, abase) -> None:
        dlg = AdapterDialog(Path(path).name, af.metadata, self.win)
        dlg.evaluate.setEnabled(self.docs.enough_text())
        if not self.docs.enough_text():
            dlg.result.setText(tr("Add at least {n} words of documents to check it on your own writing.").format(
                n=num(self.docs.min_words or 0)))
        dlg.evaluate.clicked.connect(lambda: self._evaluate_adapter(dlg, af, abase))
        dlg.use.clicked.connect(lambda: self._use_adapter(dlg, Path(path).name, af, abase))
        from .explain_view import explain_file
        dlg.explain.clicked.connect(
            lambda: explain_file(self.win, af, abase, af.metadata.get("label") or Path(path).stem))
        dlg.setModal(False)
        dlg.show()
        self.adapter_dialog = dlg

    def _use_adapter(self, dlg, name: str, af, abase) -> None:
        self.try_adapter, self.try_base = af, abase
        self.win._live_text("mine_label", lambda: self.page.mine_label.setText(
            tr("With {name}").format(name=name)))
        dlg.accept()
        self.try_it.reset()
        self.win.go(RESULTS)
        self.page.prompt.setFocus()

    def _evaluate_adapter(self, dlg: AdapterDialog, af, abase) -> None:
        base, docs = abase, list(self.docs.documents)
        dlg.evaluate.setEnabled(False)
        dlg.result.setText(tr("Checking it on your documents..."))

        def work(emit, stop):
            api = engine()
            data = api.prepare_documents(base, docs, train_chars=0)   # only held-out is scored
            general = api.general_set(base)
            return (api.measure(base, data, None, general, should_stop=stop),
                    api.measure(base, data, af, general, should_stop=stop))

        def done(res):
            before, after = res
            text = adapter_sentence(before.heldout.ppl, after.heldout.ppl)
            g = general_sentence(before.general.ppl if before.general else None,
                                 after.general.ppl if after.general else None)
            dlg.result.setText(tr("On your documents (the part kept aside): {h} {g}").format(h=text, g=g.text))
            dlg.evaluate.setEnabled(True)

        def failed(f):
            dlg.result.setText(f.message)
            dlg.evaluate.setEnabled(True)

        self.win._start_job("evaluate-adapter", work, done, on_failed=failed)

    # ------------------------------------------------------------ sharing
    def share_result(self) -> None:
        """Share the result on screen: written to a temporary adapter file first, then shared."""
        r = self.chosen_result()
        if r is None or self.win.base is None or self._still_writing():
            return
        self._share_file(None, r)

    def share_selected_saved(self) -> None:
        it = self.page.saved_list.currentItem()
        path = it.data(0, Qt.ItemDataRole.UserRole) if it is not None else None
        if not path:
            self.win.statusBar().showMessage(tr("Choose one of your saved adapters first."), 5000)
            return
        self._share_file(Path(path))

    def _share_file(self, path: Path | None, result=None) -> None:
        """Say what is shared and what is not, ask for a folder (a USB stick), then
        write the adapter (`path`, or the result on screen written to a temporary
        file first) and its signed entry there, in a job. Nothing else is written,
        except the signing key on first use, in NormFit's own folder."""
        if self._still_writing():
            return
        api = engine()
        note = QCoreApplication.translate("notes", api.SHARE_NOTE)
        ok = QMessageBox.question(self.win, tr("Share adapter"),
                                  note + "\n\n" + tr("Choose the folder to share it in?"),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.Yes)
        if ok != QMessageBox.StandardButton.Yes:
            return
        folder = QFileDialog.getExistingDirectory(self.win, tr("Share in which folder?"),
                                                  self.win.settings.share_folder or str(Path.home()))
        if not folder:
            return
        import shutil
        import tempfile
        tmp = Path(tempfile.mkdtemp(prefix="normfit-share-")) if path is None else None
        base = self.win.base
        label, general = getattr(self.outcome, "label", None), getattr(self.outcome, "general", None)

        def work(emit, stop):
            src = path
            if src is None:
                src = tmp / "adapter.safetensors"
                engine().export_adapter(src, result, base, label=label, general=general)
            try:
                return api.share_adapter(src, folder)
            except OSError as e:      # the stick: full, read-only, pulled out; said with its folder
                log.warning("sharing into %s failed: %s", folder, e)
                raise api.EntryError("no_folder", tr("NormFit could not write to {folder}: {why}.").format(
                    folder=folder, why=e.strerror or str(e))) from None

        def done(shared):
            self.win.settings.share_folder = folder
            self.win.settings.save()
            log.info("shared %s as %s", path.name if path else "the result", shared.adapter.name)
            self.win._live_text("saved_note", lambda: self.page.saved_note.setText(
                tr("Shared as “{name}” with its signed entry in {folder}. Your key's fingerprint: {fp}.").format(
                    name=shared.adapter.name, folder=folder, fp=shared.fingerprint)))
        self._write_in_background("share-adapter", work, done, tr("The adapter was not shared"),
                                  cleanup=lambda: tmp and shutil.rmtree(tmp, ignore_errors=True))

"""Short letters in single-byte encodings are read in the right code page."""
import os
import subprocess
import sys

import pytest

from .conftest import ROOT

from desktop.engine.documents import decode_text

LETTERS = [
    ("Dear Zoë,\nThe crème brûlée at the café was très bon. Merci, Renée.", "cp1252"),
    ("Chère Hélène, à bientôt! Ça va très bien ici, près de la forêt.", "cp1252"),
    ("Liebe Grüße aus München, schöne Tage und süße Träume. Jürgen", "latin-1"),
    ("Hyvää päivää! Kiitos että kävit. Näkemiin, Päivi", "latin-1"),
    ("Kære Søren, tak for brevet fra København. Hilsen Åse", "latin-1"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy. Děkuji, Jiří", "cp1250"),
    ("Zażółć gęślą jaźń. Dziękuję bardzo, Łukasz", "cp1250"),
    ("Drahý pane Dvořáku, těším se na příští týden. Petr", "cp1250"),
    # ď after a vowel (ï's byte in 1252): the diaeresis rule must not take these
    ("Buďte zdráv, pane Novák. Teď už vím, že loďka je v přístavu.", "cp1250"),
    ("Dragi Matej, lepo te pozdravljam iz Ljubljane. Se vidiva v četrtek. Špela", "cp1250"),
]


@pytest.mark.parametrize("text,encoding", LETTERS, ids=[f"{e}-{t[:12]}" for t, e in LETTERS])
def test_a_short_letter_is_decoded_in_its_own_code_page(text, encoding):
    assert decode_text(text.encode(encoding)) == text


# Issue 24: a new user's three-line Windows-1252 letter came out "café crčme"
# and "naďve" (the 1250 reading of è and ï).
LETTERS_1252 = [
    "Dear Anaïs,\nThe café crème was naïve – “très bon” at 4 €, with a façade.\nHélène\n",
    "Dear Zoë,\nThanks for the café crème – “naïve” but nice, 5 €, garçon.\nRenée\n",
]
LETTER_1252 = LETTERS_1252[0]


@pytest.mark.parametrize("letter", LETTERS_1252, ids=["Anaïs", "Zoë"])
def test_a_windows_1252_letter_is_read_as_written(letter):
    assert decode_text(letter.encode("cp1252")) == letter


def test_normfit_read_prints_the_1252_letter_as_written(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_bytes(LETTER_1252.encode("cp1252"))
    env = dict(os.environ, NORMFIT_HOME=str(tmp_path / "home"), PYTHONIOENCODING="utf-8")
    p = subprocess.run([sys.executable, "-m", "desktop", "read", str(letter)], capture_output=True,
                       cwd=ROOT, env=env, timeout=120)
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")
    out = p.stdout.decode("utf-8")
    assert LETTER_1252.strip() in out, out

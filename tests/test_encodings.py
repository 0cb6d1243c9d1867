"""Short letters in single-byte encodings are read in the right code page."""
import pytest

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
]


@pytest.mark.parametrize("text,encoding", LETTERS, ids=[f"{e}-{t[:12]}" for t, e in LETTERS])
def test_a_short_letter_is_decoded_in_its_own_code_page(text, encoding):
    assert decode_text(text.encode(encoding)) == text

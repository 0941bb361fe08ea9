"""RC4 for the PDF library's decryption, in time linear in the data.

pdfminer's ``Arcfour`` (``pdfminer.arcfour``) builds its output one byte at a time (``r += bytes((c ^ k,))``), so its
time grows with the square of the data: 100 KB take 0.15 CPU s, 1 MB 49 s. Every stream of an RC4-encrypted PDF
(the 40- and 128-bit RC4 that older Acrobat and WPS write by default, opened with the empty user password) passes
through it, an object stream of the whole document's objects too, and the pre-parse check decrypts those a second
time (``readers._decipher``): an honest report with a 1.5 MB object stream would take its 120 s budget. ``install``
puts ``Arcfour`` in the library's place (``pdfminer.pdfdocument.Arcfour``): the same bytes, RC4 being RC4, through
``cryptography``'s ARC4 when it takes the key's size (40, 56, 64, 80 or 128 bits: the usual 5- and 16-byte file
keys and 10- and 16-byte object keys), else through a loop linear in the data.

>>> from pdfminer.arcfour import Arcfour as Library
>>> keys, texts = (b"12345", b"123456", bytes(range(11)), bytes(range(16))), (b"", b"x", bytes(range(256)) * 3)
>>> all(Arcfour(key).decrypt(data) == Library(key).decrypt(data) for key in keys for data in texts)
True
"""

from __future__ import annotations

from functools import cache

_FAST_BITS = frozenset({40, 56, 64, 80, 128})  # the key sizes cryptography's ARC4 takes that a PDF's keys have


class Arcfour:
    """RC4 with ``pdfminer.arcfour.Arcfour``'s interface: ``encrypt`` and ``decrypt`` are one, and a second call goes
    on where the first stopped."""

    def __init__(self, key: bytes) -> None:
        key = bytes(key)
        self._cipher = _cryptography_arc4(key) if len(key) * 8 in _FAST_BITS else None
        if self._cipher is not None:
            return
        state, j = list(range(256)), 0
        for i in range(256):
            j = (j + state[i] + key[i % len(key)]) % 256
            state[i], state[j] = state[j], state[i]
        self._state, self._i, self._j = state, 0, 0

    def process(self, data: bytes) -> bytes:
        if self._cipher is not None:
            return self._cipher.update(bytes(data))
        state, i, j, out = self._state, self._i, self._j, bytearray(len(data))
        for at, byte in enumerate(data):
            i = (i + 1) % 256
            j = (j + state[i]) % 256
            state[i], state[j] = state[j], state[i]
            out[at] = byte ^ state[(state[i] + state[j]) % 256]
        self._i, self._j = i, j
        return bytes(out)

    encrypt = decrypt = process


def _cryptography_arc4(key: bytes):
    """``cryptography``'s ARC4 encryptor for ``key`` (installed with the PDF library, which decrypts AES with it);
    ``None`` where it has none (before version 43 ARC4 was elsewhere)."""
    try:
        from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
        from cryptography.hazmat.primitives.ciphers import Cipher
    except ImportError:  # pragma: no cover - the linear loop then
        return None
    return Cipher(ARC4(key), mode=None).encryptor()


@cache
def install() -> None:
    """Put ``Arcfour`` in the PDF library's place (once a process): in the module that defines it and in the one that
    decrypts with it (which imports the name, ``from pdfminer.arcfour import Arcfour``), so that a library reading it
    from either finds this one. A library that no longer has the name stops the build here: the quadratic RC4
    would otherwise come back without a word (an honest 1.5 MB encrypted report lost to the 120 s)."""
    import pdfminer.arcfour
    import pdfminer.pdfdocument

    for module in (pdfminer.arcfour, pdfminer.pdfdocument):
        if not hasattr(module, "Arcfour"):
            raise RuntimeError(f"{module.__name__} has no Arcfour: xxgk.rc4 cannot take its place")
        module.Arcfour = Arcfour

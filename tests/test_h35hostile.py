"""Session 35's hostile inputs: what a red team found past the earlier sessions' tests."""

from __future__ import annotations

import random

from xxgk.site.excerpt import excerpt

from .test_splitting_bound import no_hang


def _wrapped_prose(lines: int, width: int = 40) -> str:
    """``lines`` lines of ``width`` Han characters and no sentence mark: a narrow column's wraps, never a
    paragraph's end."""
    draw = random.Random(35)
    return "\n".join("".join(chr(0x4E00 + draw.randrange(500)) for _ in range(width)) for _ in range(lines))


def test_a_section_of_two_million_characters_in_wrapped_lines_gets_its_excerpt_at_once():
    """A report's section of 1,990,000 characters in 48,500 lines that end no sentence (within the 3,000,000
    characters a file may have): its report page's excerpt joined each line to the paragraph before it, copying
    the paragraph and searching it for a sentence end from its start each time — time growing with the square of
    the section (600,000 characters: 4 s a section; 1,990,000: about 45 s, six sections a report: the build took
    2 min 45 s for it and one seed, 24 s for the same characters on one line). The excerpt is the same."""
    text = _wrapped_prose(48_500)
    with no_hang(20):
        shown = excerpt(text, 300)
    assert shown == text.replace("\n", "")[:300] + "…"


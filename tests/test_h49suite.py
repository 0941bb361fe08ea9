"""Session 49 (lead): the suite's verdict on a commit does not depend on luck. Session 48's CI failed on a property
test's example that no run before had drawn (a real bug, fixed with tests/test_h49footer.py): the property tests
now draw the same examples every run, and new ones only when asked (``XXGK_HYPOTHESIS_SEARCH=1``, README)."""

from __future__ import annotations

import os

from hypothesis import settings


def test_property_tests_draw_the_same_examples_unless_asked_to_search():
    assert settings.default.derandomize is (not os.environ.get("XXGK_HYPOTHESIS_SEARCH"))
    assert settings.default.deadline is None

"""The about page says where to report a misread number when the build knows the project's repository
(``XXGK_REPO_URL``, which the GitHub workflow sets): a transparency office or an agency that finds a cell read
wrong had no channel to say so (site audit #10). An address that is not http(s) is never linked."""

from __future__ import annotations

from xxgk.site.pages import repository_note


def test_the_repository_and_its_issues_are_linked():
    note = repository_note("https://github.com/example/xxgk/")
    assert '<a href="https://github.com/example/xxgk"' in note
    assert '<a href="https://github.com/example/xxgk/issues"' in note and "提交问题" in note


def test_no_note_without_a_usable_address():
    assert repository_note("") == ""
    assert repository_note("javascript:alert(1)") == ""
    assert "<script" not in repository_note('https://e.org/"><script>x</script>')

"""The browser tests' ``get`` hands a page over only once the new document has loaded (session 41).

chromedriver's own wait returned while a report page was still being parsed (its tables behind a parser-blocking
script not there yet): a browser test read a page that had not arrived and failed in CI, once. These check the
wrapper with a stand-in driver that does what chromedriver did: it returns from ``get`` with the next document
still ``loading``."""

from __future__ import annotations

from .conftest import _loaded_get, _same_document


class EarlyDriver:
    """A driver whose ``get`` returns at once, the new document ``loading`` for ``reads`` more reads of its state
    (a fragment of the same address keeps the document, as a browser does)."""

    def __init__(self, reads: int = 3):
        self.current_url = "http://127.0.0.1:1/a/x/2024.html"
        self.document = {"left": False, "state": "complete", "reads": 0}
        self.reads = reads
        self.state_reads = 0

    def get(self, url: str) -> None:
        if not _same_document(self.current_url, url):
            self.document = {"left": False, "state": "loading", "reads": self.reads}
        self.current_url = url

    def execute_script(self, script: str):
        if script == "window.__xxgkLeft = true":
            self.document["left"] = True
            return None
        self.state_reads += 1
        if self.document["reads"] > 0:
            self.document["reads"] -= 1
        else:
            self.document["state"] = "complete"
        ready = self.document["state"] == "complete" if "'complete'" in script else self.document["state"] != "loading"
        return not self.document["left"] and ready

    @property
    def ready(self) -> str:
        return self.document["state"]


def test_get_returns_only_once_the_new_document_is_complete():
    driver = EarlyDriver(reads=3)
    driver.get = _loaded_get(driver, driver.get, "normal")
    driver.get("http://127.0.0.1:1/a/x/2023.html")
    assert driver.ready == "complete" and driver.current_url.endswith("/2023.html")
    assert driver.state_reads == 4  # three reads of a loading document, then the complete one


def test_the_old_documents_complete_state_is_not_taken_for_the_new_ones():
    # the same address again (a reload: a new document) — the old one, complete, is marked as left
    driver = EarlyDriver(reads=2)
    driver.get = _loaded_get(driver, driver.get, "normal")
    driver.get(driver.current_url)
    assert driver.ready == "complete" and driver.state_reads == 3


def test_a_fragment_of_the_same_page_is_not_waited_for():
    driver = EarlyDriver(reads=3)
    driver.get = _loaded_get(driver, driver.get, "normal")
    driver.get(driver.current_url + "#si-xingzhengfuyi")
    assert driver.state_reads == 0 and driver.current_url.endswith("#si-xingzhengfuyi")


def test_a_page_without_its_fragment_is_a_new_document():
    assert _same_document("http://h/a.html#x", "http://h/a.html#y")
    assert not _same_document("http://h/a.html#x", "http://h/a.html")  # the browser loads it again
    assert not _same_document("http://h/a.html", "http://h/b.html#x")
    assert not _same_document("http://h/a.html?p=1", "http://h/a.html?p=2#x")


def test_a_driver_handing_pages_over_unloaded_is_waited_for_only_as_its_strategy_asks():
    eager = EarlyDriver(reads=1)
    eager.get = _loaded_get(eager, eager.get, "eager")
    eager.get("http://127.0.0.1:1/b.html")
    assert eager.ready == "complete" and eager.state_reads == 2
    none = EarlyDriver(reads=5)
    none.get = _loaded_get(none, none.get, "none")  # the ``early`` fixture: what a reader sees first
    none.get("http://127.0.0.1:1/b.html")
    assert none.ready == "loading" and none.state_reads == 0

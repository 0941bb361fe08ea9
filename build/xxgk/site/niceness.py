"""Lower the scheduling priority of the site build's helper processes (bulk workers, ``mkdocs build``,
Pagefind), so that the process writing the pages — the one every other step waits on — keeps a core.

The steps run at once (``build.pages_and_site``): on two cores the page writer, two rendering workers,
MkDocs and Pagefind would otherwise share the cores equally, and the page writer, which the others wait on,
would run at a fraction of a core. A helper's nice value is raised by ``BACKGROUND`` (on systems without
``os.setpriority``, or when it is refused, nothing changes: the output never depends on it).
"""

from __future__ import annotations

import os

BACKGROUND = 5  # added to the nice value: the helpers yield to the page writer, and take any idle core


def background(pid: int = 0) -> None:
    """Make process ``pid`` (0: this one) a background helper; does nothing where priorities cannot be set."""
    try:
        current = os.getpriority(os.PRIO_PROCESS, pid)
        os.setpriority(os.PRIO_PROCESS, pid, min(19, current + BACKGROUND))
    except (AttributeError, OSError):  # not POSIX, or not permitted: the same build, only scheduled otherwise
        pass

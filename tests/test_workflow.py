"""Issue 8: the GitHub workflow lints clean, calls only the Makefile (the README's and .ci/run's
commands), and its build steps work in order on a fork that adds a report — up to the push."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, SEEDS, report_page_url

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
ACTIONLINT = shutil.which("actionlint") or str(Path(ROOT / ".venv" / "bin" / "actionlint"))


def _build_steps() -> list[str]:
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    return [s["run"] for s in steps if "run" in s]


@pytest.mark.skipif(not Path(ACTIONLINT).exists(), reason="actionlint wheel is x86-64 Linux only")
def test_actionlint_is_clean():
    result = subprocess.run([ACTIONLINT, str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_the_workflow_readme_and_ci_call_the_same_make_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = [run.split()[1] for run in _build_steps() if run.startswith("make ")]
    assert targets == ["test", "build", "check", "release"]
    assert all(f"\n{t}:" in makefile for t in targets)
    assert [r for r in _build_steps() if not r.startswith("make ")] == [
        "sudo apt-get update -qq && sudo apt-get install -y -qq fonts-wqy-zenhei"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make build" in readme and "make test" in readme


def test_the_venv_is_made_from_the_python_make_is_given():
    """``make install PYTHON=…`` (what .ci/run passes: Debian's own build where there is one) makes the venv from that
    interpreter; python3 on the PATH otherwise."""
    def venv_command(*args: str) -> list[str]:
        dry = subprocess.run(["make", "-n", "-B", "-C", str(ROOT), ".venv/.installed", *args], capture_output=True,
                             text=True, env={k: v for k, v in os.environ.items() if k != "PYTHON"})
        assert dry.returncode == 0, dry.stderr
        return [line for line in dry.stdout.splitlines() if "-m venv" in line]

    assert venv_command("PYTHON=/opt/some/python3.12") == ["/opt/some/python3.12 -m venv .venv"]
    assert venv_command() == ["python3 -m venv .venv"]
    assert "PYTHON=$(.ci/python)" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.skipif(not Path("/usr/bin/python3").exists(), reason="no Debian python3 on this machine")
def test_ci_takes_debians_python_only_where_it_is_the_paths_version(tmp_path):
    """``.ci/python``: Debian's own build (less CPU for the same tests) where it is the version of python3 on the
    PATH; a PATH whose python3 is another version keeps its own — the build may change, never the language."""
    def chosen(path: str) -> str:
        run = subprocess.run([str(ROOT / ".ci" / "python")], capture_output=True, text=True, env={"PATH": path})
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    assert chosen("/usr/bin:/bin") == "/usr/bin/python3"  # (python3 on that PATH is Debian's own)
    other = tmp_path / "other"
    other.mkdir()
    (other / "python3").write_text('#!/bin/sh\n[ "$1" = -c ] && echo "3 99"\n', encoding="utf-8")
    (other / "python3").chmod(0o755)
    assert chosen(f"{other}:/usr/bin:/bin") == "python3"


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"})


def test_a_fork_adds_a_report_and_the_build_steps_publish_it(tmp_path):
    """The README's "publish your own" section: fork, add a report, build, commit, (push)."""
    fork = tmp_path / "fork"
    for rel in filter(None, _git(ROOT, "ls-files", "-z").stdout.split("\0")):
        (fork / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, fork / rel)
    for shared in (".venv", "node_modules"):
        (fork / shared).symlink_to(ROOT / shared)
    _git(fork, "init", "-q", "-b", "main")
    _git(fork, "add", "-A")
    assert _git(fork, "commit", "-qm", "fork").returncode == 0
    added = fork / "reports" / "my-agency-2024.txt"
    added.write_text((SEEDS / "002_b58105edacdfa4c5.txt").read_text(encoding="utf-8")
                     .replace("格尔木市2024", "示例市2024"), encoding="utf-8")
    steps = [run for run in _build_steps() if run.startswith("make ") and run != "make test"]

    def run(step: str) -> subprocess.CompletedProcess:
        # the fork shares this checkout's installed .venv: tell make not to reinstall it
        return subprocess.run(step.replace("make ", "make -o .venv/.installed ", 1), shell=True, cwd=fork,
                              capture_output=True, text=True)

    assert run(steps[0]).returncode == 0  # make build
    assert "示例市" in (fork / "datapackage" / "data" / "reports.csv").read_text(encoding="utf-8")
    with (fork / "datapackage" / "data" / "reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        added_id = next(r["report_id"] for r in csv.DictReader(handle) if r["source_file"] == "my-agency-2024.txt")
    assert added_id.startswith("my-agency-2024-")  # its page: under its agency, its old /r/ URL in the 404 map
    assert (fork / "site" / report_page_url(fork / "site", added_id).strip("/")).is_file()
    stale = run(steps[1])  # make check: the new package is not committed yet
    assert stale.returncode != 0 and "datapackage/" in stale.stdout + stale.stderr
    _git(fork, "add", "-A")
    assert _git(fork, "commit", "-qm", "add my report").returncode == 0
    for step in steps[1:]:  # make check, make release
        result = run(step)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    digest, name = (fork / "dist" / "xxgk-datapackage.zip.sha256").read_text().split()
    assert subprocess.run(["sha256sum", "-c", "xxgk-datapackage.zip.sha256"], cwd=fork / "dist").returncode == 0
    with zipfile.ZipFile(fork / "dist" / name) as archive:
        assert {"datapackage.json", "CHANGELOG.md", "data/reports.csv"} <= set(archive.namelist())

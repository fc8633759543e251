"""Shared test helpers: run the real command line on a temporary notebook."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli.app import app


@pytest.fixture(autouse=True, scope="session")
def _own_cache_dir(tmp_path_factory):
    """Compiled word lists go to a folder of the test run, not the user's."""
    os.environ["BRIEF_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


class Brief:
    """Runs `brief --db PATH ...` in-process and keeps the last result."""

    def __init__(self, db: Path):
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args, input: str | None = None, env: dict | None = None):
        return self.runner.invoke(app, ["--db", str(self.db), *map(str, args)], input=input, env=env)

    def ok(self, *args, **kw):
        result = self(*args, **kw)
        assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr, result.exception)
        return result

    def json(self, *args, **kw):
        return json.loads(self.ok(*args, **kw).stdout)

    def fails(self, code: int, *args, **kw):
        result = self(*args, **kw)
        assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
        assert result.stderr.strip(), "an error must say what was wrong"
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        return result

    def dump(self) -> str:
        """The notebook's whole content, to prove a failed command changed nothing."""
        if not self.db.exists():
            return ""
        conn = sqlite3.connect(self.db)
        try:
            return "\n".join(conn.iterdump())
        finally:
            conn.close()


@pytest.fixture
def brief(tmp_path) -> Brief:
    return Brief(tmp_path / "notebook.db")


@pytest.fixture
def fixtures_json() -> dict:
    return json.loads((FIXTURES / "notebook.json").read_text(encoding="utf-8"))


@pytest.fixture
def demo(brief) -> Brief:
    """A notebook holding the fixtures."""
    brief.ok("import", "json", FIXTURES / "notebook.json")
    return brief

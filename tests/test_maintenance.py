"""brief check, brief backup, crashes and concurrent writers."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time

from conftest import Brief


def test_check_passes_on_a_healthy_notebook(demo):
    health = demo.json("check", "--json")
    assert health["ok"] is True
    assert {f["check"] for f in health["findings"]} >= {"integrity", "quote_fts index", "references", "alias keys"}


def test_check_finds_an_orphan_quote_and_a_stale_index(demo):
    conn = sqlite3.connect(demo.db)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE quote SET speaker_id = 9999 WHERE id = 1")
    conn.execute("INSERT INTO quote_fts (quote_fts, rowid, text, context) VALUES ('delete', 2, "
                 "(SELECT text FROM quote WHERE id = 2), (SELECT context FROM quote WHERE id = 2))")
    conn.commit()
    conn.close()
    result = demo("check", "--json")
    assert result.exit_code == 1
    bad = {f["check"]: f["detail"] for f in json.loads(result.stdout)["findings"] if not f["ok"]}
    assert "quote #1" in bad["quotes"]
    assert "quote_fts index" in bad
    result = demo("check", "--repair", "--json")
    still = {f["check"] for f in json.loads(result.stdout)["findings"] if not f["ok"]}
    assert "quote_fts index" not in still and "quotes" in still


def test_backup_is_a_consistent_copy_and_refuses_to_overwrite(demo, tmp_path):
    target = tmp_path / "copy.db"
    demo.ok("backup", target)
    copy = Brief(target)
    assert copy.json("info", "--json")["info"]["counts"] == demo.json("info", "--json")["info"]["counts"]
    assert copy.ok("export", "json").stdout == demo.ok("export", "json").stdout
    assert "--force" in demo.fails(1, "backup", target).stderr
    demo.ok("backup", target, "--force")
    assert "folder" in demo.fails(2, "backup", tmp_path).stderr


WRITER = """
import sys
from typer.testing import CliRunner
from brief.cli.app import app
runner = CliRunner()
db, who = sys.argv[1], sys.argv[2]
for i in range(250):
    result = runner.invoke(app, ["--db", db, "add", "quote", f"quote {i} from writer {who}", "--speaker", f"Writer {who}"])
    if result.exit_code != 0:
        sys.stderr.write(result.stderr)
        sys.exit(1)
"""


def test_four_writers_at_once_all_succeed(tmp_path):
    db = tmp_path / "shared.db"
    Brief(db).ok("init")
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(n)], stderr=subprocess.PIPE) for n in range(4)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    counts = Brief(db).json("info", "--json")["info"]["counts"]
    assert counts["quotes"] == 1000 and counts["entities"] == 4


def test_killed_import_leaves_none_or_all(tmp_path):
    events = [{"id": i, "date": f"20{10 + i % 10}-0{1 + i % 9}", "summary": f"event number {i} with drones",
               "actors": [f"Actor {i % 50}"], "place": f"Town {i % 30}"} for i in range(1, 20001)]
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"sources": [], "entities": [], "events": events, "quotes": []}))
    rng = random.Random(7)
    for attempt in range(5):
        db = tmp_path / f"killed{attempt}.db"
        Brief(db).ok("add", "source", "already here")
        proc = subprocess.Popen([sys.executable, "-m", "brief", "--db", str(db), "import", "json", str(big)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 2.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM event").fetchone()[0] in (0, 20000)
        assert conn.execute("SELECT count(*) FROM source").fetchone()[0] == 1
        conn.close()
        assert Brief(db).json("check", "--json")["ok"] is True

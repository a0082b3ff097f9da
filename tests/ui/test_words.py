# SPDX-License-Identifier: MIT
"""Every code the core returns has words in the window (ui/words.py).

The lists come from the core itself where it has them (helper/words.py tables,
``Literal`` types) and from docs/journey.md for the rest; a code without words
would show as "Unexpected result (code ...)".
"""

from __future__ import annotations

import datetime
import re
from typing import get_args

import pytest

from helper import words as cli_words
from helper.journey.checks import CheckResult
from helper.journey.deadlines import Deadline, DeferralBlock, Phase
from helper.journey.engine import FAILURE_CODES
from helper.journey.launch import LaunchResult
from helper.journey.plan import STAGES
from helper.journey.plan import Path as PlanPath
from helper.journey.state import StateWarning, StepProgress
from helper.report.outbox import DeliveryState
from tests.conftest import REPO
from ui import words

UNEXPECTED = "Unexpected result"
JOURNEY_DOC = (REPO / "docs" / "journey.md").read_text(encoding="utf-8")


def doc_codes(after: str, before: str) -> set[str]:
    """The backquoted codes between two phrases of docs/journey.md."""
    start = JOURNEY_DOC.index(after) + len(after)
    end = JOURNEY_DOC.index(before, start)
    return set(re.findall(r"`([a-z][a-z-]+)`", JOURNEY_DOC[start:end]))


def check_table(table: dict[str, str], codes: set[str] | tuple[str, ...]) -> None:
    missing = sorted(set(codes) - set(table))
    assert not missing, f"no words for {missing}"
    for code, text in table.items():
        assert text.strip() and UNEXPECTED not in text, code


def test_detection_codes(qapp: object) -> None:
    check_table(words.verdicts(), tuple(cli_words.VERDICTS))
    check_table(words.joins(), tuple(cli_words.JOINS))
    check_table(words.warnings(), tuple(cli_words.WARNINGS))
    for value in (True, False, None):
        assert words.removable(value) == words.removable(value).strip()


def test_journey_codes(qapp: object) -> None:
    codes = doc_codes("`failed` events):", "Notices (`view.notice`)")
    codes |= set(FAILURE_CODES.values())
    check_table(words.journey_codes(), codes)
    notices = doc_codes("Notices (`view.notice`)", "### Saved state")
    check_table(words.notices(), notices)
    check_table(words.state_warnings(), get_args(StateWarning))
    check_table(words.step_statuses(), get_args(StepProgress))
    check_table(words.stages(), STAGES)
    check_table(words.paths(), get_args(PlanPath))
    check_table(words.deferral_blocks(), get_args(DeferralBlock))


def test_launch_and_check_codes(qapp: object) -> None:
    doc = LaunchResult.__doc__ or ""
    listed = doc[doc.index("code: for") : doc.index("exit_code:")]
    launch = set(re.findall(r"``([a-z][a-z-]+)``", listed))
    launch = {c for c in launch if c not in ("refused", "failed", "shell-execute-")}
    launch.add("shell-execute")  # shell-execute-<n>
    assert {"not-allowlisted", "cancelled", "os-error"} <= launch
    check_table(words.launch_codes(), launch)
    for code in sorted(launch):
        shown = code if code != "shell-execute" else "shell-execute-2"
        result = LaunchResult("failed", "x", shown)
        assert UNEXPECTED not in words.launch(result), code
    assert "Started" in words.launch(LaunchResult("started", "x"))
    checks = {
        "ok",
        "not-applicable",
        "dns-failed",
        "network-unreachable",
        "tls-failed",
        "timeout",
        "not-admin",
        "rights-unknown",
        "on-legacy-wifi",
    }
    check_table(words.check_codes(), checks)
    from helper.journey.preflight import ESCROW_CODES

    check_table(words.escrow_codes(), ESCROW_CODES)
    for code in checks:
        assert UNEXPECTED not in words.check(CheckResult("network", False, code))
    check_table(words.check_names(), ("network", "rights"))


def test_delivery_states(qapp: object) -> None:
    check_table(words.delivery_states(), get_args(DeliveryState))
    # "(s)" unless a catalogue with plural forms is installed.
    assert words.waiting_updates(1).startswith("1 status update")
    assert words.waiting_updates(3).startswith("3 status update")
    assert words.waiting_updates(3).endswith("waiting to be sent.")


@pytest.mark.parametrize("phase", get_args(Phase))
def test_deadline_phases(qapp: object, phase: str) -> None:
    today = datetime.date(2027, 3, 1)
    due = Deadline(
        wave_id="w1",
        wave_name="Wave 1",
        notify_date=datetime.date(2027, 2, 1),
        enforcement_date=datetime.date(2027, 3, 15),
        today=today,
        days_left=14 if phase != "overdue" else -2,
        phase=phase,  # type: ignore[arg-type]
        enforced_at=datetime.datetime(2027, 3, 15, tzinfo=datetime.UTC),
    )
    text = words.deadline_text(due, "en")
    assert "March 15, 2027" in text or "15 March 2027" in text
    assert "%" not in text
    assert words.deadline_phases() == get_args(Phase)


def test_unknown_codes_never_show_bare(qapp: object) -> None:
    assert words.verdict("brand-new") == "Unexpected result (code brand-new)."
    assert words.journey_code(None) == ""


def test_arg_replaces_in_one_pass() -> None:
    assert words.arg("%1 and %2", "a%2", "b") == "a%2 and b"
    assert words.arg("100%", "x") == "100%"

"""The run's stopwatch: each second charged to one phase, nested phases pausing the outer one."""

from __future__ import annotations

import pytest

from briefing.timings import Timings


class Clock:
    """A clock a test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


def test_nested_phases_charge_each_second_once_and_add_up_to_the_total() -> None:
    clock = Clock()
    timings = Timings(clock=clock)
    clock.tick(1)  # before any phase: unaccounted
    with timings.phase("publishing"):
        clock.tick(2)
        with timings.phase("speech"):
            clock.tick(3)
        clock.tick(4)
        with timings.phase("speech"):  # a phase met again adds up
            clock.tick(0.5)
    clock.tick(5)
    timings.stop()
    clock.tick(50)  # after stop: not counted
    assert timings.phases == {"publishing": 6.0, "speech": 3.5}
    assert timings.total == 15.5
    assert timings.unaccounted == 6.0
    assert timings.to_json() == {"total": 15.5, "phases": {"publishing": 6.0, "speech": 3.5}}


def test_a_phase_that_raises_is_still_charged() -> None:
    clock = Clock()
    timings = Timings(clock=clock)
    with pytest.raises(ValueError), timings.phase("reading"):
        clock.tick(2)
        raise ValueError("boom")
    with timings.phase("matching"):
        clock.tick(1)
    assert timings.phases == {"reading": 2.0, "matching": 1.0}


def test_lines_list_every_phase_in_order_then_the_rest_and_the_total() -> None:
    clock = Clock()
    timings = Timings(clock=clock)
    for name, seconds in (("reading", 1.0), ("speech", 3.0)):
        with timings.phase(name):
            clock.tick(seconds)
    clock.tick(1.0)
    timings.stop()
    lines = timings.lines()
    assert [line.split()[0] for line in lines] == ["reading", "speech", "other", "total"]
    assert "60.0%" in lines[1] and lines[-1].split()[1] == "5.000"

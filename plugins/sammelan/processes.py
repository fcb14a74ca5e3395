"""Work shared by forked processes: the one way the build uses the machine's cores, for
reading many source files (sources/memo.py) and making many output files (render/outputs.py).

Forked, the processes inherit the model, the compiled templates and the work itself;
nothing is pickled on the way in but the indexes of each share, and on the way back only
what the work returns.

The cycle collector is told what lives to the end (`lasting`, `unscanned`): a build holds
millions of objects (the memo, the model, the jobs and their keys), and each full
collection would walk them all again to find no garbage; in a rebuild after one edit at
1,000 conclaves that was a third of the time. The model and the jobs are made with the
collector off (they hold few cycles), then frozen: a rebuild after one edit spent 0.3 s
collecting while it made them, now 0.04 s. Frozen before the fork, they are also never
written to by a worker's collector, so the workers share those pages with the build
instead of copying them.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
# Small shares, handed out one at a time, even out files that cost more than others: the
# work comes in kinds (pages, calendars… share cards, the slowest, last), and 8 shares per
# worker, handed out two at a time, left one process drawing cards for 7 s at 1,000
# conclaves while the other waited (now 1.9 s). Files made together (a conclave's calendars) stay in
# one share but where two shares meet.
SHARES_PER_WORKER = 32

_WORK: Sequence[Callable[[], object]] = ()  # inherited by the forked processes


def run(work: Sequence[Callable[[], T]], workers: int) -> list[T]:
    """What each call returns, in order: by `workers` forked processes, or here where
    there is one worker or the system cannot fork."""
    global _WORK
    if workers < 2 or len(work) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [call() for call in work]
    step = max(1, len(work) // (workers * SHARES_PER_WORKER))
    shares = [range(i, min(i + step, len(work))) for i in range(0, len(work), step)]
    _WORK = work
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return [found for share in pool.map(_share, shares, chunksize=1)
                    for found in share]
    finally:
        _WORK = ()


def _share(indexes: range) -> list:
    return [_WORK[i]() for i in indexes]


@contextmanager
def lasting() -> Iterator[Callable[[], None]]:
    """A build's span: inside it, the call it gives marks every object made so far as
    lasting to the end, never scanned by the collector again. On the way out they become
    ordinary objects again, so a process that builds many times (the tests) frees them."""
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


@contextmanager
def unscanned() -> Iterator[None]:
    """No collection while a large structure of lasting objects is made in one go (a
    memo unpickled): each collection it set off would walk the part made so far. What
    was made is then frozen, as `lasting` does, so no later collection walks it either;
    objects without cycles are still freed as soon as nothing refers to them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()

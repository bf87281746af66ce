"""A provision's legislative stage on a date: the rule the briefings and views share.

A provision moves through its recorded stage changes (bill proposed, in
committee, passed, in force). On a given day it is at the last change that had
happened by then; an imprecise change date ("2018-07") counts once its whole
period is past, so "passed July 2018" is passed from 2018-07-31. A change dated
in the future (the six provisions in force on 2019-02-15) applies from that day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .dates import PlanDate
from .model import Provision, ProvisionStage, ProvisionStageChange

_ORDER = list(ProvisionStage)


def stage_on(provision: Provision, history: Iterable[ProvisionStageChange], as_of: date
             ) -> tuple[ProvisionStage | None, PlanDate | None]:
    """``(stage, since)`` as of ``as_of``; ``(None, None)`` before the first recorded stage.

    The provision's own ``stage``/``stage_date`` counts as one more change.
    """
    changes = [(h.on, h.stage) for h in history if h.provision_id == provision.id]
    if provision.stage_date is not None:
        changes.append((provision.stage_date, provision.stage))
    elif not changes:
        return provision.stage, None  # nothing dated: the stage as recorded
    best: tuple[date, int, ProvisionStage, PlanDate] | None = None
    for on, stage in changes:
        happened = on.latest()
        if happened <= as_of:
            key = (happened, _ORDER.index(stage), stage, on)
            if best is None or key[:2] > best[:2]:
                best = key
    return (best[2], best[3]) if best is not None else (None, None)

"""MS Project XML (MSPDI) export, and the entry point of its import.

The file follows the Project XML Data Interchange schema
(namespace ``http://schemas.microsoft.com/project``, ``SaveVersion`` 14 =
Project 2010) and writes each element in the schema's order so MS Project
2010-2019 and ProjectLibre open it. Working days run 09:00-18:00 with an hour's
lunch (8 hours, ``MinutesPerDay`` 480); Korean public holidays and the
project's own calendar exceptions are exceptions of the project calendar.

**The dates are the app's computed schedule** (``store.planning.load_scheduler``,
as of the project's status date): Start, Finish and Duration agree with each
other and with the window; summaries span their children; actual dates are
written as actuals. So that MS Project's own recalculation keeps those dates,
each task's start floor (planned start, SNET, status date) is a *start no
earlier than* constraint whether or not it has predecessors, a must-finish-on
date is written at the end of its day, and the planned finish (with an FNLT
date) is the task's Deadline, which holds late finish and float as the app does.
A part day kept from an import (``Task.duration_minutes``) is written with its
exact hours (``PT1H0M0S``, finishing at 10:00) on the days the app gives it.

What MS Project cannot hold natively is kept in task Text fields whose alias
ends in ``(smartcity)``: the plan dates as written ("2019년 1월 말"), the
English name, source, city, our own constraint, the task kind, the stored
duration and the days this file states. Importing our own file reads them
back, so a round trip is exact; tools that ignore them still see ordinary tasks.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from xml.etree.ElementTree import Element, ElementTree, SubElement, indent

from ..domain import model as m
from ..domain import task_fields as tf
from ..domain.workdays import exact_minutes
from ..store import Store
from ..store.planning import load_scheduler
from .common import outline_order, tasks_for_ministry
from .errors import InteropError
from .escaping import xml_text

NS = "http://schemas.microsoft.com/project"
SAVE_VERSION = 14
MINUTES_PER_DAY = 480
DAY_START, DAY_FINISH = "09:00:00", "18:00:00"
WORK_PERIODS = (("09:00:00", "12:00:00"), ("13:00:00", "18:00:00"))
LINK_TYPE_CODE = {m.DependencyType.FF: 0, m.DependencyType.FS: 1,
                  m.DependencyType.SF: 2, m.DependencyType.SS: 3}
LINK_TYPE_OF = {v: k for k, v in LINK_TYPE_CODE.items()}
LAG_FORMAT_DAYS = 7
CONSTRAINT_CODE = {m.ConstraintType.START_NO_EARLIER: 4, m.ConstraintType.FINISH_NO_LATER: 7,
                   m.ConstraintType.MUST_FINISH_ON: 3}
ALIAS_MARK = "(smartcity)"
# key -> (FieldID, FieldName, Alias); the FieldIDs are MS Project's Task Text1..Text7
TEXT_FIELDS = {
    "plan_start": ("188743731", "Text1", "계획 시작 표기 (smartcity)"),
    "plan_finish": ("188743734", "Text2", "계획 종료 표기 (smartcity)"),
    "name_en": ("188743737", "Text3", "영문명 (smartcity)"),
    "source": ("188743740", "Text4", "출처 (smartcity)"),
    "city": ("188743743", "Text5", "도시 (smartcity)"),
    "constraint": ("188743746", "Text6", "제약 (smartcity)"),
    "flags": ("188743747", "Text7", "과업 속성 (smartcity)"),
}
#: MS Project's field ids of its task text fields Text1..Text12 (as MPXJ's FieldTypeHelper)
TEXT_FIELD_IDS = {1: 188743731, 2: 188743734, 3: 188743737, 4: 188743740, 5: 188743743,
                  6: 188743746, 7: 188743747, 8: 188743748, 9: 188743749, 10: 188743750,
                  11: 188743997, 12: 188743998}
TEXT_FIELDS.update({  # the declared task fields (domain/task_fields) each take a text field
    f.attr: (str(TEXT_FIELD_IDS[f.mspdi_text]), f"Text{f.mspdi_text}", f"{f.ko} (smartcity)")
    for f in tf.mspdi_fields()})
if len({v[0] for v in TEXT_FIELDS.values()}) != len(TEXT_FIELDS):
    raise RuntimeError("a declared task field uses an MS Project text field taken by another")
NO_DATE = "-"
KOREAN_CALENDAR_NAME = "표준 (한국 공휴일)"


def korean_holidays(a: date, b: date) -> list[tuple[date, str]]:
    """Korean public holidays between a and b: the scheduler's calendar, else ``holidays``."""
    try:
        from ..domain.calendar import WorkCalendar

        return list(WorkCalendar(years=range(a.year, b.year + 1)).holidays_between(a, b))
    except (ImportError, ValueError, TypeError):
        import holidays

        kr = holidays.KR(years=range(a.year, b.year + 1), language="ko")
        return sorted((d, n) for d, n in kr.items() if a <= d <= b)


def dt(d: date, time: str) -> str:
    return f"{d.isoformat()}T{time}"


def duration_text(days: int, minutes_per_day: int = MINUTES_PER_DAY) -> str:
    return minutes_text(days * minutes_per_day)


def minutes_text(minutes: int) -> str:
    """Working minutes as an MSPDI duration (``PT1H0M0S`` for 60)."""
    return f"PT{minutes // 60}H{minutes % 60}M0S"


def _sub(parent: Element, tag: str, text: object | None = None) -> Element:
    el = SubElement(parent, tag)
    if text is not None:
        el.text = xml_text(str(text))  # an old row's control character would break the file
    return el


class _Scheduled:
    """The computed schedule as the MSPDI file states it (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        scheduler = load_scheduler(store)
        self.scheduler = scheduler
        self.schedule = scheduler.compute()
        self.calendar = scheduler.calendar
        self.project_floor = self.calendar.index_on_or_after(scheduler.project_start)
        project = store.project()
        self.mpd = project.minutes_per_day
        self.periods = _periods(project.working_times)
        self.day_start, self.day_finish = self.periods[0][0], self.periods[-1][1]

    def hours(self, days: int) -> str:
        """A working-day count as an MSPDI duration in this project's working hours."""
        return duration_text(days, self.mpd)

    def minutes(self, task: m.Task, dur: int) -> int:
        """The task's work in minutes: an imported part day keeps its exact minutes (when
        the schedule still gives it its own working days), else ``dur`` whole days."""
        exact = exact_minutes(task, self.mpd)
        return exact if exact is not None and dur == task.duration_days else dur * self.mpd

    def finish_time(self, task: m.Task, dur: int) -> str:
        """The time of day the work ends: the end of the day, or for a part day when its
        last day's minutes run out in the working hours (a 1-hour task: 10:00)."""
        left = self.minutes(task, dur) - max(dur - 1, 0) * self.mpd
        if task.is_milestone or dur <= 0 or left >= self.mpd:
            return self.day_finish
        for a, b in self.periods:
            a_min, b_min = _clock(a), _clock(b)
            if left <= b_min - a_min:
                end = a_min + left
                return f"{end // 60:02d}:{end % 60:02d}:00"
            left -= b_min - a_min
        return self.day_finish

    def days(self, task: m.Task) -> tuple[date, date, int]:
        """(start, finish, working-day duration) exactly as the app schedules the task."""
        st = self.schedule[task.id]
        return st.start, st.finish, 0 if task.is_milestone else max(st.duration, 0)

    def start_floor(self, task: m.Task) -> date | None:
        """The day the task may start no earlier than (planned start, SNET, status date).

        None when nothing but the project start holds it. MS Project's own
        recalculation (ASAP after the links) then lands on the app's start.
        """
        s = self.scheduler
        dur = 0 if task.is_milestone else max(task.duration_days, 0)
        floor_s, floor_e, _cap, _fixed, _fixed_dur = s.task_bounds(task, dur)
        floor_s, _min_end = s.status_bounds(task, floor_s)
        floor = max(floor_s, floor_e - dur)
        if task.is_milestone:
            floor -= 1  # a milestone's boundary is the end of its working day
        if floor <= self.project_floor - (1 if task.is_milestone else 0):
            return None
        return self.calendar.date_at(floor)

    def deadline(self, task: m.Task) -> date | None:
        """The planned finish as a deadline (and an FNLT date): the late-finish cap."""
        days = [task.finish.latest()] if task.finish is not None else []
        if task.constraint_date and task.constraint_type is m.ConstraintType.FINISH_NO_LATER:
            days.append(task.constraint_date)
        return min(days) if days else None


def _constraint(el: Element, task: m.Task, summary: bool, sched: _Scheduled) -> None:
    """One MS Project constraint that keeps the app's dates under MS Project's rules.

    A must-finish-on date is written at the end of its day; otherwise the start
    floor as *start no earlier than*; a finish-no-later date goes with the
    planned finish into the Deadline (MS Project holds one constraint per task).
    """
    if task.constraint_type is m.ConstraintType.MUST_FINISH_ON and task.constraint_date:
        _sub(el, "ConstraintType", CONSTRAINT_CODE[task.constraint_type])
        _sub(el, "ConstraintDate", dt(task.constraint_date, sched.day_finish))
        return
    floor = None if summary or task.actual_start or task.actual_finish else \
        sched.start_floor(task)
    if floor is not None:
        _sub(el, "ConstraintType", CONSTRAINT_CODE[m.ConstraintType.START_NO_EARLIER])
        at = sched.day_finish if task.is_milestone else sched.day_start
        _sub(el, "ConstraintDate", dt(floor, at))
    elif task.constraint_type is m.ConstraintType.FINISH_NO_LATER and task.constraint_date:
        _sub(el, "ConstraintType", CONSTRAINT_CODE[task.constraint_type])
        _sub(el, "ConstraintDate", dt(task.constraint_date, sched.day_finish))
    else:
        _sub(el, "ConstraintType", 0)


def build_mspdi(store: Store, org_id: int | None = None) -> ElementTree:
    """The project (or one ministry's share of it) as an MSPDI document."""
    project = store.project()
    sched = _Scheduled(store)
    # the scheduler's own copy of the tasks (outline order): no second read of the store
    ordered = outline_order(tasks_for_ministry(list(sched.scheduler.tasks.values()), org_id))
    ids = {t.id for t, _ in ordered}
    uid = {t.id: i + 1 for i, (t, _) in enumerate(ordered)}
    days = {t.id: sched.days(t) for t, _ in ordered}
    first = min([project.start] + [s for s, _, _ in days.values()])
    last = max([project.start] + [f for _, f, _ in days.values()])

    root = Element("Project", xmlns=NS)
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0).isoformat()
    for tag, value in (
        ("SaveVersion", SAVE_VERSION), ("Name", f"{project.name_ko}.xml"),
        ("Title", project.name_ko), ("Author", "smartcity-desktop"), ("CreationDate", now),
        ("LastSaved", now), ("ScheduleFromStart", 1), ("StartDate", dt(first, sched.day_start)),
        ("FinishDate", dt(last, sched.day_finish)), ("CalendarUID", 1),
        ("DefaultStartTime", sched.day_start), ("DefaultFinishTime", sched.day_finish),
        ("MinutesPerDay", sched.mpd), ("MinutesPerWeek", sched.mpd * sum(project.week)),
        ("DaysPerMonth", 20), ("DurationFormat", 7), ("WeekStartDay", 1),
        *((("StatusDate", dt(project.status_date, sched.day_finish)),)
          if project.status_date else ()),
    ):
        _sub(root, tag, value)
    attrs = _sub(root, "ExtendedAttributes")
    for field_id, name, alias in TEXT_FIELDS.values():
        ea = _sub(attrs, "ExtendedAttribute")
        _sub(ea, "FieldID", field_id)
        _sub(ea, "FieldName", name)
        _sub(ea, "Alias", alias)
    _write_calendar(_sub(root, "Calendars"), store, project, first, last)
    _write_tasks(_sub(root, "Tasks"), store, ordered, ids, uid, days, sched)
    _write_resources(root, store, ordered, uid, days, sched)
    return ElementTree(root)


def _write_tasks(tasks_el: Element, store: Store, ordered: list[tuple[m.Task, int]],
                 ids: set[int], uid: dict[int, int], days: dict[int, tuple[date, date, int]],
                 sched: _Scheduled) -> None:
    project = store.project()
    preds: dict[int, list[m.Dependency]] = {}
    for d in store.dependencies():
        if d.predecessor_id in ids and d.successor_id in ids:
            preds.setdefault(d.successor_id, []).append(d)
    cities = {c.id: c.code for c in store.all(m.City)}
    has_children = {t.parent_id for t, _ in ordered if t.parent_id in ids}
    base_rows: dict[int, list[tuple[int, m.BaselineTask]]] = {}
    for number, b in enumerate(store.baselines_of(project.id)[:11]):
        for bt in store.baseline_rows(b.id):
            base_rows.setdefault(bt.task_id, []).append((number, bt))
    numbers: dict[int | None, list[int]] = {}
    outline: dict[int, str] = {}
    for t, level in ordered:
        parent = t.parent_id if t.parent_id in ids else None
        seq = numbers.setdefault(parent, [0])
        seq[0] += 1
        outline[t.id] = f"{outline[parent]}.{seq[0]}" if parent else str(seq[0])
        summary = t.is_summary or t.id in has_children
        el = _sub(tasks_el, "Task")
        for tag, value in (("UID", uid[t.id]), ("ID", uid[t.id]), ("Name", t.name_ko),
                           ("WBS", t.wbs), ("OutlineNumber", outline[t.id]),
                           ("OutlineLevel", level)):
            _sub(el, tag, value)
        _write_dates(el, t, summary, days[t.id], sched)
        if t.notes:
            _sub(el, "Notes", t.notes)
        for d in preds.get(t.id, []):
            link = _sub(el, "PredecessorLink")
            _sub(link, "PredecessorUID", uid[d.predecessor_id])
            _sub(link, "Type", LINK_TYPE_CODE[d.type])
            _sub(link, "CrossProject", 0)
            _sub(link, "LinkLag", d.lag_days * sched.mpd * 10)
            _sub(link, "LagFormat", LAG_FORMAT_DAYS)
        _write_text_fields(el, t, cities, days[t.id], written_percent(t, summary, sched))
        for number, bt in sorted(base_rows.get(t.id, []), key=lambda x: x[0]):
            b = _sub(el, "Baseline")
            _sub(b, "Number", number)
            if bt.start:
                _sub(b, "Start", dt(bt.start, sched.day_start))
            if bt.finish:
                _sub(b, "Finish", dt(bt.finish, sched.day_finish))
            _sub(b, "Duration", sched.hours(bt.duration_days))
            _sub(b, "DurationFormat", 7)


def written_percent(t: m.Task, summary: bool, sched: _Scheduled) -> int:
    """Percent complete as the file states it: a summary's is rolled up from its children."""
    return int(round(sched.schedule[t.id].percent if summary else t.percent_complete))


def _write_dates(el: Element, t: m.Task, summary: bool, days: tuple[date, date, int],
                 sched: _Scheduled) -> None:
    """Start, Finish and Duration from the schedule (consistent with each other), the
    progress, one constraint and the deadline, in the schema's element order."""
    start, finish, dur = days
    st = sched.schedule[t.id]
    _sub(el, "Start", dt(start, sched.day_finish if t.is_milestone else sched.day_start))
    _sub(el, "Finish", dt(finish, sched.finish_time(t, dur)))
    work = 0 if summary else sched.minutes(t, dur)
    _sub(el, "Duration", minutes_text(work) if not summary else sched.hours(dur))
    _sub(el, "DurationFormat", 5 if 0 < work < sched.mpd else 7)  # 5 = hours, 7 = days
    _sub(el, "Milestone", int(t.is_milestone))
    _sub(el, "Summary", int(summary))
    _sub(el, "Critical", int(st.critical))
    _sub(el, "PercentComplete", written_percent(t, summary, sched))
    if t.actual_start:
        at = sched.day_finish if t.is_milestone else sched.day_start
        _sub(el, "ActualStart", dt(t.actual_start, at))
    if t.actual_finish:
        _sub(el, "ActualFinish", dt(t.actual_finish, sched.day_finish))
    if not summary:  # MS Project states both; its scheduler splits the work by them
        done = _done(t, work, sched.mpd)
        _sub(el, "ActualDuration", minutes_text(done))
        _sub(el, "RemainingDuration", minutes_text(work - done))
    _constraint(el, t, summary, sched)
    deadline = None if summary else sched.deadline(t)
    if deadline is not None:
        _sub(el, "Deadline", dt(deadline, sched.day_finish))


def _write_resources(root: Element, store: Store, ordered: list[tuple[m.Task, int]],
                     uid: dict[int, int], days: dict[int, tuple[date, date, int]],
                     sched: _Scheduled) -> None:
    orgs = {o.id: o for o in store.organisations()}
    used: list[int] = []
    for t, _ in ordered:
        for oid in [t.owner_org_id, *t.supporting_org_ids]:
            if oid in orgs and oid not in used:
                used.append(oid)
    res_uid = {oid: i + 1 for i, oid in enumerate(used)}
    resources = _sub(root, "Resources")
    for oid in used:
        r = _sub(resources, "Resource")
        _sub(r, "UID", res_uid[oid])
        _sub(r, "ID", res_uid[oid])
        _sub(r, "Name", orgs[oid].name_ko)
        _sub(r, "Type", 1)
        _sub(r, "Initials", orgs[oid].code)
    assignments = _sub(root, "Assignments")
    n = 0
    for t, _ in ordered:
        seen: set[int] = set()
        for oid in [t.owner_org_id, *t.supporting_org_ids]:
            if oid in res_uid and oid not in seen:
                seen.add(oid)
                n += 1
                _write_assignment(_sub(assignments, "Assignment"), n, uid[t.id],
                                  res_uid[oid], t, days[t.id], sched)


def _write_assignment(a: Element, n: int, task_uid: int, res_uid: int, t: m.Task,
                      days: tuple[date, date, int], sched: _Scheduled) -> None:
    """A ministry on a task full-time: its work is the task's duration (MS Project's
    scheduler derives dates from assignment work, so it must agree with Duration)."""
    work = sched.minutes(t, days[2])
    done = _done(t, work, sched.mpd)
    _sub(a, "UID", n)
    _sub(a, "TaskUID", task_uid)
    _sub(a, "ResourceUID", res_uid)
    _sub(a, "ActualWork", minutes_text(done))
    _sub(a, "RemainingWork", minutes_text(work - done))
    _sub(a, "Units", 1)
    _sub(a, "Work", minutes_text(work))


def _done(t: m.Task, work: int, mpd: int) -> int:
    """Minutes of ``work`` done: all of it once finished, else its percent, in whole days
    for day-long work (as the file has always stated it) and minutes for a part day."""
    if t.actual_finish:
        return work
    if work % mpd == 0:
        days = work // mpd
        return min(days, round(days * t.percent_complete / 100)) * mpd
    return min(work, round(work * t.percent_complete / 100))


def _write_text_fields(el: Element, t: m.Task, cities: dict[int, str],
                       days: tuple[date, date, int], percent: int) -> None:
    start, finish, dur = days
    # what the file states beside what we store: an import of our own file takes the
    # plan dates as written unless the other tool moved the task off these days
    flags = [f"kind={t.kind.value}", f"days={start.isoformat()}/{finish.isoformat()}"]
    if dur != t.duration_days:
        flags.append(f"dur={t.duration_days}")
        if t.duration_minutes is not None:
            flags.append(f"min={t.duration_minutes}")
    if t.needs_signoff:
        flags.append("signoff=1")
    if t.percent_from_checklist:
        flags.append("checklist=1")
    if t.percent_complete != percent:
        flags.append(f"percent={t.percent_complete!r}")
    if t.date_assumed:
        flags.append("assumed=1")
    values = {
        "plan_start": t.start.label("ko") if t.start else NO_DATE,
        "plan_finish": t.finish.label("ko") if t.finish else NO_DATE,
        "name_en": t.name_en,
        "source": t.source,
        "city": cities.get(t.city_id, "") if t.city_id else "",
        "constraint": (f"{t.constraint_type.value}:{t.constraint_date.isoformat()}"
                       if t.constraint_type is not m.ConstraintType.NONE and t.constraint_date
                       else ""),
        "flags": ";".join(flags),
        **{f.attr: f.file_text(getattr(t, f.attr)) for f in tf.mspdi_fields()},
    }
    for key, value in values.items():
        if value:
            ea = _sub(el, "ExtendedAttribute")
            _sub(ea, "FieldID", TEXT_FIELDS[key][0])
            _sub(ea, "Value", value)


def _write_calendar(cals: Element, store: Store, project: m.Project, first: date,
                    last: date) -> None:
    """The project's calendar: its working week and hours, Korean public holidays when the
    project uses them (the default), and its own exceptions."""
    exceptions: dict[date, tuple[bool, str]] = {}
    lo, hi = date(first.year, 1, 1), date(min(last.year + 1, 2999), 12, 31)
    if project.korean_holidays:
        for d, name in korean_holidays(lo, hi):
            exceptions[d] = (False, name)
    for ex in store.calendar_exceptions_of(project.id):
        exceptions[ex.day] = (ex.working, ex.note or ("근무일" if ex.working else "휴무일"))
    periods = _periods(project.working_times)
    cal = _sub(cals, "Calendar")
    _sub(cal, "UID", 1)
    _sub(cal, "Name", KOREAN_CALENDAR_NAME if project.korean_holidays else "표준")
    _sub(cal, "IsBaseCalendar", 1)
    _sub(cal, "IsBaselineCalendar", 0)
    _sub(cal, "BaseCalendarUID", -1)
    week = _sub(cal, "WeekDays")
    for day_type in range(1, 8):  # 1 = Sunday ... 7 = Saturday
        wd = _sub(week, "WeekDay")
        _sub(wd, "DayType", day_type)
        working = project.week[(day_type + 5) % 7]
        _sub(wd, "DayWorking", int(working))
        if working:
            _working_times(wd, periods)
    for d, (working, _name) in sorted(exceptions.items()):  # the pre-2007 form
        wd = _sub(week, "WeekDay")
        _sub(wd, "DayType", 0)
        _sub(wd, "DayWorking", int(working))
        period = _sub(wd, "TimePeriod")
        _sub(period, "FromDate", dt(d, "00:00:00"))
        _sub(period, "ToDate", dt(d, "23:59:00"))
        if working:
            _working_times(wd, periods)
    exc_el = _sub(cal, "Exceptions")
    for d, (working, name) in sorted(exceptions.items()):
        ex = _sub(exc_el, "Exception")
        _sub(ex, "EnteredByOccurrences", 0)
        period = _sub(ex, "TimePeriod")
        _sub(period, "FromDate", dt(d, "00:00:00"))
        _sub(period, "ToDate", dt(d, "23:59:00"))
        _sub(ex, "Occurrences", 1)
        _sub(ex, "Name", name)
        _sub(ex, "Type", 1)
        _sub(ex, "DayWorking", int(working))
        if working:
            _working_times(ex, periods)


def _clock(hms: str) -> int:
    h, mi = hms.split(":")[:2]
    return int(h) * 60 + int(mi)


def _periods(times: str) -> list[tuple[str, str]]:
    out = []
    for part in filter(None, (p.strip() for p in times.split(","))):
        a, _, b = part.partition("-")
        if a and b:
            out.append((f"{a}:00"[:8], f"{b}:00"[:8]))
    return out or list(WORK_PERIODS)


def _working_times(parent: Element, periods: list[tuple[str, str]]) -> None:
    times = _sub(parent, "WorkingTimes")
    for a, b in periods:
        wt = _sub(times, "WorkingTime")
        _sub(wt, "FromTime", a)
        _sub(wt, "ToTime", b)


def export_mspdi(store: Store, path: Path | str, org_id: int | None = None) -> int:
    """Write the MSPDI file; returns the number of tasks written."""
    tree = build_mspdi(store, org_id)
    indent(tree, space=" ")
    try:
        with Path(path).open("wb") as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
            tree.write(fh, encoding="UTF-8", xml_declaration=False)
    except OSError as exc:
        raise InteropError("interop.cannot_write", source=str(path),
                           detail=exc.strerror or str(exc)) from None
    tasks = tree.getroot().find("Tasks")
    return 0 if tasks is None else len(tasks)


def parse_mspdi(path: Path | str):  # noqa: ANN201 - see mspdi_import.parse_mspdi
    from .mspdi_import import parse_mspdi as _parse

    return _parse(path)


def parse_day_time(text: str) -> tuple[date, str]:
    """Split an MSPDI dateTime into (day, HH:MM:SS); raises ValueError when impossible."""
    s = text.strip()
    day_part, _, time_part = s.partition("T")
    d = date.fromisoformat(day_part)
    if time_part:
        hh, mm, *rest = time_part.split(":")
        sec = rest[0] if rest else "0"
        if not (0 <= int(hh) <= 24 and 0 <= int(mm) < 60 and 0 <= float(sec.rstrip("Z")) < 61):
            raise ValueError(f"impossible time {time_part}")
        if int(hh) == 24:
            d, time_part = d + timedelta(days=1), "00:00:00"
    return d, time_part or "00:00:00"

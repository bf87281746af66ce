"""The bundled seed (db/seed/*.json): a fresh database holds the whole December 2018 plan.

Counts and sums are checked against the press release of 2018-12-26 (FACTS.md): 265억 in
three areas, nine provisions, seven responsible bodies, the 11-body council, both cities,
and a plan the scheduler can hold (no dependency cycle, milestones of zero duration).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import Precision
from smartcity_desktop.paths import SEED_DIR
from smartcity_desktop.store import Store, open_store
from smartcity_desktop.store.seed import read_seed

RESPONSIBLE = {"MOLIT", "MOEF", "MSIT", "MOIS", "MOTIE", "ME", "PCFIR"}
COUNCIL = {"PCFIR", "MOLIT", "MSIT", "MOTIE", "ME", "MOIS", "MOEF", "MOHW", "MOE", "MSS", "KMA"}
PLAN_DAY = date(2018, 12, 26)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = open_store(tmp_path_factory.mktemp("seed") / "seeded.db")
    yield s
    s.close()


@pytest.fixture(scope="module")
def tasks_by_wbs(store: Store) -> dict[str, m.Task]:
    return {t.wbs: t for t in store.tasks()}


def test_seed_files_are_utf8_json_in_loader_order() -> None:
    names = {p.stem for p in Path(SEED_DIR).glob("*.json")}
    assert names == {"organisations", "cities", "project", "tasks", "budget", "provisions",
                     "meetings", "status_updates", "notes"}
    data = read_seed()
    assert len(data["tasks"]) >= 120


def test_responsible_bodies_and_council(store: Store) -> None:
    orgs = store.org_by_code()
    assert {c for c, o in orgs.items() if o.responsible} == RESPONSIBLE
    assert {c for c, o in orgs.items() if o.in_council} == COUNCIL
    assert orgs["PCFIR"].kind is m.OrgKind.COMMITTEE
    assert all(orgs[c].kind is m.OrgKind.MINISTRY for c in RESPONSIBLE - {"PCFIR"})
    assert orgs["MOLIT"].department_ko == "도시경제과"
    assert orgs["MOEF"].department_en == "Innovation Growth Headquarters, Lead Project Team"
    assert orgs["LH"].kind is m.OrgKind.IMPLEMENTER
    assert orgs["KWATER"].kind is m.OrgKind.IMPLEMENTER
    assert orgs["ALLIANCE"].kind is m.OrgKind.ALLIANCE
    assert orgs["NSCC"].kind is m.OrgKind.COMMITTEE


def test_every_responsible_body_has_named_contacts_with_phones(store: Store) -> None:
    orgs = store.org_by_code()
    for code in RESPONSIBLE:
        contacts = store.all(m.Contact, "org_id = ?", [orgs[code].id])
        with_phone = [c for c in contacts if c.phone]
        assert len(with_phone) >= 2, code
        assert all(c.source.startswith("보도자료") for c in contacts)
    phones = {c.name: c.phone for c in store.all(m.Contact)}
    assert phones["정재원"] == "044-201-4097"
    assert phones["권지희"] == "02-750-4744"
    kaia = store.all(m.Contact, "org_id = ?", [orgs["KAIA"].id])
    assert [(c.name, c.phone, c.email) for c in kaia] == [
        ("남유성", "031-389-6323", "nys@kaia.re.kr")]


def test_both_cities_with_master_planners_and_implementers(store: Store) -> None:
    orgs = {o.id: o.code for o in store.organisations()}
    cities = {c.code: c for c in store.all(m.City)}
    assert set(cities) == {"SEJONG", "BUSAN"}
    assert cities["SEJONG"].name_ko == "세종 5-1 생활권"
    assert "정재승" in cities["SEJONG"].master_planner
    assert "황종성" in cities["BUSAN"].master_planner
    assert orgs[cities["SEJONG"].implementer_org_id] == "LH"
    assert orgs[cities["BUSAN"].implementer_org_id] == "KWATER"
    assert orgs[cities["SEJONG"].local_government_org_id] == "SEJONG_CITY"
    assert orgs[cities["BUSAN"].local_government_org_id] == "BUSAN_CITY"


def test_2019_budget_is_265_in_three_areas(store: Store) -> None:
    lines = store.all(m.BudgetLine, "kind = 'budget' AND year = 2019")
    assert sum(b.planned for b in lines) == 265
    by_area: dict[str, float] = defaultdict(float)
    for b in lines:
        by_area[b.area] += b.planned
        assert b.executed == 0 and b.city_id is None and b.unit == "억원"
    assert sorted(by_area.values()) == [20, 50, 195]
    items = {b.item: b.planned for b in lines}
    assert items["디지털 트윈"] == 50 and items["규제 샌드박스 시범사업"] == 56


def test_investment_by_city(store: Store) -> None:
    cities = {c.id: c.code for c in store.all(m.City)}

    def by_city(kind: str) -> dict[str, float]:
        return {cities[b.city_id]: b.planned for b in store.all(m.BudgetLine, "kind = ?", [kind])}

    assert by_city("public_investment") == {"SEJONG": 9500, "BUSAN": 14500}
    assert by_city("private_investment") == {"SEJONG": 5400, "BUSAN": 7500}
    total = sum(by_city("public_investment").values()) + sum(by_city("private_investment").values())
    assert total == 36900  # "공공·민간 3.7조원"


def test_nine_provisions_with_their_stages(store: Store) -> None:
    provisions = store.all(m.Provision)
    assert len(provisions) == 9
    groups = Counter(p.group_ko for p in provisions)
    assert groups == {"개정완료(’18.7월)": 6, "개정진행(’18.10월 입법발의)": 3}
    for p in provisions:
        assert p.law_ko and p.allows_ko and p.name_en and p.source.startswith("보도자료")
        if p.group_ko.startswith("개정완료"):
            assert p.stage is m.ProvisionStage.PASSED and p.target.code() == "2019-02"
        else:
            assert p.stage is m.ProvisionStage.IN_COMMITTEE and p.target.code() == "2019-H1"
            history = store.all(m.ProvisionStageChange, "provision_id = ?", [p.id])
            assert [h.on.code() for h in history if h.stage is m.ProvisionStage.BILL_PROPOSED] == [
                "2018-10-17"]


def test_every_responsible_body_owns_tasks_and_checklist_items(store: Store) -> None:
    orgs = store.org_by_code()
    owned = Counter(t.owner_org_id for t in store.tasks() if not t.is_summary)
    items = Counter(i.org_id for i in store.checklist())
    for code in RESPONSIBLE:
        assert owned[orgs[code].id] >= 3, code
        assert items[orgs[code].id] >= 5, code


def test_checklist_items_before_the_plan_are_done_and_later_ones_open(store: Store) -> None:
    for item in store.checklist():
        assert item.due is not None
        if item.due <= PLAN_DAY:
            assert item.done and item.done_by and item.done_at, item.text
        else:
            assert not item.done, item.text


def test_sources_are_marked(store: Store) -> None:
    planned = 0
    for t in store.tasks():
        assert t.source == "" or t.source.startswith("보도자료 2018-12-26 p."), t.wbs
        planned += t.is_planned_work
    assert planned >= 20  # the programme office's own tasks are there and marked as such
    for item in store.checklist():
        assert item.source == "" or item.source.startswith("보도자료"), item.text


def test_milestones_and_done_history(tasks_by_wbs: dict[str, m.Task]) -> None:
    for t in tasks_by_wbs.values():
        if t.is_milestone:
            assert t.duration_days == 0, t.wbs
        if not t.is_summary and t.kind is m.TaskKind.TASK:
            assert t.start is not None, t.wbs
        if t.actual_finish is not None:
            assert t.percent_complete == 100 and t.actual_finish <= PLAN_DAY
    consultations = {tasks_by_wbs[w].actual_finish for w in
                     ("1.5.1", "1.5.2", "1.5.3", "1.5.4", "1.5.5")}
    assert consultations == {date(2018, 12, d) for d in (5, 11, 12, 13, 19)}
    assert tasks_by_wbs["1.6"].actual_finish == PLAN_DAY


def test_alliance_launch_and_act_in_force(tasks_by_wbs: dict[str, m.Task]) -> None:
    launch = tasks_by_wbs["3.6"]
    assert launch.is_milestone and launch.needs_signoff
    assert launch.finish.code() == "2019-01-L"
    assert launch.finish.precision is Precision.LATE_MONTH
    assert tasks_by_wbs["3.1"].finish.code() == "2019-01-E"
    assert tasks_by_wbs["3.3"].finish.code() == "2019-01-M"
    in_force = tasks_by_wbs["2.1.3"]
    assert in_force.needs_signoff and in_force.finish.code() == "2019-02"


def test_sejong_services_and_busan_clusters(store: Store, tasks_by_wbs: dict[str, m.Task]) -> None:
    def children(wbs: str) -> list[m.Task]:
        parent = tasks_by_wbs[wbs].id
        return [t for t in tasks_by_wbs.values() if t.parent_id == parent and t.is_summary]

    assert len(children("5.1")) == 7
    assert len(children("6.1")) == 5
    cities = {c.code: c.id for c in store.all(m.City)}
    assert all(t.city_id == cities["SEJONG"] for t in children("5.1"))


def test_meetings_cadence_and_notes(store: Store) -> None:
    cadences = {s.cadence for s in store.all(m.MeetingSeries)}
    assert cadences == {m.Cadence.MONTHLY, m.Cadence.QUARTERLY, m.Cadence.HALF_YEARLY}
    assert all(s.task_id is not None for s in store.all(m.MeetingSeries))
    topics = {n.topic for n in store.all(m.Note)}
    assert {"alliance_roles", "alliance_stages", "overseas", "money", "sejong_services",
            "busan_clusters"} <= topics


def test_no_dependency_cycle(store: Store) -> None:
    graph: dict[int, list[int]] = defaultdict(list)
    for d in store.dependencies():
        graph[d.predecessor_id].append(d.successor_id)
    white, grey, black = 0, 1, 2
    colour: dict[int, int] = defaultdict(int)

    def visit(node: int, path: list[int]) -> None:
        colour[node] = grey
        for nxt in graph[node]:
            assert colour[nxt] != grey, f"cycle through tasks {path + [nxt]}"
            if colour[nxt] == white:
                visit(nxt, path + [nxt])
        colour[node] = black

    for t in store.tasks():
        if colour[t.id] == white:
            visit(t.id, [t.id])
    assert len(store.dependencies()) >= 80


def test_seed_json_references_resolve() -> None:
    """A broken reference would fail the load; check the raw files name real keys too."""
    data = read_seed()
    wbs = {t["wbs"] for t in data["tasks"]}
    for t in data["tasks"]:
        for p in t["predecessors"]:
            assert p["wbs"] in wbs and p["type"] in {"FS", "SS", "FF", "SF"}
    assert {s["task"] for s in data["status_updates"]} <= wbs
    assert {s["task"] for s in data["meetings"]} <= wbs


def test_no_two_links_between_the_same_tasks() -> None:
    data = read_seed()
    pairs = [(p["wbs"], t["wbs"]) for t in data["tasks"] for p in t["predecessors"]]
    assert len(pairs) == len(set(pairs))


def test_the_scheduler_places_the_dated_milestones_in_their_ranges(
        store: Store, tasks_by_wbs: dict[str, m.Task]) -> None:
    from smartcity_desktop.domain.calendar import WorkCalendar
    from smartcity_desktop.domain.scheduler import Scheduler

    schedule = Scheduler(store.tasks(), store.dependencies(), WorkCalendar(),
                         store.project().start).compute()
    for wbs in ("3.1", "3.3", "3.6", "3.8", "2.1.3", "2.2.4", "6.4", "5.6", "6.9"):
        task = tasks_by_wbs[wbs]
        finish = schedule[task.id].finish
        assert task.finish.earliest() <= finish <= task.finish.latest(), (wbs, finish)
    # planned work waits for the Act: the sandbox pilots start after it is in force
    assert schedule[tasks_by_wbs["4.2.5"].id].start > schedule[tasks_by_wbs["2.1.3"].id].finish

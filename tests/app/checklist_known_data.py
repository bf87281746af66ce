"""A small known data set for the checklist, dashboard and budget tests (no Qt).

Loaded by path from the store and UI view tests, so it works whatever the test
package layout. Status date 2019-02-15.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.store import Store, open_store

STATUS_DATE = date(2019, 2, 15)


def build(path: Path) -> tuple[Store, dict[str, int]]:
    """Create the database; return it with ids by key (org codes, city codes, WBS codes)."""
    store = open_store(path, seed=False)
    ids: dict[str, int] = {}
    with store.transaction():
        for code, ko, en, kind in [
            ("MOLIT", "국토교통부", "MOLIT", m.OrgKind.MINISTRY),
            ("MSIT", "과학기술정보통신부", "MSIT", m.OrgKind.MINISTRY),
            ("LH", "한국토지주택공사", "LH", m.OrgKind.IMPLEMENTER),
        ]:
            ids[code] = store.insert(m.Organisation(code=code, name_ko=ko, name_en=en,
                                                    kind=kind, responsible=True)).id
        store.insert(m.Contact(org_id=ids["MOLIT"], name="홍길동", position="사무관",
                               phone="044-201-4845", role="보도 담당"))
        for code, ko, en in [("SEJONG", "세종 5-1 생활권", "Sejong 5-1"),
                             ("BUSAN", "부산 에코델타시티", "Busan EDC")]:
            ids[code] = store.insert(m.City(code=code, name_ko=ko, name_en=en)).id
        project = store.insert(m.Project(name_ko="스마트시티 국가시범도시", name_en="Pilot cities",
                                         start=date(2018, 12, 26), status_date=STATUS_DATE))
        ids["project"] = project.id

        def task(wbs: str, name: str, kind: m.TaskKind, owner: str, city: str | None,
                 start: str | None, finish: str | None, duration: int, **kw) -> int:
            parent = ids.get(wbs.rsplit(".", 1)[0]) if "." in wbs else None
            if kind is m.TaskKind.MILESTONE:
                start = finish  # a milestone falls on its date
            t = store.insert(m.Task(
                project_id=project.id, wbs=wbs, name_ko=name, name_en=name, kind=kind,
                parent_id=parent, owner_org_id=ids[owner], city_id=ids[city] if city else None,
                start=parse_plan_date(start) if start else None,
                finish=parse_plan_date(finish) if finish else None,
                duration_days=duration, sort_order=len(ids), **kw))
            ids[wbs] = t.id
            return t.id

        M, T = m.TaskKind.MILESTONE, m.TaskKind.TASK
        task("1", "융합 얼라이언스", m.TaskKind.SUMMARY, "MOLIT", None, None, None, 1)
        task("1.1", "사무국 구성", T, "MOLIT", None, "2019-01-02", "2019-01-08", 5,
             percent_complete=100.0, actual_start=date(2019, 1, 2),
             actual_finish=date(2019, 1, 8))
        task("1.2", "얼라이언스 출범식", M, "MOLIT", None, None, "2019-01-31", 0,
             needs_signoff=True, percent_from_checklist=True)
        task("1.3", "시행계획 발표", M, "MOLIT", "SEJONG", None, "2019-03-05", 0)
        task("1.4", "데이터 허브 착수", M, "MSIT", "SEJONG", None, "2019-02-01", 0,
             percent_complete=100.0, actual_finish=date(2019, 2, 1))
        task("1.5", "스마트 물관리 준공", M, "MSIT", "BUSAN", None, "2019-06-28", 0)
        task("1.6", "혁신기업 공모", M, "MOLIT", "BUSAN", None, "2019-02-11", 0)
        task("1.7", "분과위원회 운영", T, "MOLIT", None, "2019-01-02", "2019-12-31", 250)
        for order, (text, done, due) in enumerate([
            ("행사장 확정", True, date(2019, 1, 10)),
            ("초청장 발송", True, date(2019, 1, 20)),
            ("보도자료 배포", False, date(2019, 1, 25)),
        ]):
            store.insert(m.ChecklistItem(task_id=ids["1.2"], text=text, org_id=ids["MOLIT"],
                                         due=due, done=done, done_by="kim" if done else "",
                                         done_at="2019-01-15T09:00:00" if done else "",
                                         sort_order=order))
        store.insert(m.ChecklistItem(task_id=ids["1.4"], text="착수보고", org_id=ids["MSIT"],
                                     due=date(2019, 2, 1), done=True, done_by="lee",
                                     done_at="2019-02-01T10:00:00"))
        store.insert(m.ChecklistItem(task_id=ids["1.6"], text="공고문 작성", org_id=ids["MOLIT"],
                                     due=date(2019, 3, 1)))
        ids["series"] = store.insert(m.MeetingSeries(
            name_ko="시범도시 분과위원회", name_en="Pilot-city subcommittee",
            cadence=m.Cadence.MONTHLY, first=date(2019, 1, 31), task_id=ids["1.7"],
            org_id=ids["MOLIT"])).id
        for year, area, item, planned, executed, city in [
            (2019, "선도사업", "디지털 트윈", 50.0, 20.0, "SEJONG"),
            (2019, "선도사업", "데이터·AI 센터", 40.0, 10.0, "BUSAN"),
            (2019, "혁신기업 유치", "국내 중소·스타트업", 10.0, 0.0, None),
            (2019, "신기술 접목", "교통", 10.0, 5.0, "SEJONG"),
        ]:
            b = store.insert(m.BudgetLine(year=year, area=area, item=item, planned=planned,
                                          executed=executed,
                                          city_id=ids[city] if city else None,
                                          sort_order=len(ids)))
            ids[f"budget:{item}"] = b.id
        for order, (name, law, stage, on) in enumerate([
            ("개인정보", "개인정보 보호법", m.ProvisionStage.PASSED, "2018-07"),
            ("자율주행차", "도로교통법", m.ProvisionStage.PASSED, "2018-07"),
            ("입지규제", "국토계획법", m.ProvisionStage.BILL_PROPOSED, "2018-10-17"),
        ]):
            p = store.insert(m.Provision(name_ko=name, name_en=name, allows_ko="", allows_en="",
                                         law_ko=law, law_en=law, stage=stage,
                                         stage_date=parse_plan_date(on), sort_order=order))
            ids[f"prov:{name}"] = p.id
        store.insert(m.StatusUpdate(task_id=ids["1.2"], report_date=date(2019, 2, 1),
                                    rag=m.Rag.AMBER, narrative="보도자료 지연",
                                    org_id=ids["MOLIT"]))
    return store, ids

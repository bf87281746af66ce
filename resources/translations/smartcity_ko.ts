<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>Components and licences</source>
        <translation>구성 요소와 라이선스</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>데이터 폴더 열기</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>내용 복사</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>구성 요소</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>라이선스</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
</context>
<context>
    <name>BudgetView</name>
    <message>
        <source>National budget</source>
        <translation>국비 예산</translation>
    </message>
    <message>
        <source>Public investment</source>
        <translation>공공 투자</translation>
    </message>
    <message>
        <source>Private investment</source>
        <translation>민간 투자</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>분야</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>세부 항목</translation>
    </message>
    <message>
        <source>City</source>
        <translation>도시</translation>
    </message>
    <message>
        <source>Planned (100M KRW)</source>
        <translation>계획(억원)</translation>
    </message>
    <message>
        <source>Executed (100M KRW)</source>
        <translation>집행(억원)</translation>
    </message>
    <message>
        <source>Execution rate</source>
        <translation>집행률</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>예산</translation>
    </message>
    <message>
        <source>Add line...</source>
        <translation>항목 추가...</translation>
    </message>
    <message>
        <source>Delete line</source>
        <translation>항목 삭제</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>전체 연도</translation>
    </message>
    <message>
        <source>all</source>
        <translation>공통</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>소계</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Grand total</source>
        <translation>총계</translation>
    </message>
    <message>
        <source>planned {0} · executed {1} (100M KRW) · {2}</source>
        <translation>계획 {0}억원 · 집행 {1}억원 · 집행률 {2}</translation>
    </message>
    <message>
        <source>Invalid input</source>
        <translation>입력 오류</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; is not an amount in 100M KRW</source>
        <translation>{0}: &apos;{1}&apos;은(는) 억원 단위 금액이 아닙니다</translation>
    </message>
    <message>
        <source>Edit budget line</source>
        <translation>예산 수정</translation>
    </message>
    <message>
        <source>Add budget line</source>
        <translation>예산 항목 추가</translation>
    </message>
    <message>
        <source>Delete budget line</source>
        <translation>예산 항목 삭제</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Calendar exceptions</source>
        <translation>달력 예외일</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>근무일</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>근무일</translation>
    </message>
    <message>
        <source>e.g. temporary public holiday</source>
        <translation>예: 임시공휴일</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>선택 항목 삭제</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>day</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Calendar exception {0}</source>
        <translation>달력 예외일 {0}</translation>
    </message>
    <message>
        <source>Remove calendar exception</source>
        <translation>달력 예외일 삭제</translation>
    </message>
</context>
<context>
    <name>ChartMenu</name>
    <message>
        <source>Delete link</source>
        <translation>연결 삭제</translation>
    </message>
    <message>
        <source>Link type</source>
        <translation>연결 종류</translation>
    </message>
    <message>
        <source>Lag…</source>
        <translation>지연 일수…</translation>
    </message>
    <message>
        <source>Delete link {0}</source>
        <translation>연결 삭제 {0}</translation>
    </message>
    <message>
        <source>Change link {0}</source>
        <translation>연결 변경 {0}</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>지연 일수</translation>
    </message>
    <message>
        <source>Lag in working days (negative: lead)</source>
        <translation>지연 일수 (작업일, 음수는 앞당김)</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>State</source>
        <translation>현황</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>처리자</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>처리 일시</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>Latest status</source>
        <translation>최근 현황 보고</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>비고</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>부처별 체크리스트</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>부처</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>항목 추가</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Sign off...</source>
        <translation>승인...</translation>
    </message>
    <message>
        <source>Reopen...</source>
        <translation>재개...</translation>
    </message>
    <message>
        <source>Needs sign-off</source>
        <translation>승인 필요 설정</translation>
    </message>
    <message>
        <source>Schedule meetings...</source>
        <translation>회의 일정 생성...</translation>
    </message>
    <message>
        <source>Meeting held...</source>
        <translation>회의 개최(회의록)...</translation>
    </message>
    <message>
        <source>Status update...</source>
        <translation>현황 보고...</translation>
    </message>
    <message>
        <source>overdue {0}</source>
        <translation>기한경과 {0}</translation>
    </message>
    <message>
        <source>as of {0}</source>
        <translation>기준일 {0}</translation>
    </message>
    <message>
        <source>done {0}</source>
        <translation>완료 {0}</translation>
    </message>
    <message>
        <source>open {0}</source>
        <translation>미완료 {0}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>needs sign-off</source>
        <translation>승인 필요</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>기한경과</translation>
    </message>
    <message>
        <source>open</source>
        <translation>미완료</translation>
    </message>
    <message>
        <source>recurring meeting</source>
        <translation>정기 회의</translation>
    </message>
    <message>
        <source>Tick item</source>
        <translation>항목 완료</translation>
    </message>
    <message>
        <source>Untick item</source>
        <translation>항목 완료 취소</translation>
    </message>
    <message>
        <source>Edit item</source>
        <translation>항목 편집</translation>
    </message>
    <message>
        <source>Reorder item</source>
        <translation>항목 순서 변경</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>항목 삭제</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Set sign-off gate</source>
        <translation>승인 필요 설정</translation>
    </message>
    <message>
        <source>Schedule meetings</source>
        <translation>회의 일정 생성</translation>
    </message>
    <message>
        <source>Status update</source>
        <translation>현황 보고</translation>
    </message>
    <message>
        <source>Invalid input</source>
        <translation>입력 오류</translation>
    </message>
    <message>
        <source>Reason for reopening</source>
        <translation>재개 사유</translation>
    </message>
    <message>
        <source>Meetings to schedule</source>
        <translation>생성할 회차 수</translation>
    </message>
    <message>
        <source>{0} added</source>
        <translation>{0}건 추가</translation>
    </message>
    <message>
        <source>Meeting held</source>
        <translation>회의 개최</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>회의록 요지</translation>
    </message>
</context>
<context>
    <name>CityComboDelegate</name>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>Fit columns to contents</source>
        <translation>열 너비를 내용에 맞춤</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>기본 열 배치</translation>
    </message>
    <message>
        <source>Save column layout…</source>
        <translation>열 배치 저장…</translation>
    </message>
    <message>
        <source>Saved layouts</source>
        <translation>저장한 열 배치</translation>
    </message>
    <message>
        <source>Save column layout</source>
        <translation>열 배치 저장</translation>
    </message>
    <message>
        <source>Layout name</source>
        <translation>배치 이름</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>Body / name</source>
        <translation>기관 / 성명</translation>
    </message>
    <message>
        <source>Department / position</source>
        <translation>부서 / 직위</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>전자우편</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>부처</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>위원회</translation>
    </message>
    <message>
        <source>Implementer</source>
        <translation>사업시행자</translation>
    </message>
    <message>
        <source>Local government</source>
        <translation>지방자치단체</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>기관</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>개인</translation>
    </message>
    <message>
        <source>Alliance</source>
        <translation>얼라이언스</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>연락처</translation>
    </message>
    <message>
        <source>Leave personal names and phone numbers out of printed reports</source>
        <translation>인쇄 보고서에서 개인 성명·전화번호 제외</translation>
    </message>
    <message>
        <source>Add contact...</source>
        <translation>담당자 추가...</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>담당자 삭제</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>출처: {0}</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>연락처 수정</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>연락처 추가</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>연락처 삭제</translation>
    </message>
    <message>
        <source>Add contact person</source>
        <translation>담당자 추가</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>성명</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>due in 30 days</source>
        <translation>30일 내 도래</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>기한 경과</translation>
    </message>
    <message>
        <source>later</source>
        <translation>이후 예정</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>정상 진행</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>지연 우려</translation>
    </message>
    <message>
        <source>late</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>착수 전</translation>
    </message>
    <message>
        <source>bill proposed</source>
        <translation>법안 발의</translation>
    </message>
    <message>
        <source>in committee</source>
        <translation>상임위 심사</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>국회 통과</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>시행</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>기준일</translation>
    </message>
    <message>
        <source>Milestones done / due by the status date</source>
        <translation>기준일까지 마일스톤 완료 / 도래</translation>
    </message>
    <message>
        <source>{0} milestones in the plan</source>
        <translation>계획 전체 마일스톤 {0}개</translation>
    </message>
    <message>
        <source>Percent complete (by duration)</source>
        <translation>진척률 (기간 가중)</translation>
    </message>
    <message>
        <source>Progress by ministry (bodies with nothing due by the status date left out)</source>
        <translation>부처별 진척 (기준일까지 도래한 일정이 없는 기관은 제외)</translation>
    </message>
    <message>
        <source>Percent complete by city (by duration)</source>
        <translation>도시별 진척률 (기간 가중)</translation>
    </message>
    <message>
        <source>% (by duration)</source>
        <comment>percent complete column</comment>
        <translation>진척률 (기간 가중)</translation>
    </message>
    <message>
        <source>due</source>
        <translation>도래</translation>
    </message>
    <message>
        <source>Due in 30 days</source>
        <translation>30일 내 도래</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>기한 경과</translation>
    </message>
    <message>
        <source>Next 10 milestones</source>
        <translation>다음 마일스톤 10개</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>부처</translation>
    </message>
    <message>
        <source>Milestones done / due</source>
        <translation>마일스톤 완료 / 도래</translation>
    </message>
    <message>
        <source>City</source>
        <translation>도시</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>마일스톤</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Slipped milestones against the baseline “{0}”: {1}</source>
        <translation>기준선 “{0}” 대비 지연 마일스톤: {1}건</translation>
    </message>
    <message>
        <source>Slipped milestones: no baseline saved yet (Project ▸ Save baseline…)</source>
        <translation>기준선 대비 지연 마일스톤: 저장된 기준선이 없습니다 (사업 ▸ 기준선 저장…)</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>기준선</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>예상 완료</translation>
    </message>
    <message>
        <source>Slip (working days)</source>
        <translation>지연 (작업일)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>자료 없음</translation>
    </message>
    <message>
        <source>Milestones by ministry</source>
        <translation>부처별 마일스톤 현황</translation>
    </message>
    <message>
        <source>Planned vs actual progress</source>
        <translation>계획 대비 실적 진척(S-곡선)</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>계획</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>실적</translation>
    </message>
    <message>
        <source>Regulatory provisions by stage</source>
        <translation>규제 특례 추진 단계</translation>
    </message>
    <message>
        <source>{0} budget by area</source>
        <translation>{0}년 예산 분야별 계획·집행(억원)</translation>
    </message>
    <message>
        <source>{0} budget by city</source>
        <translation>{0}년 예산 도시별 계획·집행(억원)</translation>
    </message>
    <message>
        <source>executed</source>
        <translation>집행</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <source>Welcome</source>
        <translation>처음 시작</translation>
    </message>
    <message>
        <source>Desk settings</source>
        <translation>업무 담당 설정</translation>
    </message>
    <message>
        <source>Your database was created here:
{0}
It holds the whole pilot-city plan; backups are kept beside it.</source>
        <translation>데이터베이스를 여기에 만들었습니다:
{0}
시범도시 시행계획 전체가 들어 있고, 백업은 같은 폴더에 보관됩니다.</translation>
    </message>
    <message>
        <source>Who keeps this desk? (used in exchanges and reports)</source>
        <translation>이 PC의 담당 기관과 담당자 (실적 취합과 보고서에 쓰입니다)</translation>
    </message>
    <message>
        <source>Open the sample briefing (PDF)</source>
        <translation>예시 보고서(PDF) 열기</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(선택)</translation>
    </message>
    <message>
        <source>e.g. Deputy Director</source>
        <translation>예: 사무관</translation>
    </message>
    <message>
        <source>Member desk (sends its returns)</source>
        <translation>참여 기관 (실적 제출)</translation>
    </message>
    <message>
        <source>Coordinating desk (collects the returns)</source>
        <translation>총괄 기관 (실적 취합)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>기관</translation>
    </message>
    <message>
        <source>Officer name</source>
        <translation>담당자 이름</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>직위</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Writing the sample briefing…</source>
        <translation>예시 보고서를 만드는 중…</translation>
    </message>
    <message>
        <source>Sample briefing</source>
        <translation>예시 보고서</translation>
    </message>
    <message>
        <source>Opened: {0}</source>
        <translation>열었습니다: {0}</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>저장했습니다: {0}</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No task matches the filter.</source>
        <translation>필터에 맞는 작업이 없습니다.</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>필터 해제</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>All ministries</source>
        <translation>전체 부처</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>부처</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>저장할 파일을 지정하십시오.</translation>
    </message>
</context>
<context>
    <name>InteropActions</name>
    <message>
        <source>Import {0}</source>
        <translation>가져오기 {0}</translation>
    </message>
    <message>
        <source>All supported (*.xml *.xlsx *.csv *.txt *.ics *.json *.mpp *.gan);;MS Project XML (*.xml);;Excel (*.xlsx);;CSV (*.csv *.txt);;iCalendar (*.ics);;Backup (*.json);;MS Project (*.mpp);;GanttProject (*.gan)</source>
        <translation>지원하는 모든 파일 (*.xml *.xlsx *.csv *.txt *.ics *.json *.mpp *.gan);;MS Project XML (*.xml);;Excel (*.xlsx);;CSV (*.csv *.txt);;iCalendar (*.ics);;백업 (*.json);;MS Project (*.mpp);;GanttProject (*.gan)</translation>
    </message>
    <message>
        <source>Full backup (.json)</source>
        <translation>전체 백업 (.json)</translation>
    </message>
    <message>
        <source>Gantt chart image (.png)</source>
        <translation>간트 차트 그림 (.png)</translation>
    </message>
    <message>
        <source>Gantt chart image (.svg)</source>
        <translation>간트 차트 그림 (.svg)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>파일을 읽는 중…</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>새 데이터베이스</translation>
    </message>
    <message>
        <source>Databases (*.db)</source>
        <translation>데이터베이스 (*.db)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <source>Imported: {0}</source>
        <translation>가져왔습니다: {0}</translation>
    </message>
    <message>
        <source>Created {0}. Open it with File &gt; Open.</source>
        <translation>{0} 파일을 만들었습니다. 파일 &gt; 데이터베이스 열기로 여십시오.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>The Gantt chart is not shown.</source>
        <translation>간트 차트가 표시되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>저장했습니다: {0}</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>쓰는 중…</translation>
    </message>
    <message>
        <source>Saved {0} ({1} items)</source>
        <translation>저장했습니다: {0} ({1}건)</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Checklist item</source>
        <translation>체크리스트 항목</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>비고</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{0}: start no earlier than {1} (constraint added; remove it in the task dialog)</source>
        <translation>{0}: {1} 이후 시작 제한을 추가했습니다 (작업 대화상자에서 없앨 수 있습니다)</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>화면</translation>
    </message>
    <message>
        <source>Some views could not be opened; see the log.</source>
        <translation>일부 화면을 열지 못했습니다. 로그를 확인하십시오.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>사업(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>보고서(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation>최근 데이터베이스</translation>
    </message>
    <message>
        <source>Timescale</source>
        <translation>시간 눈금</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>기준 계획</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>새 데이터베이스(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>데이터베이스 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Insert task</source>
        <translation>작업 삽입(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Delete task</source>
        <translation>작업 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Task de&amp;tails…</source>
        <translation>작업 상세(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경 설정(&amp;P)…</translation>
    </message>
    <message>
        <source>Des&amp;k settings…</source>
        <translation>업무 담당 설정(&amp;K)…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit whole project</source>
        <translation>전체 일정 맞춤(&amp;F)</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>모두 펼치기</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>모두 접기</translation>
    </message>
    <message>
        <source>&amp;Critical tasks only</source>
        <translation>주공정 작업만(&amp;C)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>필터 해제</translation>
    </message>
    <message>
        <source>Save &amp;baseline…</source>
        <translation>기준 계획 저장(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Status date…</source>
        <translation>기준일(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Calendar exceptions…</source>
        <translation>달력 예외일(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>보고서(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>정보(&amp;A)</translation>
    </message>
    <message>
        <source>Year / month</source>
        <translation>연 / 월</translation>
    </message>
    <message>
        <source>Month / week</source>
        <translation>월 / 주</translation>
    </message>
    <message>
        <source>Week / day</source>
        <translation>주 / 일</translation>
    </message>
    <message>
        <source>Year / quarter</source>
        <translation>연 / 분기</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>실행 취소 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>다시 실행 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <source>Gantt</source>
        <translation>간트</translation>
    </message>
    <message>
        <source>{0} of {1} tasks shown · {2} critical</source>
        <translation>작업 {1}개 중 {0}개 표시 · 주공정 {2}개</translation>
    </message>
    <message>
        <source>schedule not computed: {0}</source>
        <translation>일정 계산 안 됨: {0}</translation>
    </message>
    <message>
        <source>Status date: {0}</source>
        <translation>기준일: {0}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>미설정</translation>
    </message>
    <message>
        <source>Insert task</source>
        <translation>작업 삽입</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>데이터베이스 열기</translation>
    </message>
    <message>
        <source>Databases (*.db *.sqlite);;All files (*)</source>
        <translation>데이터베이스 (*.db *.sqlite);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>새 데이터베이스</translation>
    </message>
    <message>
        <source>Databases (*.db)</source>
        <translation>데이터베이스 (*.db)</translation>
    </message>
    <message>
        <source>{0} already exists; choose a new file name.</source>
        <translation>{0} 파일이 이미 있습니다. 새 파일 이름을 지정하십시오.</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>사용할 수 없음</translation>
    </message>
    <message>
        <source>Import and export are not installed in this build; use `python main.py export/import` instead.</source>
        <translation>이 빌드에는 가져오기·내보내기가 설치되어 있지 않습니다. 대신 `python main.py export/import` 명령을 사용하십시오.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>보고서</translation>
    </message>
    <message>
        <source>The report dialog is not installed in this build; use `python main.py report` instead.</source>
        <translation>이 빌드에는 보고서 화면이 설치되어 있지 않습니다. 대신 `python main.py report` 명령을 사용하십시오.</translation>
    </message>
    <message>
        <source>Baseline as of {0}</source>
        <translation>{0} 기준선</translation>
    </message>
    <message>
        <source>Save baseline</source>
        <translation>기준 계획 저장</translation>
    </message>
    <message>
        <source>Baseline name:</source>
        <translation>기준 계획 이름:</translation>
    </message>
    <message>
        <source>Save baseline {0}</source>
        <translation>기준 계획 {0} 저장</translation>
    </message>
    <message>
        <source>Move {0} to {1}</source>
        <translation>{0}을(를) {1}(으)로 이동</translation>
    </message>
    <message>
        <source>Change finish of {0} to {1}</source>
        <translation>{0} 종료일을 {1}(으)로 변경</translation>
    </message>
    <message>
        <source>Link {0} → {1}</source>
        <translation>선후행 연결 {0} → {1}</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Match the columns</source>
        <translation>열 대응</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(파일에 없음)</translation>
    </message>
    <message>
        <source>The task name column is required.</source>
        <translation>작업명 열은 반드시 지정해야 합니다.</translation>
    </message>
    <message>
        <source>Choose the task name column.</source>
        <translation>작업명 열을 지정하십시오.</translation>
    </message>
</context>
<context>
    <name>Officer</name>
    <message>
        <source>{0} (set your name in Preferences)</source>
        <translation>{0} (환경설정에서 이름을 입력하십시오)</translation>
    </message>
    <message>
        <source>the status date</source>
        <translation>기준일</translation>
    </message>
    <message>
        <source>today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Ticks are recorded as {0} on {1} ({2})</source>
        <translation>체크는 {0}, {1}({2}) 날짜로 기록됩니다 (기준일이 지났으면 기준일, 아니면 오늘)</translation>
    </message>
</context>
<context>
    <name>OrgComboDelegate</name>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
</context>
<context>
    <name>OutlineActions</name>
    <message>
        <source>Insert &amp;sub-task</source>
        <translation>하위 작업 삽입(&amp;S)</translation>
    </message>
    <message>
        <source>Indent</source>
        <translation>들여쓰기</translation>
    </message>
    <message>
        <source>Outdent</source>
        <translation>내어쓰기</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>위로 이동(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>아래로 이동(&amp;W)</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>다음 찾기(&amp;N)</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>이전 찾기(&amp;V)</translation>
    </message>
    <message>
        <source>Scroll to &amp;task</source>
        <translation>작업으로 이동(&amp;T)</translation>
    </message>
    <message>
        <source>Edit refused</source>
        <translation>변경할 수 없습니다</translation>
    </message>
    <message>
        <source>Indent {0}</source>
        <translation>{0} 들여쓰기</translation>
    </message>
    <message>
        <source>Outdent {0}</source>
        <translation>{0} 내어쓰기</translation>
    </message>
    <message>
        <source>Move {0} up</source>
        <translation>{0} 위로 이동</translation>
    </message>
    <message>
        <source>Move {0} down</source>
        <translation>{0} 아래로 이동</translation>
    </message>
    <message>
        <source>Move {0} to {1}</source>
        <translation>{0}을(를) {1}(으)로 이동</translation>
    </message>
    <message>
        <source>Insert sub-task under {0}</source>
        <translation>{0} 아래에 하위 작업 삽입</translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation>{0} 삭제</translation>
    </message>
    <message>
        <source>Delete {0}?

This removes {1} task(s) with their sub-tasks, {2} link(s) and {3} checklist item(s). Undo (Ctrl+Z) brings them back.</source>
        <translation>{0}을(를) 삭제하시겠습니까?

하위 작업을 포함해 작업 {1}개, 연결 {2}개, 점검 항목 {3}개가 함께 삭제됩니다. 실행 취소(Ctrl+Z)로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Delete tasks</source>
        <translation>작업 삭제</translation>
    </message>
    <message>
        <source>No task matches “{0}”</source>
        <translation>“{0}”와(과) 일치하는 작업이 없습니다</translation>
    </message>
</context>
<context>
    <name>PlanDateEdit</name>
    <message>
        <source>e.g. 2019-03-15, 2019-H1, 2019년 1월 초</source>
        <translation>예: 2019-03-15, 2019년 상반기, 2019년 1월 초</translation>
    </message>
    <message>
        <source>Pick a day</source>
        <translation>날짜 선택</translation>
    </message>
    <message>
        <source>a date is required</source>
        <translation>날짜를 입력하십시오</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경 설정</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>recorded on ticks and sign-offs</source>
        <translation>체크·승인 기록에 남는 이름</translation>
    </message>
    <message>
        <source>e.g. 사무관</source>
        <translation>예: 사무관</translation>
    </message>
    <message>
        <source>Renumber WBS codes when tasks are indented, outdented or moved</source>
        <translation>들여쓰기·내어쓰기·이동 시 WBS 번호를 다시 매김</translation>
    </message>
    <message>
        <source>Scroll the chart to the selected task</source>
        <translation>선택한 작업으로 차트 이동</translation>
    </message>
    <message>
        <source>Leave personal names and phone numbers out of reports</source>
        <translation>보고서에서 개인 이름과 전화번호 제외</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>My name</source>
        <translation>내 이름</translation>
    </message>
    <message>
        <source>My position</source>
        <translation>내 직위</translation>
    </message>
    <message>
        <source>My ministry</source>
        <translation>소속 부처</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>기준일</translation>
    </message>
    <message>
        <source>status date: needs an exact day (YYYY-MM-DD)</source>
        <translation>기준일: 정확한 날짜(YYYY-MM-DD)가 필요합니다</translation>
    </message>
    <message>
        <source>Set status date {0}</source>
        <translation>기준일 {0}(으)로 설정</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Import preview</source>
        <translation>가져오기 미리 보기</translation>
    </message>
    <message>
        <source>WBS</source>
        <translation>WBS</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>작업명</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>문제가 없습니다.</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>발견된 문제</translation>
    </message>
    <message>
        <source>Into the current project (under a new summary task)</source>
        <translation>현재 사업에 추가 (새 요약 작업 아래)</translation>
    </message>
    <message>
        <source>Into the current project (update matching items)</source>
        <translation>현재 사업에 반영 (일치하는 항목 갱신)</translation>
    </message>
    <message>
        <source>As a new project in this database</source>
        <translation>이 데이터베이스에 새 사업으로 추가</translation>
    </message>
    <message>
        <source>Into a new database file…</source>
        <translation>새 데이터베이스 파일로…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <source>&amp;Print</source>
        <translation>인쇄(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Briefing…</source>
        <translation>보고서(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Gantt chart (A4 landscape)…</source>
        <translation>간트 차트 (A4 가로)(&amp;G)…</translation>
    </message>
    <message>
        <source>Preparing the print preview</source>
        <translation>인쇄 미리보기 준비 중</translation>
    </message>
    <message>
        <source>Print preview: Gantt chart</source>
        <translation>인쇄 미리보기: 간트 차트</translation>
    </message>
    <message>
        <source>Print preview: briefing</source>
        <translation>인쇄 미리보기: 보고서</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>인쇄</translation>
    </message>
</context>
<context>
    <name>ProvisionsView</name>
    <message>
        <source>Group</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Provision</source>
        <translation>특례</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>허용 내용</translation>
    </message>
    <message>
        <source>Related law</source>
        <translation>관련 법률</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Stage date</source>
        <translation>단계 일자</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>일자</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Regulation</source>
        <translation>규제 특례</translation>
    </message>
    <message>
        <source>Stage change...</source>
        <translation>단계 변경...</translation>
    </message>
    <message>
        <source>{0} special provisions: {1}</source>
        <translation>스마트도시법 규제 특례 {0}건: {1}</translation>
    </message>
    <message>
        <source>Provision stage change</source>
        <translation>규제 특례 단계 변경</translation>
    </message>
    <message>
        <source>Invalid input</source>
        <translation>입력 오류</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>PDF (print)</source>
        <translation>PDF (인쇄용)</translation>
    </message>
    <message>
        <source>DOCX (editable in Word or Hangul)</source>
        <translation>DOCX (워드·한글에서 편집)</translation>
    </message>
    <message>
        <source>Detailed version (tiled Gantt, contacts, annex)</source>
        <translation>상세판 (분할 간트, 연락처, 참고 포함)</translation>
    </message>
    <message>
        <source>Open the file when it is ready</source>
        <translation>완성되면 파일 열기</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Word files (*.docx)</source>
        <translation>Word 파일 (*.docx)</translation>
    </message>
    <message>
        <source>Choose where to save the briefing.</source>
        <translation>보고서를 저장할 위치를 고르십시오.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>보고서</translation>
    </message>
    <message>
        <source>Latest baseline</source>
        <translation>최근 기준 계획</translation>
    </message>
    <message>
        <source>No baseline saved</source>
        <translation>저장된 기준 계획 없음</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Fit the Gantt chart to this many pages across</source>
        <translation>간트 차트를 가로 이 쪽수에 맞춤</translation>
    </message>
    <message>
        <source>Leave personal names and phone numbers out</source>
        <translation>개인 성명·전화번호 제외</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>보고서 종류</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>부처</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>기준일</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>기준 계획</translation>
    </message>
    <message>
        <source>Gantt pages wide</source>
        <translation>간트 가로 쪽수</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>저장 위치</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Save briefing as</source>
        <translation>보고서 저장</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 파일 (*.pdf)</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>생성하는 중…</translation>
    </message>
    <message>
        <source>Generating briefing</source>
        <translation>보고서 생성</translation>
    </message>
    <message>
        <source>Saved and opened: {0}</source>
        <translation>저장하고 열었습니다: {0}</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>저장했습니다: {0}</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>취소했습니다. 아무것도 저장하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>SignoffDialog</name>
    <message>
        <source>Sign-off</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>승인자 성명</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>직위</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>승인일</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>Stage change</source>
        <translation>추진 단계 변경</translation>
    </message>
    <message>
        <source>Provision</source>
        <translation>특례</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>일자</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
</context>
<context>
    <name>StatusDateDialog</name>
    <message>
        <source>Status date</source>
        <translation>기준일</translation>
    </message>
    <message>
        <source>status date</source>
        <translation>기준일</translation>
    </message>
    <message>
        <source>Set status date {0}</source>
        <translation>기준일 {0}(으)로 설정</translation>
    </message>
</context>
<context>
    <name>StatusUpdateDialog</name>
    <message>
        <source>Status update</source>
        <translation>추진 현황 보고</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>과제</translation>
    </message>
    <message>
        <source>Reporting date</source>
        <translation>보고 기준일</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>상태(RAG)</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>추진 내용</translation>
    </message>
</context>
<context>
    <name>TableMenus</name>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy whole table</source>
        <translation>표 전체 복사</translation>
    </message>
    <message>
        <source>Untick</source>
        <translation>체크 해제</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>체크</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Note: the constraint &apos;start no earlier than {0}&apos; overrides the start typed here; choose &apos;As soon as possible&apos; to remove it</source>
        <translation>참고: &apos;{0} 이후 시작&apos; 제한 때문에 여기 입력한 시작일은 적용되지 않습니다. 없애려면 &apos;가능한 빨리&apos;를 고르십시오</translation>
    </message>
    <message>
        <source>Note: the constraint on {0} overrides the finish typed here; choose &apos;As soon as possible&apos; to remove it</source>
        <translation>참고: {0} 제한 때문에 여기 입력한 종료일은 적용되지 않습니다. 없애려면 &apos;가능한 빨리&apos;를 고르십시오</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>녹색(정상)</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>황색(주의)</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>적색(위험)</translation>
    </message>
    <message>
        <source>Task {0}</source>
        <translation>작업 {0}</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>Predecessors</source>
        <translation>선행 작업</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>체크리스트</translation>
    </message>
    <message>
        <source>Status updates</source>
        <translation>추진 현황</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(최상위)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약 작업</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>주요 일정(마일스톤)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Moves the task (with its sub-tasks) to the end of the chosen summary; the WBS code stays as above</source>
        <translation>작업을 (하위 작업과 함께) 선택한 요약 작업의 맨 끝으로 옮깁니다. WBS 번호는 위에 적힌 대로 둡니다</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 작업일</translation>
    </message>
    <message>
        <source>from the checklist</source>
        <translation>체크리스트로 계산</translation>
    </message>
    <message>
        <source>Computed from the checklist items</source>
        <translation>점검 항목에서 계산됩니다</translation>
    </message>
    <message>
        <source>As soon as possible</source>
        <translation>가능한 빨리</translation>
    </message>
    <message>
        <source>Start no earlier than</source>
        <translation>이 날짜 이후 시작</translation>
    </message>
    <message>
        <source>Finish no later than</source>
        <translation>이 날짜까지 종료</translation>
    </message>
    <message>
        <source>Must finish on</source>
        <translation>이 날짜에 종료</translation>
    </message>
    <message>
        <source>needs a sign-off before it is done</source>
        <translation>완료 전 승인 필요</translation>
    </message>
    <message>
        <source>Organisation codes, separated by commas</source>
        <translation>기관 코드 (쉼표로 구분)</translation>
    </message>
    <message>
        <source>WBS</source>
        <translation>WBS</translation>
    </message>
    <message>
        <source>Name (Korean)</source>
        <translation>작업명 (국문)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>작업명 (영문)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>상위 작업</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>주관 기관</translation>
    </message>
    <message>
        <source>Supporting</source>
        <translation>협조 기관</translation>
    </message>
    <message>
        <source>City</source>
        <translation>도시</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>% done</source>
        <translation>진척률</translation>
    </message>
    <message>
        <source>Constraint</source>
        <translation>제약 조건</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>실제 시작일</translation>
    </message>
    <message>
        <source>Actual finish</source>
        <translation>실제 종료일</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Predecessor</source>
        <translation>선행 작업</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Lag (working days)</source>
        <translation>지연 (작업일)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>보고 기준일</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>상태 등급</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>New status update</source>
        <translation>새 추진 현황</translation>
    </message>
    <message>
        <source>wbs: {0} is already used</source>
        <translation>WBS: {0}은(는) 이미 사용 중입니다</translation>
    </message>
    <message>
        <source>predecessors: a task is listed twice</source>
        <translation>선행 작업: 같은 작업이 두 번 있습니다</translation>
    </message>
    <message>
        <source>Edit task {0}</source>
        <translation>작업 {0} 편집</translation>
    </message>
</context>
<context>
    <name>TaskTreeModel</name>
    <message>
        <source>WBS</source>
        <translation>WBS</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>작업명</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>주관 기관</translation>
    </message>
    <message>
        <source>City</source>
        <translation>도시</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>% done</source>
        <translation>진척률</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>여유</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>주의</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>미착수</translation>
    </message>
    <message>
        <source>{0} d</source>
        <extracomment>the declared fields (domain/task_fields) follow the built-in columns</extracomment>
        <translation>{0}일</translation>
    </message>
    <message>
        <source>Planned: {0}</source>
        <translation>계획: {0}</translation>
    </message>
    <message>
        <source>Scheduled: {0}</source>
        <translation>일정 계산: {0}</translation>
    </message>
    <message>
        <source>Supporting: {0}</source>
        <translation>지원: {0}</translation>
    </message>
    <message>
        <source>Edit refused</source>
        <translation>변경할 수 없습니다</translation>
    </message>
    <message>
        <source>Edit {0} of {1}</source>
        <translation>{1}의 {0} 변경</translation>
    </message>
    <message>
        <source>wbs: {0} is already used by another task</source>
        <translation>WBS: {0}은(는) 다른 작업이 사용 중입니다</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>부처</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>주공정만</translation>
    </message>
    <message>
        <source>incl. supporting</source>
        <translation>지원 부처 포함</translation>
    </message>
    <message>
        <source>Also show the tasks the ministry supports but does not own</source>
        <translation>주관하지 않고 지원만 하는 작업도 표시</translation>
    </message>
    <message>
        <source>Search WBS, name, notes (Ctrl+F)</source>
        <translation>WBS·작업명·메모 검색 (Ctrl+F)</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(전체)</translation>
    </message>
</context>
<context>
    <name>ViewLabels</name>
    <message>
        <source>Red</source>
        <translation>적색(위험)</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>황색(주의)</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>녹색(정상)</translation>
    </message>
    <message>
        <source>Bill proposed</source>
        <translation>법안 발의</translation>
    </message>
    <message>
        <source>In committee</source>
        <translation>상임위 심사</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>국회 통과</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>시행</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Edit refused</source>
        <translation>변경할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>{0}

This file was saved by a newer version of the application. Install the newer version to open it; the file was not changed.</source>
        <translation>{0}

이 파일은 더 새로운 버전의 프로그램으로 저장되었습니다. 새 버전을 설치한 뒤 여십시오. 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>{0}

The newest good backup is:
{1}

Close the application, copy the backup over the damaged file (keep a copy of the damaged one), and open it again.</source>
        <translation>{0}

가장 최근의 정상 백업:
{1}

프로그램을 닫고, 손상된 파일을 따로 보관한 뒤 백업을 그 자리에 복사하여 다시 여십시오.</translation>
    </message>
    <message>
        <source>{0}

No good backup was found. The file was not changed.</source>
        <translation>{0}

정상 백업을 찾지 못했습니다. 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>{0}

The file was not changed.</source>
        <translation>{0}

파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>데이터베이스를 열 수 없습니다</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Replaying {0}…</source>
        <translation>실행 취소·다시 실행 중: {0}…</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>그사이 변경됨</translation>
    </message>
    <message>
        <source>Reload (keep stored values)</source>
        <translation>다시 읽기 (저장된 값 유지)</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>내 값으로 덮어쓰기</translation>
    </message>
    <message>
        <source>Edit refused</source>
        <translation>변경할 수 없습니다</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_GB">
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
    <name>CityComboDelegate</name>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>Task &amp;details…</source>
        <translation>작업 상세(&amp;D)…</translation>
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
        <source>Delete {0}</source>
        <translation>{0} 삭제</translation>
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
        <source>About</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;Smart-city pilot programme tracker&lt;/b&gt; {0}&lt;br&gt;National smart-city pilot cities (Sejong 5-1, Busan Eco Delta City) implementation plan, December 2018.&lt;br&gt;Qt {1}. Font: Nanum Gothic (SIL Open Font License).</source>
        <translation>&lt;b&gt;스마트시티 국가 시범도시 추진 관리&lt;/b&gt; {0}&lt;br&gt;국가 시범도시(세종 5-1 생활권, 부산 에코델타시티) 시행계획, 2018년 12월.&lt;br&gt;Qt {1}. 글꼴: 나눔고딕 (SIL Open Font License).</translation>
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
    <name>OrgComboDelegate</name>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
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
        <source>Leave personal names and phone numbers out of reports</source>
        <translation>보고서에서 개인 이름과 전화번호 제외</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
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
    <name>TaskDialog</name>
    <message>
        <source>Green</source>
        <translation>정상(녹색)</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>주의(황색)</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>위험(적색)</translation>
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
        <source> working days</source>
        <translation> 작업일</translation>
    </message>
    <message>
        <source>from the checklist</source>
        <translation>체크리스트로 계산</translation>
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
        <source>Search WBS, name, notes (Ctrl+F)</source>
        <translation>WBS·작업명·메모 검색 (Ctrl+F)</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(전체)</translation>
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
        <source>Edit refused</source>
        <translation>변경할 수 없습니다</translation>
    </message>
    <message>
        <source>a summary task follows its sub-tasks and cannot be moved</source>
        <translation>요약 작업은 하위 작업에 따라 정해지므로 옮길 수 없습니다</translation>
    </message>
    <message>
        <source>only a task bar can be lengthened or shortened</source>
        <translation>일반 작업만 기간을 늘리거나 줄일 수 있습니다</translation>
    </message>
    <message>
        <source>finish: {0} is before the start {1}</source>
        <translation>종료일: {0}이(가) 시작일 {1}보다 이릅니다</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>새 작업</translation>
    </message>
    <message>
        <source>{0} already follows {1}</source>
        <translation>{0}은(는) 이미 {1}의 후행 작업입니다</translation>
    </message>
    <message>
        <source>baseline: a baseline needs a name</source>
        <translation>기준 계획: 이름을 입력하십시오</translation>
    </message>
    <message>
        <source>baseline: '{0}' already exists</source>
        <translation>기준 계획: '{0}'이(가) 이미 있습니다</translation>
    </message>
</context>
</TS>

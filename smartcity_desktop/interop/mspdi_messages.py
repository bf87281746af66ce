"""The MS Project XML reader's messages (ko/en): refusals and the preview's problems.

Kept beside :mod:`.mspdi_import` and :mod:`.mspdi_calendar` (both use them) so the
reader stays under the file-size rule; each id names the reader (``mspdi.``).
"""

from __future__ import annotations

from ..messages import register

register({
    # -- refusals: the file cannot be imported ----------------------------------------------
    "mspdi.not_mspdi": ("MS Project XML 파일이 아닙니다 (최상위 요소가 <{tag}>이며 <Project>여야 "
                        "합니다)",
                        "not an MS Project XML file (the root element is <{tag}>, expected "
                        "<Project>)"),
    "mspdi.not_whole": ("'{text}'은(는) 정수가 아닙니다", "'{text}' is not a whole number"),
    "mspdi.out_of_range": ("{value}은(는) 허용 범위({lo}..{hi})를 벗어납니다",
                           "{value} is out of range ({lo}..{hi})"),
    "mspdi.not_bool": ("'{text}'은(는) 0/1 또는 true/false가 아닙니다",
                       "'{text}' is not 0/1 or true/false"),
    "mspdi.not_datetime": ("'{text}'은(는) 올바른 날짜와 시각이 아닙니다 (YYYY-MM-DDTHH:MM:SS)",
                           "'{text}' is not a possible date and time (YYYY-MM-DDTHH:MM:SS)"),
    "mspdi.year_range": ("{year}년은 허용 범위(1900-2999)를 벗어납니다",
                         "year {year} is out of range (1900-2999)"),
    "mspdi.not_duration": ("'{text}'은(는) 기간 형식이 아닙니다 (PT…H…M…S)",
                           "'{text}' is not a duration (PT…H…M…S)"),
    "mspdi.negative_duration": ("음수 기간 '{text}'", "negative duration '{text}'"),
    "mspdi.long_duration": ("기간 '{text}'이(가) 비현실적으로 깁니다",
                            "duration '{text}' is implausibly long"),
    "mspdi.bad_exception_range": ("{first}부터 {last}까지의 예외는 사용할 수 있는 기간이 "
                                  "아닙니다",
                                  "an exception from {first} to {last} is not a usable range"),
    "mspdi.too_many_resources": ("리소스가 {limit}개를 넘습니다: 기관은 최대 {limit}개까지 가져올 "
                                 "수 있습니다",
                                 "more than {limit} resources; at most {limit} organisations "
                                 "can be imported"),
    "mspdi.no_uid": ("<UID>가 없는 작업이 있습니다", "a task has no <UID>"),
    "mspdi.bad_plan_date": ("{what}: {detail}", "{what}: {detail}"),
    "mspdi.unknown_kind": ("알 수 없는 작업 종류 '{kind}'", "unknown task kind '{kind}'"),
    "mspdi.unknown_constraint": ("알 수 없는 제약 '{code}'", "unknown constraint '{code}'"),
    "mspdi.invalid_task": ("작업 {key} ({name}): {detail}", "task {key} ({name}): {detail}"),
    "mspdi.link_no_pred": ("<PredecessorUID>가 없는 연결이 있습니다",
                           "a link has no <PredecessorUID>"),
    "mspdi.unknown_link_type": ("알 수 없는 연결 유형 {code} (0=FF, 1=FS, 2=SF, 3=SS)",
                                "unknown link type {code} (0=FF, 1=FS, 2=SF, 3=SS)"),
    "mspdi.unknown_lag_format": ("알 수 없는 지연 단위 {fmt}", "unknown lag format {fmt}"),
    # -- problems: imported, with a change the user should know of ------------------------
    "mspdi.no_namespace": ("파일에 MSPDI 네임스페이스가 없어 MS Project XML로 간주하여 읽었습니다",
                           "the file has no MSPDI namespace; read as MS Project XML anyway"),
    "mspdi.recurring_dropped": ("반복 달력 예외 '{name}'(유형 {kind})은(는) 가져오지 않았습니다",
                                "a recurring calendar exception '{name}' (type {kind}) was not "
                                "imported"),
    "mspdi.recurring_no_day": ("반복 달력 예외 '{name}'(유형 {kind})에 해당하는 날이 없어 "
                               "가져오지 않았습니다",
                               "a recurring calendar exception '{name}' (type {kind}) names no "
                               "day and was not imported"),
    "mspdi.no_working_weekday": ("파일의 달력에 근무 요일이 없어 월-금을 근무일로 사용했습니다",
                                 "the file's calendar has no working weekday; Monday-Friday was "
                                 "used"),
    "mspdi.resources_capped": ("작업 {task}: 리소스가 {limit}개를 넘게 배정되어 처음 {limit}개만 "
                               "가져왔습니다",
                               "task {task}: more than {limit} resources assigned; the first "
                               "{limit} are kept"),
    "mspdi.level_skipped": ("작업 {uid}: 개요 수준 {level}이(가) 한 단계를 건너뛰어 작업 "
                            "{parent} 아래에 두었습니다",
                            "task {uid}: outline level {level} skips a level; placed under task "
                            "{parent}"),
    "mspdi.wbs_remade": ("WBS 코드가 없거나 중복되어 개요 순서로 새 코드를 만들었습니다",
                         "WBS codes were missing or repeated; new codes were made from the "
                         "outline"),
    "mspdi.date_moved": ("작업 {uid}: 다른 도구에서 {what}이(가) {day}(으)로 옮겨져 "
                         "{label_ko} 대신 그 날로 가져왔습니다",
                         "task {uid}: {what} was moved to {day} in the other tool; imported as "
                         "that day instead of {label_en}"),
    "mspdi.no_name": ("작업 {key}에 이름이 없어 '{name}'(으)로 정했습니다",
                      "task {key} has no name; named '{name}'"),
    "mspdi.name_cut": ("작업 {key}: 이름을 {limit}자로 줄였습니다",
                       "task {key}: the name was cut to {limit} characters"),
    "mspdi.milestone_duration": ("작업 {key}은(는) 기간이 있는 이정표여서 기간 0으로 가져왔습니다",
                                 "task {key} is a milestone with a duration; imported with zero "
                                 "duration"),
    "mspdi.part_day_kept": ("작업 {key}: 기간 {hours}을(를) 그대로 보존하고 일정은 근무일 "
                            "{days}일에 배치했습니다",
                            "task {key}: duration {hours} is kept and scheduled on {days} "
                            "working day(s)"),
    "mspdi.must_start_on": ("작업 {key}: '지정일 시작' 제약을 '지정일 이후 시작'으로 가져왔습니다",
                            "task {key}: 'must start on' imported as 'start no earlier than'"),
    "mspdi.constraint_dropped": ("작업 {key}: 제약 유형 {code}은(는) 지원하지 않아 제외했습니다",
                                 "task {key}: constraint type {code} is not supported and was "
                                 "dropped"),
    "mspdi.cross_project_link": ("작업 {succ}: 다른 프로젝트로의 연결을 제외했습니다",
                                 "task {succ}: a link to another project was skipped"),
    "mspdi.link_to_skipped": ("작업 {succ}: 프로젝트 요약 작업 또는 빈 작업({pred})으로의 연결을 "
                              "제외했습니다",
                              "task {succ}: a link to the project summary or an empty task "
                              "({pred}) was skipped"),
    "mspdi.elapsed_lag": ("작업 {succ}: 경과 시간 지연을 근무일 {days}일로 바꾸었습니다",
                          "task {succ}: an elapsed-time lag was converted to {days} working "
                          "days"),
    "mspdi.percent_lag": ("작업 {succ}: {lag}% 지연을 근무일 {days}일로 바꾸었습니다",
                          "task {succ}: a {lag}% lag was converted to {days} working days"),
    "mspdi.lag_rounded": ("작업 {succ}: 근무일 {days:.2f}일의 지연을 {whole}일로 반올림했습니다",
                          "task {succ}: a lag of {days:.2f} working days was rounded to "
                          "{whole}"),
    "mspdi.what.start": ("시작일", "start"),
    "mspdi.what.finish": ("종료일", "finish"),
})

-- Facts at the source's precision and marked planning assumptions (issue 12).
-- actual_*_written: the actual date as the source wrote it ("2018-07" stays a month);
-- actual_start / actual_finish keep the exact day the schedule uses.
ALTER TABLE tasks ADD COLUMN actual_start_written TEXT;
ALTER TABLE tasks ADD COLUMN actual_finish_written TEXT;
-- 1 = the source gives no date for this task: its dates are a planning assumption.
ALTER TABLE tasks ADD COLUMN date_assumed INTEGER NOT NULL DEFAULT 0;
-- A budget or investment row's period is year .. year_to (NULL = the one year).
ALTER TABLE budget_lines ADD COLUMN year_to INTEGER;
-- 1 = the source names no owner for the row: org_id is a planning assumption.
ALTER TABLE budget_lines ADD COLUMN org_assumed INTEGER NOT NULL DEFAULT 0;
-- A project's own working calendar (an imported plan keeps the one it came with):
-- work_week = Monday..Sunday as 1 (working) / 0; korean_holidays = 1 adds Korean public
-- holidays (the default for new plans); working_times = the working hours of a day.
ALTER TABLE projects ADD COLUMN work_week TEXT NOT NULL DEFAULT '1111100';
ALTER TABLE projects ADD COLUMN korean_holidays INTEGER NOT NULL DEFAULT 1;
ALTER TABLE projects ADD COLUMN working_times TEXT NOT NULL DEFAULT '09:00-12:00,13:00-18:00';

-- Durations keep hours (issue 12): the exact working time in minutes an imported file gives
-- when it is not whole days (PT1H0M0S = 60); NULL = duration_days whole days. duration_days
-- stays the working days the schedule places the work on (a part day takes its day).
ALTER TABLE tasks ADD COLUMN duration_minutes INTEGER CHECK (duration_minutes >= 0);

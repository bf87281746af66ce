-- The officer in charge of a task (name, and a phone number if the desk writes one).
-- Declared with its label and places in smartcity_desktop/domain/task_fields.py.
ALTER TABLE tasks ADD COLUMN responsible TEXT NOT NULL DEFAULT '';

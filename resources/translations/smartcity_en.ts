<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Calendar exceptions</source>
        <translation>Calendar exceptions</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>working day</translation>
    </message>
    <message>
        <source>e.g. temporary public holiday</source>
        <translation>e.g. temporary public holiday</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>day</source>
        <translation>day</translation>
    </message>
    <message>
        <source>Calendar exception {0}</source>
        <translation>Calendar exception {0}</translation>
    </message>
    <message>
        <source>Remove calendar exception</source>
        <translation>Remove calendar exception</translation>
    </message>
</context>
<context>
    <name>CityComboDelegate</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>Some views could not be opened; see the log.</source>
        <translation>Some views could not be opened; see the log.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation>Recent databases</translation>
    </message>
    <message>
        <source>Timescale</source>
        <translation>Timescale</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;New database…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Insert task</source>
        <translation>&amp;Insert task</translation>
    </message>
    <message>
        <source>&amp;Delete task</source>
        <translation>&amp;Delete task</translation>
    </message>
    <message>
        <source>Task &amp;details…</source>
        <translation>Task &amp;details…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>&amp;Fit whole project</source>
        <translation>&amp;Fit whole project</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Expand all</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Collapse all</translation>
    </message>
    <message>
        <source>&amp;Critical tasks only</source>
        <translation>&amp;Critical tasks only</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Save &amp;baseline…</source>
        <translation>Save &amp;baseline…</translation>
    </message>
    <message>
        <source>&amp;Status date…</source>
        <translation>&amp;Status date…</translation>
    </message>
    <message>
        <source>&amp;Calendar exceptions…</source>
        <translation>&amp;Calendar exceptions…</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Reports…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>Year / month</source>
        <translation>Year / month</translation>
    </message>
    <message>
        <source>Month / week</source>
        <translation>Month / week</translation>
    </message>
    <message>
        <source>Week / day</source>
        <translation>Week / day</translation>
    </message>
    <message>
        <source>Year / quarter</source>
        <translation>Year / quarter</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Redo (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>Gantt</source>
        <translation>Gantt</translation>
    </message>
    <message>
        <source>{0} of {1} tasks shown · {2} critical</source>
        <translation>{0} of {1} tasks shown · {2} critical</translation>
    </message>
    <message>
        <source>schedule not computed: {0}</source>
        <translation>schedule not computed: {0}</translation>
    </message>
    <message>
        <source>Status date: {0}</source>
        <translation>Status date: {0}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Insert task</source>
        <translation>Insert task</translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation>Delete {0}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>Databases (*.db *.sqlite);;All files (*)</source>
        <translation>Databases (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>New database</translation>
    </message>
    <message>
        <source>Databases (*.db)</source>
        <translation>Databases (*.db)</translation>
    </message>
    <message>
        <source>{0} already exists; choose a new file name.</source>
        <translation>{0} already exists; choose a new file name.</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Not available</translation>
    </message>
    <message>
        <source>Import and export are not installed in this build; use `python main.py export/import` instead.</source>
        <translation>Import and export are not installed in this build; use `python main.py export/import` instead.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>The report dialog is not installed in this build; use `python main.py report` instead.</source>
        <translation>The report dialog is not installed in this build; use `python main.py report` instead.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&lt;b&gt;Smart-city pilot programme tracker&lt;/b&gt; {0}&lt;br&gt;National smart-city pilot cities (Sejong 5-1, Busan Eco Delta City) implementation plan, December 2018.&lt;br&gt;Qt {1}. Font: Nanum Gothic (SIL Open Font License).</source>
        <translation>&lt;b&gt;Smart-city pilot programme tracker&lt;/b&gt; {0}&lt;br&gt;National smart-city pilot cities (Sejong 5-1, Busan Eco Delta City) implementation plan, December 2018.&lt;br&gt;Qt {1}. Font: Nanum Gothic (SIL Open Font License).</translation>
    </message>
    <message>
        <source>Save baseline</source>
        <translation>Save baseline</translation>
    </message>
    <message>
        <source>Baseline name:</source>
        <translation>Baseline name:</translation>
    </message>
    <message>
        <source>Save baseline {0}</source>
        <translation>Save baseline {0}</translation>
    </message>
    <message>
        <source>Move {0} to {1}</source>
        <translation>Move {0} to {1}</translation>
    </message>
    <message>
        <source>Change finish of {0} to {1}</source>
        <translation>Change finish of {0} to {1}</translation>
    </message>
    <message>
        <source>Link {0} → {1}</source>
        <translation>Link {0} → {1}</translation>
    </message>
</context>
<context>
    <name>OrgComboDelegate</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>PlanDateEdit</name>
    <message>
        <source>e.g. 2019-03-15, 2019-H1, 2019년 1월 초</source>
        <translation>e.g. 2019-03-15, 2019-H1, 2019년 1월 초</translation>
    </message>
    <message>
        <source>Pick a day</source>
        <translation>Pick a day</translation>
    </message>
    <message>
        <source>a date is required</source>
        <translation>a date is required</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Leave personal names and phone numbers out of reports</source>
        <translation>Leave personal names and phone numbers out of reports</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>My ministry</source>
        <translation>My ministry</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>Status date</translation>
    </message>
    <message>
        <source>status date: needs an exact day (YYYY-MM-DD)</source>
        <translation>status date: needs an exact day (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Set status date {0}</source>
        <translation>Set status date {0}</translation>
    </message>
</context>
<context>
    <name>StatusDateDialog</name>
    <message>
        <source>Status date</source>
        <translation>Status date</translation>
    </message>
    <message>
        <source>status date</source>
        <translation>status date</translation>
    </message>
    <message>
        <source>Set status date {0}</source>
        <translation>Set status date {0}</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>Amber</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Task {0}</source>
        <translation>Task {0}</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Predecessors</source>
        <translation>Predecessors</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Status updates</source>
        <translation>Status updates</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>from the checklist</source>
        <translation>from the checklist</translation>
    </message>
    <message>
        <source>As soon as possible</source>
        <translation>As soon as possible</translation>
    </message>
    <message>
        <source>Start no earlier than</source>
        <translation>Start no earlier than</translation>
    </message>
    <message>
        <source>Finish no later than</source>
        <translation>Finish no later than</translation>
    </message>
    <message>
        <source>Must finish on</source>
        <translation>Must finish on</translation>
    </message>
    <message>
        <source>needs a sign-off before it is done</source>
        <translation>needs a sign-off before it is done</translation>
    </message>
    <message>
        <source>Organisation codes, separated by commas</source>
        <translation>Organisation codes, separated by commas</translation>
    </message>
    <message>
        <source>WBS</source>
        <translation>WBS</translation>
    </message>
    <message>
        <source>Name (Korean)</source>
        <translation>Name (Korean)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Supporting</source>
        <translation>Supporting</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>% done</source>
        <translation>% done</translation>
    </message>
    <message>
        <source>Constraint</source>
        <translation>Constraint</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>Actual start</translation>
    </message>
    <message>
        <source>Actual finish</source>
        <translation>Actual finish</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Predecessor</source>
        <translation>Predecessor</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Lag (working days)</source>
        <translation>Lag (working days)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Narrative</translation>
    </message>
    <message>
        <source>New status update</source>
        <translation>New status update</translation>
    </message>
    <message>
        <source>wbs: {0} is already used</source>
        <translation>wbs: {0} is already used</translation>
    </message>
    <message>
        <source>predecessors: a task is listed twice</source>
        <translation>predecessors: a task is listed twice</translation>
    </message>
    <message>
        <source>Edit task {0}</source>
        <translation>Edit task {0}</translation>
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
        <translation>Name</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>% done</source>
        <translation>% done</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Float</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>On track</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>At risk</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>{0} d</source>
        <translation>{0} d</translation>
    </message>
    <message>
        <source>Planned: {0}</source>
        <translation>Planned: {0}</translation>
    </message>
    <message>
        <source>Scheduled: {0}</source>
        <translation>Scheduled: {0}</translation>
    </message>
    <message>
        <source>Edit refused</source>
        <translation>Edit refused</translation>
    </message>
    <message>
        <source>Edit {0} of {1}</source>
        <translation>Edit {0} of {1}</translation>
    </message>
    <message>
        <source>wbs: {0} is already used by another task</source>
        <translation>wbs: {0} is already used by another task</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Critical only</translation>
    </message>
    <message>
        <source>Search WBS, name, notes (Ctrl+F)</source>
        <translation>Search WBS, name, notes (Ctrl+F)</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(all)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>{0}

This file was saved by a newer version of the application. Install the newer version to open it; the file was not changed.</source>
        <translation>{0}

This file was saved by a newer version of the application. Install the newer version to open it; the file was not changed.</translation>
    </message>
    <message>
        <source>{0}

The newest good backup is:
{1}

Close the application, copy the backup over the damaged file (keep a copy of the damaged one), and open it again.</source>
        <translation>{0}

The newest good backup is:
{1}

Close the application, copy the backup over the damaged file (keep a copy of the damaged one), and open it again.</translation>
    </message>
    <message>
        <source>{0}

No good backup was found. The file was not changed.</source>
        <translation>{0}

No good backup was found. The file was not changed.</translation>
    </message>
    <message>
        <source>{0}

The file was not changed.</source>
        <translation>{0}

The file was not changed.</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
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
        <translation>Edit refused</translation>
    </message>
    <message>
        <source>a summary task follows its sub-tasks and cannot be moved</source>
        <translation>a summary task follows its sub-tasks and cannot be moved</translation>
    </message>
    <message>
        <source>only a task bar can be lengthened or shortened</source>
        <translation>only a task bar can be lengthened or shortened</translation>
    </message>
    <message>
        <source>finish: {0} is before the start {1}</source>
        <translation>finish: {0} is before the start {1}</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>New task</translation>
    </message>
    <message>
        <source>{0} already follows {1}</source>
        <translation>{0} already follows {1}</translation>
    </message>
    <message>
        <source>baseline: a baseline needs a name</source>
        <translation>baseline: a baseline needs a name</translation>
    </message>
    <message>
        <source>baseline: '{0}' already exists</source>
        <translation>baseline: '{0}' already exists</translation>
    </message>
</context>
</TS>

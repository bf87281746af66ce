<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Components and licences</source>
        <translation>Components and licences</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
</context>
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
    <name>BudgetView</name>
    <message>
        <source>National budget</source>
        <translation>National budget</translation>
    </message>
    <message>
        <source>Public investment</source>
        <translation>Public investment</translation>
    </message>
    <message>
        <source>Private investment</source>
        <translation>Private investment</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Planned (100M KRW)</source>
        <translation>Planned (100M KRW)</translation>
    </message>
    <message>
        <source>Executed (100M KRW)</source>
        <translation>Executed (100M KRW)</translation>
    </message>
    <message>
        <source>Execution rate</source>
        <translation>Execution rate</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Add line...</source>
        <translation>Add line...</translation>
    </message>
    <message>
        <source>Delete line</source>
        <translation>Delete line</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Grand total</source>
        <translation>Grand total</translation>
    </message>
    <message>
        <source>planned {0} · executed {1} (100M KRW) · {2}</source>
        <translation>planned {0} · executed {1} (100M KRW) · {2}</translation>
    </message>
    <message>
        <source>Invalid input</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; is not an amount in 100M KRW</source>
        <translation>{0}: &apos;{1}&apos; is not an amount in 100M KRW</translation>
    </message>
    <message>
        <source>Edit budget line</source>
        <translation>Edit budget line</translation>
    </message>
    <message>
        <source>Add budget line</source>
        <translation>Add budget line</translation>
    </message>
    <message>
        <source>Delete budget line</source>
        <translation>Delete budget line</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
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
    <name>ChartMenu</name>
    <message>
        <source>Delete link</source>
        <translation>Delete link</translation>
    </message>
    <message>
        <source>Link type</source>
        <translation>Link type</translation>
    </message>
    <message>
        <source>Lag…</source>
        <translation>Lag…</translation>
    </message>
    <message>
        <source>Delete link {0}</source>
        <translation>Delete link {0}</translation>
    </message>
    <message>
        <source>Change link {0}</source>
        <translation>Change link {0}</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>Lag in working days (negative: lead)</source>
        <translation>Lag in working days (negative: lead)</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>Done by</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>Done at</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <source>Latest status</source>
        <translation>Latest status</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Sign off...</source>
        <translation>Sign off...</translation>
    </message>
    <message>
        <source>Reopen...</source>
        <translation>Reopen...</translation>
    </message>
    <message>
        <source>Needs sign-off</source>
        <translation>Needs sign-off</translation>
    </message>
    <message>
        <source>Schedule meetings...</source>
        <translation>Schedule meetings...</translation>
    </message>
    <message>
        <source>Meeting held...</source>
        <translation>Meeting held...</translation>
    </message>
    <message>
        <source>Status update...</source>
        <translation>Status update...</translation>
    </message>
    <message>
        <source>overdue {0}</source>
        <translation>overdue {0}</translation>
    </message>
    <message>
        <source>as of {0}</source>
        <translation>as of {0}</translation>
    </message>
    <message>
        <source>done {0}</source>
        <translation>done {0}</translation>
    </message>
    <message>
        <source>open {0}</source>
        <translation>open {0}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>needs sign-off</source>
        <translation>needs sign-off</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>recurring meeting</source>
        <translation>recurring meeting</translation>
    </message>
    <message>
        <source>Tick item</source>
        <translation>Tick item</translation>
    </message>
    <message>
        <source>Untick item</source>
        <translation>Untick item</translation>
    </message>
    <message>
        <source>Edit item</source>
        <translation>Edit item</translation>
    </message>
    <message>
        <source>Reorder item</source>
        <translation>Reorder item</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>Delete item</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Set sign-off gate</source>
        <translation>Set sign-off gate</translation>
    </message>
    <message>
        <source>Schedule meetings</source>
        <translation>Schedule meetings</translation>
    </message>
    <message>
        <source>Status update</source>
        <translation>Status update</translation>
    </message>
    <message>
        <source>Invalid input</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <source>Reason for reopening</source>
        <translation>Reason for reopening</translation>
    </message>
    <message>
        <source>Meetings to schedule</source>
        <translation>Meetings to schedule</translation>
    </message>
    <message>
        <source>{0} added</source>
        <translation>{0} added</translation>
    </message>
    <message>
        <source>Meeting held</source>
        <translation>Meeting held</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
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
    <name>ColumnChooser</name>
    <message>
        <source>Fit columns to contents</source>
        <translation>Fit columns to contents</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>Default columns</translation>
    </message>
    <message>
        <source>Save column layout…</source>
        <translation>Save column layout…</translation>
    </message>
    <message>
        <source>Saved layouts</source>
        <translation>Saved layouts</translation>
    </message>
    <message>
        <source>Save column layout</source>
        <translation>Save column layout</translation>
    </message>
    <message>
        <source>Layout name</source>
        <translation>Layout name</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>Body / name</source>
        <translation>Body / name</translation>
    </message>
    <message>
        <source>Department / position</source>
        <translation>Department / position</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>Committee</translation>
    </message>
    <message>
        <source>Implementer</source>
        <translation>Implementer</translation>
    </message>
    <message>
        <source>Local government</source>
        <translation>Local government</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Alliance</source>
        <translation>Alliance</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Leave personal names and phone numbers out of printed reports</source>
        <translation>Leave personal names and phone numbers out of printed reports</translation>
    </message>
    <message>
        <source>Add contact...</source>
        <translation>Add contact...</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>Source: {0}</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Remove contact</translation>
    </message>
    <message>
        <source>Add contact person</source>
        <translation>Add contact person</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>due in 30 days</source>
        <translation>due in 30 days</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>later</source>
        <translation>later</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>on track</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>at risk</translation>
    </message>
    <message>
        <source>late</source>
        <translation>late</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>bill proposed</source>
        <translation>bill proposed</translation>
    </message>
    <message>
        <source>in committee</source>
        <translation>in committee</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>in force</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>Status date</translation>
    </message>
    <message>
        <source>Milestones done / due by the status date</source>
        <translation>Milestones done / due by the status date</translation>
    </message>
    <message>
        <source>{0} milestones in the plan</source>
        <translation>{0} milestones in the plan</translation>
    </message>
    <message>
        <source>Percent complete (by duration)</source>
        <translation>Percent complete (by duration)</translation>
    </message>
    <message>
        <source>Progress by ministry (bodies with nothing due by the status date left out)</source>
        <translation>Progress by ministry (bodies with nothing due by the status date left out)</translation>
    </message>
    <message>
        <source>Percent complete by city (by duration)</source>
        <translation>Percent complete by city (by duration)</translation>
    </message>
    <message>
        <source>% (by duration)</source>
        <comment>percent complete column</comment>
        <translation>% (by duration)</translation>
    </message>
    <message>
        <source>due</source>
        <translation>due</translation>
    </message>
    <message>
        <source>Due in 30 days</source>
        <translation>Due in 30 days</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Next 10 milestones</source>
        <translation>Next 10 milestones</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <source>Milestones done / due</source>
        <translation>Milestones done / due</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Slipped milestones against the baseline “{0}”: {1}</source>
        <translation>Slipped milestones against the baseline “{0}”: {1}</translation>
    </message>
    <message>
        <source>Slipped milestones: no baseline saved yet (Project ▸ Save baseline…)</source>
        <translation>Slipped milestones: no baseline saved yet (Project ▸ Save baseline…)</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <source>Slip (working days)</source>
        <translation>Slip (working days)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>Milestones by ministry</source>
        <translation>Milestones by ministry</translation>
    </message>
    <message>
        <source>Planned vs actual progress</source>
        <translation>Planned vs actual progress</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>actual</translation>
    </message>
    <message>
        <source>Regulatory provisions by stage</source>
        <translation>Regulatory provisions by stage</translation>
    </message>
    <message>
        <source>{0} budget by area</source>
        <translation>{0} budget by area</translation>
    </message>
    <message>
        <source>{0} budget by city</source>
        <translation>{0} budget by city</translation>
    </message>
    <message>
        <source>executed</source>
        <translation>executed</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Desk settings</source>
        <translation>Desk settings</translation>
    </message>
    <message>
        <source>Your database was created here:
{0}
It holds the whole pilot-city plan; backups are kept beside it.</source>
        <translation>Your database was created here:
{0}
It holds the whole pilot-city plan; backups are kept beside it.</translation>
    </message>
    <message>
        <source>Who keeps this desk? (used in exchanges and reports)</source>
        <translation>Who keeps this desk? (used in exchanges and reports)</translation>
    </message>
    <message>
        <source>Open the sample briefing (PDF)</source>
        <translation>Open the sample briefing (PDF)</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>e.g. Deputy Director</source>
        <translation>e.g. Deputy Director</translation>
    </message>
    <message>
        <source>Member desk (sends its returns)</source>
        <translation>Member desk (sends its returns)</translation>
    </message>
    <message>
        <source>Coordinating desk (collects the returns)</source>
        <translation>Coordinating desk (collects the returns)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Officer name</source>
        <translation>Officer name</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Writing the sample briefing…</source>
        <translation>Writing the sample briefing…</translation>
    </message>
    <message>
        <source>Sample briefing</source>
        <translation>Sample briefing</translation>
    </message>
    <message>
        <source>Opened: {0}</source>
        <translation>Opened: {0}</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No task matches the filter.</source>
        <translation>No task matches the filter.</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Clear filter</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>All ministries</source>
        <translation>All ministries</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Choose a file to write.</translation>
    </message>
</context>
<context>
    <name>InteropActions</name>
    <message>
        <source>Import {0}</source>
        <translation>Import {0}</translation>
    </message>
    <message>
        <source>All supported (*.xml *.xlsx *.csv *.txt *.ics *.json *.mpp *.gan);;MS Project XML (*.xml);;Excel (*.xlsx);;CSV (*.csv *.txt);;iCalendar (*.ics);;Backup (*.json);;MS Project (*.mpp);;GanttProject (*.gan)</source>
        <translation>All supported (*.xml *.xlsx *.csv *.txt *.ics *.json *.mpp *.gan);;MS Project XML (*.xml);;Excel (*.xlsx);;CSV (*.csv *.txt);;iCalendar (*.ics);;Backup (*.json);;MS Project (*.mpp);;GanttProject (*.gan)</translation>
    </message>
    <message>
        <source>Full backup (.json)</source>
        <translation>Full backup (.json)</translation>
    </message>
    <message>
        <source>Gantt chart image (.png)</source>
        <translation>Gantt chart image (.png)</translation>
    </message>
    <message>
        <source>Gantt chart image (.svg)</source>
        <translation>Gantt chart image (.svg)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
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
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Imported: {0}</source>
        <translation>Imported: {0}</translation>
    </message>
    <message>
        <source>Created {0}. Open it with File &gt; Open.</source>
        <translation>Created {0}. Open it with File &gt; Open.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>The Gantt chart is not shown.</source>
        <translation>The Gantt chart is not shown.</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>Saved {0} ({1} items)</source>
        <translation>Saved {0} ({1} items)</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Checklist item</source>
        <translation>Checklist item</translation>
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
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{0}: start no earlier than {1} (constraint added; remove it in the task dialog)</source>
        <translation>{0}: start no earlier than {1} (constraint added; remove it in the task dialog)</translation>
    </message>
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
        <source>Task de&amp;tails…</source>
        <translation>Task de&amp;tails…</translation>
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
        <source>Des&amp;k settings…</source>
        <translation>Des&amp;k settings…</translation>
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
        <source>Baseline as of {0}</source>
        <translation>Baseline as of {0}</translation>
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
    <name>MappingDialog</name>
    <message>
        <source>Match the columns</source>
        <translation>Match the columns</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(not in the file)</translation>
    </message>
    <message>
        <source>The task name column is required.</source>
        <translation>The task name column is required.</translation>
    </message>
    <message>
        <source>Choose the task name column.</source>
        <translation>Choose the task name column.</translation>
    </message>
</context>
<context>
    <name>Officer</name>
    <message>
        <source>{0} (set your name in Preferences)</source>
        <translation>{0} (set your name in Preferences)</translation>
    </message>
    <message>
        <source>the status date</source>
        <translation>the status date</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message>
        <source>Ticks are recorded as {0} on {1} ({2})</source>
        <translation>Ticks are recorded as {0} on {1} ({2})</translation>
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
    <name>OutlineActions</name>
    <message>
        <source>Insert &amp;sub-task</source>
        <translation>Insert &amp;sub-task</translation>
    </message>
    <message>
        <source>Indent</source>
        <translation>Indent</translation>
    </message>
    <message>
        <source>Outdent</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Find &amp;next</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>Find pre&amp;vious</translation>
    </message>
    <message>
        <source>Scroll to &amp;task</source>
        <translation>Scroll to &amp;task</translation>
    </message>
    <message>
        <source>Edit refused</source>
        <translation>Edit refused</translation>
    </message>
    <message>
        <source>Indent {0}</source>
        <translation>Indent {0}</translation>
    </message>
    <message>
        <source>Outdent {0}</source>
        <translation>Outdent {0}</translation>
    </message>
    <message>
        <source>Move {0} up</source>
        <translation>Move {0} up</translation>
    </message>
    <message>
        <source>Move {0} down</source>
        <translation>Move {0} down</translation>
    </message>
    <message>
        <source>Move {0} to {1}</source>
        <translation>Move {0} to {1}</translation>
    </message>
    <message>
        <source>Insert sub-task under {0}</source>
        <translation>Insert sub-task under {0}</translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation>Delete {0}</translation>
    </message>
    <message>
        <source>Delete {0}?

This removes {1} task(s) with their sub-tasks, {2} link(s) and {3} checklist item(s). Undo (Ctrl+Z) brings them back.</source>
        <translation>Delete {0}?

This removes {1} task(s) with their sub-tasks, {2} link(s) and {3} checklist item(s). Undo (Ctrl+Z) brings them back.</translation>
    </message>
    <message>
        <source>Delete tasks</source>
        <translation>Delete tasks</translation>
    </message>
    <message>
        <source>No task matches “{0}”</source>
        <translation>No task matches “{0}”</translation>
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
        <source>recorded on ticks and sign-offs</source>
        <translation>recorded on ticks and sign-offs</translation>
    </message>
    <message>
        <source>e.g. 사무관</source>
        <translation>e.g. 사무관</translation>
    </message>
    <message>
        <source>Renumber WBS codes when tasks are indented, outdented or moved</source>
        <translation>Renumber WBS codes when tasks are indented, outdented or moved</translation>
    </message>
    <message>
        <source>Scroll the chart to the selected task</source>
        <translation>Scroll the chart to the selected task</translation>
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
        <source>My name</source>
        <translation>My name</translation>
    </message>
    <message>
        <source>My position</source>
        <translation>My position</translation>
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
    <name>PreviewDialog</name>
    <message>
        <source>Import preview</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <source>WBS</source>
        <translation>WBS</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
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
        <source>No problems found.</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>Into the current project (under a new summary task)</source>
        <translation>Into the current project (under a new summary task)</translation>
    </message>
    <message>
        <source>Into the current project (update matching items)</source>
        <translation>Into the current project (update matching items)</translation>
    </message>
    <message>
        <source>As a new project in this database</source>
        <translation>As a new project in this database</translation>
    </message>
    <message>
        <source>Into a new database file…</source>
        <translation>Into a new database file…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>&amp;Briefing…</source>
        <translation>&amp;Briefing…</translation>
    </message>
    <message>
        <source>&amp;Gantt chart (A4 landscape)…</source>
        <translation>&amp;Gantt chart (A4 landscape)…</translation>
    </message>
    <message>
        <source>Preparing the print preview</source>
        <translation>Preparing the print preview</translation>
    </message>
    <message>
        <source>Print preview: Gantt chart</source>
        <translation>Print preview: Gantt chart</translation>
    </message>
    <message>
        <source>Print preview: briefing</source>
        <translation>Print preview: briefing</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>ProvisionsView</name>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Provision</source>
        <translation>Provision</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>What it allows</translation>
    </message>
    <message>
        <source>Related law</source>
        <translation>Related law</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Stage date</source>
        <translation>Stage date</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Regulation</source>
        <translation>Regulation</translation>
    </message>
    <message>
        <source>Stage change...</source>
        <translation>Stage change...</translation>
    </message>
    <message>
        <source>{0} special provisions: {1}</source>
        <translation>{0} special provisions: {1}</translation>
    </message>
    <message>
        <source>Provision stage change</source>
        <translation>Provision stage change</translation>
    </message>
    <message>
        <source>Invalid input</source>
        <translation>Invalid input</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>PDF (print)</source>
        <translation>PDF (print)</translation>
    </message>
    <message>
        <source>DOCX (editable in Word or Hangul)</source>
        <translation>DOCX (editable in Word or Hangul)</translation>
    </message>
    <message>
        <source>Detailed version (tiled Gantt, contacts, annex)</source>
        <translation>Detailed version (tiled Gantt, contacts, annex)</translation>
    </message>
    <message>
        <source>Open the file when it is ready</source>
        <translation>Open the file when it is ready</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Word files (*.docx)</source>
        <translation>Word files (*.docx)</translation>
    </message>
    <message>
        <source>Choose where to save the briefing.</source>
        <translation>Choose where to save the briefing.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Latest baseline</source>
        <translation>Latest baseline</translation>
    </message>
    <message>
        <source>No baseline saved</source>
        <translation>No baseline saved</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Fit the Gantt chart to this many pages across</source>
        <translation>Fit the Gantt chart to this many pages across</translation>
    </message>
    <message>
        <source>Leave personal names and phone numbers out</source>
        <translation>Leave personal names and phone numbers out</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>Status date</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Gantt pages wide</source>
        <translation>Gantt pages wide</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>Save briefing as</source>
        <translation>Save briefing as</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>Generating briefing</source>
        <translation>Generating briefing</translation>
    </message>
    <message>
        <source>Saved and opened: {0}</source>
        <translation>Saved and opened: {0}</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Cancelled; nothing was written.</translation>
    </message>
</context>
<context>
    <name>SignoffDialog</name>
    <message>
        <source>Sign-off</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>Stage change</source>
        <translation>Stage change</translation>
    </message>
    <message>
        <source>Provision</source>
        <translation>Provision</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
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
    <name>StatusUpdateDialog</name>
    <message>
        <source>Status update</source>
        <translation>Status update</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Reporting date</source>
        <translation>Reporting date</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Narrative</translation>
    </message>
</context>
<context>
    <name>TableMenus</name>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy whole table</source>
        <translation>Copy whole table</translation>
    </message>
    <message>
        <source>Untick</source>
        <translation>Untick</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>Tick</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Note: the constraint &apos;start no earlier than {0}&apos; overrides the start typed here; choose &apos;As soon as possible&apos; to remove it</source>
        <translation>Note: the constraint &apos;start no earlier than {0}&apos; overrides the start typed here; choose &apos;As soon as possible&apos; to remove it</translation>
    </message>
    <message>
        <source>Note: the constraint on {0} overrides the finish typed here; choose &apos;As soon as possible&apos; to remove it</source>
        <translation>Note: the constraint on {0} overrides the finish typed here; choose &apos;As soon as possible&apos; to remove it</translation>
    </message>
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
        <source>(top level)</source>
        <translation>(top level)</translation>
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
        <source>Moves the task (with its sub-tasks) to the end of the chosen summary; the WBS code stays as above</source>
        <translation>Moves the task (with its sub-tasks) to the end of the chosen summary; the WBS code stays as above</translation>
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
        <source>Computed from the checklist items</source>
        <translation>Computed from the checklist items</translation>
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
        <source>Parent</source>
        <translation>Parent</translation>
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
        <extracomment>the declared fields (domain/task_fields) follow the built-in columns</extracomment>
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
        <source>Supporting: {0}</source>
        <translation>Supporting: {0}</translation>
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
        <source>incl. supporting</source>
        <translation>incl. supporting</translation>
    </message>
    <message>
        <source>Also show the tasks the ministry supports but does not own</source>
        <translation>Also show the tasks the ministry supports but does not own</translation>
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
    <name>ViewLabels</name>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>Amber</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Bill proposed</source>
        <translation>Bill proposed</translation>
    </message>
    <message>
        <source>In committee</source>
        <translation>In committee</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>In force</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Edit refused</source>
        <translation>Edit refused</translation>
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
        <source>Replaying {0}…</source>
        <translation>Replaying {0}…</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Changed meanwhile</translation>
    </message>
    <message>
        <source>Reload (keep stored values)</source>
        <translation>Reload (keep stored values)</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>Overwrite with mine</translation>
    </message>
    <message>
        <source>Edit refused</source>
        <translation>Edit refused</translation>
    </message>
</context>
</TS>

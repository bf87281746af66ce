"""Import and export: MS Project XML, Excel, CSV, iCalendar, JSON backup. No widgets."""

"""Plain-Python core: data types, imprecise dates, calendar, scheduler, status. No Qt here."""

"""PDF briefings and charts (ReportLab, matplotlib). No widgets; callable headless."""

"""PDF briefings and charts (ReportLab, matplotlib). No widgets; callable headless.

Entry point: :func:`.builder.generate_report` (used by ``python main.py report``, the
Reports dialog and the benchmark). Report kinds are data files in ``reports/``
(:mod:`.definitions`); figures are gathered once in :mod:`.data`, laid out by
:mod:`.sections` (with :mod:`.ministry`, :mod:`.money`, :mod:`.charts` and the tiled
vector Gantt of :mod:`.gantt_pdf`), in the bundled Korean font (:mod:`.fonts`).
"""

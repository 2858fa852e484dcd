"""Reports to share: the chronology with its sources as a self-contained HTML page, a PDF or
Markdown, with the timeline drawn by the same painter as the image export."""

REPORT_FORMATS = ("html", "pdf", "md")

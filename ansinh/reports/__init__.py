"""Consolidated reports (Decree 30/2020 DOCX, Excel annexes) and dashboards."""

"""Tests of the PDF briefings."""

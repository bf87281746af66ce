"""smartcity-desktop: programme tracking for the Korean national smart-city pilot cities."""

__version__ = "0.1.0"

@echo off
rem Starts smartcity-desktop from the virtual environment beside this file.
"%~dp0venv\Scripts\pythonw.exe" -m smartcity_desktop %*

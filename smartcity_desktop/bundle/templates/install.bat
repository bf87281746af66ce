@echo off
rem Runs install.ps1 beside this file (double-click friendly; no administrator rights needed).
powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0install.ps1" %*
echo.
pause

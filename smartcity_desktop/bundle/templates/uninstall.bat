@echo off
rem Runs uninstall.ps1 beside this file. Your database is not deleted.
powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0uninstall.ps1" %*
echo.
pause

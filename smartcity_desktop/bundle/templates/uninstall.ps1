# Removes the application and its shortcuts. The database stays where it is.
$ErrorActionPreference = 'Stop'
$App = Split-Path -Parent $MyInvocation.MyCommand.Path
$python = Join-Path $App 'venv\Scripts\python.exe'
$where = @('?', '?')
if (Test-Path -LiteralPath $python) {
    # Ask the installed application where the data lives before removing it.
    $where = & $python -c "from smartcity_desktop.paths import default_db_path as d; from smartcity_desktop.store.database import backup_dir_for as b; print(d()); print(b(d()))"
}
$title = '스마트시티 시범도시 추진 관리'
foreach ($folder in [Environment]::GetFolderPath('Programs'), [Environment]::GetFolderPath('Desktop')) {
    $link = Join-Path $folder "$title.lnk"
    if (Test-Path -LiteralPath $link) { Remove-Item -Force -LiteralPath $link }
}
Remove-Item -Recurse -Force -LiteralPath (Join-Path $App 'venv') -ErrorAction SilentlyContinue
foreach ($f in 'start.bat') { Remove-Item -Force -LiteralPath (Join-Path $App $f) -ErrorAction SilentlyContinue }
Write-Host "프로그램을 지웠습니다. 데이터베이스는 그대로 남아 있습니다: $($where[0])"
Write-Host "(백업: $($where[1]) — 필요 없으면 직접 지우십시오.)"
Write-Host "The application was removed. Your database was left where it is: $($where[0])"
Write-Host "(backups: $($where[1]); delete them yourself if no longer needed)"
# uninstall.bat and this script stay (the .bat is still running); delete the folder afterwards.
Write-Host "$App"

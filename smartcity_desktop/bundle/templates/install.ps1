# Installs smartcity-desktop from this folder with no network: checks SHA256SUMS first,
# makes a virtual environment and installs the wheels in wheels\ with pip --no-index,
# then adds Start-menu and desktop shortcuts. Your database is kept elsewhere and never touched.
$ErrorActionPreference = 'Stop'
$Here = Split-Path -Parent $MyInvocation.MyCommand.Path
$App = if ($env:SMARTCITY_APP_DIR) { $env:SMARTCITY_APP_DIR } else { Join-Path $env:LOCALAPPDATA 'Programs\smartcity-desktop' }
function Say([string]$Ko, [string]$En) { Write-Host $Ko; Write-Host "    $En" }
function Fail([string]$Ko, [string]$En) {
    Write-Host "오류: $Ko" -ForegroundColor Red
    Write-Host "error: $En" -ForegroundColor Red
    exit 1
}

Say '[1/5] 파일 확인 (SHA256SUMS)' 'checking the files against SHA256SUMS'
$listed = @{}
foreach ($line in Get-Content -LiteralPath (Join-Path $Here 'SHA256SUMS') -Encoding UTF8) {
    if (-not $line.Trim()) { continue }
    $hash, $name = $line -split '  ', 2
    $path = Join-Path $Here ($name -replace '/', '\')
    if (-not (Test-Path -LiteralPath $path -PathType Leaf)) { Fail "없는 파일: $name" "missing file: $name" }
    $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath $path).Hash.ToLowerInvariant()
    if ($actual -ne $hash) { Fail "손상된 파일: $name (번들을 다시 복사하십시오)" "damaged file: $name (copy the bundle again)" }
    $listed[$name] = $true
}
foreach ($wheel in Get-ChildItem -LiteralPath (Join-Path $Here 'wheels') -Filter '*.whl') {
    if (-not $listed.ContainsKey("wheels/$($wheel.Name)")) { Fail "목록에 없는 파일: $($wheel.Name)" "file not in SHA256SUMS: $($wheel.Name)" }
}

$versions = (Get-Content -LiteralPath (Join-Path $Here 'python-versions.txt')).Trim() -split '\s+'
Say "[2/5] Python 찾기 ($($versions -join ', '))" "looking for Python ($($versions -join ', '))"
$check = "import sys; print(sys.executable) if '%d.%d' % sys.version_info[:2] in '$($versions -join ' ')'.split() else sys.exit(1)"
$python = $null
$launcher = Get-Command 'py.exe' -ErrorAction SilentlyContinue
foreach ($v in ($versions | Sort-Object -Descending)) {
    if ($launcher) {
        $found = & $launcher.Source "-$v" -c $check 2>$null
        if ($LASTEXITCODE -eq 0 -and $found) { $python = "$found".Trim(); break }
    }
}
if (-not $python) {
    foreach ($cmd in Get-Command 'python.exe' -All -ErrorAction SilentlyContinue) {
        if ($cmd.Source -like '*\WindowsApps\*') { continue }  # the Microsoft Store stub
        $found = & $cmd.Source -c $check 2>$null
        if ($LASTEXITCODE -eq 0 -and $found) { $python = "$found".Trim(); break }
    }
}
if (-not $python) { Fail "Python $($versions -join ', ') 중 하나를 먼저 설치하십시오 (python.org 설치 파일)" "install one of Python $($versions -join ', ') first (python.org installer)" }
Write-Host "    $python"

$venv = Join-Path $App 'venv'
Say "[3/5] 가상 환경 만들기: $venv" "making the virtual environment: $venv"
New-Item -ItemType Directory -Force -Path $App | Out-Null
# The new environment is made at its final path (its launchers name that path); an
# earlier installation waits in venv.old and comes back if anything fails.
$venvOld = Join-Path $App 'venv.old'
if (Test-Path -LiteralPath $venvOld) { Remove-Item -Recurse -Force -LiteralPath $venvOld }
if (Test-Path -LiteralPath $venv) { Rename-Item -LiteralPath $venv -NewName 'venv.old' }
function Restore([string]$Ko, [string]$En) {
    if (Test-Path -LiteralPath $venv) { Remove-Item -Recurse -Force -LiteralPath $venv }
    if (Test-Path -LiteralPath $venvOld) { Rename-Item -LiteralPath $venvOld -NewName 'venv' }
    Fail "$Ko (기존 설치는 그대로입니다)" "$En (any earlier installation is unchanged)"
}
& $python -m venv --without-pip $venv
if ($LASTEXITCODE -ne 0) { Restore '가상 환경을 만들 수 없습니다' 'cannot make the virtual environment' }

Say '[4/5] 패키지 설치 (네트워크 사용 안 함)' 'installing the packages (no network)'
$pipWheel = (Get-ChildItem -LiteralPath (Join-Path $Here 'wheels') -Filter 'pip-*.whl' | Select-Object -First 1).FullName
$env:PIP_CONFIG_FILE = 'nul'
& (Join-Path $venv 'Scripts\python.exe') "$pipWheel\pip" install --isolated --quiet --no-index `
    --find-links (Join-Path $Here 'wheels') --disable-pip-version-check pip smartcity-desktop
if ($LASTEXITCODE -ne 0) { Restore '설치에 실패했습니다' 'installation failed' }
if (Test-Path -LiteralPath $venvOld) { Remove-Item -Recurse -Force -LiteralPath $venvOld }
foreach ($f in 'start.bat', 'uninstall.bat', 'uninstall.ps1') { Copy-Item -Force -LiteralPath (Join-Path $Here $f) -Destination $App }

Say '[5/5] 시작 메뉴와 바탕 화면 바로 가기 만들기' 'adding Start-menu and desktop shortcuts'
$shell = New-Object -ComObject WScript.Shell
$title = '스마트시티 시범도시 추진 관리'
foreach ($folder in [Environment]::GetFolderPath('Programs'), [Environment]::GetFolderPath('Desktop')) {
    $link = $shell.CreateShortcut((Join-Path $folder "$title.lnk"))
    $link.TargetPath = Join-Path $venv 'Scripts\pythonw.exe'
    $link.Arguments = '-m smartcity_desktop'
    $link.WorkingDirectory = [Environment]::GetFolderPath('MyDocuments')
    $link.Description = 'Smart-city pilot programme tracker'
    $link.Save()
    Write-Host "    $(Join-Path $folder "$title.lnk")"
}

Write-Host ''
$versionText = & (Join-Path $venv 'Scripts\python.exe') -m smartcity_desktop --version
if ($LASTEXITCODE -ne 0) { Fail '설치한 프로그램이 시작되지 않습니다' 'the installed application does not start' }
$versionText | Select-Object -First 4
Write-Host ''
Say "설치를 마쳤습니다. 시작 메뉴나 바탕 화면의 '$title'을(를) 누르십시오." "Installed. Start it from the Start menu or the desktop shortcut."
Say "지우기: $App\uninstall.bat (데이터베이스는 지우지 않습니다)" "To remove it: $App\uninstall.bat (your database is kept)"

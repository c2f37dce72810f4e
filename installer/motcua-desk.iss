; Inno Setup script for MotCua Desk on Windows 10/11 (per-machine install of the PyInstaller folder).
; Build: pyinstaller installer\motcua.spec, then  iscc installer\motcua-desk.iss
#define AppName "MotCua Desk"
#define AppVersion "0.1.0"

[Setup]
AppId={{6F0B8E2C-4C41-4B8B-9E0A-2D6C1F0D7A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=MotCua
DefaultDirName={autopf}\MotCua Desk
DefaultGroupName=MotCua Desk
OutputBaseFilename=MotCuaDesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
; Data lives in each user's %LOCALAPPDATA%\MotCua\MotCuaDesk and is never removed by uninstall.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\motcua\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\MotCua Desk"; Filename: "{app}\motcua.exe"
Name: "{commondesktop}\MotCua Desk"; Filename: "{app}\motcua.exe"

[Run]
Filename: "{app}\motcua.exe"; Description: "Mở MotCua Desk"; Flags: nowait postinstall skipifsilent

; Inno Setup script for MotCua Desk on Windows 10/11 (per-machine install of the PyInstaller folder).
; Build (what .github/workflows/windows.yml does; it has NOT been run on the project's own machines,
; which have no Windows):
;   pyinstaller --noconfirm installer\motcua.spec
;   download Vietnamese.isl (see below) to installer\Vietnamese.isl
;   iscc installer\motcua-desk.iss
;
; Vietnamese: Inno Setup has no official Vietnamese translation. We use the unofficial one kept in
; Inno Setup's own source tree, jrsoftware/issrc: Files/Languages/Unofficial/Vietnamese.isl
; (by memecoder, for Inno Setup 6.5.0+); the workflow downloads it at a pinned commit. The few
; messages of our own (the uninstaller's data question) are in [CustomMessages] below, in both
; languages.
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
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Per-machine: installed once under Program Files for every account of the PC.
PrivilegesRequired=admin
UninstallDisplayIcon={app}\motcua.exe
ShowLanguageDialog=yes
; Data lives in each user's %LOCALAPPDATA%\MotCua\MotCuaDesk (platformdirs, app/paths.py), never in
; {app}; uninstall keeps it unless the person uninstalling ticks the box offered (see [Code]).

[Languages]
Name: "vietnamese"; MessagesFile: "Vietnamese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vietnamese.RemoveDataTitle=Gỡ cài đặt MotCua Desk
vietnamese.RemoveDataText=Chương trình đã được gỡ. Dữ liệu hồ sơ, khóa và bản sao lưu của tài khoản này vẫn được giữ lại trong:%n%1
vietnamese.RemoveDataBox=&Xóa luôn dữ liệu này (không thể khôi phục)
vietnamese.OpenDesk=Mở MotCua Desk
english.RemoveDataTitle=Uninstall MotCua Desk
english.RemoveDataText=The program has been removed. This account's dossiers, keys and backups are kept in:%n%1
english.RemoveDataBox=&Also delete this data (cannot be undone)
english.OpenDesk=Open MotCua Desk

[Files]
Source: "..\dist\motcua\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\MotCua Desk"; Filename: "{app}\motcua.exe"
Name: "{commondesktop}\MotCua Desk"; Filename: "{app}\motcua.exe"

[Run]
Filename: "{app}\motcua.exe"; Description: "{cm:OpenDesk}"; Flags: nowait postinstall skipifsilent

[Code]
// The data folder of the account running the uninstaller. Other accounts' folders are never
// touched: their data stays until they remove it themselves.
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\MotCua\MotCuaDesk');
end;

// After the files are gone, say where the data is and offer a box, unticked, to delete it too.
// A silent uninstall (/SILENT, /VERYSILENT, as management tools run it) always keeps the data.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Form: TSetupForm;
  Text: TNewStaticText;
  Box: TNewCheckBox;
  Ok: TNewButton;
begin
  if (CurUninstallStep <> usPostUninstall) or UninstallSilent or not DirExists(DataDir()) then
    exit;
  Form := CreateCustomForm(ScaleX(460), ScaleY(170), False, True);
  try
    Form.Caption := CustomMessage('RemoveDataTitle');
    Text := TNewStaticText.Create(Form);
    Text.Parent := Form;
    Text.Left := ScaleX(12);
    Text.Top := ScaleY(12);
    Text.Width := Form.ClientWidth - ScaleX(24);
    Text.AutoSize := False;
    Text.WordWrap := True;
    Text.Height := ScaleY(60);
    Text.Caption := FmtMessage(CustomMessage('RemoveDataText'), [DataDir()]);
    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(12);
    Box.Top := ScaleY(84);
    Box.Width := Form.ClientWidth - ScaleX(24);
    Box.Caption := CustomMessage('RemoveDataBox');
    Box.Checked := False;
    Ok := TNewButton.Create(Form);
    Ok.Parent := Form;
    Ok.Caption := SetupMessage(msgButtonOK);
    Ok.Width := ScaleX(90);
    Ok.Height := ScaleY(26);
    Ok.Left := Form.ClientWidth - Ok.Width - ScaleX(12);
    Ok.Top := ScaleY(124);
    Ok.ModalResult := mrOk;
    Ok.Default := True;
    Form.ShowModal();
    if Box.Checked then
      DelTree(DataDir(), True, True, True);
  finally
    Form.Free();
  end;
end;

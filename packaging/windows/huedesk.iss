; Inno Setup script: HueDesk's Windows installer, made from the PyInstaller folder.
;
;   python packaging\build.py                     (makes dist\HueDesk\)
;   iscc /DVersion=0.1.0 packaging\windows\huedesk.iss   (makes dist\HueDesk-0.1.0-setup.exe)
;
; Installs for the current user only (no administrator rights, which office laptops
; rarely give) into %LOCALAPPDATA%\Programs\HueDesk, adds a Start-menu shortcut (and a
; desktop one if ticked), and an uninstaller. The data stays in %LOCALAPPDATA%\HueDesk:
; uninstalling or updating never touches it. Running a newer setup over an older one
; updates in place (same AppId). Sign the setup and HueDesk.exe: docs/desktop-build.md.

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6F0E7A52-2B7D-4E4C-9E3B-6A1D2C5B8F10}
AppName=HueDesk
AppVersion={#Version}
AppVerName=HueDesk {#Version}
AppPublisher=Sở Ngoại vụ thành phố Huế
DefaultDirName={localappdata}\Programs\HueDesk
DefaultGroupName=HueDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=HueDesk-{#Version}-setup
SetupIconFile=..\..\huedesk\resources\icons\huedesk.ico
UninstallDisplayIcon={app}\HueDesk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build; files left from an older version are removed first.
Source: "..\..\dist\HueDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\HueDesk"; Filename: "{app}\HueDesk.exe"; WorkingDir: "{app}"; Comment: "Quản lý hồ sơ đối ngoại"
Name: "{group}\Thư mục dữ liệu HueDesk (data folder)"; Filename: "{localappdata}\HueDesk"
Name: "{group}\Gỡ HueDesk (uninstall)"; Filename: "{uninstallexe}"
Name: "{autodesktop}\HueDesk"; Filename: "{app}\HueDesk.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\HueDesk.exe"; Description: "{cm:LaunchProgram,HueDesk}"; Flags: nowait postinstall skipifsilent

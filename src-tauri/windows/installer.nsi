; PPG Desk's Windows installer (NSIS 3, Debian's makensis). Per user: no administrator
; needed. Installs into the user's programs folder, adds Start menu shortcuts (and a desktop
; one if wanted), registers an uninstaller in "Apps & features", checks for the WebView2
; runtime, and upgrades an earlier install in place. The uninstaller removes the program only:
; the PPG's data folder (%APPDATA%\PPG Desk\data) is never touched.
;
; makensis -DVERSION=0.1.0 -DBIN_DIR=<folder with the .exe files> -DOUT_FILE=<installer.exe>
;          -DROOT=<repository root> src-tauri/windows/installer.nsi

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!ifndef VERSION | BIN_DIR | OUT_FILE | ROOT
  !error "Give VERSION, BIN_DIR, OUT_FILE and ROOT with -D (see the top of this file)."
!endif

!define NAME "PPG Desk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\PPG Desk"
!define OWN_KEY "Software\PPG Desk"
; The WebView2 runtime's registration (Microsoft's documented way to detect it).
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${NAME}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\PPG Desk"
; An earlier install is upgraded where it is.
InstallDirRegKey HKCU "${OWN_KEY}" "InstallLocation"
BrandingText "${NAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${NAME}"
VIAddVersionKey "FileDescription" "${NAME} installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "PPG Desk contributors, MIT licence"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${ROOT}\assets\icons\icon.ico"
!define MUI_UNICON "${ROOT}\assets\icons\icon.ico"
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TEXT "This will put PPG Desk on this computer for you. You do not need to be an administrator.$\r$\n$\r$\nIf PPG Desk is already here, it is brought up to date and your PPG's records stay as they are.$\r$\n$\r$\nPlease close PPG Desk before you go on."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${ROOT}\assets\LICENSE.txt"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\ppg-desk-window.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open PPG Desk now"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "PPG Desk has been removed"
!define MUI_FINISHPAGE_TEXT "The program has been removed from this computer.$\r$\n$\r$\nYour PPG's records have NOT been deleted: they are still in $APPDATA\PPG Desk\data, with their backups. If you install PPG Desk again, it opens them as before.$\r$\n$\r$\nDelete that folder yourself only if the PPG no longer needs its records (its retention rules may say how long to keep them)."
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ; WebView2 is part of Windows 10 and 11; an old or stripped-down Windows may lack it.
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${If} $0 == ""
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == ""
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    MessageBox MB_YESNO|MB_ICONEXCLAMATION "PPG Desk needs a part of Windows called $\"Microsoft Edge WebView2 Runtime$\", and this computer does not seem to have it. Windows 10 and 11 usually do.$\r$\n$\r$\nTo get it: open Microsoft's website in your web browser, search for $\"WebView2 Runtime$\", and download the $\"Evergreen Bootstrapper$\". Then run this installer again.$\r$\n$\r$\nInstall PPG Desk anyway?" /SD IDYES IDYES +2
    Abort
  ${EndIf}
FunctionEnd

Section "PPG Desk (required)" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${BIN_DIR}\ppg-desk-window.exe"
  File "${BIN_DIR}\ppg-desk.exe"
  ; Finds the WebView2 runtime for the window (MinGW builds link it as a DLL; Microsoft's
  ; WebView2 SDK licence allows it to be shipped with an app).
  File "${BIN_DIR}\WebView2Loader.dll"
  ; The printing fonts other than Atkinson (built in), read when a document needs them.
  SetOutPath "$INSTDIR\fonts"
  File "${ROOT}\assets\fonts\NotoSans-Regular.ttf"
  File "${ROOT}\assets\fonts\NotoSans-Bold.ttf"
  File "${ROOT}\assets\fonts\NotoSansBengali-Regular.ttf"
  File "${ROOT}\assets\fonts\NotoSansBengali-Bold.ttf"
  File "${ROOT}\assets\fonts\NotoSansDevanagari-Regular.ttf"
  File "${ROOT}\assets\fonts\NotoSansDevanagari-Bold.ttf"
  File "${ROOT}\assets\fonts\NotoSansGurmukhi-Regular.ttf"
  File "${ROOT}\assets\fonts\NotoSansGurmukhi-Bold.ttf"
  File "${ROOT}\assets\fonts\NotoSansGujarati-Regular.ttf"
  File "${ROOT}\assets\fonts\NotoSansGujarati-Bold.ttf"
  File "${ROOT}\assets\fonts\NotoSansTamil-Regular.ttf"
  File "${ROOT}\assets\fonts\NotoSansTamil-Bold.ttf"
  File "${ROOT}\assets\fonts\NotoNaskhArabic-Regular.ttf"
  File "${ROOT}\assets\fonts\NotoNaskhArabic-Bold.ttf"
  File "${ROOT}\assets\fonts\NotoSansHebrew-Regular.ttf"
  File "${ROOT}\assets\fonts\NotoSansHebrew-Bold.ttf"
  File "${ROOT}\assets\fonts\NotoSansThai-Regular.ttf"
  File "${ROOT}\assets\fonts\NotoSansThai-Bold.ttf"
  File "${ROOT}\assets\fonts\NotoSansEthiopic-Regular.ttf"
  File "${ROOT}\assets\fonts\NotoSansEthiopic-Bold.ttf"
  File "${ROOT}\assets\fonts\DroidSansFallbackFull.ttf"
  File "${ROOT}\assets\fonts\NanumSquareR.ttf"
  File "${ROOT}\assets\fonts\NanumSquareB.ttf"
  SetOutPath "$INSTDIR\licences"
  File /oname=PPG-Desk-MIT.txt "${ROOT}\assets\LICENSE.txt"
  File "${ROOT}\assets\fonts\OFL-AtkinsonHyperlegible.txt"
  File "${ROOT}\assets\fonts\LICENSE-NotoSans-debian-copyright.txt"
  File "${ROOT}\assets\fonts\LICENSE-DroidSansFallback-debian-copyright.txt"
  File "${ROOT}\assets\fonts\LICENSE-Nanum-debian-copyright.txt"
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\Uninstall PPG Desk.exe"
  CreateDirectory "$SMPROGRAMS\PPG Desk"
  CreateShortcut "$SMPROGRAMS\PPG Desk\PPG Desk.lnk" "$INSTDIR\ppg-desk-window.exe" "" "$INSTDIR\ppg-desk-window.exe" 0
  ; The command line, for scripts and scheduled tasks: a Command Prompt ready in its folder.
  CreateShortcut "$SMPROGRAMS\PPG Desk\PPG Desk command line.lnk" "$SYSDIR\cmd.exe" '/k cd /d "$INSTDIR" && ppg-desk.exe --help' "$INSTDIR\ppg-desk-window.exe" 0

  WriteRegStr HKCU "${OWN_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "PPG Desk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "PPG Desk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\ppg-desk-window.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall PPG Desk.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall PPG Desk.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "A shortcut on the desktop" SecDesktop
  CreateShortcut "$DESKTOP\PPG Desk.lnk" "$INSTDIR\ppg-desk-window.exe" "" "$INSTDIR\ppg-desk-window.exe" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "The PPG Desk program and its command line."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "An icon on the desktop that opens PPG Desk."
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; Removes only what the installer put here, by name: never a folder of the PPG's data.
Section "Uninstall"
  Delete "$INSTDIR\ppg-desk-window.exe"
  Delete "$INSTDIR\ppg-desk.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\licences\PPG-Desk-MIT.txt"
  Delete "$INSTDIR\licences\OFL-AtkinsonHyperlegible.txt"
  Delete "$INSTDIR\licences\LICENSE-NotoSans-debian-copyright.txt"
  Delete "$INSTDIR\licences\LICENSE-DroidSansFallback-debian-copyright.txt"
  Delete "$INSTDIR\licences\LICENSE-Nanum-debian-copyright.txt"
  Delete "$INSTDIR\fonts\NotoSans-Regular.ttf"
  Delete "$INSTDIR\fonts\NotoSans-Bold.ttf"
  Delete "$INSTDIR\fonts\NotoSansBengali-Regular.ttf"
  Delete "$INSTDIR\fonts\NotoSansBengali-Bold.ttf"
  Delete "$INSTDIR\fonts\NotoSansDevanagari-Regular.ttf"
  Delete "$INSTDIR\fonts\NotoSansDevanagari-Bold.ttf"
  Delete "$INSTDIR\fonts\NotoSansGurmukhi-Regular.ttf"
  Delete "$INSTDIR\fonts\NotoSansGurmukhi-Bold.ttf"
  Delete "$INSTDIR\fonts\NotoSansGujarati-Regular.ttf"
  Delete "$INSTDIR\fonts\NotoSansGujarati-Bold.ttf"
  Delete "$INSTDIR\fonts\NotoSansTamil-Regular.ttf"
  Delete "$INSTDIR\fonts\NotoSansTamil-Bold.ttf"
  Delete "$INSTDIR\fonts\NotoNaskhArabic-Regular.ttf"
  Delete "$INSTDIR\fonts\NotoNaskhArabic-Bold.ttf"
  Delete "$INSTDIR\fonts\NotoSansHebrew-Regular.ttf"
  Delete "$INSTDIR\fonts\NotoSansHebrew-Bold.ttf"
  Delete "$INSTDIR\fonts\NotoSansThai-Regular.ttf"
  Delete "$INSTDIR\fonts\NotoSansThai-Bold.ttf"
  Delete "$INSTDIR\fonts\NotoSansEthiopic-Regular.ttf"
  Delete "$INSTDIR\fonts\NotoSansEthiopic-Bold.ttf"
  Delete "$INSTDIR\fonts\DroidSansFallbackFull.ttf"
  Delete "$INSTDIR\fonts\NanumSquareR.ttf"
  Delete "$INSTDIR\fonts\NanumSquareB.ttf"
  RMDir "$INSTDIR\fonts"
  RMDir "$INSTDIR\licences"
  Delete "$INSTDIR\Uninstall PPG Desk.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\PPG Desk\PPG Desk.lnk"
  Delete "$SMPROGRAMS\PPG Desk\PPG Desk command line.lnk"
  RMDir "$SMPROGRAMS\PPG Desk"
  Delete "$DESKTOP\PPG Desk.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${OWN_KEY}"
SectionEnd

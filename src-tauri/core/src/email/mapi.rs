//! Simple MAPI on Windows: `MAPISendMailW` asks the mail program registered for it (Outlook,
//! Thunderbird, eM Client…) to open a new message with the recipients, subject, message and
//! PDF filled in; nothing is sent until the volunteer presses Send there.
//!
//! `mapi32.dll` is loaded when needed, as Microsoft advises, so PPG Desk starts on a computer
//! with no mail program at all. Which program answers is read from the registry
//! (`Software\Clients\Mail`), the same place `mapi32.dll` looks.

use std::ffi::OsStr;
use std::iter::once;
use std::os::windows::ffi::OsStrExt;
use std::path::Path;
use std::ptr::{null, null_mut};

use windows_sys::Win32::Foundation::FreeLibrary;
use windows_sys::Win32::System::LibraryLoader::{GetProcAddress, LoadLibraryW};
use windows_sys::Win32::System::Mapi::{
    MapiFileDescW, MapiMessageW, MapiRecipDescW, MAPI_BCC, MAPI_DIALOG, MAPI_LOGON_UI, MAPI_TO, MAPI_USER_ABORT,
};
use windows_sys::Win32::System::Registry::{RegGetValueW, HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, RRF_RT_REG_SZ};

/// `MAPISendMailW`, as mapi32.dll exports it.
type SendMailW = unsafe extern "system" fn(usize, usize, *const MapiMessageW, u32, u32) -> u32;

/// What the mail program did with the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It opened the message (and the volunteer sent it, or it is waiting for them).
    Opened,
    /// The volunteer closed the message without sending it.
    Cancelled,
    /// No mail program took it (none registered, or it does not answer Simple MAPI).
    NotTaken,
}

/// `text` as Windows wants it: UTF-16 ending in a zero.
fn wide(text: &OsStr) -> Vec<u16> {
    text.encode_wide().chain(once(0)).collect()
}

/// The mail program registered for Simple MAPI (the user's choice, then the computer's), if any.
pub fn mail_program() -> Option<String> {
    let key = wide(OsStr::new("Software\\Clients\\Mail"));
    for root in [HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE] {
        let mut value = [0u16; 512];
        let mut size = std::mem::size_of_val(&value) as u32;
        // SAFETY: `key` ends in a zero; `value` is writable for `size` bytes, which the call
        // updates to the bytes written (the string and its zero); a null value name reads the
        // key's default value; a null type pointer is allowed.
        let status = unsafe {
            RegGetValueW(root, key.as_ptr(), null(), RRF_RT_REG_SZ, null_mut(), value.as_mut_ptr().cast(), &mut size)
        };
        if status == 0 {
            let written = (size as usize / 2).min(value.len());
            let name = String::from_utf16_lossy(&value[..written]);
            let name = name.trim_end_matches('\0').trim();
            if !name.is_empty() {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// Asks the mail program for a new message to `recipients` (in Bcc when `bcc`) with `pdf`
/// attached under the name `file_name`. Returns when the volunteer has sent or closed it.
pub fn send(recipients: &[&str], bcc: bool, subject: &str, message: &str, pdf: &Path, file_name: &str) -> Outcome {
    // Every string the message points at lives until the call returns.
    let mut names: Vec<Vec<u16>> = recipients.iter().map(|r| wide(OsStr::new(r))).collect();
    let mut addresses: Vec<Vec<u16>> = recipients.iter().map(|r| wide(OsStr::new(&format!("SMTP:{r}")))).collect();
    let class = if bcc { MAPI_BCC } else { MAPI_TO };
    let mut recips: Vec<MapiRecipDescW> = names
        .iter_mut()
        .zip(addresses.iter_mut())
        .map(|(name, address)| MapiRecipDescW {
            ulReserved: 0,
            ulRecipClass: class,
            lpszName: name.as_mut_ptr(),
            lpszAddress: address.as_mut_ptr(),
            ulEIDSize: 0,
            lpEntryID: null_mut(),
        })
        .collect();
    let (mut subject, mut body) = (wide(OsStr::new(subject)), wide(OsStr::new(message)));
    let (mut path, mut shown) = (wide(pdf.as_os_str()), wide(OsStr::new(file_name)));
    let mut file = MapiFileDescW {
        ulReserved: 0,
        flFlags: 0,
        // Attached after the message text rather than at a position within it.
        nPosition: u32::MAX,
        lpszPathName: path.as_mut_ptr(),
        lpszFileName: shown.as_mut_ptr(),
        lpFileType: null_mut(),
    };
    let mail = MapiMessageW {
        ulReserved: 0,
        lpszSubject: subject.as_mut_ptr(),
        lpszNoteText: body.as_mut_ptr(),
        lpszMessageType: null_mut(),
        lpszDateReceived: null_mut(),
        lpszConversationID: null_mut(),
        flFlags: 0,
        lpOriginator: null_mut(),
        nRecipCount: recips.len() as u32,
        lpRecips: recips.as_mut_ptr(),
        nFileCount: 1,
        lpFiles: &mut file,
    };
    let library_name = wide(OsStr::new("mapi32.dll"));
    // SAFETY: the name ends in a zero. A null handle (no mapi32.dll) is checked below.
    let library = unsafe { LoadLibraryW(library_name.as_ptr()) };
    if library.is_null() {
        return Outcome::NotTaken;
    }
    // SAFETY: `library` is a loaded module and the name a zero-ended ANSI string.
    let found = unsafe { GetProcAddress(library, c"MAPISendMailW".as_ptr().cast()) };
    let outcome = match found {
        None => Outcome::NotTaken,
        Some(found) => {
            // SAFETY: mapi32.dll's MAPISendMailW has exactly this signature (LPMAPISENDMAILW);
            // function pointers of the two types have one size and layout.
            let send_mail = unsafe { std::mem::transmute::<unsafe extern "system" fn() -> isize, SendMailW>(found) };
            // SAFETY: `mail` and everything it points at are alive and unchanged for the
            // call; no session (0) and no parent window (0) are both allowed.
            let code = unsafe { send_mail(0, 0, &mail, MAPI_DIALOG | MAPI_LOGON_UI, 0) };
            match code {
                0 => Outcome::Opened,
                MAPI_USER_ABORT => Outcome::Cancelled,
                _ => Outcome::NotTaken,
            }
        }
    };
    // SAFETY: `library` was loaded above and nothing from it is used after this.
    unsafe { FreeLibrary(library) };
    outcome
}

//! Folders that a file-syncing service copies to the internet while files in them change
//! (OneDrive, Dropbox, Google Drive, iCloud Drive, Nextcloud, Box). A live database in one can
//! be damaged by a copy taken mid-write, and a backup in one sends people's personal details
//! to that service; Windows moves Documents and Desktop into OneDrive by itself, so a
//! volunteer may not know. Recognised by the folder names the services use, and on Windows by
//! the `OneDrive*` variables that name OneDrive's folders.

use std::path::{Component, Path};

/// Folder names each service gives its folder (compared without case; OneDrive for work
/// adds " - Organisation").
const SERVICES: &[(&str, &str)] = &[
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("iclouddrive", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("box", "Box"),
    ("box sync", "Box"),
];

/// The syncing service whose folder holds `path`, if any.
pub fn service_of(path: &Path) -> Option<&'static str> {
    let by_name = path.components().find_map(|part| match part {
        Component::Normal(name) => {
            let name = name.to_string_lossy().to_lowercase();
            SERVICES
                .iter()
                .find(|(folder, _)| name == *folder || (*folder == "onedrive" && name.starts_with("onedrive - ")))
        }
        _ => None,
    });
    if let Some((_, service)) = by_name {
        return Some(service);
    }
    ["OneDrive", "OneDriveConsumer", "OneDriveCommercial"]
        .iter()
        .filter_map(std::env::var_os)
        .filter(|root| !root.is_empty())
        .any(|root| path.starts_with(root))
        .then_some("OneDrive")
}

/// What to say when PPG Desk's own data folder is inside a syncing folder.
pub fn data_folder_warning(dir: &Path) -> Option<String> {
    service_of(dir).map(|service| {
        format!(
            "PPG Desk's data folder is inside {service}. {service} copies files while PPG Desk is \
             writing them, which can damage the PPG's records, and it stores people's personal details \
             on the internet. Keep PPG Desk's data in its usual folder, outside {service}, and use \
             \"Back up to a file\" for copies."
        )
    })
}

/// What to say when a copy of the data (a backup) was written inside a syncing folder.
pub fn copy_warning(file: &Path) -> Option<String> {
    service_of(file).map(|service| {
        format!(
            "This folder is inside {service}, so this copy of people's personal details will be \
             uploaded to {service}. Keep it there only if your PPG has agreed to that; a USB stick \
             kept at home is safer."
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_services_folders_are_recognised_whatever_their_case() {
        for (path, service) in [
            ("/home/zoe/OneDrive/Documents/ppg", "OneDrive"),
            ("/home/zoe/OneDrive - Riverside PCN/backups", "OneDrive"),
            ("/home/zoe/Dropbox/PPG", "Dropbox"),
            ("/Users/zoe/Library/Mobile Documents/com~apple~CloudDocs", "iCloud Drive"),
            ("/home/zoe/Google Drive/My Drive/ppg", "Google Drive"),
            ("/home/zoe/nextcloud/ppg", "Nextcloud"),
        ] {
            assert_eq!(service_of(Path::new(path)), Some(service), "{path}");
        }
    }

    #[test]
    fn ordinary_folders_and_look_alikes_are_not() {
        for path in
            ["/home/zoe/.local/share/ppgdesk/data", "/media/usb/backups", "/home/zoe/OneDriveNotes", "/srv/boxes"]
        {
            assert_eq!(service_of(Path::new(path)), None, "{path}");
        }
        assert!(data_folder_warning(Path::new("/home/zoe/.local/share/ppgdesk/data")).is_none());
    }

    #[test]
    fn the_warnings_name_the_service_and_say_why() {
        let data = data_folder_warning(Path::new("/home/zoe/OneDrive/ppg")).unwrap();
        assert!(data.contains("inside OneDrive") && data.contains("damage") && data.contains("personal details"));
        let copy = copy_warning(Path::new("/home/zoe/Dropbox/backup.sqlite3")).unwrap();
        assert!(copy.contains("uploaded to Dropbox"), "{copy}");
    }

    proptest! {
        #[test]
        fn any_path_is_looked_at_without_a_panic(path in "\\PC{0,80}") {
            let _ = service_of(Path::new(&path));
        }
    }
}

//! `ppg-desk share …` as a real process: start (with the befriending scheme's own code), join
//! with the codes from files, status with each laptop's id, and removing a laptop.

use std::path::Path;

use crate::cli::ppg_with;

/// The code printed after `label` ("Invitation code: ABCD-…").
fn code_after(text: &str, label: &str) -> String {
    text.lines().find_map(|l| l.strip_prefix(label)).map(|c| c.trim().to_string()).unwrap_or_default()
}

fn in_file(dir: &Path, name: &str, code: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, code).unwrap();
    path
}

#[test]
fn a_committee_shares_joins_and_removes_a_laptop_from_the_command_line() {
    let root = tempfile::tempdir().unwrap();
    let (folder, codes) = (root.path().join("shared"), root.path().join("codes"));
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::create_dir_all(&codes).unwrap();
    let laptop = |name: &str| root.path().join(name);
    let folder_arg = folder.to_str().unwrap();

    assert!(ppg_with(&laptop("secretary"), &["demo"], &[]).0);
    let (ok, text) = ppg_with(
        &laptop("secretary"),
        &["share", "start", "--folder", folder_arg, "--name", "Secretary's laptop", "--befriending"],
        &[],
    );
    assert!(ok, "{text}");
    let (invitation, scheme) = (code_after(&text, "Invitation code: "), code_after(&text, "Befriending scheme code: "));
    assert_eq!((invitation.len(), scheme.len()), (29, 29), "{text}");

    // The chair: the invitation code only, from a file.
    let invitation_file = in_file(&codes, "invitation", &invitation);
    let (ok, text) = ppg_with(
        &laptop("chair"),
        &["share", "join", "--folder", folder_arg, "--name", "Chair's laptop"],
        &[("PPG_DESK_INVITATION_FILE", &invitation_file)],
    );
    assert!(ok && text.contains("Joined the shared PPG."), "{text}");
    let (_, listed) = ppg_with(&laptop("chair"), &["referrals"], &[]);
    assert!(!listed.contains("Stage"), "no referral reaches the chair: {listed}");

    // The befriending coordinator: both codes.
    let scheme_file = in_file(&codes, "scheme", &scheme);
    let (ok, text) = ppg_with(
        &laptop("coordinator"),
        &["share", "join", "--folder", folder_arg, "--name", "Befriending laptop", "--befriending"],
        &[("PPG_DESK_INVITATION_FILE", &invitation_file), ("PPG_DESK_BEFRIENDING_CODE_FILE", &scheme_file)],
    );
    assert!(ok, "{text}");
    let (_, ours) = ppg_with(&laptop("secretary"), &["referrals"], &[]);
    let (_, theirs) = ppg_with(&laptop("coordinator"), &["referrals"], &[]);
    assert_eq!(ours.lines().count(), theirs.lines().count(), "the coordinator has the scheme:\n{theirs}");
    assert!(ours.lines().count() > 2);

    // Status names each laptop with its id; the secretary removes the chair's laptop.
    assert!(ppg_with(&laptop("chair"), &["share", "sync"], &[]).0);
    let (_, status) = ppg_with(&laptop("secretary"), &["share", "status"], &[]);
    let chair_id = status
        .lines()
        .find(|l| l.trim_start().starts_with("Chair's laptop ("))
        .and_then(|l| l.split('(').nth(1))
        .and_then(|rest| rest.split(')').next())
        .unwrap_or_else(|| panic!("the chair's laptop is listed with its id:\n{status}"))
        .to_string();
    let (ok, text) = ppg_with(&laptop("secretary"), &["share", "remove", "--laptop", &chair_id], &[]);
    assert!(ok && text.contains("That laptop is removed"), "{text}");
    assert_ne!(code_after(&text, "Invitation code: "), invitation, "a new invitation code");
    let (ok, text) = ppg_with(&laptop("chair"), &["share", "sync"], &[]);
    assert!(!ok && text.contains("removed from the shared PPG"), "{text}");
    let (ok, text) = ppg_with(&laptop("coordinator"), &["share", "sync"], &[]);
    assert!(ok, "the coordinator carries on: {text}");
}

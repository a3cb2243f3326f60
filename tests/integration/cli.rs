//! The command line, run as a real process: demo, check, backup and restore.

use std::process::Command;

fn ppg(dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ppg-desk"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("PPG_DESK_DATA_DIR")
        .output()
        .expect("run ppg-desk");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

#[test]
fn version_and_help_describe_the_program() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, text) = ppg(dir.path(), &["--version"]);
    assert!(ok && text.contains(env!("CARGO_PKG_VERSION")), "{text}");
    let (ok, text) = ppg(dir.path(), &["--help"]);
    assert!(
        ok && text.contains("demo") && text.contains("backup") && text.contains("restore") && text.contains("check"),
        "{text}"
    );
}

#[test]
fn demo_check_backup_restore() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (ok, text) = ppg(&data, &["demo"]);
    assert!(ok, "{text}");
    let (ok, text) = ppg(&data, &["demo"]);
    assert!(!ok && text.contains("only be loaded into an empty"), "demo refuses a folder with data: {text}");

    let (ok, text) = ppg(&data, &["check"]);
    let version = format!("Data version: {}", ppg_desk_core::db::migrate::LATEST_VERSION);
    assert!(ok && text.contains("Integrity: ok") && text.contains(&version), "{text}");

    let backup = dir.path().join("ppg.sqlite3");
    let (ok, text) = ppg(&data, &["backup", "--out", backup.to_str().unwrap()]);
    assert!(ok && text.contains("22 people"), "{text}");

    let empty = dir.path().join("fresh");
    let (ok, text) = ppg(&empty, &["restore", backup.to_str().unwrap()]);
    assert!(ok, "{text}");
    let state = crate::support::open_at(&empty);
    assert_eq!(crate::support::count_people(&state), 22, "the restored folder holds the sample PPG");
}

#[test]
fn check_reports_a_damaged_file_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(ppg_desk_core::db::DB_FILE), b"garbage garbage garbage").unwrap();
    let (ok, text) = ppg(dir.path(), &["check"]);
    assert!(!ok && text.contains("damaged"), "{text}");
}

#[test]
fn print_members_writes_a_pdf_in_either_profile() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ppg(dir.path(), &["demo"]).0);
    for args in [&["print", "members", "--out"][..], &["print", "members", "--large-print", "--out"][..]] {
        let out = dir.path().join("list.pdf");
        let mut all: Vec<&str> = args.to_vec();
        all.push(out.to_str().unwrap());
        let (ok, text) = ppg(dir.path(), &all);
        assert!(ok, "{text}");
        assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"), "a PDF was written");
    }
    let (ok, text) = ppg(dir.path(), &["print", "members"]);
    assert!(!ok && text.contains("--out"), "the output file is required: {text}");
}

#[test]
fn meetings_are_listed_printed_and_exported_as_invites() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ppg(dir.path(), &["demo"]).0);
    let (ok, list) = ppg(dir.path(), &["meetings"]);
    assert!(ok, "{list}");
    let held: &str = list
        .lines()
        .find(|l| l.ends_with("Minutes approved"))
        .and_then(|l| l.split_whitespace().next())
        .expect("an approved meeting is listed");
    for document in ["agenda", "minutes"] {
        for large in [false, true] {
            let out = dir.path().join(format!("{document}.pdf"));
            let mut args = vec!["print", document, "--meeting", held];
            if large {
                args.push("--large-print");
            }
            args.extend(["--out", out.to_str().unwrap()]);
            let (ok, text) = ppg(dir.path(), &args);
            assert!(ok, "{text}");
            assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
        }
    }
    let ics = dir.path().join("meeting.ics");
    let (ok, text) = ppg(dir.path(), &["export", "ics", "--meeting", held, "--out", ics.to_str().unwrap()]);
    assert!(ok, "{text}");
    let invite = std::fs::read_to_string(&ics).unwrap();
    assert!(invite.starts_with("BEGIN:VCALENDAR") && invite.contains("BEGIN:VEVENT"), "{invite}");
    let (ok, text) = ppg(dir.path(), &["print", "minutes", "--meeting", "9999", "--out", ics.to_str().unwrap()]);
    assert!(!ok && text.contains("no longer in PPG Desk"), "an unknown meeting is explained: {text}");
}

#[test]
fn the_directory_and_contacts_are_printed_exported_and_imported() {
    let from = tempfile::tempdir().unwrap();
    let to = tempfile::tempdir().unwrap();
    assert!(ppg(from.path(), &["demo"]).0);
    let pdf = from.path().join("directory.pdf");
    let (ok, text) = ppg(
        from.path(),
        &["print", "directory", "--category", "food", "--large-print", "--out", pdf.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let (ok, text) =
        ppg(from.path(), &["print", "directory", "--category", "Knitting", "--out", pdf.to_str().unwrap()]);
    assert!(
        !ok && text.contains("no directory category called \"Knitting\"") && text.contains("Befriending"),
        "{text}"
    );

    let json = from.path().join("directory.json");
    assert!(ppg(from.path(), &["export", "directory", "--format", "oruk", "--out", json.to_str().unwrap()]).0);
    let csv = from.path().join("directory.csv");
    assert!(ppg(from.path(), &["export", "directory", "--format", "csv", "--out", csv.to_str().unwrap()]).0);
    let vcf = from.path().join("contacts.vcf");
    assert!(ppg(from.path(), &["export", "contacts", "--format", "vcard", "--out", vcf.to_str().unwrap()]).0);

    let (ok, text) = ppg(to.path(), &["import", "directory", json.to_str().unwrap()]);
    assert!(ok && text.starts_with("Added ") && text.contains("updated 0"), "{text}");
    let (ok, text) = ppg(to.path(), &["import", "directory", csv.to_str().unwrap()]);
    assert!(ok && text.starts_with("Added "), "a CSV is read by its headings: {text}");
    let (ok, text) = ppg(to.path(), &["import", "contacts", vcf.to_str().unwrap()]);
    assert!(ok && text.starts_with("Imported 4 contacts"), "{text}");

    let broken = to.path().join("broken.csv");
    std::fs::write(&broken, "Name,Postcode\nGood,RV1 2AB\nBad,nowhere\n").unwrap();
    let (ok, text) = ppg(to.path(), &["import", "directory", broken.to_str().unwrap()]);
    assert!(!ok && text.contains("Nothing was imported") && text.contains("Line 3: Postcode"), "{text}");
}

#[test]
fn the_driver_scheme_prints_its_rota_sheets_claims_and_calendars() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ppg(dir.path(), &["demo"]).0);
    let (ok, list) = ppg(dir.path(), &["drivers"]);
    assert!(ok && list.contains("Graham Whitfield"), "{list}");
    let graham = list
        .lines()
        .find(|l| l.contains("Graham Whitfield"))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_string();
    let week = chrono::Local::now().date_naive().format("%G-W%V").to_string();
    let month = chrono::Local::now().date_naive().format("%Y-%m").to_string();
    let out = dir.path().join("out.pdf");
    for args in [
        vec!["print", "rota", "--week", week.as_str()],
        vec!["print", "trip-sheet", "--driver", graham.as_str(), "--week", week.as_str(), "--large-print"],
        vec!["print", "mileage", "--driver", graham.as_str(), "--month", month.as_str()],
    ] {
        let mut args = args.clone();
        args.extend(["--out", out.to_str().unwrap()]);
        let (ok, text) = ppg(dir.path(), &args);
        assert!(ok, "{args:?}: {text}");
        assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    }
    let (ok, text) = ppg(dir.path(), &["print", "rota", "--week", "soon", "--out", out.to_str().unwrap()]);
    assert!(!ok && text.contains("Please give the week like 2026-W48"), "{text}");
    let (ok, text) = ppg(dir.path(), &["print", "scheme-summary", "--months", "3", "--out", out.to_str().unwrap()]);
    assert!(ok, "{text}");
    let summary = crate::print::tool("pdftotext", &["-layout"], &std::fs::read(&out).unwrap());
    assert!(
        summary.contains("Graham Whitfield")
            && summary.contains(&chrono::Local::now().date_naive().format("%B %Y").to_string()),
        "{summary}"
    );
    let (ok, text) = ppg(dir.path(), &["print", "scheme-summary", "--months", "40", "--out", out.to_str().unwrap()]);
    assert!(!ok && text.contains("40"), "more than 36 months is refused: {text}");
    let (ok, text) = ppg(dir.path(), &["export", "ics", "--driver", graham.as_str()]);
    assert!(ok && text.contains("TZID=Europe/London"), "{text}");
    let (ok, _) = ppg(dir.path(), &["export", "ics"]);
    assert!(!ok, "a meeting or a driver must be named");
}

#[test]
fn the_befriending_report_and_a_persons_record_are_written_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ppg(dir.path(), &["demo"]).0);
    let (ok, list) = ppg(dir.path(), &["referrals"]);
    let edna =
        list.lines().find(|l| l.contains("Edna Marsh")).and_then(|l| l.split_whitespace().next()).unwrap().to_string();
    assert!(ok);
    let out = dir.path().join("report.pdf");
    let (ok, text) = ppg(
        dir.path(),
        &[
            "print",
            "befriending-report",
            "--from",
            "2026-01",
            "--to",
            "2026-12",
            "--large-print",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(ok && std::fs::read(&out).unwrap().starts_with(b"%PDF-"), "{text}");
    let (ok, text) = ppg(
        dir.path(),
        &["print", "befriending-report", "--from", "2026-12", "--to", "2026-01", "--out", out.to_str().unwrap()],
    );
    assert!(!ok && text.contains("cannot end"), "{text}");

    let record = dir.path().join("record.pdf");
    let (ok, text) =
        ppg(dir.path(), &["export", "person", "--referral", edna.as_str(), "--out", record.to_str().unwrap()]);
    assert!(ok, "{text}");
    assert!(std::fs::read(&record).unwrap().starts_with(b"%PDF-"));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("record.json")).unwrap()).unwrap();
    assert_eq!(json["record"]["referral"]["fullName"], "Edna Marsh");
    let (ok, text) = ppg(dir.path(), &["export", "person", "--referral", "9999", "--out", record.to_str().unwrap()]);
    assert!(!ok && text.contains("That referral is no longer in PPG Desk."), "{text}");

    // Someone in People: a driver's whole record.
    let (_, people) = ppg(dir.path(), &["people"]);
    let graham = people
        .lines()
        .find(|l| l.contains("Graham Whitfield"))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_string();
    let (ok, text) =
        ppg(dir.path(), &["export", "person", "--person", graham.as_str(), "--out", record.to_str().unwrap()]);
    assert!(ok, "{text}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("record.json")).unwrap()).unwrap();
    assert_eq!(json["record"]["driver"]["registration"], "RV19 GWF");
    let (ok, text) = ppg(dir.path(), &["export", "person", "--out", record.to_str().unwrap()]);
    assert!(!ok && text.contains("--person") && text.contains("--passenger"), "whose record must be said: {text}");
    let (_, passengers) = ppg(dir.path(), &["passengers"]);
    let harold = passengers
        .lines()
        .find(|l| l.contains("Harold Jenkins"))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_string();
    let (ok, text) = ppg(
        dir.path(),
        &["export", "person", "--passenger", harold.as_str(), "--large-print", "--out", record.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("record.json")).unwrap()).unwrap();
    assert_eq!(json["record"]["passenger"]["fullName"], "Harold Jenkins");
}

#[test]
fn a_bulletin_issue_prints_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ppg(dir.path(), &["demo"]).0);
    let (ok, list) = ppg(dir.path(), &["bulletins"]);
    assert!(ok && list.lines().filter(|l| l.contains("Riverside PPG News")).count() == 12, "{list}");
    let draft = list
        .lines()
        .find(|l| l.contains("Riverside PPG News") && !l.contains("(published)"))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_string();
    let out = dir.path().join("bulletin.pdf");
    for extra in [&[][..], &["--large-print"][..]] {
        let mut args = vec!["print", "bulletin", "--issue", draft.as_str(), "--out", out.to_str().unwrap()];
        args.extend(extra);
        let (ok, text) = ppg(dir.path(), &args);
        assert!(ok && std::fs::read(&out).unwrap().starts_with(b"%PDF-"), "{text}");
    }
    let (ok, text) = ppg(dir.path(), &["print", "bulletin", "--issue", "999", "--out", out.to_str().unwrap()]);
    assert!(!ok && text.contains("That bulletin is no longer in PPG Desk."), "{text}");
}

/// Runs the command line with extra environment variables (passphrase files).
pub(crate) fn ppg_with(dir: &std::path::Path, args: &[&str], env: &[(&str, &std::path::Path)]) -> (bool, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ppg-desk"));
    command.arg("--data-dir").arg(dir).args(args).env_remove("PPG_DESK_DATA_DIR");
    for variable in [
        "PPG_DESK_PASSPHRASE_FILE",
        "PPG_DESK_NEW_PASSPHRASE_FILE",
        "PPG_DESK_RECOVERY_KEY_FILE",
        "PPG_DESK_INVITATION_FILE",
        "PPG_DESK_BEFRIENDING_CODE_FILE",
        "PPG_DESK_DRIVERS_CODE_FILE",
    ] {
        command.env_remove(variable);
    }
    for (name, value) in env {
        command.env(name, value);
    }
    let out = command.output().expect("run ppg-desk");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

#[test]
fn security_from_the_command_line_protects_opens_and_refuses_in_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let state = crate::support::open_at(&data);
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| ppg_desk_core::sample::load(tx, today, &now)).unwrap();
        state.write(|tx| Ok(tx.execute("UPDATE settings SET is_sample = 0", [])?)).unwrap();
    }
    let secret = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("{text}\n")).unwrap();
        path
    };
    let good = secret("pass", "purple kettle under moonlight");
    let wrong = secret("wrong", "purple kettle under sunlight");
    let newer = secret("new", "a brand new passphrase for us");

    let (ok, text) = ppg_with(&data, &["security", "status"], &[]);
    assert!(ok && text.contains("Protected: no"), "{text}");
    let sheet = dir.path().join("sheet.pdf");
    let (ok, text) = ppg_with(
        &data,
        &["security", "protect", "--recovery-sheet", sheet.to_str().unwrap()],
        &[("PPG_DESK_PASSPHRASE_FILE", &good)],
    );
    assert!(ok && text.contains("now protected") && text.contains("recovery sheet"), "{text}");
    assert!(!text.contains("purple"), "the passphrase is never printed: {text}");

    // No passphrase at hand (no terminal, no file): one plain sentence and a failure code.
    let (ok, text) = ppg_with(&data, &["people"], &[]);
    assert!(!ok && text.contains("protected with a passphrase") && text.lines().count() == 1, "{text}");
    let (ok, text) = ppg_with(&data, &["people"], &[("PPG_DESK_PASSPHRASE_FILE", &wrong)]);
    assert!(!ok && text.contains("not the one for this PPG") && text.lines().count() == 1, "{text}");
    let (ok, text) = ppg_with(&data, &["people"], &[("PPG_DESK_PASSPHRASE_FILE", &good)]);
    assert!(ok && text.lines().count() > 10, "the people are listed: {text}");

    let (ok, text) = ppg_with(&data, &["security", "status"], &[]);
    assert!(ok && text.contains("Protected: yes") && text.contains("Locked: yes"), "{text}");
    let (ok, text) = ppg_with(&data, &["check"], &[("PPG_DESK_PASSPHRASE_FILE", &good)]);
    assert!(ok && text.contains("key file and its copy are sound"), "{text}");

    // The recovery key, as printed on the sheet, opens it too.
    let printed = Command::new("pdftotext").arg(&sheet).arg("-").output().unwrap();
    let printed = String::from_utf8_lossy(&printed.stdout).to_string();
    assert!(printed.contains("Keep this safe"), "{printed}");
    let key_line = printed
        .lines()
        .find(|l| l.split_whitespace().count() == 6 && l.split_whitespace().all(|g| g.len() == 4))
        .unwrap_or_else(|| panic!("the key is on the sheet: {printed}"));
    let recovery = secret("recovery", key_line);
    let (ok, text) = ppg_with(&data, &["meetings"], &[("PPG_DESK_RECOVERY_KEY_FILE", &recovery)]);
    assert!(ok, "{text}");

    let (ok, text) = ppg_with(
        &data,
        &["security", "change-passphrase"],
        &[("PPG_DESK_PASSPHRASE_FILE", &good), ("PPG_DESK_NEW_PASSPHRASE_FILE", &newer)],
    );
    assert!(ok && text.contains("passphrase is changed"), "{text}");
    let (ok, _) = ppg_with(&data, &["meetings"], &[("PPG_DESK_PASSPHRASE_FILE", &good)]);
    assert!(!ok, "the old passphrase no longer opens it");
    let (ok, text) = ppg_with(&data, &["meetings"], &[("PPG_DESK_PASSPHRASE_FILE", &newer)]);
    assert!(ok, "{text}");
}

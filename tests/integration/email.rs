//! Emailing documents through the volunteer's own mail program: the drafts read in Python's
//! standard `email` package as a mail program would read them (names in any language, the
//! subject, Bcc beyond the committee, the PDF attached byte for byte), the lists never reach
//! anyone who has not agreed to be emailed, and a mail program registered for `mailto:` is
//! really asked to open a new message with the PDF attached.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use ppg_desk_core::documents::DocumentKind;
use ppg_desk_core::email::{self, EmailInput, ListKey};
use ppg_desk_core::print::Profile;
use ppg_desk_core::state::AppState;
use serde_json::Value;

use crate::print::sample_store;
use crate::support::add_person;

/// What Python's `email` package reads in a draft (see tests/email/parse_eml.py).
pub(crate) fn parse(bytes: &[u8]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.eml");
    std::fs::write(&file, bytes).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/email/parse_eml.py");
    let out = Command::new("python3").arg(script).arg(&file).output().expect("python3 (make test installs it)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

pub(crate) fn addresses(parsed: &Value, header: &str) -> Vec<(String, String)> {
    parsed[header]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a[0].as_str().unwrap().to_string(), a[1].as_str().unwrap().to_string()))
        .collect()
}

pub(crate) fn next_meeting(state: &AppState) -> i64 {
    state
        .read(|conn| Ok(conn.query_row("SELECT id FROM meetings WHERE status = 'planned'", [], |r| r.get(0))?))
        .unwrap()
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext").arg(&file).arg("-").output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub(crate) fn input(state: &AppState, kind: &DocumentKind, list: ListKey) -> EmailInput {
    let prepared = state.read(|conn| email::prepare(conn, kind, list, state.today())).unwrap();
    EmailInput { list, subject: prepared.subject, message: prepared.message }
}

#[test]
fn the_agenda_for_the_committee_reads_in_a_standard_parser_with_every_name_and_the_pdf_attached() {
    let store = sample_store();
    let state = &store.state;
    let kind = DocumentKind::Agenda { meeting_id: next_meeting(state) };
    let asked = input(state, &kind, ListKey::Committee);
    assert!(asked.subject.starts_with("Agenda for the committee meeting on "), "{}", asked.subject);
    assert!(asked.subject.ends_with("at 6.30pm"), "{}", asked.subject);
    let (audience, version, drafts) = email::send::make(state, &kind, &asked).unwrap();
    assert_eq!(version, "agenda");
    assert_eq!(drafts.len(), 2, "one in standard print, one in large print for Graham");

    let standard = parse(&drafts[0].bytes);
    let names: BTreeSet<String> = addresses(&standard, "to").into_iter().map(|(name, _)| name).collect();
    for name in ["Zoë Brontë-Smith", "Łukasz Nowak", "Siobhán O'Connor", "Margaret Ellis"] {
        assert!(names.contains(name), "{name} is read back exactly: {names:?}");
    }
    assert!(!names.contains("Graham Whitfield"), "Graham gets the large-print draft");
    assert!(addresses(&standard, "bcc").is_empty(), "the committee see each other's addresses");
    assert_eq!(standard["subject"], asked.subject.as_str());
    assert_eq!(standard["x_unsent"], "1", "Outlook opens it as a new message");
    assert_eq!(standard["from"], "", "the mail program fills in its own account");
    assert_eq!(standard["body"].as_str().unwrap().replace("\r\n", "\n").trim_end(), asked.message.trim_end());
    assert_eq!(standard["defects"].as_array().unwrap().len(), 0, "{standard}");
    assert!(standard["longest_header_line"].as_u64().unwrap() <= 78, "long headers are folded");
    assert!(standard["longest_line"].as_u64().unwrap() <= 78, "long lines are folded");
    let attachment = &standard["attachments"][0];
    assert_eq!(attachment["type"], "application/pdf");
    assert_eq!(attachment["filename"], "ppg-agenda-standard-".to_string() + &state.today().to_string() + ".pdf");
    assert_eq!(attachment["hex"].as_str().unwrap(), hex::encode(&drafts[0].pdf), "the PDF byte for byte");
    let printed = ppg_desk_core::documents::render(state, &kind, Profile::Standard, state.now()).unwrap();
    assert_eq!(pdf_text(&drafts[0].pdf), pdf_text(&printed), "the same agenda as `print` writes");

    let large = parse(&drafts[1].bytes);
    assert_eq!(addresses(&large, "to"), [("Graham Whitfield".to_string(), "graham.whitfield@example.org".into())]);
    assert!(large["attachments"][0]["filename"].as_str().unwrap().contains("large-print"));
    let left: Vec<&str> = audience.left_out.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(left, ["David Thompson", "Eileen McCarthy"], "the committee members without email are named");
}

#[test]
fn nobody_who_has_not_agreed_to_email_is_on_any_list_for_any_document() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    add_person(state, "Nora Noconsent", |p| {
        p.email = "nora@example.org".into();
        p.roles = vec![ppg_desk_core::people::Role::Member];
    });
    add_person(state, "Lenny Left", |p| {
        p.email = "lenny@example.org".into();
        p.contact_by_email = true;
        p.contact_consent_on = "01/01/2025".into();
        p.left_on = "01/06/2026".into();
        p.roles = vec![ppg_desk_core::people::Role::Committee];
    });
    let agreed: BTreeSet<String> = state
        .read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT email FROM people WHERE contact_by_email = 1 AND contact_consent_on IS NOT NULL
                    AND email <> '' AND (left_on IS NULL OR left_on > ?1)",
            )?;
            let rows = stmt.query_map([today.to_string()], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
        .unwrap();
    // A list the PPG made with everybody in People on it, whatever they agreed to.
    let everybody: Vec<i64> = state
        .read(|conn| {
            Ok(conn.prepare("SELECT id FROM people")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    let input_list = email::ListInput { id: None, name: "Everybody we know".into(), people: everybody };
    let everybody = state.write(|tx| email::save_list(tx, &input_list)).unwrap();
    let bulletin: i64 =
        state.read(|conn| Ok(conn.query_row("SELECT max(id) FROM bulletins", [], |r| r.get(0))?)).unwrap();
    let meeting = next_meeting(state);
    let kinds = [
        DocumentKind::Agenda { meeting_id: meeting },
        DocumentKind::Minutes { meeting_id: meeting },
        DocumentKind::Bulletin { bulletin_id: bulletin, edition: None },
        DocumentKind::Reminders { owner_id: None },
        DocumentKind::Directory { category_id: None },
        DocumentKind::Members,
        DocumentKind::Rota { week: today.format("%G-W%V").to_string() },
    ];
    for kind in &kinds {
        for list in ListKey::ALL.into_iter().chain([ListKey::Own { id: everybody }]) {
            let each_owner = matches!(list, ListKey::ActionOwners | ListKey::Drivers);
            let fits = match list {
                ListKey::ActionOwners => matches!(kind, DocumentKind::Reminders { .. }),
                ListKey::Drivers => matches!(kind, DocumentKind::Rota { .. }),
                _ => true,
            };
            if !fits {
                let refused = state.read(|conn| email::prepare(conn, kind, list, today));
                assert!(matches!(refused, Err(ppg_desk_core::error::Error::Invalid(_))), "{kind:?}: only reminders");
                continue;
            }
            let (audience, _, drafts) = email::send::make(state, kind, &input(state, kind, list)).unwrap();
            let mut reached = BTreeSet::new();
            for draft in &drafts {
                let parsed = parse(&draft.bytes);
                let (to, bcc) = (addresses(&parsed, "to"), addresses(&parsed, "bcc"));
                assert_eq!(to.is_empty(), list.bcc(), "{list:?}: Bcc beyond the committee, To within it");
                if each_owner {
                    assert_eq!(to.len(), 1, "each owner's own message");
                    let text = pdf_text(&draft.pdf);
                    assert!(text.contains(&to[0].0), "{} gets their own sheet", to[0].0);
                    let greeting = parsed["body"].as_str().unwrap().lines().next().unwrap().to_string();
                    assert!(greeting.starts_with("Dear ") && greeting != "Dear {name},", "{greeting}");
                }
                reached.extend(to.into_iter().chain(bcc).map(|(_, address)| address));
            }
            assert!(
                reached.is_subset(&agreed),
                "{kind:?} {list:?} reached {:?}",
                reached.difference(&agreed).collect::<Vec<_>>()
            );
            assert!(!reached.contains("nora@example.org") && !reached.contains("lenny@example.org"));
            assert_eq!(reached.len(), audience.recipients.len());
        }
    }
    let members = state.read(|conn| email::prepare(conn, &kinds[0], ListKey::Members, today)).unwrap().audience;
    let nora = members.left_out.iter().find(|l| l.name == "Nora Noconsent").expect("Nora is named as left out");
    assert_eq!(nora.why, "has not agreed to be contacted by email");
    assert!(members.left_out.iter().all(|l| l.name != "Lenny Left"), "someone who has left is not a member any more");
    let virtual_ppg = state.read(|conn| email::prepare(conn, &kinds[0], ListKey::VirtualPpg, today)).unwrap().audience;
    let names: Vec<&str> = virtual_ppg.recipients.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Jan Kowalski", "Mei Ling Chen", "Rhiannon Jones"], "the members who take part by email only");
    let ours = state.read(|conn| email::prepare(conn, &kinds[0], ListKey::Own { id: everybody }, today)).unwrap();
    assert!(
        ours.audience.left_out.iter().any(|l| l.name == "Nora Noconsent"),
        "named as left out on the PPG's list too"
    );
}

/// A mail program registered for `mailto:` in a private XDG folder: it writes down each
/// thing it was asked to open.
fn registered_mail_program(dir: &Path) -> std::path::PathBuf {
    let (data, config) = (dir.join("data"), dir.join("config"));
    std::fs::create_dir_all(data.join("applications")).unwrap();
    std::fs::create_dir_all(&config).unwrap();
    let asked = dir.join("asked.txt");
    let program = dir.join("mail-program.sh");
    std::fs::write(&program, format!("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\n", asked.display())).unwrap();
    Command::new("chmod").arg("755").arg(&program).status().unwrap();
    std::fs::write(
        data.join("applications/test-mail.desktop"),
        format!(
            "[Desktop Entry]\nType=Application\nName=Test mail\nExec={} %u\nMimeType=x-scheme-handler/mailto;\n",
            program.display()
        ),
    )
    .unwrap();
    std::fs::write(config.join("mimeapps.list"), "[Default Applications]\nx-scheme-handler/mailto=test-mail.desktop\n")
        .unwrap();
    asked
}

/// `mailto:` as the mail program receives it, decoded.
fn decoded(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&url[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn xdg_email_asks_the_registered_mail_program_for_a_new_message_with_the_pdf_and_the_sending_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ppg");
    let asked = registered_mail_program(&dir.path().join("xdg"));
    let ppg = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_ppg-desk"))
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .env("XDG_DATA_HOME", dir.path().join("xdg/data"))
            .env("XDG_CONFIG_HOME", dir.path().join("xdg/config"))
            // xdg-open asks the desktop's handler only when there is a display to show it on.
            .env("DISPLAY", ":99")
            .env_remove("PPG_DESK_DATA_DIR")
            .output()
            .unwrap();
        (
            out.status.success(),
            format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
        )
    };
    assert!(ppg(&["demo"]).0);
    let meeting = next_meeting(&crate::support::open_at(&data));
    let (ok, said) = ppg(&[
        "email",
        "agenda",
        "--meeting",
        &meeting.to_string(),
        "--list",
        "members",
        "--out",
        "x.eml",
        "--hand-over",
    ]);
    assert!(ok, "{said}");
    assert!(said.contains("Handed to your mail program for 13 people"), "{said}");
    let mut urls = String::new();
    for _ in 0..50 {
        urls = std::fs::read_to_string(&asked).unwrap_or_default();
        if urls.lines().count() >= 2 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let urls: Vec<String> = urls.lines().map(decoded).collect();
    assert_eq!(urls.len(), 2, "a standard and a large-print message: {urls:?}");
    let standard = urls.iter().find(|u| u.contains("-standard-")).expect("the standard message");
    assert!(standard.starts_with("mailto:?subject=Agenda for the committee meeting on "), "{standard}");
    assert!(standard.contains("bcc=jan.kowalski@example.org"), "members are in Bcc: {standard}");
    assert!(!standard.contains("nora") && !standard.contains("david"), "{standard}");
    let attach = standard.split("attach=").nth(1).unwrap().split('&').next().unwrap();
    let pdf = std::fs::read(attach).expect("the attachment is there for the mail program to read");
    assert!(pdf.starts_with(b"%PDF-"), "the file given is the PDF");
    assert!(pdf_text(&pdf).contains("Agenda"), "the agenda itself");
    assert!(
        !attach.contains("Kowalski") && attach.contains("ppg-agenda-standard-"),
        "no name in the file's name: {attach}"
    );
    // The meeting now says the agenda went out, to whom and when.
    let state = crate::support::open_at(&data);
    let sent = state.read(|conn| email::sent_for_meeting(conn, meeting)).unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        (sent[0].list_name.as_str(), sent[0].recipients, sent[0].version.as_str()),
        ("All members", 13, "agenda")
    );
    drop(state);
    // A list the PPG made is named on the command line as on screen, in lower case with hyphens.
    let team = dir.path().join("team.eml");
    let (ok, said) = ppg(&[
        "email",
        "agenda",
        "--meeting",
        &meeting.to_string(),
        "--list",
        "Practice-Team",
        "--out",
        team.to_str().unwrap(),
    ]);
    assert!(ok, "{said}");
    assert!(said.contains("(2 people) for practice team"), "{said}");
    assert_eq!(addresses(&parse(&std::fs::read(&team).unwrap()), "bcc").len(), 2);
    let (ok, said) =
        ppg(&["email", "agenda", "--meeting", &meeting.to_string(), "--list", "friends", "--out", "x.eml"]);
    assert!(!ok && said.contains("virtual-ppg, action-owners, drivers, practice-team"), "{said}");
}

#[test]
fn the_secretarys_own_wording_is_used_and_a_bad_subject_is_explained_beside_its_field() {
    let store = sample_store();
    let state = &store.state;
    let kind = DocumentKind::Agenda { meeting_id: next_meeting(state) };
    let mine =
        email::Template { subject: "PPG agenda: {date}".into(), message: "Hello all, see you at {time}.".into() };
    state.write(|tx| email::save_wording(tx, email::EmailDocument::Agenda, &mine)).unwrap();
    let prepared = state.read(|conn| email::prepare(conn, &kind, ListKey::Committee, state.today())).unwrap();
    assert!(prepared.subject.starts_with("PPG agenda: Tuesday "), "{}", prepared.subject);
    assert_eq!(prepared.message, "Hello all, see you at 6.30pm.");
    let wordings = state.read(email::wordings).unwrap();
    assert!(wordings.iter().find(|w| w.document == email::EmailDocument::Agenda).unwrap().changed);

    let two_lines = email::Template { subject: "Agenda\nBcc: everyone@example.org".into(), message: String::new() };
    match state.write(|tx| email::save_wording(tx, email::EmailDocument::Agenda, &two_lines)) {
        Err(ppg_desk_core::error::Error::Invalid(fields)) => assert_eq!(fields[0].field, "subject"),
        other => panic!("a subject of two lines is refused beside its field: {other:?}"),
    }
    let typed =
        EmailInput { list: ListKey::Committee, subject: "Agenda\r\nBcc: x@example.org".into(), message: String::new() };
    assert!(email::send::make(state, &kind, &typed).is_err(), "nor can one be typed in the panel");

    state.write(|tx| email::reset_wording(tx, email::EmailDocument::Agenda)).unwrap();
    let prepared = state.read(|conn| email::prepare(conn, &kind, ListKey::Committee, state.today())).unwrap();
    assert!(prepared.subject.starts_with("Agenda for the committee meeting"), "{}", prepared.subject);
}

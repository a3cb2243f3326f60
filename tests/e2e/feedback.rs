//! Patients' views from the real window: log what patients said (a name pointed out first),
//! tick it, agree an improvement with the practice, mark it done with what changed, and read
//! it under "You said, we did"; the themes drawn as bars with their numbers in words.

use crate::axe::assert_accessible;
use crate::webdriver::Session;

#[test]
fn log_feedback_agree_an_improvement_and_see_it_under_you_said_we_did() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ppg");
    crate::load_sample(&data);
    let app = Session::launch(&data, &[]);

    app.click_button("Patients' views");
    app.wait_for_text("What patients said");
    app.wait_for_text("The phone queue at 8am is far too long");
    app.click_button("Log what patients said");
    app.fill("#words", "Mrs Hughes says the ramp by the door is too steep for wheelchairs");
    app.fill("#patients", "4");
    crate::choose(&app, "#feedback-source", "The comment box");
    app.click_found(
        "return [...document.querySelectorAll('.feedback-themes label')].find(l => l.textContent.includes('Building'));",
    );
    app.click_button("Save");
    app.wait_for_text("This looks as if it names someone (\"Mrs Hughes\")");
    assert_accessible(&app, "feedback-form");
    app.screenshot("feedback-name-warning");
    app.fill("#words", "The ramp by the door is too steep for wheelchairs");
    app.click_button("Save");
    app.wait_for_text("Saved what patients said.");
    app.wait_for_text("The comment box · 4 patients · Building");

    // Tick it, and agree an improvement with the practice.
    app.click_labelled("Tick \"The ramp by the door is too steep for wheelchairs\"");
    app.click_button("Agree an improvement…");
    app.click_button("Agree the improvement");
    app.wait_for_text("Please say what needs doing.");
    app.fill("#actionTitle", "Ask the practice to fit a handrail and a gentler ramp");
    app.fill("#outsideOwner", "Practice manager");
    app.click_button("Agree the improvement");
    app.wait_for_text("Agreed the improvement \"Ask the practice to fit a handrail and a gentler ramp\".");
    app.wait_for_text("We are doing: Ask the practice to fit a handrail and a gentler ramp");
    app.wait_for_text("You said: 4 patients said: \u{201c}The ramp by the door is too steep for wheelchairs\u{201d}");

    // Done, with what changed in words for patients.
    app.click_found(
        "return [...document.querySelectorAll('.improvements li')].find(l => l.textContent.includes('handrail')).querySelector('button');",
    );
    app.click_button("Mark it done");
    app.wait_for_text("Please say what changed");
    app.fill("#outcome", "A handrail was fitted and the ramp was made gentler");
    app.click_button("Mark it done");
    app.wait_for_text("We did: A handrail was fitted and the ramp was made gentler");
    assert_accessible(&app, "you-said-we-did");
    app.screenshot("you-said-we-did");

    // The themes, as bars with their numbers beside them and a table by month.
    app.click_button("Themes");
    app.wait_for_text("Themes in the last twelve months");
    app.wait_for_text("Patients by theme and month");
    let text = app.body_text();
    assert!(text.contains("Phones") && text.contains("Building"), "{text}");
    assert_accessible(&app, "feedback-themes");
    app.screenshot("feedback-themes");

    // The same on paper: the preview of "What patients told us".
    app.click_button("Print");
    app.wait_for_preview();
    app.screenshot("feedback-print");

    // The annual report's preview, drawn from the same records.
    app.click_button("Annual report");
    app.wait_for_text("Made from the year's own records");
    app.wait_for_preview();
    app.screenshot("annual-report-preview");

    // The improvement is an action like the others, done today.
    app.click_button("Actions");
    app.click_css("input[name='action-view'][value='done']");
    app.wait_for_text("Ask the practice to fit a handrail and a gentler ramp");
    app.quit();

    // The report the preview showed, printed: what patients said and what changed is in it.
    let report = dir.path().join("report.pdf");
    let year =
        chrono::Local::now().date_naive().checked_sub_months(chrono::Months::new(3)).unwrap().format("%Y").to_string();
    let out = std::process::Command::new(crate::cli())
        .arg("--data-dir")
        .arg(&data)
        .args(["print", "annual-report", "--year", &year, "--out"])
        .arg(&report)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::process::Command::new("pdftotext").args(["-raw"]).arg(&report).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("A handrail was fitted and the ramp was made gentler"), "{text}");
}

#[test]
fn equality_answers_with_consent_then_members_beside_the_practices_patients() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ppg");
    crate::load_sample(&data);
    let app = Session::launch(&data, &[]);

    // A member's answers, on their page in People, only with the date they agreed.
    app.click_button("People");
    app.click_css("button[aria-label='Edit Tomasz Wiśniewski']");
    app.click_found(
        "return [...document.querySelectorAll('summary')].find(s => s.textContent.includes('equality monitoring'));",
    );
    crate::choose(&app, "#profile-ageBand", "18 to 39");
    crate::choose(&app, "#profile-ethnic", "White");
    crate::choose(&app, "#profile-carer", "Prefer not to say");
    app.click_button("Save their answers");
    app.wait_for_text("Please give the date they agreed to share this");
    app.fill("#consentOn", "1/12/2026");
    app.click_button("Save their answers");
    app.wait_for_text("Saved their answers.");
    assert_accessible(&app, "equality-answers");
    app.screenshot("equality-answers");

    // Members beside the practice's patients, with the gaps in words.
    app.click_button("Patients' views");
    app.click_button("Who we speak for");
    app.wait_for_text("13 of the PPG's 17 members gave equality answers.");
    // Now three of twelve members are 18 to 39 (25%) beside 33% of patients: within ten points,
    // so no longer said as a gap; the children's gap still is.
    app.wait_for_text("25% (3)");
    let text = app.body_text();
    assert!(!text.contains("People aged 18 to 39 are"), "{text}");
    assert!(text.contains(
        "Children and young people under 18 are 20% of the practice's patients and 0% of the PPG's members."
    ));
    app.execute("document.getElementById('speak-for-title').scrollIntoView();", serde_json::json!([]));
    app.screenshot("members-beside-patients");
    app.fill("#what", "A talk at the sixth-form college");
    app.fill("#aimedAt", "Young people");
    app.fill("#joined", "3");
    app.click_button("Add to the log");
    app.wait_for_text("A talk at the sixth-form college (for Young people)");
    assert_accessible(&app, "who-we-speak-for");
    app.screenshot("who-we-speak-for");
    app.quit();
}

#[test]
fn the_annual_report_is_read_in_the_preview_with_the_chairs_foreword_and_a_section_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ppg");
    crate::load_sample(&data);
    let app = Session::launch(&data, &[]);
    app.click_button("Patients' views");
    app.click_button("Annual report");
    app.wait_for_text("The chair's foreword");
    app.fill("#foreword", "Thank you to every volunteer.");
    app.wait_for_text("All changes saved");
    app.click_found("return [...document.querySelectorAll('label.checkbox')].find(l => l.textContent.includes('Officers')).querySelector('input');");
    app.wait_for_preview();
    assert_accessible(&app, "annual-report");
    app.screenshot("annual-report");
    app.quit();

    // What the window saved is what the report prints: the foreword in, the officers out.
    let out = dir.path().join("report.pdf");
    let year = {
        use chrono::Datelike;
        let today = chrono::Local::now().date_naive();
        if today.month() >= 4 {
            today.year()
        } else {
            today.year() - 1
        }
    };
    let status = std::process::Command::new(crate::cli())
        .arg("--data-dir")
        .arg(&data)
        .args(["print", "annual-report", "--year", &year.to_string(), "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let text = std::process::Command::new("pdftotext").arg(&out).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Thank you to every volunteer."), "{text}");
    assert!(text.contains("What patients told us, and what changed") && !text.contains("Officers"), "{text}");
}

#[test]
fn home_says_the_secretarys_term_ends_soon_and_a_new_secretary_is_appointed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ppg");
    crate::load_sample(&data);
    let app = Session::launch(&data, &[]);
    app.wait_for_text("Siobhán O'Connor's term as secretary ends on");
    app.click_button("Open officers and terms");
    app.wait_for_text("Officers and their terms");
    app.click_button("Appoint a secretary…");
    app.click_button("Appoint");
    app.wait_for_text("Please choose who takes up the post.");
    crate::choose(&app, "#officerPerson", "Priya Sharma");
    app.click_button("Appoint");
    app.wait_for_text("Priya Sharma is now secretary.");
    assert_accessible(&app, "officers");
    app.screenshot("officers");
    // The terms of reference in force, with the day they are due for review.
    app.wait_for_text("In force since");
    app.wait_for_text("4. Officers.");
    app.wait_for_preview();
    app.click_button("Home");
    app.wait_for_text("Overdue actions");
    let text = app.body_text();
    assert!(!text.contains("term as secretary ends"), "{text}");
    app.quit();
}

#[test]
fn the_friends_and_family_test_is_read_from_nhs_englands_file_and_drawn_over_time() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ppg");
    crate::load_sample(&data);
    let file = dir.path().join("FFT GP November 2026.csv");
    std::fs::write(
        &file,
        "Practice Code,Practice Name,Total Responses,1 Very Good,2 Good,3 Neither good nor poor,4 Poor,5 Very poor,6 Don't know\n\
         C84001,RIVERSIDE SURGERY,400,250,110,15,10,10,5\n",
    )
    .unwrap();
    let app = Session::launch(&data, &[("PPG_DESK_TEST_CHOICE", file.to_str().unwrap())]);
    app.click_button("Patients' views");
    app.click_button("Friends and Family Test");
    app.wait_for_text("Answers by month");
    app.fill("#fftCode", "C84001");
    app.fill("#fftMonth", "November 2026");
    app.click_button("Read NHS England's file…");
    app.wait_for_text("Read November 2026 for the practice.");
    // 250 + 110 of 400 said good or very good: 90%, on the line and in the table.
    app.wait_for_text("90%");
    let label =
        app.execute("return document.querySelector('svg.fft-line').getAttribute('aria-label');", serde_json::json!([]));
    assert!(label.as_str().unwrap().contains("Nov 2026 90%"), "{label}");
    assert_accessible(&app, "friends-and-family");
    app.screenshot("friends-and-family");
    app.quit();
}

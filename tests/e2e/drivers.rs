//! The driver scheme in the real window: add a driver whose DBS check runs out in ten days
//! and see the dashboard warn; add a trip request, assign the driver PPG Desk suggests first,
//! try to double-book them and read why not, then print the week's rota and find the trip;
//! add a driver's miles for other organisations to a mileage claim; remove a former driver's
//! record once it has been kept long enough.

use chrono::{Datelike, Duration, Local, NaiveDate};
use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::Session;
use crate::{choose, pick, section_text};

fn uk(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

fn add_trip(app: &Session, passenger: &str, on: NaiveDate) {
    app.click_button("Add a trip request");
    choose(app, "#passengerId", passenger);
    choose(app, "#destinationId", "Northgate Eye Clinic");
    app.fill("#goesOn", &uk(on));
    app.fill("#pickupAt", "10am");
    app.fill("#appointmentAt", "11am");
    app.click_button("Add the request");
    app.wait_for_text("Who can drive?");
}

#[test]
fn a_trip_is_assigned_safely_double_booking_is_explained_and_the_rota_prints() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let today = Local::now().date_naive();
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Next meeting");

    // A new driver whose DBS check lapses in ten days.
    app.click_button("Drivers");
    app.wait_for_text("Volunteer drivers");
    app.wait_for_text("Week of");
    assert_accessible(&app, "drivers-trips");
    pick(&app, "Summary");
    app.wait_for_text("The scheme at a glance");
    app.wait_for_preview();
    assert_accessible(&app, "drivers-summary");
    pick(&app, "Places (5)");
    app.wait_for_text("Hospitals and clinics");
    assert_accessible(&app, "drivers-places");
    // The dashboard says a former driver's record is due for removal and leads to it.
    app.click_button("Home");
    app.wait_for_text("1 former driver's record is due for removal.");
    app.click_button("See the former drivers");
    app.wait_for_text("Remove…");
    let checked = app.execute("return document.querySelector(\"input[name='drivers-tab']:checked\").value;", json!([]));
    assert_eq!(checked, json!("drivers"), "the card opens the list of drivers");
    let former = section_text(&app, "former-drivers-title");
    assert!(
        former.contains("Kenneth Ashworth") && former.contains("stopped driving on"),
        "the sample's former driver is due for removal:\n{former}"
    );
    assert_accessible(&app, "drivers-list");
    app.click_labelled("Remove Kenneth Ashworth's driver record…");
    app.wait_for_text("Remove Kenneth Ashworth's vehicle, checks and usual week for good?");
    app.click_button("Yes, remove the driver record");
    app.wait_for_text("Kenneth Ashworth's driver record has been removed. They are still in People.");
    app.wait_for_text("Drivers (8)");

    // A passenger asks what the scheme holds about them.
    pick(&app, "Passengers (8)");
    app.wait_for_text("Add a passenger");
    let opened = app.execute("const b = [...document.querySelectorAll('button.action-link')].find(b => b.querySelector('strong')?.textContent.trim() === 'Harold Jenkins'); if (b) b.click(); return !!b;", json!([]));
    assert_eq!(opened, json!(true), "Harold Jenkins is a sample passenger");
    app.wait_for_text("Everything we hold about them");
    app.click_button("Show their record…");
    app.wait_for_preview();
    assert_accessible(&app, "passenger-record");
    app.click_button("← Back to the driver scheme");
    pick(&app, "Drivers (8)");
    app.click_button("Add a driver");
    choose(&app, "#personId", "Priya Sharma");
    app.fill("#vehicleMake", "Honda Jazz");
    app.fill("#registration", "rv23 prs");
    app.click_button("Add a day and time");
    app.click_button("Add the driver");
    app.wait_for_text("Usual week");
    assert!(app.body_text().contains("RV23 PRS"), "the registration is tidied");
    app.click_labelled("Update the Enhanced DBS check");
    app.fill("#checkedOn", &uk(today - Duration::days(3)));
    app.fill("#expiresOn", &uk(today + Duration::days(10)));
    app.fill("#reference", "001234567890");
    app.click_button("Save the check");
    app.wait_for_text("Expires in 10 days");
    assert_accessible(&app, "driver-page");

    // A short form in the page, typed into and left by the page's own Back link: asked first;
    // "Keep editing" keeps the typing, and "Save" adds the absence on the way out.
    app.fill("#startsOn", &uk(today + Duration::days(20)));
    app.fill("#endsOn", &uk(today + Duration::days(27)));
    app.fill("#note", "Holiday in Devon");
    app.click_button("← Back to the driver scheme");
    app.wait_for_text("You have changes that are not saved");
    app.click_button("Keep editing");
    let note = app.execute("return document.querySelector('#note').value;", json!([]));
    assert_eq!(note, json!("Holiday in Devon"), "the typing is still there");
    app.click_button("← Back to the driver scheme");
    app.wait_for_text("You have changes that are not saved");
    app.click_button("Save");
    app.wait_for_text("Add a trip request");
    app.click_found("return [...document.querySelectorAll('.driver-link')].find(b => b.innerText.includes('Priya Sharma')) || null;");
    app.wait_for_text("(Holiday in Devon)");

    app.click_button("Home");
    app.wait_for_text("Volunteer drivers");
    let card = section_text(&app, "drivers-card-title");
    assert!(card.contains("Priya Sharma: Enhanced DBS check expires in 10 days"), "the dashboard warns:\n{card}");

    // A request next Monday; the first suggestion is free, with checks in date and no clash.
    let monday = today + Duration::days(7 - today.weekday().num_days_from_monday() as i64);
    app.click_button("Drivers");
    app.wait_for_text("Volunteer drivers");
    add_trip(&app, "Edith Parkinson", monday);
    assert_accessible(&app, "trip-page");
    let first = app.execute("const b = document.querySelector('.suggestions button.primary'); return b ? b.getAttribute('aria-label') : null;", json!([]));
    let driver = first.as_str().expect("someone is free to drive").trim_start_matches("Assign ").to_string();
    app.click_labelled(&format!("Assign {driver}"));
    app.wait_for_text(&format!("{driver} is now driving this trip."));

    // The same time for someone else: the driver just assigned is shown as a clash, with why.
    app.click_button("← Back to the driver scheme");
    add_trip(&app, "Joyce Armitage", monday);
    app.wait_for_text(&format!("Clash: {driver} is already driving Edith Parkinson to Northgate Eye Clinic from 10am"));
    let offered = app.execute(
        "return [...document.querySelectorAll('.suggestions button')].map(b => b.getAttribute('aria-label'));",
        json!([]),
    );
    assert!(
        !offered.to_string().contains(&format!("Assign {driver}")),
        "no way to assign the clashing driver: {offered}"
    );

    // The rota for that week.
    app.click_button("← Back to the driver scheme");
    app.click_button("Next week →");
    app.wait_for_text(&format!("Week of {}", monday.format("%A %-d %B %Y")));
    app.click_button("Print the rota…");
    app.wait_for_preview();

    // Last month's mileage claim for a driver who drove then: miles for other organisations
    // are checked beside their field, then counted first towards the 10,000 at 45p.
    app.click_button("← Back to the driver scheme");
    pick(&app, "Mileage");
    let last_month = today.with_day(1).unwrap() - Duration::days(1);
    choose(&app, "#mileageMonth", &last_month.format("%B %Y").to_string());
    let names = app.execute("return [...document.querySelectorAll('#mileageDriver option')].map(o => o.textContent.trim()).filter(t => t !== 'Choose a driver');", json!([]));
    let drove = names.as_array().unwrap().iter().filter_map(|n| n.as_str()).find(|name| {
        choose(&app, "#mileageDriver", name);
        app.wait_for_text("Miles for other organisations");
        std::thread::sleep(std::time::Duration::from_millis(300));
        app.execute("return document.querySelector('table.data-table') !== null;", json!([])) == json!(true)
    });
    let drove = drove.expect("a sample driver drove last month").to_string();
    app.fill("#otherMiles", "lots");
    app.click_button("Save these miles");
    app.wait_for_text("This is not a number of miles: please write it like 2,400.");
    let described =
        app.execute("return document.querySelector('#otherMiles').getAttribute('aria-describedby');", json!([]));
    assert!(
        described.as_str().unwrap_or_default().contains("otherMiles-error"),
        "the message is tied to its field: {described}"
    );
    app.fill("#otherMiles", "9,999");
    app.click_button("Save these miles");
    app.wait_for_text("Saved: 9,999 miles for other organisations in the");
    app.wait_for_text("Past 10,000 miles:");
    app.wait_for_text(&format!("{drove} has driven"));
    app.wait_for_text("for other organisations. Above 10,000 miles the approved rate is 25p a mile.");
    app.wait_for_preview();
    assert_accessible(&app, "drivers-mileage");
    app.quit();

    let pdf = dir.path().join("rota.pdf");
    let week = monday.format("%G-W%V").to_string();
    let out = std::process::Command::new(crate::cli())
        .arg("--data-dir")
        .arg(dir.path())
        .args(["print", "rota", "--week", &week, "--out"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Edith Parkinson") && text.contains(&driver),
        "the trip and its driver are on the rota:\n{text}"
    );
    assert!(text.contains("NOT YET ASSIGNED"), "Joyce's trip still needs a driver, said in words");
}

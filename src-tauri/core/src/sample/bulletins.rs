//! The sample PPG's bulletin: twelve monthly issues up to this month. The eleven before this
//! month are published (kept with the PDFs printed then); this month's is still a draft. Each
//! has a lead story (some with a picture and a highlighted box), and ready-made sections
//! filled from the sample's meetings, link workers, directory and schemes.

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::Transaction;

use crate::bulletins::{self, editing, sections, ArticleInput, ArticleKind, BulletinInput};
use crate::error::Result;
use crate::print::{self, Profile};

/// (heading, body, highlighted box)
#[rustfmt::skip] // a table of sample rows: one row per line reads best
const LEADS: [(&str, &str, &str); 12] = [
    ("A new way to ring the surgery", "The practice now offers a **call-back**: choose option 1 and keep your place in the queue without waiting on the line.\n\n- Lines open at 8am\n- Call-backs come from a withheld number", "Ring 01632 960000 and choose option 1."),
    ("Thank you for the patient survey", "More than 400 of you told us what you think. Most said the reception team were kind and helpful; many said getting through in the morning is hard. We have shared every comment with the practice.", ""),
    ("Spring clean of the waiting room", "Volunteers have refreshed the noticeboards and the leaflet rack. Leaflets in large print and in Polish, Bengali and Urdu are now by the door.", ""),
    ("Meet the new practice nurse", "Nurse Amira Patel has joined the team. She runs the diabetes and asthma clinics on Tuesdays and Thursdays.", ""),
    ("Carers' week", "If you look after someone, tell reception: carers can have a flexible appointment and a yearly health check.", "Carers' coffee morning: Wednesday 10am, Community Room."),
    ("Summer heat: look after yourself", "Drink plenty, keep curtains closed in the hottest part of the day and check on neighbours who live alone.", ""),
    ("Our volunteer drivers", "Last year our drivers took patients to more than 600 hospital appointments. Thank you to every one of them.", ""),
    ("Flu jabs are here", "Flu vaccinations are for everyone aged 65 and over, pregnant women, carers and people with some long-term conditions. Book at reception or online.", "Saturday flu clinic: 9am to 1pm. No need to book."),
    ("Your patient group's open forum", "Come and tell us what works and what does not. Tea and biscuits provided; the practice manager will answer questions.", ""),
    ("Repeat prescriptions online", "You can order repeat prescriptions through the NHS App. Volunteers can show you how at the Tuesday drop-in.", ""),
    ("Winter opening hours", "The surgery is closed on bank holidays. When it is closed, ring NHS 111 or use 111 online.", "In an emergency always ring 999."),
    ("Christmas and New Year", "The practice will close at 1pm on Christmas Eve. Please order repeat prescriptions by 15 December.", "From all of us at the PPG: a happy and healthy new year."),
];

/// Short news from the practice, in turn.
#[rustfmt::skip] // a table of sample rows: one row per line reads best
const PRACTICE_NEWS: [&str; 4] = [
    "The practice now sends appointment reminders by text. If your mobile number has changed, please tell reception.\n\n- Reply CANCEL to free your slot for someone else",
    "Blood tests are now taken at the surgery every weekday morning from 8am. Please book first.",
    "The practice pharmacist can review your medicines with you. Ask at reception for a 20-minute appointment.",
    "Hearing aid batteries are available free from reception; please bring your brown book.",
];

/// A simple picture (a sunrise over hills) for the sample's stories, made here rather than
/// shipped as a file.
fn picture() -> Vec<u8> {
    let image = image::RgbImage::from_fn(480, 300, |x, y| {
        let hill = 200.0 + 30.0 * ((x as f32) / 70.0).sin();
        let sun = ((x as f32 - 330.0).powi(2) + (y as f32 - 120.0).powi(2)).sqrt() < 45.0;
        if (y as f32) > hill {
            image::Rgb([70, 130, 60])
        } else if sun {
            image::Rgb([250, 200, 60])
        } else {
            image::Rgb([150, 190, 235])
        }
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("a picture in memory");
    out
}

pub fn load(tx: &Transaction, today: NaiveDate, now: &str) -> Result<()> {
    let this_month = today.with_day(1).unwrap_or(today);
    let entries = crate::directory::list(tx, &Default::default(), today)?;
    let done: Vec<i64> = crate::actions::all_matching(
        tx,
        &crate::actions::views::ActionFilter::of(crate::actions::views::ActionView::Done),
        today,
    )?
    .iter()
    .map(|a| a.id)
    .collect();
    let settings = crate::settings::load(tx)?.unwrap_or_default();
    for n in 0..12u32 {
        let first = this_month.checked_sub_months(Months::new(11 - n)).unwrap_or(this_month);
        let input = BulletinInput {
            number: (13 + n).to_string(),
            month: first.format("%Y-%m").to_string(),
            title: "Riverside PPG News".into(),
            strapline: "From your Patient Participation Group: patients working with the practice".into(),
            target_pages: 2,
        };
        let id = editing::create(tx, &input, now)?;
        let (heading, body, boxed) = LEADS[first.month0() as usize];
        let lead = bulletins::add_article(tx, id, ArticleKind::Article, heading, body, now)?;
        bulletins::update_article(
            tx,
            lead,
            &ArticleInput {
                title: heading.into(),
                body: body.into(),
                image_alt: String::new(),
                box_text: boxed.into(),
                language: "en".into(),
            },
            now,
        )?;
        if n % 3 == 0 {
            editing::set_picture(tx, lead, &picture(), "Sunrise over the hills behind Riverside", now)?;
        }
        bulletins::add_article(tx, id, ArticleKind::Article, "From the practice", PRACTICE_NEWS[n as usize % 4], now)?;
        // Dates from the start of the month (from today for this month's issue).
        let (title, body) = sections::fill(tx, ArticleKind::Diary, &[], if n == 11 { today } else { first })?;
        bulletins::add_article(tx, id, ArticleKind::Diary, &title, &body, now)?;
        let groups: Vec<i64> =
            entries.iter().skip((n as usize * 3) % entries.len().max(1)).take(3).map(|e| e.id).collect();
        editing::add(tx, id, ArticleKind::Groups, &groups, today, now)?;
        editing::add(tx, id, if n % 2 == 0 { ArticleKind::Splw } else { ArticleKind::Volunteers }, &[], today, now)?;
        if !done.is_empty() && n % 3 == 1 {
            editing::add(tx, id, ArticleKind::YouSaid, &done.iter().take(2).copied().collect::<Vec<_>>(), today, now)?;
        }
        if n < 11 {
            let b = bulletins::get(tx, id)?;
            let document =
                crate::documents::bulletin::bulletin(&settings, &b, &bulletins::articles(tx, id)?, None, None);
            let stamp = first.and_hms_opt(9, 0, 0).map(|t| t.and_utc().timestamp()).unwrap_or(0);
            let standard = print::render(&document, Profile::Standard, stamp)?;
            let large = print::render(&document, Profile::LargePrint, stamp)?;
            editing::publish(tx, id, &standard, &large, first)?;
        }
    }
    Ok(())
}

//! The sample PPG's link workers and other professional contacts, with a history of meeting
//! them, and a community directory of about sixty local groups across every category.

use chrono::{Duration, Months, NaiveDate};
use rusqlite::Transaction;

use crate::contacts::{self, ContactInput, ContactRole, InteractionInput, InteractionKind, PreferredContact};
use crate::directory::{self, EntryInput};
use crate::error::Result;

/// (name, role, organisation, working days, phone, email, preferred, notes, [(days ago, kind, notes)])
type SampleContact = (
    &'static str,
    ContactRole,
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static str,
    PreferredContact,
    &'static str,
    &'static [(i64, InteractionKind, &'static str)],
);

#[rustfmt::skip] // a table of sample rows: one row per line reads best
const CONTACTS: &[SampleContact] = &[
    ("Chloé Dubois", ContactRole::Splw, "Riverside and Villages PCN", &["mon", "tue", "thu"], "01632 960555", "chloe.dubois@example.org", PreferredContact::Email,
        "Covers Riverside Surgery and Hill Lane. Happy to come to a committee meeting once a quarter.",
        &[(250, InteractionKind::AttendedMeeting, "Came to the committee meeting and talked about the Men's Shed and the walking group."),
          (160, InteractionKind::Email, "Sent her the updated directory of local groups."),
          (75, InteractionKind::Referral, "Referred two patients to the befriending scheme."),
          (40, InteractionKind::Phone, "Asked whether the PPG could help run a carers' coffee morning.")]),
    ("Marcus Okafor", ContactRole::Splw, "Riverside and Villages PCN", &["wed", "fri"], "01632 960556", "marcus.okafor@example.org", PreferredContact::Either,
        "Part-time; covers Oakford Medical Centre as well as our branch surgery.",
        &[(300, InteractionKind::Presentation, "Gave a talk at the open patient forum on social prescribing."),
          (120, InteractionKind::JointProject, "Ran the Know Your Numbers stall with us at the summer fair.")]),
    ("Gemma Lawson", ContactRole::HealthCoach, "Riverside and Villages PCN", &["tue", "wed"], "01632 960557", "", PreferredContact::Phone, "", &[]),
    ("Anwar Rahman", ContactRole::Council, "Riverside Borough Council, Community Hubs", &[], "01632 960558", "anwar.rahman@example.org", PreferredContact::Email,
        "Keeps the council's directory; will swap updates in Open Referral format.", &[(200, InteractionKind::Email, "Agreed to swap directory updates twice a year.")]),
];

/// (name, offers, categories, who for, address, area, postcode, days, opens, closes, when notes, cost, phone, step-free, loop, refer by (s/p/g), checked months ago)
type SampleEntry = (
    &'static str,
    &'static str,
    &'static [usize],
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    bool,
    &'static str,
    Option<u32>,
);

#[rustfmt::skip] // a table of sample rows: one row per line reads best
const ENTRIES: &[SampleEntry] = &[
    ("Café Chat", "A warm drink, cake and a chat with friendly volunteers. New faces always welcome.", &[0, 5], "Anyone who would like company", "St Aidan's Church Hall, Church Lane", "Riverside", "RV1 2AB", "mon thu", "10:00", "12:00", "", "Free (donations welcome)", "01632 960601", true, true, "sp", Some(2)),
    ("Riverside Befriending Service", "A volunteer visits or phones you each week for a chat.", &[1, 0, 5], "Adults who feel lonely or cut off", "", "Riverside", "", "", "", "", "Visits arranged to suit you.", "Free", "01632 960602", false, false, "spg", Some(1)),
    ("Telephone Friends", "A regular friendly phone call from a trained volunteer.", &[1, 0], "People who find it hard to get out", "", "", "", "", "", "", "Calls at a time that suits you.", "Free", "01632 960603", false, false, "sp", Some(4)),
    ("Men's Shed", "Woodwork, repairs and a cuppa: a place for men to make things and make friends.", &[0, 2, 5], "Men of any age (women welcome on Fridays)", "Unit 3, Dock Road", "Millbrook", "RV3 1AA", "wed fri", "09:30", "13:00", "", "£2 a session", "01632 960604", true, false, "s", Some(3)),
    ("Walking for Health: Riverside", "Gentle hour-long walks led by trained walk leaders, finishing with a coffee.", &[3, 2, 5], "All ages; walks suit most abilities", "Meet at the Riverside Surgery car park, Mill Lane", "Riverside", "RV1 4QT", "tue", "10:30", "11:30", "", "Free", "01632 960605", true, false, "spg", Some(5)),
    ("Chair-Based Exercise", "Seated exercise to music to help strength, balance and mobility.", &[3, 5, 10], "Older people and anyone with limited mobility", "Oakford Community Centre, High Street", "Oakford", "RV5 7HG", "wed", "14:00", "15:00", "", "£3 a class", "01632 960606", true, true, "spg", Some(8)),
    ("Strength and Balance Classes", "A 12-week falls prevention course run by NHS physiotherapists.", &[3, 5, 12], "People at risk of falls", "Riverside Leisure Centre, Park Road", "Riverside", "RV1 6PL", "thu", "11:00", "12:00", "", "Free", "01632 960607", true, true, "pg", Some(6)),
    ("Riverside Carers' Centre", "Advice, a listening ear, carers' assessments and breaks for unpaid carers.", &[4, 2], "Unpaid carers of any age", "12 Bridge Street", "Town centre", "RV1 1BS", "mon tue wed thu fri", "09:00", "17:00", "", "Free", "01632 960608", true, true, "spg", Some(2)),
    ("Carers' Coffee Morning", "Meet other carers for a coffee and an informal chat.", &[4, 0], "Unpaid carers", "Hill Lane Library, Hill Lane", "Hill Lane", "RV2 3LL", "", "10:00", "11:30", "First Tuesday of the month.", "Free", "01632 960609", true, true, "s", Some(14)),
    ("Young Carers Club", "Activities, trips and support for young people who look after someone at home.", &[4, 6], "Young carers aged 8 to 18", "The Youth Zone, Canal Street", "Town centre", "RV1 9CZ", "wed", "16:00", "18:00", "", "Free", "01632 960610", true, false, "spg", Some(3)),
    ("Age UK Riverside Information and Advice", "Help with benefits, care, housing and money for people in later life.", &[5, 7], "People aged 60 and over, and their families", "Age UK Shop, 3 Market Place", "Town centre", "RV1 1MP", "mon tue wed thu fri", "09:30", "16:00", "", "Free", "01632 960611", true, true, "spg", Some(1)),
    ("Lunch Club at the Methodist Church", "A hot two-course lunch and good company.", &[5, 8, 0], "People aged 65 and over", "Riverside Methodist Church, Station Road", "Riverside", "RV1 3SR", "wed", "12:00", "14:00", "", "£5 including pudding", "01632 960612", true, true, "sp", Some(7)),
    ("Oakford Over-60s Club", "Bingo, quizzes, outings and tea.", &[5, 0], "People aged 60 and over", "Oakford Village Hall, Green Lane", "Oakford", "RV5 2GL", "fri", "13:30", "15:30", "", "£1.50", "01632 960613", false, false, "s", Some(16)),
    ("Memory Café", "A relaxed café for people living with dementia and those who care for them.", &[12, 4, 5], "People living with memory loss, and carers", "Riverside Methodist Church, Station Road", "Riverside", "RV1 3SR", "", "14:00", "16:00", "Second Monday of the month.", "Free", "01632 960614", true, true, "spg", Some(4)),
    ("Talking Therapies (NHS)", "Free NHS talking therapies for stress, anxiety and low mood. You can refer yourself.", &[2, 12], "Adults registered with a local GP", "", "", "", "", "", "", "Appointments by phone, online or in person.", "Free", "01632 960615", false, false, "spg", Some(2)),
    ("Mind Wellbeing Hub", "Drop-in support, peer groups and courses for your mental wellbeing.", &[2], "Adults", "Mind Centre, 45 King Street", "Town centre", "RV1 2KS", "mon wed fri", "10:00", "15:00", "", "Free", "01632 960616", true, true, "spg", Some(9)),
    ("Hearing Voices Group", "A peer support group for people who hear voices or see visions.", &[2, 12], "Adults", "Mind Centre, 45 King Street", "Town centre", "RV1 2KS", "thu", "18:00", "19:30", "", "Free", "01632 960617", true, true, "sp", Some(20)),
    ("Samaritans", "Someone to talk to, day or night, about whatever is getting to you.", &[2], "Anyone", "", "", "", "", "", "", "Call 116 123 free, any time.", "Free", "116 123", false, false, "s", Some(3)),
    ("Riverside Youth Zone", "Sports, arts, music and a youth worker to talk to.", &[6, 3, 2], "Young people aged 11 to 19 (up to 25 with a disability)", "The Youth Zone, Canal Street", "Town centre", "RV1 9CZ", "mon tue wed thu fri", "16:00", "21:00", "", "50p a visit", "01632 960618", true, true, "s", Some(5)),
    ("Kooth (online support)", "Free, safe online counselling and chat for young people.", &[6, 2], "Young people aged 11 to 25", "", "", "", "", "", "", "Online at kooth.com, any time.", "Free", "", false, false, "s", Some(10)),
    ("Parent and Toddler Group", "Play, songs and a cuppa for parents and carers of under-fives.", &[6, 0], "Parents and carers with children under 5", "Hill Lane Library, Hill Lane", "Hill Lane", "RV2 3LL", "tue thu", "09:30", "11:30", "", "£1", "01632 960619", true, false, "s", Some(13)),
    ("Citizens Advice Riverside", "Free, confidential advice on benefits, debt, work, housing and consumer problems.", &[7], "Anyone", "Citizens Advice, 8 Market Place", "Town centre", "RV1 1MP", "mon tue thu", "09:30", "15:30", "", "Free", "01632 960620", true, true, "spg", Some(2)),
    ("Pension Credit and Attendance Allowance Help", "Help to check and claim the benefits you are entitled to.", &[7, 5], "People over State Pension age", "Age UK Shop, 3 Market Place", "Town centre", "RV1 1MP", "wed", "10:00", "12:00", "", "Free", "01632 960621", true, true, "spg", Some(11)),
    ("Warm Homes Advice", "Help with energy bills, grants for insulation and keeping warm.", &[7, 5, 12], "Households struggling with energy costs", "", "", "", "", "", "", "Phone line open weekdays.", "Free", "01632 960622", false, false, "spg", Some(15)),
    ("Credit Union Riverside", "Saving and fair loans, and help to avoid high-cost lenders.", &[7], "Anyone living or working locally", "6 Bridge Street", "Town centre", "RV1 1BS", "tue fri", "10:00", "14:00", "", "Free to join", "01632 960623", true, false, "s", Some(8)),
    ("Riverside Food Bank", "Three days of emergency food, with signposting to other help.", &[8, 7], "People in crisis, with a voucher", "Unit 7, Dock Road", "Millbrook", "RV3 1AA", "mon wed fri", "11:00", "14:00", "", "Free", "01632 960624", true, false, "spg", Some(1)),
    ("Community Pantry", "Choose £15 of groceries for a small weekly membership fee.", &[8, 7], "Local households on a low income", "St Aidan's Church Hall, Church Lane", "Riverside", "RV1 2AB", "thu", "13:00", "16:00", "", "£3.50 a week", "01632 960625", true, true, "s", Some(4)),
    ("Cook and Eat Together", "Learn simple, cheap healthy meals and eat together afterwards.", &[8, 0, 12], "Adults; especially people living alone", "Oakford Community Centre, High Street", "Oakford", "RV5 7HG", "tue", "11:00", "13:30", "", "£2", "01632 960626", true, true, "sp", Some(17)),
    ("Meals on Wheels", "Hot or frozen meals delivered to your door.", &[8, 5, 10], "People who cannot easily cook for themselves", "", "", "", "mon tue wed thu fri sat sun", "", "", "Delivered at lunchtime.", "From £4.80 a meal", "01632 960627", false, false, "spg", Some(6)),
    ("Dial-a-Ride", "Door-to-door minibus for shopping, appointments and social trips.", &[9, 10, 5], "People who cannot use ordinary buses", "", "", "", "mon tue wed thu fri", "08:30", "17:00", "Book at least a day ahead.", "£2.50 each way", "01632 960628", false, false, "s", Some(3)),
    ("Riverside PPG Volunteer Drivers", "Volunteer drivers take patients to hospital and clinic appointments.", &[9, 12, 5], "Patients of Riverside Surgery without transport", "", "", "", "", "", "", "Book through the surgery reception.", "Donation towards mileage", "01632 960629", false, false, "spg", Some(1)),
    ("Community Car Scheme (Oakford)", "Lifts to appointments and shops from village volunteers.", &[9, 5], "Oakford and Hill Lane residents", "", "Oakford", "", "", "", "", "Ring by noon the day before.", "45p a mile", "01632 960630", false, false, "s", Some(19)),
    ("Shopmobility", "Hire a wheelchair or mobility scooter to get round the town centre.", &[9, 10], "Anyone with limited mobility", "Riverside Shopping Centre car park, level 1", "Town centre", "RV1 1SC", "mon tue wed thu fri sat", "09:30", "16:30", "", "£3 a day", "01632 960631", true, false, "s", Some(5)),
    ("Disability Advice Centre", "Advice on benefits, equipment, blue badges and your rights.", &[10, 7], "Disabled people and their families", "4 Castle Walk", "Town centre", "RV1 4CW", "mon wed", "10:00", "15:00", "", "Free", "01632 960632", true, true, "spg", Some(7)),
    ("Sight Support Riverside", "Support, equipment and social groups for people with sight loss.", &[10, 12, 0], "People with sight loss", "Sight Centre, 22 King Street", "Town centre", "RV1 2KS", "tue", "10:00", "13:00", "", "Free", "01632 960633", true, true, "spg", Some(12)),
    ("Hard of Hearing Club", "Lip-reading practice, hearing aid tips and company.", &[10, 12, 0], "Anyone with hearing loss", "Hill Lane Library, Hill Lane", "Hill Lane", "RV2 3LL", "", "14:00", "15:30", "Every other Wednesday.", "£1", "01632 960634", true, true, "s", Some(2)),
    ("Wheelchair Basketball", "Fast, friendly sport for wheelchair users and friends.", &[10, 3, 6], "Ages 8 and up", "Riverside Leisure Centre, Park Road", "Riverside", "RV1 6PL", "sat", "10:00", "12:00", "", "£2", "01632 960635", true, false, "s", Some(9)),
    ("Polish Community Club (Polski Klub)", "Coffee, advice and events in Polish and English.", &[11, 0], "Polish speakers and friends", "St Joseph's Parish Centre, Albert Road", "Millbrook", "RV3 5AR", "sat", "11:00", "14:00", "", "Free", "01632 960636", false, false, "s", Some(4)),
    ("Bengali Women's Group", "A friendly group for women, with health talks in Bengali and Sylheti.", &[11, 0, 2], "Women who speak Bengali or Sylheti", "Millbrook Community Hub, Canal Side", "Millbrook", "RV3 2CS", "tue", "10:00", "12:00", "", "Free", "01632 960637", true, true, "sp", Some(3)),
    ("English Conversation Café", "Practise everyday English over tea with volunteers.", &[11, 0], "Adults learning English", "Riverside Library, Church Street", "Riverside", "RV1 5CS", "wed", "13:00", "15:00", "", "Free", "01632 960638", true, true, "s", Some(18)),
    ("African and Caribbean Elders", "Lunch, dominoes and talks for older people of African and Caribbean heritage.", &[11, 5, 0], "People aged 55 and over", "Millbrook Community Hub, Canal Side", "Millbrook", "RV3 2CS", "thu", "12:00", "15:00", "", "£3 with lunch", "01632 960639", true, true, "s", Some(6)),
    ("Diabetes Support Group", "Share tips and hear from specialist nurses about living with diabetes.", &[12], "People with diabetes and their families", "Riverside Surgery Community Room, Mill Lane", "Riverside", "RV1 4QT", "", "18:30", "20:00", "Last Tuesday of the month.", "Free", "01632 960640", true, true, "spg", Some(5)),
    ("Breathe Easy", "Support and singing for lung health, for people with COPD and other lung conditions.", &[12, 3], "People with a lung condition", "Oakford Community Centre, High Street", "Oakford", "RV5 7HG", "", "14:00", "15:30", "First Thursday of the month.", "Free", "01632 960641", true, true, "spg", Some(10)),
    ("Heart Support Group", "Exercise and friendship after a heart attack or heart surgery.", &[12, 3], "People with a heart condition", "Riverside Leisure Centre, Park Road", "Riverside", "RV1 6PL", "mon", "14:00", "15:00", "", "£2.50", "01632 960642", true, true, "pg", Some(22)),
    ("Stroke Club", "A social club with activities for stroke survivors and carers.", &[12, 0, 10], "Stroke survivors and carers", "Riverside Methodist Church, Station Road", "Riverside", "RV1 3SR", "fri", "10:30", "12:30", "", "£1", "01632 960643", true, true, "spg", Some(4)),
    ("Parkinson's Café", "Meet others affected by Parkinson's; talks from specialist nurses.", &[12, 0], "People with Parkinson's, family and carers", "Hill Lane Library, Hill Lane", "Hill Lane", "RV2 3LL", "", "14:00", "16:00", "Third Friday of the month.", "Free", "01632 960644", true, true, "s", None),
    ("Cancer Support Drop-in", "Information, a listening ear and complementary therapies.", &[12, 2], "Anyone affected by cancer", "Macmillan Centre, Riverside Hospital", "Riverside", "RV1 8RH", "mon tue wed thu", "10:00", "16:00", "", "Free", "01632 960645", true, true, "spg", Some(3)),
    ("Arthritis Exercise Group", "Gentle water exercise for joint pain.", &[12, 3, 5], "People with arthritis or joint pain", "Riverside Leisure Centre, Park Road", "Riverside", "RV1 6PL", "wed", "11:00", "12:00", "", "£3.20", "01632 960646", true, false, "sg", Some(14)),
    ("Parkrun Riverside", "A free, timed 5k walk, jog or run every Saturday morning.", &[3, 2], "Everyone", "Riverside Park, by the bandstand", "Riverside", "RV1 6PL", "sat", "09:00", "10:00", "", "Free (register online once)", "", false, false, "s", Some(8)),
    ("Green Gym", "Outdoor conservation work that keeps you fit and feeling good.", &[3, 2, 0], "Adults; no experience needed", "Meet at Oakford Nature Reserve car park", "Oakford", "RV5 9NR", "thu", "10:00", "13:00", "", "Free", "01632 960647", false, false, "sp", Some(7)),
    ("Community Allotment", "Grow fruit and vegetables with others; tools and tea provided.", &[3, 2, 8, 0], "Anyone", "Millbrook Allotments, Canal Side", "Millbrook", "RV3 2CS", "tue sat", "10:00", "12:30", "", "Free", "01632 960648", false, false, "sp", Some(15)),
    ("Tai Chi for Beginners", "Slow, flowing movement for balance and calm.", &[3, 5, 2], "Adults of all abilities", "Oakford Village Hall, Green Lane", "Oakford", "RV5 2GL", "mon", "10:00", "11:00", "", "£4", "01632 960649", false, false, "s", Some(2)),
    ("Knit and Natter", "Bring your knitting or crochet, or learn; wool can be provided.", &[0, 2], "Anyone", "Riverside Library, Church Street", "Riverside", "RV1 5CS", "fri", "14:00", "16:00", "", "Free", "01632 960650", true, true, "s", Some(11)),
    ("Singing for the Brain", "Singing and friendship for people living with dementia.", &[12, 0, 5], "People with dementia and their carers", "St Aidan's Church Hall, Church Lane", "Riverside", "RV1 2AB", "", "10:30", "12:00", "Second and fourth Tuesday.", "Free", "01632 960651", true, true, "spg", Some(25)),
    ("Riverside Community Choir", "No auditions, no reading music: just come and sing.", &[0, 2], "Adults", "Riverside Methodist Church, Station Road", "Riverside", "RV1 3SR", "mon", "19:00", "21:00", "", "£3", "01632 960652", true, true, "s", Some(4)),
    ("Bereavement Support Group", "A safe space to talk with others who have lost someone.", &[2, 0], "Adults who have been bereaved", "St Aidan's Church Hall, Church Lane", "Riverside", "RV1 2AB", "", "14:00", "15:30", "First Wednesday of the month.", "Free", "01632 960653", true, true, "spg", Some(6)),
    ("Veterans' Breakfast Club", "A monthly breakfast and chat for ex-service men and women.", &[0, 5], "Veterans and their families", "The Railway Café, Station Road", "Riverside", "RV1 3SR", "", "09:00", "11:00", "Last Saturday of the month.", "Pay for your own breakfast", "", false, false, "s", None),
    ("Digital Help Drop-in", "Help with phones, tablets, the NHS App and getting online.", &[5, 0], "Anyone who wants help with technology", "Riverside Library, Church Street", "Riverside", "RV1 5CS", "tue", "10:00", "12:00", "", "Free", "01632 960654", true, true, "s", Some(3)),
    ("Hill Lane Good Neighbours", "Volunteers help with shopping, prescriptions and small jobs.", &[0, 5, 9], "Hill Lane residents who need a hand", "", "Hill Lane", "", "", "", "", "Ring the coordinator any weekday morning.", "Free", "01632 960655", false, false, "sp", Some(9)),
    ("Wellbeing Walk and Talk", "A monthly walk with the social prescribing team; talk as you go.", &[3, 2, 0], "Patients of the Riverside and Villages PCN", "Meet at Hill Lane Branch Surgery", "Hill Lane", "RV2 3HL", "", "11:00", "12:00", "Third Wednesday of the month.", "Free", "01632 960656", true, false, "pg", Some(1)),
    ("Money Matters Workshop", "Budgeting, bills and avoiding scams, in small friendly groups.", &[7, 5], "Adults", "Millbrook Community Hub, Canal Side", "Millbrook", "RV3 2CS", "", "10:00", "12:00", "Every other Thursday.", "Free", "01632 960657", true, true, "sp", Some(13)),
];

fn uk(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

pub fn load(tx: &Transaction, today: NaiveDate, now: &str) -> Result<()> {
    for &(name, role, organisation, days, phone, email, preferred, notes, log) in CONTACTS {
        let input = ContactInput {
            full_name: name.into(),
            role: Some(role),
            organisation: organisation.into(),
            pcn: "Riverside and Villages PCN".into(),
            practices: if role == ContactRole::Splw {
                "Riverside Surgery, Hill Lane Branch Surgery".into()
            } else {
                String::new()
            },
            working_days: days.iter().map(|d| d.to_string()).collect(),
            phone: phone.into(),
            email: email.into(),
            preferred_contact: Some(preferred),
            notes: notes.into(),
        };
        let id = contacts::insert(tx, &input.checked()?, now)?;
        for &(days_ago, kind, notes) in log {
            let on = uk(today - Duration::days(days_ago));
            contacts::add_interaction(
                tx,
                id,
                &InteractionInput { happened_on: on, kind: Some(kind), notes: notes.into(), ..Default::default() },
                today,
                now,
            )?;
        }
    }
    let categories = directory::categories(tx)?;
    for &(
        name,
        offers,
        cats,
        who_for,
        address,
        area,
        postcode,
        days,
        opens,
        closes,
        when,
        cost,
        phone,
        step_free,
        hearing_loop,
        refer,
        checked,
    ) in ENTRIES
    {
        let input = EntryInput {
            name: name.into(),
            offers: offers.into(),
            category_ids: cats.iter().map(|&i| categories[i].id).collect(),
            who_for: who_for.into(),
            address: address.into(),
            postcode: postcode.into(),
            area: area.into(),
            days: days.split_whitespace().map(str::to_string).collect(),
            opens_at: opens.into(),
            closes_at: closes.into(),
            when_notes: when.into(),
            cost: cost.into(),
            phone: phone.into(),
            step_free,
            hearing_loop,
            refer_self: refer.contains('s'),
            refer_splw: refer.contains('p'),
            refer_gp: refer.contains('g'),
            last_checked_on: checked.and_then(|m| today.checked_sub_months(Months::new(m))).map(uk).unwrap_or_default(),
            checked_by: if checked.is_some() { "Priya Sharma".into() } else { String::new() },
            ..Default::default()
        };
        directory::insert(tx, &input.checked(today)?, &directory::new_oruk_id(), "", now)?;
    }
    Ok(())
}

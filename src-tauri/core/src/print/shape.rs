//! Text shaping: a piece of text in one direction becomes glyphs placed as a typesetter would
//! place them. The text is split into runs by script (a Bengali word in the Bengali face, an
//! Urdu one in the Arabic face, English in Atkinson Hyperlegible, a Latin word with a letter
//! Atkinson lacks wholly in Noto Sans: by script and word, never letter by letter within a
//! word), and each run is shaped by rustybuzz (HarfBuzz's rules in Rust), so conjuncts, vowel
//! signs, joining forms and ligatures come out right. An emoji no face draws prints as its
//! name in words, any other character no face has as `?`: never an empty box.

use std::ops::Range;

use rustybuzz::{Direction, UnicodeBuffer};
use unicode_script::{Script, UnicodeScript};

use super::fonts::{Family, Fonts};

/// Shown instead of a character no face has.
pub const REPLACEMENT: char = '?';

/// One glyph, in the face's own units: how far it moves the pen, and how far it sits from
/// the pen (`Shaped::points` turns them into points).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    pub id: u16,
    pub advance: i32,
    pub dx: i32,
    pub dy: i32,
    /// Where its characters start in the run's `drawn` text (bytes).
    pub cluster: usize,
}

/// A run of one face, shaped: its glyphs left to right as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Shaped {
    pub face: usize,
    /// The text the glyphs draw (with `?` for what no face has).
    pub drawn: String,
    /// The text as written, for copying and reading aloud from the PDF.
    pub source: String,
    pub glyphs: Vec<Glyph>,
    pub width: f32,
    pub rtl: bool,
    /// The size it is drawn at: the text's, or larger for a face that is small on its body.
    pub size: f32,
    pub units_per_em: i32,
}

impl Shaped {
    /// A length in the face's units, in points at the run's size.
    pub fn points(&self, units: i32) -> f32 {
        units as f32 * self.size / self.units_per_em.max(1) as f32
    }

    /// Whether each glyph is one character in reading order, so a PDF reader recovers the
    /// text from the glyphs alone (otherwise the PDF says what the text is in words).
    pub fn is_simple(&self) -> bool {
        !self.rtl
            && self.drawn == self.source
            && self.glyphs.windows(2).all(|w| w[0].cluster < w[1].cluster)
            && self.glyphs.len() == self.drawn.chars().count()
    }

    /// Whether the run is its characters' own glyphs at their own widths, one by one in
    /// reading order, as an unshaped font draws them (Latin, mostly): then the PDF can carry
    /// it as plain text.
    pub fn is_plain(&self, fonts: &Fonts) -> bool {
        self.is_simple()
            && self.glyphs.iter().zip(self.drawn.chars()).all(|(g, c)| {
                fonts.glyph(self.face, c) == Some(g.id)
                    && g.dx == 0
                    && g.dy == 0
                    && g.advance == fonts.advance_units(self.face, g.id)
            })
    }

    /// The characters each glyph stands for, for the PDF's map from glyphs to text: a
    /// character whose own glyph it is, else what is left of its cluster (a conjunct's
    /// letters); a glyph with nothing left stands for nothing.
    pub fn glyph_texts(&self, fonts: &Fonts) -> Vec<String> {
        let mut starts: Vec<usize> = self.glyphs.iter().map(|g| g.cluster).collect();
        starts.push(self.drawn.len());
        starts.sort_unstable();
        starts.dedup();
        let mut out = vec![String::new(); self.glyphs.len()];
        for pair in starts.windows(2) {
            let (start, end) = (pair[0], pair[1]);
            let members: Vec<usize> = (0..self.glyphs.len()).filter(|i| self.glyphs[*i].cluster == start).collect();
            let mut left = String::new();
            for c in self.drawn.get(start..end).unwrap_or_default().chars() {
                let own = members
                    .iter()
                    .find(|i| out[**i].is_empty() && fonts.glyph(self.face, c) == Some(self.glyphs[**i].id));
                match own {
                    Some(i) => out[*i].push(c),
                    None => left.push(c),
                }
            }
            if !left.is_empty() {
                let home = members.iter().find(|i| out[**i].is_empty()).or(members.first());
                if let Some(i) = home {
                    out[*i].push_str(&left);
                }
            }
        }
        out
    }
}

/// The family that writes a script; `None` for characters any script uses (spaces, digits,
/// punctuation), which go with the run they are in.
fn family_of(script: Script) -> Option<Family> {
    Some(match script {
        Script::Common | Script::Inherited | Script::Unknown => return None,
        Script::Bengali => Family::Bengali,
        Script::Devanagari => Family::Devanagari,
        Script::Gurmukhi => Family::Gurmukhi,
        Script::Gujarati => Family::Gujarati,
        Script::Tamil => Family::Tamil,
        Script::Arabic => Family::Arabic,
        Script::Hebrew => Family::Hebrew,
        Script::Thai => Family::Thai,
        Script::Ethiopic => Family::Ethiopic,
        Script::Han | Script::Hiragana | Script::Katakana | Script::Bopomofo => Family::Cjk,
        Script::Hangul => Family::Korean,
        _ => Family::Latin,
    })
}

/// The first script in `text` whose font could not be read (a broken installation), so that
/// printing says so instead of drawing its letters as `?`.
pub fn missing_family(fonts: &Fonts, text: &str) -> Option<Family> {
    let atkinson = super::fonts::face_index(Family::Latin, false);
    text.chars().find_map(|c| match family_of(c.script())? {
        Family::Latin if !fonts.has(atkinson, c) && !fonts.available(Family::NotoSans) => Some(Family::NotoSans),
        Family::Latin => None,
        family => (!fonts.available(family)).then_some(family),
    })
}

/// Splits `text` into runs of one family: by script, with characters of no script joining
/// the run before them (or after, at the start).
fn script_runs(text: &str) -> Vec<(Family, Range<usize>)> {
    let mut runs: Vec<(Family, Range<usize>)> = Vec::new();
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        match (family_of(c.script()), runs.last_mut()) {
            (Some(family), Some((last, range))) if *last == family => range.end = end,
            (Some(family), None) => runs.push((family, 0..end)),
            (Some(family), Some(_)) => runs.push((family, at..end)),
            (None, Some((_, range))) => range.end = end,
            (None, None) => {}
        }
    }
    if runs.is_empty() && !text.is_empty() {
        runs.push((Family::Latin, 0..text.len()));
    }
    runs
}

/// Splits a run into pieces of one face: the family's face where it has every character of
/// a word, else the first fallback face that does, else character by character (with `?`).
fn face_runs(fonts: &Fonts, family: Family, text: &str, bold: bool) -> Vec<(usize, String, String)> {
    let mut out: Vec<(usize, String, String)> = Vec::new();
    let mut push = |face: usize, drawn: &str, source: &str| match out.last_mut() {
        Some((f, d, s)) if *f == face => {
            d.push_str(drawn);
            s.push_str(source);
        }
        _ => out.push((face, drawn.to_string(), source.to_string())),
    };
    for word in text.split_inclusive(char::is_whitespace) {
        let candidates = fonts.faces_for(family, bold);
        if let Some(face) = candidates.iter().copied().find(|f| word.chars().all(|c| fonts.has(*f, c))) {
            push(face, word, word);
            continue;
        }
        for c in word.chars() {
            let mut buf = [0u8; 4];
            let source = c.encode_utf8(&mut buf);
            match candidates.iter().copied().find(|f| fonts.has(*f, c)) {
                Some(face) => push(face, source, source),
                None => {
                    // Always in Atkinson, whatever the script around it, so it measures the same;
                    // an unusual space is a plain one.
                    let words = if c.is_whitespace() {
                        " ".to_string()
                    } else if is_emoji_modifier(c) {
                        String::new()
                    } else {
                        emoji_name(c).map(|n| format!("({n})")).unwrap_or_else(|| REPLACEMENT.to_string())
                    };
                    push(super::fonts::face_index(Family::Latin, bold), &words, source);
                }
            }
        }
    }
    out
}

/// A picture character (an emoji, an arrow, a dingbat) no face draws, named in words as
/// Unicode names it ("grinning face"); `None` for letters and the rest.
fn emoji_name(c: char) -> Option<String> {
    let at = names::NAMES.binary_search_by_key(&u32::from(c), |(code, _)| *code).ok()?;
    names::NAMES.get(at).map(|(_, name)| (*name).to_string())
}

/// The names of picture characters, written by the build script (build.rs) from Unicode's.
mod names {
    include!(concat!(env!("OUT_DIR"), "/emoji_names.rs"));
}

/// Invisible parts of emoji sequences (the picture's style, skin tones), which print as
/// nothing once the picture is a name.
fn is_emoji_modifier(c: char) -> bool {
    matches!(u32::from(c), 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
}

/// Shapes `text`, all in one direction (`rtl` for right to left), at `size` points: its
/// runs in the order they are drawn, left to right.
pub fn shape(fonts: &Fonts, text: &str, bold: bool, size: f32, rtl: bool) -> Vec<Shaped> {
    let mut out = Vec::new();
    for (family, range) in script_runs(text) {
        let Some(part) = text.get(range) else { continue };
        for (face, drawn, source) in face_runs(fonts, family, part, bold) {
            out.push(shape_run(fonts, face, drawn, source, size, rtl));
        }
    }
    if rtl {
        out.reverse();
    }
    out
}

fn shape_run(fonts: &Fonts, face: usize, drawn: String, source: String, size: f32, rtl: bool) -> Shaped {
    let shaper = fonts.shaper(face);
    let size = size * fonts.family(face).scale();
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(&drawn);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl { Direction::RightToLeft } else { Direction::LeftToRight });
    // Latin is set as it always was, without kerning (clear print spaces letters evenly, and
    // an English document stays the size it was); other scripts need all their features.
    let plain = [rustybuzz::Feature::new(rustybuzz::ttf_parser::Tag::from_bytes(b"kern"), 0, ..)];
    let features: &[rustybuzz::Feature] =
        if matches!(fonts.family(face), Family::Latin | Family::NotoSans) { &plain } else { &[] };
    let shaped = rustybuzz::shape(shaper, features, buffer);
    let glyphs: Vec<Glyph> = shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, at)| Glyph {
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: at.x_advance,
            dx: at.x_offset,
            dy: at.y_offset,
            cluster: info.cluster as usize,
        })
        .collect();
    let mut run = Shaped { face, drawn, source, glyphs, width: 0.0, rtl, size, units_per_em: shaper.units_per_em() };
    run.width = run.points(run.glyphs.iter().map(|g| g.advance).sum());
    run
}

/// The width of left-to-right `text` (a label, a page number) in points, as it will be drawn.
pub fn measure(fonts: &Fonts, text: &str, bold: bool, size: f32) -> f32 {
    width(fonts, text, bold, size, false)
}

/// The width of `text` in points, shaped as it will be drawn.
pub fn width(fonts: &Fonts, text: &str, bold: bool, size: f32, rtl: bool) -> f32 {
    shape(fonts, text, bold, size, rtl).iter().map(|s| s.width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faces(text: &str) -> Vec<(Family, String)> {
        let fonts = Fonts::get();
        shape(fonts, text, false, 12.0, false).into_iter().map(|s| (fonts.family(s.face), s.source)).collect()
    }

    #[test]
    fn each_script_has_its_face_and_spaces_and_digits_go_with_their_words() {
        let runs = faces("Health club স্বাস্থ্য ক্লাব 12 Zdrowie");
        assert_eq!(runs[0], (Family::Latin, "Health club ".to_string()));
        assert_eq!(runs[1].0, Family::Bengali);
        assert!(runs[1].1.starts_with("স্বাস্থ্য ক্লাব"), "{runs:?}");
        assert_eq!(runs.last().unwrap().1, "Zdrowie");
    }

    #[test]
    fn a_latin_word_with_a_letter_atkinson_lacks_is_wholly_in_noto_sans() {
        let fonts = Fonts::get();
        let runs = shape(fonts, "Łukasz", false, 12.0, false);
        assert_eq!(runs.len(), 1, "one face for the whole word: {runs:?}");
    }

    #[test]
    fn a_bengali_conjunct_is_one_glyph_and_a_vowel_sign_goes_before_its_consonant() {
        let fonts = Fonts::get();
        let kssa = shape(fonts, "ক্ষ", false, 12.0, false);
        assert_eq!(kssa[0].glyphs.len(), 1, "ক্ষ is one conjunct glyph");
        let ki = shape(fonts, "কি", false, 12.0, false);
        let ka = fonts.glyph(ki[0].face, 'ক');
        assert_eq!(ki[0].glyphs.len(), 2);
        assert_eq!(Some(ki[0].glyphs[1].id), ka, "the i sign is drawn before ক");
        assert!(!ki[0].is_simple());
    }

    #[test]
    fn urdu_letters_take_their_joined_forms() {
        let fonts = Fonts::get();
        let joined = shape(fonts, "صحت", false, 12.0, true);
        let face = joined[0].face;
        let alone: Vec<Option<u16>> = "صحت".chars().map(|c| fonts.glyph(face, c)).collect();
        let drawn: Vec<Option<u16>> = joined[0].glyphs.iter().rev().map(|g| Some(g.id)).collect();
        assert_ne!(drawn, alone, "joined forms differ from the letters alone");
        assert_eq!(fonts.family(face), Family::Arabic);
    }

    #[test]
    fn bold_is_wider_and_width_scales_with_size() {
        let fonts = Fonts::get();
        let regular = measure(fonts, "Patient Participation Group", false, 12.0);
        assert!(measure(fonts, "Patient Participation Group", true, 12.0) > regular);
        assert!((measure(fonts, "Patient Participation Group", false, 24.0) - 2.0 * regular).abs() < 0.01);
    }

    #[test]
    fn nothing_is_ever_an_empty_box() {
        let fonts = Fonts::get();
        let runs = shape(fonts, "Hi \u{1F600} \u{1F44D}\u{1F3FD} \u{2764}\u{FE0F} \u{10FFFD}", false, 12.0, false);
        let drawn: String = runs.iter().map(|r| r.drawn.as_str()).collect();
        assert_eq!(drawn, "Hi (grinning face) (thumbs up sign) (heavy black heart) ?");
        assert!(runs.iter().all(|r| r.glyphs.iter().all(|g| g.id != 0)), "{runs:?}");
    }

    #[test]
    fn a_missing_font_file_is_named_and_its_letters_are_never_empty_boxes() {
        let none = Fonts::from_dirs(Vec::new());
        assert_eq!(missing_family(&none, "Health club স্বাস্থ্য"), Some(Family::Bengali));
        assert_eq!(missing_family(&none, "Жанна"), Some(Family::NotoSans));
        assert_eq!(missing_family(&none, "Riverside PPG 12 \u{1F600}"), None, "Atkinson is built in");
        assert_eq!(missing_family(Fonts::get(), "স্বাস্থ্য صحت 健康 Łukasz"), None);
        let runs = shape(&none, "স্বাস্থ্য", false, 12.0, false);
        assert!(runs.iter().all(|r| r.glyphs.iter().all(|g| g.id != 0)), "{runs:?}");
    }

    #[test]
    fn chinese_japanese_and_korean_are_shaped_in_their_faces() {
        let fonts = Fonts::get();
        for (text, family) in [("健康俱乐部", Family::Cjk), ("けんこう", Family::Cjk), ("건강 클럽", Family::Korean)]
        {
            let runs = shape(fonts, text, true, 12.0, false);
            assert!(runs.iter().all(|r| fonts.family(r.face) == family), "{text}: {runs:?}");
            assert!(runs.iter().all(|r| r.glyphs.iter().all(|g| g.id != 0)));
        }
    }

    proptest::proptest! {
        /// Why: anything typed or imported, in any script, shapes without a panic and never
        /// draws the empty box (.notdef), in either direction.
        #[test]
        fn any_text_shapes_without_an_empty_box(text in "\\PC{0,40}", rtl: bool) {
            let fonts = Fonts::get();
            for run in shape(fonts, &text, false, 12.0, rtl) {
                proptest::prop_assert!(run.glyphs.iter().all(|g| g.id != 0), "{run:?}");
                proptest::prop_assert!(run.width >= 0.0);
            }
        }
    }
}

//! The printing fonts: Atkinson Hyperlegible (made for low-vision readers) with Noto Sans as
//! per-character fallback, both built into the binary. Measures text exactly as it will be
//! drawn (printpdf applies no kerning) and subsets each face to the characters a document uses.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use ttf_parser::Face;

use crate::error::{Error, Result};

macro_rules! font {
    ($file:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/fonts/", $file))
    };
}

/// The four faces, indexed by `face_index(bold, fallback)`.
const FACE_BYTES: [&[u8]; 4] = [
    font!("AtkinsonHyperlegible-Regular.ttf"),
    font!("AtkinsonHyperlegible-Bold.ttf"),
    font!("NotoSans-Regular.ttf"),
    font!("NotoSans-Bold.ttf"),
];

/// Shown instead of a character neither font has, so nothing prints as an empty box.
const REPLACEMENT: char = '?';

pub const FACE_COUNT: usize = 4;

pub fn face_index(bold: bool, fallback: bool) -> usize {
    usize::from(bold) + 2 * usize::from(fallback)
}

pub struct Fonts {
    faces: Vec<Face<'static>>,
}

impl Fonts {
    /// The fonts, parsed once.
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts {
            faces: FACE_BYTES.iter().map(|bytes| Face::parse(bytes, 0).expect("the bundled fonts parse")).collect(),
        })
    }

    /// Which face draws `c`, and the character actually drawn (the replacement if no face has it).
    pub fn face_for(&self, c: char, bold: bool) -> (usize, char) {
        let primary = face_index(bold, false);
        if c == ' ' || self.faces[primary].glyph_index(c).is_some() {
            return (primary, c);
        }
        let fallback = face_index(bold, true);
        if self.faces[fallback].glyph_index(c).is_some() {
            return (fallback, c);
        }
        (primary, REPLACEMENT)
    }

    fn advance(&self, face: usize, c: char, size: f32) -> f32 {
        let face_ref = &self.faces[face];
        let units = face_ref.glyph_index(c).and_then(|g| face_ref.glyph_hor_advance(g)).unwrap_or(0);
        f32::from(units) * size / f32::from(face_ref.units_per_em())
    }

    /// The width of `text` in points, as printpdf will draw it.
    pub fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        text.chars()
            .map(|c| {
                let (face, drawn) = self.face_for(c, bold);
                self.advance(face, drawn, size)
            })
            .sum()
    }

    /// Splits `text` into consecutive pieces drawn by the same face, with each piece's width.
    pub fn split_by_face(&self, text: &str, bold: bool, size: f32) -> Vec<(usize, String, f32)> {
        let mut out: Vec<(usize, String, f32)> = Vec::new();
        for c in text.chars() {
            let (face, drawn) = self.face_for(c, bold);
            let width = self.advance(face, drawn, size);
            match out.last_mut() {
                Some((f, s, w)) if *f == face => {
                    s.push(drawn);
                    *w += width;
                }
                _ => out.push((face, drawn.to_string(), width)),
            }
        }
        out
    }

    /// The distance from the top of a line box to the baseline, as a share of the size.
    pub fn ascent_ratio(&self) -> f32 {
        let face = &self.faces[0];
        f32::from(face.ascender()) / f32::from(face.units_per_em())
    }

    /// A copy of face `face` holding only the glyphs for `chars` (and .notdef), with a
    /// Unicode cmap, so a two-page document carries kilobytes of font, not the whole file.
    pub fn subset(&self, face: usize, chars: &BTreeSet<char>) -> Result<Vec<u8>> {
        let mut ids: Vec<u16> = vec![0];
        for c in chars {
            if let Some(glyph) = self.faces[face].glyph_index(*c) {
                if !ids.contains(&glyph.0) {
                    ids.push(glyph.0);
                }
            }
        }
        let fail = |what: &str| Error::File(format!("The document could not be prepared for printing ({what})."));
        let scope = allsorts::binary::read::ReadScope::new(FACE_BYTES[face]);
        let data = scope.read::<allsorts::font_data::FontData<'_>>().map_err(|_| fail("font"))?;
        let provider = data.table_provider(0).map_err(|_| fail("font tables"))?;
        allsorts::subset::subset(
            &provider,
            &ids,
            &allsorts::subset::SubsetProfile::Pdf,
            allsorts::subset::CmapTarget::Unicode,
        )
        .map_err(|_| fail("font subset"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atkinson_draws_latin_and_noto_fills_in_polish_and_greek() {
        let fonts = Fonts::get();
        assert_eq!(fonts.face_for('a', false), (face_index(false, false), 'a'));
        assert_eq!(fonts.face_for('ë', true).0, face_index(true, false));
        for c in ['Ł', 'ś', 'ω'] {
            let (face, drawn) = fonts.face_for(c, false);
            assert_eq!(drawn, c, "{c} is drawn, not replaced");
            assert!(Fonts::get().faces[face].glyph_index(c).is_some(), "the chosen face has {c}");
        }
    }

    #[test]
    fn characters_no_font_has_are_replaced_not_boxed() {
        let (_, drawn) = Fonts::get().face_for('\u{1F600}', false);
        assert_eq!(drawn, REPLACEMENT);
    }

    #[test]
    fn bold_is_wider_and_width_scales_with_size() {
        let fonts = Fonts::get();
        let regular = fonts.width("Patient Participation Group", false, 12.0);
        assert!(fonts.width("Patient Participation Group", true, 12.0) > regular);
        assert!((fonts.width("Patient Participation Group", false, 24.0) - 2.0 * regular).abs() < 0.01);
    }

    #[test]
    fn a_subset_is_much_smaller_than_the_font() {
        let chars: BTreeSet<char> = "Riverside PPG contact list".chars().collect();
        let subset = Fonts::get().subset(0, &chars).unwrap();
        assert!(subset.len() < FACE_BYTES[0].len() / 3, "subset {} bytes", subset.len());
        let face = Face::parse(&subset, 0).unwrap();
        assert!(face.glyph_index('R').is_some() && face.glyph_index('Z').is_none());
    }
}

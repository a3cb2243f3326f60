//! The printing fonts, built into the binary: Atkinson Hyperlegible (made for low-vision
//! readers) for Latin, Noto Sans for Latin letters it lacks (Polish, Greek, Cyrillic), and the
//! Noto faces of the scripts the practices' patients read: Bengali, Devanagari, Gurmukhi,
//! Gujarati, Tamil, Arabic and Urdu (Noto Naskh Arabic: open and clear at print sizes),
//! Hebrew, Thai and Ethiopic, each regular and bold. `shape.rs` chooses among them by script
//! and shapes with them (and measures text); each face used is subset to the glyphs a document draws, so an
//! English document carries only Atkinson.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use crate::error::{Error, Result};

macro_rules! font {
    ($file:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/fonts/", $file))
    };
}

/// A family of two faces (regular and bold) chosen by script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Latin,
    NotoSans,
    Bengali,
    Devanagari,
    Gurmukhi,
    Gujarati,
    Tamil,
    Arabic,
    Hebrew,
    Thai,
    Ethiopic,
}

impl Family {
    /// How much larger than the text's size the family is set, so its letters look as big
    /// as Atkinson's beside them: Naskh's letters are small on their body.
    pub fn scale(self) -> f32 {
        match self {
            Family::Arabic => 1.25,
            _ => 1.0,
        }
    }
}

/// Each family's regular and bold faces, in `Family` order: face `2 * family + bold`.
const FAMILIES: [(Family, &[u8], &[u8]); 11] = [
    (Family::Latin, font!("AtkinsonHyperlegible-Regular.ttf"), font!("AtkinsonHyperlegible-Bold.ttf")),
    (Family::NotoSans, font!("NotoSans-Regular.ttf"), font!("NotoSans-Bold.ttf")),
    (Family::Bengali, font!("NotoSansBengali-Regular.ttf"), font!("NotoSansBengali-Bold.ttf")),
    (Family::Devanagari, font!("NotoSansDevanagari-Regular.ttf"), font!("NotoSansDevanagari-Bold.ttf")),
    (Family::Gurmukhi, font!("NotoSansGurmukhi-Regular.ttf"), font!("NotoSansGurmukhi-Bold.ttf")),
    (Family::Gujarati, font!("NotoSansGujarati-Regular.ttf"), font!("NotoSansGujarati-Bold.ttf")),
    (Family::Tamil, font!("NotoSansTamil-Regular.ttf"), font!("NotoSansTamil-Bold.ttf")),
    (Family::Arabic, font!("NotoNaskhArabic-Regular.ttf"), font!("NotoNaskhArabic-Bold.ttf")),
    (Family::Hebrew, font!("NotoSansHebrew-Regular.ttf"), font!("NotoSansHebrew-Bold.ttf")),
    (Family::Thai, font!("NotoSansThai-Regular.ttf"), font!("NotoSansThai-Bold.ttf")),
    (Family::Ethiopic, font!("NotoSansEthiopic-Regular.ttf"), font!("NotoSansEthiopic-Bold.ttf")),
];

pub const FACE_COUNT: usize = 2 * FAMILIES.len();

fn bytes(face: usize) -> &'static [u8] {
    let (_, regular, bold) = FAMILIES[face / 2];
    if face % 2 == 1 {
        bold
    } else {
        regular
    }
}

pub fn face_index(family: Family, bold: bool) -> usize {
    2 * FAMILIES.iter().position(|(f, _, _)| *f == family).unwrap_or(0) + usize::from(bold)
}

/// Each glyph of a face and its number in a subset: (original, in the subset).
pub type Renumbered = Vec<(u16, u16)>;

/// The faces, each parsed once for shaping (a shaping face is also the font's own tables:
/// cmap, widths, names).
pub struct Fonts {
    faces: Vec<rustybuzz::Face<'static>>,
}

impl Fonts {
    /// The fonts, parsed once.
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts {
            faces: (0..FACE_COUNT)
                .map(|f| rustybuzz::Face::from_slice(bytes(f), 0).expect("the bundled fonts parse"))
                .collect(),
        })
    }

    /// The faces to try for `family`'s text, best first: its own, then Atkinson and Noto Sans.
    pub fn faces_for(&self, family: Family, bold: bool) -> Vec<usize> {
        let mut out = vec![face_index(family, bold)];
        for fallback in [Family::Latin, Family::NotoSans] {
            let face = face_index(fallback, bold);
            if !out.contains(&face) {
                out.push(face);
            }
        }
        out
    }

    pub fn family(&self, face: usize) -> Family {
        FAMILIES[face / 2].0
    }

    /// Whether `face` draws `c` (the invisible joiners count as drawn: shaping uses them).
    pub fn has(&self, face: usize, c: char) -> bool {
        matches!(c, '\u{200C}' | '\u{200D}') || self.faces[face].glyph_index(c).is_some()
    }

    /// `face`'s own glyph for `c`, unshaped.
    pub fn glyph(&self, face: usize, c: char) -> Option<u16> {
        self.faces[face].glyph_index(c).map(|g| g.0)
    }

    /// The face's PostScript name ("NotoSansBengali-Regular"), which the PDF names it by.
    pub fn postscript_name(&self, face: usize) -> String {
        self.faces[face]
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| format!("PPGDeskFace{face}"))
    }

    /// How far `face` moves the pen after glyph `id`, unshaped, in its own units.
    pub fn advance_units(&self, face: usize, id: u16) -> i32 {
        i32::from(self.faces[face].glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap_or(0))
    }

    pub fn shaper(&self, face: usize) -> &rustybuzz::Face<'static> {
        &self.faces[face]
    }

    /// The distance from the top of a line box to the baseline, as a share of the size.
    pub fn ascent_ratio(&self) -> f32 {
        let face = &self.faces[0];
        f32::from(face.ascender()) / face.units_per_em().max(1) as f32
    }

    /// A copy of face `face` holding only the glyphs `glyphs` (and .notdef), so a two-page
    /// document carries kilobytes of font, not the whole file. Returns it and each glyph's
    /// number in it.
    pub fn subset(&self, face: usize, glyphs: &BTreeSet<u16>) -> Result<(Vec<u8>, Renumbered)> {
        let mut ids: Vec<u16> = vec![0];
        ids.extend(glyphs.iter().copied().filter(|g| *g != 0));
        let fail = |what: &str| Error::File(format!("The document could not be prepared for printing ({what})."));
        let scope = allsorts::binary::read::ReadScope::new(bytes(face));
        let data = scope.read::<allsorts::font_data::FontData<'_>>().map_err(|_| fail("font"))?;
        let provider = data.table_provider(0).map_err(|_| fail("font tables"))?;
        let subset = allsorts::subset::subset(
            &provider,
            &ids,
            &allsorts::subset::SubsetProfile::Pdf,
            allsorts::subset::CmapTarget::Unicode,
        )
        .map_err(|_| fail("font subset"))?;
        let renumbered = ids.iter().enumerate().map(|(new, old)| (*old, u16::try_from(new).unwrap_or(0))).collect();
        Ok((subset, renumbered))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ttf_parser::Face;

    #[test]
    fn each_script_s_face_has_its_letters_and_naskh_has_urdu_s() {
        let fonts = Fonts::get();
        for (family, letters) in [
            (Family::Latin, "Patient"),
            (Family::NotoSans, "ŁśωЖ"),
            (Family::Bengali, "স্বাস্থ্য"),
            (Family::Devanagari, "स्वास्थ्य"),
            (Family::Gurmukhi, "ਸਿਹਤ"),
            (Family::Gujarati, "આરોગ્ય"),
            (Family::Tamil, "உடல்நலம்"),
            (Family::Arabic, "صحت کلب ٹڈڑںےۓہھ"),
            (Family::Hebrew, "בריאות"),
            (Family::Thai, "สุขภาพ"),
            (Family::Ethiopic, "ጤና"),
        ] {
            for bold in [false, true] {
                let face = face_index(family, bold);
                for c in letters.chars().filter(|c| !c.is_whitespace()) {
                    assert!(fonts.glyph(face, c).is_some(), "{family:?} {bold} has {c}");
                }
            }
        }
    }

    #[test]
    fn a_subset_is_much_smaller_than_the_font_and_keeps_the_glyphs_asked_for() {
        let fonts = Fonts::get();
        let glyphs: BTreeSet<u16> = "Riverside PPG".chars().filter_map(|c| fonts.glyph(0, c)).collect();
        let (subset, renumbered) = fonts.subset(0, &glyphs).unwrap();
        assert!(subset.len() < bytes(0).len() / 3, "subset {} bytes", subset.len());
        assert_eq!(renumbered.len(), glyphs.len() + 1, ".notdef and each glyph");
        let face = Face::parse(&subset, 0).unwrap();
        assert_eq!(usize::from(face.number_of_glyphs()), renumbered.len());
    }
}

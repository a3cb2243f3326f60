//! The PPG's logo: checked to be a real PNG or JPEG picture, scaled down, stored as PNG.

use crate::error::Result;
use crate::picture::{self, Wanted};

const MAX_SIDE: u32 = 800;

/// Checks a picture chosen as the logo and returns it as a PNG no larger than 800 pixels a side.
pub fn prepare(bytes: &[u8]) -> Result<Vec<u8>> {
    picture::prepare(bytes, &Wanted { field: "logo", max_side: MAX_SIDE, keep_jpeg: false })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::picture::tests::picture;
    use image::ImageFormat;

    #[test]
    fn a_large_jpeg_becomes_a_smaller_png_of_the_same_shape() {
        let png = prepare(&picture(1600, 400, ImageFormat::Jpeg)).unwrap();
        let back = image::load_from_memory(&png).unwrap();
        assert_eq!(image::guess_format(&png).unwrap(), ImageFormat::Png);
        assert_eq!((back.width(), back.height()), (800, 200));
    }

    #[test]
    fn other_files_are_refused_with_a_reason() {
        let message = |bytes: &[u8]| prepare(bytes).unwrap_err().to_string();
        let Error::Invalid(fields) = prepare(b"%PDF-1.7 not a picture").unwrap_err() else { panic!() };
        assert!(fields[0].message.contains("PNG or JPEG"));
        assert!(message(&picture(8, 8, ImageFormat::Png)).contains("correct"));
        let Error::Invalid(fields) = prepare(&picture(8, 8, ImageFormat::Png)).unwrap_err() else { panic!() };
        assert!(fields[0].message.contains("too small"));
    }
}

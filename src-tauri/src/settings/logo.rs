//! The PPG's logo: checked to be a real PNG or JPEG picture, scaled down, stored as PNG.

use std::io::Cursor;

use image::{ImageFormat, imageops::FilterType};

use crate::error::{Error, Result};

const MAX_FILE: usize = 10 * 1024 * 1024;
const MAX_SIDE: u32 = 800;

/// Checks a picture chosen as the logo and returns it as a PNG no larger than 800 pixels a side.
pub fn prepare(bytes: &[u8]) -> Result<Vec<u8>> {
    let wrong = |message: &str| Error::invalid("logo", message);
    if bytes.len() > MAX_FILE {
        return Err(wrong("That picture is too large (over 10 MB). Please choose a smaller one."));
    }
    let format = image::guess_format(bytes).map_err(|_| wrong("The logo must be a PNG or JPEG picture."))?;
    if !matches!(format, ImageFormat::Png | ImageFormat::Jpeg) {
        return Err(wrong("The logo must be a PNG or JPEG picture."));
    }
    let picture = image::load_from_memory_with_format(bytes, format).map_err(|_| wrong("That picture could not be read. It may be damaged."))?;
    if picture.width() < 16 || picture.height() < 16 {
        return Err(wrong("That picture is too small to print clearly."));
    }
    let picture = if picture.width().max(picture.height()) > MAX_SIDE {
        picture.resize(MAX_SIDE, MAX_SIDE, FilterType::Triangle)
    } else {
        picture
    };
    let mut png = Vec::new();
    picture.write_to(&mut Cursor::new(&mut png), ImageFormat::Png).map_err(|_| wrong("That picture could not be converted."))?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
        let image = image::RgbImage::from_pixel(width, height, image::Rgb([0, 94, 184]));
        let mut out = Vec::new();
        image::DynamicImage::ImageRgb8(image).write_to(&mut Cursor::new(&mut out), format).unwrap();
        out
    }

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

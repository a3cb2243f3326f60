//! Pictures people add (the logo, bulletin pictures): checked to be a real PNG or JPEG of a
//! sensible size in pixels *before* it is decoded (a small file can hold a picture so large
//! that decoding it takes gigabytes), then scaled down once, when it is added, so that every
//! later render is quick.

use std::io::Cursor;

use image::{imageops::FilterType, ImageFormat, ImageReader};

use crate::error::{Error, Result};

/// The largest file a picture may be.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// The most pixels a picture may have before it is scaled (a 40-megapixel camera photo fits).
const MAX_PIXELS: u64 = 50_000_000;

/// How a picture is kept once checked.
pub struct Wanted<'a> {
    /// The form field messages belong to (`logo`, `image`).
    pub field: &'a str,
    /// The longest side, in pixels, after scaling down.
    pub max_side: u32,
    /// Whether a JPEG stays a JPEG (photos) rather than becoming a PNG.
    pub keep_jpeg: bool,
}

/// Checks `bytes` and returns the picture scaled to fit `wanted.max_side`.
pub fn prepare(bytes: &[u8], wanted: &Wanted) -> Result<Vec<u8>> {
    let wrong = |message: &str| Error::invalid(wanted.field, message);
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(wrong("That picture is too large (over 10 MB). Please choose a smaller one."));
    }
    let format = image::guess_format(bytes).ok().filter(|f| matches!(f, ImageFormat::Png | ImageFormat::Jpeg));
    let Some(format) = format else {
        return Err(wrong("Please choose a PNG or JPEG picture."));
    };
    let reader = || ImageReader::with_format(Cursor::new(bytes), format);
    let (width, height) =
        reader().into_dimensions().map_err(|_| wrong("That picture could not be read. It may be damaged."))?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(wrong(
            "That picture has too many pixels to print (over 50 megapixels). Please choose a smaller copy of it.",
        ));
    }
    if width < 16 || height < 16 {
        return Err(wrong("That picture is too small to print clearly."));
    }
    let picture = reader().decode().map_err(|_| wrong("That picture could not be read. It may be damaged."))?;
    let picture = if width.max(height) > wanted.max_side {
        picture.resize(wanted.max_side, wanted.max_side, FilterType::Triangle)
    } else {
        picture
    };
    let mut out = Vec::new();
    let written = if format == ImageFormat::Jpeg && wanted.keep_jpeg {
        picture.to_rgb8().write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg)
    } else {
        picture.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
    };
    written.map_err(|_| wrong("That picture could not be converted."))?;
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A plain picture of the given size and format, for tests.
    pub(crate) fn picture(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
        let image = image::RgbImage::from_pixel(width, height, image::Rgb([0, 94, 184]));
        let mut out = Vec::new();
        image::DynamicImage::ImageRgb8(image).write_to(&mut Cursor::new(&mut out), format).unwrap();
        out
    }

    const PHOTO: Wanted = Wanted { field: "image", max_side: 1600, keep_jpeg: true };

    #[test]
    fn a_picture_with_too_many_pixels_is_refused_before_it_is_decoded() {
        // A small JPEG whose frame header claims 12,000 x 12,000 pixels: decoding it would
        // take gigabytes, so only the header may be read.
        let mut jpeg = picture(16, 16, ImageFormat::Jpeg);
        let frame = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).expect("a baseline JPEG frame header");
        jpeg[frame + 5..frame + 7].copy_from_slice(&12_000u16.to_be_bytes());
        jpeg[frame + 7..frame + 9].copy_from_slice(&12_000u16.to_be_bytes());
        let Error::Invalid(fields) = prepare(&jpeg, &PHOTO).unwrap_err() else { panic!("refused as invalid") };
        assert!(fields[0].message.contains("too many pixels"), "{}", fields[0].message);
    }

    #[test]
    fn a_large_photo_is_scaled_down_once_and_stays_a_jpeg() {
        let jpeg = prepare(&picture(3200, 800, ImageFormat::Jpeg), &PHOTO).unwrap();
        assert_eq!(image::guess_format(&jpeg).unwrap(), ImageFormat::Jpeg);
        let back = image::load_from_memory(&jpeg).unwrap();
        assert_eq!((back.width(), back.height()), (1600, 400));
    }
}

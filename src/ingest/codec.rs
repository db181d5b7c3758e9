//! Text encodings by name, and decoding them to UTF-8: UTF-16 here (it needs no table),
//! the others with `encoding_rs` in the native build (feature `encoding_rs`, on by
//! default) and with the browser's `TextDecoder` in the WebAssembly build (built without
//! that feature), so that the page does not download encoding tables the browser already
//! has. Both know the same encodings: those of the WHATWG Encoding Standard.

/// An encoding, by its name in the Encoding Standard (`UTF-8`, `gb18030`, `Big5`…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextEncoding(&'static str);

pub const UTF_8: TextEncoding = TextEncoding("UTF-8");
pub const UTF_16LE: TextEncoding = TextEncoding("UTF-16LE");
pub const UTF_16BE: TextEncoding = TextEncoding("UTF-16BE");
pub const GB18030: TextEncoding = TextEncoding("gb18030");
pub const GBK: TextEncoding = TextEncoding("GBK");
pub const BIG5: TextEncoding = TextEncoding("Big5");
pub const WINDOWS_1252: TextEncoding = TextEncoding("windows-1252");
pub const WINDOWS_1256: TextEncoding = TextEncoding("windows-1256");

/// Every encoding of the standard, spelled as it names them.
const NAMES: [&str; 39] = [
    "UTF-8",
    "IBM866",
    "ISO-8859-2",
    "ISO-8859-3",
    "ISO-8859-4",
    "ISO-8859-5",
    "ISO-8859-6",
    "ISO-8859-7",
    "ISO-8859-8",
    "ISO-8859-8-I",
    "ISO-8859-10",
    "ISO-8859-13",
    "ISO-8859-14",
    "ISO-8859-15",
    "ISO-8859-16",
    "KOI8-R",
    "KOI8-U",
    "macintosh",
    "windows-874",
    "windows-1250",
    "windows-1251",
    "windows-1252",
    "windows-1253",
    "windows-1254",
    "windows-1255",
    "windows-1256",
    "windows-1257",
    "windows-1258",
    "x-mac-cyrillic",
    "GBK",
    "gb18030",
    "Big5",
    "EUC-JP",
    "ISO-2022-JP",
    "Shift_JIS",
    "EUC-KR",
    "UTF-16BE",
    "UTF-16LE",
    "x-user-defined",
];

impl TextEncoding {
    pub fn name(self) -> &'static str {
        self.0
    }

    /// The encoding of a label (`gbk`, `cp1256`, `utf-16`, `latin1`…), as the standard
    /// maps labels; `None` for an unknown label.
    pub fn for_label(label: &str) -> Option<TextEncoding> {
        let name = imp::canonical(label.trim())?;
        NAMES.iter().find(|n| n.eq_ignore_ascii_case(&name)).map(|n| TextEncoding(n))
    }
}

/// The whole of `bytes` decoded, bad sequences replaced by U+FFFD.
pub fn decode_all(encoding: TextEncoding, bytes: &[u8]) -> String {
    let mut d = StreamDecoder::new(encoding);
    let mut out = Vec::new();
    d.decode(bytes, true, &mut out);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Decodes a byte stream to UTF-8 across chunk boundaries; no byte-order mark is
/// removed (detection has taken it off already).
pub struct StreamDecoder(Inner);

enum Inner {
    Utf16(Utf16Decoder),
    Gb18030(super::gb18030::Decoder),
    Other(imp::Decoder),
}

impl StreamDecoder {
    pub fn new(encoding: TextEncoding) -> Self {
        // GBK is decoded as GB18030 by the standard; the page may install the table.
        let table = matches!(encoding, GB18030 | GBK).then(super::gb18030::installed).flatten();
        StreamDecoder(match (encoding, table) {
            (_, Some(table)) => Inner::Gb18030(super::gb18030::Decoder::new(table)),
            (UTF_16LE, _) => Inner::Utf16(Utf16Decoder::new(false)),
            (UTF_16BE, _) => Inner::Utf16(Utf16Decoder::new(true)),
            _ => Inner::Other(imp::Decoder::new(encoding)),
        })
    }

    /// Appends the UTF-8 of `input` to `out` (`last`: the stream ends after it).
    pub fn decode(&mut self, input: &[u8], last: bool, out: &mut Vec<u8>) {
        match &mut self.0 {
            Inner::Utf16(d) => d.decode(input, last, out),
            Inner::Gb18030(d) => d.decode(input, last, out),
            Inner::Other(d) => d.decode(input, last, out),
        }
    }
}

/// UTF-16 to UTF-8 as the Encoding Standard decodes it (a lone surrogate or a lone last
/// byte becomes U+FFFD), a code unit or a surrogate pair split between chunks included.
struct Utf16Decoder {
    big_endian: bool,
    /// The first byte of a code unit cut by the chunk's end.
    odd_byte: Option<u8>,
    /// A high surrogate waiting for its low one.
    high: Option<u16>,
}

impl Utf16Decoder {
    fn new(big_endian: bool) -> Self {
        Utf16Decoder { big_endian, odd_byte: None, high: None }
    }

    fn decode(&mut self, mut input: &[u8], last: bool, out: &mut Vec<u8>) {
        out.reserve(input.len() / 2 * 3 + 4);
        if let (Some(first), Some(&second)) = (self.odd_byte, input.first()) {
            self.odd_byte = None;
            self.unit(self.join(first, second), out);
            input = &input[1..];
        }
        let mut pairs = input.chunks_exact(2);
        for pair in &mut pairs {
            let u = self.join(pair[0], pair[1]);
            if u < 0x80 && self.high.is_none() {
                out.push(u as u8);
            } else {
                self.unit(u, out);
            }
        }
        if let [b] = pairs.remainder() {
            self.odd_byte = Some(*b);
        }
        // A lone high surrogate and a lone byte after it make one U+FFFD, as in encoding_rs.
        if last && (self.high.take().is_some() | self.odd_byte.take().is_some()) {
            push_char(char::REPLACEMENT_CHARACTER, out);
        }
    }

    fn join(&self, a: u8, b: u8) -> u16 {
        if self.big_endian {
            u16::from_be_bytes([a, b])
        } else {
            u16::from_le_bytes([a, b])
        }
    }

    fn unit(&mut self, u: u16, out: &mut Vec<u8>) {
        if let Some(high) = self.high.take() {
            if (0xDC00..=0xDFFF).contains(&u) {
                let c = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                push_char(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), out);
                return;
            }
            push_char(char::REPLACEMENT_CHARACTER, out);
        }
        match u {
            0xD800..=0xDBFF => self.high = Some(u),
            0xDC00..=0xDFFF => push_char(char::REPLACEMENT_CHARACTER, out),
            _ => push_char(char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER), out),
        }
    }
}

fn push_char(c: char, out: &mut Vec<u8>) {
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

#[cfg(feature = "encoding_rs")]
mod imp {
    use super::TextEncoding;
    use encoding_rs::{CoderResult, Encoding};

    pub fn canonical(label: &str) -> Option<String> {
        Encoding::for_label(label.as_bytes()).map(|e| e.name().to_string())
    }

    pub struct Decoder(encoding_rs::Decoder);

    impl Decoder {
        pub fn new(encoding: TextEncoding) -> Self {
            let e = Encoding::for_label(encoding.name().as_bytes()).unwrap_or(encoding_rs::UTF_8);
            Decoder(e.new_decoder_without_bom_handling())
        }

        pub fn decode(&mut self, mut src: &[u8], last: bool, out: &mut Vec<u8>) {
            loop {
                let room = self.0.max_utf8_buffer_length(src.len()).unwrap_or(src.len() * 3 + 16);
                let start = out.len();
                out.resize(start + room, 0);
                let (result, read, written, _) = self.0.decode_to_utf8(src, &mut out[start..], last);
                out.truncate(start + written);
                src = &src[read..];
                if result == CoderResult::InputEmpty {
                    return;
                }
            }
        }
    }
}

#[cfg(all(target_arch = "wasm32", not(feature = "encoding_rs")))]
mod imp {
    use super::TextEncoding;
    use wasm_bindgen::JsValue;
    use web_sys::{TextDecodeOptions, TextDecoder, TextDecoderOptions};

    pub fn canonical(label: &str) -> Option<String> {
        TextDecoder::new_with_label(label).ok().map(|d| d.encoding())
    }

    /// The browser's decoder; `None` only if the browser refused a name it listed.
    pub struct Decoder(Option<TextDecoder>);

    impl Decoder {
        pub fn new(encoding: TextEncoding) -> Self {
            let options = TextDecoderOptions::new();
            // Keep a leading U+FEFF: detection has removed the byte-order mark.
            let _ = js_sys::Reflect::set(&options, &JsValue::from_str("ignoreBOM"), &JsValue::TRUE);
            Decoder(TextDecoder::new_with_label_and_options(encoding.name(), &options).ok())
        }

        pub fn decode(&mut self, src: &[u8], last: bool, out: &mut Vec<u8>) {
            let options = TextDecodeOptions::new();
            options.set_stream(!last);
            match self.0.as_ref().map(|d| d.decode_with_u8_array_and_options(src, &options)) {
                Some(Ok(text)) => out.extend_from_slice(text.as_bytes()),
                _ => out.extend_from_slice(String::from_utf8_lossy(src).as_bytes()),
            }
        }
    }
}

#[cfg(all(not(target_arch = "wasm32"), not(feature = "encoding_rs")))]
compile_error!("the native build decodes legacy encodings with encoding_rs: enable the `encoding_rs` feature");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_its_own_label_and_decodes() {
        for name in NAMES {
            assert_eq!(TextEncoding::for_label(name).map(TextEncoding::name), Some(name));
        }
        assert_eq!(TextEncoding::for_label("latin1"), Some(WINDOWS_1252));
        assert_eq!(TextEncoding::for_label("x-gbk"), TextEncoding::for_label("GBK"));
        assert_eq!(decode_all(GB18030, b"\xD5\xC5\xCE\xB0"), "张伟");
        assert_eq!(decode_all(UTF_16LE, b"\xFF\xFEa\0"), "\u{FEFF}a", "the byte-order mark is kept");
        assert_eq!(decode_all(WINDOWS_1256, b"\xED"), "ي");
        assert_eq!(decode_all(UTF_16LE, b"\x3D\xD8\x41"), "\u{FFFD}");
        assert_eq!(decode_all(UTF_16LE, b"\x3D\xD8\x00\xDE"), "😀");
    }

    proptest::proptest! {
        /// UTF-16 decoded here as encoding_rs decodes it, cut anywhere.
        #[test]
        fn utf16_as_encoding_rs_decodes_it(
            units in proptest::collection::vec(proptest::sample::select(vec![
                0x41u16, 0x0A, 0x4E2D, 0x00E9, 0xD83D, 0xDE00, 0xDC00, 0xD800, 0xFFFF, 0x0000,
            ]), 0..40),
            odd in proptest::option::of(0u8..=255),
            cut in 0usize..100,
            big_endian in proptest::bool::ANY,
        ) {
            let mut bytes: Vec<u8> = units
                .iter()
                .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
                .collect();
            bytes.extend(odd);
            let cut = cut.min(bytes.len());
            let mut d = StreamDecoder::new(if big_endian { UTF_16BE } else { UTF_16LE });
            let mut ours = Vec::new();
            d.decode(&bytes[..cut], false, &mut ours);
            d.decode(&bytes[cut..], true, &mut ours);
            let theirs = if big_endian { encoding_rs::UTF_16BE } else { encoding_rs::UTF_16LE };
            let (expected, _) = theirs.decode_without_bom_handling(&bytes);
            proptest::prop_assert_eq!(String::from_utf8(ours).unwrap_or_default(), expected.into_owned());
        }
    }

    #[test]
    fn stream_decoding_across_chunks() {
        let bytes = b"\xD5\xC5\xCE\xB0,1\n";
        for cut in 0..bytes.len() {
            let mut d = StreamDecoder::new(GB18030);
            let mut out = Vec::new();
            d.decode(&bytes[..cut], false, &mut out);
            d.decode(&bytes[cut..], true, &mut out);
            assert_eq!(String::from_utf8(out).unwrap_or_default(), "张伟,1\n", "cut at {cut}");
        }
    }
}

//! GB18030 (and GBK, which the Encoding Standard decodes the same way) decoded to UTF-8
//! from a table handed in at run time (`www/gb18030.bin`): the page fetches it only when
//! a file may be Chinese, so the wasm does not carry it and the browser's `TextDecoder`
//! (three times slower on GBK) is not needed for the commonest Chinese export. Follows
//! the standard's gb18030 decoder step by step, errors included.
//!
//! Table layout (little endian): `u32` count of ranges, then that many (`u32` pointer,
//! `u32` code point) pairs (the four-byte ranges), then 23,940 `u16` code points of the
//! two-byte pointers (0 where the index has none).

use std::sync::OnceLock;

/// Two-byte pointers: lead 0x81..=0xFE times trail 0x40..=0x7E, 0x80..=0xFE.
#[cfg(any(target_arch = "wasm32", test))]
const TWO_BYTE: usize = 126 * 190;
/// Four-byte pointers mapped by ranges; from 189,000 on they are the supplementary planes.
const RANGES_END: u32 = 39_419;
const SUPPLEMENTARY: u32 = 189_000;
const LAST_POINTER: u32 = 1_237_575;

/// A parsed table.
pub struct Table {
    ranges: Vec<(u32, u32)>,
    two_byte: Vec<u16>,
}

static TABLE: OnceLock<Table> = OnceLock::new();

/// Installs the table for every later decoder; an error names what is wrong with it.
#[cfg(target_arch = "wasm32")]
pub fn install(bytes: &[u8]) -> Result<(), &'static str> {
    let table = Table::parse(bytes).ok_or("the GB18030 table is damaged")?;
    let _ = TABLE.set(table);
    Ok(())
}

/// The installed table, if any.
pub fn installed() -> Option<&'static Table> {
    TABLE.get()
}

impl Table {
    #[cfg(any(target_arch = "wasm32", test))]
    pub fn parse(bytes: &[u8]) -> Option<Table> {
        let u32_at = |i: usize| bytes.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let n = u32_at(0)? as usize;
        let ranges: Vec<(u32, u32)> =
            (0..n).map(|k| Some((u32_at(4 + 8 * k)?, u32_at(8 + 8 * k)?))).collect::<Option<_>>()?;
        let start = 4 + 8 * n;
        let rest = bytes.get(start..)?;
        if rest.len() != TWO_BYTE * 2 || ranges.first().map(|r| r.0) != Some(0) {
            return None;
        }
        let two_byte = rest.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
        Some(Table { ranges, two_byte })
    }

    /// The table's bytes, from the code points of every two-byte pointer and the first
    /// code point of every four-byte range (as the generator writes it).
    #[cfg(test)]
    pub fn to_bytes(ranges: &[(u32, u32)], two_byte: &[u16]) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + ranges.len() * 8 + two_byte.len() * 2);
        out.extend((ranges.len() as u32).to_le_bytes());
        for (p, c) in ranges {
            out.extend(p.to_le_bytes());
            out.extend(c.to_le_bytes());
        }
        for c in two_byte {
            out.extend(c.to_le_bytes());
        }
        out
    }

    /// The standard's "index gb18030 ranges code point".
    fn four_byte(&self, pointer: u32) -> Option<char> {
        if pointer > RANGES_END && pointer < SUPPLEMENTARY || pointer > LAST_POINTER {
            return None;
        }
        if pointer >= SUPPLEMENTARY {
            return char::from_u32(0x10000 + pointer - SUPPLEMENTARY);
        }
        let i = self.ranges.partition_point(|&(p, _)| p <= pointer).checked_sub(1)?;
        let (offset, code) = *self.ranges.get(i)?;
        char::from_u32(code + pointer - offset)
    }

    fn two_byte(&self, pointer: usize) -> Option<char> {
        match self.two_byte.get(pointer) {
            Some(0) | None => None,
            Some(&c) => char::from_u32(u32::from(c)),
        }
    }
}

/// A streaming decoder over an installed table.
pub struct Decoder {
    table: &'static Table,
    first: u8,
    second: u8,
    third: u8,
}

fn push(c: char, out: &mut Vec<u8>) {
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

impl Decoder {
    pub fn new(table: &'static Table) -> Self {
        Decoder { table, first: 0, second: 0, third: 0 }
    }

    /// Appends the UTF-8 of `input` to `out` (`last`: the stream ends after it).
    pub fn decode(&mut self, input: &[u8], last: bool, out: &mut Vec<u8>) {
        out.reserve(input.len() * 3 / 2 + 4);
        let mut i = 0;
        while i < input.len() {
            if self.first == 0 {
                // ASCII runs, the bulk of a CSV, copied as they are.
                let run = input[i..].iter().position(|&b| b >= 0x80).unwrap_or(input.len() - i);
                out.extend_from_slice(&input[i..i + run]);
                i += run;
                if i == input.len() {
                    break;
                }
            }
            let mut again = [0u8; 3];
            let n = self.step(input[i], out, &mut again);
            i += 1;
            // Bytes the standard "prepends to the stream": read again before the rest.
            let mut queue: Vec<u8> = again[..n].to_vec();
            while !queue.is_empty() {
                let b = queue.remove(0);
                let mut more = [0u8; 3];
                let m = self.step(b, out, &mut more);
                for (k, &x) in more[..m].iter().enumerate() {
                    queue.insert(k, x);
                }
            }
        }
        if last && (self.first | self.second | self.third) != 0 {
            self.first = 0;
            self.second = 0;
            self.third = 0;
            push(char::REPLACEMENT_CHARACTER, out);
        }
    }

    /// One byte through the standard's gb18030 decoder; returns how many bytes of `again`
    /// must be read again.
    fn step(&mut self, b: u8, out: &mut Vec<u8>, again: &mut [u8; 3]) -> usize {
        if self.third != 0 {
            let (first, second, third) = (self.first, self.second, self.third);
            self.first = 0;
            self.second = 0;
            self.third = 0;
            if !b.is_ascii_digit() {
                *again = [second, third, b];
                push(char::REPLACEMENT_CHARACTER, out);
                return 3;
            }
            let pointer = ((u32::from(first - 0x81) * 10 + u32::from(second - 0x30)) * 126 + u32::from(third - 0x81))
                * 10
                + u32::from(b - 0x30);
            push(self.table.four_byte(pointer).unwrap_or(char::REPLACEMENT_CHARACTER), out);
            return 0;
        }
        if self.second != 0 {
            if (0x81..=0xFE).contains(&b) {
                self.third = b;
                return 0;
            }
            let second = self.second;
            self.first = 0;
            self.second = 0;
            again[0] = second;
            again[1] = b;
            push(char::REPLACEMENT_CHARACTER, out);
            return 2;
        }
        if self.first != 0 {
            if b.is_ascii_digit() {
                self.second = b;
                return 0;
            }
            let lead = self.first;
            self.first = 0;
            let offset = if b < 0x7F { 0x40 } else { 0x41 };
            let code = if (0x40..=0x7E).contains(&b) || (0x80..=0xFE).contains(&b) {
                self.table.two_byte(usize::from(lead - 0x81) * 190 + usize::from(b - offset))
            } else {
                None
            };
            if let Some(c) = code {
                push(c, out);
                return 0;
            }
            push(char::REPLACEMENT_CHARACTER, out);
            if b.is_ascii() {
                again[0] = b;
                return 1;
            }
            return 0;
        }
        match b {
            0x00..=0x7F => out.push(b),
            0x80 => push('\u{20AC}', out),
            0x81..=0xFE => self.first = b,
            _ => push(char::REPLACEMENT_CHARACTER, out),
        }
        0
    }
}

/// The table as encoding_rs decodes GB18030 (a test checks that `www/gb18030.bin` is it,
/// and writes it with `WRITE_GB18030_TABLE=1 cargo test committed_table`).
#[cfg(all(test, feature = "encoding_rs"))]
fn table_from_encoding_rs() -> Vec<u8> {
    let decode = |bytes: &[u8]| {
        let mut d = encoding_rs::GB18030.new_decoder_without_bom_handling();
        let mut out = String::with_capacity(16);
        let _ = d.decode_to_string(bytes, &mut out, true);
        let mut chars = out.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c != char::REPLACEMENT_CHARACTER => Some(c as u32),
            _ => None,
        }
    };
    let mut two_byte = vec![0u16; TWO_BYTE];
    for lead in 0x81u8..=0xFE {
        for (k, trail) in (0x40u8..=0x7E).chain(0x80..=0xFE).enumerate() {
            let c = decode(&[lead, trail]).filter(|&c| c <= 0xFFFF).unwrap_or(0);
            two_byte[usize::from(lead - 0x81) * 190 + k] = c as u16;
        }
    }
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    let mut previous: Option<(u32, u32)> = None;
    for pointer in 0..=RANGES_END {
        let (b4, rest) = ((pointer % 10) as u8 + 0x30, pointer / 10);
        let (b3, rest) = ((rest % 126) as u8 + 0x81, rest / 126);
        let (b2, b1) = ((rest % 10) as u8 + 0x30, (rest / 10) as u8 + 0x81);
        let Some(c) = decode(&[b1, b2, b3, b4]) else { continue };
        if previous != Some((pointer.wrapping_sub(1), c.wrapping_sub(1))) {
            ranges.push((pointer, c));
        }
        previous = Some((pointer, c));
    }
    Table::to_bytes(&ranges, &two_byte)
}

#[cfg(all(test, feature = "encoding_rs"))]
mod tests {
    use super::*;

    fn table() -> &'static Table {
        static T: OnceLock<Table> = OnceLock::new();
        T.get_or_init(|| Table::parse(&table_from_encoding_rs()).expect("a table"))
    }

    #[test]
    fn the_committed_table_is_what_encoding_rs_decodes() {
        let table = table_from_encoding_rs();
        if std::env::var_os("WRITE_GB18030_TABLE").is_some() {
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/www/gb18030.bin"), &table).unwrap();
        }
        let committed = include_bytes!("../../www/gb18030.bin");
        assert!(committed[..] == table[..], "run: WRITE_GB18030_TABLE=1 cargo test committed_table");
    }

    proptest::proptest! {
        /// Decoded as encoding_rs decodes it (the standard's decoder), cut anywhere.
        #[test]
        fn decodes_as_encoding_rs(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                &b"a"[..], b",", b"\n", b"\xD5\xC5", b"\xCE\xB0", b"\x81\x30\x81\x30", b"\x84\x31\xA4\x39",
                b"\x90\x30\x81\x30", b"\xE3\x32\x9A\x35", b"\x80", b"\xFF", b"\x81", b"\x30", b"\xA1\x7F",
                b"\x81\x30", b"\x81\x30\x81", b"\xFE\xFE", b"\xA2\xE3", b"\xA6\xD9", b"\x84\x31\xA5\x30",
            ]), 0..30),
            cut in 0usize..120,
        ) {
            let bytes = parts.concat();
            let cut = cut.min(bytes.len());
            let mut d = Decoder::new(table());
            let mut ours = Vec::new();
            d.decode(&bytes[..cut], false, &mut ours);
            d.decode(&bytes[cut..], true, &mut ours);
            let (expected, _) = encoding_rs::GB18030.decode_without_bom_handling(&bytes);
            proptest::prop_assert_eq!(String::from_utf8(ours).unwrap_or_default(), expected.into_owned());
        }
    }
}

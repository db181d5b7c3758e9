//! Push-based CSV record splitter on top of `csv-core`.
//!
//! Bytes are fed in chunks of any size; a record split across chunks (inside a quoted
//! field, between CR and LF, anywhere) is reassembled. Buffers are reused, so the hot
//! path does not allocate per field or per record.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// One parsed record: the fields' bytes, borrowed from the splitter's buffer.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    data: &'a [u8],
    ends: &'a [usize],
}

impl<'a> Record<'a> {
    /// A record over `data` whose fields end at `ends`.
    pub fn new(data: &'a [u8], ends: &'a [usize]) -> Self {
        Record { data, ends }
    }

    /// Number of fields.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Field `i`, or `None` past the end of the record.
    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { *self.ends.get(i - 1)? };
        self.data.get(start..end)
    }

    /// The whole record as text, when it is valid UTF-8 (checked once, not per field).
    pub fn as_str(&self) -> Option<&'a str> {
        std::str::from_utf8(self.data).ok()
    }

    /// Field `i` of a record whose text is `whole` (from [`Record::as_str`]).
    pub fn field_str(&self, whole: &'a str, i: usize) -> Option<&'a str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { *self.ends.get(i - 1)? };
        whole.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        (0..self.len()).filter_map(move |i| self.get(i))
    }
}

/// A record copied out of the splitter's buffer, kept for later.
#[derive(Clone, Debug, Default)]
pub struct OwnedRecord {
    data: Vec<u8>,
    ends: Vec<usize>,
}

impl OwnedRecord {
    pub fn from_record(r: &Record<'_>) -> Self {
        OwnedRecord { data: r.data.to_vec(), ends: r.ends.to_vec() }
    }

    pub fn as_record(&self) -> Record<'_> {
        Record::new(&self.data, &self.ends)
    }
}

/// Splits a byte stream into CSV records.
pub struct RecordSplitter {
    reader: Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    out_len: usize,
    ends_len: usize,
    finished: bool,
}

impl RecordSplitter {
    pub fn new(delimiter: u8) -> Self {
        RecordSplitter {
            reader: ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 4096],
            ends: vec![0; 64],
            out_len: 0,
            ends_len: 0,
            finished: false,
        }
    }

    /// True when no record is pending: the bytes fed so far end at a record boundary
    /// (not inside a field, quoted or not).
    pub fn at_record_start(&self) -> bool {
        self.out_len == 0 && self.ends_len == 0
    }

    /// Feeds a chunk; `on_record` is called for every record completed by it.
    pub fn feed<F: FnMut(Record<'_>)>(&mut self, input: &[u8], on_record: F) {
        if !input.is_empty() {
            self.run(input, on_record);
        }
    }

    /// Signals the end of the stream; a last record without a line break is emitted.
    pub fn finish<F: FnMut(Record<'_>)>(&mut self, on_record: F) {
        if !self.finished {
            self.finished = true;
            self.run(&[], on_record);
        }
    }

    fn run<F: FnMut(Record<'_>)>(&mut self, mut input: &[u8], mut on_record: F) {
        let at_end = input.is_empty();
        loop {
            let (res, nin, nout, nend) =
                self.reader.read_record(input, &mut self.out[self.out_len..], &mut self.ends[self.ends_len..]);
            input = &input[nin..];
            self.out_len += nout;
            self.ends_len += nend;
            match res {
                ReadRecordResult::InputEmpty => return,
                ReadRecordResult::OutputFull => {
                    let len = self.out.len();
                    self.out.resize(len * 2, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len();
                    self.ends.resize(len * 2, 0);
                }
                ReadRecordResult::Record => {
                    on_record(Record { data: &self.out[..self.out_len], ends: &self.ends[..self.ends_len] });
                    self.out_len = 0;
                    self.ends_len = 0;
                    if input.is_empty() && !at_end {
                        return;
                    }
                }
                ReadRecordResult::End => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_all(chunks: &[&[u8]]) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut s = RecordSplitter::new(b',');
        let mut collect =
            |r: Record<'_>| rows.push(r.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect::<Vec<_>>());
        for c in chunks {
            s.feed(c, &mut collect);
        }
        s.finish(&mut collect);
        rows
    }

    #[test]
    fn splits_across_chunks_inside_quotes_and_crlf() {
        let text = b"a,b\r\n\"x,\r\ny\",2\r\nlast,3";
        let whole = split_all(&[text]);
        assert_eq!(whole, vec![vec!["a", "b"], vec!["x,\r\ny", "2"], vec!["last", "3"]]);
        for cut in 0..text.len() {
            assert_eq!(split_all(&[&text[..cut], &text[cut..]]), whole, "cut at {cut}");
        }
    }

    #[test]
    fn long_fields_grow_the_buffer() {
        let long = "z".repeat(10_000);
        let text = format!("{long},1\n");
        assert_eq!(split_all(&[text.as_bytes()])[0][0].len(), 10_000);
    }
}

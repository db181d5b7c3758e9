//! Push-based CSV record splitter on top of `csv-core`.
//!
//! Bytes are fed in chunks of any size; a record split across chunks (inside a quoted
//! field, between CR and LF, anywhere) is reassembled. Buffers are reused, so the hot
//! path does not allocate per field or per record.
//!
//! Most records of an export need no unescaping: fields either hold no quote or are
//! wholly quoted with no doubled quote inside (`"Acme, Inc."`, and every field of a
//! Salesforce or HubSpot export). Such a record, whole in the chunk, is split in one pass
//! and handed out in place; every other record (`""` inside a field, a lone CR, text after
//! a closing quote, a record cut by the chunk's end) goes through `csv-core`'s state
//! machine. Both give the same records (a property test compares them). The chunk is
//! checked as UTF-8 once, so no cost depends on where in the chunk a record lies.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// One parsed record: the fields' bytes, borrowed from the splitter's buffer.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    data: &'a [u8],
    ends: &'a [usize],
    /// Where each field starts in `data`; empty when the fields lie back to back.
    starts: &'a [usize],
    /// `data` as text, when already known to be valid UTF-8.
    text: Option<&'a str>,
    /// The field whose quote was never closed: the record is one line read with its
    /// quotes as text (see [`RecordSplitter::expected_fields`]).
    unclosed_quote: Option<usize>,
    /// Empty lines between the record before it and this one.
    blank_before: u64,
}

impl<'a> Record<'a> {
    /// A record over `data` whose fields end at `ends`, back to back.
    pub fn new(data: &'a [u8], ends: &'a [usize]) -> Self {
        Record { data, ends, starts: &[], text: None, unclosed_quote: None, blank_before: 0 }
    }

    /// The empty lines between the record before it and this one (a spreadsheet shows
    /// each as a row).
    pub fn blank_before(&self) -> u64 {
        self.blank_before
    }

    /// The field whose opening quote had no closing one (the record was read from its
    /// line alone), if any.
    pub fn unclosed_quote(&self) -> Option<usize> {
        self.unclosed_quote
    }

    fn start(&self, i: usize) -> Option<usize> {
        if !self.starts.is_empty() {
            self.starts.get(i).copied()
        } else if i == 0 {
            Some(0)
        } else {
            self.ends.get(i - 1).copied()
        }
    }

    /// Number of fields.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Field `i`, or `None` past the end of the record.
    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        self.data.get(self.start(i)?..*self.ends.get(i)?)
    }

    /// The whole record as text, when it is valid UTF-8 (checked once, not per field).
    pub fn as_str(&self) -> Option<&'a str> {
        self.text.or_else(|| std::str::from_utf8(self.data).ok())
    }

    /// The record with its text checked once: later [`Record::as_str`] calls cost
    /// nothing, and `None` says the record is not valid UTF-8.
    pub fn checked(self) -> (Self, bool) {
        match self.as_str() {
            Some(text) => (Record { text: Some(text), ..self }, true),
            None => (self, false),
        }
    }

    /// Field `i` of a record whose text is `whole` (from [`Record::as_str`]).
    pub fn field_str(&self, whole: &'a str, i: usize) -> Option<&'a str> {
        whole.get(self.start(i)?..*self.ends.get(i)?)
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
    starts: Vec<usize>,
    unclosed_quote: Option<usize>,
}

impl OwnedRecord {
    pub fn from_record(r: &Record<'_>) -> Self {
        OwnedRecord {
            data: r.data.to_vec(),
            ends: r.ends.to_vec(),
            starts: r.starts.to_vec(),
            unclosed_quote: r.unclosed_quote,
        }
    }

    /// A copy of `r` whose field `col` is `value`.
    pub fn with_field(r: &Record<'_>, col: usize, value: &[u8]) -> Self {
        let mut out = OwnedRecord { unclosed_quote: r.unclosed_quote, ..Default::default() };
        for (i, field) in r.iter().enumerate() {
            out.data.extend_from_slice(if i == col { value } else { field });
            out.ends.push(out.data.len());
        }
        out
    }

    pub fn as_record(&self) -> Record<'_> {
        Record {
            data: &self.data,
            ends: &self.ends,
            starts: &self.starts,
            text: None,
            unclosed_quote: self.unclosed_quote,
            blank_before: 0,
        }
    }
}

/// Whether `raw` ends inside a quoted field: a quote that starts a field opens one, two
/// quotes inside it are one, and a quote elsewhere is text (`55" TV`).
fn ends_in_open_quote(raw: &[u8], delimiter: u8) -> bool {
    let (mut quoted, mut field_start, mut i) = (false, true, 0);
    while i < raw.len() {
        let b = raw[i];
        if quoted {
            if b == b'"' {
                if raw.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b'"' && field_start {
            quoted = true;
            field_start = false;
        } else {
            field_start = b == delimiter || b == b'\n' || b == b'\r';
        }
        i += 1;
    }
    quoted
}

/// Splits a byte stream into CSV records.
pub struct RecordSplitter {
    reader: Reader,
    delimiter: u8,
    /// Bytes that end an unquoted field's run of ordinary bytes: the delimiter, CR, LF
    /// and the quote (one table look-up a byte instead of four comparisons).
    special: [bool; 256],
    out: Vec<u8>,
    ends: Vec<usize>,
    out_len: usize,
    ends_len: usize,
    /// `csv-core` holds part of a record (e.g. an open quote with nothing after it yet).
    pending: bool,
    /// Field bounds of a record split in place.
    line_starts: Vec<usize>,
    line_ends: Vec<usize>,
    fast: bool,
    finished: bool,
    /// Fields a record should have (0: not known yet); shared with the reader of the
    /// records, which learns it from the header while records are being handed out.
    expect: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    /// The bytes of the record `csv-core` is reading, as written (to read them again when
    /// a quote turns out not to be closed).
    raw: Vec<u8>,
    /// Empty lines since the last record; whether the record being read has a byte that
    /// is not a line break yet; whether the last byte read ended a record with a CR (the
    /// LF after it ends no line).
    blank: u64,
    started: bool,
    last_cr: bool,
}

impl RecordSplitter {
    pub fn new(delimiter: u8) -> Self {
        RecordSplitter {
            reader: ReaderBuilder::new().delimiter(delimiter).build(),
            delimiter,
            special: {
                let mut t = [false; 256];
                for b in [delimiter, b'\n', b'\r', b'"'] {
                    t[b as usize] = true;
                }
                t
            },
            out: vec![0; 4096],
            ends: vec![0; 64],
            out_len: 0,
            ends_len: 0,
            pending: false,
            line_starts: Vec::with_capacity(64),
            line_ends: Vec::with_capacity(64),
            fast: true,
            finished: false,
            expect: Default::default(),
            raw: Vec::new(),
            blank: 0,
            started: false,
            last_cr: false,
        }
    }

    /// A handle through which the reader of the records tells the splitter how many fields
    /// a record has (the header's), from within the record callback. A record that then
    /// turns out to hold a quote opened on one line and closed lines later (`"Acme` with no
    /// closing quote swallows the rows below it) is read again: its first line alone,
    /// quotes as text and flagged ([`Record::unclosed_quote`]), then the lines after it as
    /// records of their own.
    pub fn expected_fields(&self) -> std::sync::Arc<std::sync::atomic::AtomicUsize> {
        self.expect.clone()
    }

    fn expect(&self) -> usize {
        self.expect.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// A splitter that sends every line through `csv-core` (to test the fast path).
    #[cfg(test)]
    pub fn csv_core_only(delimiter: u8) -> Self {
        RecordSplitter { fast: false, ..RecordSplitter::new(delimiter) }
    }

    /// The empty lines read since the last record (at the end of the stream: the ones
    /// after the last record), counted once.
    pub fn take_blank(&mut self) -> u64 {
        std::mem::take(&mut self.blank)
    }

    /// Counts the empty lines `csv-core` skipped before a record's first byte: each CR,
    /// LF or CRLF (an LF right after the CR that ended a record ends no line).
    fn count_blank(&mut self, consumed: &[u8]) {
        if self.started {
            return;
        }
        for &b in consumed {
            match b {
                b'\n' if self.last_cr => self.last_cr = false,
                b'\n' => self.blank += 1,
                b'\r' => {
                    self.blank += 1;
                    self.last_cr = true;
                }
                _ => {
                    self.started = true;
                    self.last_cr = false;
                    return;
                }
            }
        }
    }

    /// True when no record is pending: the bytes fed so far end at a record boundary
    /// (not inside a field, quoted or not).
    pub fn at_record_start(&self) -> bool {
        !self.pending && self.out_len == 0 && self.ends_len == 0
    }

    /// If `input` starts with a whole record that needs no unescaping (see the module
    /// docs), records its field bounds in `line_starts`/`line_ends` and returns the
    /// record's length (without its line break) and the length to skip (with it).
    fn simple_record(&mut self, input: &[u8]) -> Option<(usize, usize)> {
        self.line_starts.clear();
        self.line_ends.clear();
        let delimiter = self.delimiter;
        let mut i = 0;
        loop {
            // At the start of a field.
            if input.get(i) == Some(&b'"') {
                let close = i + 1 + memchr::memchr(b'"', input.get(i + 1..)?)?;
                self.line_starts.push(i + 1);
                self.line_ends.push(close);
                i = close + 1;
                match *input.get(i)? {
                    b if b == delimiter => {
                        i += 1;
                        continue;
                    }
                    b'\n' => return Some((i, i + 1)),
                    b'\r' if input.get(i + 1) == Some(&b'\n') => return Some((i, i + 2)),
                    // `""` inside the field, a lone CR or text after the closing quote.
                    _ => return None,
                }
            }
            self.line_starts.push(i);
            loop {
                while input.get(i).is_some_and(|&b| !self.special[b as usize]) {
                    i += 1;
                }
                match *input.get(i)? {
                    b if b == delimiter => {
                        self.line_ends.push(i);
                        i += 1;
                        break;
                    }
                    b'\n' => {
                        self.line_ends.push(i);
                        return Some((i, i + 1));
                    }
                    b'\r' => {
                        if input.get(i + 1) == Some(&b'\n') {
                            self.line_ends.push(i);
                            return Some((i, i + 2));
                        }
                        return None;
                    }
                    b'"' => return None,
                    _ => i += 1,
                }
            }
        }
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

    /// When the record just read (`raw`, as written) spans lines because a quote opened and
    /// did not close on its line: the bounds of its first line and where the next line
    /// starts. Such a record has another width than the header's, or holds a line that is
    /// a record of the header's width by itself (the swallowed rows); a quoted note with a
    /// line break in it has neither.
    fn unclosed(&self, raw: &[u8], at_end: bool) -> Option<((usize, usize), usize)> {
        let expect = self.expect();
        if expect == 0 {
            return None;
        }
        // a quote still open where the stream ends
        let open_at_end = at_end && ends_in_open_quote(raw, self.delimiter);
        // blank lines before the record are not part of it
        let start = raw.iter().position(|&b| b != b'\n' && b != b'\r')?;
        let end = match memchr::memchr2(b'\n', b'\r', &raw[start..]) {
            Some(e) => start + e,
            None if open_at_end => raw.len(),
            None => return None,
        };
        let mut next = (end + 1).min(raw.len());
        if raw.get(end) == Some(&b'\r') && raw.get(next) == Some(&b'\n') {
            next += 1;
        }
        let rest = &raw[next..];
        if open_at_end {
            return Some(((start, end), next));
        }
        // a break that only ends the record is no break inside it
        if !rest.iter().any(|&b| b != b'\n' && b != b'\r') {
            return None;
        }
        let a_row = |line: &[u8]| memchr::memchr_iter(self.delimiter, line).count() + 1 == expect;
        (self.ends_len != expect || rest.split(|&b| b == b'\n').any(a_row)).then_some(((start, end), next))
    }

    /// One line split at the delimiter with its quotes as text, flagged with the field
    /// whose quote opened (a leading quote without its closing one is dropped).
    fn emit_line<F: FnMut(Record<'_>)>(&mut self, line: &[u8], on_record: &mut F) {
        self.line_starts.clear();
        self.line_ends.clear();
        let mut open = None;
        let mut start = 0;
        for end in memchr::memchr_iter(self.delimiter, line).chain(std::iter::once(line.len())) {
            let field = &line[start..end];
            let quoted = field.first() == Some(&b'"') && !(field.len() > 1 && field.last() == Some(&b'"'));
            if quoted && open.is_none() {
                open = Some(self.line_ends.len());
            }
            self.line_starts.push(if quoted { start + 1 } else { start });
            self.line_ends.push(end);
            start = end + 1;
        }
        let open = open.or_else(|| {
            line.iter().position(|&b| b == b'"').map(|q| line[..q].iter().filter(|&&b| b == self.delimiter).count())
        });
        let (starts, ends) = (&self.line_starts[..], &self.line_ends[..]);
        let blank_before = std::mem::take(&mut self.blank);
        on_record(Record {
            data: line,
            ends,
            starts,
            text: None,
            unclosed_quote: Some(open.unwrap_or(0)),
            blank_before,
        });
    }

    fn run<F: FnMut(Record<'_>)>(&mut self, chunk: &[u8], mut on_record: F) {
        let at_end = chunk.is_empty();
        // The chunk's valid UTF-8 prefix (a chunk may end inside a character), once.
        let text = match std::str::from_utf8(chunk) {
            Ok(t) => t,
            Err(e) => std::str::from_utf8(&chunk[..e.valid_up_to()]).unwrap_or_default(),
        };
        let mut at = 0;
        loop {
            if self.fast && !at_end && self.at_record_start() {
                while let Some((len, next)) = self.simple_record(chunk.get(at..).unwrap_or_default()) {
                    let line = &chunk[at..at + len];
                    let line_text = text.get(at..at + len);
                    at += next;
                    if !line.is_empty() {
                        let (starts, ends) = (&self.line_starts[..], &self.line_ends[..]);
                        let blank_before = std::mem::take(&mut self.blank);
                        let rec =
                            Record { data: line, ends, starts, text: line_text, unclosed_quote: None, blank_before };
                        on_record(rec);
                    } else if !(self.last_cr && next == 1) {
                        // an empty line (not the LF of a CRLF that ended a record)
                        self.blank += 1;
                    }
                    self.last_cr = false;
                }
                if at >= chunk.len() {
                    return;
                }
            }
            let input = chunk.get(at..).unwrap_or_default();
            let (res, nin, nout, nend) =
                self.reader.read_record(input, &mut self.out[self.out_len..], &mut self.ends[self.ends_len..]);
            let consumed = &input[..nin];
            if self.expect() > 0 {
                self.raw.extend_from_slice(consumed);
            }
            self.count_blank(consumed);
            at += nin;
            self.out_len += nout;
            self.ends_len += nend;
            match res {
                ReadRecordResult::InputEmpty => {
                    self.pending |= consumed.iter().any(|&b| b != b'\r' && b != b'\n');
                    return;
                }
                ReadRecordResult::OutputFull => {
                    let len = self.out.len();
                    self.out.resize(len * 2, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len();
                    self.ends.resize(len * 2, 0);
                }
                ReadRecordResult::Record => {
                    let raw = std::mem::take(&mut self.raw);
                    let ended_cr = consumed.last() == Some(&b'\r');
                    self.started = false;
                    self.last_cr = false;
                    let rest = match self.unclosed(&raw, at_end) {
                        None => {
                            let blank_before = std::mem::take(&mut self.blank);
                            let (data, ends) = (&self.out[..self.out_len], &self.ends[..self.ends_len]);
                            on_record(Record { blank_before, ..Record::new(data, ends) });
                            None
                        }
                        Some((line, rest)) => {
                            self.emit_line(&raw[line.0..line.1], &mut on_record);
                            Some(rest)
                        }
                    };
                    self.out_len = 0;
                    self.ends_len = 0;
                    self.pending = false;
                    if let Some(rest) = rest {
                        // the lines the open quote swallowed, read again as records
                        self.run(&raw[rest..], &mut on_record as &mut dyn FnMut(Record<'_>));
                    }
                    self.last_cr = ended_cr;
                    // reuse the buffer, unless reading again left a record open (another
                    // quote not closed) whose bytes it now holds
                    if self.raw.is_empty() {
                        self.raw = raw;
                        self.raw.clear();
                    }
                    if at >= chunk.len() && !at_end {
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
    fn a_quote_left_open_at_the_end_is_flagged() {
        for text in [&b"a,b\n1,2\n\"x,3\n"[..], b"a,b\n1,2\n\"x,3"] {
            let mut s = RecordSplitter::new(b',');
            s.expected_fields().store(2, std::sync::atomic::Ordering::Relaxed);
            let mut out = Vec::new();
            let mut on = |r: Record<'_>| {
                out.push((
                    r.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect::<Vec<_>>(),
                    r.unclosed_quote(),
                ))
            };
            s.feed(text, &mut on);
            s.finish(&mut on);
            let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
            assert_eq!(
                out,
                [(strings(&["a", "b"]), None), (strings(&["1", "2"]), None), (strings(&["x", "3"]), Some(0))]
            );
        }
        assert!(!ends_in_open_quote(b"1,TV 55\" wide,3", b','));
        assert!(!ends_in_open_quote(b"1,\"a \"\"b\"\" c\",3", b','));
        assert!(ends_in_open_quote(b"1,\"a\n2,3", b','));
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

    fn split_with(mut s: RecordSplitter, chunks: &[&[u8]]) -> Vec<Vec<Vec<u8>>> {
        let mut rows = Vec::new();
        let mut collect = |r: Record<'_>| rows.push(r.iter().map(<[u8]>::to_vec).collect::<Vec<_>>());
        for c in chunks {
            s.feed(c, &mut collect);
        }
        s.finish(&mut collect);
        rows
    }

    proptest::proptest! {
        #[test]
        fn fast_path_gives_csv_core_records(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                &b"a"[..], b"bb", b",", b";", b"\"", b"\"\"", b"\n", b"\r\n", b"\r", b" ", b"x,y", b"\xC3\xA9",
                b"\"q,r\"", b",\"s\"", b"\"t\"\r\n",
            ]), 0..80),
            cut in 0usize..400,
        ) {
            let bytes = parts.concat();
            let cut = cut.min(bytes.len());
            let chunks: [&[u8]; 2] = [&bytes[..cut], &bytes[cut..]];
            let fast = split_with(RecordSplitter::new(b','), &chunks);
            let mut s = RecordSplitter::new(b',');
            let mut check = |r: Record<'_>| {
                if let Some(whole) = r.as_str() {
                    for i in 0..r.len() {
                        assert_eq!(r.field_str(whole, i).map(str::as_bytes), r.get(i));
                    }
                }
            };
            for c in chunks {
                s.feed(c, &mut check);
            }
            s.finish(&mut check);
            let core = split_with(RecordSplitter::csv_core_only(b','), &[&bytes]);
            proptest::prop_assert_eq!(fast, core);
        }
    }

    #[test]
    fn long_fields_grow_the_buffer() {
        let long = "z".repeat(10_000);
        let text = format!("{long},1\n");
        assert_eq!(split_all(&[text.as_bytes()])[0][0].len(), 10_000);
    }
}

//! The catalog's binary form, which the widget embeds and decodes on start.
//!
//! Written by hand rather than derived with serde: serde's generated decoders were about
//! 40 KB of the wasm, these are a few. The format: unsigned integers are LEB128 varints,
//! signed ones zigzag varints; a string is its byte length and its UTF-8; a list is its
//! length and its items; an option is 0 or 1 and the value; an enum is its variant number
//! and its fields; a struct is its fields in order. Every [`Text`] is an index into a table
//! written before the value, grouped by language (every Kazakh text, then every Russian,
//! then every English): text is most of a catalog, and grouped so gzip finds far more
//! repeats within its window. Text in one language only (a document's wording in each
//! language) joins its language's group too ([`Writer::lang_str`]).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::day;
use crate::text::{Lang, Text};

/// Something in the catalog that can be written and read back.
pub trait Wire: Sized {
    fn put(&self, w: &mut Writer);
    fn get(r: &mut Reader) -> Result<Self, Damaged>;
}

/// The bytes do not decode: the embedded catalog is damaged or from another version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Damaged;

impl std::fmt::Display for Damaged {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the compiled catalog is damaged")
    }
}

/// Encodes `value` with its texts in a table (see the module's comment).
pub fn encode<T: Wire>(value: &T) -> Vec<u8> {
    let mut body = Writer::default();
    value.put(&mut body);
    let mut out = Writer::default();
    out.uint(body.table.len() as u64);
    body.single.iter().for_each(|(strings, _)| out.uint(strings.len() as u64));
    for (lang, (strings, _)) in Lang::ALL.into_iter().zip(&body.single) {
        body.table.iter().for_each(|text| out.str(text.get(lang)));
        strings.iter().for_each(|s| out.str(s));
    }
    out.out.extend_from_slice(&body.out);
    out.out
}

/// Decodes what [`encode`] wrote; every byte must be used.
pub fn decode<T: Wire>(bytes: &[u8]) -> Result<T, Damaged> {
    let mut r = Reader { bytes, texts: Vec::new(), single: Default::default() };
    let n = r.len()?;
    let counts = [r.len()?, r.len()?, r.len()?];
    let mut columns: [Vec<String>; 3] = Default::default();
    for lang in 0..3 {
        columns[lang] = (0..n).map(|_| String::get(&mut r)).collect::<Result<_, _>>()?;
        r.single[lang] = (0..counts[lang]).map(|_| String::get(&mut r)).collect::<Result<_, _>>()?;
    }
    let [kk, ru, en] = columns;
    r.texts = kk.into_iter().zip(ru).zip(en).map(|((kk, ru), en)| Text { kk, ru, en }).collect();
    let value = T::get(&mut r)?;
    r.bytes.is_empty().then_some(value).ok_or(Damaged)
}

#[derive(Default)]
pub struct Writer {
    out: Vec<u8>,
    indexes: HashMap<Text, u64>,
    table: Vec<Text>,
    /// Strings in one language (0 kk, 1 ru, 2 en), each once, and their indexes.
    single: [(Vec<String>, HashMap<String, u64>); 3],
}

impl Writer {
    pub fn uint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.out.push(n as u8 | 0x80);
            n >>= 7;
        }
        self.out.push(n as u8);
    }

    pub fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.out.extend_from_slice(s.as_bytes());
    }

    /// A string in one language (`Lang::ALL` order), stored with that language's texts.
    pub fn lang_str(&mut self, lang: usize, s: &str) {
        let (strings, indexes) = &mut self.single[lang];
        let next = strings.len() as u64;
        let i = *indexes.entry(s.to_string()).or_insert(next);
        if i == next {
            strings.push(s.to_string());
        }
        self.uint(i);
    }
}

pub struct Reader<'a> {
    bytes: &'a [u8],
    texts: Vec<Text>,
    single: [Vec<String>; 3],
}

impl Reader<'_> {
    pub fn uint(&mut self) -> Result<u64, Damaged> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first().ok_or(Damaged)?;
            self.bytes = rest;
            n |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(n);
            }
        }
        Err(Damaged)
    }

    pub fn int(&mut self) -> Result<i64, Damaged> {
        let n = self.uint()?;
        Ok((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    /// A length, refused when it is longer than what is left (so no huge allocation).
    fn len(&mut self) -> Result<usize, Damaged> {
        let n = self.uint()?;
        (n <= self.bytes.len() as u64).then_some(n as usize).ok_or(Damaged)
    }

    /// What [`Writer::lang_str`] wrote.
    pub fn lang_str(&mut self, lang: usize) -> Result<String, Damaged> {
        let i = self.uint()?;
        self.single.get(lang).and_then(|s| s.get(i as usize)).cloned().ok_or(Damaged)
    }

    fn take(&mut self, n: usize) -> Result<&[u8], Damaged> {
        let (head, rest) = self.bytes.split_at_checked(n).ok_or(Damaged)?;
        self.bytes = rest;
        Ok(head)
    }
}

macro_rules! wire_int {
    ($($t:ty: $put:ident $get:ident),*) => {$(
        impl Wire for $t {
            fn put(&self, w: &mut Writer) {
                w.$put((*self).into());
            }
            fn get(r: &mut Reader) -> Result<Self, Damaged> {
                r.$get()?.try_into().map_err(|_| Damaged)
            }
        }
    )*};
}

wire_int!(u8: uint uint, u16: uint uint, u32: uint uint, u64: uint uint, i32: int int, i64: int int);

impl Wire for bool {
    fn put(&self, w: &mut Writer) {
        w.uint(*self as u64);
    }
    fn get(r: &mut Reader) -> Result<Self, Damaged> {
        match r.uint()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Damaged),
        }
    }
}

impl Wire for String {
    fn put(&self, w: &mut Writer) {
        w.str(self);
    }
    fn get(r: &mut Reader) -> Result<Self, Damaged> {
        let n = r.len()?;
        let bytes = r.take(n)?;
        std::str::from_utf8(bytes).map(str::to_string).map_err(|_| Damaged)
    }
}

impl Wire for Text {
    fn put(&self, w: &mut Writer) {
        let next = w.table.len() as u64;
        let i = *w.indexes.entry(self.clone()).or_insert(next);
        if i == next {
            w.table.push(self.clone());
        }
        w.uint(i);
    }
    // Not inlined: a struct of many texts (`Ui`) would otherwise repeat this body for each.
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, Damaged> {
        let i = r.uint()?;
        r.texts.get(i as usize).cloned().ok_or(Damaged)
    }
}

/// A date as its day number.
impl Wire for NaiveDate {
    fn put(&self, w: &mut Writer) {
        w.int(day::to_number(*self).into());
    }
    fn get(r: &mut Reader) -> Result<Self, Damaged> {
        day::from_number(i32::get(r)?).ok_or(Damaged)
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        self.iter().for_each(|item| item.put(w));
    }
    fn get(r: &mut Reader) -> Result<Self, Damaged> {
        let n = r.len()?;
        (0..n).map(|_| T::get(r)).collect()
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.is_some() as u64);
        if let Some(v) = self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader) -> Result<Self, Damaged> {
        Ok(if bool::get(r)? { Some(T::get(r)?) } else { None })
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, w: &mut Writer) {
        (**self).put(w);
    }
    fn get(r: &mut Reader) -> Result<Self, Damaged> {
        T::get(r).map(Box::new)
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut Reader) -> Result<Self, Damaged> {
        Ok((A::get(r)?, B::get(r)?))
    }
}

impl<T: Wire, const N: usize> Wire for [T; N] {
    fn put(&self, w: &mut Writer) {
        self.iter().for_each(|item| item.put(w));
    }
    fn get(r: &mut Reader) -> Result<Self, Damaged> {
        let items: Vec<T> = (0..N).map(|_| T::get(r)).collect::<Result<_, _>>()?;
        items.try_into().map_err(|_| Damaged)
    }
}

/// `Wire` for a struct: its fields in order.
#[macro_export]
macro_rules! wire_struct {
    ($($t:ident { $($field:ident),* $(,)? })*) => {$(
        impl $crate::wire::Wire for $t {
            fn put(&self, w: &mut $crate::wire::Writer) {
                $($crate::wire::Wire::put(&self.$field, w);)*
            }
            fn get(r: &mut $crate::wire::Reader) -> Result<Self, $crate::wire::Damaged> {
                Ok($t { $($field: $crate::wire::Wire::get(r)?,)* })
            }
        }
    )*};
}

/// `Wire` for an enum whose variants are units or tuples: the variant's number, then its fields.
#[macro_export]
macro_rules! wire_enum {
    ($t:ident { $($n:literal $variant:ident $(($($field:ident),*))?),* $(,)? }) => {
        impl $crate::wire::Wire for $t {
            fn put(&self, w: &mut $crate::wire::Writer) {
                match self {
                    $($t::$variant $(($($field),*))? => {
                        w.uint($n);
                        $($($crate::wire::Wire::put($field, w);)*)?
                    })*
                }
            }
            fn get(r: &mut $crate::wire::Reader) -> Result<Self, $crate::wire::Damaged> {
                Ok(match r.uint()? {
                    $($n => $t::$variant $(($({ let $field = $crate::wire::Wire::get(r)?; $field }),*))?,)*
                    _ => return Err($crate::wire::Damaged),
                })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_round_trip_at_their_edges() {
        let values: Vec<i64> = vec![0, 1, -1, 63, -64, 64, i64::MAX, i64::MIN];
        assert_eq!(decode::<Vec<i64>>(&encode(&values)), Ok(values));
        let values: Vec<u64> = vec![0, 127, 128, 16_383, 16_384, u64::MAX];
        assert_eq!(decode::<Vec<u64>>(&encode(&values)), Ok(values));
    }

    #[test]
    fn texts_are_stored_once_in_the_table() {
        let t = Text { kk: "сәлем".into(), ru: "привет".into(), en: "hello".into() };
        let bytes = encode(&vec![t.clone(), t.clone()]);
        assert_eq!(bytes.iter().filter(|&&b| b == b'h').count(), 1);
        assert_eq!(decode::<Vec<Text>>(&bytes), Ok(vec![t.clone(), t]));
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let bytes = encode(&vec![String::from("abc"); 3]);
        for cut in 0..bytes.len() {
            assert_eq!(decode::<Vec<String>>(&bytes[..cut]), Err(Damaged));
        }
        assert_eq!(decode::<Vec<String>>(&[bytes.as_slice(), &[0]].concat()), Err(Damaged));
        assert_eq!(
            decode::<Vec<u8>>(&[0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
            Err(Damaged)
        );
    }
}

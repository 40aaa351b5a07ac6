//! User-visible text: every string exists in Kazakh, Russian and English.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Parses a language code; anything else (or a regional variant we do not know) is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "kk" | "kz" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// One piece of user-visible text in the three languages. The rules checker refuses
/// a string that lacks any of them, so `get` never falls back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

/// `Text` as serde sees it outside a table (field by field).
#[derive(Serialize, Deserialize)]
struct Fields<'a> {
    #[serde(borrow)]
    kk: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    ru: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    en: std::borrow::Cow<'a, str>,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }

    /// Replaces `{name}` placeholders in the chosen language.
    pub fn fill(&self, lang: Lang, args: &[(&str, &str)]) -> String {
        fill(self.get(lang), args)
    }
}

pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

// A catalog's texts are encoded once each in a table grouped by language (every Kazakh text,
// then every Russian, then every English), and each `Text` in the catalog as its index in
// that table. Text is most of a catalog; kept apart from the structure and grouped so, gzip
// finds far more repeats within its window: about a fifth less to download. Outside
// `encode_with_table`/`decode_with_table`, a `Text` serializes as its three fields.

/// While encoding: each distinct text's index, and the texts in index order.
type Interner = (HashMap<Text, u32>, Vec<Text>);

thread_local! {
    static ENCODING: RefCell<Option<Interner>> = const { RefCell::new(None) };
    static DECODING: RefCell<Option<Vec<Text>>> = const { RefCell::new(None) };
}

/// Every distinct text, as three lists in kk, ru, en order, then the encoded value.
#[derive(Serialize, Deserialize)]
struct Tabled<'a> {
    #[serde(borrow)]
    kk: Vec<&'a str>,
    #[serde(borrow)]
    ru: Vec<&'a str>,
    #[serde(borrow)]
    en: Vec<&'a str>,
    value: &'a [u8],
}

/// Encodes `value` with postcard, its texts in a table (see above).
pub fn encode_with_table<T: Serialize>(value: &T) -> Result<Vec<u8>, postcard::Error> {
    ENCODING.with(|e| *e.borrow_mut() = Some((HashMap::new(), Vec::new())));
    let encoded = postcard::to_allocvec(value);
    let (_, texts) = ENCODING.with(|e| e.borrow_mut().take()).unwrap_or_default();
    let column = |lang: Lang| texts.iter().map(|t| t.get(lang)).collect::<Vec<_>>();
    let encoded = encoded?;
    postcard::to_allocvec(&Tabled { kk: column(Lang::Kk), ru: column(Lang::Ru), en: column(Lang::En), value: &encoded })
}

/// Decodes what [`encode_with_table`] wrote.
pub fn decode_with_table<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, postcard::Error> {
    let tabled: Tabled = postcard::from_bytes(bytes)?;
    if tabled.ru.len() != tabled.kk.len() || tabled.en.len() != tabled.kk.len() {
        return Err(postcard::Error::DeserializeBadEncoding);
    }
    let texts = (tabled.kk.iter().zip(&tabled.ru).zip(&tabled.en))
        .map(|((kk, ru), en)| Text { kk: kk.to_string(), ru: ru.to_string(), en: en.to_string() })
        .collect();
    DECODING.with(|d| *d.borrow_mut() = Some(texts));
    let value = postcard::from_bytes(tabled.value);
    DECODING.with(|d| d.borrow_mut().take());
    value
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let index = ENCODING.with(|e| {
            e.borrow_mut().as_mut().map(|(indexes, texts)| {
                *indexes.entry(self.clone()).or_insert_with(|| {
                    texts.push(self.clone());
                    texts.len() as u32 - 1
                })
            })
        });
        match index {
            Some(i) => serializer.serialize_u32(i),
            None => Fields { kk: self.kk.as_str().into(), ru: self.ru.as_str().into(), en: self.en.as_str().into() }
                .serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if DECODING.with(|d| d.borrow().is_some()) {
            let i = u32::deserialize(deserializer)? as usize;
            let text = DECODING.with(|d| d.borrow().as_ref().and_then(|texts| texts.get(i).cloned()));
            return text.ok_or_else(|| serde::de::Error::custom("a text index outside the table"));
        }
        let f = Fields::deserialize(deserializer)?;
        Ok(Text { kk: f.kk.into_owned(), ru: f.ru.into_owned(), en: f.en.into_owned() })
    }
}
